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

/// The visible day range (fractional day numbers, see [`khabar_core::extract::dates::calendar`]).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TimelineView {
    pub from: f64,
    pub to: f64,
    /// Whether the view has been fitted to data once; while false the strip fits itself.
    pub fitted: bool,
}

fn bounds() -> (f64, f64) {
    (
        f64::from(days_from_civil(1000, 1, 1)),
        f64::from(days_from_civil(3000, 1, 1)),
    )
}

impl TimelineView {
    /// The view showing `timeline`'s extent with a 3 % margin on each side. Without any mark,
    /// a default range, still unfitted (so the strip fits once marks arrive).
    pub fn fitted_to(timeline: &Timeline) -> TimelineView {
        let Some((start, end)) = timeline.extent() else {
            return TimelineView {
                from: f64::from(days_from_civil(2000, 1, 1)),
                to: f64::from(days_from_civil(2030, 1, 1)),
                fitted: false,
            };
        };
        let (mut from, mut to) = (f64::from(start), f64::from(end) + 1.0);
        if to - from < 7.0 {
            let mid = (from + to) / 2.0;
            (from, to) = (mid - 3.5, mid + 3.5);
        }
        let margin = (to - from) * 0.03;
        let mut view = TimelineView {
            from: from - margin,
            to: to + margin,
            fitted: true,
        };
        view.clamp();
        view
    }

    /// Fits the view to `timeline` (see [`TimelineView::fitted_to`]).
    pub fn fit(&mut self, timeline: &Timeline) {
        *self = TimelineView::fitted_to(timeline);
    }

    /// Days shown.
    pub fn span(&self) -> f64 {
        self.to - self.from
    }

    fn is_valid(&self) -> bool {
        self.from.is_finite() && self.to.is_finite() && self.from < self.to
    }

    /// Keeps the span within 3 days .. 2000 years and the range within years 1000..3000.
    fn clamp(&mut self) {
        let (lo, hi) = bounds();
        let span = self.span().clamp(MIN_SPAN, hi - lo);
        if self.from < lo {
            self.from = lo;
        }
        self.to = self.from + span;
        if self.to > hi {
            self.to = hi;
            self.from = hi - span;
        }
    }

    /// Zooms by `factor` (< 1 zooms in) keeping `anchor` (a day) where it is.
    pub fn zoom_around(&mut self, anchor: f64, factor: f64) {
        let span = self.span();
        let (lo, hi) = bounds();
        let new_span = (span * factor).clamp(MIN_SPAN, hi - lo);
        let f = new_span / span;
        self.from = anchor - (anchor - self.from) * f;
        self.to = self.from + new_span;
        self.clamp();
    }

    /// Moves the view by `days` (positive shows later days).
    pub fn pan(&mut self, days: f64) {
        self.from += days;
        self.to += days;
        self.clamp();
    }
}

/// Which lane a brush filters by.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum BrushLane {
    /// Articles published within the range.
    #[default]
    Published,
    /// Articles mentioning a date within the range.
    Mentioned,
}

impl From<BrushLane> for Lane {
    fn from(lane: BrushLane) -> Lane {
        match lane {
            BrushLane::Published => Lane::Published,
            BrushLane::Mentioned => Lane::Mentioned,
        }
    }
}

impl From<Lane> for BrushLane {
    fn from(lane: Lane) -> BrushLane {
        match lane {
            Lane::Published => BrushLane::Published,
            Lane::Mentioned => BrushLane::Mentioned,
        }
    }
}

/// A selected range of days (inclusive) and the lane it filters by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Brush {
    pub from: i32,
    pub to: i32,
    pub lane: BrushLane,
}

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

/// The linear map between days and x within a plot's horizontal extent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayMap {
    pub left: f32,
    pub right: f32,
    pub from: f64,
    pub to: f64,
    pub rtl: bool,
}

impl DayMap {
    /// The map of `view` over the horizontal extent of `plot`.
    pub fn new(view: &TimelineView, plot: Rect, rtl: bool) -> DayMap {
        DayMap {
            left: plot.left(),
            right: plot.right(),
            from: view.from,
            to: view.to,
            rtl,
        }
    }

