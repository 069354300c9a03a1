//! The timeline strip: publication dates and mentioned dates of the corpus on a zoomable,
//! pannable time axis, with a brush to filter by a range of days.
//!
//! The widget owns only its view ([`TimelineView`]); everything it wants changed elsewhere
//! comes back as [`StripEvent`]s. Every frame touches only the visible window of the
//! [`Timeline`]: densities are O(bins) and marks are looked up by binary search, so a corpus
//! of 100 000 dates draws as fast as one of ten.
//!
//! With a focus timeline (the marks of the articles the list filters keep), the whole
//! timeline is drawn muted and the focus on top in the lane's colour, at the whole's scale:
//! each bar shows how much of it the filters keep ("crossfilter").

use crate::ui::bidi_text::{Align as TextAlign, TextLayout, TextStyle, bidi_label};
use egui::{
    Align, Color32, FontId, Layout, Painter, Rect, Response, Role, Sense, Stroke, Ui, Vec2,
    WidgetInfo, pos2, vec2,
};
use khabar_core::extract::dates::calendar::{days_from_civil, iso_day};
use khabar_core::query::timeline::{Lane, Mark, Timeline, ticks_named};
use khabar_core::text::bidi::Direction;

/// Height of the lanes and the axis (the controls row comes on top of it).
pub const LANES_HEIGHT: f32 = 84.0;
/// Height of the controls row.
pub const CONTROLS_HEIGHT: f32 = 22.0;
const LANE_HEIGHT: f32 = 30.0;
const LANE_GAP: f32 = 2.0;
const AXIS_HEIGHT: f32 = LANES_HEIGHT - 2.0 * LANE_HEIGHT - LANE_GAP;
/// Width of the lane labels beside the lanes.
const GUTTER: f32 = 90.0;
/// Above this many visible publication marks, the lane shows a density instead of ticks.
const TICK_LIMIT: usize = 1500;
/// Above this many marks under the pointer, hovering and clicking do not list them.
const HIT_LIMIT: usize = 5_000;
/// Hover and click distances, in points.
const HOVER_RADIUS: f32 = 3.0;
const CLICK_RADIUS: f32 = 4.0;
/// Entries in the hover tooltip.
const TOOLTIP_ENTRIES: usize = 5;
/// The smallest visible range, in days.
const MIN_SPAN: f64 = 3.0;
/// Zoom per point of vertical scroll.
const ZOOM_PER_POINT: f64 = 0.004;
const MENTIONED_FILL: Color32 = Color32::from_rgb(84, 140, 204);

mod controls;
mod hits;
mod paint;
mod view;

use controls::{controls_ui, hover_ui};
use hits::{Hits, hits_at};
pub use paint::{BinBars, density_bars, lane_colors};
use paint::{paint_density, paint_mark};
pub use view::{DayMap, TimelineView};

// The brushed range is a filter of the list: its types live with the filters in the core.
pub use khabar_core::query::filters::{Brush, BrushLane};

/// What the strip asks of its caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StripEvent {
    /// A new range (`Some`) or none (`None`: "Clear range", or a click on empty lane space).
    Brushed(Option<Brush>),
    /// A mark was clicked: open that article at that mention ([`Mark::PUBLICATION`] for a
    /// publication mark).
    OpenMark { article: u32, mention: u32 },
    /// The "Undated" button was clicked.
    ShowUndated,
    /// The "filter by" toggle was switched. When a brush is active, a
    /// `Brushed(Some(..))` with the new lane follows in the same frame.
    SetBrushLane(BrushLane),
}

/// The strip's UI strings, so the caller can translate them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StripLabels {
    pub title: String,
    pub filter_by: String,
    /// Short lane names (beside the lanes and in the toggle).
    pub publication: String,
    pub mentioned: String,
    pub fit_all: String,
    pub clear_range: String,
    /// Shown as "{undated}: N".
    pub undated: String,
    /// Accessible names of the lanes and of the axis.
    pub publication_lane: String,
    pub mentioned_lane: String,
    pub axis: String,
    /// Tooltip line when too many marks are under the pointer to list.
    pub zoom_in: String,
    /// Tooltip line when the marks listed are of articles the list filters leave out.
    pub outside_filter: String,
    /// Month names of the axis labels.
    pub months: [&'static str; 12],
}

