//! Bidirectional layout logic (UAX #9 via `unicode-bidi`), free of any drawing library.
//!
//! A paragraph is cut into *tokens*: runs of whitespace or non-whitespace, also cut where the
//! embedding level changes. Each token is shaped on its own by the renderer (Arabic never joins
//! across a space or a level change), lines are broken in logical order, and each line's tokens
//! are put in visual order with the line's levels (rule L1 applied) — see
//! [`Paragraph::visual_order`].

use std::ops::Range;
use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

/// Base direction of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// Direction of the first strong character (rules P2–P3), if there is one.
    ///
    /// ```
    /// use khabar_core::text::bidi::Direction;
    /// assert_eq!(Direction::of_first_strong("2020 عام"), Some(Direction::Rtl));
    /// assert_eq!(Direction::of_first_strong("X منصة"), Some(Direction::Ltr));
    /// assert_eq!(Direction::of_first_strong("(2020)"), None);
    /// ```
    pub fn of_first_strong(text: &str) -> Option<Direction> {
        text.chars().find_map(|c| match bidi_class(c) {
            BidiClass::L => Some(Direction::Ltr),
            BidiClass::R | BidiClass::AL => Some(Direction::Rtl),
            _ => None,
        })
    }

    pub fn is_rtl(self) -> bool {
        self == Direction::Rtl
    }
}

/// How the renderer must shape a token so that its glyphs come out in visual order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shaping {
    /// Shape the token as one run (its script gives the right direction).
    Whole,
    /// Place each character on its own, left to right. For Arabic-Indic digits at an LTR
    /// level, which a shaper would otherwise guess to be right-to-left and reverse.
    CharsLtr,
    /// Place each character on its own, right to left, mirrored. For neutral characters at an
    /// RTL level (brackets, quotes), which a shaper would lay out left to right unmirrored.
    CharsRtlMirrored,
}

/// One shaping unit of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the paragraph text.
    pub range: Range<usize>,
    /// Resolved embedding level before line-level rule L1.
    pub level: u8,
    /// All whitespace.
    pub is_space: bool,
    pub shaping: Shaping,
}

impl Token {
    pub fn is_rtl(&self) -> bool {
        self.level % 2 == 1
    }
}

/// A paragraph analysed for layout.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub direction: Direction,
    pub tokens: Vec<Token>,
}

impl Paragraph {
    /// Analyses one paragraph (no line breaks inside). Its direction comes from its first
    /// strong character, or `fallback` when it has none.
    pub fn new(text: &str, fallback: Direction) -> Paragraph {
        let direction = Direction::of_first_strong(text).unwrap_or(fallback);
        let base = match direction {
            Direction::Ltr => Level::ltr(),
            Direction::Rtl => Level::rtl(),
        };
        let info = BidiInfo::new(text, Some(base));
        let levels = &info.levels;
        let mut tokens = Vec::new();
        let mut start = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let space = c.is_whitespace();
            let next = chars.peek().copied();
            let boundary = match next {
                None => true,
                Some((j, n)) => n.is_whitespace() != space || levels[j] != levels[i],
            };
            if boundary {
                let end = next.map_or(text.len(), |(j, _)| j);
                tokens.push(make_token(text, start..end, levels[start].number(), space));
                start = end;
            }
        }
        Paragraph { direction, tokens }
    }

    /// The paragraph's base embedding level.
    pub fn base_level(&self) -> u8 {
        u8::from(self.direction.is_rtl())
    }

    /// Breaks the paragraph into lines, in logical order, given each token's width.
    /// Returns ranges of token indices. Whitespace at a line end stays on that line (it is
    /// not drawn); a token wider than `max_width` gets a line of its own.
    pub fn break_lines(&self, widths: &[f32], max_width: f32) -> Vec<Range<usize>> {
        let mut lines = Vec::new();
        let mut start = 0;
        let mut width = 0.0;
        // Lines break at spaces only: a word split into several tokens at level changes
        // ("(٢٠٢٠)", "الـ81") moves to the next line whole.
        let mut word_start = 0;
        for (i, token) in self.tokens.iter().enumerate() {
            if token.is_space {
                width += widths[i];
                continue;
            }
            if i == 0 || self.tokens[i - 1].is_space {
                word_start = i;
            }
            if width + widths[i] > max_width {
                let break_at = if word_start > start { word_start } else { i };
                if break_at > start && self.tokens[start..break_at].iter().any(|t| !t.is_space) {
                    lines.push(start..break_at);
                    start = break_at;
                    width = widths[break_at..i].iter().sum();
                }
            }
            width += widths[i];
        }
        if start < self.tokens.len() || lines.is_empty() {
            lines.push(start..self.tokens.len());
        }
        lines
    }

    /// Token indices of one line in visual order, left to right (rules L1–L2).
    pub fn visual_order(&self, line: Range<usize>) -> Vec<usize> {
        let tokens = &self.tokens[line.clone()];
        let mut levels: Vec<Level> = tokens
            .iter()
            .map(|t| Level::new(t.level).unwrap_or_else(|_| Level::ltr()))
            .collect();
        // L1: whitespace at the end of a line takes the paragraph level.
        for (token, level) in tokens.iter().zip(levels.iter_mut()).rev() {
            if !token.is_space {
                break;
            }
            *level = Level::new(self.base_level()).unwrap_or_else(|_| Level::ltr());
        }
        BidiInfo::reorder_visual(&levels)
            .into_iter()
            .map(|i| line.start + i)
            .collect()
    }

    /// Index of the token that holds byte `offset`.
    pub fn token_at(&self, offset: usize) -> Option<usize> {
        self.tokens.iter().position(|t| t.range.contains(&offset))
    }
}

