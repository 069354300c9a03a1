//! Text edge cases from the hostile-input probe: stray NUL bytes in good text, every kind of
//! line end, and invisible format characters inside names.

use khabar_core::error::SkipReason;
use khabar_core::extract::dates::find_dates;
use khabar_core::extract::entities::Kind;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::extract::entities::{KnownPeople, Recognizer};
use khabar_core::text::article::BlockKind;
use khabar_core::text::decode::decode;
use khabar_core::text::document::Document;
use khabar_core::text::lines::line_ranges;
use khabar_core::text::normalize::is_format_char;
use khabar_core::text::segment::Segmenter;
use std::sync::LazyLock;

static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(Segmenter::default);
static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

const HEADLINE: &str = "رئيس الوزراء يزور باكو";
const P1: &str = "وصل رئيس الوزراء اليوم إلى العاصمة باكو في زيارة رسمية تستغرق يومين، يبحث خلالها العلاقات الثنائية.";
const P2: &str = "وأضاف أن الجولة المقبلة من المفاوضات ستعقد في العاصمة خلال الأسابيع القليلة القادمة، بحضور الوسطاء.";

fn document(bytes: &[u8]) -> Result<Document, SkipReason> {
    let decoded = decode(bytes)?;
    Ok(Document::new("a.txt".into(), None, decoded, &SEGMENTER))
}

// ---------------------------------------------------------------------------------------------
// NUL bytes

#[test]
fn a_few_nuls_in_an_arabic_article_are_replaced_and_reported() {
    // The shape the probe found: a good article, three NULs, the article again.
    let article = format!("{HEADLINE}\n\n{P1}\n");
    let bytes = [article.as_bytes(), b"\0\0\0", article.as_bytes()].concat();
    let doc = document(&bytes).expect("text with a few NULs loads");
    assert_eq!(doc.encoding, "UTF-8");
    let warning = doc.warning.as_deref().expect("a warning");
    assert!(warning.contains("NUL"), "{warning}");
    assert!(warning.starts_with('3'), "{warning}");
    assert!(!doc.text.contains('\0'));
    assert_eq!(
        doc.text,
        format!("{article}\u{FFFD}\u{FFFD}\u{FFFD}{article}")
    );
    let headline = doc.title(&doc.articles[0]).unwrap();
    assert_eq!(headline, HEADLINE);
    assert!(doc.articles[0].body.iter().any(|r| doc.slice(r) == P1));
}

#[test]
fn files_made_of_nuls_or_binary_stay_skipped() {
    assert!(matches!(document(&[0u8; 1000]), Err(SkipReason::Binary(_))));
    let mut sparse = Vec::new();
    for word in P1.split(' ') {
        sparse.extend_from_slice(word.as_bytes());
        sparse.extend_from_slice(b"\0\0 ");
    }
    assert!(matches!(document(&sparse), Err(SkipReason::Binary(_))));
}

// ---------------------------------------------------------------------------------------------
// Line ends

#[test]
fn a_lone_cr_and_unicode_separators_are_line_breaks() {
    for end in ["\r", "\r\n", "\n", "\u{2028}", "\u{2029}"] {
        let text = format!("{HEADLINE}{end}{end}{P1}{end}{P2}{end}");
        let doc = document(text.as_bytes()).unwrap();
        assert_eq!(doc.text, text, "the text is kept as decoded");
        let blocks: Vec<(&str, BlockKind)> = doc
            .blocks
            .iter()
            .map(|b| (doc.slice(&b.range), b.kind))
            .collect();
        assert_eq!(
            blocks,
            [
                (HEADLINE, BlockKind::Title),
                (P1, BlockKind::Body),
                (P2, BlockKind::Body)
            ],
            "line end {end:?}"
        );
        // The sentence around a word ends at the line's end, not in the next line.
        let at = text.find("الوسطاء").unwrap();
        assert_eq!(&text[doc.sentence_around(&(at..at + 2))], P2);
    }
}

