//! What a panel asks of the app. Panels return or queue a `Command` instead of changing the
//! app's state themselves; the app applies the queue once per frame, after the UI is built
//! (egui_demo_app's shape), so the state is the same for every panel drawn in a frame.

use crate::ui::i18n::Language;
use crate::ui::timeline_strip::{Brush, BrushLane};
use khabar_core::corpus::CorpusSource;
use khabar_core::extract::entities::Kind;
use khabar_core::library::ArticleKey;
use khabar_core::query::filters::EntityMatch;
use khabar_core::review::curation::{Edit, ReviewState};
use khabar_core::review::export::Format;
use std::path::PathBuf;

/// Something a widget asks for; applied after the frame's UI is built.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Open(CorpusSource),
    PickFolder,
    CancelLoad,
    Select(ArticleKey),
    ShowSkipped(bool),
    ShowPathField(bool),
    /// Add an entity to the list's filter, or take it out when it is in it.
    ToggleEntity(String),
    /// Whether the list needs all the selected entities or any of them.
    SetEntityMatch(EntityMatch),
    /// Show or hide a kind of entity (sidebar, and articles mentioning that kind).
    ToggleKind(Kind),
    /// Show every kind of entity again.
    ShowAllKinds,
    /// Record a correction of the entities (saved to the corpus sidecar).
    Curate(Edit),
    /// Take the last correction back.
    Undo,
    /// Choose the entity that the next "merge into" moves.
    MarkForMerge(Option<String>),
    /// Open or close the rename field for an entity.
    StartRename(Option<String>),
    /// Narrow the list to a date range of the timeline, or clear it.
    SetBrush(Option<Brush>),
    /// Which dates a timeline range filters by.
    SetBrushLane(BrushLane),
    /// Show only the articles without a publication date, or all again.
    ShowUndated(bool),
    /// Open the article of a timeline mark at the sentence of that date.
    OpenDate {
        article: u32,
        mention: u32,
    },
    /// Review state of the article being read.
    SetReviewState(ReviewState),
    /// Note of the article being read.
    SetNote(String),
    /// Next (+1) or previous (−1) article of the list.
    Step(i32),
    /// Flag the article being read, or unflag it.
    ToggleFlag,
    /// Only articles in this review state, or all.
    SetReviewFilter(Option<ReviewState>),
    /// Remove every filter.
    ClearFilters,
    /// Empty the search box.
    ClearSearch,
    /// Put the keyboard in the search box.
    FocusSearch,
    /// Move the reader to the next (+1) or previous (−1) search hit.
    Hit(i32),
    /// Ask where to save the current filtered set in a format.
    Export(Format),
    /// Save the current filtered set in a format to a file.
    ExportTo(Format, PathBuf),
    /// Switch the interface language (the layout mirrors for Arabic).
    SetLanguage(Language),
    /// Scale text and controls (1.0 = normal).
    SetZoom(f32),
    /// Light, dark, or as the system says.
    SetTheme(egui::ThemePreference),
    /// Open or close the help window.
    ShowHelp(bool),
    /// Leave a corrections file that could not be read as it is (changes not saved).
    KeepCorrectionsReadOnly,
    /// Start a new corrections file over one that could not be read (its copy stays).
    StartFreshCorrections,
}
