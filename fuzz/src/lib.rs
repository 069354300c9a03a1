//! Invariant checks shared by the fuzz targets. Every check panics (so libFuzzer records a
//! crash) when a structure Khabar returns breaks the offset contract of `ARCHITECTURE.md`:
//! every range is a non-empty byte range of the text, on char boundaries, and the text it
//! slices is what the structure says it is.

use khabar_core::extract::dates::calendar::iso_span;
use khabar_core::extract::dates::{ArticleDates, DEFAULT_VOCABULARY, DateMention};
use khabar_core::extract::entities::Entity;
use khabar_core::query::search::{Clause, Query};
use khabar_core::text::article::BlockKind;
use khabar_core::text::decode::Decoded;
use khabar_core::text::document::Document;
use khabar_core::text::normalize::fold;
use khabar_core::text::segment::Segmenter;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// A document of already decoded UTF-8 text, segmented: what the text-level targets and
/// property tests feed to the checks.
pub fn utf8_document(name: &str, text: String, segmenter: &Segmenter) -> Document {
    let decoded = Decoded {
        text,
        encoding: "UTF-8",
        had_bom: false,
        replaced: 0,
    };
    Document::new(name.into(), None, decoded, segmenter)
}

/// `text[range]`, after checking that the range is non-empty, inside the text and on char
/// boundaries.
#[track_caller]
pub fn slice<'t>(text: &'t str, range: &Range<usize>, what: &str) -> &'t str {
    assert!(
        range.start < range.end,
        "{what}: empty or reversed range {range:?} (text of {} bytes)",
        text.len()
    );
    assert!(
        range.end <= text.len(),
        "{what}: range {range:?} past the end of a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what}: range {range:?} not on char boundaries of {:?}",
        text
    );
    &text[range.clone()]
}

/// True when `inner` lies inside one of `outer`.
pub fn within_any(inner: &Range<usize>, outer: &[Range<usize>]) -> bool {
    outer
        .iter()
        .any(|o| o.start <= inner.start && inner.end <= o.end)
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || khabar_core::text::normalize::is_format_char(c)
}

/// Blocks and articles of a segmented document.
pub fn check_document(doc: &Document) {
    let text = &doc.text;
    let mut previous_end = 0;
    for (i, block) in doc.blocks.iter().enumerate() {
        let s = slice(text, &block.range, "block");
        assert!(
            block.range.start >= previous_end,
            "block {i} {:?} overlaps or precedes the one before (ends at {previous_end})",
            block.range
        );
        previous_end = block.range.end;
        assert!(
            !s.starts_with(is_blank) && !s.ends_with(is_blank),
            "block {i} {:?} is not trimmed: {s:?}",
            block.range
        );
        assert!(
            !s.contains(['\n', '\u{2028}', '\u{2029}', '\u{85}']),
            "block {i} {:?} spans a line break: {s:?}",
            block.range
        );
        assert!(
            (1..=doc.articles.len()).contains(&usize::from(block.part)),
            "block {i} has part {} of {} articles",
            block.part,
            doc.articles.len()
        );
    }
    assert!(!doc.articles.is_empty(), "a document without articles");
    for (n, article) in doc.articles.iter().enumerate() {
        assert_eq!(
            usize::from(article.part),
            n + 1,
            "article parts are 1, 2, …"
        );
        let blocks_of = |kind: BlockKind| -> Vec<Range<usize>> {
            doc.blocks
                .iter()
                .filter(|b| b.part == article.part && b.kind == kind)
                .map(|b| b.range.clone())
                .collect()
        };
        if let Some(title) = &article.title {
            let t = slice(text, title, "title");
            assert!(
                !t.starts_with(char::is_whitespace) && !t.ends_with(char::is_whitespace),
                "title {title:?} has blank ends: {t:?}"
            );
            let titles = blocks_of(BlockKind::Title);
            assert!(
                titles
                    .iter()
                    .any(|b| b.start == title.start && title.end <= b.end),
                "title {title:?} is not the start of a title block {titles:?}"
            );
        }
        for body in &article.body {
            slice(text, body, "body paragraph");
        }
        assert_eq!(
            article.body,
            blocks_of(BlockKind::Body),
            "article {} body ≠ its body blocks",
            article.part
        );
        if let Some(published) = &article.published {
            slice(text, &published.range, "dateline");
            assert!(
                iso_span(&published.value).is_some(),
                "dateline value {:?} is no ISO date",
                published.value
            );
            assert!(
                blocks_of(BlockKind::Dateline).contains(&published.range),
                "published {:?} is not a dateline block",
                published.range
            );
        }
    }
}

/// The folded words of `assets/dates.txt`: every date expression starts with a number or
/// with one of them (after its proclitics).
static DATE_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    DEFAULT_VOCABULARY
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with(['#', '[']))
        .flat_map(|l| {
            fold(l)
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .collect()
});

/// Readings of a folded word without the proclitics و ف then ب ل ك.
fn clitic_forms(word: &str) -> Vec<&str> {
    let mut forms = vec![word];
    let mut rest = word;
    for set in [&['و', 'ف'][..], &['ب', 'ل', 'ك']] {
        if let Some(r) = rest.strip_prefix(set) {
            rest = r;
            forms.push(rest);
        }
    }
    forms
}

