//! What the text says: dates and entities found in each article, gathered into
//! per-article annotations, and the `khabar extract` JSON output.

pub mod annotations;
pub mod dates;
pub mod entities;
pub mod output;
