//! Arbitrary text → date extraction, with and without a publication date: `find_dates` over
//! the whole text, and `ArticleDates::extract` over an article made of the text's lines and
//! over the article segmentation finds.
//!
//! Input: 4 header bytes choose the publication date (year 1000–2999, month, day; month or
//! day 0 give a month- or year-precision dateline, as datelines can state), the rest is text
//! (invalid UTF-8 replaced).
#![no_main]

use khabar_core::extract::annotations::article_ranges;
use khabar_core::extract::dates::{ArticleDates, find_dates};
use khabar_core::text::article::{Article, Published};
use khabar_core::text::segment::Segmenter;
use khabar_fuzz::{check_article_dates, check_date_mentions, utf8_document};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(Segmenter::default);

fn publication(header: &[u8]) -> String {
    let year = 1000 + u32::from(u16::from_le_bytes([header[0], header[1]])) % 2000;
    let month = u32::from(header[2]) % 13;
    let day = u32::from(header[3]) % 32;
    match (month, day) {
        (0, _) => format!("{year:04}"),
        (m, 0) => format!("{year:04}-{m:02}"),
        (m, d) => format!("{year:04}-{m:02}-{d:02}"),
    }
}

fn is_day(value: &str) -> bool {
    khabar_core::extract::dates::calendar::iso_span(value).is_some_and(|(a, b)| a == b)
}

/// Trimmed, non-empty lines of `text`.
fn lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            out.push(start + lead..start + lead + trimmed.len());
        }
        start += line.len();
    }
    out
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (header, rest) = data.split_at(4);
    // Invalid UTF-8 is not thrown away: decoding would have replaced it with U+FFFD too.
    let text = String::from_utf8_lossy(rest);
    let text: &str = &text;
    let published = publication(header);
    let all = 0..text.len();
    let whole = std::slice::from_ref(&all);

    // Running text, lines read separately.
    check_date_mentions(text, whole, &find_dates(text, None), false);
    check_date_mentions(
        text,
        whole,
        &find_dates(text, Some(&published)),
        is_day(&published),
    );

    // An article made of the lines: first line the headline, the rest the body; with and
    // without a stated publication date (without one it may be inferred).
    let ranges = lines(text);
    let Some((title, body)) = ranges.split_first() else {
        return;
    };
    for stated in [None, Some(published.clone())] {
        let article = Article {
            part: 1,
            title: Some(title.clone()),
            published: stated.map(|value| Published {
                value,
                range: title.clone(),
            }),
            body: body.to_vec(),
        };
        let dates = ArticleDates::extract(text, &article);
        check_article_dates(text, &article_ranges(&article), &dates);
        if article.published.is_some() {
            assert!(dates.published.as_ref().is_some_and(|p| !p.inferred));
        }
    }

    // The articles segmentation finds.
    let doc = utf8_document("fuzz.txt", text.to_owned(), &SEGMENTER);
    for article in &doc.articles {
        let dates = ArticleDates::extract(&doc.text, article);
        check_article_dates(&doc.text, &article_ranges(article), &dates);
    }
});
