//! The application: state, commands applied once per frame, and the window's panels.

use crate::ui::i18n::{Language, T, text};
use crate::ui::open_folder::{
    FolderPicker, PathProblem, PickerOutcome, source_for_drop, source_for_typed_path,
};
use crate::ui::reader::{DateMark, Marks, ReaderState};
use crate::ui::timeline_strip::{
    Brush, BrushLane, StripEvent, StripInput, StripLabels, TimelineView, timeline_strip_ui,
};
use crate::ui::{article_list, entity_sidebar, fonts, reader, status_bar};
use khabar_core::corpus::CorpusSource;
use khabar_core::extract::dates::calendar::iso_day;
use khabar_core::extract::entities::Kind;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::library::{ArticleKey, Library};
use khabar_core::library::{EntityMatch, ListFilter};
use khabar_core::loader::LoadJob;
use khabar_core::query::search::Query;
use khabar_core::query::timeline::{Lane, Mark};
use khabar_core::review::curation::{Edit, Review, ReviewState};
use khabar_core::review::export::{ExportArticle, Format, ReportHeader, render, write_atomically};
use khabar_core::review::sidecar::Saver;
use khabar_core::text::segment::Segmenter;
use std::path::PathBuf;
use std::sync::Arc;

mod corrections_banner;
mod export;
mod filter_bar;
mod persistence;
mod reader_panel;
mod review_bar;
mod timeline_panel;
mod top_bar;

use export::ExportOutcome;
use filter_bar::{View, toggle_kind};
pub use persistence::Saved;
use timeline_panel::strip_labels;

/// How the app was started.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// A folder from the command line ("open with"); the demo corpus when `None`.
    pub folder: Option<PathBuf>,
    /// The interface language; when `None`, the last session's, else the system's.
    pub language: Option<Language>,
    /// Where corpus caches are kept; `None`: the user's cache folder.
    pub cache_dir: Option<PathBuf>,
    /// Where corrections of read-only folders (and of the demo) are kept; `None`: the user's
    /// data folder.
    pub data_dir: Option<PathBuf>,
}

/// What the search hits were found for: library, article and search text.
type HitsKey = (u64, ArticleKey, String);

/// How long after a change in the open folder it is reloaded (changes come in bursts).
const REFRESH_DELAY: std::time::Duration = std::time::Duration::from_millis(600);

/// How much one "Larger" or "Smaller" changes the size of everything.
const ZOOM_STEP: f32 = 0.1;
/// The range of the size control.
const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.7..=2.0;

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

