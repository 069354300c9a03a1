//! The reader: an article's headline, dateline and body laid out right-to-left, with site
//! chrome dimmed and collapsed, selection by dragging, and copy of the logical text.

use crate::ui::bidi_text::{TextLayout, TextStyle, bidi_label};
use crate::ui::fonts;
use crate::ui::i18n::{Language, T, styled, text, text as i18n_text, weak as weak_text};
use egui::{Color32, Sense, Ui, vec2};
use khabar_core::extract::entities::Kind;
use khabar_core::library::Library;
use khabar_core::text::article::{Article, Block, BlockKind};
use khabar_core::text::bidi::Direction;
use khabar_core::text::document::Document;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Text shown at first for one article; more on request (a single 8 MB line must not stall
/// the window, and nothing is hidden silently: a button says how much is left).
pub const INITIAL_BYTES: usize = 200_000;
/// Widest column of running text, in points: longer lines are hard to read.
const MAX_COLUMN: f32 = 820.0;
/// Longest piece of a line laid out as one paragraph (some forty rows: long news paragraphs
/// stay whole). A longer line (a page flattened into
/// one line) is cut at spaces into pieces of about this size, each wrapped on its own, so
/// that only the pieces on screen are laid out in a frame.
const PIECE_BYTES: usize = 6_000;
/// A run without spaces longer than this is no word (glued text, an encoded blob): it is cut
/// into pieces of [`BLOB_PIECE_BYTES`], each on its own line, instead of one clipped line.
const LONG_RUN_BYTES: usize = 256;
const BLOB_PIECE_BYTES: usize = 64;
/// Lines of an expanded chrome group shown at first, and added by each "show more": a group
/// of a million navigation lines opens at once, and its page is laid out only where visible.
pub const CHROME_PAGE: usize = 1_000;

mod blocks;
mod marks;
mod paragraph;

use blocks::{Group, GroupsKey, cut_point, group_blocks, pieces};
pub use marks::{
    DateMark, Mark, Marks, date_color, focus_color, hit_color, kind_color, kind_label,
};
use paragraph::paragraph_ui;

/// Reader state of the article being read.
#[derive(Debug, Clone, Default)]
pub struct ReaderState {
    /// Chrome groups (by their first block's start offset) the user expanded.
    pub expanded_chrome: HashSet<usize>,
    /// Selected range as (anchor, cursor) byte offsets in the document text.
    pub selection: Option<(usize, usize)>,
    dragging: bool,
    /// Byte offset of the last click in the text.
    pub last_click: Option<usize>,
    /// The entity whose mention was clicked this frame (taken by the app).
    pub clicked_entity: Option<String>,
    /// Bytes of the article shown (0 means [`INITIAL_BYTES`]).
    pub byte_budget: usize,
    /// A sentence to highlight (opened from the timeline).
    pub focus: Option<Range<usize>>,
    /// Scroll the focused sentence into view on the next frame.
    pub scroll_to_focus: bool,
    /// Pages of [`CHROME_PAGE`] lines shown beyond the first, per expanded chrome group.
    pub chrome_pages: HashMap<usize, usize>,
    /// What the last frame laid out (and what it only made room for).
    pub laid_out: LaidOut,
    /// Heights of the pieces laid out so far, by byte range, at the width `heights_width`: a
    /// piece off screen takes its place without being laid out again.
    heights: HashMap<(usize, usize), f32>,
    heights_width: f32,
    /// The article's blocks grouped (cached: a file can have a million chrome lines).
    groups: Option<(GroupsKey, Vec<Group>)>,
}

/// Work done by one frame of the reader: the paragraphs (pieces) laid out, their rows, and
/// the pieces given their place without layout because they are off screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LaidOut {
    pub pieces: usize,
    pub rows: usize,
    pub skipped: usize,
}

