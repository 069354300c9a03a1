//! A reviewer's day, driven through the window: search, review state and notes, keyboard.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use khabar::ui::app::Command;
use khabar::ui::i18n::Language;
use khabar::ui::{KhabarApp, Launch};
use khabar_core::query::timeline::Lane;
use khabar_core::review::curation::{Curation, ReviewState};
use khabar_core::review::sidecar::SIDECAR_NAME;
use khabar_core::text::normalize::fold;
use std::path::Path;

mod common;
use common::{demo_copy, harness};

fn type_text(harness: &mut Harness<'static, KhabarApp>, text: &str) {
    for c in text.chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.step();
    }
    harness.run_steps(2);
}

fn selected_file(harness: &Harness<'static, KhabarApp>) -> String {
    harness.state().selected.clone().unwrap().file
}

#[test]
fn search_typing_narrows_the_list_and_highlights_the_hit() {
    let mut harness = harness(Launch::default());
    harness.get_by_label("7 articles");
    // "/" puts the keyboard in the search box, as in a browser.
    harness.key_press(Key::Slash);
    harness.run_steps(2);
    type_text(&mut harness, "يريفان");
    let visible = harness.state().visible();
    assert!(
        !visible.is_empty() && visible.len() < 7,
        "{} articles",
        visible.len()
    );
    harness.get_by_label(&format!("{} of 7 articles", visible.len()));
    // The article read is one of the results, and its hits are the word searched for.
    let hits = harness.state().search_hits();
    assert!(!hits.is_empty());
    let (doc, _) = harness
        .state()
        .library
        .find(harness.state().selected.as_ref().unwrap())
        .unwrap();
    for hit in &hits {
        assert!(fold(&doc.text[hit.clone()]).contains("يريفان"), "{hit:?}");
    }
    // Next hit moves the reader's focus to it.
    harness.get_by_label("Next").click();
    harness.run_steps(3);
    assert_eq!(harness.state().reader.focus.as_ref(), Some(&hits[0]));
    // Esc clears the search and every filter.
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert!(harness.state().filters.search.is_empty());
    harness.get_by_label("7 articles");
}

#[test]
fn search_ignores_hamza_forms_and_finds_words_with_clitics() {
    let mut harness = harness(Launch::default());
    harness.key_press(Key::Slash);
    harness.run_steps(2);
    // Typed without hamza; the texts write أذربيجان, وأذربيجان, لأذربيجان …
    type_text(&mut harness, "اذربيجان");
    let with_plain = harness.state().visible().len();
    assert!(with_plain >= 5, "{with_plain}");
    // A quoted phrase is stricter than its words.
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    harness.key_press(Key::Slash);
    harness.run_steps(2);
    type_text(&mut harness, "\"حفظ السلام الروسية\"");
    let phrase = harness.state().visible().len();
    assert!(phrase >= 1 && phrase < with_plain, "{phrase}");
}

#[test]
fn review_keys_move_flag_and_survive_a_reopen() {
    let dir = demo_copy();
    let launch = || Launch {
        folder: Some(dir.path().to_owned()),
        ..Default::default()
    };
    let first;
    let second;
    {
        let mut harness = harness(launch());
        first = selected_file(&harness);
        harness.key_press(Key::J);
        harness.run_steps(3);
        second = selected_file(&harness);
        assert_ne!(first, second, "j moves to the next article");
        // Opening an article marks it read; f flags it.
        assert_eq!(
            harness.state().selected_review().unwrap().state,
            ReviewState::Read
        );
        harness.key_press(Key::F);
        harness.run_steps(3);
        assert_eq!(
            harness.state().selected_review().unwrap().state,
            ReviewState::Flagged
        );
        harness.key_press(Key::K);
        harness.run_steps(3);
        assert_eq!(selected_file(&harness), first, "k goes back");
        // The flagged filter shows the one flagged article.
        harness.get_by_label("Flagged").click();
        harness.run_steps(3);
        assert_eq!(harness.state().visible().len(), 1);
        assert_eq!(selected_file(&harness), second);
    }
    // The app is gone (its saver finished writing); the sidecar holds the state.
    let saved =
        Curation::parse(&std::fs::read_to_string(dir.path().join(SIDECAR_NAME)).unwrap()).unwrap();
    assert_eq!(saved.review(&second).state, ReviewState::Flagged);
    let harness = harness(launch());
    let review = harness.state().library.curation.review(&second);
    assert_eq!(review.state, ReviewState::Flagged);
}

