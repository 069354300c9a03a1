//! The application: state, commands applied once per frame, and the window's panels.

use crate::core::corpus::CorpusSource;
use crate::core::curation::Edit;
use crate::core::lexicon::Lexicon;
use crate::core::loader::LoadJob;
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
}

/// Results of background saves of the corrections.
type SaveChannel = (
    std::sync::mpsc::Sender<Result<(), String>>,
    std::sync::mpsc::Receiver<Result<(), String>>,
);

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
    save_results: SaveChannel,
    commands: Vec<Command>,
    window_title: String,
}

impl KhabarApp {
    /// Creates the app and starts loading the launch folder (or the demo corpus).
    pub fn new(cc: &eframe::CreationContext<'_>, launch: Launch) -> KhabarApp {
        fonts::install(&cc.egui_ctx);
        let source = launch
            .folder
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
            save_results: std::sync::mpsc::channel(),
            commands: Vec::new(),
            window_title: String::new(),
        };
        app.open(&cc.egui_ctx, source);
        app
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
        self.job = Some(LoadJob::spawn(
            source,
            self.segmenter.clone(),
            self.lexicon.clone(),
            move || ctx.request_repaint(),
        ));
    }

    /// Re-applies the corrections and saves them, off the UI thread.
    fn curation_changed(&mut self, ctx: &egui::Context) {
        self.library.curation.version = 1;
        self.library.apply_curation();
        let Some(path) = self.library.sidecar.clone() else {
            return;
        };
        let curation = self.library.curation.clone();
        let sender = self.save_results.0.clone();
        let ctx = ctx.clone();
        let _ = std::thread::Builder::new()
            .name("khabar-save".into())
            .spawn(move || {
                let _ = sender.send(curation.save(&path).map_err(|e| e.to_string()));
                ctx.request_repaint();
            });
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
                Command::Select(key) => {
                    if self.selected.as_ref() != Some(&key) {
                        self.reader = ReaderState::default();
                    }
                    self.selected = Some(key);
                }
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
                    self.curation_changed(ctx);
                }
                Command::Undo => {
                    if self.library.curation.edits.pop().is_some() {
                        self.curation_changed(ctx);
                    }
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
        }
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
            && let Some(&first) = visible.first()
        {
            self.selected = self.library.key_of(first);
            self.reader = ReaderState::default();
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
        self.reader = match range {
            Some(r) => ReaderState::focused_on(doc.sentence_around(&r)),
            None => ReaderState::default(),
        };
        self.selected = Some(key);
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
        for result in self.save_results.1.try_iter() {
            self.library.curation_error =
                result.err().map(|e| format!("Corrections not saved: {e}"));
        }
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

impl eframe::App for KhabarApp {
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