impl ReaderState {
    /// State that shows `sentence` highlighted and scrolled into view.
    pub fn focused_on(sentence: Range<usize>) -> ReaderState {
        ReaderState {
            byte_budget: INITIAL_BYTES.max(sentence.end + 4096),
            focus: Some(sentence),
            scroll_to_focus: true,
            ..ReaderState::default()
        }
    }
}

impl ReaderState {
    /// The selected byte range, ordered, if not empty.
    pub fn selected_range(&self) -> Option<Range<usize>> {
        let (a, b) = self.selection?;
        (a != b).then(|| a.min(b)..a.max(b))
    }
}

/// Shows the selected article, or what to do when there is none.
pub fn reader_ui(
    ui: &mut Ui,
    article: Option<(&Document, &Article)>,
    state: &mut ReaderState,
    library: &Library,
    marks: &Marks<'_>,
) {
    let l = marks.language;
    let Some((doc, article)) = article else {
        ui.centered_and_justified(|ui| {
            if let Some(error) = &library.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            } else if library.is_loading() {
                ui.spinner();
            } else {
                ui.label(text(ui, l.t(T::NoArticles)));
            }
        });
        return;
    };
    article_view(ui, doc, article, state, marks);
}

/// The reader's scrolling view of one article.
pub fn article_view(
    ui: &mut Ui,
    doc: &Document,
    article: &Article,
    state: &mut ReaderState,
    marks: &Marks<'_>,
) {
    state.laid_out = LaidOut::default();
    let scroll_id = egui::Id::unique(("reader", &doc.file, article.part));
    egui::ScrollArea::vertical()
        .id_salt(scroll_id)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let column = ui.available_width().min(MAX_COLUMN);
            let margin = (ui.available_width() - column) / 2.0;
            ui.horizontal(|ui| {
                ui.add_space(margin.max(0.0));
                // Lines around the text (publication, chrome toggles) align with the article.
                let opening = doc
                    .title(article)
                    .or_else(|| article.body.first().map(|b| doc.slice(b)))
                    .unwrap_or_default();
                let align = match Direction::of_first_strong(opening) {
                    Some(Direction::Ltr) => egui::Align::Min,
                    _ => egui::Align::Max,
                };
                ui.allocate_ui_with_layout(
                    vec2(column, ui.available_height()),
                    egui::Layout::top_down(align),
                    |ui| {
                        ui.set_width(column);
                        article_ui(ui, doc, article, state, marks);
                    },
                );
            });
        });
    // The paragraph dragged over may have left the screen (and not been laid out).
    if state.dragging && !ui.input(|i| i.pointer.primary_down()) {
        state.dragging = false;
    }
    copy_selection(ui, doc, state);
}

