//! The timeline strip inside the window, driven like a user would on the demo corpus: brush a
//! range to narrow the list, zoom with the wheel, click a date to read its sentence.

use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, PointerButton, Pos2, TouchPhase};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use khabar::ui::timeline_strip::{BrushLane, DayMap};
use khabar::ui::{KhabarApp, Launch};
use khabar_core::extract::dates::calendar::days_from_civil;

mod common;

fn harness() -> Harness<'static, KhabarApp> {
    common::harness(Launch::default())
}

/// The plot rect of a lane and the app's current day ↔ x map for it.
fn lane(harness: &Harness<'static, KhabarApp>, label: &str) -> (egui::Rect, DayMap) {
    let rect = harness.get_by_label(label).rect();
    let app = harness.state();
    (rect, DayMap::new(&app.timeline_view, rect, app.time_rtl))
}

/// The x of the middle of a day.
fn x_of(map: &DayMap, y: i32, m: u32, d: u32) -> f32 {
    map.x(f64::from(days_from_civil(y, m, d)) + 0.5)
}

fn drag(harness: &mut Harness<'static, KhabarApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for step in 1..=6 {
        harness.hover_at(from + (to - from) * (step as f32 / 6.0));
        harness.step();
    }
    harness.drop_at(to);
    harness.run_steps(3);
}

fn click_at(harness: &mut Harness<'static, KhabarApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.step();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run_steps(4);
}

fn wheel(harness: &mut Harness<'static, KhabarApp>, at: Pos2, dy: f32) {
    harness.hover_at(at);
    harness.step();
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    harness.run_steps(30);
}

#[test]
fn dragging_on_the_publication_lane_filters_the_list() {
    let mut harness = harness();
    harness.get_by_label("7 articles");
    let (rect, map) = lane(&harness, "Publication lane");
    let y = rect.center().y;
    // Brush over 2024: 003 (stated 2024-08-18) and 001 (inferred 2024-06-05).
    drag(
        &mut harness,
        Pos2::new(x_of(&map, 2024, 1, 2), y),
        Pos2::new(x_of(&map, 2024, 12, 30), y),
    );
    let brush = harness.state().filters.dates.expect("a range is set");
    assert_eq!(brush.lane, BrushLane::Published);
    assert!((brush.from - days_from_civil(2024, 1, 2)).abs() <= 3);
    harness.get_by_label("2 of 7 articles");
    let visible: Vec<String> = harness
        .state()
        .visible()
        .iter()
        .map(|&i| harness.state().library.key_of(i).unwrap().file)
        .collect();
    assert!(visible.iter().any(|f| f.starts_with("001_")), "{visible:?}");
    assert!(visible.iter().any(|f| f.starts_with("003_")), "{visible:?}");
    // The reader follows the filtered list.
    let selected = harness.state().selected.clone().unwrap();
    assert!(visible.contains(&selected.file));

    harness.get_by_label("Clear range").click();
    harness.run_steps(3);
    assert_eq!(harness.state().filters.dates, None);
    harness.get_by_label("7 articles");
}

#[test]
fn filtering_by_mentioned_dates_and_the_undated_bucket() {
    let mut harness = harness();
    harness.get_by_label("Mentioned").click();
    harness.run_steps(2);
    assert_eq!(harness.state().brush_lane, BrushLane::Mentioned);
    let (rect, map) = lane(&harness, "Mentioned lane");
    let y = rect.center().y;
    // 1990–1992: only articles that recall 1991.
    drag(
        &mut harness,
        Pos2::new(x_of(&map, 1990, 6, 1), y),
        Pos2::new(x_of(&map, 1992, 6, 1), y),
    );
    let visible = harness.state().visible().to_vec();
    assert!(!visible.is_empty() && visible.len() < 7, "{visible:?}");
    for &i in &visible {
        let (d, a) = harness.state().library.entries[i];
        let dates = harness.state().library.dates_of(d, a).unwrap();
        assert!(
            dates.mentions.iter().any(|m| m.value.starts_with("1991")),
            "{:?}",
            dates.mentions
        );
    }
    // The undated bucket replaces the range.
    harness.get_by_label_contains("Undated: ").click();
    harness.run_steps(3);
    assert!(harness.state().filters.undated);
    assert_eq!(harness.state().filters.dates, None);
    let undated = harness.state().visible().to_vec();
    assert!(!undated.is_empty());
    for &i in &undated {
        let (d, a) = harness.state().library.entries[i];
        assert!(
            harness
                .state()
                .library
                .dates_of(d, a)
                .unwrap()
                .published
                .is_none()
        );
    }
}

#[test]
fn the_wheel_zooms_and_a_click_on_a_date_opens_its_sentence() {
    let mut harness = harness();
    let (rect, map) = lane(&harness, "Mentioned lane");
    let before = harness.state().timeline_view.clone();
    let target = Pos2::new(x_of(&map, 2020, 11, 9), rect.center().y);
    for _ in 0..8 {
        wheel(&mut harness, target, 120.0);
    }
    let after = harness.state().timeline_view.clone();
    let span = |v: &khabar::ui::timeline_strip::TimelineView| v.to - v.from;
    assert!(
        span(&after) < span(&before) / 10.0,
        "zoomed from {} to {} days",
        span(&before),
        span(&after)
    );
    let day = f64::from(days_from_civil(2020, 11, 9));
    assert!(
        after.from < day && day < after.to,
        "the pointed day stays in view"
    );

    // Click the mark of "9 نوفمبر 2020" (article 001).
    let (rect, map) = lane(&harness, "Mentioned lane");
    click_at(
        &mut harness,
        Pos2::new(x_of(&map, 2020, 11, 9), rect.center().y),
    );
    // Move away so the strip's tooltip (which quotes the sentence too) closes.
    harness.hover_at(Pos2::new(640.0, 40.0));
    harness.run_steps(3);
    let app = harness.state();
    let selected = app.selected.clone().expect("an article opens");
    assert!(selected.file.starts_with("001_"), "{selected:?}");
    let focus = app.reader.focus.clone().expect("a sentence is highlighted");
    let (doc, _) = app.library.find(&selected).unwrap();
    let sentence = &doc.text[focus];
    assert!(sentence.contains("9 نوفمبر 2020"), "{sentence}");
    assert!(!app.reader.scroll_to_focus, "the reader scrolled to it");
    // The paragraph holding it is inside the reader's visible area.
    let paragraph = harness.get_by_label_contains("في 9 نوفمبر 2020").rect();
    let strip_top = harness.get_by_label("Publication lane").rect().top();
    assert!(
        paragraph.top() >= 0.0 && paragraph.bottom() <= strip_top,
        "{paragraph:?} not above the strip at {strip_top}"
    );
}
