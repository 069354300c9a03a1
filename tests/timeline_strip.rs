//! The timeline strip on its own, driven like a user would: brush, click, wheel, drag, fit.

use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, PointerButton, Pos2, TouchPhase};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use khabar::ui::fonts;
use khabar::ui::timeline_strip::{
    Brush, BrushLane, DayMap, StripEvent, StripInput, StripLabels, TimelineView, density_bars,
    lane_colors, timeline_strip_ui,
};
use khabar_core::extract::dates::calendar::days_from_civil;
use khabar_core::query::timeline::{Lane, Mark, Timeline};

struct State {
    timeline: Timeline,
    view: TimelineView,
    brush: Option<Brush>,
    brush_lane: BrushLane,
    rtl: bool,
    labels: StripLabels,
    /// The filtered articles' timeline, as the app would pass it.
    focus: Option<Timeline>,
    events: Vec<StripEvent>,
}

impl State {
    fn new(timeline: Timeline) -> State {
        State {
            timeline,
            view: TimelineView::default(),
            brush: None,
            brush_lane: BrushLane::Published,
            rtl: false,
            labels: StripLabels::default(),
            focus: None,
            events: Vec::new(),
        }
    }
}

fn day(y: i32, m: u32, d: u32) -> i32 {
    days_from_civil(y, m, d)
}

fn mark(lane: Lane, start: i32, end: i32, article: u32, mention: u32) -> Mark {
    Mark {
        lane,
        start,
        end,
        article,
        mention,
    }
}

fn harness(state: State) -> Harness<'static, State> {
    Harness::builder()
        .with_size([1000.0, 220.0])
        .with_context_setup(fonts::install)
        .build_ui_state(
            |ui, state: &mut State| {
                let State {
                    timeline,
                    view,
                    brush,
                    brush_lane,
                    rtl,
                    labels,
                    focus,
                    events,
                } = state;
                let describe = |m: &Mark| {
                    (
                        format!("عنوان الخبر {}", m.article),
                        format!("جملة التاريخ {}", m.mention),
                    )
                };
                let input = StripInput {
                    timeline,
                    brush: *brush,
                    brush_lane: *brush_lane,
                    focus: focus.as_ref(),
                    describe: &describe,
                    rtl: *rtl,
                    labels,
                };
                let new = timeline_strip_ui(ui, view, &input);
                // Apply them as the app would.
                for event in &new {
                    match event {
                        StripEvent::Brushed(b) => *brush = *b,
                        StripEvent::SetBrushLane(lane) => *brush_lane = *lane,
                        _ => {}
                    }
                }
                events.extend(new);
            },
            state,
        )
}

/// A year of publications (one every 3 days) and some mentioned dates.
fn sample() -> Timeline {
    let start = day(2020, 1, 1);
    let mut marks = Vec::new();
    for i in 0..122 {
        marks.push(mark(
            Lane::Published,
            start + i * 3,
            start + i * 3,
            i as u32,
            Mark::PUBLICATION,
        ));
        marks.push(mark(
            Lane::Mentioned,
            start + i * 3 - 40,
            start + i * 3 - 40,
            i as u32,
            0,
        ));
    }
    Timeline::new(marks, 3)
}

/// The rect of a lane (its plot area) and the day map the strip uses for it.
fn lane_map(harness: &Harness<'static, State>, label: &str) -> (egui::Rect, DayMap) {
    let rect = harness.get_by_label(label).rect();
    let state = harness.state();
    (rect, DayMap::new(&state.view, rect, state.rtl))
}

fn take_events(harness: &mut Harness<'static, State>) -> Vec<StripEvent> {
    std::mem::take(&mut harness.state_mut().events)
}

/// Presses and releases the primary button at `pos` without moving.
fn click_at(harness: &mut Harness<'static, State>, pos: Pos2) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.step();
    harness.run_steps(2);
}

/// Drags from `from` to `to` in a few moves.
fn drag(harness: &mut Harness<'static, State>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for step in 1..=6 {
        harness.hover_at(from + (to - from) * (step as f32 / 6.0));
        harness.step();
    }
    harness.drop_at(to);
    harness.step();
    harness.run_steps(2);
}

