//! Property tests of the offset contract (ARCHITECTURE.md, "Invariants"): every byte range
//! Khabar returns — segmentation blocks, headlines, datelines, body paragraphs, date mentions,
//! entity mentions, search hits — lies inside `Document::text`, on char boundaries, is not
//! empty, and slices exactly what the structure claims; and decoding gives back the text a
//! correct decoder gives for validly encoded input.
//!
//! Texts are built from Arabic words (with clitics, hamza forms, ة/ى), sentences, digits in
//! three scripts, Latin, punctuation, line breaks of every kind, tashkeel, tatweel, BOMs and
//! directional marks, then encoded as UTF-8 (with and without BOM), UTF-16 LE/BE (with and
//! without BOM) or Windows-1256 before decoding.
//!
//! The invariant checks are shared with the fuzz targets (`fuzz/src/lib.rs`). Failing cases
//! are saved in `tests/regressions/offset_properties.txt` and replayed first on every run.

#[path = "../../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod invariants;

#[path = "common/arabic_text.rs"]
mod arabic_text;

use arabic_text::{ARABIC_WORDS, any_text, pick};
use invariants::{
    check_article_dates, check_date_mentions, check_document, check_entities, check_hits, slice,
    utf8_document, within_any,
};
use khabar_core::error::SkipReason;
use khabar_core::extract::annotations::{annotate, article_ranges};
use khabar_core::extract::dates::{ArticleDates, find_dates};
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::query::search::{Query, hits};
use khabar_core::text::article::{Article, Published};
use khabar_core::text::decode::decode;
use khabar_core::text::document::Document;
use khabar_core::text::segment::Segmenter;
use khabar_core::text::words::words;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use std::sync::LazyLock;

static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(Segmenter::default);
static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

// Text strategies: `common/arabic_text.rs`.

// ---------------------------------------------------------------------------------------------
// Encodings

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16LeBom,
    Utf16BeBom,
    Utf16Le,
    Utf16Be,
    Windows1256,
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop::sample::select(
        &[
            Encoding::Utf8,
            Encoding::Utf8Bom,
            Encoding::Utf16LeBom,
            Encoding::Utf16BeBom,
            Encoding::Utf16Le,
            Encoding::Utf16Be,
            Encoding::Windows1256,
        ][..],
    )
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

/// The characters of `text` Windows-1256 can encode (it has no Persian digits, no BOM…).
fn windows_1256_subset(text: &str) -> String {
    text.chars()
        .filter(|c| {
            let mut buf = [0u8; 4];
            !encoding_rs::WINDOWS_1256.encode(c.encode_utf8(&mut buf)).2
        })
        .collect()
}

/// The bytes of `text` in `encoding` (for Windows-1256, `text` must be encodable).
fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF", text.as_bytes()].concat(),
        Encoding::Utf16LeBom => [&b"\xFF\xFE"[..], &utf16(text, false)].concat(),
        Encoding::Utf16BeBom => [&b"\xFE\xFF"[..], &utf16(text, true)].concat(),
        Encoding::Utf16Le => utf16(text, false),
        Encoding::Utf16Be => utf16(text, true),
        Encoding::Windows1256 => {
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(text);
            assert!(!unmappable, "{text:?} is not all Windows-1256");
            bytes.into_owned()
        }
    }
}

/// Per mille of control characters, as `decode` counts them to call a file binary.
fn control_per_mille(text: &str) -> usize {
    let total = text.chars().count();
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}'))
        .count();
    (control * 1000).checked_div(total).unwrap_or(0)
}

/// Text whose BOM-less UTF-16 shows the NUL / 0x06 pattern `decode` sniffs: Latin-1 and
/// Arabic-block characters only (U+0000 and U+0600 would put NULs in the wrong half).
fn utf16_sniffable(text: &str) -> bool {
    text.chars().count() >= 2
        && text
            .chars()
            .all(|c| matches!(c, '\u{0001}'..='\u{00FF}' | '\u{0601}'..='\u{06FF}'))
}

/// What a correct decoder gives for `text` encoded as `encoding`: the text, its encoding
/// name and whether a BOM was read; `None` where detection is a guess (BOM-less UTF-16 of
/// other characters, Windows-1256).
fn expected(text: &str, encoding: Encoding) -> Option<(&str, &'static str, bool)> {
    match encoding {
        Encoding::Utf8 => Some(match text.strip_prefix('\u{FEFF}') {
            Some(rest) => (rest, "UTF-8", true),
            None => (text, "UTF-8", false),
        }),
        Encoding::Utf8Bom => Some((text, "UTF-8", true)),
        Encoding::Utf16LeBom => Some((text, "UTF-16LE", true)),
        Encoding::Utf16BeBom => Some((text, "UTF-16BE", true)),
        Encoding::Utf16Le if utf16_sniffable(text) => Some((text, "UTF-16LE", false)),
        Encoding::Utf16Be if utf16_sniffable(text) => Some((text, "UTF-16BE", false)),
        Encoding::Utf16Le | Encoding::Utf16Be | Encoding::Windows1256 => None,
    }
}