    fn width(&self) -> f64 {
        f64::from((self.right - self.left).max(1.0))
    }

    /// Days per point.
    pub fn days_per_point(&self) -> f64 {
        (self.to - self.from) / self.width()
    }

    /// The x of a (fractional) day; day `d` covers `[d, d + 1)`.
    pub fn x(&self, day: f64) -> f32 {
        let t = (day - self.from) / (self.to - self.from);
        let offset = (t * self.width()) as f32;
        if self.rtl {
            self.right - offset
        } else {
            self.left + offset
        }
    }

    /// The (fractional) day at `x`.
    pub fn day(&self, x: f32) -> f64 {
        let offset = if self.rtl {
            self.right - x
        } else {
            x - self.left
        };
        self.from + f64::from(offset) / self.width() * (self.to - self.from)
    }

    /// Left and right x of a mark's days, at least `min_width` wide.
    fn span_x(&self, start: i32, end: i32, min_width: f32) -> (f32, f32) {
        let a = self.x(f64::from(start));
        let b = self.x(f64::from(end) + 1.0);
        let (mut l, mut r) = (a.min(b), a.max(b));
        if r - l < min_width {
            let mid = (l + r) / 2.0;
            (l, r) = (mid - min_width / 2.0, mid + min_width / 2.0);
        }
        (l, r)
    }

    /// The whole days (inclusive) within `radius` points of `x`.
    fn days_around(&self, x: f32, radius: f32) -> (i32, i32) {
        let (a, b) = (self.day(x - radius), self.day(x + radius));
        (a.min(b).floor() as i32, a.max(b).floor() as i32)
    }
}

/// A brush drag in progress: the days where it started and where the pointer is.
#[derive(Clone, Copy, Debug)]
struct BrushDrag {
    anchor: f64,
    current: f64,
}

/// Marks of `lane` within `radius` points of `x`, point-like before wide ones, then nearest
/// first (then narrowest), or `None`
/// when too many are there to look at.
fn marks_at<'t>(
    timeline: &'t Timeline,
    lane: Lane,
    map: &DayMap,
    x: f32,
    radius: f32,
) -> Option<Vec<&'t Mark>> {
    let (from, to) = map.days_around(x, radius);
    if timeline.near_upper_bound(lane, from, to) > HIT_LIMIT {
        return None;
    }
    let mut hits: Vec<(f32, f32, &Mark)> = timeline
        .marks_near(lane, from, to)
        .filter_map(|m| {
            let (l, r) = map.span_x(m.start, m.end, 1.0);
            let distance = if x < l {
                l - x
            } else if x > r {
                x - r
            } else {
                0.0
            };
            (distance <= radius).then_some((distance, r - l, m))
        })
        .collect();
    // A mark wider than the pointer's reach (a year, a month at this zoom) is a band under
    // everything: point-like marks near the pointer come first, as the eye sees them.
    let wide = |w: f32| w > 2.0 * radius;
    hits.sort_by(|a, b| {
        wide(a.1)
            .cmp(&wide(b.1))
            .then(a.0.total_cmp(&b.0))
            .then(a.1.total_cmp(&b.1))
            .then((a.2.article, a.2.mention).cmp(&(b.2.article, b.2.mention)))
    });
    Some(hits.into_iter().map(|h| h.2).collect())
}

/// Marks under the pointer, for the tooltip and a click.
struct Hits<'t> {
    marks: Vec<&'t Mark>,
    /// The marks are of articles outside the focus (none of the focus was there).
    outside_focus: bool,
}

