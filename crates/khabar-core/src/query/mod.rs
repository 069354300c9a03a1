//! What a reviewer asks of a loaded corpus: entity tables with merged variants, the
//! inverted entity index, full-text search and the timeline.

pub mod entity_tables;
pub mod filters;
pub mod index;
pub mod search;
pub mod timeline;
