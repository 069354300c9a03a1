//! A folder of everything that goes wrong in real collections: nothing panics, good files
//! load (decoded right), and each bad one is listed with its reason.

use khabar_core::corpus::{Corpus, CorpusSource};
use khabar_core::error::SkipReason;
use khabar_core::loader::{LoadEvent, LoadJob};
use khabar_core::text::segment::Segmenter;
use std::path::Path;
use std::sync::Arc;

mod common;
use common::within_a_minute;

const ARABIC: &str = "رئيس الوزراء يزور باكو\n\nوصل رئيس الوزراء اليوم إلى العاصمة باكو في زيارة رسمية تستغرق يومين، يبحث خلالها العلاقات الثنائية.\n";

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend(if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

fn build(dir: &Path) {
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    let (cp1256, _, unmappable) = encoding_rs::WINDOWS_1256.encode(ARABIC);
    assert!(!unmappable);
    write("windows1256.txt", &cp1256);
    write("utf16le.txt", &utf16(ARABIC, true));
    write("utf16be.txt", &utf16(ARABIC, false));
    write(
        "utf8_bom.txt",
        &[b"\xEF\xBB\xBF".as_slice(), ARABIC.as_bytes()].concat(),
    );
    let mut broken = ARABIC.repeat(10).into_bytes();
    let middle = broken.len() / 2;
    let middle = (middle..)
        .find(|&i| ARABIC.repeat(10).is_char_boundary(i))
        .unwrap();
    broken.splice(middle..middle, [0xFF, 0xFE, 0xC3]);
    write("broken_utf8.txt", &broken);
    let random: Vec<u8> = (0..8192u64)
        .map(|i| (i.wrapping_mul(6_364_136_223_846_793_005).rotate_left(17) >> 56) as u8)
        .collect();
    write("random.txt", &random);
    write(
        "nul.txt",
        &[ARABIC.as_bytes(), b"\0\0\0", ARABIC.as_bytes()].concat(),
    );
    write("empty.txt", b"");
    let huge = "كلمة ".repeat(8 * 1024 * 1024 / "كلمة ".len());
    write("huge_single_line.txt", huge.as_bytes());
    write("nested/deeper/article.md", ARABIC.as_bytes());
    write("picture.jpg", b"\xFF\xD8\xFF\xE0 not really");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("..", dir.join("nested/loop")).unwrap();
        std::os::unix::fs::symlink("missing-target.txt", dir.join("dangling.txt")).unwrap();
    }
}

fn reason<'a>(corpus: &'a Corpus, file: &str) -> Option<&'a SkipReason> {
    corpus
        .skipped
        .iter()
        .find(|s| s.file == file)
        .map(|s| &s.reason)
}

#[test]
fn hostile_folder_loads_what_it_can_and_lists_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path());
    let corpus = Corpus::load(
        &CorpusSource::Folder(dir.path().into()),
        &Segmenter::default(),
    )
    .unwrap();
    let loaded = |file: &str| corpus.documents.iter().find(|d| d.file == file);

    for (file, encoding) in [
        ("windows1256.txt", "windows-1256"),
        ("utf16le.txt", "UTF-16LE"),
        ("utf16be.txt", "UTF-16BE"),
        ("utf8_bom.txt", "UTF-8"),
        ("nested/deeper/article.md", "UTF-8"),
    ] {
        let doc = loaded(file)
            .unwrap_or_else(|| panic!("{file} not loaded; skipped: {:?}", corpus.skipped));
        assert_eq!(doc.encoding, encoding, "{file}");
        assert_eq!(doc.text, ARABIC, "{file} decodes to the right Arabic");
        assert_eq!(
            doc.title(&doc.articles[0]),
            Some("رئيس الوزراء يزور باكو"),
            "{file}"
        );
    }

    let broken = loaded("broken_utf8.txt").expect("damaged UTF-8 still loads");
    assert!(broken.warning.as_deref().unwrap().contains("replaced"));

    let huge = loaded("huge_single_line.txt").expect("an 8 MiB line loads");
    assert!(huge.text.len() > 8_000_000);

    assert!(
        matches!(reason(&corpus, "random.txt"), Some(SkipReason::Binary(_))),
        "{:?}",
        reason(&corpus, "random.txt")
    );
    // A few NUL bytes in good text are replaced and reported, not a reason to skip it.
    let nul = loaded("nul.txt").expect("text with stray NULs loads");
    assert!(
        nul.warning.as_deref().unwrap().contains("NUL"),
        "{:?}",
        nul.warning
    );
    assert_eq!(reason(&corpus, "empty.txt"), Some(&SkipReason::Empty));
    assert!(matches!(
        reason(&corpus, "picture.jpg"),
        Some(SkipReason::NotText(_))
    ));
    #[cfg(unix)]
    {
        assert_eq!(
            reason(&corpus, "dangling.txt"),
            Some(&SkipReason::DanglingLink)
        );
        assert!(
            matches!(
                reason(&corpus, "nested/loop"),
                Some(SkipReason::SymlinkLoop(_))
            ),
            "{:?}",
            corpus.skipped
        );
    }
    // Every file is accounted for: loaded or skipped with a reason.
    let total = corpus.documents.len() + corpus.skipped.len();
    assert_eq!(
        total,
        if cfg!(unix) { 13 } else { 11 },
        "{:?}",
        corpus.skipped
    );
}

