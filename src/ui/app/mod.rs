//! The application: state, commands applied once per frame, and the window's panels.

use crate::ui::i18n::{Language, T, text};
use crate::ui::open_folder::{
    FolderPicker, PathProblem, PickerOutcome, source_for_drop, source_for_typed_path,
};
use crate::ui::reader::{DateMark, Marks, ReaderState};
use crate::ui::timeline_strip::{
    BrushLane, StripEvent, StripInput, StripLabels, TimelineView, timeline_strip_ui,
};
use crate::ui::{article_list, entity_sidebar, fonts, reader, status_bar};
use khabar_core::corpus::CorpusSource;
use khabar_core::extract::dates::calendar::iso_day;
use khabar_core::extract::entities::Kind;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::library::{ArticleKey, Library};
use khabar_core::loader::LoadJob;
use khabar_core::query::filters::{EntityMatch, Filters};
use khabar_core::query::search::Query;
use khabar_core::query::timeline::{Lane, Mark};
use khabar_core::review::curation::{Edit, Review, ReviewState};
use khabar_core::review::export::{ExportArticle, Format, ReportHeader, render, write_atomically};
use khabar_core::review::sidecar::Saver;
use khabar_core::text::segment::Segmenter;
use std::path::PathBuf;
use std::sync::Arc;

pub use crate::ui::command::Command;

mod background;
mod command_queue;
mod corrections_banner;
mod export;
mod filter_bar;
mod persistence;
mod reader_panel;
mod review_bar;
mod timeline_panel;
mod top_bar;
mod window;

use export::ExportOutcome;
use filter_bar::View;
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
    /// What the article list is narrowed to (entities, kinds, dates, review, search).
    pub filters: Filters,
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
    /// Which lane a new date range on the strip filters by (the strip's toggle).
    pub brush_lane: BrushLane,
    /// Time runs right to left on the strip.
    pub time_rtl: bool,
    strip_labels: StripLabels,
    /// Writes the sidecar (corrections and reviews) off the UI thread.
    saver: Saver,
    /// The note being edited, for the article `selected`.
    pub note_draft: String,
    /// The query the search text was parsed into and the entries it matches, kept while the
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
            filters: Filters::default(),
            view: View::default(),
            sidebar_lists: Default::default(),
            entity_query: String::new(),
            entity_sort: Default::default(),
            merge_source: None,
            renaming: None,
            timeline_view: TimelineView::default(),
            brush_lane: BrushLane::default(),
            time_rtl: language.is_rtl(),
            strip_labels: strip_labels(language),
            saver: {
                let ctx = cc.egui_ctx.clone();
                Saver::new(move || ctx.request_repaint())
            },
            note_draft: String::new(),
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
        self.filters.forget_corpus();
        self.timeline_view = TimelineView::default();
        self.search_cache = None;
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
}
