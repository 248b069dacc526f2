//! guanhu (管户): a keyboard-driven terminal app for bank relationship managers. The library holds every layer so tests can drive them directly; `main.rs` only calls `cli::run`.
#![forbid(unsafe_code)]

pub mod domain;
pub mod i18n;
pub mod import;
pub mod clock;
pub mod config;
pub mod error;
pub mod store;
pub mod service;
pub mod app;
pub mod ui;
// TEMP pub mod cli;
pub mod tui;
