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
            entity_filters: self.entity_filters.clone(),
            entity_match: self.entity_match,
            kind_filter: self.kind_filter.clone(),
            date_brush: self.date_brush,
            brush_lane: self.brush_lane,
            undated_filter: self.undated_filter,
            review_filter: self.review_filter,
            search_text: self.search_text.clone(),
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
        self.entity_filters = saved.entity_filters;
        self.entity_filters
            .retain(|k| self.library.index.get(k).is_some());
        self.entity_match = saved.entity_match;
        self.kind_filter = saved.kind_filter;
        self.date_brush = saved.date_brush;
        self.brush_lane = saved.brush_lane;
        self.undated_filter = saved.undated_filter;
        self.review_filter = saved.review_filter;
        self.search_text = saved.search_text;
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
    pub entity_filters: Vec<String>,
    pub entity_match: EntityMatch,
    pub kind_filter: Vec<Kind>,
    pub date_brush: Option<Brush>,
    pub brush_lane: BrushLane,
    pub undated_filter: bool,
    pub review_filter: Option<ReviewState>,
    pub search_text: String,
    pub time_rtl: bool,
    pub timeline_view: TimelineView,
    /// The interface language chosen (`None`: the system's).
    pub language: Option<Language>,
    /// Text size (egui's zoom factor).
    pub zoom: Option<f32>,
    pub theme: Option<egui::ThemePreference>,
}
