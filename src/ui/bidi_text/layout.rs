//! Laying out a paragraph: runs in the bidi algorithm's visual order, wrapped and aligned;
//! painting it with highlights, and mapping points back to logical offsets.

use super::*;

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
