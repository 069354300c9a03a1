//! The name tagger against annotated news it never trained on: the ANERcorp test split
//! (CAMeL Lab split, `assets/data/anercorp`), scored exact-span the CoNLL way, and the real
//! articles of `tests/fixtures/real` scored document-level the way `khabar eval` does.

use khabar_core::corpus::{Corpus, CorpusSource};
use khabar_core::eval::{evaluate, read_gold_dir};
use khabar_core::extract::annotations::annotate;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::extract::entities::tagger::clusters::Clusters;
use khabar_core::extract::entities::tagger::label::Class;
use khabar_core::extract::entities::tagger::word_form::CLUSTERS;
use khabar_core::extract::entities::tagger::{EMBEDDED, Tagger, conll, train};
use khabar_core::text::segment::Segmenter;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).to_owned()
}

fn split(name: &str) -> Vec<conll::Sentence> {
    let path = root().join("assets/data/anercorp").join(name);
    conll::read(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn embedded_clusters_parse() {
    let clusters = Clusters::parse(CLUSTERS).expect("the compiled-in clusters read");
    assert!(clusters.len() >= 50_000, "{} words", clusters.len());
    // Words that keep the same company share a coarse cluster: two capitals do, a capital
    // and a verb of saying do not.
    let coarse = |w: &str| clusters.get(w).map(|c| c.0);
    assert!(coarse("القاهره").is_some());
    assert_eq!(coarse("القاهره"), coarse("بيروت"));
    assert_ne!(coarse("القاهره"), coarse("قال"));
}

#[test]
fn embedded_model_loads_and_is_small() {
    let tagger = Tagger::from_bytes(EMBEDDED).expect("the compiled-in model reads");
    let (first, second) = tagger.feature_counts();
    assert!(
        first > 10_000 && second > 10_000,
        "{first} + {second} features"
    );
    assert!(
        EMBEDDED.len() <= 10 * 1024 * 1024,
        "{} bytes",
        EMBEDDED.len()
    );
    assert!(
        tagger.temperature() > 1.0,
        "calibrated: {}",
        tagger.temperature()
    );
}

/// The figure of record: micro-F1 over PERS, LOC and ORG on the test split (25 008 words
/// nobody tuned on). 0.728 with word clusters and small weights pruned (0.735 unpruned, 0.706
/// without clusters); the literature's feature-based CRFs reach 0.79–0.81 — the floor guards
/// what we have, the goal is in the issue.
#[test]
fn anercorp_test_split_micro_f1_floor() {
    let sentences = split("ANERCorp_CamelLab_test.txt");
    assert_eq!(sentences.len(), 925, "the CAMeL Lab test split");
    let scores = Tagger::embedded().score(&conll::documents(sentences), &Lexicon::load());
    let (p, r, f1) = scores.prf(&[Class::Pers, Class::Loc, Class::Org]);
    assert!(f1 >= 0.72, "PERS+LOC+ORG P {p:.3} R {r:.3} F1 {f1:.3}");
    let (_, _, loc) = scores.prf(&[Class::Loc]);
    assert!(loc >= 0.85, "LOC F1 {loc:.3}");
}

/// Training is deterministic: the same sentences give the same bytes (a slice of the
/// training split, to keep the test short; `khabar train-ner` on the whole split gives
/// the embedded model, checked by `scripts/train-ner.sh --check`).
#[test]
fn training_is_deterministic() {
    let sentences: Vec<_> = split("ANERCorp_CamelLab_train.txt")
        .into_iter()
        .take(240)
        .collect();
    let docs = conll::documents(sentences);
    let lexicon = Lexicon::load();
    let settings = train::Settings {
        epochs: 3,
        seed: 7,
        ..Default::default()
    };
    let a = train::train_tagger(&docs, &lexicon, settings, |_, _, _| {}).to_bytes();
    let b = train::train_tagger(&docs, &lexicon, settings, |_, _, _| {}).to_bytes();
    assert_eq!(a, b);
    let other_seed = train::Settings {
        seed: 8,
        ..settings
    };
    let c = train::train_tagger(&docs, &lexicon, other_seed, |_, _, _| {}).to_bytes();
    assert_ne!(a, c, "the seed is used");
}

/// The real-text dev set: 48 articles of 46 outlets nobody wrote rules against. It scored
/// entities F1 0.525 before the tagger (once, before any change); these floors guard the
/// figures reached since (F1 0.672, P 0.688; shown unfolded P 0.780).
#[test]
fn real_text_dev_set_floor() {
    let dir = root().join("tests/fixtures/real");
    let corpus = Corpus::load(
        &CorpusSource::Folder(dir.join("articles")),
        &Segmenter::default(),
    )
    .unwrap();
    let golds = read_gold_dir(&dir.join("gold")).unwrap();
    assert_eq!(golds.len(), 48);
    let report = evaluate(
        &corpus,
        &annotate(&corpus.documents, &Lexicon::load()),
        &golds,
    );
    let e = &report.entities;
    assert!(
        e.f1() >= 0.665 && e.precision() >= 0.68,
        "all entities P {:.3} R {:.3} F1 {:.3}",
        e.precision(),
        e.recall(),
        e.f1()
    );
    let shown = &report.entities_shown;
    assert!(
        shown.precision() >= 0.77 && shown.precision() > e.precision(),
        "entities shown unfolded: P {:.3} (all: {:.3})",
        shown.precision(),
        e.precision()
    );
}
