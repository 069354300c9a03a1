//! The seed articles against the hand-made gold: titles, appended articles, chrome.

use khabar_core::corpus::{Corpus, CorpusSource};
use khabar_core::text::article::BlockKind;
use khabar_core::text::document::Document;
use khabar_core::text::segment::Segmenter;
use std::path::Path;

fn seed() -> Corpus {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("assets/demo");
    Corpus::load(&CorpusSource::Folder(dir), &Segmenter::default()).unwrap()
}

fn gold(file: &str) -> serde_json::Value {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures")
        .join(file.replace(".txt", ".json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn doc<'a>(corpus: &'a Corpus, prefix: &str) -> &'a Document {
    corpus
        .documents
        .iter()
        .find(|d| d.file.starts_with(prefix))
        .unwrap()
}

fn body_text(doc: &Document, part: u16) -> String {
    let article = doc.articles.iter().find(|a| a.part == part).unwrap();
    article
        .body
        .iter()
        .map(|r| doc.slice(r))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_seed_file_loads_as_utf8() {
    let corpus = seed();
    assert_eq!(corpus.documents.len(), 5);
    assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
    assert!(
        corpus
            .documents
            .iter()
            .all(|d| d.encoding == "UTF-8" && d.warning.is_none())
    );
}

#[test]
fn titles_equal_the_gold_titles() {
    let corpus = seed();
    for doc in &corpus.documents {
        let gold = gold(&doc.file);
        let expected = gold["title"].as_str();
        assert_eq!(
            doc.title(&doc.articles[0]),
            expected,
            "title of {}",
            doc.file
        );
    }
}

#[test]
fn stated_publication_dates_are_found() {
    let corpus = seed();
    for doc in &corpus.documents {
        let gold = gold(&doc.file);
        if let Some(published) = doc.articles[0].published.as_ref() {
            assert_eq!(
                Some(published.value.as_str()),
                gold["published"].as_str(),
                "{}",
                doc.file
            );
        }
    }
    // Files whose date line is stated (rather than implied by a weekday) have it now.
    assert_eq!(
        doc(&corpus, "003").articles[0]
            .published
            .as_ref()
            .unwrap()
            .value,
        "2024-08-18"
    );
    assert_eq!(
        doc(&corpus, "004").articles[0]
            .published
            .as_ref()
            .unwrap()
            .value,
        "2023-09-29"
    );
}

#[test]
fn appended_articles_are_found_in_001_and_004() {
    let corpus = seed();
    for prefix in ["001", "004"] {
        let d = doc(&corpus, prefix);
        assert_eq!(
            d.articles.len(),
            2,
            "{prefix}: {:?}",
            d.articles.iter().map(|a| d.title(a)).collect::<Vec<_>>()
        );
        let second = &d.articles[1];
        assert!(second.title.is_some(), "{prefix} part 2 has a headline");
        assert!(second.body.len() >= 3, "{prefix} part 2 has a body");
    }
    for prefix in ["000", "002", "003"] {
        assert_eq!(doc(&corpus, prefix).articles.len(), 1, "{prefix}");
    }
}

#[test]
fn related_lists_tags_and_credits_are_not_body() {
    let corpus = seed();
    for d in &corpus.documents {
        for block in d.blocks.iter().filter(|b| b.kind == BlockKind::Body) {
            let text = d.slice(&block.range);
            for cue in [
                "مقالات مشابهة",
                "كلمات دلالية",
                "المصدر:",
                "إقرأ أيضاً",
                "Continue reading",
                "رئيس التحرير",
                "License",
            ] {
                assert!(
                    !text.contains(cue),
                    "{}: body line holds {cue:?}: {text}",
                    d.file
                );
            }
            assert!(
                !text.starts_with('•') && !text.starts_with('\u{2022}'),
                "{}: bullet list in body: {text}",
                d.file
            );
        }
    }
    // The related headline lines under "مقالات مشابهة" in 001 are chrome of part 2, not body.
    let d = doc(&corpus, "001");
    assert!(!body_text(d, 1).contains("روسيا تعلن الأهداف الأوكرانية"));
    assert!(!body_text(d, 2).contains("روسيا تعلن الأهداف الأوكرانية"));
}

#[test]
fn main_article_bodies_hold_their_first_and_last_paragraphs() {
    let corpus = seed();
    let d0 = doc(&corpus, "000");
    let b = body_text(d0, 1);
    assert!(b.starts_with("أعلنت أذربيجان يوم الأربعاء"));
    assert!(b.ends_with("عن روسيا في هذا السياق."));
    let d2 = doc(&corpus, "002");
    let b = body_text(d2, 1);
    assert!(b.starts_with("يبدأ الجنود بمغادرة المنطقة"));
    assert!(b.contains("وهي معترف بها دوليا كجزء من أذربيجان."));
    assert!(!b.contains("اشترك"));
    // Quoted posts are part of the body.
    let d4 = doc(&corpus, "004");
    assert!(body_text(d4, 1).contains("AFP News Agency"));
    // The navigation run at the top of 000 is chrome.
    assert!(!b.contains("غارة إسرائيلية في بيروت"));
    assert!(!body_text(d0, 1).contains("غارة إسرائيلية في بيروت"));
}

#[test]
fn extract_json_has_the_spec_fields() {
    let corpus = seed();
    let annotations = khabar_core::extract::annotations::annotate(
        &corpus.documents,
        &khabar_core::extract::entities::lexicon::Lexicon::load(),
    );
    let out =
        serde_json::to_value(khabar_core::extract::output::extract(&corpus, &annotations)).unwrap();
    assert_eq!(out["khabar_extract_version"], 1);
    let articles = out["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 7);
    let second = articles
        .iter()
        .find(|a| a["id"] == "001_0795dd7ba1cf26a9.txt#2")
        .unwrap();
    assert_eq!(second["part"], 2);
    assert_eq!(second["file"], "001_0795dd7ba1cf26a9.txt");
    let first = articles
        .iter()
        .find(|a| a["id"] == "003_7bad1092f1f98259.txt")
        .unwrap();
    assert_eq!(first["encoding"], "UTF-8");
    assert_eq!(first["published"]["value"], "2024-08-18");
    assert_eq!(first["published"]["text"], "18-8-2024 | 22:14");
    // Every mention's text is the decoded text at its offsets.
    let text = std::fs::read_to_string(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("assets/demo/003_7bad1092f1f98259.txt"),
    )
    .unwrap();
    for entity in first["entities"].as_array().unwrap() {
        for m in entity["mentions"].as_array().unwrap() {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], m["text"].as_str().unwrap());
        }
    }
    assert!(out["skipped"].as_array().unwrap().is_empty());
}
