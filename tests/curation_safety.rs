//! A reviewer's work is never lost: a corrections file that cannot be read is never written
//! over, a read-only folder's corrections are applied (changes go to the data folder), unknown
//! edits survive a save, special files never hang a load, and review state is saved for
//! whatever is shown even when loading was cancelled.

mod common;

use common::{demo_copy, harness, wait_loaded, within_a_minute};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use khabar::ui::{Command, KhabarApp, Launch};
use khabar_core::corpus::CorpusSource;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::loader::{LoadEvent, LoadJob, Places, Stage};
use khabar_core::review::curation::{Curation, Edit, ReviewState};
use khabar_core::review::sidecar::{SIDECAR_NAME, SidecarState};
use khabar_core::text::segment::Segmenter;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

fn launch(folder: &Path, data: &Path) -> Launch {
    Launch {
        folder: Some(folder.to_owned()),
        data_dir: Some(data.to_owned()),
        ..Default::default()
    }
}

/// Steps the window for about `ms` milliseconds of real time (the saver writes meanwhile).
fn idle(harness: &mut Harness<'static, KhabarApp>, ms: u64) {
    for _ in 0..ms / 20 {
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn sidecar_text(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(SIDECAR_NAME)).unwrap_or_default()
}

/// Waits for the background saver to write something that satisfies `done`.
fn wait_for_sidecar(
    harness: &mut Harness<'static, KhabarApp>,
    file: &Path,
    done: impl Fn(&str) -> bool,
) -> String {
    for _ in 0..300 {
        harness.step();
        let text = std::fs::read_to_string(file).unwrap_or_default();
        if done(&text) {
            return text;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{} never satisfied the test", file.display());
}

#[test]
fn a_damaged_sidecar_is_never_overwritten_and_the_window_says_so() {
    for damaged in [
        &b"{\"version\":1,\"edits\":[{\"op\":\"rename\",\"key\":\"p:x\",\"na"[..],
        b"\x00\x01garbage\xff",
        b"[\"not\", \"an object\"]",
    ] {
        let dir = demo_copy();
        let data = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SIDECAR_NAME), damaged).unwrap();
        let mut harness = harness(launch(dir.path(), data.path()));
        // The first article is open (and would be marked read): give the saver time.
        assert!(harness.state().selected_review().is_some());
        idle(&mut harness, 600);
        harness
            .state_mut()
            .command(Command::SetNote("ملاحظة".into()));
        idle(&mut harness, 600);
        assert_eq!(
            std::fs::read(dir.path().join(SIDECAR_NAME)).unwrap(),
            damaged,
            "kept byte for byte"
        );
        // The message names the problem and the copy, and stays.
        harness.get_by_label_contains("could not be read");
        let Some(SidecarState::Damaged {
            backup: Ok(copy), ..
        }) = harness
            .state()
            .library
            .sidecar
            .as_ref()
            .map(|s| s.state.clone())
        else {
            panic!("{:?}", harness.state().library.sidecar)
        };
        assert_eq!(std::fs::read(&copy).unwrap(), damaged);
        harness.get_by_label_contains(&copy.display().to_string());
        // The reviewer chooses to start afresh: this session's work is saved, the copy stays.
        harness
            .get_by_label("Start a new corrections file (the copy stays)")
            .click();
        let text = wait_for_sidecar(&mut harness, &dir.path().join(SIDECAR_NAME), |t| {
            t.contains("ملاحظة")
        });
        assert!(Curation::parse(&text).is_ok());
        assert_eq!(std::fs::read(&copy).unwrap(), damaged);
        harness.run_steps(2);
        assert!(
            harness
                .query_by_label_contains("could not be read")
                .is_none(),
            "{damaged:?}: {:?}",
            harness.state().library.sidecar.as_ref().map(|s| &s.state)
        );
    }
}

#[test]
fn keeping_a_damaged_sidecar_read_only_writes_nothing_all_session() {
    let dir = demo_copy();
    let data = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(SIDECAR_NAME), "{ truncated").unwrap();
    let mut harness = harness(launch(dir.path(), data.path()));
    harness
        .get_by_label("Leave it as it is (do not save changes)")
        .click();
    harness.run_steps(2);
    harness.get_by_label_contains("Changes are not being saved");
    harness.state_mut().command(Command::ToggleFlag);
    harness.state_mut().command(Command::Step(1));
    idle(&mut harness, 600);
    assert_eq!(sidecar_text(dir.path()), "{ truncated");
}

