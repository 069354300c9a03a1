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

/// Blocks shown together: one block, or a run of chrome blocks (indices into the
/// document's blocks).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Group {
    One(usize),
    Chrome(Range<usize>),
}

/// What the cached grouping was made from. The address of the blocks tells a reloaded
/// document (same file, same sizes, other blocks) from the one grouped.
#[derive(Debug, Clone, PartialEq, Eq)]
struct GroupsKey {
    file: String,
    part: u16,
    blocks: usize,
    blocks_at: usize,
    text: usize,
}

impl GroupsKey {
    fn of(doc: &Document, article: &Article) -> GroupsKey {
        GroupsKey {
            file: doc.file.clone(),
            part: article.part,
            blocks: doc.blocks.len(),
            blocks_at: doc.blocks.as_ptr() as usize,
            text: doc.text.len(),
        }
    }
}

fn group_blocks(blocks: &[Block], part: u16) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if block.part != part {
            continue;
        }
        match (block.kind, out.last_mut()) {
            (BlockKind::Chrome, Some(Group::Chrome(run))) if run.end == i => run.end = i + 1,
            (BlockKind::Chrome, _) => out.push(Group::Chrome(i..i + 1)),
            _ => out.push(Group::One(i)),
        }
    }
    out
}

/// `range` of `text` in pieces laid out one by one: the whole range when it is short,
/// else pieces of about [`PIECE_BYTES`] cut after a space, and runs without spaces longer
/// than [`LONG_RUN_BYTES`] cut into [`BLOB_PIECE_BYTES`] pieces of their own.
fn pieces(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = range.start;
    let end = range.end;
    std::iter::from_fn(move || {
        if start >= end {
            return None;
        }
        let piece = next_piece(text, start, end);
        start = piece.end;
        Some(piece)
    })
}

fn next_piece(text: &str, start: usize, end: usize) -> Range<usize> {
    // Shorter than a long run (and so than a piece): nothing to cut.
    if end - start <= LONG_RUN_BYTES {
        return start..end;
    }
    // After the last space seen (where a piece can end), and where the current run began.
    let mut after_space = None;
    let mut run_start = start;
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        if c.is_whitespace() {
            after_space = Some(at + c.len_utf8());
            run_start = at + c.len_utf8();
            if at - start >= PIECE_BYTES {
                return start..at + c.len_utf8();
            }
            continue;
        }
        if at - run_start >= LONG_RUN_BYTES {
            // A blob: end the piece before it, or cut a slice of it as a piece.
            return if run_start > start {
                start..run_start
            } else {
                start..floor_char_boundary(text, start + BLOB_PIECE_BYTES)
            };
        }
        if at - start >= PIECE_BYTES
            && let Some(cut) = after_space
        {
            return start..cut;
        }
    }
    start..end
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// End of the part of `range` that fits in `budget` bytes, at a word boundary.
fn cut_point(text: &str, range: Range<usize>, budget: usize) -> usize {
    if range.len() <= budget {
        return range.end;
    }
    let mut end = range.start + budget;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[range.start..end]
        .rfind(char::is_whitespace)
        .map_or(end, |i| range.start + i)
}

