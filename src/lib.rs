//! Passport SOS China: the knowledge and the decisions, with no browser in them.
//!
//! The engine, the calendar and the content are pure Rust so the same code runs in
//! the app (wasm32), in native tests and in the `sos` content tool.

pub mod calendar;
pub mod content;
pub mod engine;
pub mod sort;
pub mod storage;
