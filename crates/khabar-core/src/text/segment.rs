//! Cutting a scraped news file into headline, dateline, body and site chrome, and finding
//! complete articles appended after the main one.
//!
//! The rules are general: cue phrases from `assets/segmentation.txt` and the *shape* of lines
//! (sentences end with punctuation; headlines, labels and navigation do not; mastheads are
//! short name lines after an editorial title). Nothing depends on a site or a file name.

use crate::extract::dates::dateline::{Dateline, parse_dateline};
use crate::text::article::{Article, Block, BlockKind, Published};
use crate::text::cues::{Cues, starts_with_cue};
use crate::text::lines::line_ranges;
use crate::text::normalize::{fold, is_arabic_letter};
use std::ops::Range;

/// Lines with fewer words are never taken for running text.
const MIN_PROSE_WORDS: usize = 6;
/// A line this long with a comma is running text even without a final stop.
const COMMA_PROSE_WORDS: usize = 20;
/// Headline candidates have between these many words.
const TITLE_WORDS: Range<usize> = 2..41;
/// A punctuation-less line at least this long inside the body is a link to another article.
const INLINE_HEADLINE_WORDS: usize = 10;
/// A punctuation-less line longer than this is a run of navigation headlines.
const NAV_RUN_WORDS: usize = 30;
/// A name under an editorial title has at most this many words.
const MASTHEAD_NAME_WORDS: usize = 5;
/// An appended article has at least this many sentences…
const APPENDED_MIN_PROSE_LINES: usize = 2;
/// …and this many words of them.
const APPENDED_MIN_WORDS: usize = 40;

/// The result of segmenting one file.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    pub blocks: Vec<Block>,
    pub articles: Vec<Article>,
}

/// Segments files with a given set of cues.
#[derive(Debug, Clone)]
pub struct Segmenter {
    cues: Cues,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new(Cues::load())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    None,
    /// Ends the article (tags, "read also" alone on its line, comments…).
    End,
    /// Chrome by itself (credits, nags, labels, an inline "read also: headline").
    Chrome,
    /// An editorial title of the masthead.
    Editor,
}

#[derive(Debug)]
struct Line<'a> {
    range: Range<usize>,
    text: &'a str,
    words: usize,
    arabic: bool,
    prose: bool,
    /// No sentence punctuation at all: a headline, a label, a name.
    headline_shaped: bool,
    cue: Cue,
    date: Option<Dateline>,
}

impl Segmenter {
    pub fn new(cues: Cues) -> Self {
        Segmenter { cues }
    }

    /// Cuts `text` into blocks and articles. There is always at least one article (part 1).
    ///
    /// ```
    /// use khabar_core::text::segment::Segmenter;
    /// use khabar_core::text::article::BlockKind;
    /// let text = "عاجل\n\nالرئيس يصل إلى باكو\n\nوصل الرئيس اليوم إلى باكو في زيارة رسمية تستمر يومين.\n\nكلمات دلالية: باكو";
    /// let seg = Segmenter::default().segment(text);
    /// let kinds: Vec<_> = seg.blocks.iter().map(|b| b.kind).collect();
    /// assert_eq!(kinds, [BlockKind::Chrome, BlockKind::Title, BlockKind::Body, BlockKind::Chrome]);
    /// assert_eq!(&text[seg.articles[0].title.clone().unwrap()], "الرئيس يصل إلى باكو");
    /// ```
    pub fn segment(&self, text: &str) -> Segmentation {
        let lines: Vec<Line<'_>> = split_lines(text)
            .into_iter()
            .map(|range| self.line(text, range))
            .collect();
        let mut kinds = vec![BlockKind::Chrome; lines.len()];
        let mut parts = vec![1u16; lines.len()];
        let mut articles = Vec::new();

        // Zones are separated by end markers; the first is the main article, each later one
        // is either chrome or a complete appended article.
        let mut start = 0;
        let mut part = 0u16;
        while start <= lines.len() {
            let end = (start..lines.len())
                .find(|&i| lines[i].cue == Cue::End)
                .unwrap_or(lines.len());
            let zone = &lines[start..end];
            if part == 0 || is_article_like(zone) {
                part += 1;
                let article = self.segment_zone(zone, part, &mut kinds[start..end]);
                articles.push(article);
            }
            for p in &mut parts[start..(end + 1).min(lines.len())] {
                *p = part;
            }
            start = end + 1;
        }

        let blocks = lines
            .iter()
            .zip(kinds)
            .zip(parts)
            .map(|((line, kind), part)| Block {
                range: line.range.clone(),
                kind,
                part,
            })
            .collect();
        Segmentation { blocks, articles }
    }

