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

impl TextLayout {
    /// Lays out `text` (one paragraph; `base` is its byte offset in the document) within
    /// `max_width`. RTL paragraphs are right-aligned within `max_width` (or within their
    /// widest row when the width is unbounded).
    pub fn new(
        painter: &Painter,
        text: &str,
        base: usize,
        style: &TextStyle,
        max_width: f32,
    ) -> TextLayout {
        // Without a strong character, order the line left to right as browsers do (dir=auto),
        // but align it with the surrounding text's direction.
        let paragraph = Paragraph::new(text, Direction::Ltr);
        let has_strong = Direction::of_first_strong(text).is_some();
        let row_height = painter.fonts_mut(|f| f.row_height(&style.font)) + style.line_gap;
        let layout_piece = |s: String| painter.layout_no_wrap(s, style.font.clone(), style.color);

        // Shape every token (pieces at x relative to the token's left edge).
        let shaped: Vec<(f32, Vec<Piece>)> = paragraph
            .tokens
            .iter()
            .map(|token| {
                let s = &text[token.range.clone()];
                let abs = |r: Range<usize>| base + r.start..base + r.end;
                let mut pieces = Vec::new();
                let mut x = 0.0;
                match token.shaping {
                    Shaping::Whole => {
                        let galley = layout_piece(s.to_owned());
                        x = galley.size().x;
                        pieces.push(Piece {
                            range: abs(token.range.clone()),
                            x: 0.0,
                            galley,
                        });
                    }
                    Shaping::CharsLtr | Shaping::CharsRtlMirrored => {
                        let mut chars: Vec<(usize, char)> = s.char_indices().collect();
                        if token.shaping == Shaping::CharsRtlMirrored {
                            chars.reverse();
                        }
                        for (i, c) in chars {
                            let shown = if token.shaping == Shaping::CharsRtlMirrored {
                                mirror(c)
                            } else {
                                c
                            };
                            let galley = layout_piece(shown.to_string());
                            let start = token.range.start + i;
                            let w = galley.size().x;
                            pieces.push(Piece {
                                range: abs(start..start + c.len_utf8()),
                                x,
                                galley,
                            });
                            x += w;
                        }
                    }
                }
                (x, pieces)
            })
            .collect();
        let widths: Vec<f32> = shaped.iter().map(|(w, _)| *w).collect();
        let lines = paragraph.break_lines(&widths, max_width);

        // Visual order per line, dropping whitespace at the line's logical end (not drawn).
        let mut visual_lines = Vec::with_capacity(lines.len());
        let mut widest: f32 = 0.0;
        for line in lines {
            let mut end = line.end;
            while end > line.start && paragraph.tokens[end - 1].is_space {
                end -= 1;
            }
            let order = paragraph.visual_order(line.start..end);
            let width: f32 = order.iter().map(|&i| widths[i]).sum();
            widest = widest.max(width);
            visual_lines.push((order, width));
        }
        let rtl = if has_strong {
            paragraph.direction.is_rtl()
        } else {
            style.fallback.is_rtl()
        };
        let box_width = if max_width.is_finite() {
            max_width
        } else {
            widest
        };

        let mut layout = TextLayout {
            direction: Some(if rtl { Direction::Rtl } else { Direction::Ltr }),
            range: base..base + text.len(),
            ..TextLayout::default()
        };
        for (row, (order, width)) in visual_lines.into_iter().enumerate() {
            let y = row as f32 * row_height;
            let right = match style.align {
                Align::ByDirection => rtl,
                Align::Left => false,
                Align::Right => true,
            };
            let mut x = if right {
                (box_width - width).max(0.0)
            } else {
                0.0
            };
            let first = layout.tokens.len();
            for i in order {
                let token = &paragraph.tokens[i];
                let (w, pieces) = &shaped[i];
                layout.tokens.push(PlacedToken {
                    range: base + token.range.start..base + token.range.end,
                    rect: Rect::from_min_size(pos2(x, y), vec2(*w, row_height)),
                    rtl: token.is_rtl(),
                    is_space: token.is_space,
                    pieces: pieces
                        .iter()
                        .map(|p| Piece {
                            x: x + p.x,
                            ..p.clone()
                        })
                        .collect(),
                });
                x += w;
            }
            layout
                .rows
                .push((y..y + row_height, first..layout.tokens.len()));
        }
        let height = layout.rows.len().max(1) as f32 * row_height;
        layout.size = vec2(box_width, height);
        layout
    }

