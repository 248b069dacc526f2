//! guanhu (管户): a keyboard-driven terminal app for bank relationship managers. The library holds every layer so tests can drive them directly; `main.rs` only calls `cli::run`.
// Slicing a string by byte position panics off a character boundary, and every string here
// may hold Chinese text a user typed or a file supplied: use get(), split_once, char_indices.
#![cfg_attr(not(test), deny(clippy::string_slice))]

pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod error;
pub mod export;
pub mod i18n;
pub mod import;
pub mod service;
pub mod store;
pub mod tui;
pub mod ui;
