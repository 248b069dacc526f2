//! Plain types and pure rules of the business: customers, money, policy, classification, masking, search. No I/O, no clock, no database, no terminal.

pub mod answers;
pub mod assignment;
pub mod board;
pub mod book;
pub mod book_policy;
pub mod book_words;
pub mod cadence;
pub mod classify;
pub mod contacts;
pub mod customer;
pub mod diary;
pub mod holds;
pub mod identity;
#[deny(clippy::indexing_slicing, clippy::string_slice)]
pub mod limits;
pub mod mask;
#[deny(clippy::indexing_slicing, clippy::string_slice)]
pub mod money;
pub mod names;
pub mod past_plans;
pub mod period;
pub mod policy;
pub mod portfolio;
pub mod prospects;
pub mod queue;
pub mod review;
pub mod search;
pub mod signals;
pub mod targets;
pub mod urgency;
#[deny(clippy::indexing_slicing, clippy::string_slice)]
pub mod when;
pub mod workload;
#[deny(clippy::indexing_slicing, clippy::string_slice)]
pub mod written;
