//! What the date reader gives: a date written in the text, and an article's publication
//! date. Below the grammars and resolution, which build them.

use std::ops::Range;

/// A date written in the text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DateMention {
    /// Byte range of the expression in the text.
    pub range: Range<usize>,
    /// ISO start: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
    /// ISO end of a range, at the same precision as `value`.
    pub until: Option<String>,
    /// The date as written in the Hijri calendar (`1445-09-15`, `1445-09`, `1445`), when it was.
    pub hijri: Option<String>,
    /// True when the value came from the publication date (relative or year-less).
    pub relative: bool,
}

/// An article's publication date, stated or inferred.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PublicationDate {
    pub value: String,
    /// What it was read from: the dateline, or the sentence it was inferred from.
    pub range: Range<usize>,
    /// True when inferred from the text ("اليوم الأربعاء الموافق 5 يونيو") rather than stated.
    pub inferred: bool,
}