#[test]
fn background_loader_reports_the_same_files() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path());
    let blocking = Corpus::load(
        &CorpusSource::Folder(dir.path().into()),
        &Segmenter::default(),
    )
    .unwrap();
    let job = LoadJob::spawn(
        CorpusSource::Folder(dir.path().into()),
        Arc::new(Segmenter::default()),
        Arc::new(khabar_core::extract::entities::lexicon::Lexicon::default()),
        || {},
    );
    let (mut loaded, mut skipped) = (Vec::new(), Vec::new());
    while let Some(event) = job.recv() {
        match event {
            LoadEvent::Listed { skipped: s, .. } => skipped.extend(s.into_iter().map(|s| s.file)),
            LoadEvent::Loaded { document, .. } => loaded.push(document.file.clone()),
            LoadEvent::Skipped { skipped: s, .. } => skipped.push(s.file),
            LoadEvent::Finished { cancelled, .. } => {
                assert!(!cancelled);
                break;
            }
            LoadEvent::Failed(e) => panic!("{e}"),
            _ => {}
        }
    }
    loaded.sort();
    skipped.sort();
    assert_eq!(
        loaded,
        blocking
            .documents
            .iter()
            .map(|d| d.file.clone())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        skipped,
        blocking
            .skipped
            .iter()
            .map(|s| s.file.clone())
            .collect::<Vec<_>>()
    );
}

fn load_within_a_minute(dir: &Path) -> Corpus {
    let source = CorpusSource::Folder(dir.to_owned());
    within_a_minute(move || Corpus::load(&source, &Segmenter::default()).unwrap())
}

fn files(corpus: &Corpus) -> Vec<&str> {
    corpus.documents.iter().map(|d| d.file.as_str()).collect()
}

#[cfg(unix)]
#[test]
fn links_to_folders_outside_the_opened_folder_are_listed_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("article.txt"), ARABIC).unwrap();
    std::fs::write(elsewhere.path().join("outside.txt"), ARABIC).unwrap();
    std::os::unix::fs::symlink("/", dir.path().join("root")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("elsewhere")).unwrap();
    // A link to a file outside is fine: a folder of links to articles is legitimate.
    std::os::unix::fs::symlink(
        elsewhere.path().join("outside.txt"),
        dir.path().join("linked.txt"),
    )
    .unwrap();

    let corpus = load_within_a_minute(dir.path());
    assert_eq!(files(&corpus), ["article.txt", "linked.txt"]);
    assert_eq!(
        reason(&corpus, "root"),
        Some(&SkipReason::LinkOutside("/".into()))
    );
    let target = elsewhere.path().canonicalize().unwrap();
    assert_eq!(
        reason(&corpus, "elsewhere"),
        Some(&SkipReason::LinkOutside(target.display().to_string()))
    );
    assert_eq!(corpus.skipped.len(), 2, "{:?}", corpus.skipped);
}