#[test]
fn review_note_is_saved_as_typed() {
    let dir = demo_copy();
    let launch = || Launch {
        folder: Some(dir.path().to_owned()),
        ..Default::default()
    };
    let file;
    {
        let mut harness = harness(launch());
        file = selected_file(&harness);
        harness
            .get_by_role(egui::accesskit::Role::MultilineTextInput)
            .click();
        harness.run_steps(2);
        type_text(&mut harness, "تحقق من التاريخ، 2024");
        // Typing in the note does not trigger the reading keys.
        assert_eq!(selected_file(&harness), file);
    }
    let saved =
        Curation::parse(&std::fs::read_to_string(dir.path().join(SIDECAR_NAME)).unwrap()).unwrap();
    assert_eq!(saved.review(&file).note, "تحقق من التاريخ، 2024");
}

/// Waits until the background export has written `path`.
fn wait_for_file(harness: &mut Harness<'static, KhabarApp>, path: &Path) -> Vec<u8> {
    for _ in 0..300 {
        harness.step();
        if let Ok(bytes) = std::fs::read(path)
            && !bytes.is_empty()
        {
            return bytes;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("{} was not written", path.display());
}

/// A minimal RFC 4180 reader: rows of fields, quotes doubled inside quoted fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[test]
fn export_the_filtered_set_as_csv_json_and_html() {
    let dir = demo_copy();
    let out = tempfile::tempdir().unwrap();
    let mut harness = harness(Launch {
        folder: Some(dir.path().to_owned()),
        ..Default::default()
    });
    // Flag the article read, with a note that needs quoting, then narrow the list by search.
    let file = selected_file(&harness);
    harness.key_press(Key::F);
    harness.run_steps(2);
    harness.state_mut().note_draft = "مهم، \"راجع\"\nسطر ثان".into();
    harness
        .state_mut()
        .command(khabar::ui::app::Command::SetNote(
            "مهم، \"راجع\"\nسطر ثان".into(),
        ));
    harness.run_steps(2);
    harness.key_press(Key::Slash);
    harness.run_steps(2);
    type_text(&mut harness, "أذربيجان");
    let shown = harness.state().visible().len();
    assert!(shown > 1 && shown < 7, "{shown}");

    use khabar_core::review::export::Format;
    let csv_path = out.path().join("set.csv");
    harness
        .state_mut()
        .command(khabar::ui::app::Command::ExportTo(
            Format::Csv,
            csv_path.clone(),
        ));
    let bytes = wait_for_file(&mut harness, &csv_path);
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with('\u{feff}'), "BOM for spreadsheets");
    let rows = parse_csv(text.trim_start_matches('\u{feff}'));
    assert_eq!(rows[0][0], "file");
    assert_eq!(rows.len() - 1, shown, "one row per article shown");
    let flagged = rows
        .iter()
        .find(|r| r[0] == file)
        .expect("the flagged article is in the set");
    let review = rows[0].iter().position(|c| c == "review").unwrap();
    let note = rows[0].iter().position(|c| c == "note").unwrap();
    assert_eq!(flagged[review], "flagged");
    assert_eq!(flagged[note], "مهم، \"راجع\"\nسطر ثان");

    let json_path = out.path().join("set.json");
    harness
        .state_mut()
        .command(khabar::ui::app::Command::ExportTo(
            Format::Json,
            json_path.clone(),
        ));
    let json: serde_json::Value =
        serde_json::from_slice(&wait_for_file(&mut harness, &json_path)).unwrap();
    assert_eq!(json["khabar_extract_version"], 1);
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), shown);
    let entry = articles.iter().find(|a| a["id"] == file.as_str()).unwrap();
    assert_eq!(entry["review"], "flagged");
    assert!(entry["entities"].as_array().is_some_and(|e| !e.is_empty()));

    let html_path = out.path().join("set.html");
    harness
        .state_mut()
        .command(khabar::ui::app::Command::ExportTo(
            Format::Html,
            html_path.clone(),
        ));
    let html = String::from_utf8(wait_for_file(&mut harness, &html_path)).unwrap();
    assert!(html.contains("dir=\"rtl\""));
    assert!(
        html.contains("search: أذربيجان"),
        "the filters are described"
    );
    assert!(!html.contains("<script"));
    assert_eq!(html.matches("<h2").count(), shown);
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .message
            .as_deref()
            .is_some_and(|m| m.starts_with("Exported")),
        "{:?}",
        harness.state().message
    );
}

