//! `khabar gen-corpus`: synthetic corpora are deterministic, laid out in folders of at most
//! a thousand files, load through the normal loader with a headline and a body, shift years
//! and name no demo file.

use khabar_core::corpus::synth::{FILES_PER_FOLDER, Generator, Seeds, relative_path, years_in};
use khabar_core::corpus::{Corpus, CorpusSource};
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::text::article::BlockKind;
use khabar_core::text::segment::Segmenter;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

fn seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| Seeds::demo(&Segmenter::default(), &Lexicon::load()).unwrap())
}

fn generator(seed: u64) -> Generator {
    Generator::new(seeds().clone(), seed)
}

/// Every file under `dir`, relative path → bytes.
fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap();
            files.insert(
                rel.to_string_lossy().replace('\\', "/"),
                std::fs::read(entry.path()).unwrap(),
            );
        }
    }
    files
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let (a, b, c) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    generator(42).write_to(a.path(), 300).unwrap();
    generator(42).write_to(b.path(), 300).unwrap();
    generator(43).write_to(c.path(), 300).unwrap();
    let (a, b, c) = (
        read_tree(a.path()),
        read_tree(b.path()),
        read_tree(c.path()),
    );
    assert_eq!(a.len(), 300);
    assert!(a == b, "the same seed wrote different files");
    assert_eq!(a.keys().collect::<Vec<_>>(), c.keys().collect::<Vec<_>>());
    let differing = a.iter().filter(|(k, v)| c[*k] != **v).count();
    assert!(differing > 290, "only {differing} of 300 files differ");
    // An article does not depend on how many are generated or in which order.
    let g = generator(42);
    assert_eq!(
        g.article(7).text.as_bytes(),
        a["0000/article-000007.txt"].as_slice()
    );
}

#[test]
fn files_go_into_folders_of_at_most_a_thousand() {
    let dir = tempfile::tempdir().unwrap();
    let n = 2_345;
    let written = generator(1).write_to(dir.path(), n).unwrap();
    assert_eq!((written.files, written.folders), (n, 3));
    let tree = read_tree(dir.path());
    assert_eq!(tree.len() as u64, n);
    assert_eq!(
        written.bytes,
        tree.values().map(|v| v.len() as u64).sum::<u64>()
    );
    let mut per_folder: BTreeMap<&str, u64> = BTreeMap::new();
    for path in tree.keys() {
        let (folder, file) = path.split_once('/').expect("a file at the top level");
        assert!(!file.contains('/'), "{path} is nested too deep");
        *per_folder.entry(folder).or_default() += 1;
    }
    assert_eq!(per_folder.len(), 3);
    assert!(per_folder.values().all(|&c| c <= FILES_PER_FOLDER));
    assert!(tree.contains_key(&relative_path(n - 1, n)));
    // Writing over a corpus is refused rather than mixing two.
    assert!(generator(1).write_to(dir.path(), 10).is_err());
}

#[test]
fn every_file_loads_with_a_headline_and_a_body() {
    let dir = tempfile::tempdir().unwrap();
    let n = 1_500;
    generator(7).write_to(dir.path(), n).unwrap();
    let corpus = Corpus::load(
        &CorpusSource::Folder(dir.path().to_owned()),
        &Segmenter::default(),
    )
    .unwrap();
    assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
    assert_eq!(corpus.documents.len() as u64, n);
    let mut dated = 0;
    let mut appended = 0;
    let mut chrome = 0;
    for doc in &corpus.documents {
        let main = &doc.articles[0];
        assert!(
            main.title.is_some(),
            "{}: no headline\n{}",
            doc.file,
            doc.text
        );
        assert!(
            main.body.len() >= 2,
            "{}: {} body paragraphs\n{}",
            doc.file,
            main.body.len(),
            doc.text
        );
        dated += usize::from(main.published.is_some());
        appended += usize::from(doc.articles.len() > 1);
        chrome += usize::from(doc.blocks.iter().any(|b| b.kind == BlockKind::Chrome));
    }
    // The variety that makes it look scraped: some datelines, appended articles, chrome.
    let n = n as usize;
    assert!(dated > n / 3, "{dated} of {n} dated");
    assert!(
        appended > n / 50,
        "{appended} of {n} with an appended article"
    );
    assert!(chrome > n / 3, "{chrome} of {n} with site chrome");
}

#[test]
fn years_of_the_seed_paragraphs_are_shifted() {
    let g = generator(3);
    let paragraphs = g.seeds().paragraphs();
    let mut checked = 0;
    for i in 0..400 {
        let article = g.article(i);
        assert_ne!(article.year_offset, 0);
        for &p in &article.paragraphs {
            for year in years_in(paragraphs[p].text()) {
                let shifted = year + article.year_offset;
                let western = shifted.to_string();
                let arabic_indic: String = western
                    .chars()
                    .map(|c| char::from_u32(0x660 + c.to_digit(10).unwrap()).unwrap())
                    .collect();
                assert!(
                    article.text.contains(&western) || article.text.contains(&arabic_indic),
                    "article {i}: {year} + {} not found\n{}",
                    article.year_offset,
                    article.text
                );
                checked += 1;
            }
        }
        // Every year written in the article is in the shifted range of the seed years.
        assert!(
            years_in(&article.text)
                .iter()
                .all(|y| (1850..=2101).contains(y))
        );
    }
    assert!(checked > 200, "only {checked} years checked");
    // Some articles use Arabic-Indic digits, and their years shift too.
    assert!((0..400).any(|i| g.article(i).arabic_indic));
}

#[test]
fn names_are_swapped_between_articles() {
    let g = generator(5);
    let with = |name: &str| {
        (0..300)
            .filter(|&i| g.article(i).text.contains(name))
            .count()
    };
    // A demo name stays in some articles and is replaced in others.
    let kept = with("أذربيجان");
    assert!(kept > 20 && kept < 280, "أذربيجان in {kept} of 300");
    // Names from the gazetteers and name lists appear that the demo texts do not have.
    let demo: String = khabar_core::corpus::demo::FILES
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    let text: String = (0..50).map(|i| g.article(i).text).collect();
    let new_words = text
        .split_whitespace()
        .filter(|w| !demo.contains(w))
        .count();
    assert!(new_words > 500, "{new_words} words not in the demo texts");
}

#[test]
fn no_file_name_keyed_text() {
    // The demo files' names (and their hash parts) appear nowhere in the output, and the
    // generator's source names no demo file: articles are drawn by the random stream alone.
    let stems: Vec<String> = khabar_core::corpus::demo::FILES
        .iter()
        .flat_map(|(name, _)| {
            let stem = name.trim_end_matches(".txt").to_owned();
            let hash = stem.split('_').next_back().unwrap_or_default().to_owned();
            [stem, hash]
        })
        .collect();
    let g = generator(11);
    for i in 0..300 {
        let text = g.article(i).text;
        for stem in &stems {
            assert!(!text.contains(stem.as_str()), "article {i} names {stem}");
        }
    }
    let source = [
        include_str!("../src/corpus/synth/mod.rs"),
        include_str!("../src/corpus/synth/seeds.rs"),
        include_str!("../src/corpus/synth/names.rs"),
        include_str!("../src/corpus/synth/digits.rs"),
        include_str!("../src/corpus/synth/draft.rs"),
        include_str!("../src/corpus/synth/generator.rs"),
    ]
    .concat();
    for stem in &stems {
        assert!(!source.contains(stem.as_str()), "synth/ names {stem}");
    }
}
