//! The application: state, commands applied once per frame, and the window's panels.

use crate::core::calendar::iso_day;
use crate::core::corpus::CorpusSource;
use crate::core::curation::{Edit, Review, ReviewState, Saver};
use crate::core::export::{ExportArticle, Format, ReportHeader, render, write_atomically};
use crate::core::lexicon::Lexicon;
use crate::core::loader::LoadJob;
use crate::core::search::Query;
use crate::core::segment::Segmenter;
use crate::core::timeline::{Lane, Mark};
use crate::ui::library::ListFilter;
use crate::ui::library::{ArticleKey, Library};
use crate::ui::open_folder::{FolderPicker, PickerOutcome, source_for_drop, source_for_typed_path};
use crate::ui::reader::{DateMark, Marks, ReaderState};
use crate::ui::timeline_strip::{
    Brush, BrushLane, StripEvent, StripInput, StripLabels, TimelineView, timeline_strip_ui,
};
use crate::ui::{article_list, entity_sidebar, fonts, reader, status_bar};
use std::path::PathBuf;
use std::sync::Arc;

/// How the app was started.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// A folder from the command line ("open with"); the demo corpus when `None`.
    pub folder: Option<PathBuf>,
}

/// Something a widget asks for; applied after the frame's UI is built.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Open(CorpusSource),
    PickFolder,
    CancelLoad,
    Select(ArticleKey),
    ShowSkipped(bool),
    ShowPathField(bool),
    /// Filter the list by an entity, or clear that filter when it is the current one.
    ToggleEntity(String),
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
}

/// The Khabar window.
pub struct KhabarApp {
    pub library: Library,
    job: Option<LoadJob>,
    segmenter: Arc<Segmenter>,
    lexicon: Arc<Lexicon>,
    pub selected: Option<ArticleKey>,
    pub reader: ReaderState,
    pub show_skipped: bool,
    picker: Option<FolderPicker>,
    pub show_path_field: bool,
    pub path_field: String,
    pub message: Option<String>,
    /// The entity the article list is filtered by.
    pub entity_filter: Option<String>,
    pub entity_query: String,
    pub entity_sort: crate::core::index::SortBy,
    /// The entity chosen to be merged into another.
    pub merge_source: Option<String>,
    /// The entity being renamed, and the name typed so far.
    pub renaming: Option<(String, String)>,
    /// The timeline's visible range.
    pub timeline_view: TimelineView,
    /// The date range the list is narrowed to.
    pub date_brush: Option<Brush>,
    pub brush_lane: BrushLane,
    /// The list shows only undated articles.
    pub undated_filter: bool,
    /// Time runs right to left on the strip.
    pub time_rtl: bool,
    strip_labels: StripLabels,
    /// Writes the sidecar (corrections and reviews) off the UI thread.
    saver: Saver,
    /// The note being edited, for the article `selected`.
    pub note_draft: String,
    /// Only articles in this review state.
    pub review_filter: Option<ReviewState>,
    /// The search box's text.
    pub search_text: String,
    /// The query `search_text` was parsed into and the entries it matches, kept while the
    /// text is unchanged.
    search_cache: Option<(String, Query, Vec<u32>)>,
    /// The search hit the reader was last moved to.
    pub hit_cursor: Option<usize>,
    focus_search: bool,
    /// The article last marked read on opening.
    marked_read: Option<ArticleKey>,
    /// The last session's view, applied when its corpus has loaded.
    pending_restore: Option<Saved>,
    /// Save dialogs and export writes report here (off the UI thread).
    export_results: (
        std::sync::mpsc::Sender<ExportOutcome>,
        std::sync::mpsc::Receiver<ExportOutcome>,
    ),
    commands: Vec<Command>,
    window_title: String,
}

impl KhabarApp {
    /// Creates the app and starts loading the launch folder (or the demo corpus).
    pub fn new(cc: &eframe::CreationContext<'_>, launch: Launch) -> KhabarApp {
        let saved = cc
            .storage
            .and_then(|storage| eframe::get_value::<Saved>(storage, eframe::APP_KEY));
        Self::restore(cc, launch, saved)
    }

