//! The reader: an article's headline, dateline and body laid out right-to-left, with site
//! chrome dimmed and collapsed, selection by dragging, and copy of the logical text.

use crate::core::bidi::Direction;
use crate::core::document::{Article, Block, BlockKind, Document};
use crate::core::lexicon::Kind;
use crate::ui::bidi_text::{TextLayout, TextStyle, bidi_label};
use crate::ui::fonts;
use crate::ui::i18n::{Language, T, styled, text, text as i18n_text, weak as weak_text};
use crate::ui::library::Library;
use egui::{Color32, Sense, Ui, vec2};
use std::collections::HashSet;
use std::ops::Range;

/// Text shown at first for one article; more on request (a single 8 MB line must not stall
/// the window, and nothing is hidden silently: a button says how much is left).
pub const INITIAL_BYTES: usize = 200_000;
/// Widest column of running text, in points: longer lines are hard to read.
const MAX_COLUMN: f32 = 820.0;

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
    let blocks: Vec<&Block> = doc.blocks_of(article.part).collect();
    let mut remaining = 0usize;
    for group in group_blocks(&blocks) {
        match group {
            GroupRef::One(block) => {
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
                paragraph_ui(ui, doc, block.range.start..end, style, state, marks);
                ui.add_space(gap);
            }
            GroupRef::Chrome(run) => {
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
                    } else {
                        state.expanded_chrome.insert(id);
                    }
                }
                if expanded {
                    for block in run {
                        let end = cut_point(
                            &doc.text,
                            block.range.clone(),
                            budget.saturating_sub(shown).max(2000),
                        );
                        paragraph_ui(
                            ui,
                            doc,
                            block.range.start..end,
                            &chrome_style,
                            state,
                            &Marks {
                                language: l,
                                ..Marks::default()
                            },
                        );
                        ui.add_space(4.0);
                    }
                }
                ui.add_space(8.0);
            }
        }
    }
    if remaining > 0 {
        let more = l.f(T::ShowMore, &[&remaining.div_ceil(1024)]);
        if ui.button(text(ui, more)).clicked() {
            state.byte_budget = budget.saturating_mul(4);
        }
    }
    ui.add_space(24.0);
}

enum GroupRef<'a> {
    One(&'a Block),
    Chrome(Vec<&'a Block>),
}

fn group_blocks<'a>(blocks: &[&'a Block]) -> Vec<GroupRef<'a>> {
    let mut out: Vec<GroupRef<'a>> = Vec::new();
    for &block in blocks {
        match (block.kind, out.last_mut()) {
            (BlockKind::Chrome, Some(GroupRef::Chrome(run))) => run.push(block),
            (BlockKind::Chrome, _) => out.push(GroupRef::Chrome(vec![block])),
            _ => out.push(GroupRef::One(block)),
        }
    }
    out
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
    let layout = TextLayout::new(ui.painter(), text, range.start, style, width);
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
