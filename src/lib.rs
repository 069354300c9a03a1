//! Khabar: explore folders of Arabic news articles.
//!
//! The core (corpus, text, extraction, queries, review) is the `khabar-core` crate, which
//! knows nothing of the user interface.
//! - [`ui`]: the egui/eframe application.
//! - [`cli`]: the command-line entry points (`khabar extract`, …).

pub mod cli;
pub mod ui;