#[test]
fn unknown_edits_are_kept_and_the_known_ones_applied() {
    let dir = demo_copy();
    let data = tempfile::tempdir().unwrap();
    // A newer Khabar's edit kind between two edits this version knows.
    let original = r#"{"version": 1, "edits": [
        {"op": "pin", "key": "p:anything", "colour": "red"},
        {"op": "rename", "key": "KEY", "name": "اسم مصحح"}
    ]}"#;
    // The key of an entity the demo corpus has: load once without corrections.
    let key = {
        let harness = harness(launch(dir.path(), data.path()));
        let library = &harness.state().library;
        library.index.entities[0].key.clone()
    };
    std::fs::remove_file(dir.path().join(SIDECAR_NAME)).ok();
    std::fs::write(dir.path().join(SIDECAR_NAME), original.replace("KEY", &key)).unwrap();
    let mut harness = harness(launch(dir.path(), data.path()));
    let library = &harness.state().library;
    let renamed = library
        .index
        .entities
        .iter()
        .find(|e| e.key == key)
        .unwrap();
    assert_eq!(
        renamed.name, "اسم مصحح",
        "the known edit after the unknown one applies"
    );
    assert!(library.sidecar.as_ref().unwrap().may_write());
    harness.get_by_label_contains("kept but not applied");
    harness.state_mut().command(Command::SetNote("ن".into()));
    let text = wait_for_sidecar(&mut harness, &dir.path().join(SIDECAR_NAME), |t| {
        t.contains("\"ن\"")
    });
    let saved = Curation::parse(&text).unwrap();
    assert_eq!(saved.edits.len(), 2);
    assert!(matches!(&saved.edits[0], Edit::Unknown(v) if v["colour"] == "red"));
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_applies_its_corrections_and_saves_changes_in_the_data_folder() {
    use std::os::unix::fs::PermissionsExt;
    let dir = demo_copy();
    let data = tempfile::tempdir().unwrap();
    // Corrections made earlier, in the folder: one article flagged.
    let flagged = {
        let mut harness = harness(launch(dir.path(), data.path()));
        // The article the command flags is the selected one (not necessarily the list's
        // first: the list may still re-sort while names are found).
        let file = harness.state().selected.clone().map(|k| k.file);
        harness
            .state_mut()
            .command(Command::SetReviewState(ReviewState::Flagged));
        wait_for_sidecar(&mut harness, &dir.path().join(SIDECAR_NAME), |t| {
            t.contains("flagged")
        });
        file.unwrap()
    };
    let before = sidecar_text(dir.path());
    let read_only =
        |mode| std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    read_only(0o555);
    let result = std::panic::catch_unwind(|| {
        let mut harness = harness(launch(dir.path(), data.path()));
        assert_eq!(
            harness.state().library.curation.review(&flagged).state,
            ReviewState::Flagged,
            "the folder's own corrections are applied"
        );
        harness.get_by_label_contains("corrections saved in your data folder");
        harness.state_mut().command(Command::Step(1));
        harness.run_steps(2);
        harness
            .state_mut()
            .command(Command::SetNote("في مجلد البيانات".into()));
        let overlay = khabar_core::review::sidecar::overlay_file(
            data.path(),
            &CorpusSource::Folder(dir.path().into()),
        );
        wait_for_sidecar(&mut harness, &overlay, |t| t.contains("في مجلد البيانات"));
        drop(harness);
        // Reopened: the folder's corrections and the reviewer's, layered.
        let harness = common::harness(launch(dir.path(), data.path()));
        let curation = &harness.state().library.curation;
        assert_eq!(curation.review(&flagged).state, ReviewState::Flagged);
        assert!(
            curation
                .reviews
                .values()
                .any(|r| r.note == "في مجلد البيانات")
        );
    });
    read_only(0o755);
    result.unwrap();
    assert_eq!(
        sidecar_text(dir.path()),
        before,
        "the folder was not written"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_sidecar_does_not_hang_the_load_and_is_not_replaced() {
    let dir = demo_copy();
    let data = tempfile::tempdir().unwrap();
    let fifo = dir.path().join(SIDECAR_NAME);
    let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
    let folder = dir.path().to_owned();
    let data_dir = data.path().to_owned();
    // The old code blocked here for ever opening the FIFO.
    let state = within_a_minute(move || {
        let job = LoadJob::spawn_with(
            CorpusSource::Folder(folder),
            Arc::new(Segmenter::default()),
            Arc::new(Lexicon::default()),
            Places {
                data_dir: Some(data_dir),
                ..Places::default()
            },
            || {},
        );
        let mut state = None;
        while let Some(event) = job.recv() {
            match event {
                LoadEvent::Corrections(opened) => state = Some(opened.sidecar.state),
                LoadEvent::Finished { .. } => break,
                _ => {}
            }
        }
        state
    });
    assert!(
        matches!(&state, Some(SidecarState::Damaged { problem, .. }) if problem.contains("not a regular file")),
        "{state:?}"
    );
    let file_type = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&file_type),
        "still the FIFO"
    );
}

