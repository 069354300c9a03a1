//! Entity extraction scored against the hand-made gold of the seed articles, the way
//! `khabar eval` does it (see tests/fixtures/*.json).

use khabar_core::corpus::{Corpus, CorpusSource};
use khabar_core::eval::{evaluate, read_gold_dir};
use khabar_core::extract::annotations::annotate;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::text::segment::Segmenter;
use std::path::Path;

/// The repository root and the demo (seed) corpus loaded from its folder.
fn seed_corpus() -> (&'static Path, Corpus) {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let corpus = Corpus::load(
        &CorpusSource::Folder(root.join("assets/demo")),
        &Segmenter::default(),
    )
    .unwrap();
    (root, corpus)
}

#[test]
fn seed_entities_reach_the_target_f1() {
    let (root, corpus) = seed_corpus();
    let golds = read_gold_dir(&root.join("tests/fixtures")).unwrap();
    assert_eq!(golds.len(), 5);
    let report = evaluate(
        &corpus,
        &annotate(&corpus.documents, &Lexicon::load()),
        &golds,
    );
    let e = report.entities;
    let details: Vec<String> = report
        .files
        .iter()
        .map(|f| {
            format!(
                "{}: +{:?} -{:?}",
                f.file, f.false_positives, f.false_negatives
            )
        })
        .collect();
    assert!(
        e.f1() >= 0.95,
        "entity P {:.3} R {:.3} F1 {:.3}\n{}",
        e.precision(),
        e.recall(),
        e.f1(),
        details.join("\n")
    );
}

#[test]
fn mention_offsets_are_char_boundaries_and_exclude_clitics() {
    let (_, corpus) = seed_corpus();
    let annotations = annotate(&corpus.documents, &Lexicon::load());
    let mut checked = 0;
    for (doc, articles) in corpus.documents.iter().zip(&annotations.entities) {
        for entity in articles.iter().flatten() {
            for m in &entity.mentions {
                let text = &doc.text[m.clone()];
                assert!(!text.is_empty());
                // Mentions start on the name, not on an attached و or ب.
                assert!(
                    !(text.starts_with("وروسيا") || text.starts_with("بموسكو")),
                    "{text}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn seed_dates_reach_the_target_f1_and_every_publication_date_is_right() {
    let (root, corpus) = seed_corpus();
    let golds = read_gold_dir(&root.join("tests/fixtures")).unwrap();
    let report = evaluate(
        &corpus,
        &annotate(&corpus.documents, &Lexicon::load()),
        &golds,
    );
    let details: Vec<String> = report
        .files
        .iter()
        .map(|f| {
            format!(
                "{}: predicted {:?} gold {:?}",
                f.file, f.predicted_dates, f.gold_dates
            )
        })
        .collect();
    let d = report.dates;
    assert!(
        d.f1() >= 0.95,
        "date P {:.3} R {:.3} F1 {:.3}\n{}",
        d.precision(),
        d.recall(),
        d.f1(),
        details.join("\n")
    );
    let (right, counted) = report.published;
    assert_eq!(counted, 3, "gold states three publication dates");
    assert_eq!(right, counted, "publication dates right");
}

#[test]
fn date_offsets_slice_the_text_they_report() {
    let (_, corpus) = seed_corpus();
    let annotations = annotate(&corpus.documents, &Lexicon::load());
    let mut checked = 0;
    for (doc, articles) in corpus.documents.iter().zip(&annotations.dates) {
        for dates in articles {
            for m in &dates.mentions {
                let text = doc.text.get(m.range.clone()).expect("char boundaries");
                assert!(
                    text.chars().any(|c| c.is_alphanumeric()),
                    "{}: {text:?}",
                    doc.file
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 26, "{checked} date mentions");
}

/// Eight articles from other outlets, regions and calendars (Saudi Hijri, Levantine and
/// Maghrebi month names, Arabic-Indic digits, English datelines, economy pages full of
/// numbers), annotated for dates only, after the seed rules were written.
#[test]
fn held_out_articles_dates_and_publication_dates() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let dir = root.join("tests/fixtures/heldout");
    let corpus = Corpus::load(&CorpusSource::Folder(dir.clone()), &Segmenter::default()).unwrap();
    let golds = read_gold_dir(&dir).unwrap();
    assert_eq!(golds.len(), 8);
    let report = evaluate(
        &corpus,
        &annotate(&corpus.documents, &Lexicon::load()),
        &golds,
    );
    let d = report.dates;
    let details: Vec<String> = report
        .files
        .iter()
        .map(|f| format!("{}: {:?} vs {:?}", f.file, f.predicted_dates, f.gold_dates))
        .collect();
    assert!(
        d.f1() >= 0.95,
        "held-out date P {:.3} R {:.3} F1 {:.3}\n{}",
        d.precision(),
        d.recall(),
        d.f1(),
        details.join("\n")
    );
    assert_eq!(report.published, (5, 5));
    // Headlines under navigation bars and mastheads.
    for gold in &golds {
        let doc = corpus
            .documents
            .iter()
            .find(|d| d.file == gold.file)
            .expect("gold file loaded");
        assert_eq!(
            doc.title(&doc.articles[0]),
            gold.title.as_deref(),
            "{}",
            gold.file
        );
    }
}
