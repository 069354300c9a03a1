//! Articles added to or changed in the open folder appear while the app is open, without
//! losing the reviewer's place.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use khabar::ui::{KhabarApp, Launch};
use std::time::{Duration, Instant};

mod common;

/// Steps frames (in real time: the watcher and the reload run on threads) until `done`.
fn wait_for(harness: &mut Harness<'static, KhabarApp>, done: impl Fn(&KhabarApp) -> bool) {
    let start = Instant::now();
    while !done(harness.state()) {
        assert!(start.elapsed() < Duration::from_secs(20), "timed out");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    harness.run_steps(3);
}

#[test]
fn files_added_and_changed_in_the_open_folder_appear_and_the_article_read_stays() {
    let corpus = common::demo_copy();
    let mut harness = common::harness(Launch {
        folder: Some(corpus.path().to_owned()),
        ..Default::default()
    });
    harness.get_by_label("7 articles");
    // A search typed and the last of its results read: both survive the refresh.
    harness.state_mut().filters.search = "يريفان".into();
    harness.run_steps(3);
    let filtered = harness.state().visible().len();
    assert!(filtered < 7, "the search narrows the list");
    let last = *harness.state().visible().last().unwrap();
    let third = harness.state().library.key_of(last).unwrap();
    harness
        .state_mut()
        .command(khabar::ui::app::Command::Select(third.clone()));
    harness.run_steps(3);

    std::fs::write(
        corpus.path().join("zz_added.txt"),
        "روسيا تعلن موقفًا جديدًا\n\nقالت موسكو يوم 2 فبراير 2023 إن روسيا لن تغيّر موقفها من يريفان.\n",
    )
    .unwrap();
    wait_for(&mut harness, |app| app.library.article_count() == 8);
    harness.get_by_label(&format!("{} of 8 articles", filtered + 1));
    assert_eq!(harness.state().selected.as_ref(), Some(&third));
    assert_eq!(harness.state().filters.search, "يريفان");
    harness.get_by_label("روسيا تعلن موقفًا جديدًا");

    // An edited headline shows too.
    let path = corpus.path().join("zz_added.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("موقفًا جديدًا", "موقفًا آخر")).unwrap();
    wait_for(&mut harness, |app| {
        app.library
            .documents
            .iter()
            .any(|d| d.text.contains("موقفًا آخر"))
    });
    harness.get_by_label("روسيا تعلن موقفًا آخر");
    assert!(harness.query_by_label("روسيا تعلن موقفًا جديدًا").is_none());
}