#[test]
fn persist_a_second_launch_restores_the_corpus_filters_and_article() {
    let dir = demo_copy();
    let saved = {
        let mut harness = harness(Launch {
            folder: Some(dir.path().to_owned()),
            ..Default::default()
        });
        harness.key_press(Key::Slash);
        harness.run_steps(2);
        type_text(&mut harness, "روسيا");
        harness.key_press(Key::Escape);
        // Esc clears; type again, then pick an entity and move down the list.
        harness.run_steps(2);
        harness.key_press(Key::Slash);
        harness.run_steps(2);
        type_text(&mut harness, "روسيا");
        // The entity mentioned in the most articles.
        let key = harness
            .state()
            .library
            .index
            .entities
            .iter()
            .max_by_key(|e| e.articles.len())
            .unwrap()
            .key
            .clone();
        harness
            .state_mut()
            .command(khabar::ui::app::Command::ToggleEntity(key));
        harness.run_steps(3);
        // Leave the search box so j moves in the list.
        harness
            .state_mut()
            .command(khabar::ui::app::Command::Step(1));
        harness.run_steps(3);
        let saved = harness.state().saved_state();
        assert!(!saved.filters.entities.is_empty() && !saved.filters.search.is_empty());
        assert!(saved.selected.is_some());
        // Through the same serde path eframe's storage uses.
        serde_json::from_str::<khabar::ui::app::Saved>(&serde_json::to_string(&saved).unwrap())
            .unwrap()
    };
    let visible_before = saved.clone();
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            KhabarApp::restore(cc, common::launch_with_own_cache(), Some(saved))
        });
    for _ in 0..500 {
        harness.step();
        if !harness.state().library.is_loading() && harness.state().library.search.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run_steps(4);
    let app = harness.state();
    assert_eq!(
        app.library.source,
        khabar_core::corpus::CorpusSource::Folder(dir.path().to_owned()),
        "the last corpus reopens"
    );
    assert_eq!(app.filters.entities, visible_before.filters.entities);
    assert_eq!(app.filters.search, visible_before.filters.search);
    assert_eq!(app.selected, visible_before.selected);
}

/// The accessible label of the first entity row (sidebar or "appears with") naming `name`.
fn entity_row(harness: &Harness<'static, KhabarApp>, name: &str) -> String {
    harness
        .get_all_by_label_contains(name)
        .find(|n| {
            n.accesskit_node().role() == egui::accesskit::Role::Button
                && n.accesskit_node()
                    .label()
                    .unwrap_or_default()
                    .contains("articles")
        })
        .and_then(|n| n.accesskit_node().label())
        .unwrap_or_else(|| panic!("no entity row for {name}"))
}

/// List entries mentioning an entity, computed from the index (not from the filter code).
fn entries_of(
    harness: &Harness<'static, KhabarApp>,
    key: &str,
) -> std::collections::BTreeSet<usize> {
    let library = &harness.state().library;
    let articles = &library.index.get(key).unwrap().articles;
    (0..library.entries.len())
        .filter(|&i| articles.contains(&library.entries[i]))
        .collect()
}

/// Finds an entity with the sidebar's name search, as a user would in a long list, and
/// clicks its row.
fn click_entity(harness: &mut Harness<'static, KhabarApp>, name: &str) {
    search_names(harness, name);
    let label = entity_row(harness, name);
    harness.get_by_label(&label).click();
    harness.run_steps(3);
}

