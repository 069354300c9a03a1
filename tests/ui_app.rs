//! The window driven like a user would: start, drop a folder, click an article, read.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use khabar::ui::{KhabarApp, Launch};
use khabar_core::corpus::CorpusSource;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod common;
use common::demo_copy;

/// A file dropped on the window, as the platform integration would hand it over.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn harness(launch: Launch) -> Harness<'static, KhabarApp> {
    // Tests read English labels unless they choose a language, whatever the machine's locale.
    // ... and keep corpus caches in a folder of the test's own, not the user's.
    let launch = Launch {
        language: launch
            .language
            .or(Some(khabar::ui::i18n::Language::English)),
        cache_dir: launch
            .cache_dir
            .or_else(|| Some(tempfile::tempdir().unwrap().keep())),
        ..launch
    };
    let mut harness = Harness::builder()
        .with_size([1200.0, 800.0])
        .build_eframe(move |cc| KhabarApp::new(cc, launch));
    wait_loaded(&mut harness);
    harness
}

/// Steps frames until the background load has finished.
fn wait_loaded(harness: &mut Harness<'static, KhabarApp>) {
    for _ in 0..500 {
        harness.step();
        if !harness.state().library.is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run_steps(3);
    assert!(!harness.state().library.is_loading(), "load did not finish");
}

/// Clicks an article's row in the list and lets the reader show it.
fn open_article(harness: &mut Harness<'static, KhabarApp>, title: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, title)
        .click();
    harness.run_steps(4);
}

#[test]
fn app_starts_on_the_demo_corpus() {
    let harness = harness(Launch::default());
    assert_eq!(harness.state().library.source, CorpusSource::Demo);
    assert_eq!(harness.state().library.article_count(), 7);
    harness.get_by_label("7 articles");
    harness.get_by_role_and_label(
        egui::accesskit::Role::Button,
        "الرئيس الروسي يصل إلى أذربيجان",
    );
    harness.get_by_label("0 skipped");
}

#[test]
fn clicking_an_article_shows_it_in_the_reader() {
    let mut harness = harness(Launch::default());
    open_article(&mut harness, "الرئيس الروسي يصل إلى أذربيجان");
    let key = harness.state().selected.clone().unwrap();
    assert!(key.file.starts_with("003_"));
    harness.get_by_label_contains("وصل الرئيس الروسي فلاديمير بوتين، اليوم الأحد");
    // Chrome is collapsed: the masthead names are not shown until expanded.
    assert!(harness.query_by_label("طــــه فرغــــلي").is_none());
    harness
        .get_all_by_label_contains("Site chrome (")
        .next()
        .unwrap()
        .click();
    harness.run_steps(3);
    harness.get_by_label("طــــه فرغــــلي");
}

#[test]
fn dropping_a_folder_loads_it_and_lists_skipped_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "الحكومة تعلن خطة جديدة للنقل\n\nأعلنت الحكومة اليوم خطة جديدة لتطوير النقل العام في المدن الكبرى خلال العامين المقبلين.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let mut harness = harness(Launch::default());
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(dir.path().to_owned())));
    harness.step();
    wait_loaded(&mut harness);
    assert_eq!(
        harness.state().library.source,
        CorpusSource::Folder(dir.path().to_owned())
    );
    assert_eq!(harness.state().library.article_count(), 1);
    harness.get_by_role_and_label(
        egui::accesskit::Role::Button,
        "الحكومة تعلن خطة جديدة للنقل",
    );
    harness.get_by_label("1 skipped").click();
    harness.run_steps(3);
    harness.get_by_label("empty.txt");
    harness.get_by_label("empty file");
}

#[test]
fn command_line_folder_opens_that_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x.txt"),
        "عنوان الخبر الأول\n\nنص الخبر الأول هنا في جملة كاملة تنتهي بنقطة.\n",
    )
    .unwrap();
    let harness = harness(Launch {
        folder: Some(dir.path().to_owned()),
        ..Default::default()
    });
    assert_eq!(harness.state().library.article_count(), 1);
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "عنوان الخبر الأول");
    let name = dir
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    assert_eq!(harness.state().library.source.display_name(), name);
}

/// Snapshot of the reader on a line mixing Arabic, both digit sets and Latin. Needs a
/// software Vulkan adapter (Mesa lavapipe): `.ci/run` installs it and enables the feature.
#[cfg(feature = "gpu-snapshots")]
#[test]
fn reader_snapshot_with_mixed_text() {
    mixed_text_snapshot(khabar::ui::i18n::Language::English, "reader_mixed_text");
}