fn make_token(text: &str, range: Range<usize>, level: u8, is_space: bool) -> Token {
    let s = &text[range.clone()];
    let rtl = level % 2 == 1;
    let has_strong_rtl = s
        .chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL));
    let has_arabic_script = s.chars().any(crate::text::normalize::is_arabic);
    let shaping = if is_space {
        Shaping::Whole
    } else if rtl && !has_strong_rtl {
        Shaping::CharsRtlMirrored
    } else if !rtl && has_arabic_script {
        Shaping::CharsLtr
    } else {
        Shaping::Whole
    };
    Token {
        range,
        level,
        is_space,
        shaping,
    }
}

/// The mirrored form of a character drawn at an RTL level (bidi mirroring, common pairs).
pub fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        '⁅' => '⁆',
        '⁆' => '⁅',
        '⁽' => '⁾',
        '⁾' => '⁽',
        '₍' => '₎',
        '₎' => '₍',
        '〈' => '〉',
        '〉' => '〈',
        '⟨' => '⟩',
        '⟩' => '⟨',
        '≤' => '≥',
        '≥' => '≤',
        '﴾' => '﴿',
        '﴿' => '﴾',
        c => c,
    }
}

/// The text of a token in the order its glyphs are drawn left to right, for renderers and
/// tests: whole tokens as stored (the shaper orders them), split tokens per their [`Shaping`].
pub fn display_chars(text: &str, token: &Token) -> Vec<char> {
    let s = &text[token.range.clone()];
    match token.shaping {
        Shaping::Whole | Shaping::CharsLtr => s.chars().collect(),
        Shaping::CharsRtlMirrored => s.chars().rev().map(mirror).collect(),
    }
}