/// The Khabar window.
pub struct KhabarApp {
    pub library: Library,
    /// The interface language.
    pub language: Language,
    /// Text size and theme as last shown, for saving.
    zoom: f32,
    theme: egui::ThemePreference,
    /// The last session's text size and theme, to apply on the first frame.
    restore_look: Option<(Option<f32>, Option<egui::ThemePreference>)>,
    job: Option<LoadJob>,
    segmenter: Arc<Segmenter>,
    lexicon: Arc<Lexicon>,
    /// Where corpus caches are kept (`None`: no cache, e.g. no cache folder on this system).
    cache_dir: Option<PathBuf>,
    /// See [`Launch::data_dir`].
    data_dir: Option<PathBuf>,
    pub selected: Option<ArticleKey>,
    pub reader: ReaderState,
    pub show_skipped: bool,
    picker: Option<FolderPicker>,
    pub show_path_field: bool,
    /// The help window is open.
    pub show_help: bool,
    pub path_field: String,
    pub message: Option<String>,
    /// The entities the article list is filtered by.
    pub entity_filters: Vec<String>,
    pub entity_match: EntityMatch,
    /// Kinds of entity shown, and that listed articles must mention; all when empty.
    pub kind_filter: Vec<Kind>,
    /// The filtered list and its counts, rebuilt only when a filter or the corpus changes.
    view: View,
    /// The entity sidebar's lists, rebuilt only when what they show changes.
    sidebar_lists: entity_sidebar::ListCache,
    pub entity_query: String,
    pub entity_sort: khabar_core::query::index::SortBy,
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
    /// The search hits in the article read, for the article and search text they are of.
    hits: (Option<HitsKey>, Vec<std::ops::Range<usize>>),
    /// The search hit the reader was last moved to.
    pub hit_cursor: Option<usize>,
    focus_search: bool,
    /// The article last marked read on opening.
    marked_read: Option<ArticleKey>,
    /// Watches the open folder for articles added or changed.
    watcher: Option<khabar_core::corpus::watcher::FolderWatcher>,
    /// When the folder changed: reload it at this time (changes come in bursts).
    refresh_due: Option<std::time::Instant>,
    /// A reload of the open folder, loading beside the library shown until it is done.
    refresh: Option<(LoadJob, Library)>,
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
        let language = launch
            .language
            .or(saved.as_ref().and_then(|s| s.language))
            .unwrap_or_else(Language::system);
        let mut app = KhabarApp {
            library: Library::new(source.clone()),
            language,
            zoom: 1.0,
            theme: egui::ThemePreference::System,
            restore_look: None,
            job: None,
            segmenter: Arc::new(Segmenter::default()),
            lexicon: Arc::new(Lexicon::load()),
            cache_dir: launch
                .cache_dir
                .clone()
                .or_else(khabar_core::corpus::cache::default_dir),
            data_dir: launch.data_dir.clone(),
            selected: None,
            reader: ReaderState::default(),
            show_skipped: false,
            picker: None,
            show_path_field: false,
            show_help: false,
            path_field: String::new(),
            message: None,
            entity_filters: Vec::new(),
            entity_match: EntityMatch::default(),
            kind_filter: Vec::new(),
            view: View::default(),
            sidebar_lists: Default::default(),
            entity_query: String::new(),
            entity_sort: Default::default(),
            merge_source: None,
            renaming: None,
            timeline_view: TimelineView::default(),
            date_brush: None,
            brush_lane: BrushLane::default(),
            undated_filter: false,
            time_rtl: language.is_rtl(),
            strip_labels: strip_labels(language),
            saver: {
                let ctx = cc.egui_ctx.clone();
                Saver::new(move || ctx.request_repaint())
            },
            note_draft: String::new(),
            review_filter: None,
            search_text: String::new(),
            search_cache: None,
            hits: (None, Vec::new()),
            hit_cursor: None,
            focus_search: false,
            marked_read: None,
            watcher: None,
            refresh_due: None,
            refresh: None,
            pending_restore: None,
            export_results: std::sync::mpsc::channel(),
            commands: Vec::new(),
            window_title: String::new(),
        };
        app.open(&cc.egui_ctx, source);
        if let Some(saved) = saved {
            app.time_rtl = saved.time_rtl;
            // Applied on the first frame, after the integration has set up its own defaults.
            app.restore_look = Some((saved.zoom, saved.theme));
            if restore_view {
                app.pending_restore = Some(saved);
            }
        }
        app
    }

    /// Starts loading a source in the background, replacing the current corpus.
    pub fn open(&mut self, ctx: &egui::Context, source: CorpusSource) {
        self.watcher = None;
        self.refresh = None;
        self.refresh_due = None;
        let ctx = ctx.clone();
        self.library = Library::new(source.clone());
        self.selected = None;
        self.reader = ReaderState::default();
        self.message = None;
        self.entity_filters.clear();
        self.date_brush = None;
        self.undated_filter = false;
        self.timeline_view = TimelineView::default();
        self.search_cache = None;
        self.review_filter = None;
        self.job = Some(LoadJob::spawn_with(
            source,
            self.segmenter.clone(),
            self.lexicon.clone(),
            self.places(),
            move || ctx.request_repaint(),
        ));
    }

    fn places(&self) -> khabar_core::loader::Places {
        khabar_core::loader::Places {
            cache_dir: self.cache_dir.clone(),
            data_dir: self.data_dir.clone(),
            without_corrections: false,
        }
    }

    /// Re-applies the corrections and saves them, off the UI thread.
    fn curation_changed(&mut self) {
        self.library.curation.version = khabar_core::review::curation::FORMAT_VERSION;
        self.library.apply_curation();
        self.save_sidecar();
    }

    fn save_sidecar(&self) {
        if let Some(sidecar) = &self.library.sidecar {
            self.saver.save(sidecar, &self.library.curation);
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

    /// Switches the interface language: strings, the strip's words, the mirrored layout,
    /// and the direction of time (Arabic runs it right to left, as its text).
    fn set_language(&mut self, language: Language) {
        if language != self.language {
            self.language = language;
            self.time_rtl = language.is_rtl();
            self.strip_labels = strip_labels(language);
        }
    }

    /// Starts watching the open folder, once it has loaded.
    fn watch(&mut self, ctx: &egui::Context) {
        let CorpusSource::Folder(folder) = &self.library.source else {
            return;
        };
        if self.watcher.is_none() && self.library.error.is_none() {
            let ctx = ctx.clone();
            // Without a watcher (e.g. no inotify left) the corpus simply does not refresh.
            self.watcher = khabar_core::corpus::watcher::FolderWatcher::new(folder, move || {
                ctx.request_repaint()
            })
            .ok();
        }
    }

    /// Reloads the folder a moment after it changed, beside the library shown, and swaps
    /// the new library in when it is complete, keeping the filters and the article read.
    fn poll_refresh(&mut self, ctx: &egui::Context) {
        let now = std::time::Instant::now();
        if self.watcher.as_ref().is_some_and(|w| w.changed()) {
            self.refresh_due = Some(now + REFRESH_DELAY);
            ctx.request_repaint_after(REFRESH_DELAY);
        }
        let due = self.refresh_due.is_some_and(|t| t <= now);
        if due && self.job.is_none() && self.refresh.is_none() {
            self.refresh_due = None;
            let source = self.library.source.clone();
            let wake = ctx.clone();
            let job = LoadJob::spawn_with(
                source.clone(),
                self.segmenter.clone(),
                self.lexicon.clone(),
                self.places(),
                move || wake.request_repaint(),
            );
            self.refresh = Some((job, Library::new(source)));
        } else if self.refresh_due.is_some() {
            ctx.request_repaint_after(REFRESH_DELAY);
        }
        let finished = match &mut self.refresh {
            Some((job, library)) => {
                library.apply(job.drain());
                library.progress.finished
            }
            None => false,
        };
        if finished && let Some((_, library)) = self.refresh.take() {
            if library.error.is_some() {
                return;
            }
            let view = self.saved_state();
            let old = std::mem::replace(&mut self.library, library);
            // The corrections in memory are the newest (a save may still be on its way) and
            // the reviewer's choice about a damaged file stands: keep both across the reload.
            if let Some(sidecar) = old.sidecar {
                self.library.sidecar = Some(sidecar);
                if self.library.curation != old.curation {
                    self.library.curation = old.curation;
                    self.library.apply_curation();
                }
            }
            self.search_cache = None;
            self.pending_restore = Some(view);
            self.apply_restore();
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
                        self.entity_filters.retain(|k| k != from);
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
                    self.review_filter = filter;
                    self.keep_selection_visible();
                }
                Command::ClearSearch => self.search_text.clear(),
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
                    self.entity_filters.clear();
                    self.kind_filter.clear();
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
                    if let Some(at) = self.entity_filters.iter().position(|k| *k == key) {
                        self.entity_filters.remove(at);
                    } else {
                        self.entity_filters.push(key);
                    }
                    self.keep_selection_visible();
                }
                Command::SetEntityMatch(mode) => {
                    self.entity_match = mode;
                    self.keep_selection_visible();
                }
                Command::ShowAllKinds => {
                    self.kind_filter.clear();
                    self.keep_selection_visible();
                }
                Command::ToggleKind(kind) => {
                    self.kind_filter = toggle_kind(&self.kind_filter, kind);
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
                Command::SetLanguage(language) => self.set_language(language),
                Command::SetZoom(zoom) => {
                    ctx.set_zoom_factor(zoom.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end()))
                }
                Command::SetTheme(theme) => ctx.set_theme(theme),
            }
        }
    }

    fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(job) = &self.job {
            let events = job.drain();
            if !events.is_empty() {
                self.library.apply(events);
            }
            if self.library.progress.finished {
                self.job = None;
                self.watch(ctx);
            }
        }
        self.poll_refresh(ctx);
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
                    self.message = Some(self.language.t(T::NoDialog).into());
                }
            }
        }
        for outcome in self.export_results.1.try_iter().collect::<Vec<_>>() {
            match outcome {
                ExportOutcome::Chosen(format, path) => {
                    self.commands.push(Command::ExportTo(format, path))
                }
                ExportOutcome::Written(Ok((path, count))) => {
                    self.message = Some(self.language.f(T::Exported, &[&count, &path.display()]))
                }
                ExportOutcome::Written(Err(e)) => {
                    self.message = Some(self.language.f(T::ExportFailed, &[&e]))
                }
            }
        }
        for result in self.saver.results() {
            self.library.curation_error = result
                .err()
                .map(|e| self.language.f(T::CorrectionsNotSaved, &[&e]));
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
        if key(egui::Key::F1) {
            self.commands.push(Command::ShowHelp(!self.show_help));
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
        if let Some((zoom, theme)) = self.restore_look.take() {
            if let Some(zoom) = zoom {
                ctx.set_zoom_factor(zoom.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end()));
            }
            if let Some(theme) = theme {
                ctx.set_theme(theme);
            }
        }
        // Size and theme can also change through egui's own keys (Ctrl +/−): keep what is shown.
        self.zoom = ctx.zoom_factor();
        self.theme = ctx.options(|o| o.theme_preference);
        let title = format!("{} — Khabar", self.library.source.display_name());
        // (The window title stays in Latin letters: title bars have no bidi either.)
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }
}