    /// Creates the app from what the last session saved: the corpus it had open (unless the
    /// launch names another), then, once loaded, its filters and the article being read.
    pub fn restore(
        cc: &eframe::CreationContext<'_>,
        launch: Launch,
        saved: Option<Saved>,
    ) -> KhabarApp {
        fonts::install(&cc.egui_ctx);
        let reopen = saved
            .as_ref()
            .filter(|_| launch.folder.is_none())
            .and_then(|s| s.folder.clone())
            .filter(|f| f.is_dir());
        let restore_view = launch.folder.is_none()
            && saved
                .as_ref()
                .is_some_and(|s| s.folder.is_none() || reopen.is_some());
        let source = launch
            .folder
            .or(reopen)
            .map_or(CorpusSource::Demo, CorpusSource::Folder);
        let mut app = KhabarApp {
            library: Library::new(source.clone()),
            job: None,
            segmenter: Arc::new(Segmenter::default()),
            lexicon: Arc::new(Lexicon::load()),
            selected: None,
            reader: ReaderState::default(),
            show_skipped: false,
            picker: None,
            show_path_field: false,
            path_field: String::new(),
            message: None,
            entity_filter: None,
            entity_query: String::new(),
            entity_sort: Default::default(),
            merge_source: None,
            renaming: None,
            timeline_view: TimelineView::default(),
            date_brush: None,
            brush_lane: BrushLane::default(),
            undated_filter: false,
            time_rtl: false,
            strip_labels: StripLabels::default(),
            saver: {
                let ctx = cc.egui_ctx.clone();
                Saver::new(move || ctx.request_repaint())
            },
            note_draft: String::new(),
            review_filter: None,
            search_text: String::new(),
            search_cache: None,
            hit_cursor: None,
            focus_search: false,
            marked_read: None,
            pending_restore: None,
            export_results: std::sync::mpsc::channel(),
            commands: Vec::new(),
            window_title: String::new(),
        };
        app.open(&cc.egui_ctx, source);
        if let Some(saved) = saved {
            app.time_rtl = saved.time_rtl;
            if restore_view {
                app.pending_restore = Some(saved);
            }
        }
        app
    }

    /// What is kept between launches.
    pub fn saved_state(&self) -> Saved {
        Saved {
            folder: match &self.library.source {
                CorpusSource::Folder(f) => Some(f.clone()),
                _ => None,
            },
            selected: self.selected.clone(),
            entity_filter: self.entity_filter.clone(),
            date_brush: self.date_brush,
            brush_lane: self.brush_lane,
            undated_filter: self.undated_filter,
            review_filter: self.review_filter,
            search_text: self.search_text.clone(),
            time_rtl: self.time_rtl,
            timeline_view: self.timeline_view.clone(),
        }
    }