    /// Paints highlight rectangles (behind whole tokens overlapping each range), then text.
    pub fn paint(&self, painter: &Painter, origin: Pos2, highlights: &[(Range<usize>, Color32)]) {
        self.paint_rows(painter, origin, highlights, usize::MAX);
    }

    /// Like [`Self::paint`] but only the first `max_rows` rows.
    pub fn paint_rows(
        &self,
        painter: &Painter,
        origin: Pos2,
        highlights: &[(Range<usize>, Color32)],
        max_rows: usize,
    ) {
        let rows = &self.rows[..self.rows.len().min(max_rows)];
        let visible = rows.first().map_or(0, |r| r.1.start)..rows.last().map_or(0, |r| r.1.end);
        for (rect, color) in self.highlight_rects(highlights, visible.clone()) {
            painter.rect_filled(rect.translate(origin.to_vec2()), 2.0, color);
        }
        for token in &self.tokens[visible] {
            for piece in &token.pieces {
                painter.galley(
                    origin + vec2(piece.x, token.rect.min.y),
                    piece.galley.clone(),
                    Color32::PLACEHOLDER,
                );
            }
        }
    }

    /// Rectangles to paint behind the text: every token (within `tokens`) that overlaps a
    /// highlighted byte range, whole, so that a highlight never splits a word's joined letters.
    pub fn highlight_rects(
        &self,
        highlights: &[(Range<usize>, Color32)],
        tokens: Range<usize>,
    ) -> Vec<(Rect, Color32)> {
        let mut rects = Vec::new();
        for (range, color) in highlights {
            for token in &self.tokens[tokens.clone()] {
                if token.range.start < range.end && range.start < token.range.end {
                    rects.push((token.rect, *color));
                }
            }
        }
        rects
    }

    /// The logical byte offset (absolute) at a point relative to the layout origin: the
    /// character boundary nearest to the point, in reading order within its token.
    pub fn offset_at(&self, text: &str, point: Pos2) -> usize {
        let Some((_, tokens)) = self
            .rows
            .iter()
            .find(|(ys, _)| point.y < ys.end)
            .or(self.rows.last())
        else {
            return self.range.start;
        };
        let row = &self.tokens[tokens.clone()];
        let Some(token) = row.iter().find(|t| point.x < t.rect.max.x).or(row.last()) else {
            return self.range.start;
        };
        if token.pieces.len() > 1 {
            let piece = token
                .pieces
                .iter()
                .find(|p| point.x < p.x + p.galley.size().x)
                .unwrap_or(&token.pieces[token.pieces.len() - 1]);
            let mid = piece.x + piece.galley.size().x / 2.0;
            // Pieces of a split token are laid out in their drawing direction.
            let after = (point.x >= mid) != token.rtl;
            return if after {
                piece.range.end
            } else {
                piece.range.start
            };
        }
        let local = &text[token.range.start - self.range.start..token.range.end - self.range.start];
        let chars = local.chars().count().max(1);
        let mut fraction =
            ((point.x - token.rect.min.x) / token.rect.width().max(1.0)).clamp(0.0, 1.0);
        if token.rtl {
            fraction = 1.0 - fraction;
        }
        let n = (fraction * chars as f32).round() as usize;
        token.range.start + local.char_indices().nth(n).map_or(local.len(), |(i, _)| i)
    }

