//! The corpus cache: reopening reuses what did not change, notices what did, and never
//! trusts a damaged or outdated cache.

use khabar_core::corpus::CorpusSource;
use khabar_core::corpus::cache::{
    CacheError, CorpusCache, cache_file, extractor_version, size_ceiling,
};
use khabar_core::extract::dates::ArticleDates;
use khabar_core::extract::entities::Entity;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::loader::{CacheReport, LoadEvent, LoadJob};
use khabar_core::query::search::{Query, SearchIndex};
use khabar_core::text::segment::Segmenter;
use std::path::Path;
use std::sync::{Arc, LazyLock};

mod common;
use common::within_a_minute;

static LEXICON: LazyLock<Arc<Lexicon>> = LazyLock::new(|| Arc::new(Lexicon::load()));

/// What one open of a folder gave.
struct Opened {
    files: Vec<String>,
    entities: Vec<Vec<Vec<Entity>>>,
    dates: Vec<Vec<ArticleDates>>,
    search: Option<Box<SearchIndex>>,
    cache: Option<CacheReport>,
}

fn open(folder: &Path, cache_dir: Option<&Path>) -> Opened {
    let job = LoadJob::spawn_cached(
        CorpusSource::Folder(folder.to_owned()),
        Arc::new(Segmenter::default()),
        LEXICON.clone(),
        cache_dir.map(Path::to_owned),
        || {},
    );
    let mut opened = Opened {
        files: Vec::new(),
        entities: Vec::new(),
        dates: Vec::new(),
        search: None,
        cache: None,
    };
    while let Some(event) = job.recv() {
        match event {
            LoadEvent::Entities {
                files,
                entities,
                dates,
                search,
                ..
            } => {
                opened.search = Some(search);
                opened.files = files;
                opened.entities = entities;
                opened.dates = dates;
            }
            LoadEvent::Cache(report) => opened.cache = Some(report),
            LoadEvent::Finished { .. } => break,
            LoadEvent::Failed(e) => panic!("{e}"),
            _ => {}
        }
    }
    opened
}

fn same_extraction(a: &Opened, b: &Opened) {
    assert_eq!(a.files, b.files);
    assert_eq!(a.entities, b.entities);
    assert_eq!(a.dates, b.dates);
    let (a, b) = (a.search.as_ref().unwrap(), b.search.as_ref().unwrap());
    assert_eq!((a.len(), a.term_count()), (b.len(), b.term_count()));
    for q in [
        "باكو",
        "أذربيجان",
        "\"حفظ السلام\"",
        "الرئيس",
        "ق",
        "زنجبيلستان",
    ] {
        let query = Query::parse(q);
        assert_eq!(a.search(&query), b.search(&query), "{q}");
    }
}

#[test]
fn reopening_an_unchanged_folder_reuses_documents_and_extraction() {
    let corpus = common::demo_copy();
    let cache = tempfile::tempdir().unwrap();
    let first = open(corpus.path(), Some(cache.path()));
    let report = first.cache.clone().unwrap();
    assert_eq!(report.problem, Some(CacheError::Missing));
    assert_eq!((report.reused, report.extraction_reused), (0, false));
    assert_eq!(report.read, first.files.len());
    assert!(cache_file(cache.path(), corpus.path()).is_file());

    let second = open(corpus.path(), Some(cache.path()));
    let report = second.cache.clone().unwrap();
    assert_eq!(report.problem, None);
    assert_eq!((report.reused, report.read), (first.files.len(), 0));
    assert!(report.extraction_reused);
    same_extraction(&first, &second);
    // The same as reading everything without a cache.
    same_extraction(&first, &open(corpus.path(), None));
}