impl Default for StripLabels {
    fn default() -> StripLabels {
        StripLabels {
            title: "Timeline".into(),
            filter_by: "filter by:".into(),
            publication: "Publication".into(),
            mentioned: "Mentioned".into(),
            fit_all: "Fit all".into(),
            clear_range: "Clear range".into(),
            undated: "Undated".into(),
            publication_lane: "Publication lane".into(),
            mentioned_lane: "Mentioned lane".into(),
            axis: "Timeline axis".into(),
            zoom_in: "zoom in to list the articles".into(),
            outside_filter: "not in the filtered list".into(),
            months: crate::ui::i18n::Language::English.months(),
        }
    }
}

/// What the strip shows, borrowed from the caller for one frame.
pub struct StripInput<'a> {
    pub timeline: &'a Timeline,
    /// The active range, drawn as a band.
    pub brush: Option<Brush>,
    /// Which lane a new brush filters by (the "filter by" toggle shows it).
    pub brush_lane: BrushLane,
    /// The marks of the articles that pass every list filter except the strip's own date
    /// range; `None` when no filter is active. Usually [`Timeline::subset`] of `timeline`, so
    /// its article numbers are the same. Drawn over the muted whole; hover and click prefer
    /// its marks.
    pub focus: Option<&'a Timeline>,
    /// (title, sentence) of a mark, for the hover tooltip.
    pub describe: &'a dyn Fn(&Mark) -> (String, String),
    /// Time runs right to left.
    pub rtl: bool,
    pub labels: &'a StripLabels,
}

/// A brush drag in progress: the days where it started and where the pointer is.
#[derive(Clone, Copy, Debug)]
struct BrushDrag {
    anchor: f64,
    current: f64,
}

