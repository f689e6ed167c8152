//! Passport SOS China: the knowledge and the decisions, with no browser in them.
//!
//! The engine, the calendar and the content are pure Rust so the same code runs in
//! the app (wasm32), in native tests and in the `sos` content tool.
//!
//! The layers: `content` reads and checks the data on its own; `engine` reads `content`;
//! `audit` sits above both, for the checks that need the engine to run over the content.

pub mod audit;
pub mod calendar;
pub mod content;
pub mod engine;
pub mod essentials;
pub mod sort;
pub mod storage;
pub mod ui;
