//! Drawing bidirectional text with egui, which shapes runs but has no bidi algorithm.
//!
//! The logic (tokens, levels, line breaking, visual order) is in [`khabar_core::text::bidi`]; here
//! each token is shaped as its own galley, lines are placed right-aligned for RTL paragraphs,
//! and every placed token keeps its logical byte range so that highlights, clicks and copy
//! work on the logical text.

use egui::{
    Align2, Color32, FontId, Galley, Painter, Pos2, Rect, Response, Sense, Ui, Vec2, pos2, vec2,
};
use khabar_core::text::bidi::{Direction, Paragraph, Shaping, mirror};
use std::ops::Range;
use std::sync::Arc;

mod layout;
#[cfg(test)]
mod tests;

/// One shaped piece of a token (the whole token, or one character of a split token).
#[derive(Clone, Debug)]
pub struct Piece {
    /// Logical byte range of the piece (absolute: includes the layout's base offset).
    pub range: Range<usize>,
    /// Left edge, relative to the layout origin.
    pub x: f32,
    pub galley: Arc<Galley>,
}

/// A token placed on a row.
#[derive(Clone, Debug)]
pub struct PlacedToken {
    /// Logical byte range (absolute).
    pub range: Range<usize>,
    /// Where it is drawn, relative to the layout origin.
    pub rect: Rect,
    pub rtl: bool,
    pub is_space: bool,
    pub pieces: Vec<Piece>,
}

/// A laid-out paragraph: rows of placed tokens, in visual order within each row.
#[derive(Clone, Debug, Default)]
pub struct TextLayout {
    pub size: Vec2,
    pub direction: Option<Direction>,
    /// Tokens in drawing order, row by row.
    pub tokens: Vec<PlacedToken>,
    /// For each row: its vertical extent and the range of `tokens` on it.
    pub rows: Vec<(Range<f32>, Range<usize>)>,
    /// The byte range of the laid-out text (absolute).
    pub range: Range<usize>,
}

/// How to lay a paragraph out.
#[derive(Clone, Debug)]
pub struct TextStyle {
    pub font: FontId,
    pub color: Color32,
    /// Alignment direction of a paragraph without strong characters (its order is LTR).
    pub fallback: Direction,
    /// Extra space between rows, in points.
    pub line_gap: f32,
    pub align: Align,
}

/// Horizontal alignment of rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    /// Right for RTL paragraphs, left for LTR ones.
    #[default]
    ByDirection,
    Left,
    Right,
}

impl TextStyle {
    /// A style with no extra row gap, aligned by the paragraph's direction.
    pub fn new(font: FontId, color: Color32, fallback: Direction) -> TextStyle {
        TextStyle {
            font,
            color,
            fallback,
            line_gap: 0.0,
            align: Align::ByDirection,
        }
    }

    pub fn line_gap(self, line_gap: f32) -> TextStyle {
        TextStyle { line_gap, ..self }
    }

    pub fn align(self, align: Align) -> TextStyle {
        TextStyle { align, ..self }
    }
}

/// A bidi-aware label: lays out `text`, paints it (at most `max_rows` rows, with an ellipsis
/// when cut) and exposes the logical text to screen readers and tests.
pub fn bidi_label(
    ui: &mut Ui,
    text: &str,
    style: &TextStyle,
    max_rows: usize,
    sense: Sense,
) -> Response {
    let available = ui.available_width();
    // Text that fits takes only its own width (labels in grids and tooltips); longer text wraps.
    let mut layout = TextLayout::new(ui.painter(), text, 0, style, f32::INFINITY);
    if layout.size.x > available {
        layout = TextLayout::new(ui.painter(), text, 0, style, available);
    }
    let rows = layout.rows.len().min(max_rows).max(1);
    let height = layout.rows.get(rows - 1).map_or(layout.size.y, |r| r.0.end);
    let (rect, response) = ui.allocate_exact_size(vec2(layout.size.x, height), sense);
    if ui.is_rect_visible(rect) {
        layout.paint_rows(ui.painter(), rect.min, &[], rows);
        if layout.rows.len() > rows {
            let rtl = layout.direction.is_some_and(Direction::is_rtl);
            let anchor = if rtl {
                Align2::LEFT_BOTTOM
            } else {
                Align2::RIGHT_BOTTOM
            };
            let pos = if rtl {
                rect.left_bottom()
            } else {
                rect.right_bottom()
            };
            ui.painter()
                .text(pos, anchor, "…", style.font.clone(), style.color);
        }
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, ui.is_enabled(), text));
    response
}

/// One line of bidirectional text as a single galley, so that any egui widget (button,
/// label, menu, tooltip) can show it: each token is shaped on its own and the tokens are
/// placed in visual order. With `Color32::PLACEHOLDER` the widget chooses the colour; the
/// galley's text is the logical string, which screen readers and tests read.
pub fn line_galley(
    painter: &Painter,
    text: &str,
    font: FontId,
    color: Color32,
    fallback: Direction,
) -> Arc<Galley> {
    let style = TextStyle::new(font.clone(), color, fallback);
    let layout = TextLayout::new(painter, text, 0, &style, f32::INFINITY);
    let mut parts = Vec::new();
    let mut origins = Vec::new();
    for token in &layout.tokens {
        for piece in &token.pieces {
            for row in &piece.galley.rows {
                // A piece's x is already relative to the layout's origin.
                origins.push(pos2(piece.x, token.rect.min.y) + row.pos.to_vec2());
            }
            parts.push(piece.galley.clone());
        }
    }
    let job = egui::text::LayoutJob::simple_singleline(text.to_owned(), font, color);
    if parts.is_empty() {
        return painter.layout_job(job);
    }
    // `concat` stacks galleys as paragraphs; move their rows side by side instead.
    let mut galley = Galley::concat(Arc::new(job), &parts, painter.pixels_per_point());
    let mut rect = Rect::NOTHING;
    let mut mesh_bounds = Rect::NOTHING;
    for (row, origin) in galley.rows.iter_mut().zip(origins) {
        row.pos = origin;
        row.ends_with_newline = false;
        rect |= Rect::from_min_size(origin, row.size);
        mesh_bounds |= row.visuals.mesh_bounds.translate(origin.to_vec2());
    }
    galley.rect = rect;
    galley.mesh_bounds = mesh_bounds;
    Arc::new(galley)
}
