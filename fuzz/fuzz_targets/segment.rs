//! Arbitrary bytes → decode → `Document` (segmentation into blocks and articles): every block,
//! headline, dateline and body range is a trimmed, non-empty slice of the decoded text; search
//! hits and sentences over them stay on char boundaries too.
#![no_main]

use khabar_core::extract::annotations::article_ranges;
use khabar_core::text::decode::decode;
use khabar_core::text::document::Document;
use khabar_core::query::search::{Query, hits};
use khabar_core::text::segment::Segmenter;
use khabar_core::text::words::words;
use khabar_fuzz::{check_document, check_hits, slice, within_any};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(Segmenter::default);

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = decode(data) else {
        return;
    };
    let doc = Document::new("fuzz.txt".into(), None, decoded, &SEGMENTER);
    check_document(&doc);
    let text = &doc.text;
    for block in &doc.blocks {
        let line = std::slice::from_ref(&block.range);
        for (i, w) in words(text, block.range.clone()).into_iter().enumerate() {
            slice(text, &w.range, "word");
            assert!(
                within_any(&w.range, line),
                "word {:?} outside its line",
                w.range
            );
            // The sentence the reader shows around a mention holds the mention, in its line.
            if i < 64 {
                let sentence = doc.sentence_around(&w.range);
                slice(text, &sentence, "sentence");
                assert!(
                    within_any(&sentence, line)
                        && within_any(&w.range, std::slice::from_ref(&sentence)),
                    "sentence {sentence:?} around word {:?} in line {:?}",
                    w.range,
                    block.range
                );
            }
        }
    }
    // Search the document for words it has: the first and last word of each article, alone,
    // as a prefix being typed, and as a phrase with the next word.
    for article in &doc.articles {
        let ranges = article_ranges(article);
        let ws: Vec<_> = ranges.iter().flat_map(|r| words(text, r.clone())).collect();
        let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
            continue;
        };
        let first_text = &text[first.range.clone()];
        let last_text = &text[last.range.clone()];
        let second = ws.get(1).map_or("", |w| &text[w.range.clone()]);
        for q in [
            format!("{first_text} "),
            first_text.to_owned(),
            format!("\"{first_text} {second}\" {last_text}"),
            format!("{last_text} {first_text}"),
        ] {
            let query = Query::parse(&q);
            let found = hits(text, &ranges, &query);
            check_hits(text, &ranges, &query, &found);
        }
    }
});
