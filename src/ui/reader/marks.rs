//! What the reader highlights (entity mentions, dates, search hits, the focused sentence)
//! and in which colours, shared with the sidebar's kind colours.

use super::*;

/// An entity mention to highlight in the reader.
#[derive(Debug, Clone)]
pub struct Mark {
    pub range: Range<usize>,
    pub kind: Kind,
    pub key: String,
    pub name: String,
}

/// A date written in the article, with what it was read as.
#[derive(Debug, Clone)]
pub struct DateMark {
    pub range: Range<usize>,
    /// Hover text: the ISO value (and range end, Hijri form, how it was resolved).
    pub label: String,
}

/// The mentions of the article shown, and the entity selected in the sidebar.
#[derive(Debug, Clone, Default)]
pub struct Marks<'a> {
    pub list: Vec<Mark>,
    pub selected: &'a [String],
    pub dates: Vec<DateMark>,
    /// The publication line shown under the headline ("Published 2024-06-05 (inferred)").
    pub published: Option<String>,
    /// Search hits to highlight.
    pub hits: Vec<Range<usize>>,
    /// The interface language (menus, hover texts).
    pub language: Language,
}

/// Highlight of dates in the text.
pub fn date_color(dark: bool) -> Color32 {
    Color32::from_rgb(70, 130, 230).gamma_multiply(if dark { 0.35 } else { 0.22 })
}

/// Highlight of search hits.
pub fn hit_color(dark: bool) -> Color32 {
    Color32::from_rgb(240, 90, 120).gamma_multiply(if dark { 0.45 } else { 0.35 })
}

/// Highlight of the sentence opened from the timeline.
pub fn focus_color(dark: bool) -> Color32 {
    Color32::from_rgb(250, 210, 60).gamma_multiply(if dark { 0.30 } else { 0.45 })
}

/// Highlight colour of a kind; the selected entity's mentions are stronger.
pub fn kind_color(kind: Kind, selected: bool, dark: bool) -> Color32 {
    let base = match kind {
        Kind::Person => Color32::from_rgb(230, 160, 40),
        Kind::Place => Color32::from_rgb(40, 170, 160),
        Kind::Org => Color32::from_rgb(150, 110, 230),
    };
    let alpha = match (selected, dark) {
        (true, _) => 0.75,
        (false, true) => 0.32,
        (false, false) => 0.25,
    };
    base.gamma_multiply(alpha)
}

/// The word for a kind in the interface.
pub fn kind_label(kind: Kind, l: Language) -> &'static str {
    l.t(match kind {
        Kind::Person => T::KindPerson,
        Kind::Place => T::KindPlace,
        Kind::Org => T::KindOrg,
    })
}