/// The marks of `lane` within `radius` points of `x`: those of the focus when it has any
/// there (they are what the list shows), else those of the whole timeline; `None` when too
/// many are there to look at.
fn hits_at<'t>(
    timeline: &'t Timeline,
    focus: Option<&'t Timeline>,
    lane: Lane,
    map: &DayMap,
    x: f32,
    radius: f32,
) -> Option<Hits<'t>> {
    if let Some(focus) = focus {
        // Too many focus marks means too many marks of the whole as well.
        let marks = marks_at(focus, lane, map, x, radius)?;
        if !marks.is_empty() {
            return Some(Hits {
                marks,
                outside_focus: false,
            });
        }
    }
    let marks = marks_at(timeline, lane, map, x, radius)?;
    Some(Hits {
        outside_focus: focus.is_some() && !marks.is_empty(),
        marks,
    })
}

/// The colours a lane is drawn in: `(whole, focus)`. Without a focus the whole timeline gets
/// the lane's colour and there is no focus colour; with one, the whole is a weak grey (the
/// context) and the focus gets the lane's colour (what the filters keep).
pub fn lane_colors(
    visuals: &egui::Visuals,
    lane: Lane,
    focused: bool,
) -> (Color32, Option<Color32>) {
    let fill = match lane {
        Lane::Published => visuals.text_color().gamma_multiply(0.7),
        Lane::Mentioned => MENTIONED_FILL,
    };
    if focused {
        (visuals.weak_text_color().gamma_multiply(0.35), Some(fill))
    } else {
        (fill, None)
    }
}

/// Heights, in points, of one bin's bars of a density histogram.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BinBars {
    /// The whole timeline's bar.
    pub whole: f32,
    /// The focus timeline's bar, drawn over the whole's (0 without a focus); never taller.
    pub focus: f32,
}

