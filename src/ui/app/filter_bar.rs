//! The filters of the article list: search box, review state, chips, and the list they give.

use super::*;

impl KhabarApp {
    /// The entries the search matches (sorted), when there is a search.
    pub fn search_matches(&self) -> Option<&[u32]> {
        self.search_cache
            .as_ref()
            .filter(|(_, q, _)| !q.is_empty())
            .map(|(_, _, m)| m.as_slice())
    }

    /// Re-runs the search when its text changed (once per frame at most).
    pub(super) fn refresh_search(&mut self) {
        let stale = self
            .search_cache
            .as_ref()
            .is_none_or(|(text, _, _)| *text != self.filters.search);
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
            let query = Query::parse(&self.filters.search);
            let matches = index.search(&query);
            self.search_cache = Some((self.filters.search.clone(), query, matches));
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

    /// List entries shown under the current filters (as of the last `refresh_view`).
    pub fn visible(&self) -> &[usize] {
        &self.view.visible
    }

    /// Articles of the filtered list mentioning each entity (indexed like the entity index);
    /// `None` when nothing is filtered.
    pub fn entity_counts(&self) -> Option<&[u32]> {
        self.view.counts.as_deref()
    }

    /// The strip's marks of the articles passing every filter but the date range; `None`
    /// when nothing is filtered.
    pub fn strip_focus(&self) -> Option<&khabar_core::query::timeline::Timeline> {
        self.view.focus.as_ref()
    }

    /// Rebuilds the filtered list when a filter or the corpus changed since the last time.
    /// A review-state change alone does not: an article read under "Unread" stays listed
    /// until the filter is set again, so j/k can walk through the unread ones.
    pub(super) fn refresh_view(&mut self) {
        // The search filters by the matches found last, so it counts as the text they were
        // found for, and not at all when that text parses to no query.
        let searched = self
            .search_cache
            .as_ref()
            .filter(|(_, q, _)| !q.is_empty())
            .map_or(String::new(), |(text, _, _)| text.clone());
        let filters = Filters {
            search: searched,
            ..self.filters.clone()
        };
        let key = (self.library.id, self.library.revision, filters);
        if self.view.key.as_ref() == Some(&key) {
            return;
        }
        let filters = &key.2;
        let matches = self.search_matches();
        let visible = self.library.filtered_entries(filters, matches);
        let counts = (!filters.is_empty()).then(|| self.library.entity_counts(&visible));
        // The strip shows what every filter but its own range keeps, so that the rest of
        // the time axis stays visible while a range is brushed.
        let unbrushed = Filters {
            dates: None,
            ..filters.clone()
        };
        let numbering_matches = self.library.timeline_articles == self.library.entries;
        let focus = (!unbrushed.is_empty() && numbering_matches).then(|| {
            if filters.dates.is_none() {
                self.library.timeline_of(&visible)
            } else {
                self.library
                    .timeline_of(&self.library.filtered_entries(&unbrushed, matches))
            }
        });
        self.view = View {
            generation: self.view.generation + 1,
            key: Some(key),
            visible,
            counts,
            focus,
        };
    }

    /// After a filter changed: keep reading an article of the filtered list.
    pub(super) fn keep_selection_visible(&mut self) {
        self.refresh_view();
        let visible = &self.view.visible;
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
        let l = self.language;
        let hint = text(ui, l.t(T::SearchHint));
        let align = if l.is_rtl() {
            egui::Align2::RIGHT_CENTER
        } else {
            egui::Align2::LEFT_CENTER
        };
        let search = ui.add(
            egui::TextEdit::singleline(&mut self.filters.search)
                .hint_text(hint)
                .align(align)
                .desired_width(f32::INFINITY),
        );
        if std::mem::take(&mut self.focus_search) {
            search.request_focus();
        }
        ui.horizontal_wrapped(|ui| {
            let mut filter = self.filters.review;
            for (state, label) in [
                (None, T::All),
                (Some(ReviewState::Unread), T::Unread),
                (Some(ReviewState::Read), T::Read),
                (Some(ReviewState::Flagged), T::Flagged),
            ] {
                ui.selectable_value(&mut filter, state, text(ui, l.t(label)));
            }
            if filter != self.filters.review {
                self.commands.push(Command::SetReviewFilter(filter));
            }
        });
        let chips = self.chips();
        if !chips.is_empty() {
            ui.horizontal_wrapped(|ui| {
                for (label, command) in chips {
                    // The × goes at the end of the chip in reading order, whatever the label.
                    // (A mark of the interface's direction first, so an Arabic name in the
                    // English interface keeps the × at the right.)
                    let label = if l.is_rtl() {
                        format!("\u{200F}{label}\u{200F}  ×")
                    } else {
                        format!("\u{200E}{label}  ×")
                    };
                    let chip = egui::Button::new(text(ui, label))
                        .corner_radius(10.0)
                        .small();
                    if ui
                        .add(chip)
                        .on_hover_text(text(ui, l.t(T::RemoveFilter)))
                        .clicked()
                    {
                        self.commands.push(command);
                    }
                }
                if ui.small_button(text(ui, l.t(T::ClearAll))).clicked() {
                    self.commands.push(Command::ClearFilters);
                }
            });
        }
        ui.separator();
    }

    /// The active filters, each with the command that removes it.
    fn chips(&self) -> Vec<(String, Command)> {
        let l = self.language;
        let mut chips: Vec<(String, Command)> = Vec::new();
        let joiner = match self.filters.entity_match {
            EntityMatch::All => T::ChipAnd,
            EntityMatch::Any => T::ChipOr,
        };
        for (n, key) in self.filters.entities.iter().enumerate() {
            let name = self
                .library
                .index
                .get(key)
                .map_or(key.clone(), |e| e.name.clone());
            let label = if n == 0 { name } else { l.f(joiner, &[&name]) };
            chips.push((label, Command::ToggleEntity(key.clone())));
        }
        if !self.filters.kinds.is_empty() {
            chips.push((
                l.f(T::ChipKinds, &[&self.kinds_text()]),
                Command::ShowAllKinds,
            ));
        }
        if let Some(b) = self.filters.dates {
            let lane = match b.lane {
                BrushLane::Published => T::ChipPublished,
                BrushLane::Mentioned => T::ChipMentioned,
            };
            chips.push((
                l.f(lane, &[&iso_day(b.from), &iso_day(b.to)]),
                Command::SetBrush(None),
            ));
        }
        if self.filters.undated {
            chips.push((l.t(T::ChipUndated).into(), Command::ShowUndated(false)));
        }
        if !self.filters.search.trim().is_empty() {
            chips.push((
                l.f(T::ChipSearch, &[&self.filters.search.trim()]),
                Command::ClearSearch,
            ));
        }
        chips
    }

    /// "3 of 7 articles · entities: باكو · search: …", for reports.
    pub(super) fn filter_description(&self, shown: usize) -> String {
        let l = self.language;
        let mut parts = vec![l.f(T::ShownOf, &[&shown, &self.library.article_count()])];
        if !self.filters.entities.is_empty() {
            let names: Vec<&str> = self
                .filters
                .entities
                .iter()
                .map(|key| {
                    self.library
                        .index
                        .get(key)
                        .map_or(key.as_str(), |e| e.name.as_str())
                })
                .collect();
            let joiner = match self.filters.entity_match {
                EntityMatch::All => l.t(T::And),
                EntityMatch::Any => l.t(T::Or),
            };
            parts.push(l.f(T::DescEntities, &[&names.join(joiner)]));
        }
        if !self.filters.kinds.is_empty() {
            parts.push(l.f(T::DescKinds, &[&self.kinds_text()]));
        }
        if let Some(b) = self.filters.dates {
            parts.push(l.f(T::DescDates, &[&iso_day(b.from), &iso_day(b.to)]));
        }
        if self.filters.undated {
            parts.push(l.t(T::ChipUndated).into());
        }
        if let Some(state) = self.filters.review {
            parts.push(l.f(T::DescReview, &[&l.t(review_key(state))]));
        }
        if !self.filters.search.trim().is_empty() {
            parts.push(l.f(T::ChipSearch, &[&self.filters.search.trim()]));
        }
        parts.join(" · ")
    }

    /// "people or places", the kinds the list is limited to.
    fn kinds_text(&self) -> String {
        let l = self.language;
        let kinds: Vec<&str> = self
            .filters
            .kinds
            .iter()
            .map(|k| {
                l.t(match k {
                    Kind::Person => T::KindsPeople,
                    Kind::Place => T::KindsPlaces,
                    Kind::Org => T::KindsOrgs,
                })
            })
            .collect();
        kinds.join(l.t(T::Or))
    }
}

/// The table key of a review state's name.
pub(super) fn review_key(state: ReviewState) -> T {
    match state {
        ReviewState::Unread => T::Unread,
        ReviewState::Read => T::Read,
        ReviewState::Flagged => T::Flagged,
    }
}

/// The filtered list and what is counted over it, kept until a filter changes.
#[derive(Debug, Default)]
pub(super) struct View {
    /// Counts the rebuilds, so that what depends on the view knows when it changed.
    pub(super) generation: u64,
    /// The library (id, revision) and filters it was built for; the search counts only
    /// when its text parses to a query.
    key: Option<(u64, u64, Filters)>,
    pub(super) visible: Vec<usize>,
    pub(super) counts: Option<Vec<u32>>,
    /// The strip's marks of the articles passing every filter but the date range.
    pub(super) focus: Option<khabar_core::query::timeline::Timeline>,
}