    /// Applies a saved view once the corpus it belongs to is loaded.
    fn apply_restore(&mut self) {
        if self.library.is_loading() || self.library.search.is_none() {
            return;
        }
        let Some(saved) = self.pending_restore.take() else {
            return;
        };
        self.entity_filter = saved
            .entity_filter
            .filter(|k| self.library.index.get(k).is_some());
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

    /// Starts loading a source in the background, replacing the current corpus.
    pub fn open(&mut self, ctx: &egui::Context, source: CorpusSource) {
        let ctx = ctx.clone();
        self.library = Library::new(source.clone());
        self.selected = None;
        self.reader = ReaderState::default();
        self.message = None;
        self.entity_filter = None;
        self.date_brush = None;
        self.undated_filter = false;
        self.timeline_view = TimelineView::default();
        self.search_cache = None;
        self.review_filter = None;
        self.job = Some(LoadJob::spawn(
            source,
            self.segmenter.clone(),
            self.lexicon.clone(),
            move || ctx.request_repaint(),
        ));
    }

    /// Re-applies the corrections and saves them, off the UI thread.
    fn curation_changed(&mut self) {
        self.library.curation.version = 1;
        self.library.apply_curation();
        self.save_sidecar();
    }

    fn save_sidecar(&self) {
        if let Some(path) = &self.library.sidecar {
            self.saver.save(path, &self.library.curation);
        }
    }

    /// The article id (`file`, `file#2`) of a key.
    fn article_id(key: &ArticleKey) -> String {
        if key.part == 1 {
            key.file.clone()
        } else {
            format!("{}#{}", key.file, key.part)
        }
    }

    /// The review of the article being read.
    pub fn selected_review(&self) -> Option<Review> {
        let key = self.selected.as_ref()?;
        Some(self.library.curation.review(&Self::article_id(key)))
    }

    fn set_review(&mut self, key: &ArticleKey, review: Review) {
        let id = Self::article_id(key);
        if self.library.curation.review(&id) != review {
            self.library.curation.set_review(&id, review);
            self.save_sidecar();
        }
    }

    /// Opens an article: marks it read, loads its note for editing.
    fn select(&mut self, key: ArticleKey, reader: Option<ReaderState>) {
        if self.selected.as_ref() != Some(&key) {
            self.reader = ReaderState::default();
        }
        if let Some(reader) = reader {
            self.reader = reader;
        }
        self.note_draft = self.library.curation.review(&Self::article_id(&key)).note;
        self.selected = Some(key);
        self.mark_read();
    }

    /// The article on screen counts as read — once the reviews are loaded, and once per
    /// opening, so setting it back to unread sticks while it stays open.
    fn mark_read(&mut self) {
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

    /// Queues a command for the end of the frame.
    pub fn command(&mut self, command: Command) {
        self.commands.push(command);
    }

    fn apply_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::Open(source) => self.open(ctx, source),
                Command::PickFolder => {
                    let ctx = ctx.clone();
                    self.picker = Some(FolderPicker::open(move || ctx.request_repaint()));
                }
                Command::CancelLoad => {
                    if let Some(job) = &self.job {
                        job.cancel();
                    }
                }
                Command::Select(key) => self.select(key, None),
                Command::ShowSkipped(show) => self.show_skipped = show,
                Command::ShowPathField(show) => self.show_path_field = show,
                Command::Curate(edit) => {
                    if let Edit::Merge { from, .. } | Edit::Hide { key: from } = &edit
                        && self.entity_filter.as_ref() == Some(from)
                    {
                        self.entity_filter = None;
                    }
                    self.library.curation.edits.push(edit);
                    self.merge_source = None;
                    self.renaming = None;
                    self.curation_changed();
                }
                Command::Undo => {
                    if self.library.curation.edits.pop().is_some() {
                        self.curation_changed();
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
                    self.review_filter = filter;
                    self.keep_selection_visible();
                }
                Command::ClearSearch => self.search_text.clear(),
                Command::Export(format) => self.ask_export_path(ctx, format),
                Command::ExportTo(format, path) => self.export_to(ctx, format, path),
                Command::FocusSearch => self.focus_search = true,
                Command::Hit(delta) => {
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
                    self.entity_filter = None;
                    self.date_brush = None;
                    self.undated_filter = false;
                    self.review_filter = None;
                    self.search_text.clear();
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
                    self.entity_filter = if self.entity_filter.as_ref() == Some(&key) {
                        None
                    } else {
                        Some(key)
                    };
                    self.keep_selection_visible();
                }
                Command::SetBrush(brush) => {
                    self.date_brush = brush;
                    if let Some(b) = brush {
                        self.brush_lane = b.lane;
                        self.undated_filter = false;
                    }
                    self.keep_selection_visible();
                }
                Command::SetBrushLane(lane) => {
                    self.brush_lane = lane;
                    if let Some(b) = self.date_brush.as_mut() {
                        b.lane = lane;
                    }
                    self.keep_selection_visible();
                }
                Command::ShowUndated(show) => {
                    self.undated_filter = show;
                    if show {
                        self.date_brush = None;
                    }
                    self.keep_selection_visible();
                }
                Command::OpenDate { article, mention } => self.open_date(article, mention),
            }
        }
    }

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
    fn refresh_search(&mut self) {
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
    fn keep_selection_visible(&mut self) {
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

    /// Opens the article of a timeline mark with the sentence of its date highlighted.
    fn open_date(&mut self, article: u32, mention: u32) {
        let mark = Mark {
            lane: Lane::Mentioned,
            start: 0,
            end: 0,
            article,
            mention,
        };
        let Some((doc, art, found)) = self.library.mark_mention(&mark) else {
            return;
        };
        let range = match found {
            Some(m) => Some(m.range.clone()),
            None => {
                let (d, a) = self.library.timeline_articles[article as usize];
                self.library
                    .dates_of(d, a)
                    .and_then(|x| x.published.as_ref())
                    .map(|p| p.range.clone())
            }
        };
        let key = ArticleKey {
            file: doc.file.clone(),
            part: art.part,
        };
        let reader = match range {
            Some(r) => ReaderState::focused_on(doc.sentence_around(&r)),
            None => ReaderState::default(),
        };
        self.select(key, Some(reader));
    }

    fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(job) = &self.job {
            let events = job.drain();
            if !events.is_empty() {
                self.library.apply(events);
            }
            if self.library.progress.finished {
                self.job = None;
            }
        }
        if self.selected.is_none() && !self.library.entries.is_empty() {
            self.selected = self.library.key_of(0);
        }
        if let Some(outcome) = self.picker.as_ref().and_then(FolderPicker::poll) {
            self.picker = None;
            match outcome {
                PickerOutcome::Chosen(path) => self
                    .commands
                    .push(Command::Open(CorpusSource::Folder(path))),
                PickerOutcome::Cancelled => {}
                PickerOutcome::Unavailable => {
                    self.show_path_field = true;
                    self.message =
                        Some("No folder dialog is available here: type the folder's path.".into());
                }
            }
        }
        for outcome in self.export_results.1.try_iter().collect::<Vec<_>>() {
            match outcome {
                ExportOutcome::Chosen(format, path) => {
                    self.commands.push(Command::ExportTo(format, path))
                }
                ExportOutcome::Written(Ok((path, count))) => {
                    self.message = Some(format!("Exported {count} articles to {}", path.display()))
                }
                ExportOutcome::Written(Err(e)) => {
                    self.message = Some(format!("Export failed: {e}"))
                }
            }
        }
        for result in self.saver.results() {
            self.library.curation_error =
                result.err().map(|e| format!("Corrections not saved: {e}"));
        }
        // Reading keys, unless the keyboard is in a text field (Esc always clears).
        let typing = ctx.egui_wants_keyboard_input();
        let key = |k: egui::Key| ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, k));
        if !typing {
            if key(egui::Key::J) {
                self.commands.push(Command::Step(1));
            }
            if key(egui::Key::K) {
                self.commands.push(Command::Step(-1));
            }
            if key(egui::Key::F) {
                self.commands.push(Command::ToggleFlag);
            }
            if key(egui::Key::Slash) {
                self.commands.push(Command::FocusSearch);
            }
            if key(egui::Key::N) {
                self.commands.push(Command::Hit(1));
            }
        }
        if key(egui::Key::Escape) {
            ctx.memory_mut(|m| m.stop_text_input());
            self.commands.push(Command::ClearFilters);
        }
        self.apply_restore();
        self.refresh_search();
        self.mark_read();
        // Ctrl+Z in a text field undoes typing; elsewhere it undoes a correction.
        let undo = !ctx.egui_wants_keyboard_input()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z));
        if undo {
            self.commands.push(Command::Undo);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        if let Some(source) = source_for_drop(dropped) {
            self.commands.push(Command::Open(source));
        }
        let title = format!("{} — Khabar", self.library.source.display_name());
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if ui.button("Open folder…").clicked() {
                self.command(Command::PickFolder);
            }
            if ui.button("Type a path…").clicked() {
                self.command(Command::ShowPathField(!self.show_path_field));
            }
            if ui.button("Demo corpus").clicked() {
                self.command(Command::Open(CorpusSource::Demo));
            }
            ui.menu_button("Export…", |ui| {
                for format in [Format::Csv, Format::Json, Format::Html] {
                    if ui.button(format.label()).clicked() {
                        self.commands.push(Command::Export(format));
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text("Save the articles shown now (with their review state and notes)");
            ui.checkbox(&mut self.time_rtl, "Time right to left")
                .on_hover_text("Run the timeline from right to left, as Arabic text reads");
            if self.library.is_loading() {
                let p = &self.library.progress;
                let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
                let text = format!(
                    "{} / {} files · {:.1} / {:.1} MB",
                    p.files_done,
                    p.total_files,
                    mib(p.bytes_done),
                    mib(p.total_bytes)
                );
                ui.add(
                    egui::ProgressBar::new(p.fraction())
                        .text(text)
                        .desired_width(320.0),
                );
                if ui.button("Cancel").clicked() {
                    self.command(Command::CancelLoad);
                }
            }
        });
        if self.show_path_field {
            ui.horizontal(|ui| {
                let label = ui.label("Folder path:");
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.path_field)
                            .desired_width(480.0)
                            .hint_text("/home/me/articles"),
                    )
                    .labelled_by(label.id);
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button("Open").clicked() || enter {
                    match source_for_typed_path(&self.path_field) {
                        Ok(source) => {
                            self.commands.push(Command::Open(source));
                            self.commands.push(Command::ShowPathField(false));
                        }
                        Err(e) => self.message = Some(e),
                    }
                }
            });
        }
        if let Some(message) = &self.message {
            ui.colored_label(ui.visuals().warn_fg_color, message);
        }
    }

    /// Search box, review-state filter and the active filters as removable chips.
    fn filter_bar_ui(&mut self, ui: &mut egui::Ui) {
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

    /// Review state, note and search-hit navigation of the article being read.
    fn review_bar_ui(&mut self, ui: &mut egui::Ui) {
        let Some(review) = self.selected_review() else {
            return;
        };
        ui.horizontal(|ui| {
            let mut state = review.state;
            for (value, label) in [
                (ReviewState::Unread, "Unread"),
                (ReviewState::Read, "Read"),
                (ReviewState::Flagged, "Flagged (f)"),
            ] {
                ui.selectable_value(&mut state, value, label);
            }
            if state != review.state {
                self.commands.push(Command::SetReviewState(state));
            }
            ui.separator();
            let hits = self.search_hits();
            if !hits.is_empty() {
                let at = self.hit_cursor.map_or(0, |c| c + 1);
                ui.label(format!("{at} / {} hits", hits.len()));
                if ui.small_button("Previous").clicked() {
                    self.commands.push(Command::Hit(-1));
                }
                if ui.small_button("Next").clicked() {
                    self.commands.push(Command::Hit(1));
                }
            }
        });
        let note = ui.add(
            egui::TextEdit::multiline(&mut self.note_draft)
                .hint_text("Note on this article…")
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

    /// Opens a save dialog on its own thread; the chosen path comes back as `ExportTo`.
    fn ask_export_path(&self, ctx: &egui::Context, format: Format) {
        let sender = self.export_results.0.clone();
        let ctx = ctx.clone();
        let name = format!(
            "{}.{}",
            sanitize_file_name(&self.library.source.display_name()),
            format.extension()
        );
        let _ = std::thread::Builder::new()
            .name("khabar-save-dialog".into())
            .spawn(move || {
                let chosen = rfd::FileDialog::new()
                    .set_title("Export the articles shown")
                    .set_file_name(name)
                    .add_filter(format.label(), &[format.extension()])
                    .save_file();
                if let Some(path) = chosen {
                    let _ = sender.send(ExportOutcome::Chosen(format, path));
                }
                ctx.request_repaint();
            });
    }

    /// Renders the articles shown now and writes them atomically off the UI thread.
    fn export_to(&mut self, ctx: &egui::Context, format: Format, path: PathBuf) {
        let visible = self.visible();
        let articles: Vec<ExportArticle> = visible
            .iter()
            .filter_map(|&i| {
                let &(d, a) = self.library.entries.get(i)?;
                let doc = &self.library.documents[d];
                let article = &doc.articles[a];
                let entities = self
                    .library
                    .entities
                    .get(d)
                    .and_then(|e| e.get(a))
                    .map_or(&[][..], |e| e.as_slice());
                let review = self.library.curation.review(&doc.article_id(article));
                Some(ExportArticle {
                    extract: crate::core::extract::article(
                        doc,
                        article,
                        entities,
                        self.library.dates_of(d, a),
                    ),
                    review: review.state,
                    note: review.note,
                })
            })
            .collect();
        let header = ReportHeader {
            corpus: self.library.source.display_name(),
            filters: self.filter_description(visible.len()),
            exported: today_iso(),
        };
        let bytes = render(format, &articles, &self.library.skipped, &header);
        let sender = self.export_results.0.clone();
        let ctx = ctx.clone();
        let count = articles.len();
        let _ = std::thread::Builder::new()
            .name("khabar-export".into())
            .spawn(move || {
                let result = write_atomically(&path, &bytes)
                    .map(|()| (path.clone(), count))
                    .map_err(|e| format!("{}: {e}", path.display()));
                let _ = sender.send(ExportOutcome::Written(result));
                ctx.request_repaint();
            });
    }

    /// "3 of 7 articles · entity: باكو · search: …", for reports.
    fn filter_description(&self, shown: usize) -> String {
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

    /// Search hits in the article being read, in text order.
    pub fn search_hits(&self) -> Vec<std::ops::Range<usize>> {
        let (Some(query), Some((doc, article))) = (
            self.query(),
            self.selected.as_ref().and_then(|k| self.library.find(k)),
        ) else {
            return Vec::new();
        };
        crate::core::search::hits(
            &doc.text,
            &crate::core::annotations::article_ranges(article),
            query,
        )
    }

    /// The dates of the article read, for highlighting.
    fn date_marks(&self) -> Vec<DateMark> {
        let Some(dates) = self.selected_dates() else {
            return Vec::new();
        };
        dates
            .mentions
            .iter()
            .map(|m| DateMark {
                range: m.range.clone(),
                label: date_label(m),
            })
            .collect()
    }

    fn selected_dates(&self) -> Option<&crate::core::dates::ArticleDates> {
        let index = self.library.index_of(self.selected.as_ref()?)?;
        let &(d, a) = self.library.entries.get(index)?;
        self.library.dates_of(d, a)
    }

    /// "Published 2024-06-05", with how it was known; `None` until dates are extracted.
    fn publication_line(&self) -> Option<String> {
        let dates = self.selected_dates()?;
        Some(match &dates.published {
            Some(p) if p.inferred => format!(
                "Published {} (inferred from the text: weekday and date)",
                p.value
            ),
            Some(p) => format!("Published {}", p.value),
            None => "No publication date (undated)".to_owned(),
        })
    }

    fn timeline_ui(&mut self, ui: &mut egui::Ui) {
        let library = &self.library;
        let highlighted_set: std::collections::HashSet<(usize, usize)> = self
            .entity_filter
            .as_deref()
            .and_then(|key| library.index.get(key))
            .map(|e| e.articles.iter().copied().collect())
            .unwrap_or_default();
        let highlighted = |n: u32| {
            !highlighted_set.is_empty()
                && library
                    .timeline_articles
                    .get(n as usize)
                    .is_some_and(|x| highlighted_set.contains(x))
        };
        let describe = |mark: &Mark| -> (String, String) {
            let Some((doc, article, mention)) = library.mark_mention(mark) else {
                return (String::new(), String::new());
            };
            let title = doc.title(article).unwrap_or(&doc.file).to_owned();
            let sentence = match mention {
                Some(m) if mark.mention != Mark::PUBLICATION => {
                    doc.slice(&doc.sentence_around(&m.range)).to_owned()
                }
                _ => publication_text(library, mark),
            };
            (title, sentence)
        };
        let input = StripInput {
            timeline: &library.timeline,
            brush: self.date_brush,
            brush_lane: self.brush_lane,
            highlighted: &highlighted,
            describe: &describe,
            rtl: self.time_rtl,
            labels: &self.strip_labels,
        };
        let events = timeline_strip_ui(ui, &mut self.timeline_view, &input);
        for event in events {
            self.commands.push(match event {
                StripEvent::Brushed(brush) => Command::SetBrush(brush),
                StripEvent::OpenMark { article, mention } => Command::OpenDate { article, mention },
                StripEvent::ShowUndated => Command::ShowUndated(!self.undated_filter),
                StripEvent::SetBrushLane(lane) => Command::SetBrushLane(lane),
            });
        }
    }

    fn drop_overlay_ui(&self, ui: &egui::Ui) {
        let hovering = ui.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            let rect = ui.ctx().content_rect();
            let painter = ui.ctx().layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop"),
            ));
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop a folder to open it",
                egui::FontId::proportional(28.0),
                egui::Color32::WHITE,
            );
        }
    }
}