/// The same window in the Arabic interface: mirrored panels, Arabic labels with numbers.
#[cfg(feature = "gpu-snapshots")]
#[test]
fn reader_snapshot_with_mixed_text_in_the_arabic_interface() {
    mixed_text_snapshot(
        khabar::ui::i18n::Language::Arabic,
        "reader_mixed_text_arabic",
    );
}

#[cfg(feature = "gpu-snapshots")]
fn mixed_text_snapshot(language: khabar::ui::i18n::Language, name: &str) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mixed.txt"),
        "قال أوبراين على منصة X إن عام 2020 في باكو (٢٠٢٠)\n\n\
         وقال المتحدث في 18-8-2024 إن نحو 1,960 جنديًا غادروا، أي 3.5% من القوات، وفق وكالة (APA) للأنباء.\n\n\
         وأضاف: \"The peace process is irreversible\" في تصريح لقناة «الجزيرة» يوم ٢٠٢٤/٥/١٤.\n\n\
         18-8-2024 | 22:14\n\n\
         صدر العدد ٢٠٢٤ من المجلة في عام 2024 بعنوان «الشَّرْقُ الأَوْسَطُ» وتَـطْـوِيـل الحروف.\n",
    )
    .unwrap();
    let mut harness = Harness::builder()
        .with_size([1280.0, 600.0])
        .wgpu()
        .build_eframe({
            let folder = dir.path().to_owned();
            move |cc| {
                KhabarApp::new(
                    cc,
                    Launch {
                        folder: Some(folder),
                        language: Some(language),
                        cache_dir: Some(tempfile::tempdir().unwrap().keep()),
                        data_dir: Some(tempfile::tempdir().unwrap().keep()),
                    },
                )
            }
        });
    wait_loaded(&mut harness);
    // The load time in the status bar varies from run to run.
    harness.state_mut().library.progress.elapsed = Some(std::time::Duration::ZERO);
    harness.run_steps(4);
    harness.snapshot(name);
}

#[test]
fn reader_paragraph_labels_are_logical_text() {
    let harness = harness(Launch::default());
    // The first article (000) is selected at start; its paragraph is exposed in logical order.
    let node = harness.get_by_label_contains("خريف 2020 الذي استعادت فيه أذربيجان");
    let label = node.accesskit_node().value().unwrap_or_default();
    assert!(
        label.starts_with("تم نشر فرقة حفظ السلام الروسية"),
        "{label}"
    );
}

#[test]
fn dragging_over_text_and_copying_gives_the_logical_text() {
    let mut harness = harness(Launch::default());
    open_article(&mut harness, "الرئيس الروسي يصل إلى أذربيجان");
    let paragraph =
        "وصل الرئيس الروسي فلاديمير بوتين، اليوم الأحد، إلى العاصمة الأذرية باكو في زيارة دولة.";
    let rect = harness.get_by_label(paragraph).rect();
    // An RTL paragraph starts at its right edge: drag from there (clear of the scroll bar,
    // inside the first word) to its middle.
    // The first row (the paragraph may wrap).
    let y = rect.top() + 12.0;
    let start = egui::pos2(rect.right() - 14.0, y);
    let middle = egui::pos2(rect.center().x, y);
    harness.hover_at(start);
    harness.step();
    harness.drag_at(start);
    harness.step();
    for step in 1..=5 {
        harness.hover_at(start + (middle - start) * (step as f32 / 5.0));
        harness.step();
    }
    harness.drop_at(middle);
    harness.step();
    harness.event(egui::Event::Copy);
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(copied.len(), 1, "{copied:?}");
    let text = &copied[0];
    // A piece of the paragraph, in logical (reading) order, from inside its first word.
    let at = paragraph
        .find(text.as_str())
        .unwrap_or_else(|| panic!("not a logical substring: {text}"));
    assert!(at < "وصل".len(), "starts in the first word: {text}");
    assert!(text.contains("الرئيس الروسي فلاديمير"), "{text}");
    assert!(text.len() < paragraph.len(), "{text}");
}

#[test]
fn typing_a_path_opens_that_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("typed.txt"),
        "خبر من مسار مكتوب\n\nهذا نص الخبر الذي فُتح بكتابة المسار في الحقل.\n",
    )
    .unwrap();
    let mut harness = harness(Launch::default());
    harness.get_by_label("Type a path…").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Folder path:")
        .focus();
    harness.step();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Folder path:")
        .type_text(&dir.path().display().to_string());
    harness.step();
    harness.get_by_label("Open").click();
    harness.step();
    wait_loaded(&mut harness);
    assert_eq!(
        harness.state().library.source,
        CorpusSource::Folder(dir.path().to_owned())
    );
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "خبر من مسار مكتوب");
}

