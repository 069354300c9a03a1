//! Helpers shared by the window tests: an app on a corpus, loaded, and a corpus folder of the
//! test's own.

#![allow(dead_code)] // each test file uses a part of these

use egui_kittest::Harness;
use khabar::ui::{KhabarApp, Launch};
use std::path::Path;

/// The window at 1280×800 on `launch`, stepped until loading has finished.
pub fn harness(launch: Launch) -> Harness<'static, KhabarApp> {
    // Tests read English labels unless they choose a language, whatever the machine's locale.
    // ... and keep corpus caches in a folder of the test's own, not the user's.
    let launch = Launch {
        language: launch
            .language
            .or(Some(khabar::ui::i18n::Language::English)),
        cache_dir: launch
            .cache_dir
            .or_else(|| Some(tempfile::tempdir().unwrap().keep())),
        // ... and corrections of read-only folders and of the demo likewise.
        data_dir: launch
            .data_dir
            .or_else(|| Some(tempfile::tempdir().unwrap().keep())),
        ..launch
    };
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| KhabarApp::new(cc, launch));
    wait_loaded(&mut harness);
    harness
}

/// Steps frames until the background load (and the corpus-wide pass) has finished.
pub fn wait_loaded(harness: &mut Harness<'static, KhabarApp>) {
    for _ in 0..500 {
        harness.step();
        if !harness.state().library.is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run_steps(4);
    assert!(!harness.state().library.is_loading(), "load did not finish");
}

/// A copy of the demo articles in a folder of the test's own (the sidecar is written inside).
pub fn demo_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo")).unwrap()
    {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// `Launch::default()` (demo corpus, language from saved state or system) with corpus caches
/// in a folder of the test's own.
pub fn launch_with_own_cache() -> Launch {
    Launch {
        cache_dir: Some(tempfile::tempdir().unwrap().keep()),
        ..Default::default()
    }
}

// The hang guard is the core tests' own, shared rather than written twice.
#[path = "../../crates/khabar-core/tests/common/mod.rs"]
mod core_common;
#[allow(unused_imports)] // not every test file uses it
pub use core_common::within_a_minute;