/// One paragraph: laid out, painted with the selection, clickable and draggable.
fn paragraph_ui(
    ui: &mut Ui,
    doc: &Document,
    range: Range<usize>,
    style: &TextStyle,
    state: &mut ReaderState,
    marks: &Marks<'_>,
) {
    let text = &doc.text[range.clone()];
    let width = ui.available_width();
    if state.heights_width != width {
        state.heights.clear();
        state.heights_width = width;
    }
    let key = (range.start, range.end);
    let focus_here = state.scroll_to_focus
        && state
            .focus
            .as_ref()
            .is_some_and(|f| f.start < range.end && range.start < f.end);
    // Off screen, a piece only takes its place (its height as last laid out, or as estimated):
    // the cost of a frame is that of what is visible, whatever the length of the article.
    let top = ui.cursor().min.y;
    let clip = ui.clip_rect();
    let height = state
        .heights
        .get(&key)
        .copied()
        .unwrap_or_else(|| estimated_height(ui, text, style, width));
    if !focus_here && (top > clip.max.y || top + height < clip.min.y) {
        let (_, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
        state.laid_out.skipped += 1;
        return;
    }
    let layout = TextLayout::new(ui.painter(), text, range.start, style, width);
    state.heights.insert(key, layout.size.y);
    state.laid_out.pieces += 1;
    state.laid_out.rows += layout.rows.len();
    let (rect, response) =
        ui.allocate_exact_size(vec2(width, layout.size.y), Sense::click_and_drag());
    let local = |p: egui::Pos2| (p - rect.min).to_pos2();
    if response.is_pointer_button_down_on()
        && !state.dragging
        && let Some(pos) = ui.input(|i| i.pointer.press_origin())
    {
        let offset = layout.offset_at(text, local(pos));
        state.selection = Some((offset, offset));
        state.dragging = true;
    }
    if state.dragging {
        let (down, pos) = ui.input(|i| (i.pointer.primary_down(), i.pointer.interact_pos()));
        if let Some(pos) = pos
            && rect.y_range().contains(pos.y)
            && let Some((anchor, _)) = state.selection
        {
            state.selection = Some((anchor, layout.offset_at(text, local(pos))));
        }
        if !down {
            state.dragging = false;
        }
    }
    let mark_at = |pos: egui::Pos2| {
        let offset = layout.offset_at(text, local(pos));
        marks
            .list
            .iter()
            .find(|m| m.range.start <= offset && offset < m.range.end)
    };
    let date_at = |pos: egui::Pos2| {
        let offset = layout.offset_at(text, local(pos));
        marks
            .dates
            .iter()
            .find(|m| m.range.start <= offset && offset < m.range.end)
    };
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        state.last_click = Some(layout.offset_at(text, local(pos)));
        state.selection = None;
        if let Some(mark) = mark_at(pos) {
            state.clicked_entity = Some(mark.key.clone());
        }
    }
    let hovered = response.hover_pos().and_then(|pos| {
        mark_at(pos)
            .map(|mark| format!("{} · {}", mark.name, kind_label(mark.kind, marks.language)))
            .or_else(|| date_at(pos).map(|d| d.label.clone()))
    });
    if let Some(label) = hovered {
        response.clone().on_hover_ui_at_pointer(|ui| {
            let style = TextStyle::new(
                egui::TextStyle::Body.resolve(ui.style()),
                ui.visuals().text_color(),
                Direction::Rtl,
            );
            bidi_label(ui, &label, &style, 3, Sense::hover());
        });
    }
    if state.scroll_to_focus
        && state
            .focus
            .as_ref()
            .is_some_and(|f| f.start < range.end && range.start < f.end)
    {
        ui.scroll_to_rect(rect, Some(egui::Align::Center));
        state.scroll_to_focus = false;
    }
    if ui.is_rect_visible(rect) {
        let selection_color = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
        let mut highlights: Vec<(Range<usize>, Color32)> = marks
            .list
            .iter()
            .filter(|m| m.range.start < range.end && range.start < m.range.end)
            .map(|m| {
                (
                    m.range.clone(),
                    kind_color(
                        m.kind,
                        marks.selected.contains(&m.key),
                        ui.visuals().dark_mode,
                    ),
                )
            })
            .collect();
        let date_color = date_color(ui.visuals().dark_mode);
        highlights.extend(
            marks
                .dates
                .iter()
                .filter(|m| m.range.start < range.end && range.start < m.range.end)
                .map(|m| (m.range.clone(), date_color)),
        );
        highlights.extend(
            marks
                .hits
                .iter()
                .filter(|h| h.start < range.end && range.start < h.end)
                .map(|h| (h.clone(), hit_color(ui.visuals().dark_mode))),
        );
        if let Some(focus) = &state.focus
            && focus.start < range.end
            && range.start < focus.end
        {
            highlights.insert(0, (focus.clone(), focus_color(ui.visuals().dark_mode)));
        }
        highlights.extend(state.selected_range().map(|r| (r, selection_color)));
        layout.paint(ui.painter(), rect.min, &highlights);
    }
    response.context_menu(|ui| {
        if let Some(selected) = state.selected_range()
            && ui
                .button(i18n_text(ui, marks.language.t(T::CopySelection)))
                .clicked()
        {
            ui.ctx().copy_text(doc.text[selected].to_owned());
            ui.close();
        }
        if ui
            .button(i18n_text(ui, marks.language.t(T::CopyParagraph)))
            .clicked()
        {
            ui.ctx().copy_text(text.to_owned());
            ui.close();
        }
    });
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
}

