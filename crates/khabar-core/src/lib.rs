//! Khabar's core: everything between a folder of files and what the window shows, with no
//! user interface in it (this crate does not depend on egui, eframe, rfd or winit; the
//! compiler keeps it so). Data flows one way through its folders:
//!
//! - [`corpus`]: finding and reading files — folder walk, regular-file checks, the demo
//!   corpus, the on-disk cache, folder watching, the synthetic corpus generator.
//! - [`text`]: bytes to text and text to structure — decoding, normalisation, words,
//!   segmentation of a page into title / body / chrome, and the bidi layout rules.
//! - [`extract`]: what the text says — dates, entities, the per-article annotations and
//!   the `khabar extract` JSON output.
//! - [`query`]: what a reviewer asks — entity tables, the inverted index, search, timeline.
//! - [`review`]: what a reviewer writes — corrections and reviews (curation), the
//!   sidecar file that keeps them, and export.
//! - [`loader`] runs the stages off the UI thread and reports events; [`library`] folds
//!   those events into a loaded corpus and answers filters.
//! - [`eval`] scores extraction against gold; [`assets`] reads the user-editable data files.

pub mod assets;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod extract;
pub mod library;
pub mod loader;
pub mod query;
pub mod review;
pub mod text;
