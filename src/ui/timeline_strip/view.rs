//! What part of time the strip shows ([`TimelineView`]: fit, zoom, pan) and where a day
//! falls across the plot ([`DayMap`], mirrored when time runs right to left).

use super::*;

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

    pub(super) fn is_valid(&self) -> bool {
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
    pub(super) fn span_x(&self, start: i32, end: i32, min_width: f32) -> (f32, f32) {
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
    pub(super) fn days_around(&self, x: f32, radius: f32) -> (i32, i32) {
        let (a, b) = (self.day(x - radius), self.day(x + radius));
        (a.min(b).floor() as i32, a.max(b).floor() as i32)
    }
}