/// A folder big enough that finding names takes a while.
fn many_articles(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        std::fs::write(
            dir.path().join(format!("{i:05}.txt")),
            format!(
                "زيارة رقم {i}\n\nوصل الرئيس محمد عبد الله إلى القاهرة يوم الأحد {} مارس 2024 في زيارة رسمية التقى خلالها وزير الخارجية سامح شكري وبحث معه العلاقات الثنائية.\n",
                i % 28 + 1
            ),
        )
        .unwrap();
    }
    dir
}

#[test]
fn cancel_while_finding_names_stops_at_once_and_says_what_is_missing() {
    let dir = many_articles(3000);
    let job = LoadJob::spawn_with(
        CorpusSource::Folder(dir.path().into()),
        Arc::new(Segmenter::default()),
        Arc::new(Lexicon::default()),
        Places::default(),
        || {},
    );
    let mut corrections_first = None;
    let mut entities = false;
    let mut finished = None;
    while let Some(event) = job.recv() {
        match event {
            LoadEvent::Corrections(_) => {
                corrections_first.get_or_insert(true);
            }
            LoadEvent::Listed { .. } => {
                corrections_first.get_or_insert(false);
            }
            LoadEvent::Progress {
                stage: Stage::Names,
                ..
            } => job.cancel(),
            LoadEvent::Entities { .. } => entities = true,
            LoadEvent::Finished {
                cancelled, reached, ..
            } => {
                finished = Some((cancelled, reached));
                break;
            }
            _ => {}
        }
    }
    assert_eq!(
        corrections_first,
        Some(true),
        "corrections come before the files"
    );
    assert_eq!(finished, Some((true, Stage::Names)));
    assert!(!entities, "no names are delivered after Cancel");
}

#[test]
fn after_cancel_review_state_is_saved_and_filters_work() {
    let dir = many_articles(3000);
    let data = tempfile::tempdir().unwrap();
    let mut harness = Harness::builder().with_size([1280.0, 800.0]).build_eframe({
        let launch = Launch {
            language: Some(khabar::ui::i18n::Language::English),
            cache_dir: None,
            ..launch(dir.path(), data.path())
        };
        move |cc| KhabarApp::new(cc, launch)
    });
    // Cancel once names are being found (every file is read by then).
    for _ in 0..3000 {
        harness.step();
        if harness.state().library.progress.stage >= Stage::Names {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.get_by_label("Cancel").click();
    wait_loaded(&mut harness);
    let library = &harness.state().library;
    assert!(library.progress.is_partial(), "{:?}", library.progress);
    assert_eq!(library.article_count(), 3000);
    harness.get_by_label_contains("Partial: names, dates and search are missing");
    harness.get_by_label_contains("Names were not found");
    // Flag the article being read: saved, and the Flagged filter finds it.
    let key = harness.state().library.key_of(5).unwrap();
    harness.state_mut().command(Command::Select(key));
    harness.run_steps(2);
    harness.state_mut().command(Command::ToggleFlag);
    harness.run_steps(2);
    let file = harness.state().library.key_of(5).unwrap().file;
    let text = wait_for_sidecar(&mut harness, &dir.path().join(SIDECAR_NAME), |t| {
        t.contains("flagged")
    });
    assert_eq!(
        Curation::parse(&text).unwrap().review(&file).state,
        ReviewState::Flagged
    );
    harness
        .state_mut()
        .command(Command::SetReviewFilter(Some(ReviewState::Flagged)));
    harness.run_steps(3);
    assert_eq!(harness.state().visible().len(), 1);
}

/// Every entry of a folder with its bytes, to compare before and after.
fn snapshot(dir: &Path) -> Vec<(String, u64)> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
            (e.file_name().to_string_lossy().into_owned(), hash)
        })
        .collect();
    entries.sort();
    entries
}

#[test]
fn extract_never_writes_deletes_or_probes_in_the_corpus_folder() {
    for sidecar in [&b""[..], b"{ damaged", br#"{"version": 1, "edits": []}"#] {
        let dir = demo_copy();
        std::fs::write(dir.path().join(SIDECAR_NAME), sidecar).unwrap();
        let before = snapshot(dir.path());
        let out = tempfile::tempdir().unwrap();
        let done = khabar::cli::extract::run(dir.path(), Some(&out.path().join("out.json")), true);
        assert_eq!(done.map_err(|e| e.to_string()), Ok(()));
        assert_eq!(snapshot(dir.path()), before, "{sidecar:?}");
    }
}