    /// The visual left-to-right sequence of token texts on each row (for tests and `layout`).
    pub fn rows_text<'a>(&self, text: &'a str) -> Vec<Vec<&'a str>> {
        self.rows
            .iter()
            .map(|(_, tokens)| {
                self.tokens[tokens.clone()]
                    .iter()
                    .filter(|t| !t.is_space)
                    .map(|t| {
                        &text[t.range.start - self.range.start..t.range.end - self.range.start]
                    })
                    .collect()
            })
            .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::fonts;

    /// Lays `text` out with the bundled fonts in a headless context.
    fn layout(text: &str, width: f32) -> TextLayout {
        let ctx = egui::Context::default();
        fonts::install(&ctx);
        let mut out = None;
        // Fonts set in one pass are used from the next one.
        for _ in 0..2 {
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                let style =
                    TextStyle::new(FontId::proportional(18.0), Color32::WHITE, Direction::Rtl);
                out = Some(TextLayout::new(ui.painter(), text, 0, &style, width));
            });
            output.textures_delta.clear();
        }
        out.unwrap()
    }

    #[test]
    fn a_line_galley_holds_the_tokens_in_visual_order_and_the_logical_text() {
        let text = "المقالات: 12 من 340";
        let ctx = egui::Context::default();
        fonts::install(&ctx);
        let mut galley = None;
        for _ in 0..2 {
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                galley = Some(line_galley(
                    ui.painter(),
                    text,
                    FontId::proportional(14.0),
                    Color32::PLACEHOLDER,
                    Direction::Rtl,
                ));
            });
            output.textures_delta.clear();
        }
        let galley = galley.unwrap();
        assert_eq!(galley.text(), text, "screen readers get the logical text");
        // Each row is one shaped piece; read the digit rows from left to right.
        let mut rows: Vec<(f32, String)> = galley
            .rows
            .iter()
            .map(|r| (r.pos.x, r.glyphs.iter().map(|g| g.chr).collect::<String>()))
            .filter(|(_, t)| !t.trim().is_empty())
            .collect();
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        let order: Vec<&str> = rows.iter().map(|(_, t)| t.as_str()).collect();
        let at = |s: &str| order.iter().position(|t| *t == s).unwrap_or(usize::MAX);
        // Right to left: "المقالات:" rightmost, then 12, then من, then 340 leftmost.
        assert!(at("340") < at("12"), "{order:?}");
        assert_eq!(at("340"), 0, "{order:?}");
        assert!(order.last().unwrap().contains('ا'), "{order:?}");
        // Rows sit side by side on one line, each where the previous one ends (no gaps
        // beyond the spaces' own width).
        let mut spans: Vec<(f32, f32)> = galley
            .rows
            .iter()
            .map(|r| (r.pos.x, r.pos.x + r.size.x))
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        for pair in spans.windows(2) {
            assert!((pair[1].0 - pair[0].1).abs() < 1.0, "{spans:?}");
        }
        assert!(galley.rows.iter().all(|r| r.pos.y == galley.rows[0].pos.y));
        assert!(galley.rect.width() > galley.rect.height() * 4.0);
    }

    /// Token texts of each row with their left edges, left to right.
    fn placed<'a>(text: &'a str, l: &TextLayout) -> Vec<(&'a str, f32)> {
        l.tokens
            .iter()
            .filter(|t| !t.is_space)
            .map(|t| (&text[t.range.clone()], t.rect.min.x))
            .collect()
    }

    #[test]
    fn glyph_order_for_arabic_with_a_year() {
        let text = "عام 2020 في باكو";
        let l = layout(text, f32::INFINITY);
        assert_eq!(l.rows_text(text), vec![vec!["باكو", "في", "2020", "عام"]]);
        let xs = placed(text, &l);
        assert!(xs.windows(2).all(|w| w[0].1 < w[1].1), "{xs:?}");
        // The year's digits are one LTR galley: '2' is left of '0'.
        let year = l
            .tokens
            .iter()
            .find(|t| &text[t.range.clone()] == "2020")
            .unwrap();
        let glyphs = &year.pieces[0].galley.rows[0].row.glyphs;
        assert_eq!(glyphs.iter().map(|g| g.chr).collect::<String>(), "2020");
        assert!(glyphs.windows(2).all(|w| w[0].pos.x < w[1].pos.x));
    }

    #[test]
    fn a_line_without_letters_is_ordered_left_to_right_but_aligned_with_the_text() {
        let text = "18-8-2024 | 22:14";
        let l = layout(text, 400.0);
        assert_eq!(l.rows_text(text), vec![vec!["18-8-2024", "|", "22:14"]]);
        let right_edge = l.tokens.iter().map(|t| t.rect.max.x).fold(0.0, f32::max);
        assert!(
            (right_edge - 400.0).abs() < 0.5,
            "aligned right like the Arabic around it"
        );
    }

    #[test]
    fn glyph_order_for_a_latin_letter_in_arabic() {
        let text = "قال أوبراين على منصة X إن";
        let l = layout(text, f32::INFINITY);
        assert_eq!(
            l.rows_text(text),
            vec![vec!["إن", "X", "منصة", "على", "أوبراين", "قال"]]
        );
    }

    #[test]
    fn arabic_indic_digits_in_brackets_are_drawn_in_reading_order() {
        let text = "(٢٠٢٠)";
        let l = layout(text, f32::INFINITY);
        let mut drawn: Vec<(f32, char)> = l
            .tokens
            .iter()
            .flat_map(|t| {
                t.pieces.iter().flat_map(|p| {
                    p.galley.rows[0]
                        .row
                        .glyphs
                        .iter()
                        .map(move |g| (p.x + g.pos.x, g.chr))
                })
            })
            .collect();
        drawn.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert_eq!(drawn.iter().map(|d| d.1).collect::<String>(), "(٢٠٢٠)");
    }

    /// Every glyph of the laid-out text as (x, char), sorted left to right.
    fn glyphs_left_to_right(l: &TextLayout, range: Range<usize>) -> String {
        let mut glyphs: Vec<(f32, char)> = l
            .tokens
            .iter()
            .flat_map(|t| t.pieces.iter())
            .filter(|p| range.start <= p.range.start && p.range.end <= range.end)
            .flat_map(|p| {
                p.galley
                    .rows
                    .iter()
                    .flat_map(move |r| r.row.glyphs.iter().map(move |g| (p.x + g.pos.x, g.chr)))
            })
            .collect();
        glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
        glyphs.into_iter().map(|g| g.1).collect()
    }

    #[test]
    fn digits_inside_numbers_read_left_to_right() {
        for (text, number) in [
            ("عام 2024 في باكو", "2024"),
            ("عام ٢٠٢٤ في باكو", "٢٠٢٤"),
            ("18-8-2024 | 22:14 في باكو", "18-8-2024"),
            ("بلغت النسبة ٪٥ و١٫٥ مليون", "١٫٥"),
        ] {
            let l = layout(text, f32::INFINITY);
            let start = text.find(number).unwrap();
            assert_eq!(
                glyphs_left_to_right(&l, start..start + number.len()),
                number,
                "in {text}"
            );
        }
    }

    #[test]
    fn wrapped_rtl_paragraph_first_row_holds_first_words_right_aligned() {
        let text = "أعلنت أذربيجان يوم الأربعاء أن فرقة حفظ السلام الروسية في كاراباخ أكملت انسحابها من المنطقة";
        let width = 260.0;
        let l = layout(text, width);
        let rows = l.rows_text(text);
        assert!(rows.len() >= 2, "{rows:?}");
        assert_eq!(
            rows[0].last(),
            Some(&"أعلنت"),
            "first word at the right end of the first row"
        );
        assert_eq!(
            rows.last().unwrap().first(),
            Some(&"المنطقة"),
            "last word at the left end of the last row"
        );
        let right_edge = l
            .tokens
            .iter()
            .filter(|t| !t.is_space)
            .map(|t| t.rect.max.x)
            .fold(0.0, f32::max);
        assert!(
            (right_edge - width).abs() < 0.5,
            "right-aligned: {right_edge}"
        );
    }

    #[test]
    fn highlights_cover_whole_words() {
        let text = "وصل الرئيس إلى باكو";
        let l = layout(text, f32::INFINITY);
        let start = text.find("الرئيس").unwrap();
        // Two letters in the middle of a word highlight the whole word, and nothing else.
        let rects = l.highlight_rects(&[(start + 4..start + 8, Color32::RED)], 0..l.tokens.len());
        let word = l
            .tokens
            .iter()
            .find(|t| &text[t.range.clone()] == "الرئيس")
            .unwrap();
        assert_eq!(rects, vec![(word.rect, Color32::RED)]);
    }

    #[test]
    fn clicks_map_to_logical_offsets_and_highlights_cover_whole_words() {
        let text = "عام 2020 في باكو";
        let l = layout(text, f32::INFINITY);
        let baku = l
            .tokens
            .iter()
            .find(|t| &text[t.range.clone()] == "باكو")
            .unwrap();
        // The right edge of an RTL word is its logical start.
        let at_right = l.offset_at(text, pos2(baku.rect.max.x - 0.5, 5.0));
        assert_eq!(at_right, baku.range.start);
        let at_left = l.offset_at(text, pos2(baku.rect.min.x + 0.5, 5.0));
        assert_eq!(at_left, baku.range.end);
        let year = l
            .tokens
            .iter()
            .find(|t| &text[t.range.clone()] == "2020")
            .unwrap();
        assert_eq!(
            l.offset_at(text, pos2(year.rect.min.x + 0.5, 5.0)),
            year.range.start
        );
    }
}