#[test]
fn clicking_an_entity_filters_the_list_and_highlights_mentions() {
    let mut harness = harness(Launch::default());
    assert!(
        !harness.state().library.index.entities.is_empty(),
        "entities were found"
    );
    // Kittest finds the sidebar row by its accessible label: name and counts.
    let row = harness
        .get_all_by_label_contains("باشينيان")
        .find(|n| {
            n.accesskit_node().role() == egui::accesskit::Role::Button
                && n.accesskit_node()
                    .label()
                    .unwrap_or_default()
                    .contains("articles,")
        })
        .map(|n| n.accesskit_node().label().unwrap_or_default());
    let row = row.expect("a sidebar row for Pashinyan");
    harness.get_by_label(&row).click();
    harness.run_steps(3);
    let key = harness
        .state()
        .filters
        .entities
        .first()
        .cloned()
        .expect("filter set");
    let visible = harness.state().library.visible_entries(Some(&key));
    let summary = harness.state().library.index.get(&key).unwrap().clone();
    assert_eq!(visible.len(), summary.articles.len());
    assert!(
        visible.len() < harness.state().library.article_count(),
        "the list is narrowed"
    );
    harness.get_by_label(&format!("{} of 7 articles", visible.len()));
    // The article being read is one of the filtered list.
    let shown = harness
        .state()
        .library
        .index_of(harness.state().selected.as_ref().unwrap())
        .unwrap();
    assert!(visible.contains(&shown));
    // The article shown in the reader mentions the entity; its mentions are marked.
    open_article(&mut harness, "الرئيس الروسي يصل إلى أذربيجان");
    let i = harness
        .state()
        .library
        .index_of(harness.state().selected.as_ref().unwrap())
        .unwrap();
    assert!(
        harness
            .state()
            .library
            .entities_of(i)
            .iter()
            .any(|e| e.key == key && !e.mentions.is_empty())
    );
    // Clicking the filter chip clears it.
    harness
        .get_by_label(&format!("\u{200E}{}  ×", summary.name))
        .click();
    harness.run_steps(3);
    assert!(harness.state().filters.entities.is_empty());
}

fn sidebar_row(harness: &Harness<'static, KhabarApp>, name: &str) -> Option<String> {
    harness
        .query_all_by_label_contains(name)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .find(|label| label.starts_with(&format!("{name} (")) && label.contains("articles,"))
}

#[test]
fn curation_hides_an_entity_saves_it_and_undo_brings_it_back() {
    let dir = demo_copy();
    let launch = || Launch {
        folder: Some(dir.path().to_owned()),
        ..Default::default()
    };
    let mut harness = harness(launch());
    // Search narrows the sidebar (hamza- and case-insensitive), bringing the row into view.
    // The names search is the text field in the right-hand sidebar.
    fn names_search<'h>(harness: &'h Harness<'static, KhabarApp>) -> egui_kittest::Node<'h> {
        harness
            .query_all_by_role(egui::accesskit::Role::TextInput)
            .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
            .unwrap()
    }
    names_search(&harness).focus();
    harness.step();
    names_search(&harness).type_text("باكو");
    harness.run_steps(2);
    let row = sidebar_row(&harness, "باكو").expect("Baku is listed");
    harness.get_by_label(&row).click_secondary();
    harness.run_steps(2);
    harness.get_by_label("Hide (not an entity)").click();
    harness.run_steps(2);
    assert!(sidebar_row(&harness, "باكو").is_none(), "hidden");
    // The sidecar is written in the corpus folder, in the background.
    let sidecar = dir.path().join(khabar_core::review::sidecar::SIDECAR_NAME);
    // (Opening an article already wrote it once, marking it read: wait for the hide.)
    let mut saved = String::new();
    for _ in 0..300 {
        saved = std::fs::read_to_string(&sidecar).unwrap_or_default();
        if saved.contains("\"hide\"") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(saved.contains("\"hide\""), "{saved}");
    drop(harness);

    // Reopening applies the correction; Undo takes it back.
    let mut harness = self::harness(launch());
    assert!(
        sidebar_row(&harness, "باكو").is_none(),
        "still hidden after reopening"
    );
    harness.get_by_label("Undo").click();
    harness.run_steps(2);
    assert!(sidebar_row(&harness, "باكو").is_some(), "back after undo");
}