/// The bars of `lane` over `bins` equal bins of `[from, to)` (fractional days), the bin of
/// most mass of the whole timeline `height` points tall. Heights go by the square root of the
/// mass (so thin year-precision spreads stay visible next to full dates), and a bin with any
/// mass is at least one point tall. The focus uses the whole's scale, so its bar is the part
/// of the whole's bar the filters keep. O(bins): two prefix-sum lookups per bin and timeline.
pub fn density_bars(
    timeline: &Timeline,
    focus: Option<&Timeline>,
    lane: Lane,
    from: f64,
    to: f64,
    bins: usize,
    height: f32,
) -> Vec<BinBars> {
    let whole = timeline.density(lane, from, to, bins);
    let max = whole.iter().copied().fold(0.0f32, f32::max);
    let bar = |mass: f32| {
        if mass > 0.0 && max > 0.0 {
            ((mass / max).sqrt() * height).max(1.0)
        } else {
            0.0
        }
    };
    let kept = focus.map(|f| f.density(lane, from, to, bins));
    whole
        .iter()
        .enumerate()
        .map(|(i, &mass)| {
            let whole = bar(mass);
            BinBars {
                whole,
                // Each prefix-sum array rounds on its own: a focus keeping every mark of a
                // bin must not poke a hair above the whole's bar.
                focus: kept.as_ref().map_or(0.0, |k| bar(k[i]).min(whole)),
            }
        })
        .collect()
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

/// The row of controls: title, "filter by" toggle, Fit all, Clear range, Undated.
fn controls_ui(
    ui: &mut Ui,
    view: &mut TimelineView,
    input: &StripInput,
    width: f32,
    events: &mut Vec<StripEvent>,
) {
    let labels = input.labels;
    let layout = if input.rtl {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    };
    ui.allocate_ui_with_layout(vec2(width, CONTROLS_HEIGHT), layout, |ui| {
        ui.strong(&labels.title);
        ui.separator();
        ui.weak(&labels.filter_by);
        for (lane, name) in [
            (BrushLane::Published, &labels.publication),
            (BrushLane::Mentioned, &labels.mentioned),
        ] {
            if ui
                .selectable_label(input.brush_lane == lane, name.as_str())
                .clicked()
                && input.brush_lane != lane
            {
                events.push(StripEvent::SetBrushLane(lane));
                if let Some(brush) = input.brush {
                    events.push(StripEvent::Brushed(Some(Brush { lane, ..brush })));
                }
            }
        }
        ui.separator();
        if ui.button(labels.fit_all.as_str()).clicked() {
            view.fit(input.timeline);
        }
        if input.brush.is_some() && ui.button(labels.clear_range.as_str()).clicked() {
            events.push(StripEvent::Brushed(None));
        }
        let undated = input.timeline.undated();
        let text = match input.focus {
            // How many of the undated articles the filters keep, of all of them.
            Some(focus) => format!("{}: {} / {undated}", labels.undated, focus.undated()),
            None => format!("{}: {undated}", labels.undated),
        };
        if ui
            .add_enabled(undated > 0, egui::Button::new(text))
            .clicked()
        {
            events.push(StripEvent::ShowUndated);
        }
    });
}

/// One mark: a hairline when narrower than two points, else a bar over its days.
fn paint_mark(painter: &Painter, map: &DayMap, mark: &Mark, lane: Rect, color: Color32) {
    let (l, r) = map.span_x(mark.start, mark.end, 0.0);
    if r - l < 2.0 {
        painter.vline((l + r) / 2.0, lane.y_range(), Stroke::new(1.0, color));
    } else {
        painter.rect_filled(
            Rect::from_x_y_ranges(l..=r, lane.y_range()),
            0.0,
            color.gamma_multiply(0.5),
        );
    }
}

/// A density histogram of the visible window, bars two points wide (see [`density_bars`]):
/// the whole timeline's, then the focus's over them, each in its colour.
fn paint_density(
    painter: &Painter,
    lane: Lane,
    map: &DayMap,
    r: Rect,
    (timeline, whole_color): (&Timeline, Color32),
    focus: Option<(&Timeline, Color32)>,
) {
    let bins = ((r.width() / 2.0).floor() as usize).max(1);
    let bars = density_bars(
        timeline,
        focus.map(|f| f.0),
        lane,
        map.from,
        map.to,
        bins,
        r.height(),
    );
    let bin_width = r.width() / bins as f32;
    for (i, bar) in bars.iter().enumerate() {
        if bar.whole <= 0.0 {
            continue;
        }
        let offset = i as f32 * bin_width;
        let (l, rr) = if map.rtl {
            (r.right() - offset - bin_width, r.right() - offset)
        } else {
            (r.left() + offset, r.left() + offset + bin_width)
        };
        let column = |h: f32| Rect::from_x_y_ranges(l..=rr, r.bottom() - h..=r.bottom());
        painter.rect_filled(column(bar.whole), 0.0, whole_color);
        if let Some((_, color)) = focus
            && bar.focus > 0.0
        {
            painter.rect_filled(column(bar.focus), 0.0, color);
        }
    }
}

/// The tooltip: the day under the pointer, then up to five entries (headline, sentence).
fn hover_ui(ui: &mut Ui, input: &StripInput, day: i32, hits: Option<&Hits>) {
    ui.label(iso_day(day));
    let Some(hits) = hits else {
        ui.weak(&input.labels.zoom_in);
        return;
    };
    if hits.outside_focus {
        // Opening one of these shows an article the list does not.
        ui.weak(&input.labels.outside_filter);
    }
    let hits = &hits.marks;
    let style = TextStyle::new(
        FontId::proportional(14.0),
        ui.visuals().text_color(),
        Direction::Rtl,
    );
    let title_style = TextStyle::new(
        FontId::proportional(14.0),
        ui.visuals().strong_text_color(),
        Direction::Rtl,
    );
    for (n, mark) in hits.iter().take(TOOLTIP_ENTRIES).enumerate() {
        if n > 0 {
            ui.separator();
        }
        let (title, sentence) = (input.describe)(mark);
        // The headline on one row, the sentence under it: one mixed line would interleave
        // the two under the bidi algorithm.
        bidi_label(ui, &title, &title_style, 1, Sense::hover());
        if !sentence.is_empty() {
            bidi_label(ui, &sentence, &style, 3, Sense::hover());
        }
    }
    if hits.len() > TOOLTIP_ENTRIES {
        ui.weak(format!("+{}", hits.len() - TOOLTIP_ENTRIES));
    }
}