/// A text encoded one way or another, and the text decoding must give back.
fn encoded_text() -> impl Strategy<Value = (String, Encoding)> {
    (any_text(), encoding()).prop_map(|(text, encoding)| {
        if encoding == Encoding::Windows1256 {
            (windows_1256_subset(&text), encoding)
        } else {
            (text, encoding)
        }
    })
}

fn document(text: String) -> Document {
    utf8_document("prop.txt", text, &SEGMENTER)
}

/// A publication date as a dateline states it (day, month or year precision).
fn publication() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (1990i32..2030, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => (1990i32..2030, 1u32..13).prop_map(|(y, m)| format!("{y:04}-{m:02}")),
        1 => (1000i32..3000).prop_map(|y| format!("{y:04}")),
        1 => Just("2024-02-29".to_owned()),
        1 => Just("1000-01-01".to_owned()),
        1 => Just("2999-12-31".to_owned()),
    ]
}

/// 256 cases (a few seconds in debug); `PROPTEST_CASES=20000` for a longer hunt.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(256),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/regressions/offset_properties.txt",
        ))),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(config())]

    /// Validly encoded text decodes to itself; the guessed encodings (BOM-less UTF-16 of other
    /// characters, Windows-1256) give the text whenever they name the encoding it was in.
    #[test]
    fn decoding_gives_back_the_text((text, encoding) in encoded_text()) {
        let bytes = encode(&text, encoding);
        let result = decode(&bytes);
        match expected(&text, encoding) {
            Some((want, name, bom)) => {
                if want.trim().is_empty() {
                    prop_assert_eq!(result, Err(SkipReason::Empty));
                } else if control_per_mille(want) > 5 {
                    prop_assert!(matches!(result, Err(SkipReason::Binary(_))), "{:?}", result);
                } else {
                    let d = result.expect("valid text refused");
                    prop_assert_eq!(d.text.as_str(), want);
                    prop_assert_eq!((d.encoding, d.had_bom, d.replaced), (name, bom, 0));
                }
            }
            None => {
                if let Ok(d) = result {
                    let named = match encoding {
                        Encoding::Utf16Le => "UTF-16LE",
                        Encoding::Utf16Be => "UTF-16BE",
                        _ => "windows-1256",
                    };
                    if d.encoding == named {
                        // A leading U+FEFF in BOM-less UTF-16 is read as the BOM it is.
                        let want = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
                        prop_assert_eq!(d.text.as_str(), want);
                    }
                    if text.is_ascii() && encoding == Encoding::Windows1256 {
                        prop_assert_eq!((d.encoding, d.text.as_str()), ("UTF-8", text.as_str()));
                    }
                }
            }
        }
    }

    /// Blocks, headlines, datelines and body paragraphs of the decoded text are trimmed,
    /// non-empty slices on char boundaries; bodies are exactly the body blocks; words and the
    /// sentence around each stay in their line.
    #[test]
    fn segmentation_ranges_slice_the_text((text, encoding) in encoded_text()) {
        let Ok(decoded) = decode(&encode(&text, encoding)) else {
            return Ok(());
        };
        let doc = Document::new("prop.txt".into(), None, decoded, &SEGMENTER);
        check_document(&doc);
        // Words of every line, and the sentence the reader shows around each of them.
        for block in &doc.blocks {
            let line = std::slice::from_ref(&block.range);
            for w in words(&doc.text, block.range.clone()) {
                slice(&doc.text, &w.range, "word");
                let sentence = doc.sentence_around(&w.range);
                slice(&doc.text, &sentence, "sentence");
                prop_assert!(within_any(&w.range, line) && within_any(&sentence, line));
                prop_assert!(within_any(&w.range, std::slice::from_ref(&sentence)));
            }
        }
    }

    /// Date mentions, with and without a publication date, over running text, over an
    /// article made of the text's lines and over the articles segmentation finds.
    #[test]
    fn date_mentions_slice_a_date(text in any_text(), published in publication()) {
        let all = 0..text.len();
        let whole = std::slice::from_ref(&all);
        check_date_mentions(&text, whole, &find_dates(&text, None), false);
        let day = khabar_core::extract::dates::calendar::iso_span(&published).is_some_and(|(a, b)| a == b);
        check_date_mentions(&text, whole, &find_dates(&text, Some(&published)), day);

        let doc = document(text);
        for article in &doc.articles {
            let ranges = article_ranges(article);
            check_article_dates(&doc.text, &ranges, &ArticleDates::extract(&doc.text, article));
            // The same article with a stated publication date (its first line as the
            // dateline), and with none.
            let Some(first) = ranges.first() else {
                continue;
            };
            for stated in [Some(published.clone()), None] {
                let article = Article {
                    published: stated.map(|value| Published {
                        value,
                        range: first.clone(),
                    }),
                    ..article.clone()
                };
                let dates = ArticleDates::extract(&doc.text, &article);
                check_article_dates(&doc.text, &ranges, &dates);
            }
        }
    }

    /// Entity mentions of a small corpus (propagation across its documents included) lie in
    /// their article's headline and body and slice a name.
    #[test]
    fn entity_mentions_slice_a_name(texts in prop::collection::vec(any_text(), 1..4)) {
        let corpus: Vec<Document> = texts.into_iter().map(document).collect();
        let annotations = annotate(&corpus, &LEXICON);
        prop_assert_eq!(annotations.entities.len(), corpus.len());
        for ((doc, entities), dates) in
            corpus.iter().zip(&annotations.entities).zip(&annotations.dates)
        {
            prop_assert_eq!(entities.len(), doc.articles.len());
            for ((article, entities), dates) in doc.articles.iter().zip(entities).zip(dates) {
                let ranges = article_ranges(article);
                check_entities(&doc.text, &ranges, entities);
                check_article_dates(&doc.text, &ranges, dates);
            }
        }
    }

    /// Search hits for words of the text (whole, being typed, in phrases, with noise) lie in
    /// the searched ranges, are disjoint and start with a query word.
    #[test]
    fn search_hits_slice_a_query_word(
        text in any_text(),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 1..4),
        noise in pick(ARABIC_WORDS),
        shape in 0usize..4,
    ) {
        let doc = document(text);
        for article in &doc.articles {
            let ranges = article_ranges(article);
            let ws: Vec<&str> = ranges
                .iter()
                .flat_map(|r| words(&doc.text, r.clone()))
                .map(|w| &doc.text[w.range])
                .collect();
            let mut chosen: Vec<&str> = if ws.is_empty() {
                Vec::new()
            } else {
                picks.iter().map(|i| ws[i.index(ws.len())]).collect()
            };
            chosen.push(&noise);
            let typed = chosen.join(" ");
            let q = match shape {
                0 => typed,
                1 => format!("{typed} "),
                2 => format!("\"{typed}\""),
                _ => format!("«{typed}"),
            };
            let query = Query::parse(&q);
            let found = hits(&doc.text, &ranges, &query);
            check_hits(&doc.text, &ranges, &query, &found);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Regressions: inputs the fuzzers found (tests/fixtures/fuzz/), replayed through the same
// checks as the fuzz target that found them.

/// Decodes and segments a fixture, then checks the document as the `segment` target does.
fn segment_fixture(bytes: &[u8]) -> Document {
    let decoded = decode(bytes).expect("the fixture decodes");
    let doc = Document::new("fixture.txt".into(), None, decoded, &SEGMENTER);
    check_document(&doc);
    doc
}

/// Found by the `segment` target: a headline candidate holding the box-drawing bar '│'
/// (U+2502, 3 bytes in UTF-8) panics in `segment::strip_section_suffix`, which looks for
/// `['|', '│']` but slices the tail at `bar + '|'.len_utf8()`, one byte into '│':
/// "byte index 7 is not a char boundary; it is inside '│' (bytes 6..9 of string)".
/// The bar should cut the section name off like '|' does.
#[test]
fn regression_segment_title_with_box_drawing_bar() {
    let doc = segment_fixture(include_bytes!(
        "../../../tests/fixtures/fuzz/segment-box-bar-title.txt"
    ));
    assert_eq!(doc.title(&doc.articles[0]), Some("خبر عاجل"));
}

/// The same crash as the fuzzer met it: 41 bytes of a legacy code page in which 0xB3 is '│'.
#[test]
fn regression_segment_title_with_box_drawing_bar_legacy_bytes() {
    let doc = segment_fixture(include_bytes!(
        "../../../tests/fixtures/fuzz/segment-box-bar-title-legacy.bin"
    ));
    assert!(doc.text.contains('│'), "{:?} {:?}", doc.encoding, doc.text);
}