fn wheel(harness: &mut Harness<'static, State>, at: Pos2, delta: egui::Vec2) {
    harness.hover_at(at);
    harness.step();
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta,
        phase: TouchPhase::Move,
        source: MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    harness.run_steps(60);
}

#[test]
fn first_frame_fits_the_extent_and_shows_the_controls() {
    let harness = harness(State::new(sample()));
    let state = harness.state();
    let (a, b) = state.timeline.extent().unwrap();
    assert!(state.view.fitted);
    let span = f64::from(b + 1 - a);
    assert!((state.view.from - (f64::from(a) - span * 0.03)).abs() < 1e-6);
    assert!((state.view.to - (f64::from(b + 1) + span * 0.03)).abs() < 1e-6);
    harness.get_by_label("Publication lane");
    harness.get_by_label("Mentioned lane");
    harness.get_by_label("Timeline axis");
    harness.get_by_label("Fit all");
    harness.get_by_label("Undated: 3");
    assert!(harness.query_by_label("Clear range").is_none());
}

#[test]
fn dragging_across_a_lane_brushes_the_dragged_days() {
    let mut harness = harness(State::new(sample()));
    let (rect, map) = lane_map(&harness, "Publication lane");
    let y = rect.center().y;
    let (x1, x2) = (rect.left() + 200.0, rect.left() + 520.0);
    drag(&mut harness, Pos2::new(x1, y), Pos2::new(x2, y));
    let events = take_events(&mut harness);
    let brush = events
        .iter()
        .find_map(|e| match e {
            StripEvent::Brushed(Some(b)) => Some(*b),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no brush in {events:?}"));
    let (d1, d2) = (map.day(x1).floor() as i32, map.day(x2).floor() as i32);
    assert!((brush.from - d1).abs() <= 2, "{brush:?} vs {d1}");
    assert!((brush.to - d2).abs() <= 2, "{brush:?} vs {d2}");
    assert_eq!(brush.lane, BrushLane::Published);
    // The brush is active: "Clear range" shows and clears it.
    harness.get_by_label("Clear range").click();
    harness.run_steps(2);
    assert_eq!(take_events(&mut harness), vec![StripEvent::Brushed(None)]);
    assert_eq!(harness.state().brush, None);
}

#[test]
fn a_click_on_empty_lane_space_clears_the_brush() {
    let mut state = State::new(sample());
    state.brush = Some(Brush {
        from: day(2020, 3, 1),
        to: day(2020, 4, 1),
        lane: BrushLane::Published,
    });
    let mut harness = harness(state);
    // Left of the first mark: the 3 % margin holds nothing.
    let (rect, _) = lane_map(&harness, "Publication lane");
    click_at(&mut harness, Pos2::new(rect.left() + 3.0, rect.center().y));
    assert_eq!(take_events(&mut harness), vec![StripEvent::Brushed(None)]);
}

#[test]
fn clicking_a_mark_opens_it_and_hovering_lists_it() {
    let marks = vec![
        mark(
            Lane::Published,
            day(2020, 1, 1),
            day(2020, 1, 1),
            1,
            Mark::PUBLICATION,
        ),
        mark(
            Lane::Published,
            day(2020, 6, 15),
            day(2020, 6, 15),
            7,
            Mark::PUBLICATION,
        ),
        mark(
            Lane::Published,
            day(2020, 12, 31),
            day(2020, 12, 31),
            2,
            Mark::PUBLICATION,
        ),
        mark(Lane::Mentioned, day(2020, 9, 1), day(2020, 9, 1), 2, 4),
    ];
    let mut harness = harness(State::new(Timeline::new(marks, 0)));
    let (rect, map) = lane_map(&harness, "Publication lane");
    let x = map.x(f64::from(day(2020, 6, 15)) + 0.5);
    // Hovering shows the date and the mark's title and sentence.
    harness.hover_at(Pos2::new(x + 1.0, rect.center().y));
    harness.run_steps(3);
    harness.get_by_label("2020-06-15");
    harness.get_by_label("عنوان الخبر 7");
    harness.get_by_label("جملة التاريخ 4294967295");
    // A click within a few points opens it.
    click_at(&mut harness, Pos2::new(x + 3.0, rect.center().y));
    assert_eq!(
        take_events(&mut harness),
        vec![StripEvent::OpenMark {
            article: 7,
            mention: Mark::PUBLICATION
        }]
    );
    // On the mentioned lane (a density), a click on the date opens its mention.
    let (rect, map) = lane_map(&harness, "Mentioned lane");
    let x = map.x(f64::from(day(2020, 9, 1)) + 0.5);
    click_at(&mut harness, Pos2::new(x, rect.center().y));
    assert_eq!(
        take_events(&mut harness),
        vec![StripEvent::OpenMark {
            article: 2,
            mention: 4
        }]
    );
    // Empty space without a brush: nothing.
    click_at(
        &mut harness,
        Pos2::new((x + rect.right()) / 2.0 - 40.0, rect.center().y),
    );
    assert_eq!(take_events(&mut harness), vec![]);
}

#[test]
fn the_wheel_zooms_around_the_pointer() {
    let mut harness = harness(State::new(sample()));
    let (rect, map) = lane_map(&harness, "Mentioned lane");
    let before = harness.state().view.clone();
    let at = Pos2::new(rect.left() + rect.width() * 0.3, rect.center().y);
    let day_under = map.day(at.x);
    // Wheel up: zoom in.
    wheel(&mut harness, at, egui::vec2(0.0, 120.0));
    let after = harness.state().view.clone();
    assert!(
        after.span() < before.span() * 0.8,
        "{before:?} -> {after:?}"
    );
    let map = DayMap::new(&after, rect, false);
    assert!(
        (map.day(at.x) - day_under).abs() < 0.01,
        "{} vs {day_under}",
        map.day(at.x)
    );
    // Wheel down: zoom out again, still around the same point.
    wheel(&mut harness, at, egui::vec2(0.0, -240.0));
    let out = harness.state().view.clone();
    assert!(out.span() > after.span() * 1.5);
    let map = DayMap::new(&out, rect, false);
    assert!((map.day(at.x) - day_under).abs() < 0.01);
    // Horizontal scrolling pans without zooming.
    wheel(&mut harness, at, egui::vec2(100.0, 0.0));
    let panned = harness.state().view.clone();
    assert!((panned.span() - out.span()).abs() < 1e-6);
    assert!(
        panned.from < out.from,
        "content moved right: earlier days show"
    );
}

#[test]
fn ctrl_wheel_zooms_too() {
    let mut harness = harness(State::new(sample()));
    let (rect, _) = lane_map(&harness, "Publication lane");
    let before = harness.state().view.span();
    harness.hover_at(rect.center());
    harness.step();
    harness.event(Event::Zoom(2.0));
    harness.step();
    assert!((harness.state().view.span() - before / 2.0).abs() < 1e-6);
}

#[test]
fn dragging_on_the_axis_pans() {
    let mut harness = harness(State::new(sample()));
    let (rect, map) = lane_map(&harness, "Timeline axis");
    let before = harness.state().view.clone();
    let from = rect.center();
    drag(&mut harness, from, from + egui::vec2(150.0, 0.0));
    let after = harness.state().view.clone();
    let expected = -150.0 * map.days_per_point();
    assert!(
        (after.from - before.from - expected).abs() < 2.0 * map.days_per_point(),
        "moved {} days, expected {expected}",
        after.from - before.from
    );
    assert!((after.span() - before.span()).abs() < 1e-6);
    // Panning is not brushing.
    assert!(
        !take_events(&mut harness)
            .iter()
            .any(|e| matches!(e, StripEvent::Brushed(_)))
    );
}

#[test]
fn fit_all_restores_the_extent() {
    let mut harness = harness(State::new(sample()));
    let fitted = harness.state().view.clone();
    harness.state_mut().view = TimelineView {
        from: f64::from(day(2020, 5, 1)),
        to: f64::from(day(2020, 5, 20)),
        fitted: true,
    };
    harness.run_steps(2);
    assert_ne!(harness.state().view, fitted);
    harness.get_by_label("Fit all").click();
    harness.run_steps(2);
    assert_eq!(harness.state().view, fitted);
    // An unfitted or inverted view fits itself.
    harness.state_mut().view = TimelineView {
        from: 10.0,
        to: 5.0,
        fitted: true,
    };
    harness.run_steps(1);
    assert_eq!(harness.state().view, fitted);
}

#[test]
fn rtl_runs_time_right_to_left() {
    let early = day(2020, 1, 10);
    let late = day(2020, 12, 20);
    let marks = vec![
        mark(Lane::Published, early, early, 1, Mark::PUBLICATION),
        mark(Lane::Published, late, late, 2, Mark::PUBLICATION),
    ];
    let mut state = State::new(Timeline::new(marks, 0));
    state.rtl = true;
    let mut harness = harness(state);
    let (rect, map) = lane_map(&harness, "Publication lane");
    let x_early = map.x(f64::from(early) + 0.5);
    let x_late = map.x(f64::from(late) + 0.5);
    assert!(x_early > x_late);
    assert!(x_early > rect.center().x && x_late < rect.center().x);
    click_at(&mut harness, Pos2::new(x_early, rect.center().y));
    assert_eq!(
        take_events(&mut harness),
        vec![StripEvent::OpenMark {
            article: 1,
            mention: Mark::PUBLICATION
        }]
    );
    click_at(&mut harness, Pos2::new(x_late, rect.center().y));
    assert_eq!(
        take_events(&mut harness),
        vec![StripEvent::OpenMark {
            article: 2,
            mention: Mark::PUBLICATION
        }]
    );
    // A brush dragged right to left runs from the earlier day to the later one.
    let (a, b) = (rect.right() - 100.0, rect.right() - 400.0);
    drag(
        &mut harness,
        Pos2::new(a, rect.center().y),
        Pos2::new(b, rect.center().y),
    );
    let brush = harness.state().brush.expect("brushed");
    assert!((brush.from - map.day(a).floor() as i32).abs() <= 2);
    assert!((brush.to - map.day(b).floor() as i32).abs() <= 2);
    assert!(brush.from < brush.to);
    // Dragging the axis to the left moves the content with the pointer: in RTL that brings
    // earlier days in from the right.
    let (axis, _) = lane_map(&harness, "Timeline axis");
    let before = harness.state().view.from;
    drag(
        &mut harness,
        axis.center(),
        axis.center() - egui::vec2(100.0, 0.0),
    );
    assert!(harness.state().view.from < before);
}

#[test]
fn controls_emit_their_events() {
    let mut state = State::new(sample());
    state.brush = Some(Brush {
        from: day(2020, 3, 1),
        to: day(2020, 4, 1),
        lane: BrushLane::Published,
    });
    let mut harness = harness(state);
    harness.get_by_label("Undated: 3").click();
    harness.run_steps(2);
    assert_eq!(take_events(&mut harness), vec![StripEvent::ShowUndated]);
    harness.get_by_label("Mentioned").click();
    harness.run_steps(2);
    assert_eq!(
        take_events(&mut harness),
        vec![
            StripEvent::SetBrushLane(BrushLane::Mentioned),
            StripEvent::Brushed(Some(Brush {
                from: day(2020, 3, 1),
                to: day(2020, 4, 1),
                lane: BrushLane::Mentioned,
            })),
        ]
    );
    assert_eq!(harness.state().brush_lane, BrushLane::Mentioned);
}

#[test]
fn hundred_thousand_marks_render() {
    let base = day(1990, 1, 1);
    let mut seed = 7u64;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as i32
    };
    let marks: Vec<Mark> = (0..100_000u32)
        .map(|i| {
            let start = base + next() % 12_000;
            let len = match next() % 10 {
                0 => 365,
                1 => 30,
                _ => 1,
            };
            let lane = if i % 2 == 0 {
                Lane::Published
            } else {
                Lane::Mentioned
            };
            mark(lane, start, start + len - 1, i / 2, 0)
        })
        .collect();
    let mut state = State::new(Timeline::new(marks, 10));
    state.focus = Some(state.timeline.subset(|a| a.is_multiple_of(97), 1));
    let mut harness = harness(state);
    let (rect, _) = lane_map(&harness, "Publication lane");
    // Hover (hit tests), zoom in far, hover again, click.
    harness.hover_at(rect.center());
    harness.run_steps(2);
    for _ in 0..3 {
        wheel(&mut harness, rect.center(), egui::vec2(0.0, 400.0));
    }
    assert!(harness.state().view.span() < 200.0);
    click_at(&mut harness, rect.center());
    let (rect, _) = lane_map(&harness, "Mentioned lane");
    harness.hover_at(rect.center());
    harness.run_steps(2);
}

/// Even articles pass the filter. On 1 March an odd and an even article share the day (the
/// odd one sorts first among equals); on 1 June and 1 September only odd ones are.
fn half_focused() -> State {
    let mut marks = Vec::new();
    let publish =
        |day: i32, article: u32| mark(Lane::Published, day, day, article, Mark::PUBLICATION);
    marks.push(publish(day(2020, 3, 1), 1));
    marks.push(publish(day(2020, 3, 1), 2));
    marks.push(publish(day(2020, 6, 1), 3));
    marks.push(mark(
        Lane::Mentioned,
        day(2020, 9, 1),
        day(2020, 9, 1),
        5,
        2,
    ));
    marks.push(mark(
        Lane::Mentioned,
        day(2020, 9, 1),
        day(2020, 9, 1),
        1,
        1,
    ));
    marks.push(mark(
        Lane::Mentioned,
        day(2020, 9, 1),
        day(2020, 9, 1),
        2,
        3,
    ));
    // Filler far from those days, half of it focused.
    for i in 0..20 {
        marks.push(publish(day(2020, 11, 1) + i, 10 + i as u32));
    }
    let timeline = Timeline::new(marks, 5);
    let focus = timeline.subset(|a| a.is_multiple_of(2), 2);
    let mut state = State::new(timeline);
    state.focus = Some(focus);
    state
}

#[test]
fn hover_and_click_prefer_the_focus_and_fall_back_to_the_whole() {
    let mut harness = harness(half_focused());
    let (rect, map) = lane_map(&harness, "Publication lane");
    let y = rect.center().y;
    let at = |d: i32| map.x(f64::from(d) + 0.5);

    // Only an article outside the focus on 1 June: the tooltip still lists it, flagged.
    harness.hover_at(Pos2::new(at(day(2020, 6, 1)), y));
    harness.run_steps(3);
    harness.get_by_label("2020-06-01");
    harness.get_by_label("عنوان الخبر 3");
    harness.get_by_label("not in the filtered list");

    // On 1 March the focused article is listed, not the one the filter leaves out.
    harness.hover_at(Pos2::new(at(day(2020, 3, 1)) + 1.0, y));
    harness.run_steps(3);
    harness.get_by_label("2020-03-01");
    harness.get_by_label("عنوان الخبر 2");
    assert!(harness.query_by_label("عنوان الخبر 1").is_none());
    assert!(harness.query_by_label("not in the filtered list").is_none());

    // A click there opens the focused article (the whole alone would give article 1).
    click_at(&mut harness, Pos2::new(at(day(2020, 3, 1)) + 2.0, y));
    assert_eq!(
        take_events(&mut harness),
        vec![StripEvent::OpenMark {
            article: 2,
            mention: Mark::PUBLICATION
        }]
    );
    // A click on an unfocused mark alone opens it.
    click_at(&mut harness, Pos2::new(at(day(2020, 6, 1)), y));
    assert_eq!(
        take_events(&mut harness),
        vec![StripEvent::OpenMark {
            article: 3,
            mention: Mark::PUBLICATION
        }]
    );

    // The mentioned lane (a density) hit-tests the same way.
    let (rect, map) = lane_map(&harness, "Mentioned lane");
    let x = map.x(f64::from(day(2020, 9, 1)) + 0.5);
    click_at(&mut harness, Pos2::new(x, rect.center().y));
    assert_eq!(
        take_events(&mut harness),
        vec![StripEvent::OpenMark {
            article: 2,
            mention: 3
        }]
    );
}

#[test]
fn without_a_focus_the_whole_is_hit_tested() {
    let mut state = half_focused();
    state.focus = None;
    let mut harness = harness(state);
    let (rect, map) = lane_map(&harness, "Publication lane");
    let x = map.x(f64::from(day(2020, 3, 1)) + 0.5);
    harness.hover_at(Pos2::new(x + 1.0, rect.center().y));
    harness.run_steps(3);
    harness.get_by_label("عنوان الخبر 1");
    harness.get_by_label("عنوان الخبر 2");
    assert!(harness.query_by_label("not in the filtered list").is_none());
    click_at(&mut harness, Pos2::new(x + 2.0, rect.center().y));
    assert_eq!(
        take_events(&mut harness),
        vec![StripEvent::OpenMark {
            article: 1,
            mention: Mark::PUBLICATION
        }]
    );
}

#[test]
fn the_undated_button_counts_the_focus_of_all() {
    let mut harness = harness(half_focused());
    assert!(harness.query_by_label("Undated: 5").is_none());
    harness.get_by_label("Undated: 2 / 5").click();
    harness.run_steps(2);
    assert_eq!(take_events(&mut harness), vec![StripEvent::ShowUndated]);
    // The filter cleared: back to the plain count.
    harness.state_mut().focus = None;
    harness.run_steps(2);
    harness.get_by_label("Undated: 5");
    assert!(harness.query_by_label("Undated: 2 / 5").is_none());
}

#[test]
fn focus_bars_are_the_kept_part_of_the_whole_at_its_scale() {
    let whole = sample();
    let (a, b) = whole.extent().unwrap();
    let (from, to) = (f64::from(a), f64::from(b + 1));
    let height = 26.0;
    for lane in [Lane::Published, Lane::Mentioned] {
        let plain = density_bars(&whole, None, lane, from, to, 50, height);
        assert_eq!(plain.len(), 50);
        assert!(plain.iter().all(|bar| bar.focus == 0.0));
        // The fullest bin of the whole fills the lane.
        let tallest = plain.iter().map(|bar| bar.whole).fold(0.0f32, f32::max);
        assert!((tallest - height).abs() < 1e-4, "{tallest}");

        // Articles below 61 kept: the first half of the year.
        let focus = whole.subset(|article| article < 61, 0);
        let bars = density_bars(&whole, Some(&focus), lane, from, to, 50, height);
        // The whole's bars do not change with a focus: the scale stays the whole's.
        let wholes: Vec<f32> = bars.iter().map(|bar| bar.whole).collect();
        let plain_wholes: Vec<f32> = plain.iter().map(|bar| bar.whole).collect();
        assert_eq!(wholes, plain_wholes);
        assert!(bars.iter().all(|bar| bar.focus <= bar.whole));
        // Early bins entirely kept, late bins entirely dropped.
        let full = bars
            .iter()
            .filter(|bar| bar.whole > 0.0 && (bar.focus - bar.whole).abs() < 1e-3)
            .count();
        let empty = bars
            .iter()
            .filter(|bar| bar.whole > 0.0 && bar.focus == 0.0)
            .count();
        assert!(
            full >= 15 && empty >= 15,
            "{lane:?}: {full} full, {empty} empty"
        );

        // A focus of a third of the articles everywhere: bars shorter than the whole's, at
        // the whole's scale (square root of the kept share of the tallest bin).
        let third = whole.subset(|article| article.is_multiple_of(3), 0);
        let bars = density_bars(&whole, Some(&third), lane, from, to, 1, height);
        let kept = third.marks(lane).len() as f32 / whole.marks(lane).len() as f32;
        assert!(
            (bars[0].focus - kept.sqrt() * height).abs() < 0.05,
            "{bars:?}"
        );
    }
}

#[test]
fn a_focus_mutes_the_whole_and_gives_the_lane_colour_to_the_focus() {
    for visuals in [egui::Visuals::dark(), egui::Visuals::light()] {
        for lane in [Lane::Published, Lane::Mentioned] {
            let (plain, none) = lane_colors(&visuals, lane, false);
            assert_eq!(none, None);
            let (muted, focus) = lane_colors(&visuals, lane, true);
            assert_eq!(focus, Some(plain));
            assert_ne!(muted, plain);
            assert!(muted.a() < plain.a(), "{muted:?} vs {plain:?}");
        }
    }
}
