//! Khabar: explore folders of Arabic news articles.
//!
//! - [`core`]: pure Rust, no UI — corpus loading, decoding, segmentation, bidi layout logic.
//! - [`ui`]: the egui/eframe application.
//! - [`cli`]: the command-line entry points (`khabar extract`, …).

pub mod cli;
pub mod core;
pub mod ui;
