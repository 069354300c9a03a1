//! What a reviewer writes: corrections and review states (curation), the sidecar file
//! that keeps them beside the corpus (or in the data folder), and export.

pub mod curation;
pub mod export;
pub mod sidecar;
