//! Glyph order, wrapping, highlights and hit-testing of bidi text, checked on laid-out
//! Arabic with Latin letters and digits.

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
            let style = TextStyle::new(FontId::proportional(18.0), Color32::WHITE, Direction::Rtl);
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
    let text =
        "أعلنت أذربيجان يوم الأربعاء أن فرقة حفظ السلام الروسية في كاراباخ أكملت انسحابها من المنطقة";
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