#[cfg(unix)]
#[test]
fn a_fan_out_of_folder_links_lists_each_article_once() {
    // level00 … level15, each with an article and two links to the next level: following
    // every link would list the last level 2^15 times.
    const LEVELS: usize = 16;
    let dir = tempfile::tempdir().unwrap();
    let level = |i: usize| format!("level{i:02}");
    for i in 0..LEVELS {
        let folder = dir.path().join(level(i));
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("article.txt"), ARABIC).unwrap();
        if i + 1 < LEVELS {
            for link in ["a", "b"] {
                std::os::unix::fs::symlink(format!("../{}", level(i + 1)), folder.join(link))
                    .unwrap();
            }
        }
    }
    let corpus = load_within_a_minute(dir.path());
    let expected: Vec<String> = (0..LEVELS)
        .map(|i| format!("{}/article.txt", level(i)))
        .collect();
    // The count first: a failure lists tens of thousands of copies otherwise.
    assert_eq!(corpus.documents.len(), LEVELS, "each article once");
    assert_eq!(files(&corpus), expected);
    assert_eq!(corpus.skipped.len(), 2 * (LEVELS - 1));
    for i in 0..LEVELS - 1 {
        for link in ["a", "b"] {
            assert_eq!(
                reason(&corpus, &format!("{}/{link}", level(i))),
                Some(&SkipReason::AlreadyListed(level(i + 1)))
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_named_like_articles_are_listed_not_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), ARABIC).unwrap();
    let fifo = std::ffi::CString::new(
        dir.path()
            .join("fifo.txt")
            .into_os_string()
            .into_encoded_bytes(),
    )
    .unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("z.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/urandom", dir.path().join("u.txt")).unwrap();

    let corpus = load_within_a_minute(dir.path());
    assert_eq!(files(&corpus), ["good.txt"]);
    for (file, kind) in [
        ("fifo.txt", "a named pipe (FIFO)"),
        ("z.txt", "a character device"),
        ("u.txt", "a character device"),
    ] {
        assert_eq!(
            reason(&corpus, file),
            Some(&SkipReason::NotRegular(kind.into())),
            "{file}: {:?}",
            corpus.skipped
        );
    }
    assert_eq!(corpus.skipped.len(), 3);
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_are_distinct_articles_in_a_stable_order() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [(b"\xff.txt", "الأول"), (b"\xfe.txt", "الثاني")] {
        let path = dir.path().join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(path, format!("{text}\n\n{ARABIC}")).unwrap();
    }
    let first = load_within_a_minute(dir.path());
    let second = load_within_a_minute(dir.path());
    assert_eq!(files(&first), ["\u{FFFD}FE.txt", "\u{FFFD}FF.txt"]);
    assert_eq!(files(&first), files(&second));
    // Each id is its own file's: the texts did not swap or merge.
    for corpus in [&first, &second] {
        assert!(corpus.documents[0].text.starts_with("الثاني"));
        assert!(corpus.documents[1].text.starts_with("الأول"));
    }
    let listed = || {
        khabar_core::corpus::list(&CorpusSource::Folder(dir.path().into()))
            .unwrap()
            .candidates
            .into_iter()
            .map(|c| c.file)
            .collect::<Vec<_>>()
    };
    assert_eq!(listed(), listed());
}

#[test]
fn a_cancelled_walk_stops_at_once_with_what_it_found() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let dir = tempfile::tempdir().unwrap();
    for folder in 0..4 {
        let folder = dir.path().join(format!("f{folder}"));
        std::fs::create_dir(&folder).unwrap();
        for file in 0..300 {
            std::fs::write(folder.join(format!("{file:03}.txt")), "خبر").unwrap();
        }
    }
    let source = CorpusSource::Folder(dir.path().into());
    let (listing, reported) = within_a_minute(move || {
        let cancel = AtomicBool::new(false);
        let reported = AtomicUsize::new(0);
        // The reviewer presses Cancel as soon as the first count is shown.
        let found = |n: usize| {
            if !cancel.swap(true, Ordering::Relaxed) {
                reported.store(n, Ordering::Relaxed);
            }
        };
        let listing = khabar_core::corpus::list_cancellable(&source, &cancel, &found).unwrap();
        (listing, reported.into_inner())
    });
    assert!(listing.cancelled);
    assert!(reported > 0 && reported < 1200, "{reported}");
    // Not one more file after the cancel.
    assert_eq!(listing.candidates.len(), reported);

    // Not cancelled: everything, and the listing says so.
    let full = khabar_core::corpus::list(&CorpusSource::Folder(dir.path().into())).unwrap();
    assert!(!full.cancelled);
    assert_eq!(full.candidates.len(), 1200);
}