/// Types into the sidebar's name search.
fn search_names(harness: &mut Harness<'static, KhabarApp>, name: &str) {
    if let Some(clear) = harness.query_by_label("×") {
        clear.click();
        harness.run_steps(2);
    }
    harness
        .get_by(|n| n.placeholder() == Some("Search names…"))
        .click();
    harness.run_steps(2);
    type_text(harness, name);
}

fn visible_set(harness: &Harness<'static, KhabarApp>) -> std::collections::BTreeSet<usize> {
    harness.state().visible().iter().copied().collect()
}

#[test]
fn filter_entities_combine_all_of_and_any_of_with_counts_and_appears_with() {
    let mut harness = harness(Launch::default());
    // Two entities that share some articles but not all: all-of and any-of then differ.
    let entities = harness.state().library.index.entities.clone();
    let (a, b) = entities
        .iter()
        .flat_map(|a| entities.iter().map(move |b| (a, b)))
        .find(|(a, b)| {
            let (x, y) = (entries_of(&harness, &a.key), entries_of(&harness, &b.key));
            let both = x.intersection(&y).count();
            a.key != b.key && both > 0 && both < x.len() && both < y.len()
        })
        .map(|(a, b)| (a.clone(), b.clone()))
        .expect("two entities sharing some articles");
    let (in_a, in_b) = (entries_of(&harness, &a.key), entries_of(&harness, &b.key));
    let both: std::collections::BTreeSet<usize> = in_a.intersection(&in_b).copied().collect();
    let either: std::collections::BTreeSet<usize> = in_a.union(&in_b).copied().collect();

    click_entity(&mut harness, &a.name);
    assert_eq!(visible_set(&harness), in_a);
    // The strip's coloured marks are those of the filtered articles, numbered like the list.
    let focus = harness
        .state()
        .strip_focus()
        .expect("the strip shows the filtered set");
    let marked: std::collections::BTreeSet<usize> = [Lane::Published, Lane::Mentioned]
        .into_iter()
        .flat_map(|lane| focus.marks(lane).iter().map(|m| m.article as usize))
        .collect();
    assert!(!marked.is_empty() && marked.is_subset(&in_a), "{marked:?}");
    let dated = in_a
        .iter()
        .filter(|&&i| {
            let (d, x) = harness.state().library.entries[i];
            let dates = harness.state().library.dates_of(d, x);
            dates.is_some_and(|x| x.published.is_some())
        })
        .count();
    assert_eq!(focus.marks(Lane::Published).len(), dated);
    let all_undated = harness.state().library.timeline.undated();
    harness.get_by_label(&format!("Undated: {} / {all_undated}", in_a.len() - dated));
    // Counts follow the filtered list: b's row says how many of a's articles mention it.
    search_names(&mut harness, &b.name);
    let row_b = entity_row(&harness, &b.name);
    assert!(
        row_b.contains(&format!("{} of the articles shown", both.len())),
        "{row_b}"
    );
    // "Appears with" ranks the co-occurring entities; its first row is one of the most frequent.
    harness.get_by_label("Appears with");
    let counts = harness
        .state()
        .entity_counts()
        .expect("counts of the filtered list");
    let a_pos = harness.state().library.index.position(&a.key).unwrap();
    let best = (0..counts.len())
        .filter(|&p| p != a_pos)
        .map(|p| counts[p])
        .max()
        .unwrap();
    assert!(best as usize >= both.len());

    click_entity(&mut harness, &b.name);
    assert_eq!(visible_set(&harness), both, "all of them");
    harness.get_by_label("any of them").click();
    harness.run_steps(3);
    assert_eq!(visible_set(&harness), either, "any of them");
    harness.get_by_label(&format!("{} of 7 articles", either.len()));
    // Removing a's chip leaves b alone.
    harness
        .get_by_label(&format!("\u{200E}{}  ×", a.name))
        .click();
    harness.run_steps(3);
    assert_eq!(visible_set(&harness), in_b);
}