#[test]
fn a_crlf_is_one_line_end() {
    let lines: Vec<&str> = {
        let text = "أ\r\nب\r\n\r\nج";
        line_ranges(text).map(|r| &text[r]).collect()
    };
    assert_eq!(lines, ["أ", "ب", "", "ج"]);
}

#[test]
fn dates_do_not_run_across_a_lone_cr() {
    // "page 15" on one line, "March 2024" on the next: not the 15th of March.
    let text = "انظر الصفحة 15\rمارس 2024 كان شهرا صعبا";
    let values: Vec<String> = find_dates(text, None)
        .into_iter()
        .map(|d| d.value)
        .collect();
    assert_eq!(values, ["2024-03"]);
}

// ---------------------------------------------------------------------------------------------
// Format characters

/// (text of the range without format characters, kind, key, name) of every mention.
fn mentions(text: &str) -> Vec<(String, Kind, String, String)> {
    let recognizer = Recognizer::new(&LEXICON);
    let whole = 0..text.len();
    recognizer
        .mentions(text, std::slice::from_ref(&whole), &KnownPeople::default())
        .into_iter()
        .map(|m| {
            assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
            let shown: String = text[m.range.clone()]
                .chars()
                .filter(|&c| !is_format_char(c))
                .collect();
            (shown, m.kind, m.key, m.name)
        })
        .collect()
}

#[test]
fn isolates_around_a_name_do_not_cut_it() {
    let plain = "وقال وزير الخارجية المصري سامح شكري إن المحادثات كانت مثمرة.";
    let marked = "وقال وزير الخارجية المصري سامح\u{2068} شكري\u{2069} إن المحادثات كانت مثمرة.";
    let expected = mentions(plain);
    assert!(
        expected
            .iter()
            .any(|m| m.0 == "سامح شكري" && m.1 == Kind::Person),
        "{expected:?}"
    );
    assert_eq!(mentions(marked), expected);
}

#[test]
fn format_characters_inside_names_are_ignored_but_kept_in_the_text() {
    let plain = "وقال وزير الخارجية المصري سامح شكري إن روسيا ووكالة الأنباء الأذربيجانية أكدتا ذلك.";
    let expected = mentions(plain);
    assert!(expected.len() >= 2, "{expected:?}");
    for mark in [
        '\u{200D}', '\u{200C}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}', '\u{202B}',
        '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        '\u{2060}', '\u{FEFF}', '\u{AD}',
    ] {
        // A mark after every letter of the words, and before every word but the first (at
        // the start of the file U+FEFF would be a BOM).
        let mut marked = String::new();
        for word in plain.split(' ') {
            if !marked.is_empty() {
                marked.push(' ');
                marked.push(mark);
            }
            let mut chars = word.chars().peekable();
            while let Some(c) = chars.next() {
                marked.push(c);
                if chars.peek().is_some_and(|n| n.is_alphabetic()) {
                    marked.push(mark);
                }
            }
        }
        assert_eq!(mentions(&marked), expected, "mark {mark:?}");
        let doc = document(marked.as_bytes()).unwrap();
        assert_eq!(doc.text, marked, "format characters stay in the text");
    }
}

#[test]
fn format_characters_inside_a_date_are_ignored() {
    let plain = "وصل الوفد في 15 مارس 2024 إلى باكو";
    let values = |text: &str| -> Vec<String> {
        find_dates(text, None)
            .into_iter()
            .map(|d| {
                assert!(text.get(d.range.clone()).is_some(), "{:?}", d.range);
                d.value
            })
            .collect()
    };
    let expected = values(plain);
    assert_eq!(expected, ["2024-03-15"]);
    for marked in [
        "وصل الوفد في \u{2068}15\u{2069} مارس 2024 إلى باكو",
        "وصل الوفد في 15\u{200F} \u{200F}مارس\u{200C} 2024 إلى باكو",
        "وصل الوفد في 15 ما\u{AD}رس 2024 إلى باكو",
    ] {
        assert_eq!(values(marked), expected, "{marked:?}");
    }
}
