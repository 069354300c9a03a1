//! The pure core: corpus loading, decoding, segmentation, bidi layout logic and export.
//! Nothing here knows about egui; everything is tested directly.

pub mod assets;
pub mod bidi;
pub mod corpus;
pub mod cues;
pub mod dateline;
pub mod decode;
pub mod demo;
pub mod document;
pub mod error;
pub mod extract;
pub mod loader;
pub mod normalize;
pub mod segment;
pub mod words;