    fn line<'a>(&self, text: &'a str, range: Range<usize>) -> Line<'a> {
        let line = &text[range.clone()];
        let folded = fold(line);
        let words = line.split_whitespace().count();
        let (mut arabic, mut latin) = (0usize, 0usize);
        for c in line.chars() {
            if is_arabic_letter(c) {
                arabic += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
        let has_comma = line.contains(['،', ',', '؛', ';']);
        let ends_sentence = ends_with_sentence_stop(line);
        let inner_stop = has_inner_sentence_stop(line);
        let prose = words >= MIN_PROSE_WORDS
            && (ends_sentence || (has_comma && words >= COMMA_PROSE_WORDS));
        Line {
            range,
            text: line,
            words,
            arabic: arabic > latin,
            prose,
            headline_shaped: !ends_sentence && !has_comma && !inner_stop,
            cue: self.cue(&folded, words, prose),
            date: parse_dateline(line, &self.cues.date_label),
        }
    }

    fn cue<'a>(&'a self, folded: &str, words: usize, prose: bool) -> Cue {
        let cues = &self.cues;
        let starts = |list: &'a [String]| list.iter().find(|c| starts_with_cue(folded, c));
        if let Some(cue) = starts(&cues.read_also) {
            let rest = folded[cue.len()..].trim_matches(|c: char| !c.is_alphanumeric());
            return if rest.is_empty() {
                Cue::End
            } else {
                Cue::Chrome
            };
        }
        if !prose && starts(&cues.end).is_some() {
            return Cue::End;
        }
        let bare = folded.trim_matches(|c: char| !c.is_alphanumeric());
        if !prose && is_menu(folded) {
            return Cue::Chrome;
        }
        if starts(&cues.chrome_prefix).is_some()
            || cues.chrome_whole.iter().any(|c| c == bare)
            || cues
                .chrome_contains
                .iter()
                .any(|c| folded.contains(c.as_str()))
        {
            return Cue::Chrome;
        }
        if !prose && words <= 16 && starts(&cues.editor).is_some() {
            return Cue::Editor;
        }
        Cue::None
    }

    /// Classifies the lines of one zone and returns its article.
    fn segment_zone(&self, zone: &[Line<'_>], part: u16, kinds: &mut [BlockKind]) -> Article {
        let chrome: Vec<bool> = zone
            .iter()
            .enumerate()
            .map(|(i, line)| {
                line.cue != Cue::None
                    || (i > 0
                        && zone[i - 1].cue == Cue::Editor
                        && !line.prose
                        && line.words <= MASTHEAD_NAME_WORDS)
            })
            .collect();
        let arabic_zone = zone.iter().any(|l| l.arabic && l.prose);
        let fits_script = |l: &Line<'_>| !arabic_zone || l.arabic;
        let first_body =
            (0..zone.len()).find(|&i| !chrome[i] && zone[i].prose && fits_script(&zone[i]));

        let is_candidate = |i: usize| {
            let l = &zone[i];
            !chrome[i]
                && l.date.is_none()
                && TITLE_WORDS.contains(&l.words)
                && !l.text.ends_with([':', ':'])
                && (fits_script(l) || !zone.iter().any(|l| l.arabic))
        };
        let header_end = first_body.unwrap_or_else(|| {
            // No running text at all: headline first, then everything is body.
            (0..zone.len())
                .find(|&i| is_candidate(i))
                .map_or(0, |i| i + 1)
        });

        let title = (0..header_end)
            .filter(|&i| is_candidate(i))
            .max_by_key(|&i| (zone[i].words, std::cmp::Reverse(i)));
        let datelines: Vec<usize> = (0..header_end)
            .filter(|&i| zone[i].date.is_some() && !chrome[i])
            .collect();
        let published = datelines
            .iter()
            .find(|&&i| zone[i].date.as_ref().is_some_and(|d| d.labelled))
            .or_else(|| datelines.iter().find(|&&i| title.is_some_and(|t| i > t)))
            .or(datelines.first())
            .copied();

        for (i, kind) in kinds.iter_mut().enumerate().take(header_end) {
            *kind = if Some(i) == title {
                BlockKind::Title
            } else if Some(i) == published {
                BlockKind::Dateline
            } else {
                BlockKind::Chrome
            };
        }
        for i in header_end..zone.len() {
            // Shape rules need running text around to judge by; without any, only cues count.
            let shaped_chrome = first_body.is_some() && is_body_chrome(zone, i);
            kinds[i] = if chrome[i] || shaped_chrome {
                BlockKind::Chrome
            } else {
                BlockKind::Body
            };
        }

        Article {
            part,
            title: title.map(|i| strip_section_suffix(zone[i].text, zone[i].range.clone())),
            published: published.and_then(|i| {
                zone[i].date.as_ref().map(|d| Published {
                    value: d.value.clone(),
                    range: zone[i].range.clone(),
                })
            }),
            body: (0..zone.len())
                .filter(|&i| kinds[i] == BlockKind::Body)
                .map(|i| zone[i].range.clone())
                .collect(),
        }
    }
}

