//! Which marks are under the pointer: looked up by binary search in the visible window,
//! the focus timeline first, so hover and click cost the same on any corpus size.

use super::*;

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
pub(super) struct Hits<'t> {
    pub(super) marks: Vec<&'t Mark>,
    /// The marks are of articles outside the focus (none of the focus was there).
    pub(super) outside_focus: bool,
}

/// The marks of `lane` within `radius` points of `x`: those of the focus when it has any
/// there (they are what the list shows), else those of the whole timeline; `None` when too
/// many are there to look at.
pub(super) fn hits_at<'t>(
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