fn article_ui(
    ui: &mut Ui,
    doc: &Document,
    article: &Article,
    state: &mut ReaderState,
    marks: &Marks<'_>,
) {
    ui.add_space(12.0);
    let scale = 1.0;
    let strong = ui.visuals().strong_text_color();
    let text_color = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let body_style =
        TextStyle::new(fonts::reader_body(scale), text_color, Direction::Rtl).line_gap(7.0);
    let title_style =
        TextStyle::new(fonts::reader_title(scale), strong, Direction::Rtl).line_gap(4.0);
    let small_style = TextStyle::new(
        egui::TextStyle::Small.resolve(ui.style()),
        weak,
        Direction::Rtl,
    )
    .line_gap(2.0);
    let l = marks.language;
    let chrome_style = TextStyle::new(
        egui::FontId::proportional(14.0 * scale),
        weak,
        Direction::Rtl,
    )
    .line_gap(3.0);

    if article.title.is_none() {
        ui.label(weak_text(ui, l.f(T::NoHeadline, &[&doc.file])));
        ui.add_space(8.0);
    }
    if let Some(line) = &marks.published {
        ui.label(styled(
            ui,
            line.as_str(),
            egui::TextStyle::Small,
            Some(weak),
        ));
        ui.add_space(6.0);
    }
    let budget = if state.byte_budget == 0 {
        INITIAL_BYTES
    } else {
        state.byte_budget
    };
    let mut shown = 0usize;
    let mut remaining = 0usize;
    let key = GroupsKey::of(doc, article);
    let groups = match state.groups.take() {
        Some((cached, groups)) if cached == key => groups,
        _ => group_blocks(&doc.blocks, article.part),
    };
    for group in &groups {
        match group {
            Group::One(i) => {
                let block = &doc.blocks[*i];
                if shown >= budget {
                    remaining += block.range.len();
                    continue;
                }
                let (style, gap) = match block.kind {
                    BlockKind::Title => (&title_style, 10.0),
                    BlockKind::Dateline => (&small_style, 10.0),
                    _ => (&body_style, 12.0),
                };
                let end = cut_point(&doc.text, block.range.clone(), budget - shown);
                remaining += block.range.end - end;
                shown += end - block.range.start;
                for piece in pieces(&doc.text, block.range.start..end) {
                    paragraph_ui(ui, doc, piece, style, state, marks);
                }
                ui.add_space(gap);
            }
            Group::Chrome(run) => {
                let run = &doc.blocks[run.clone()];
                let id = run[0].range.start;
                let expanded = state.expanded_chrome.contains(&id);
                let count = lines(run.len(), l);
                let label = if expanded {
                    l.f(T::HideChrome, &[&count])
                } else {
                    l.f(T::ShowChrome, &[&count])
                };
                let label = styled(ui, label, egui::TextStyle::Small, Some(weak));
                let toggle = ui.add(egui::Button::new(label).frame(false));
                if toggle.clicked() {
                    if expanded {
                        state.expanded_chrome.remove(&id);
                        state.chrome_pages.remove(&id);
                    } else {
                        state.expanded_chrome.insert(id);
                    }
                }
                if expanded {
                    let pages = 1 + state.chrome_pages.get(&id).copied().unwrap_or(0);
                    let page = &run[..run.len().min(pages.saturating_mul(CHROME_PAGE))];
                    let chrome_marks = Marks {
                        language: l,
                        ..Marks::default()
                    };
                    for block in page {
                        let end = cut_point(
                            &doc.text,
                            block.range.clone(),
                            budget.saturating_sub(shown).max(2000),
                        );
                        for piece in pieces(&doc.text, block.range.start..end) {
                            paragraph_ui(ui, doc, piece, &chrome_style, state, &chrome_marks);
                        }
                        ui.add_space(4.0);
                    }
                    if page.len() < run.len() {
                        // The bytes of the lines not shown, line ends included (no walk over
                        // a million lines per frame to leave them out).
                        let hidden = run[run.len() - 1].range.end - run[page.len()].range.start;
                        let more = l.f(T::ShowMore, &[&hidden.div_ceil(1024)]);
                        let more = styled(ui, more, egui::TextStyle::Small, Some(weak));
                        if ui.add(egui::Button::new(more).frame(false)).clicked() {
                            *state.chrome_pages.entry(id).or_default() += 1;
                        }
                    }
                }
                ui.add_space(8.0);
            }
        }
    }
    state.groups = Some((key, groups));
    if remaining > 0 {
        let more = l.f(T::ShowMore, &[&remaining.div_ceil(1024)]);
        if ui.button(text(ui, more)).clicked() {
            state.byte_budget = budget.saturating_mul(4);
        }
    }
    ui.add_space(24.0);
}

/// Ctrl+C (or the platform's copy) copies the selection as logical text.
fn copy_selection(ui: &Ui, doc: &Document, state: &ReaderState) {
    let Some(range) = state.selected_range() else {
        return;
    };
    let copy = ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)));
    if copy && range.end <= doc.text.len() {
        ui.ctx().copy_text(doc.text[range].to_owned());
    }
}

fn lines(n: usize, l: Language) -> String {
    if n == 1 {
        l.t(T::OneLine).to_owned()
    } else {
        l.f(T::Lines, &[&n])
    }
}