#[test]
fn filter_kinds_limit_the_sidebar_and_the_list() {
    let mut harness = harness(Launch::default());
    harness.get_by_label("People").click();
    harness.run_steps(2);
    harness.get_by_label("Places").click();
    harness.run_steps(3);
    let library = &harness.state().library;
    let with_org: std::collections::BTreeSet<usize> = (0..library.entries.len())
        .filter(|&i| {
            library
                .entities_of(i)
                .iter()
                .any(|e| e.kind == khabar_core::extract::entities::Kind::Org)
        })
        .collect();
    assert!(!with_org.is_empty());
    assert_eq!(visible_set(&harness), with_org);
    assert!(
        harness.query_by_label_contains("People (").is_none(),
        "the people group is hidden"
    );
    // The last kind shown cannot be hidden: the list never empties by accident.
    harness.get_by_label("Organisations").click();
    harness.run_steps(3);
    assert_eq!(visible_set(&harness), with_org);
    harness
        .get_by_label("\u{200E}mentions organisations  ×")
        .click();
    harness.run_steps(3);
    assert!(harness.state().filters.kinds.is_empty());
    assert_eq!(harness.state().visible().len(), 7);
}

/// The left edge of the first node with this exact label.
fn left_of(harness: &Harness<'static, KhabarApp>, label: &str) -> f32 {
    harness.get_by_label(label).rect().min.x
}

/// The left edge of the first text field whose placeholder is `hint` (shown while empty).
fn field_left(harness: &Harness<'static, KhabarApp>, hint: &str) -> f32 {
    harness
        .get_by(|n| n.placeholder() == Some(hint))
        .rect()
        .min
        .x
}

#[test]
fn language_switch_mirrors_the_layout_and_shows_arabic_labels() {
    let mut harness = harness(Launch::default());
    // English: list at the left, entities at the right, buttons from left to right.
    let list = field_left(&harness, "Search articles…  (/)");
    let names = field_left(&harness, "Search names…");
    assert!(list < names, "list {list} left of names {names}");
    assert!(left_of(&harness, "Open folder…") < left_of(&harness, "Export…"));

    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("العربية").click();
    harness.run_steps(4);
    assert_eq!(harness.state().language, khabar::ui::i18n::Language::Arabic);
    // Arabic labels, numbers included, with the logical text for screen readers.
    harness.get_by_label("فتح مجلد…");
    harness.get_by_label("المقالات: 7");
    harness.get_by_label("الخط الزمني");
    harness.get_by_label_contains("بلا تاريخ: ");
    // Mirrored: the list is now at the right, the entities at the left, rows run leftwards.
    let list = field_left(&harness, "ابحث في المقالات…  (/)");
    let names = field_left(&harness, "ابحث في الأسماء…");
    assert!(list > names, "list {list} right of names {names}");
    assert!(left_of(&harness, "فتح مجلد…") > left_of(&harness, "تصدير…"));
    // Time runs right to left with the text.
    assert!(harness.state().time_rtl);

    // And back (the view menu stays open while its settings are tried).
    harness.get_by_label("English").click();
    harness.run_steps(4);
    harness.get_by_label("7 articles");
    let list = field_left(&harness, "Search articles…  (/)");
    let names = field_left(&harness, "Search names…");
    assert!(list < names);
}

#[test]
fn language_is_kept_between_launches_and_chosen_from_the_locale_at_first() {
    use khabar::ui::i18n::Language;
    // A first launch takes the system's language (here forced, as a launch can be).
    let harness = harness(Launch {
        language: Some(Language::Arabic),
        ..Default::default()
    });
    harness.get_by_label("المجموعة التجريبية");
    let saved = harness.state().saved_state();
    assert_eq!(saved.language, Some(Language::Arabic));
    // The next launch, without a language given, restores it with the mirrored layout.
    let mut again = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            KhabarApp::restore(cc, common::launch_with_own_cache(), Some(saved))
        });
    common::wait_loaded(&mut again);
    assert_eq!(again.state().language, Language::Arabic);
    again.get_by_label("تصدير…");
    assert!(left_of(&again, "فتح مجلد…") > left_of(&again, "تصدير…"));
    // Locale tags decide the first language.
    assert_eq!(Language::from_locale("ar_EG.UTF-8"), Language::Arabic);
    assert_eq!(Language::from_locale("en_GB.UTF-8"), Language::English);
}

