//! Arbitrary text → a one-document corpus → `annotate` (both passes: recognition, then
//! propagation of names learnt from the corpus): every entity mention is a slice of the
//! article's headline or body, on char boundaries, with a letter in it; dates likewise.
#![no_main]

use khabar_core::extract::annotations::{annotate, article_ranges};
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::text::segment::Segmenter;
use khabar_fuzz::{check_article_dates, check_document, check_entities, utf8_document};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(Segmenter::default);
static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

fuzz_target!(|text: &str| {
    let doc = utf8_document("fuzz.txt", text.to_owned(), &SEGMENTER);
    check_document(&doc);
    let corpus = [doc];
    let annotations = annotate(&corpus, &LEXICON);
    let doc = &corpus[0];
    assert_eq!(annotations.entities.len(), 1);
    assert_eq!(annotations.entities[0].len(), doc.articles.len());
    assert_eq!(annotations.dates[0].len(), doc.articles.len());
    for ((article, entities), dates) in doc
        .articles
        .iter()
        .zip(&annotations.entities[0])
        .zip(&annotations.dates[0])
    {
        let ranges = article_ranges(article);
        check_entities(&doc.text, &ranges, entities);
        check_article_dates(&doc.text, &ranges, dates);
    }
});