/// The height of `text` laid out at `width`, guessed from its length (about half an em per
/// character), for a piece not laid out yet.
fn estimated_height(ui: &Ui, text: &str, style: &TextStyle, width: f32) -> f32 {
    let row = ui.painter().fonts_mut(|f| f.row_height(&style.font)) + style.line_gap;
    // Arabic takes two bytes a character, Latin one: count characters only for short texts.
    let chars = if text.len() < 4096 {
        text.chars().count()
    } else {
        text.len() / 2
    };
    let per_row = (width / (style.font.size * 0.5)).max(1.0);
    (chars as f32 / per_row).ceil().max(1.0) * row
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

/// An entity mention to highlight in the reader.
#[derive(Debug, Clone)]
pub struct Mark {
    pub range: Range<usize>,
    pub kind: Kind,
    pub key: String,
    pub name: String,
}

/// A date written in the article, with what it was read as.
#[derive(Debug, Clone)]
pub struct DateMark {
    pub range: Range<usize>,
    /// Hover text: the ISO value (and range end, Hijri form, how it was resolved).
    pub label: String,
}

/// The mentions of the article shown, and the entity selected in the sidebar.
#[derive(Debug, Clone, Default)]
pub struct Marks<'a> {
    pub list: Vec<Mark>,
    pub selected: &'a [String],
    pub dates: Vec<DateMark>,
    /// The publication line shown under the headline ("Published 2024-06-05 (inferred)").
    pub published: Option<String>,
    /// Search hits to highlight.
    pub hits: Vec<Range<usize>>,
    /// The interface language (menus, hover texts).
    pub language: Language,
}

/// Highlight of dates in the text.
pub fn date_color(dark: bool) -> Color32 {
    Color32::from_rgb(70, 130, 230).gamma_multiply(if dark { 0.35 } else { 0.22 })
}

/// Highlight of search hits.
pub fn hit_color(dark: bool) -> Color32 {
    Color32::from_rgb(240, 90, 120).gamma_multiply(if dark { 0.45 } else { 0.35 })
}

/// Highlight of the sentence opened from the timeline.
pub fn focus_color(dark: bool) -> Color32 {
    Color32::from_rgb(250, 210, 60).gamma_multiply(if dark { 0.30 } else { 0.45 })
}

/// Highlight colour of a kind; the selected entity's mentions are stronger.
pub fn kind_color(kind: Kind, selected: bool, dark: bool) -> Color32 {
    let base = match kind {
        Kind::Person => Color32::from_rgb(230, 160, 40),
        Kind::Place => Color32::from_rgb(40, 170, 160),
        Kind::Org => Color32::from_rgb(150, 110, 230),
    };
    let alpha = match (selected, dark) {
        (true, _) => 0.75,
        (false, true) => 0.32,
        (false, false) => 0.25,
    };
    base.gamma_multiply(alpha)
}

/// The word for a kind in the interface.
pub fn kind_label(kind: Kind, l: Language) -> &'static str {
    l.t(match kind {
        Kind::Person => T::KindPerson,
        Kind::Place => T::KindPlace,
        Kind::Org => T::KindOrg,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<Range<usize>> {
        pieces(text, 0..text.len()).collect()
    }

    fn assert_tiles(text: &str, p: &[Range<usize>]) {
        assert_eq!(p.first().map(|r| r.start), Some(0));
        assert_eq!(p.last().map(|r| r.end), Some(text.len()));
        for pair in p.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        assert!(
            p.iter()
                .all(|r| !r.is_empty() && text.get(r.clone()).is_some())
        );
    }

    #[test]
    fn a_paragraph_is_one_piece() {
        let text = "وصل الرئيس إلى باكو في زيارة رسمية. ".repeat(40);
        assert!(text.len() > LONG_RUN_BYTES);
        let p = cut(&text);
        assert_eq!((p.len(), p[0].clone()), (1, 0..text.len()));
    }

    #[test]
    fn a_long_line_is_cut_after_spaces() {
        let text = "كلمة في سطر طويل ".repeat(3000);
        let p = cut(&text);
        assert_tiles(&text, &p);
        assert!(p.len() >= text.len() / (PIECE_BYTES + 40), "{}", p.len());
        for r in &p[..p.len() - 1] {
            assert!(text[r.clone()].ends_with(' '), "{r:?}");
            assert!(r.len() <= PIECE_BYTES + 40, "{r:?}");
        }
    }

    #[test]
    fn a_run_without_spaces_is_cut_into_short_pieces() {
        let blob = "ب".repeat(1000);
        let text = format!("قال {blob} إن");
        let p = cut(&text);
        assert_tiles(&text, &p);
        assert_eq!(&text[p[0].clone()], "قال ");
        assert!(
            p.len() >= (2000 - LONG_RUN_BYTES) / BLOB_PIECE_BYTES,
            "{p:?}"
        );
        assert!(p.iter().all(|r| r.len() <= LONG_RUN_BYTES + 10), "{p:?}");
    }
}