/// The part of the app's state kept between launches (eframe persistence).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Saved {
    /// The corpus folder open last (`None`: the demo corpus).
    pub folder: Option<PathBuf>,
    pub selected: Option<ArticleKey>,
    pub entity_filter: Option<String>,
    pub date_brush: Option<Brush>,
    pub brush_lane: BrushLane,
    pub undated_filter: bool,
    pub review_filter: Option<ReviewState>,
    pub search_text: String,
    pub time_rtl: bool,
    pub timeline_view: TimelineView,
}

impl eframe::App for KhabarApp {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.saved_state());
    }

    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_background(ctx);
        self.apply_commands(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            if let Some(command) =
                status_bar::status_bar_ui(ui, &self.library, self.visible().len())
            {
                self.command(command);
            }
        });
        egui::Panel::bottom("timeline")
            .resizable(false)
            .show(ui, |ui| self.timeline_ui(ui));
        egui::Panel::left("article_list")
            .resizable(true)
            .default_size(380.0)
            .min_size(220.0)
            .show(ui, |ui| {
                self.filter_bar_ui(ui);
                let visible = self.visible();
                if let Some(command) = article_list::article_list_ui(
                    ui,
                    &self.library,
                    &visible,
                    self.selected.as_ref(),
                ) {
                    self.command(command);
                }
            });
        egui::Panel::right("entities")
            .resizable(true)
            .default_size(300.0)
            .min_size(200.0)
            .show(ui, |ui| {
                let annotating = self.library.progress.annotating;
                let mut sidebar = entity_sidebar::Sidebar {
                    index: &self.library.index,
                    query: &mut self.entity_query,
                    selected: self.entity_filter.as_deref(),
                    annotating,
                    merge_source: self.merge_source.as_deref(),
                    renaming: &mut self.renaming,
                    edits: self.library.curation.edits.len(),
                    error: self.library.curation_error.as_deref(),
                    sort: &mut self.entity_sort,
                };
                if let Some(command) = entity_sidebar::entity_sidebar_ui(ui, &mut sidebar) {
                    self.command(command);
                }
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.review_bar_ui(ui);
            let article = self
                .selected
                .as_ref()
                .and_then(|key| self.library.find(key));
            let marks = Marks {
                list: self
                    .selected
                    .as_ref()
                    .and_then(|key| self.library.index_of(key))
                    .map(|i| {
                        self.library
                            .entities_of(i)
                            .iter()
                            .flat_map(|e| {
                                e.mentions.iter().map(|r| reader::Mark {
                                    range: r.clone(),
                                    kind: e.kind,
                                    key: e.key.clone(),
                                    name: e.name.clone(),
                                })
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                selected: self.entity_filter.as_deref(),
                dates: self.date_marks(),
                hits: self.search_hits(),
                published: self.publication_line(),
            };
            reader::reader_ui(ui, article, &mut self.reader, &self.library, &marks);
        });
        if let Some(key) = self.reader.clicked_entity.take()
            && self.entity_filter.as_ref() != Some(&key)
        {
            self.command(Command::ToggleEntity(key));
        }
        if self.show_skipped {
            let mut open = true;
            status_bar::skipped_window_ui(ui.ctx(), &self.library, &mut open);
            if !open {
                self.command(Command::ShowSkipped(false));
            }
        }
        self.drop_overlay_ui(ui);
        // Commands from this frame's widgets take effect now, not a frame late.
        let ctx = ui.ctx().clone();
        self.apply_commands(&ctx);
    }
}

/// Hover text of a date: its value, range end, Hijri form and how it was resolved.
fn date_label(m: &crate::core::dates::DateMention) -> String {
    let mut label = match &m.until {
        Some(until) => format!("{} → {}", m.value, until),
        None => m.value.clone(),
    };
    if let Some(hijri) = &m.hijri {
        label.push_str(&format!(" (Hijri {hijri} AH)"));
    }
    if m.relative {
        label.push_str(" · from the publication date");
    }
    label
}

fn publication_text(library: &Library, mark: &Mark) -> String {
    let Some(&(d, a)) = library.timeline_articles.get(mark.article as usize) else {
        return String::new();
    };
    match library.dates_of(d, a).and_then(|x| x.published.as_ref()) {
        Some(p) if p.inferred => format!("Published {} (inferred)", p.value),
        Some(p) => format!("Published {}", p.value),
        None => String::new(),
    }
}

/// What an export's dialog or write thread reports.
#[derive(Debug)]
enum ExportOutcome {
    Chosen(Format, PathBuf),
    Written(Result<(PathBuf, usize), String>),
}

/// A file name from a corpus name: no path separators or characters Windows refuses.
fn sanitize_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if r#"/\:*?"<>|"#.contains(c) { '_' } else { c })
        .collect();
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        "khabar-export".into()
    } else {
        format!("khabar-{trimmed}")
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`.
fn today_iso() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| (d.as_secs() / 86_400) as i32);
    iso_day(days)
}