impl eframe::App for KhabarApp {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.saved_state());
    }

    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_background(ctx);
        self.apply_commands(ctx);
        self.refresh_view();
        self.refresh_hits();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let l = self.language;
        // Arabic mirrors the window: the list on the right, rows from right to left.
        let layout = l.panel_layout();
        let (list_panel, entity_panel) = if l.is_rtl() {
            (
                egui::Panel::right("article_list"),
                egui::Panel::left("entities"),
            )
        } else {
            (
                egui::Panel::left("article_list"),
                egui::Panel::right("entities"),
            )
        };
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.with_layout(layout, |ui| {
                self.top_bar_ui(ui);
                self.corrections_banner_ui(ui);
            });
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.with_layout(layout, |ui| {
                if let Some(command) =
                    status_bar::status_bar_ui(ui, &self.library, self.view.visible.len(), l)
                {
                    self.command(command);
                }
            });
        });
        egui::Panel::bottom("timeline")
            .resizable(false)
            .show(ui, |ui| self.timeline_ui(ui));
        list_panel
            .resizable(true)
            .default_size(380.0)
            .min_size(220.0)
            .show(ui, |ui| {
                ui.with_layout(layout, |ui| {
                    self.filter_bar_ui(ui);
                    if let Some(command) = article_list::article_list_ui(
                        ui,
                        &self.library,
                        &self.view.visible,
                        self.selected.as_ref(),
                        l,
                    ) {
                        self.command(command);
                    }
                });
            });
        entity_panel
            .resizable(true)
            .default_size(300.0)
            .min_size(200.0)
            .show(ui, |ui| {
                let p = &self.library.progress;
                let annotating = p.annotating.then(|| p.stage_fraction());
                let mut sidebar = entity_sidebar::Sidebar {
                    index: &self.library.index,
                    query: &mut self.entity_query,
                    selected: &self.entity_filters,
                    entity_match: self.entity_match,
                    kinds: &self.kind_filter,
                    counts: self.view.counts.as_deref(),
                    annotating,
                    names_cancelled: self.library.progress.is_partial(),
                    merge_source: self.merge_source.as_deref(),
                    renaming: &mut self.renaming,
                    edits: self.library.curation.edits.len(),
                    error: self.library.curation_error.as_deref(),
                    sort: &mut self.entity_sort,
                    language: l,
                    cache: &mut self.sidebar_lists,
                    generation: (self.library.id, self.library.revision, self.view.generation),
                };
                let command = ui
                    .with_layout(layout, |ui| {
                        entity_sidebar::entity_sidebar_ui(ui, &mut sidebar)
                    })
                    .inner;
                if let Some(command) = command {
                    self.command(command);
                }
            });
        egui::CentralPanel::default().show(ui, |ui| {
            ui.with_layout(layout, |ui| self.review_bar_ui(ui));
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
                            .filter(|e| {
                                self.kind_filter.is_empty() || self.kind_filter.contains(&e.kind)
                            })
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
                selected: &self.entity_filters,
                dates: self.date_marks(),
                hits: self.hits.1.clone(),
                language: l,
                published: self.publication_line(),
            };
            reader::reader_ui(ui, article, &mut self.reader, &self.library, &marks);
        });
        if let Some(key) = self.reader.clicked_entity.take()
            && !self.entity_filters.contains(&key)
        {
            self.command(Command::ToggleEntity(key));
        }
        if self.show_skipped {
            let mut open = true;
            status_bar::skipped_window_ui(ui.ctx(), &self.library, &mut open, l);
            if !open {
                self.command(Command::ShowSkipped(false));
            }
        }
        if self.show_help {
            let mut open = true;
            crate::ui::help::help_window_ui(ui, &mut open, l);
            if !open {
                self.command(Command::ShowHelp(false));
            }
        }
        self.drop_overlay_ui(ui);
        // Commands from this frame's widgets take effect now, not a frame late.
        let ctx = ui.ctx().clone();
        self.apply_commands(&ctx);
        self.refresh_view();
        self.refresh_hits();
    }
}