/// Shows the strip (controls row, two lanes, axis) across the available width and returns
/// what the user asked for this frame.
pub fn timeline_strip_ui(
    ui: &mut Ui,
    view: &mut TimelineView,
    input: &StripInput,
) -> Vec<StripEvent> {
    let timeline = input.timeline;
    let labels = input.labels;
    if !view.fitted || !view.is_valid() {
        view.fit(timeline);
    }
    let mut events = Vec::new();
    let id = ui.make_persistent_id("timeline_strip");
    let width = ui.available_width();

    controls_ui(ui, view, input, width, &mut events);

    let (rect, _) = ui.allocate_exact_size(vec2(width, LANES_HEIGHT), Sense::hover());
    let plot_x = if input.rtl {
        (rect.left(), rect.right() - GUTTER)
    } else {
        (rect.left() + GUTTER, rect.right())
    };
    let row =
        |top: f32, height: f32| Rect::from_x_y_ranges(plot_x.0..=plot_x.1, top..=top + height);
    let lane_rects = [
        row(rect.top(), LANE_HEIGHT),
        row(rect.top() + LANE_HEIGHT + LANE_GAP, LANE_HEIGHT),
    ];
    let axis_rect = row(lane_rects[1].bottom(), AXIS_HEIGHT);
    let plot_rect = lane_rects[0].union(axis_rect);
    let lanes = [Lane::Published, Lane::Mentioned];
    let lane_names = [&labels.publication_lane, &labels.mentioned_lane];

    let responses: Vec<Response> = lanes
        .iter()
        .zip(lane_rects)
        .map(|(lane, r)| ui.interact(r, id.with(("lane", *lane)), Sense::click_and_drag()))
        .collect();
    let axis = ui.interact(axis_rect, id.with("axis"), Sense::drag());

    // Zoom and pan: wheel / trackpad / pinch over the lanes and axis; drag on the axis.
    if let Some(pointer) = ui.ctx().pointer_hover_pos()
        && ui.rect_contains_pointer(plot_rect)
    {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let map = DayMap::new(view, plot_rect, input.rtl);
        if scroll.y != 0.0 || zoom != 1.0 {
            let factor = (-f64::from(scroll.y) * ZOOM_PER_POINT).exp() / f64::from(zoom);
            view.zoom_around(map.day(pointer.x), factor);
        }
        if scroll.x != 0.0 {
            pan_by_points(view, &map, scroll.x);
        }
        if scroll != Vec2::ZERO {
            // Consumed: a scroll area around the strip must not scroll as well.
            ui.input_mut(|i| i.smooth_scroll_delta = Vec2::ZERO);
        }
    }
    if axis.dragged() {
        let map = DayMap::new(view, plot_rect, input.rtl);
        pan_by_points(view, &map, axis.drag_delta().x);
    }
    let map = DayMap::new(view, plot_rect, input.rtl);

    // Brushing, clicking and hovering on the lanes.
    let mut drag_band = None;
    for (i, response) in responses.iter().enumerate() {
        let lane = lanes[i];
        let drag_id = id.with(("brush", lane));
        let clamp_x = |x: f32| x.clamp(plot_rect.left(), plot_rect.right());
        if response.drag_started() {
            let origin = ui
                .input(|inp| inp.pointer.press_origin())
                .or(response.interact_pointer_pos());
            if let Some(origin) = origin {
                let anchor = map.day(clamp_x(origin.x));
                ui.data_mut(|d| {
                    d.insert_temp(
                        drag_id,
                        BrushDrag {
                            anchor,
                            current: anchor,
                        },
                    )
                });
            }
        }
        let drag: Option<BrushDrag> = ui.data(|d| d.get_temp(drag_id));
        if let Some(mut drag) = drag {
            if let Some(pos) = response
                .interact_pointer_pos()
                .or_else(|| ui.input(|inp| inp.pointer.latest_pos()))
            {
                drag.current = map.day(clamp_x(pos.x));
            }
            if response.dragged() {
                ui.data_mut(|d| d.insert_temp(drag_id, drag));
                drag_band = Some(drag);
            } else {
                ui.data_mut(|d| d.remove::<BrushDrag>(drag_id));
                let (a, b) = (drag.anchor.min(drag.current), drag.anchor.max(drag.current));
                events.push(StripEvent::Brushed(Some(Brush {
                    from: a.floor() as i32,
                    to: (b.floor() as i32).max(a.floor() as i32),
                    lane: input.brush_lane,
                })));
            }
        }
        if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            let hit = hits_at(timeline, input.focus, lane, &map, pos.x, CLICK_RADIUS)
                .and_then(|hits| hits.marks.first().copied().copied());
            if let Some(mark) = hit {
                events.push(StripEvent::OpenMark {
                    article: mark.article,
                    mention: mark.mention,
                });
            } else if input.brush.is_some() {
                events.push(StripEvent::Brushed(None));
            }
        }
    }

    // Painting.
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let lane_bg = visuals.faint_bg_color;
    for r in lane_rects {
        painter.rect_filled(r, 2.0, lane_bg);
    }
    let plot_painter = ui.painter_at(plot_rect);
    let max_ticks = ((plot_rect.width() / 90.0).floor() as usize).max(2);
    let axis_ticks = ticks_named(view.from, view.to, max_ticks, &input.labels.months);
    let grid = visuals.text_color().gamma_multiply(0.08);
    for tick in &axis_ticks {
        let x = map.x(f64::from(tick.day));
        if tick.major {
            plot_painter.vline(
                x,
                lane_rects[0].top()..=lane_rects[1].bottom(),
                Stroke::new(1.0, grid),
            );
        }
    }
    let (first, last) = (view.from.floor() as i32, view.to.floor() as i32);
    for (i, lane) in lanes.iter().enumerate() {
        let r = lane_rects[i].shrink2(vec2(0.0, 2.0));
        // The whole decides ticks or density: the focus's marks are a subset of its marks,
        // so in tick mode they are at most as many to look at.
        let visible = timeline.near_upper_bound(*lane, first, last);
        let (whole_color, focus_color) = lane_colors(visuals, *lane, input.focus.is_some());
        let focus = input.focus.zip(focus_color);
        if *lane == Lane::Published && visible <= TICK_LIMIT {
            for m in timeline.marks_near(*lane, first, last) {
                paint_mark(&plot_painter, &map, m, r, whole_color);
            }
            if let Some((focus, color)) = focus {
                for m in focus.marks_near(*lane, first, last) {
                    paint_mark(&plot_painter, &map, m, r, color);
                }
            }
        } else {
            paint_density(
                &plot_painter,
                *lane,
                &map,
                r,
                (timeline, whole_color),
                focus,
            );
        }
    }

    // The brush (active, or being dragged).
    let selection = visuals.selection.bg_fill;
    let band_y = lane_rects[0].top()..=lane_rects[1].bottom();
    let paint_band = |a: f64, b: f64, strong: bool| {
        let (xa, xb) = (map.x(a), map.x(b));
        let band = Rect::from_x_y_ranges(
            xa.min(xb)..=xa.max(xb).max(xa.min(xb) + 1.0),
            band_y.clone(),
        );
        plot_painter.rect_filled(
            band,
            0.0,
            selection.gamma_multiply(if strong { 0.35 } else { 0.25 }),
        );
        plot_painter.vline(band.left(), band.y_range(), Stroke::new(1.0, selection));
        plot_painter.vline(band.right(), band.y_range(), Stroke::new(1.0, selection));
    };
    if let Some(drag) = drag_band {
        let (a, b) = (drag.anchor.min(drag.current), drag.anchor.max(drag.current));
        paint_band(a.floor(), b.floor() + 1.0, true);
    } else if let Some(brush) = input.brush {
        paint_band(f64::from(brush.from), f64::from(brush.to) + 1.0, false);
    }

    // Axis.
    let axis_line = visuals.text_color().gamma_multiply(0.5);
    let font = FontId::proportional(11.0);
    plot_painter.hline(
        axis_rect.x_range(),
        axis_rect.top() + 1.0,
        Stroke::new(1.0, axis_line),
    );
    for tick in &axis_ticks {
        let x = map.x(f64::from(tick.day));
        let length = if tick.major { 7.0 } else { 4.0 };
        plot_painter.vline(
            x,
            axis_rect.top()..=axis_rect.top() + length,
            Stroke::new(1.0, axis_line),
        );
        let color = if tick.major {
            visuals.text_color()
        } else {
            visuals.weak_text_color()
        };
        // Centred under the tick, but kept inside the plot so edge labels are not cut.
        // Arabic month names with digits need the bidi layer, like any mixed text.
        let galley = if crate::ui::i18n::has_rtl(&tick.label) {
            crate::ui::bidi_text::line_galley(
                &plot_painter,
                &tick.label,
                font.clone(),
                color,
                khabar_core::text::bidi::Direction::Rtl,
            )
        } else {
            plot_painter.layout_no_wrap(tick.label.clone(), font.clone(), color)
        };
        let w = galley.size().x;
        let left = (x - w / 2.0).clamp(
            axis_rect.left(),
            (axis_rect.right() - w).max(axis_rect.left()),
        );
        plot_painter.galley(pos2(left, axis_rect.top() + 7.0), galley, color);
    }

    // Lane labels in the gutter (bidi-aware: the caller may translate them to Arabic).
    let gutter_x = if input.rtl {
        (rect.right() - GUTTER + 6.0, rect.right() - 2.0)
    } else {
        (rect.left() + 2.0, rect.left() + GUTTER - 6.0)
    };
    for (r, name) in lane_rects
        .iter()
        .zip([&labels.publication, &labels.mentioned])
    {
        let style = TextStyle::new(
            FontId::proportional(12.5),
            visuals.weak_text_color(),
            Direction::Ltr,
        )
        .align(if input.rtl {
            TextAlign::Right
        } else {
            TextAlign::Left
        });
        let width = gutter_x.1 - gutter_x.0;
        let layout = TextLayout::new(&painter, name, 0, &style, width);
        let top = r.center().y - layout.size.y.min(r.height()) / 2.0;
        layout.paint_rows(&painter, pos2(gutter_x.0, top), &[], 1);
    }

    // Hover: a hairline and a tooltip with the date and the marks under the pointer.
    if drag_band.is_none() && !axis.dragged() {
        for (i, response) in responses.iter().enumerate() {
            let Some(pos) = response.hover_pos() else {
                continue;
            };
            if !response.hovered() {
                continue;
            }
            plot_painter.vline(
                pos.x,
                band_y.clone(),
                Stroke::new(1.0, visuals.text_color().gamma_multiply(0.4)),
            );
            let day = map.day(pos.x).floor() as i32;
            let hits = hits_at(timeline, input.focus, lanes[i], &map, pos.x, HOVER_RADIUS);
            egui::Tooltip::for_widget(response)
                .at_pointer()
                .width(420.0)
                .show(|ui| hover_ui(ui, input, day, hits.as_ref()));
        }
    }

    // Accessibility (and kittest) names.
    for (response, name) in responses.iter().zip(lane_names) {
        response.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, name.as_str()));
    }
    axis.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, labels.axis.as_str()));
    events
}

/// Pans so that the content moves `dx` points (with the pointer, in either direction of time).
fn pan_by_points(view: &mut TimelineView, map: &DayMap, dx: f32) {
    let days = f64::from(dx) * map.days_per_point();
    view.pan(if map.rtl { days } else { -days });
}
