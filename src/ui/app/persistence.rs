//! What is kept between launches (eframe persistence) and how it is applied.

use super::*;

impl KhabarApp {
    /// What is kept between launches.
    pub fn saved_state(&self) -> Saved {
        Saved {
            folder: match &self.library.source {
                CorpusSource::Folder(f) => Some(f.clone()),
                _ => None,
            },
            selected: self.selected.clone(),
            filters: self.filters.clone(),
            brush_lane: self.brush_lane,
            time_rtl: self.time_rtl,
            timeline_view: self.timeline_view.clone(),
            language: Some(self.language),
            zoom: Some(self.zoom),
            theme: Some(self.theme),
        }
    }

    /// Applies a saved view once the corpus it belongs to is loaded.
    pub(super) fn apply_restore(&mut self) {
        if self.library.is_loading() || self.library.search.is_none() {
            return;
        }
        let Some(saved) = self.pending_restore.take() else {
            return;
        };
        self.filters = saved.filters;
        // Entities merged away or hidden since (or of a changed folder) filter nothing.
        self.filters
            .entities
            .retain(|k| self.library.index.get(k).is_some());
        self.brush_lane = saved.brush_lane;
        if saved.timeline_view.fitted {
            self.timeline_view = saved.timeline_view;
        }
        self.refresh_search();
        if let Some(key) = saved.selected.filter(|k| self.library.find(k).is_some()) {
            self.select(key, None);
        }
        self.keep_selection_visible();
    }
}

/// The part of the app's state kept between launches (eframe persistence).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Saved {
    /// The corpus folder open last (`None`: the demo corpus).
    pub folder: Option<PathBuf>,
    pub selected: Option<ArticleKey>,
    /// The list's filters. State saved before they were one value kept them in separate
    /// fields, which are ignored: such a session comes back unfiltered.
    pub filters: Filters,
    pub brush_lane: BrushLane,
    pub time_rtl: bool,
    pub timeline_view: TimelineView,
    /// The interface language chosen (`None`: the system's).
    pub language: Option<Language>,
    /// Text size (egui's zoom factor).
    pub zoom: Option<f32>,
    pub theme: Option<egui::ThemePreference>,
}
