//! The app's side of [`Command`]s: panels queue them while the frame's UI is built, and
//! they are applied here together, so that every panel of a frame sees the same state.

use super::*;

impl KhabarApp {
    /// Queues a command for the end of the frame.
    pub fn command(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Applies the queued commands, in the order they came.
    pub(super) fn apply_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::Open(source) => self.open(ctx, source),
                Command::PickFolder => {
                    let ctx = ctx.clone();
                    let title = self.language.t(T::OpenDialogTitle);
                    self.picker = Some(FolderPicker::open(title, move || ctx.request_repaint()));
                }
                Command::CancelLoad => {
                    if let Some(job) = &self.job {
                        job.cancel();
                    }
                }
                Command::Select(key) => self.select(key, None),
                Command::ShowSkipped(show) => self.show_skipped = show,
                Command::ShowPathField(show) => self.show_path_field = show,
                Command::ShowHelp(show) => self.show_help = show,
                Command::Curate(edit) => {
                    if let Edit::Merge { from, .. } | Edit::Hide { key: from } = &edit {
                        self.filters.entities.retain(|k| k != from);
                    }
                    self.library.curation.edits.push(edit);
                    self.merge_source = None;
                    self.renaming = None;
                    self.curation_changed();
                }
                Command::Undo => {
                    // A read-only folder's own edits cannot be taken back, only the reviewer's.
                    let locked = self
                        .library
                        .sidecar
                        .as_ref()
                        .map_or(0, |s| s.locked_edits());
                    if self.library.curation.edits.len() > locked
                        && self.library.curation.edits.pop().is_some()
                    {
                        self.curation_changed();
                    }
                }
                Command::KeepCorrectionsReadOnly => {
                    if let Some(sidecar) = &mut self.library.sidecar {
                        sidecar.keep_read_only();
                    }
                }
                Command::StartFreshCorrections => {
                    if let Some(sidecar) = &mut self.library.sidecar
                        && sidecar.start_fresh()
                    {
                        // What is in memory (this session's changes) becomes the new file.
                        self.save_sidecar();
                    }
                }
                Command::SetReviewState(state) => {
                    if let Some(key) = self.selected.clone() {
                        let mut review = self.library.curation.review(&Self::article_id(&key));
                        review.state = state;
                        self.set_review(&key, review);
                    }
                }
                Command::SetNote(note) => {
                    if let Some(key) = self.selected.clone() {
                        let mut review = self.library.curation.review(&Self::article_id(&key));
                        review.note = note;
                        self.set_review(&key, review);
                    }
                }
                Command::Step(delta) => {
                    self.refresh_view();
                    let visible = self.visible();
                    let at = self
                        .selected
                        .as_ref()
                        .and_then(|k| self.library.index_of(k))
                        .and_then(|i| visible.iter().position(|&v| v == i));
                    let next = match at {
                        Some(p) => p
                            .saturating_add_signed(delta as isize)
                            .min(visible.len().saturating_sub(1)),
                        None => 0,
                    };
                    if let Some(key) = visible.get(next).and_then(|&i| self.library.key_of(i)) {
                        self.select(key, None);
                    }
                }
                Command::ToggleFlag => {
                    if let Some(review) = self.selected_review() {
                        let state = if review.state == ReviewState::Flagged {
                            ReviewState::Read
                        } else {
                            ReviewState::Flagged
                        };
                        self.commands.push(Command::SetReviewState(state));
                    }
                }
                Command::SetReviewFilter(filter) => {
                    self.filters.review = filter;
                    self.keep_selection_visible();
                }
                Command::ClearSearch => self.filters.search.clear(),
                Command::Export(format) => self.ask_export_path(ctx, format),
                Command::ExportTo(format, path) => self.export_to(ctx, format, path),
                Command::FocusSearch => self.focus_search = true,
                Command::Hit(delta) => {
                    self.refresh_hits();
                    let hits = self.search_hits();
                    if !hits.is_empty() {
                        let n = hits.len() as isize;
                        let next = match self.hit_cursor {
                            Some(c) => (c as isize + delta as isize).rem_euclid(n),
                            None if delta < 0 => n - 1,
                            None => 0,
                        } as usize;
                        self.hit_cursor = Some(next);
                        let range = hits[next].clone();
                        let budget = self.reader.byte_budget;
                        self.reader.focus = Some(range.clone());
                        self.reader.scroll_to_focus = true;
                        self.reader.byte_budget = budget.max(range.end + 4096);
                    }
                }
                Command::ClearFilters => {
                    self.filters.clear();
                    self.keep_selection_visible();
                }
                Command::MarkForMerge(key) => self.merge_source = key,
                Command::StartRename(key) => {
                    self.renaming = key.map(|k| {
                        let name = self
                            .library
                            .index
                            .get(&k)
                            .map(|e| e.name.clone())
                            .unwrap_or_default();
                        (k, name)
                    })
                }
                Command::ToggleEntity(key) => {
                    self.filters.toggle_entity(key);
                    self.keep_selection_visible();
                }
                Command::SetEntityMatch(mode) => {
                    self.filters.entity_match = mode;
                    self.keep_selection_visible();
                }
                Command::ShowAllKinds => {
                    self.filters.kinds.clear();
                    self.keep_selection_visible();
                }
                Command::ToggleKind(kind) => {
                    self.filters.toggle_kind(kind);
                    self.keep_selection_visible();
                }
                Command::SetBrush(brush) => {
                    self.filters.set_dates(brush);
                    if let Some(b) = brush {
                        self.brush_lane = b.lane;
                    }
                    self.keep_selection_visible();
                }
                Command::SetBrushLane(lane) => {
                    self.brush_lane = lane;
                    if let Some(b) = self.filters.dates.as_mut() {
                        b.lane = lane;
                    }
                    self.keep_selection_visible();
                }
                Command::ShowUndated(show) => {
                    self.filters.show_undated(show);
                    self.keep_selection_visible();
                }
                Command::OpenDate { article, mention } => self.open_date(article, mention),
                Command::SetLanguage(language) => self.set_language(language),
                Command::SetZoom(zoom) => {
                    ctx.set_zoom_factor(zoom.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end()))
                }
                Command::SetTheme(theme) => ctx.set_theme(theme),
            }
        }
    }
}
