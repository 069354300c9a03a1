//! The per-lane index of marks behind the timeline's queries: marks sorted by span, grouped
//! into classes of similar span length for interval queries, and cumulative masses per day
//! so any window's density is read in time proportional to its bins.

use super::mark::Mark;
use crate::extract::dates::calendar::days_from_civil;

/// The first day the density arrays cover (1000-01-01).
pub(super) fn first_day() -> i32 {
    days_from_civil(1000, 1, 1)
}

/// The last day the density arrays cover (2999-12-31).
pub(super) fn last_day() -> i32 {
    days_from_civil(2999, 12, 31)
}

/// Marks of similar span lengths, for interval queries: a mark of this class starting before
/// `from - max_span` cannot reach `from`.
#[derive(Debug, Default)]
pub(super) struct SpanClass {
    pub(super) max_span: i32,
    /// Starts of the class's marks, ascending (parallel to `index`).
    pub(super) starts: Vec<i32>,
    /// Indices into the lane's `marks`.
    pub(super) index: Vec<u32>,
}

#[derive(Debug, Default)]
pub(super) struct LaneData {
    /// Sorted by (start, end, article, mention).
    pub(super) marks: Vec<Mark>,
    /// Marks grouped by span length (powers of two), each sorted by start.
    pub(super) classes: Vec<SpanClass>,
    /// Day number of `cumulative[0]`.
    pub(super) base: i32,
    /// `cumulative[i]` = mass of days `base .. base + i` (exclusive); length = days + 1.
    pub(super) cumulative: Vec<f64>,
}

impl LaneData {
    pub(super) fn new(mut marks: Vec<Mark>) -> LaneData {
        marks.sort_unstable_by_key(|m| (m.start, m.end, m.article, m.mention));
        // Span classes: class k holds spans of 2^(k-1) < days <= 2^k.
        let mut classes: Vec<SpanClass> = Vec::new();
        for (i, m) in marks.iter().enumerate() {
            let days = m.days().max(1) as u32;
            let k = (32 - (days - 1).leading_zeros()) as usize;
            if classes.len() <= k {
                classes.resize_with(k + 1, SpanClass::default);
            }
            let class = &mut classes[k];
            class.max_span = class.max_span.max(m.end - m.start);
            class.starts.push(m.start);
            class.index.push(i as u32);
        }
        classes.retain(|c| !c.index.is_empty());

        // Per-day mass via a difference array of densities, then a running sum twice.
        let (lo, hi) = (first_day(), last_day());
        let clamp = |d: i32| d.clamp(lo, hi);
        let (base, cumulative) = match (
            marks.iter().map(|m| clamp(m.start)).min(),
            marks.iter().map(|m| clamp(m.end)).max(),
        ) {
            (Some(min), Some(max)) => {
                let n = (max - min + 1) as usize;
                let mut diff = vec![0.0f64; n + 1];
                for m in &marks {
                    let (s, e) = (clamp(m.start), clamp(m.end.max(m.start)));
                    let per_day = 1.0 / f64::from(e - s + 1);
                    diff[(s - min) as usize] += per_day;
                    diff[(e - min) as usize + 1] -= per_day;
                }
                let mut cumulative = Vec::with_capacity(n + 1);
                cumulative.push(0.0);
                let (mut density, mut total) = (0.0f64, 0.0f64);
                for d in diff.iter().take(n) {
                    density += d;
                    total += density.max(0.0);
                    cumulative.push(total);
                }
                (min, cumulative)
            }
            _ => (0, vec![0.0]),
        };
        LaneData {
            marks,
            classes,
            base,
            cumulative,
        }
    }

    /// Mass of all days before the fractional day `x` (day `d` covers `[d, d + 1)`).
    pub(super) fn mass_before(&self, x: f64) -> f64 {
        let n = self.cumulative.len() - 1;
        let t = x - f64::from(self.base);
        if t <= 0.0 {
            return 0.0;
        }
        if t >= n as f64 {
            return self.cumulative[n];
        }
        let i = t.floor() as usize;
        let day_mass = self.cumulative[i + 1] - self.cumulative[i];
        self.cumulative[i] + (t - i as f64) * day_mass
    }

    /// For each span class, the index range of its marks that may intersect `from..=to`.
    pub(super) fn candidate_ranges(
        &self,
        from: i32,
        to: i32,
    ) -> impl Iterator<Item = (&SpanClass, usize, usize)> {
        self.classes.iter().map(move |c| {
            let lo_start = from.saturating_sub(c.max_span);
            let lo = c.starts.partition_point(|&s| s < lo_start);
            let hi = c.starts.partition_point(|&s| s <= to);
            (c, lo, hi.max(lo))
        })
    }
}
