//! Review state, note and search hits of the article being read.

use super::*;

impl KhabarApp {
    /// The review of the article being read.
    pub fn selected_review(&self) -> Option<Review> {
        let key = self.selected.as_ref()?;
        Some(self.library.curation.review(&Self::article_id(key)))
    }

    pub(super) fn set_review(&mut self, key: &ArticleKey, review: Review) {
        let id = Self::article_id(key);
        if self.library.curation.review(&id) != review {
            self.library.curation.set_review(&id, review);
            self.save_sidecar();
        }
    }

    /// The article on screen counts as read — once the reviews are loaded, and once per
    /// opening, so setting it back to unread sticks while it stays open.
    pub(super) fn mark_read(&mut self) {
        if self.library.sidecar.is_none() || self.selected == self.marked_read {
            return;
        }
        self.marked_read = self.selected.clone();
        if let Some(key) = self.selected.clone() {
            let mut review = self.library.curation.review(&Self::article_id(&key));
            if review.state == ReviewState::Unread {
                review.state = ReviewState::Read;
                self.set_review(&key, review);
            }
        }
    }

    /// Review state, note and search-hit navigation of the article being read.
    pub(super) fn review_bar_ui(&mut self, ui: &mut egui::Ui) {
        let Some(review) = self.selected_review() else {
            return;
        };
        let l = self.language;
        ui.horizontal(|ui| {
            let mut state = review.state;
            for (value, label) in [
                (ReviewState::Unread, T::Unread),
                (ReviewState::Read, T::Read),
                (ReviewState::Flagged, T::FlaggedKey),
            ] {
                ui.selectable_value(&mut state, value, text(ui, l.t(label)));
            }
            if state != review.state {
                self.commands.push(Command::SetReviewState(state));
            }
            ui.separator();
            let hits = self.hits.1.len();
            if hits > 0 {
                let at = self.hit_cursor.map_or(0, |c| c + 1);
                ui.label(text(ui, l.f(T::Hits, &[&at, &hits])));
                if ui.small_button(text(ui, l.t(T::Previous))).clicked() {
                    self.commands.push(Command::Hit(-1));
                }
                if ui.small_button(text(ui, l.t(T::Next))).clicked() {
                    self.commands.push(Command::Hit(1));
                }
            }
        });
        let note = ui.add(
            egui::TextEdit::multiline(&mut self.note_draft)
                .hint_text(text(ui, l.t(T::NoteHint)))
                .desired_rows(1)
                .desired_width(f32::INFINITY),
        );
        if note.changed() {
            self.commands
                .push(Command::SetNote(self.note_draft.clone()));
        } else if !note.has_focus() {
            self.note_draft = review.note;
        }
        ui.separator();
    }

    /// Search hits in the article being read, in text order (as of the last frame).
    pub fn search_hits(&self) -> Vec<std::ops::Range<usize>> {
        self.hits.1.clone()
    }

    /// Finds the search hits again when the article or the search changed.
    pub(super) fn refresh_hits(&mut self) {
        let key = self
            .selected
            .clone()
            .zip(self.query().map(|_| self.filters.search.clone()))
            .map(|(article, search)| (self.library.id, article, search));
        if key == self.hits.0 {
            return;
        }
        let found = match (
            self.query(),
            self.selected.as_ref().and_then(|k| self.library.find(k)),
        ) {
            (Some(query), Some((doc, article))) => khabar_core::query::search::hits(
                &doc.text,
                &khabar_core::extract::annotations::article_ranges(article),
                query,
            ),
            _ => Vec::new(),
        };
        self.hits = (key, found);
    }
}
