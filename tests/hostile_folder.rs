//! A folder of everything that goes wrong in real collections: nothing panics, good files
//! load (decoded right), and each bad one is listed with its reason.

use khabar::core::corpus::{Corpus, CorpusSource};
use khabar::core::error::SkipReason;
use khabar::core::loader::{LoadEvent, LoadJob};
use khabar::core::segment::Segmenter;
use std::path::Path;
use std::sync::Arc;

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
    assert!(matches!(
        reason(&corpus, "nul.txt"),
        Some(SkipReason::Binary(_))
    ));
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
        Arc::new(khabar::core::lexicon::Lexicon::default()),
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