/// Lines inside the body that are site furniture by their shape.
fn is_body_chrome(zone: &[Line<'_>], i: usize) -> bool {
    let line = &zone[i];
    // Navigation runs: many headlines on one line, no commas, no final stop (inner '؟' allowed).
    if line.words > NAV_RUN_WORDS && !line.prose && !line.text.contains(['،', ',']) {
        return true;
    }
    if !line.headline_shaped {
        return false;
    }
    let bullet = |l: &Line<'_>| l.headline_shaped && starts_with_bullet(l.text);
    if bullet(line) {
        let prev = i > 0 && bullet(&zone[i - 1]);
        let next = i + 1 < zone.len() && bullet(&zone[i + 1]);
        return prev || next;
    }
    // A long line with no punctuation between paragraphs is a linked headline (or several),
    // unless it opens like running text does, with a conjunction or a quote.
    line.words >= INLINE_HEADLINE_WORDS && !opens_like_running_text(line.text)
}

fn opens_like_running_text(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    let starts_quote = first.starts_with(['"', '“', '«', '\'', '—', '-']);
    let conjunction =
        (first.starts_with('و') || first.starts_with('ف')) && first.chars().count() > 3;
    starts_quote || conjunction
}

fn starts_with_bullet(line: &str) -> bool {
    line.starts_with(['•', '●', '▪', '◦', '·', '*', '-', '–', '■', '►'])
}

/// True if the line's last meaningful character ends a sentence.
fn ends_with_sentence_stop(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '”', '“', '»', '\'', ')', ']', '’', ' ', '*'])
        .ends_with(['.', '!', '?', '؟', '…', ':', '۔'])
}

fn has_inner_sentence_stop(line: &str) -> bool {
    ["。", ". ", "! ", "? ", "؟ ", ": "]
        .iter()
        .any(|s| line.contains(s))
}

/// A navigation bar: three or more short items between bars or bullets
/// ("الرئيسية | محليات | اقتصاد", "Home • News • Sport").
fn is_menu(line: &str) -> bool {
    let items: Vec<&str> = line
        .split(['|', '•', '·', '»', '«', '›', '‹', '/'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    // Items are words: "12/3/2023 | 10:30" is a date line, not a menu.
    items.len() >= 3
        && items.iter().all(|item| {
            item.split_whitespace().count() <= 4 && item.chars().any(char::is_alphabetic)
        })
}

/// "Headline | أخبار" → "Headline": a short section name after the last bar is site chrome.
fn strip_section_suffix(text: &str, range: Range<usize>) -> Range<usize> {
    if let Some((bar, sign)) = text
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '|' | '│'))
    {
        let tail = &text[bar + sign.len_utf8()..];
        let head = text[..bar].trim_end();
        if !head.is_empty()
            && tail.split_whitespace().count() <= 3
            && head.split_whitespace().count() >= 2
        {
            return range.start..range.start + head.len();
        }
    }
    range
}

