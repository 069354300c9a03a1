//! One article as an export holds it (what was extracted, and the reviewer's state and
//! note), and the field renderings the spreadsheet and the report share.

use crate::extract::output::{ExtractArticle, ExtractDate};
use crate::review::curation::ReviewState;

/// One article to export: what was extracted from it (the spec's fields) and the reviewer's
/// state and note.
#[derive(Debug)]
pub struct ExportArticle {
    /// The article as `khabar extract` describes it.
    pub extract: ExtractArticle,
    /// Unread, read or flagged.
    pub review: ReviewState,
    /// The reviewer's free-text note; empty when there is none.
    pub note: String,
}

impl ExportArticle {
    /// An unread article without a note.
    pub fn new(extract: ExtractArticle) -> ExportArticle {
        ExportArticle {
            extract,
            review: ReviewState::Unread,
            note: String::new(),
        }
    }
}

/// The canonical names of an article's entities of one kind, each once, joined with `; `.
pub(super) fn entity_names(x: &ExtractArticle, kind: &str) -> String {
    distinct(
        x.entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.clone()),
    )
    .join("; ")
}

/// A date's ISO value, a range as `start/end`.
pub(super) fn iso_value(d: &ExtractDate) -> String {
    match &d.until {
        Some(until) => format!("{}/{}", d.value, until),
        None => d.value.clone(),
    }
}

/// The items in first-seen order, without repeats.
pub(super) fn distinct(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items.filter(|s| seen.insert(s.clone())).collect()
}
