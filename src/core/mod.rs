//! The pure core: corpus loading, decoding, segmentation, bidi layout logic and export.
//! Nothing here knows about egui; everything is tested directly.

pub mod annotations;
pub mod assets;
pub mod bidi;
pub mod cache;
pub mod calendar;
pub mod corpus;
pub mod cues;
pub mod curation;
pub mod dateline;
pub mod dates;
pub mod decode;
pub mod demo;
pub mod document;
pub mod entities;
pub mod entity_tables;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod folder_walk;
pub mod index;
pub mod lexicon;
pub mod loader;
pub mod normalize;
pub mod regular_file;
pub mod search;
pub mod segment;
pub mod sidecar;
pub mod synth;
pub mod timeline;
pub mod watcher;
pub mod words;
