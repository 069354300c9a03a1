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
            ..Saved::default()
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
        self.filters = saved.restored_filters();
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
    /// The list's filters.
    pub filters: Filters,
    /// The filters as state saved before they were one value kept them: read so that such a
    /// session comes back filtered as it was, never written. (Fields of their own with
    /// the earlier types: eframe stores RON, which reads neither serde's `flatten` nor a bare
    /// value as an `Option`.)
    #[serde(skip_serializing)]
    pub entity_filters: Vec<String>,
    #[serde(skip_serializing)]
    pub entity_match: EntityMatch,
    #[serde(skip_serializing)]
    pub kind_filter: Vec<Kind>,
    #[serde(skip_serializing)]
    pub date_brush: Option<khabar_core::query::filters::Brush>,
    #[serde(skip_serializing)]
    pub undated_filter: bool,
    #[serde(skip_serializing)]
    pub review_filter: Option<ReviewState>,
    #[serde(skip_serializing)]
    pub search_text: String,
    pub brush_lane: BrushLane,
    pub time_rtl: bool,
    pub timeline_view: TimelineView,
    /// The interface language chosen (`None`: the system's).
    pub language: Option<Language>,
    /// Text size (egui's zoom factor).
    pub zoom: Option<f32>,
    pub theme: Option<egui::ThemePreference>,
}

impl Saved {
    /// The filters to restore: the saved value, or, from state saved by an earlier version,
    /// the same filters read from its separate fields.
    pub fn restored_filters(&self) -> Filters {
        let o = self;
        let older = Filters {
            entities: o.entity_filters.clone(),
            entity_match: o.entity_match,
            kinds: o.kind_filter.clone(),
            dates: o.date_brush,
            undated: o.undated_filter,
            review: o.review_filter,
            search: o.search_text.clone(),
        };
        if self.filters == Filters::default() {
            older
        } else {
            self.filters.clone()
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    /// A session saved before the filters were one value comes back filtered as it was.
    #[test]
    fn filters_saved_by_an_earlier_version_are_restored() {
        let older = r#"{"folder":"/news","entity_filters":["person:عمر"],"entity_match":"Any",
            "kind_filter":["person"],"date_brush":{"from":10,"to":20,"lane":"Mentioned"},
            "undated_filter":false,"review_filter":"flagged","search_text":"غزة"}"#;
        let saved: Saved = serde_json::from_str(older).unwrap();
        let filters = saved.restored_filters();
        assert_eq!(filters.entities, vec!["person:عمر".to_owned()]);
        assert_eq!(filters.entity_match, EntityMatch::Any);
        assert_eq!(filters.kinds, vec![Kind::Person]);
        assert_eq!(filters.dates.map(|b| (b.from, b.to)), Some((10, 20)));
        assert_eq!(filters.review, Some(ReviewState::Flagged));
        assert_eq!(filters.search, "غزة");
    }

    /// eframe's own storage (RON), as the window writes and reads it.
    #[derive(Default)]
    struct Memory(std::collections::HashMap<String, String>);
    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    /// Through eframe's storage, the filters (and the rest) read back as written.
    #[test]
    fn saved_state_round_trips_through_eframe_storage() {
        let saved = Saved {
            folder: Some("/news".into()),
            filters: Filters {
                entities: vec!["place:غزة".into()],
                search: "هدنة".into(),
                undated: true,
                ..Filters::default()
            },
            zoom: Some(1.25),
            ..Saved::default()
        };
        let mut storage = Memory::default();
        eframe::set_value(&mut storage, eframe::APP_KEY, &saved);
        let back: Saved = eframe::get_value(&storage, eframe::APP_KEY).expect("readable");
        assert_eq!(back.restored_filters(), saved.filters);
        assert_eq!(back.folder, saved.folder);
        assert_eq!(back.zoom, saved.zoom);
    }

    /// The shape an earlier version wrote, through eframe's storage, reads back filtered.
    #[test]
    fn state_written_by_an_earlier_version_through_eframe_storage_is_restored() {
        #[derive(serde::Serialize)]
        struct Earlier {
            folder: Option<PathBuf>,
            entity_filters: Vec<String>,
            entity_match: EntityMatch,
            kind_filter: Vec<Kind>,
            date_brush: Option<khabar_core::query::filters::Brush>,
            undated_filter: bool,
            review_filter: Option<ReviewState>,
            search_text: String,
            zoom: Option<f32>,
        }
        let earlier = Earlier {
            folder: Some("/news".into()),
            entity_filters: vec!["org:الأمم المتحدة".into()],
            entity_match: EntityMatch::Any,
            kind_filter: vec![Kind::Org],
            date_brush: None,
            undated_filter: true,
            review_filter: None,
            search_text: "سد".into(),
            zoom: Some(1.5),
        };
        let mut storage = Memory::default();
        eframe::set_value(&mut storage, eframe::APP_KEY, &earlier);
        let back: Saved = eframe::get_value(&storage, eframe::APP_KEY).expect("readable");
        let filters = back.restored_filters();
        assert_eq!(filters.entities, earlier.entity_filters);
        assert_eq!(filters.entity_match, EntityMatch::Any);
        assert_eq!(filters.kinds, vec![Kind::Org]);
        assert!(filters.undated);
        assert_eq!(filters.search, "سد");
        assert_eq!(back.zoom, Some(1.5));
    }

    /// State written now holds the filters once, and reads back the same.
    #[test]
    fn saved_filters_round_trip_without_the_older_fields() {
        let saved = Saved {
            filters: Filters {
                search: "عمان".into(),
                ..Filters::default()
            },
            ..Saved::default()
        };
        let json = serde_json::to_string(&saved).unwrap();
        assert!(!json.contains("search_text"), "{json}");
        let back: Saved = serde_json::from_str(&json).unwrap();
        assert_eq!(back.restored_filters(), saved.filters);
    }
}