#[test]
fn changed_new_and_removed_files_are_read_again_and_extraction_redone() {
    let corpus = common::demo_copy();
    let cache = tempfile::tempdir().unwrap();
    let first = open(corpus.path(), Some(cache.path()));
    let n = first.files.len();
    // One file edited (new text, so new size and time), one added, one removed.
    let edited = corpus.path().join(&first.files[0]);
    let mut text = std::fs::read_to_string(&edited).unwrap();
    text.push_str(
        "\nوقال الرئيس التركي رجب طيب أردوغان في أنقرة يوم 3 مارس 2021 إن الاتفاق صامد.\n",
    );
    std::fs::write(&edited, text).unwrap();
    std::fs::write(
        corpus.path().join("zz_new.txt"),
        "خبر جديد عن باكو\n\nوصل الوفد إلى باكو يوم 12 يناير 2022.\n",
    )
    .unwrap();
    std::fs::remove_file(corpus.path().join(&first.files[n - 1])).unwrap();

    let second = open(corpus.path(), Some(cache.path()));
    let report = second.cache.clone().unwrap();
    assert_eq!(report.problem, None);
    assert_eq!(report.reused, n - 2, "{report:?}");
    assert_eq!(report.read, 2, "the edited and the new file");
    assert_eq!(report.removed, 1);
    assert!(!report.extraction_reused);
    // Exactly what a fresh read gives, including the new sentence's date and names.
    let fresh = open(corpus.path(), None);
    same_extraction(&second, &fresh);
    let new = second.files.iter().position(|f| f == "zz_new.txt").unwrap();
    let values: Vec<&str> = second.dates[new]
        .iter()
        .flat_map(|a| a.mentions.iter().map(|m| m.value.as_str()))
        .collect();
    assert_eq!(values, ["2022-01-12"]);
    // And the next open reuses all of it.
    let third = open(corpus.path(), Some(cache.path()));
    assert!(third.cache.unwrap().extraction_reused);
}

#[test]
fn a_damaged_truncated_or_outdated_cache_is_rebuilt_not_trusted() {
    let corpus = common::demo_copy();
    let cache = tempfile::tempdir().unwrap();
    let first = open(corpus.path(), Some(cache.path()));
    let path = cache_file(cache.path(), corpus.path());
    let good = std::fs::read(&path).unwrap();

    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x40;
    let damaged: [(&str, Vec<u8>); 4] = [
        ("flipped byte", flipped),
        ("truncated", good[..good.len() * 2 / 3].to_vec()),
        ("header only", good[..10].to_vec()),
        ("not a cache", b"hello".to_vec()),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&path, &bytes).unwrap();
        let reopened = open(corpus.path(), Some(cache.path()));
        let report = reopened.cache.clone().unwrap();
        assert!(
            matches!(report.problem, Some(CacheError::Corrupt(_))),
            "{what}: {report:?}"
        );
        assert_eq!(report.reused, 0, "{what}");
        same_extraction(&first, &reopened);
        // Rebuilt: intact again.
        assert!(
            CorpusCache::read(&path, extractor_version()).is_ok(),
            "{what}"
        );
    }
    // A cache written by another version of the extractor is not used either.
    let cached = CorpusCache::read(&path, extractor_version()).unwrap();
    cached.write(&path, extractor_version() ^ 1).unwrap();
    let report = open(corpus.path(), Some(cache.path())).cache.unwrap();
    assert_eq!(report.problem, Some(CacheError::Stale));
    assert_eq!(report.reused, 0);
}

#[test]
fn every_flipped_byte_of_a_small_cache_is_detected() {
    let corpus = one_article();
    let cache = tempfile::tempdir().unwrap();
    open(corpus.path(), Some(cache.path()));
    let good = std::fs::read(cache_file(cache.path(), corpus.path())).unwrap();
    let version = extractor_version();
    assert!(CorpusCache::decode(&good, version).is_ok());
    for i in 0..good.len() {
        let mut bad = good.clone();
        bad[i] ^= 0x01;
        assert!(
            CorpusCache::decode(&bad, version).is_err(),
            "byte {i} of {} flipped and not noticed",
            good.len()
        );
    }
}

#[test]
fn the_window_says_when_a_reopened_corpus_came_from_the_cache() {
    use egui_kittest::kittest::Queryable;
    let corpus = common::demo_copy();
    let cache = tempfile::tempdir().unwrap();
    let mut harness = common::harness(khabar::ui::Launch {
        folder: Some(corpus.path().to_owned()),
        cache_dir: Some(cache.path().to_owned()),
        ..Default::default()
    });
    assert!(harness.query_by_label("· from the cache").is_none());
    harness
        .state_mut()
        .command(khabar::ui::app::Command::Open(CorpusSource::Folder(
            corpus.path().to_owned(),
        )));
    harness.run_steps(2);
    common::wait_loaded(&mut harness);
    harness.get_by_label("· from the cache");
    harness.get_by_label("7 articles");
}

