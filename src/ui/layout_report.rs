//! `khabar layout`: the visual order the reader draws each line in, for comparison with a
//! browser engine (see `scripts/bidi_reference.py` and `tests/bidi_conformance.rs`).

use crate::ui::bidi_text::{TextLayout, TextStyle};
use crate::ui::fonts;
use egui::{Color32, FontId};
use khabar_core::text::bidi::Direction;

/// One line's layout: direction and the indices of its whitespace-separated tokens, in the
/// order they are drawn left to right.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LineLayout {
    /// 1-based line number in the file.
    pub line: usize,
    pub dir: String,
    pub visual: Vec<usize>,
}

/// Lays out every non-empty line of `text` on one unwrapped line, with the reader's code
/// (a headless egui context with the bundled fonts), and reports the visual token order.
///
/// A whitespace-separated token that the layout splits into several runs (at a level change)
/// is placed by its first run, the one holding its first character.
pub fn layout_lines(text: &str) -> Vec<LineLayout> {
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let mut result = Vec::new();
    // Fonts set in one pass are used from the next one.
    for pass in 0..2 {
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            if pass == 0 {
                return;
            }
            // Browsers give a line without strong characters the LTR direction (dir=auto).
            let style = TextStyle::new(FontId::proportional(16.0), Color32::WHITE, Direction::Ltr);
            result = text
                .split('\n')
                .enumerate()
                .filter(|(_, line)| !line.trim().is_empty())
                .map(|(i, line)| {
                    let line = line.strip_suffix('\r').unwrap_or(line);
                    line_layout(
                        i + 1,
                        line,
                        &TextLayout::new(ui.painter(), line, 0, &style, f32::INFINITY),
                    )
                })
                .collect();
        });
        output.textures_delta.clear();
    }
    result
}

fn line_layout(number: usize, line: &str, layout: &TextLayout) -> LineLayout {
    let mut placed: Vec<(f32, usize)> = Vec::new();
    let mut index = 0;
    let mut offset = 0;
    for word in line.split(char::is_whitespace) {
        let start = offset;
        offset += word.len()
            + line[offset + word.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        if word.is_empty() {
            continue;
        }
        let x = layout
            .tokens
            .iter()
            .flat_map(|t| t.pieces.iter())
            .find(|p| p.range.contains(&start))
            .map_or(f32::MAX, |p| p.x);
        placed.push((x, index));
        index += 1;
    }
    placed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let rtl =
        khabar_core::text::bidi::Direction::of_first_strong(line).is_some_and(Direction::is_rtl);
    LineLayout {
        line: number,
        dir: if rtl { "rtl" } else { "ltr" }.to_owned(),
        visual: placed.into_iter().map(|(_, i)| i).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_visual_token_order() {
        let out = layout_lines("عام 2020 في باكو\n\nHello world\n(٢٠٢٠)\r\n");
        assert_eq!(
            out,
            vec![
                LineLayout {
                    line: 1,
                    dir: "rtl".into(),
                    visual: vec![3, 2, 1, 0]
                },
                LineLayout {
                    line: 3,
                    dir: "ltr".into(),
                    visual: vec![0, 1]
                },
                LineLayout {
                    line: 4,
                    dir: "ltr".into(),
                    visual: vec![0]
                },
            ]
        );
    }
}
