//! The filters of the article list: search box, review state, chips, and the list they give.

use super::*;

impl KhabarApp {
    /// The filters of the article list as they stand.
    pub fn list_filter(&self) -> ListFilter<'_> {
        ListFilter {
            entity: self.entity_filter.as_deref(),
            range: self.date_brush.map(|b| (Lane::from(b.lane), b.from, b.to)),
            undated: self.undated_filter,
            review: self.review_filter,
            matches: self
                .search_cache
                .as_ref()
                .filter(|(_, q, _)| !q.is_empty())
                .map(|(_, _, m)| m.as_slice()),
        }
    }

    /// Re-runs the search when its text changed (once per frame at most).
    pub(super) fn refresh_search(&mut self) {
        let stale = self
            .search_cache
            .as_ref()
            .is_none_or(|(text, _, _)| *text != self.search_text);
        // Search article numbers are list positions; an index of another shape is not used.
        let Some(index) = self
            .library
            .search
            .as_ref()
            .filter(|i| i.len() == self.library.entries.len())
        else {
            return;
        };
        if stale {
            let query = Query::parse(&self.search_text);
            let matches = index.search(&query);
            self.search_cache = Some((self.search_text.clone(), query, matches));
            self.hit_cursor = None;
            self.keep_selection_visible();
        }
    }

    /// The parsed search, when there is one.
    pub fn query(&self) -> Option<&Query> {
        self.search_cache
            .as_ref()
            .map(|(_, q, _)| q)
            .filter(|q| !q.is_empty())
    }

    /// List entries shown under the current filters.
    pub fn visible(&self) -> Vec<usize> {
        self.library.filtered_entries(&self.list_filter())
    }

    /// After a filter changed: keep reading an article of the filtered list.
    pub(super) fn keep_selection_visible(&mut self) {
        let visible = self.visible();
        let shown = self
            .selected
            .as_ref()
            .and_then(|k| self.library.index_of(k));
        if !shown.is_some_and(|i| visible.contains(&i))
            && let Some(key) = visible.first().and_then(|&i| self.library.key_of(i))
        {
            self.select(key, None);
        }
    }

    /// Search box, review-state filter and the active filters as removable chips.
    pub(super) fn filter_bar_ui(&mut self, ui: &mut egui::Ui) {
        let search = ui.add(
            egui::TextEdit::singleline(&mut self.search_text)
                .hint_text("Search articles…  (/)")
                .desired_width(f32::INFINITY),
        );
        if std::mem::take(&mut self.focus_search) {
            search.request_focus();
        }
        ui.horizontal_wrapped(|ui| {
            let mut filter = self.review_filter;
            for (state, label) in [
                (None, "All"),
                (Some(ReviewState::Unread), "Unread"),
                (Some(ReviewState::Read), "Read"),
                (Some(ReviewState::Flagged), "Flagged"),
            ] {
                ui.selectable_value(&mut filter, state, label);
            }
            if filter != self.review_filter {
                self.commands.push(Command::SetReviewFilter(filter));
            }
        });
        let mut chips: Vec<(String, Command)> = Vec::new();
        if let Some(key) = &self.entity_filter {
            let name = self
                .library
                .index
                .get(key)
                .map_or(key.clone(), |e| e.name.clone());
            chips.push((name, Command::ToggleEntity(key.clone())));
        }
        if let Some(b) = self.date_brush {
            let lane = match b.lane {
                BrushLane::Published => "published",
                BrushLane::Mentioned => "mentions",
            };
            chips.push((
                format!("{lane} {} – {}", iso_day(b.from), iso_day(b.to)),
                Command::SetBrush(None),
            ));
        }
        if self.undated_filter {
            chips.push(("undated".into(), Command::ShowUndated(false)));
        }
        if !self.search_text.trim().is_empty() {
            chips.push((
                format!("search: {}", self.search_text.trim()),
                Command::ClearSearch,
            ));
        }
        if !chips.is_empty() {
            ui.horizontal_wrapped(|ui| {
                for (label, command) in chips {
                    let chip = egui::Button::new(format!("{label}  ×"))
                        .corner_radius(10.0)
                        .small();
                    if ui.add(chip).on_hover_text("Remove this filter").clicked() {
                        self.commands.push(command);
                    }
                }
                if ui.small_button("Clear all (Esc)").clicked() {
                    self.commands.push(Command::ClearFilters);
                }
            });
        }
        ui.separator();
    }

    /// "3 of 7 articles · entity: باكو · search: …", for reports.
    pub(super) fn filter_description(&self, shown: usize) -> String {
        let mut parts = vec![format!(
            "{shown} of {} articles",
            self.library.article_count()
        )];
        if let Some(key) = &self.entity_filter {
            let name = self
                .library
                .index
                .get(key)
                .map_or(key.as_str(), |e| e.name.as_str());
            parts.push(format!("entity: {name}"));
        }
        if let Some(b) = self.date_brush {
            parts.push(format!("dates: {} – {}", iso_day(b.from), iso_day(b.to)));
        }
        if self.undated_filter {
            parts.push("undated".into());
        }
        if let Some(state) = self.review_filter {
            parts.push(format!("review: {}", state.as_str()));
        }
        if !self.search_text.trim().is_empty() {
            parts.push(format!("search: {}", self.search_text.trim()));
        }
        parts.join(" · ")
    }
}