#[test]
fn khabar_extract_gives_the_same_json_with_and_without_the_cache() {
    let corpus = common::demo_copy();
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = |name: &str, extra: &[&str]| -> String {
        let path = out.path().join(name);
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_khabar"))
            .arg("extract")
            .arg(corpus.path())
            .arg("--out")
            .arg(&path)
            .args(extra)
            // The user's cache folder, here one of the test's own.
            .env("XDG_CACHE_HOME", home.path())
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::read_to_string(path).unwrap()
    };
    let first = run("first.json", &[]);
    let cached_files = std::fs::read_dir(home.path().join("khabar"))
        .unwrap()
        .count();
    assert_eq!(cached_files, 1, "the first run wrote the cache");
    let second = run("second.json", &[]);
    let fresh = run("fresh.json", &["--no-cache"]);
    assert_eq!(first, second);
    assert_eq!(first, fresh);
    assert!(first.contains("\"entities\""));
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_device_as_the_cache_is_refused_at_once_and_replaced() {
    let corpus = one_article();
    let cache = tempfile::tempdir().unwrap();
    let path = cache_file(cache.path(), corpus.path());
    let fifo = std::ffi::CString::new(path.clone().into_os_string().into_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    let read = path.clone();
    let refused = within_a_minute(move || CorpusCache::read(&read, extractor_version()));
    assert_eq!(
        refused.unwrap_err(),
        CacheError::NotRegular("a named pipe (FIFO)".into())
    );
    // The loader reports it and writes a real cache in its place (the pipe never opened).
    let (folder, dir) = (corpus.path().to_owned(), cache.path().to_owned());
    let opened = within_a_minute(move || open(&folder, Some(&dir)));
    assert_eq!(
        opened.cache.unwrap().problem,
        Some(CacheError::NotRegular("a named pipe (FIFO)".into()))
    );
    assert!(CorpusCache::read(&path, extractor_version()).is_ok());

    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
    let read = path.clone();
    let refused = within_a_minute(move || CorpusCache::read(&read, extractor_version()));
    assert_eq!(
        refused.unwrap_err(),
        CacheError::NotRegular("a character device".into())
    );
    // Written over, the link is replaced, not written through.
    CorpusCache::default()
        .write(&path, extractor_version())
        .unwrap();
    assert!(!path.symlink_metadata().unwrap().is_symlink());
    assert!(CorpusCache::read(&path, extractor_version()).is_ok());
}

#[test]
fn an_oversized_cache_is_refused_before_its_payload_is_read() {
    let corpus = one_article();
    let cache = tempfile::tempdir().unwrap();
    open(corpus.path(), Some(cache.path()));
    let path = cache_file(cache.path(), corpus.path());
    let good = std::fs::read(&path).unwrap();
    const SIZE: u64 = 2 << 30;

    // Grown to 2 GB (sparse: no disk used): the header no longer matches the size.
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(SIZE).unwrap();
    drop(file);
    let read = path.clone();
    let refused = within_a_minute(move || CorpusCache::read(&read, extractor_version()));
    assert_eq!(
        refused.unwrap_err(),
        CacheError::Corrupt("its size does not match its header".into())
    );

    // A header that claims the 2 GB: refused by the ceiling for this small folder.
    let mut header = good[..16].to_vec();
    header.extend_from_slice(&(SIZE - 32).to_le_bytes());
    header.extend_from_slice(&[0; 8]);
    std::fs::write(&path, &header).unwrap();
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(SIZE).unwrap();
    drop(file);
    let listing = khabar_core::corpus::list(&CorpusSource::Folder(corpus.path().into())).unwrap();
    let ceiling = size_ceiling(listing.total_bytes());
    assert!(ceiling < SIZE && ceiling as usize > good.len());
    let read = path.clone();
    let refused =
        within_a_minute(move || CorpusCache::read_bounded(&read, extractor_version(), ceiling));
    assert_eq!(
        refused.unwrap_err(),
        CacheError::TooLarge {
            size: SIZE,
            limit: ceiling
        }
    );
    // The real cache is within the ceiling.
    std::fs::write(&path, &good).unwrap();
    assert!(CorpusCache::read_bounded(&path, extractor_version(), ceiling).is_ok());
}

/// A corpus folder of one short article.
fn one_article() -> tempfile::TempDir {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("a.txt"),
        "عنوان قصير\n\nنص الخبر في باكو يوم 5 مايو 2020.\n",
    )
    .unwrap();
    corpus
}