#[test]
fn persist_text_size_and_theme_from_the_view_menu() {
    let mut harness = harness(Launch::default());
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Larger").click();
    harness.run_steps(3);
    assert!((harness.ctx.zoom_factor() - 1.1).abs() < 1e-3);
    harness.get_by_label("Dark").click();
    harness.run_steps(3);
    assert_eq!(
        harness.ctx.options(|o| o.theme_preference),
        egui::ThemePreference::Dark
    );
    assert!((harness.ctx.theme() == egui::Theme::Dark));
    harness.get_by_label("Light").click();
    harness.run_steps(3);
    assert!(!(harness.ctx.theme() == egui::Theme::Dark));
    let saved = harness.state().saved_state();
    assert_eq!(saved.theme, Some(egui::ThemePreference::Light));
    assert!((saved.zoom.unwrap() - 1.1).abs() < 1e-3);
    // A second launch applies them.
    let mut again = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            KhabarApp::restore(cc, common::launch_with_own_cache(), Some(saved))
        });
    common::wait_loaded(&mut again);
    assert!((again.ctx.zoom_factor() - 1.1).abs() < 1e-3);
    assert!(!(again.ctx.theme() == egui::Theme::Dark));
}

#[test]
fn help_opens_from_its_button_and_f1_in_both_languages() {
    let mut harness = harness(Launch::default());
    assert!(harness.query_by_label("The timeline").is_none());
    harness.get_by_label("? Help").click();
    harness.run_steps(3);
    assert!(harness.state().show_help);
    // Every section, with its text readable by screen readers (and by this test).
    for title in [
        "Opening articles",
        "Names as filters",
        "The timeline",
        "Keys",
    ] {
        harness.get_by_label(title);
    }
    harness.get_by_label_contains("Click a mark to open its article at the sentence");
    harness.get_by_label_contains("spellings of one name are merged");
    harness.get_by_label_contains("with or without hamza");
    // F1 closes it, and opens it again.
    harness.key_press(Key::F1);
    harness.run_steps(3);
    assert!(!harness.state().show_help);
    assert!(harness.query_by_label("The timeline").is_none());
    harness.key_press(Key::F1);
    harness.run_steps(3);
    assert!(harness.state().show_help);

    harness
        .state_mut()
        .command(Command::SetLanguage(Language::Arabic));
    harness.run_steps(4);
    harness.get_by_label("مساعدة");
    // The section's title beside the strip's own label.
    assert_eq!(harness.get_all_by_label("الخط الزمني").count(), 2);
    harness.get_by_label_contains("انقر علامة لفتح مقالها عند الجملة");
}

#[test]
fn launch_first_start_shows_the_demo_and_a_folder_given_wins_over_the_last_one() {
    use khabar::ui::app::Saved;
    use khabar_core::corpus::CorpusSource;
    let start = |launch: Launch, saved: Option<Saved>| {
        let mut harness = Harness::builder()
            .with_size([1280.0, 800.0])
            .build_eframe(move |cc| KhabarApp::restore(cc, launch, saved));
        harness.run_steps(3);
        harness.state().library.source.clone()
    };
    // First start: nothing saved, no folder given.
    assert_eq!(
        start(common::launch_with_own_cache(), None),
        CorpusSource::Demo
    );
    let last = demo_copy();
    let given = demo_copy();
    let saved = Saved {
        folder: Some(last.path().to_owned()),
        ..Saved::default()
    };
    // Later start: the last corpus.
    assert_eq!(
        start(common::launch_with_own_cache(), Some(saved.clone())),
        CorpusSource::Folder(last.path().to_owned())
    );
    // A folder on the command line (dropped on the icon, "Open with"): that folder.
    let launch = Launch {
        folder: Some(given.path().to_owned()),
        ..common::launch_with_own_cache()
    };
    assert_eq!(
        start(launch, Some(saved)),
        CorpusSource::Folder(given.path().to_owned())
    );
}