/// A zone after an end marker holds an article if it has running text of some length.
fn is_article_like(zone: &[Line<'_>]) -> bool {
    let prose: Vec<&Line<'_>> = zone
        .iter()
        .filter(|l| l.prose && l.cue == Cue::None)
        .collect();
    prose.len() >= APPENDED_MIN_PROSE_LINES
        && prose.iter().map(|l| l.words).sum::<usize>() >= APPENDED_MIN_WORDS
}

/// Byte ranges of the non-blank lines of `text`, trimmed of whitespace and invisible marks.
fn split_lines(text: &str) -> Vec<Range<usize>> {
    let is_blank = |c: char| c.is_whitespace() || crate::text::normalize::is_format_char(c);
    line_ranges(text)
        .filter_map(|range| {
            let line = &text[range.clone()];
            let trimmed_start = line.len() - line.trim_start_matches(is_blank).len();
            let trimmed = line.trim_matches(is_blank);
            (!trimmed.is_empty()).then(|| {
                let s = range.start + trimmed_start;
                s..s + trimmed.len()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(text: &str) -> Segmentation {
        Segmenter::new(Cues::parse(crate::text::cues::DEFAULT_CUES)).segment(text)
    }

    fn kinds(text: &str) -> Vec<(BlockKind, u16)> {
        seg(text).blocks.iter().map(|b| (b.kind, b.part)).collect()
    }

    const P1: &str =
        "قال وزير الخارجية في مؤتمر صحفي اليوم إن المحادثات مع الجانب الآخر كانت مثمرة وبناءة.";
    const P2: &str = "وأضاف أن الجولة المقبلة من المفاوضات ستعقد في العاصمة خلال الأسابيع القليلة القادمة، بحضور الوسطاء.";
    const P3: &str = "وأشار المتحدث إلى أن الاتفاق النهائي يتطلب المزيد من الوقت والجهد من جميع الأطراف المعنية بالملف.";

    #[test]
    fn lines_are_trimmed_ranges() {
        let text = " a \r\n\r\n\u{a0}b\u{200f}\n";
        let ranges = split_lines(text);
        assert_eq!(
            ranges.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(),
            ["a", "b"]
        );
    }

    #[test]
    fn every_line_end_cuts_lines_and_crlf_is_one() {
        for end in ["\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "\u{85}"] {
            let text = format!("عنوان الخبر{end}{P1}{end}{P2}{end}");
            let ranges = split_lines(&text);
            let lines: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
            assert_eq!(lines, ["عنوان الخبر", P1, P2], "line end {end:?}");
            let s = seg(&text);
            assert_eq!(&text[s.articles[0].title.clone().unwrap()], "عنوان الخبر");
            assert_eq!(s.articles[0].body.len(), 2, "line end {end:?}");
        }
        // A CRLF between two lines is one break: no blank line comes between them.
        assert_eq!(line_ranges("a\r\nb").count(), 2);
        assert_eq!(line_ranges("a\r\rb").count(), 3);
    }

    #[test]
    fn masthead_caption_and_headline() {
        let text = format!(
            "رئيس التحرير\nسامي علي\n\nوزير الخارجية يصل إلى عمّان في زيارة رسمية\n\n12/3/2023 | 10:30\n\nوزير الخارجية\n\n{P1}\n\n{P2}"
        );
        let s = seg(&text);
        let a = &s.articles[0];
        assert_eq!(
            &text[a.title.clone().unwrap()],
            "وزير الخارجية يصل إلى عمّان في زيارة رسمية"
        );
        assert_eq!(a.published.as_ref().unwrap().value, "2023-03-12");
        assert_eq!(a.body.len(), 2);
        assert_eq!(
            kinds(&text).iter().map(|k| k.0).collect::<Vec<_>>(),
            [
                BlockKind::Chrome,
                BlockKind::Chrome,
                BlockKind::Title,
                BlockKind::Dateline,
                BlockKind::Chrome,
                BlockKind::Body,
                BlockKind::Body
            ]
        );
    }

    #[test]
    fn file_starting_with_a_sentence_has_no_title() {
        let s = seg(&format!("{P1}\n{P2}"));
        assert_eq!(s.articles[0].title, None);
        assert_eq!(s.articles[0].body.len(), 2);
    }

    #[test]
    fn related_lists_and_tags_are_chrome() {
        let text = format!(
            "عنوان الخبر المهم اليوم\n{P1}\n{P2}\nاقرأ أيضا:\n• عنوان خبر آخر عن الاقتصاد\n• عنوان ثالث عن الرياضة\nكلمات دلالية: اقتصاد سياسة"
        );
        let k = kinds(&text);
        assert_eq!(k.iter().filter(|k| k.0 == BlockKind::Body).count(), 2);
        assert!(k[3..].iter().all(|k| k.0 == BlockKind::Chrome));
        assert_eq!(seg(&text).articles.len(), 1);
    }

    #[test]
    fn appended_article_becomes_part_two() {
        let text = format!(
            "العنوان الأول للخبر الرئيسي\n{P1}\n{P2}\nإقرأ أيضاً:\nعنوان المقال الثاني عن المفاوضات\n{P3}\n{P2}\n{P1}\nمقالات مشابهة\n• رابط أول إلى خبر\n• رابط ثان إلى خبر"
        );
        let s = seg(&text);
        assert_eq!(s.articles.len(), 2);
        let second = &s.articles[1];
        assert_eq!(second.part, 2);
        assert_eq!(
            &text[second.title.clone().unwrap()],
            "عنوان المقال الثاني عن المفاوضات"
        );
        assert_eq!(second.body.len(), 3);
        let k = kinds(&text);
        assert_eq!(k[3], (BlockKind::Chrome, 1), "the marker stays with part 1");
        assert_eq!(k.last().unwrap(), &(BlockKind::Chrome, 2));
    }

    #[test]
    fn inline_read_also_link_does_not_end_the_article() {
        let text = format!("عنوان الخبر\n{P1}\nاقرأ أيضا: الحكومة تعلن خطة جديدة للنقل\n{P2}");
        let k = kinds(&text);
        assert_eq!(
            k.iter().map(|k| k.0).collect::<Vec<_>>(),
            [
                BlockKind::Title,
                BlockKind::Body,
                BlockKind::Chrome,
                BlockKind::Body
            ]
        );
    }

    #[test]
    fn punctuationless_headline_between_paragraphs_is_chrome_but_subheadings_stay() {
        let text = format!(
            "{P1}\nالحكومة تعلن خطة جديدة للنقل العام في المدن الكبرى خلال العام المقبل\n{P2}\nخلفية الأزمة\n{P3}"
        );
        let k: Vec<_> = kinds(&text).into_iter().map(|k| k.0).collect();
        assert_eq!(
            k,
            [
                BlockKind::Body,
                BlockKind::Chrome,
                BlockKind::Body,
                BlockKind::Body,
                BlockKind::Body
            ]
        );
    }

    #[test]
    fn navigation_bars_are_chrome_not_the_headline() {
        let text = "الرئيسية | محليات | اقتصاد | رياضة | كتّاب وآراء\n\nوزارة الحج تحدد مواعيد وصول الحجاج\n\nأعلنت الوزارة اليوم بدء إصدار التصاريح للمواطنين والمقيمين عبر المنصة الإلكترونية.";
        let k = kinds(text);
        assert_eq!(k[0].0, BlockKind::Chrome);
        assert_eq!(k[1].0, BlockKind::Title);
        assert!(is_menu("Home • News • Sport • Culture"));
        assert!(!is_menu(
            "قال إن الاتفاق / الذي وُقّع أمس / سيُنفذ على مراحل متتالية خلال العام"
        ));
        assert!(!is_menu("عاجل | الرئيس يصل"));
    }

    #[test]
    fn section_suffix_is_cut_from_the_title() {
        let text = format!("قوات حفظ السلام تبدأ الانسحاب من المنطقة | أخبار\n{P1}");
        let s = seg(&text);
        assert_eq!(
            &text[s.articles[0].title.clone().unwrap()],
            "قوات حفظ السلام تبدأ الانسحاب من المنطقة"
        );
    }

    #[test]
    fn latin_nag_before_arabic_text_is_not_the_body() {
        let text = format!(
            "Some Theme License is not validated, go to the options page to validate the license, you need one per domain.\nعنوان الخبر المهم هنا\n{P1}"
        );
        let s = seg(&text);
        assert_eq!(
            &text[s.articles[0].title.clone().unwrap()],
            "عنوان الخبر المهم هنا"
        );
    }

    #[test]
    fn text_without_sentences_is_still_shown_as_body() {
        let text = "قائمة الأسماء\nأحمد\nمحمد\nعلي";
        let s = seg(text);
        assert_eq!(&text[s.articles[0].title.clone().unwrap()], "قائمة الأسماء");
        assert_eq!(s.articles[0].body.len(), 3);
    }

    #[test]
    fn one_huge_line_without_punctuation_is_body() {
        let text = "كلمة ".repeat(5000);
        let s = seg(&text);
        assert_eq!(s.articles[0].body.len(), 1);
        assert_eq!(s.blocks[0].kind, BlockKind::Body);
    }

    #[test]
    fn empty_text_has_one_empty_article() {
        let s = seg("");
        assert_eq!(s.articles.len(), 1);
        assert!(s.blocks.is_empty());
    }
}