/// Lays a paragraph out on one unwrapped line: the tokens' texts in visual order.
pub fn visual_tokens<'a>(text: &'a str, paragraph: &Paragraph) -> Vec<&'a str> {
    paragraph
        .visual_order(0..paragraph.tokens.len())
        .into_iter()
        .map(|i| &text[paragraph.tokens[i].range.clone()])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_visual(text: &str) -> Vec<&str> {
        let p = Paragraph::new(text, Direction::Ltr);
        visual_tokens(text, &p)
            .into_iter()
            .filter(|t| !t.trim().is_empty())
            .collect()
    }

    #[test]
    fn arabic_with_year_reads_right_to_left_with_digits_intact() {
        assert_eq!(
            words_visual("عام 2020 في باكو"),
            ["باكو", "في", "2020", "عام"]
        );
    }

    #[test]
    fn latin_letter_inside_arabic() {
        assert_eq!(
            words_visual("قال أوبراين على منصة X إن"),
            ["إن", "X", "منصة", "على", "أوبراين", "قال"]
        );
    }

    #[test]
    fn arabic_indic_digits_in_brackets() {
        let text = "(٢٠٢٠)";
        let p = Paragraph::new(text, Direction::Rtl);
        let order = p.visual_order(0..p.tokens.len());
        let drawn: String = order
            .iter()
            .flat_map(|&i| display_chars(text, &p.tokens[i]))
            .collect();
        assert_eq!(drawn, "(٢٠٢٠)");
        let digits = p
            .tokens
            .iter()
            .find(|t| &text[t.range.clone()] == "٢٠٢٠")
            .unwrap();
        assert_eq!(digits.shaping, Shaping::CharsLtr);
    }

    #[test]
    fn english_clause_inside_arabic_keeps_its_order() {
        assert_eq!(
            words_visual("قال إن Nagorno Karabakh region هي"),
            ["هي", "Nagorno", "Karabakh", "region", "إن", "قال"]
        );
    }

    #[test]
    fn arabic_inside_english() {
        assert_eq!(
            words_visual("The city of باكو الجميلة is old"),
            ["The", "city", "of", "الجميلة", "باكو", "is", "old"]
        );
    }

    #[test]
    fn numbers_with_separators_stay_whole_unless_uax9_splits_them() {
        // At the start of a line (no Arabic letter before), the date is one European number.
        assert_eq!(
            words_visual("18-8-2024 | 22:14"),
            ["18-8-2024", "|", "22:14"]
        );
        // After an Arabic letter, rule W2 makes the digits Arabic numbers and W4 does not join
        // Arabic numbers across '-': the parts are ordered right to left, as browsers show it.
        assert_eq!(
            words_visual("في 18-8-2024 الساعة 22:14"),
            ["22:14", "الساعة", "2024", "-", "8", "-", "18", "في"]
        );
        // Common separators (':', ',', '.') do join Arabic numbers (W4).
        assert_eq!(words_visual("قتل 1,960 شخصا"), ["شخصا", "1,960", "قتل"]);
    }

    #[test]
    fn level_change_inside_a_word_splits_the_token() {
        let text = "الذكرى الـ81 لاستقلاله";
        let p = Paragraph::new(text, Direction::Rtl);
        let pieces: Vec<_> = p.tokens.iter().map(|t| &text[t.range.clone()]).collect();
        assert!(
            pieces.contains(&"الـ") && pieces.contains(&"81"),
            "{pieces:?}"
        );
        assert_eq!(words_visual(text), ["لاستقلاله", "81", "الـ", "الذكرى"]);
    }

    #[test]
    fn wrapped_rtl_paragraph_starts_with_its_first_words() {
        let text = "أعلنت أذربيجان يوم الأربعاء أن فرقة حفظ السلام أكملت انسحابها من المنطقة";
        let p = Paragraph::new(text, Direction::Ltr);
        let widths: Vec<f32> = p.tokens.iter().map(|t| t.range.len() as f32).collect();
        let lines = p.break_lines(&widths, 40.0);
        assert!(lines.len() > 1);
        let first: Vec<&str> = p
            .visual_order(lines[0].clone())
            .into_iter()
            .map(|i| &text[p.tokens[i].range.clone()])
            .filter(|t| !t.trim().is_empty())
            .collect();
        // Visual order is right to left: the rightmost token is the paragraph's first word.
        assert_eq!(first.last(), Some(&"أعلنت"));
        assert!(first.contains(&"أذربيجان"));
        let all: usize = lines.iter().map(|l| l.len()).sum();
        assert_eq!(all, p.tokens.len(), "every token is on exactly one line");
    }

    #[test]
    fn lines_break_at_spaces_not_inside_split_words() {
        let text = "عام 2020 في باكو (٢٠٢٠)";
        let p = Paragraph::new(text, Direction::Rtl);
        let widths: Vec<f32> = p
            .tokens
            .iter()
            .map(|t| text[t.range.clone()].chars().count() as f32)
            .collect();
        // Wide enough for everything but the bracketed number's last bracket.
        let lines = p.break_lines(&widths, 16.0);
        let last: String = lines
            .last()
            .unwrap()
            .clone()
            .map(|i| &text[p.tokens[i].range.clone()])
            .collect();
        assert_eq!(last.trim(), "(٢٠٢٠)", "{lines:?}");
        for line in &lines[1..] {
            assert!(
                line.start == 0 || p.tokens[line.start - 1].is_space,
                "breaks follow a space"
            );
        }
    }

    #[test]
    fn trailing_space_takes_paragraph_level() {
        let text = "abc دفع ";
        let p = Paragraph::new(text, Direction::Ltr);
        let order = p.visual_order(0..p.tokens.len());
        assert_eq!(*order.last().unwrap(), p.tokens.len() - 1);
    }

    #[test]
    fn mirrored_quotes_at_rtl_level() {
        let text = "قال «نعم» (APA)";
        let p = Paragraph::new(text, Direction::Ltr);
        let drawn: String = p
            .visual_order(0..p.tokens.len())
            .into_iter()
            .flat_map(|i| display_chars(text, &p.tokens[i]))
            .collect();
        assert!(drawn.starts_with("(APA)"), "{drawn}");
    }
}
