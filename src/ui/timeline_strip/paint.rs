//! Drawing the lanes: density bars binned over the visible range (the focus over the muted
//! whole, at the same scale), and single marks when zoomed in far enough.

use super::*;

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

/// One mark: a hairline when narrower than two points, else a bar over its days.
pub(super) fn paint_mark(painter: &Painter, map: &DayMap, mark: &Mark, lane: Rect, color: Color32) {
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
pub(super) fn paint_density(
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
