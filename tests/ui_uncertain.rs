//! Names found on little evidence, as a reviewer meets them: folded at the end of their kind's
//! list under "Uncertain (N)", one click away, and still working as filters.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use khabar::ui::{KhabarApp, Launch};
use khabar_core::extract::entities::Kind;

mod common;
use common::harness;

/// Whether an entity row naming `name` is drawn (rows are buttons labelled with the name and
/// their counts).
fn row_shown(harness: &Harness<'static, KhabarApp>, name: &str) -> bool {
    harness.query_all_by_label_contains(name).any(|n| {
        n.accesskit_node().role() == egui::accesskit::Role::Button
            && n.accesskit_node()
                .label()
                .unwrap_or_default()
                .contains("articles")
    })
}

#[test]
fn uncertain_names_are_folded_then_open_with_one_click_and_still_filter() {
    let mut harness = harness(Launch::default());
    // Show one kind, so that the only "Uncertain" group is that kind's.
    let index = harness.state().library.index.clone();
    let kind = [Kind::Person, Kind::Place, Kind::Org]
        .into_iter()
        .find(|k| {
            index
                .entities
                .iter()
                .any(|e| e.kind == *k && !e.is_certain())
                && index
                    .entities
                    .iter()
                    .any(|e| e.kind == *k && e.is_certain())
        })
        .expect("the demo corpus has sure and unsure names of one kind");
    for (other, label) in [
        (Kind::Person, "People"),
        (Kind::Place, "Places"),
        (Kind::Org, "Organisations"),
    ] {
        if other != kind {
            harness.get_by_label(label).click();
            harness.run_steps(2);
        }
    }
    let uncertain: Vec<_> = index
        .entities
        .iter()
        .filter(|e| e.kind == kind && !e.is_certain())
        .collect();
    let sure = index
        .entities
        .iter()
        .find(|e| e.kind == kind && e.is_certain())
        .unwrap();
    // An unsure name that no sure name contains (labels are matched by substring).
    let unsure = uncertain
        .iter()
        .find(|u| {
            !index
                .entities
                .iter()
                .any(|e| e.is_certain() && e.name.contains(u.name.as_str()))
        })
        .expect("an unsure name of its own");
    assert!(row_shown(&harness, &sure.name), "{} is listed", sure.name);
    assert!(
        !row_shown(&harness, &unsure.name),
        "{} is folded away",
        unsure.name
    );
    let header = format!("Uncertain ({})", uncertain.len());
    // The group is at the end of a long list: scrolled to, as a reader would.
    harness.get_by_label(&header).scroll_to_me();
    harness.run_steps(4);
    harness.get_by_label(&header).click();
    // Opening animates over a few frames.
    harness.run_steps(30);
    assert!(
        row_shown(&harness, &unsure.name),
        "{} is shown",
        unsure.name
    );
    // Hidden was never deleted: the unsure name filters the list like any other.
    let row = harness
        .get_all_by_label_contains(&unsure.name)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .unwrap()
        .accesskit_node()
        .label()
        .unwrap();
    harness.get_by_label(&row).scroll_to_me();
    harness.run_steps(4);
    harness.get_by_label(&row).click();
    harness.run_steps(3);
    let library = &harness.state().library;
    let expected: Vec<usize> = (0..library.entries.len())
        .filter(|&i| unsure.articles.contains(&library.entries[i]))
        .collect();
    let mut visible = harness.state().visible().to_vec();
    visible.sort_unstable();
    assert!(!expected.is_empty());
    assert_eq!(visible, expected);
}
