//! Bytes to text and text to structure: decoding, normalisation, words, segmentation of a
//! page into title, body and chrome, and the bidi layout rules the reader follows.

pub mod article;
pub mod bidi;
pub mod cues;
pub mod decode;
pub mod document;
pub mod lines;
pub mod normalize;
pub mod segment;
pub mod words;