/// A date mention's text says a date: it has a digit, or it opens with a date word.
pub fn looks_like_date(mention: &str) -> bool {
    let folded = fold(mention);
    if folded.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let first: String = folded.chars().take_while(|c| c.is_alphabetic()).collect();
    clitic_forms(&first).iter().any(|f| DATE_WORDS.contains(*f))
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` that the timeline can place (`iso_span` accepts it).
#[track_caller]
pub fn check_iso(value: &str, what: &str) {
    let shape = value.split('-').map(str::len).collect::<Vec<_>>();
    assert!(
        matches!(shape.as_slice(), [4] | [4, 2] | [4, 2, 2])
            && value.bytes().all(|b| b.is_ascii_digit() || b == b'-'),
        "{what}: {value:?} is not YYYY[-MM[-DD]]"
    );
    assert!(
        iso_span(value).is_some(),
        "{what}: {value:?} is not a real date"
    );
}

/// Date mentions found in `scanned` ranges of `text`; `anchored` says whether the
/// publication date was a known day (relative dates exist only then).
pub fn check_date_mentions(
    text: &str,
    scanned: &[Range<usize>],
    mentions: &[DateMention],
    anchored: bool,
) {
    let mut previous_end = 0;
    for m in mentions {
        let s = slice(text, &m.range, "date mention");
        assert!(
            within_any(&m.range, scanned),
            "date mention {:?} {s:?} outside the scanned ranges {scanned:?}",
            m.range
        );
        assert!(
            m.range.start >= previous_end,
            "date mentions overlap or are out of order at {:?}",
            m.range
        );
        previous_end = m.range.end;
        assert!(
            !s.starts_with(char::is_whitespace) && !s.ends_with(char::is_whitespace),
            "date mention {:?} has blank ends: {s:?}",
            m.range
        );
        assert!(
            looks_like_date(s),
            "date mention {:?} {s:?} has neither a digit nor a date word",
            m.range
        );
        check_iso(&m.value, "date value");
        if let Some(until) = &m.until {
            check_iso(until, "date until");
        }
        assert!(
            anchored || !m.relative,
            "relative date {:?} {s:?} without a publication date",
            m.range
        );
    }
}

/// Dates of an article: mentions inside its headline and body, publication date sane.
pub fn check_article_dates(text: &str, scanned: &[Range<usize>], dates: &ArticleDates) {
    let anchored = match &dates.published {
        Some(p) => {
            slice(text, &p.range, "publication date");
            if p.inferred {
                check_iso(&p.value, "inferred publication date");
                assert!(
                    within_any(&p.range, scanned),
                    "inferred publication {:?} outside the article",
                    p.range
                );
            }
            iso_span(&p.value).is_some_and(|(a, b)| a == b)
        }
        None => false,
    };
    check_date_mentions(text, scanned, &dates.mentions, anchored);
}

/// Entities of one article: every mention inside the article's ranges, with a name in it.
pub fn check_entities(text: &str, scanned: &[Range<usize>], entities: &[Entity]) {
    for e in entities {
        assert!(
            ["g:", "p:", "o:", "l:", "split:"]
                .iter()
                .any(|p| e.key.starts_with(p)),
            "entity key {:?} has no known prefix",
            e.key
        );
        assert!(!e.name.trim().is_empty(), "entity {:?} has no name", e.key);
        assert!(
            !e.mentions.is_empty(),
            "entity {:?} without mentions",
            e.key
        );
        for m in &e.mentions {
            let s = slice(text, m, "entity mention");
            assert!(
                within_any(m, scanned),
                "entity mention {m:?} {s:?} outside the article ranges {scanned:?}"
            );
            assert!(
                s.chars().any(char::is_alphanumeric),
                "entity mention {m:?} {s:?} has no letter"
            );
            assert!(
                !s.starts_with(char::is_whitespace) && !s.ends_with(char::is_whitespace),
                "entity mention {m:?} has blank ends: {s:?}"
            );
        }
    }
}

/// Search hits of `query` in `ranges`: inside them, sorted, disjoint, and each starts with a
/// reading of a query word.
pub fn check_hits(text: &str, ranges: &[Range<usize>], query: &Query, hits: &[Range<usize>]) {
    let firsts: Vec<&str> = query
        .clauses
        .iter()
        .filter_map(|c| match c {
            Clause::Word(t) => Some(t.folded.as_str()),
            Clause::Phrase(ts) => ts.first().map(|t| t.folded.as_str()),
        })
        .collect();
    let mut previous_end = 0;
    for h in hits {
        let s = slice(text, h, "search hit");
        assert!(
            within_any(h, ranges),
            "search hit {h:?} {s:?} outside {ranges:?}"
        );
        assert!(
            h.start >= previous_end,
            "search hits overlap or are out of order at {h:?}"
        );
        previous_end = h.end;
        let folded = fold(s);
        // "للكرملين" is lit from its second ل: the reading restores the article's alef.
        let restored = format!("ا{folded}");
        assert!(
            firsts
                .iter()
                .any(|f| folded.starts_with(f) || restored.starts_with(f)),
            "search hit {h:?} {s:?} (folded {folded:?}) starts with no query word of {firsts:?}"
        );
    }
}
