//! The timeline model: publication dates and mentioned dates of the corpus as day spans,
//! with pre-binned masses so a strip can draw any window quickly.
//!
//! Days are day numbers of [`crate::extract::dates::calendar`] (days since 1970-01-01). A mark covers
//! an inclusive span of days: one day for a full date, a month or a year for a date given at
//! that precision. Densities spread a mark's unit mass evenly over its days, so a year-only
//! date adds 1/365 to each day of its year and the total mass of any window is the number of
//! marks in it (counting partial overlaps pro rata).

mod axis;
mod lane_index;
mod mark;

pub use axis::{MONTHS, Tick, ticks, ticks_named};
pub use mark::{Lane, Mark};

use lane_index::LaneData;

/// Both lanes of a corpus's dates.
#[derive(Debug, Default)]
pub struct Timeline {
    lanes: [LaneData; 2],
    undated: usize,
    extent: Option<(i32, i32)>,
}

impl Timeline {
    /// Builds the timeline: sorts each lane's marks and bins their masses per day.
    /// `undated` is the number of articles without any date (shown as a count).
    /// Marks with `end < start` are treated as one-day marks at `start`.
    pub fn new(marks: Vec<Mark>, undated: usize) -> Timeline {
        let (mut published, mut mentioned) = (Vec::new(), Vec::new());
        for mut m in marks {
            m.end = m.end.max(m.start);
            match m.lane {
                Lane::Published => published.push(m),
                Lane::Mentioned => mentioned.push(m),
            }
        }
        let extent = published
            .iter()
            .chain(&mentioned)
            .fold(None, |acc: Option<(i32, i32)>, m| {
                Some(acc.map_or((m.start, m.end), |(a, b)| (a.min(m.start), b.max(m.end))))
            });
        Timeline {
            lanes: [LaneData::new(published), LaneData::new(mentioned)],
            undated,
            extent,
        }
    }

    /// The timeline of the marks whose article satisfies `keep` (e.g. the articles passing a
    /// filter), with `undated` articles without a date. Marks keep their article numbers, so a
    /// mark of the subset indexes the same article table as one of the whole.
    ///
    /// O(marks + days of the extent), like [`Timeline::new`]: the kept marks come out already
    /// sorted, which the sort there detects in one pass. `keep` is called once per mark, so it
    /// should be a lookup (a `Vec<bool>` or bit set by article), not a search.
    pub fn subset(&self, keep: impl Fn(u32) -> bool, undated: usize) -> Timeline {
        let marks = self
            .lanes
            .iter()
            .flat_map(|lane| &lane.marks)
            .filter(|m| keep(m.article))
            .copied()
            .collect();
        Timeline::new(marks, undated)
    }

    fn lane(&self, lane: Lane) -> &LaneData {
        &self.lanes[lane.index()]
    }

    /// Articles without any date.
    pub fn undated(&self) -> usize {
        self.undated
    }

    /// First and last day (inclusive) of any mark of either lane.
    pub fn extent(&self) -> Option<(i32, i32)> {
        self.extent
    }

    /// Whether neither lane has a mark.
    pub fn is_empty(&self) -> bool {
        self.extent.is_none()
    }

    /// The marks of a lane, sorted by start (then end, article, mention).
    pub fn marks(&self, lane: Lane) -> &[Mark] {
        &self.lane(lane).marks
    }

    /// Mass per bin of `bins` equal bins over `[from, to)` in fractional days (day `d`
    /// covers `[d, d + 1)`). A mark spanning k days adds 1/k to each of its days.
    /// O(bins), whatever the number of marks.
    pub fn density(&self, lane: Lane, from: f64, to: f64, bins: usize) -> Vec<f32> {
        if bins == 0 || !from.is_finite() || !to.is_finite() || to <= from {
            return vec![0.0; bins];
        }
        let data = self.lane(lane);
        let width = (to - from) / bins as f64;
        let mut previous = data.mass_before(from);
        (1..=bins)
            .map(|i| {
                let edge = if i == bins {
                    to
                } else {
                    from + i as f64 * width
                };
                let next = data.mass_before(edge);
                let mass = (next - previous).max(0.0);
                previous = next;
                mass as f32
            })
            .collect()
    }

    /// Total mass over `[from, to)` (fractional days).
    pub fn mass(&self, lane: Lane, from: f64, to: f64) -> f64 {
        let data = self.lane(lane);
        (data.mass_before(to) - data.mass_before(from)).max(0.0)
    }

    /// Marks whose span intersects the inclusive day range `from..=to`, in no particular
    /// order. A binary search per span class: narrow windows touch only nearby marks.
    pub fn marks_near(&self, lane: Lane, from: i32, to: i32) -> impl Iterator<Item = &Mark> + '_ {
        let data = self.lane(lane);
        data.candidate_ranges(from, to)
            .flat_map(move |(class, lo, hi)| {
                class.index[lo..hi]
                    .iter()
                    .map(|&i| &data.marks[i as usize])
                    .filter(move |m| m.intersects(from, to))
            })
    }

    /// An upper bound of the number of marks [`Timeline::marks_near`] yields for the same
    /// range, in O(log n): the number of marks it would look at.
    pub fn near_upper_bound(&self, lane: Lane, from: i32, to: i32) -> usize {
        self.lane(lane)
            .candidate_ranges(from, to)
            .map(|(_, lo, hi)| hi - lo)
            .sum()
    }

    /// Articles with a mark intersecting `from..=to`, sorted and deduplicated.
    pub fn articles_in(&self, lane: Lane, from: i32, to: i32) -> Vec<u32> {
        let mut articles: Vec<u32> = self.marks_near(lane, from, to).map(|m| m.article).collect();
        articles.sort_unstable();
        articles.dedup();
        articles
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dates::calendar::days_from_civil;

    fn mark(lane: Lane, start: i32, end: i32, article: u32) -> Mark {
        Mark {
            lane,
            start,
            end,
            article,
            mention: 0,
        }
    }

    fn day(y: i32, m: u32, d: u32) -> i32 {
        days_from_civil(y, m, d)
    }

    #[test]
    fn density_mass_equals_mark_count() {
        let year = crate::extract::dates::calendar::iso_span("2021").unwrap();
        let month = crate::extract::dates::calendar::iso_span("2022-02").unwrap();
        let marks = vec![
            mark(Lane::Mentioned, year.0, year.1, 0),
            mark(Lane::Mentioned, month.0, month.1, 1),
            mark(Lane::Mentioned, day(2022, 3, 5), day(2022, 3, 5), 2),
            mark(Lane::Mentioned, day(2022, 3, 5), day(2022, 3, 5), 3),
            mark(Lane::Published, day(2022, 3, 6), day(2022, 3, 6), 3),
        ];
        let t = Timeline::new(marks, 2);
        assert_eq!(t.undated(), 2);
        assert_eq!(t.extent(), Some((year.0, day(2022, 3, 6))));
        for bins in [1, 7, 100, 1000] {
            let d = t.density(
                Lane::Mentioned,
                f64::from(year.0) - 10.0,
                f64::from(day(2023, 1, 1)),
                bins,
            );
            let total: f32 = d.iter().sum();
            assert!((total - 4.0).abs() < 1e-3, "{bins}: {total}");
            let p: f32 = t
                .density(
                    Lane::Published,
                    f64::from(year.0),
                    f64::from(day(2023, 1, 1)),
                    bins,
                )
                .iter()
                .sum();
            assert!((p - 1.0).abs() < 1e-4);
        }
        // A year-precision date spreads thinly: one day of 2021 holds 1/365.
        let one = t.density(
            Lane::Mentioned,
            f64::from(day(2021, 6, 1)),
            f64::from(day(2021, 6, 2)),
            1,
        );
        assert!((one[0] - 1.0 / 365.0).abs() < 1e-6, "{one:?}");
        // Half a day holds half of it.
        let half = t.mass(
            Lane::Mentioned,
            f64::from(day(2021, 6, 1)),
            f64::from(day(2021, 6, 1)) + 0.5,
        );
        assert!((half - 0.5 / 365.0).abs() < 1e-9);
        // The two full-date mentions on 5 March 2022.
        let d = t.density(
            Lane::Mentioned,
            f64::from(day(2022, 3, 5)),
            f64::from(day(2022, 3, 6)),
            2,
        );
        assert!((d[0] + d[1] - 2.0).abs() < 1e-4);
        assert!(
            t.density(Lane::Published, 10.0, 5.0, 3)
                .iter()
                .all(|&v| v == 0.0)
        );
    }

    #[test]
    fn empty_timeline() {
        let t = Timeline::new(Vec::new(), 3);
        assert_eq!(t.extent(), None);
        assert!(t.is_empty());
        assert_eq!(t.density(Lane::Published, 0.0, 100.0, 4), vec![0.0; 4]);
        assert_eq!(t.marks_near(Lane::Mentioned, 0, 100).count(), 0);
        assert!(t.articles_in(Lane::Published, 0, 100).is_empty());
    }

    #[test]
    fn narrow_window_finds_only_intersecting_marks() {
        let base = day(2020, 1, 1);
        let mut marks = Vec::new();
        // One full-date mark a day for 4 years, plus month and year marks.
        for i in 0..1461 {
            marks.push(mark(Lane::Mentioned, base + i, base + i, i as u32));
        }
        let y2021 = crate::extract::dates::calendar::iso_span("2021").unwrap();
        marks.push(mark(Lane::Mentioned, y2021.0, y2021.1, 5000));
        let m = crate::extract::dates::calendar::iso_span("2021-06").unwrap();
        marks.push(mark(Lane::Mentioned, m.0, m.1, 5001));
        let t = Timeline::new(marks.clone(), 0);
        let (from, to) = (day(2021, 6, 10), day(2021, 6, 12));
        let mut found: Vec<u32> = t
            .marks_near(Lane::Mentioned, from, to)
            .map(|m| m.article)
            .collect();
        found.sort_unstable();
        let mut expected: Vec<u32> = marks
            .iter()
            .filter(|m| m.intersects(from, to))
            .map(|m| m.article)
            .collect();
        expected.sort_unstable();
        assert_eq!(found, expected);
        assert_eq!(found.len(), 5);
        // The search looks at few marks: not the lane, and not the year before the window.
        assert!(t.near_upper_bound(Lane::Mentioned, from, to) < 10);
        assert_eq!(t.articles_in(Lane::Mentioned, from, to), expected);
        // Nothing on the other lane.
        assert_eq!(t.marks_near(Lane::Published, from, to).count(), 0);
        // Marks come out of `marks` sorted by start.
        assert!(
            t.marks(Lane::Mentioned)
                .windows(2)
                .all(|w| w[0].start <= w[1].start)
        );
    }

    #[test]
    fn subset_keeps_article_numbers_and_never_exceeds_the_whole() {
        let base = day(2021, 1, 1);
        let year = crate::extract::dates::calendar::iso_span("2021").unwrap();
        let mut marks = Vec::new();
        for i in 0..300u32 {
            let start = base + (i as i32 * 7) % 400;
            let end = match i % 5 {
                0 => start + 29,
                _ => start,
            };
            marks.push(Mark {
                lane: Lane::Published,
                start,
                end,
                article: i,
                mention: Mark::PUBLICATION,
            });
            marks.push(Mark {
                lane: Lane::Mentioned,
                start: start - 20,
                end: end - 20,
                article: i,
                mention: i % 3,
            });
        }
        marks.push(mark(Lane::Mentioned, year.0, year.1, 301));
        marks.push(mark(Lane::Mentioned, year.0, year.1, 302));
        let whole = Timeline::new(marks, 9);
        let keep = |a: u32| !a.is_multiple_of(3);
        let part = whole.subset(keep, 4);
        assert_eq!(part.undated(), 4);
        assert_eq!(whole.undated(), 9);
        for lane in [Lane::Published, Lane::Mentioned] {
            // The same marks, same numbers, same order: a subset mark indexes the same article.
            let expected: Vec<Mark> = whole
                .marks(lane)
                .iter()
                .copied()
                .filter(|m| keep(m.article))
                .collect();
            assert!(!expected.is_empty());
            assert!(expected.len() < whole.marks(lane).len());
            assert_eq!(part.marks(lane), &expected[..]);
            // Mass: the number of kept marks, and no bin above the whole's.
            let (a, b) = whole.extent().unwrap();
            let (from, to) = (f64::from(a) - 3.0, f64::from(b) + 4.0);
            for bins in [1, 13, 250, 2000] {
                let d_whole = whole.density(lane, from, to, bins);
                let d_part = part.density(lane, from, to, bins);
                for (i, (p, w)) in d_part.iter().zip(&d_whole).enumerate() {
                    assert!(p <= &(w + 1e-4), "{lane:?} bin {i}/{bins}: {p} > {w}");
                }
                let total: f32 = d_part.iter().sum();
                assert!((total - expected.len() as f32).abs() < 1e-2, "{total}");
            }
            // Hit-testing finds the same kept marks near a day.
            let (near_from, near_to) = (base + 30, base + 60);
            let mut found: Vec<(u32, u32)> = part
                .marks_near(lane, near_from, near_to)
                .map(|m| (m.article, m.mention))
                .collect();
            found.sort_unstable();
            let mut wanted: Vec<(u32, u32)> = whole
                .marks_near(lane, near_from, near_to)
                .filter(|m| keep(m.article))
                .map(|m| (m.article, m.mention))
                .collect();
            wanted.sort_unstable();
            assert!(!found.is_empty());
            assert_eq!(found, wanted);
        }
        // Keeping everything gives the whole; keeping nothing, an empty timeline.
        let all = whole.subset(|_| true, 9);
        assert_eq!(all.extent(), whole.extent());
        assert_eq!(all.marks(Lane::Mentioned), whole.marks(Lane::Mentioned));
        let none = whole.subset(|_| false, 0);
        assert!(none.is_empty());
        assert_eq!(none.density(Lane::Published, 0.0, 1e6, 5), vec![0.0; 5]);
    }

    #[test]
    fn hundred_thousand_marks() {
        let base = day(1990, 1, 1);
        let mut seed = 12345u64;
        let mut next = || {
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
                let lane = if i % 3 == 0 {
                    Lane::Published
                } else {
                    Lane::Mentioned
                };
                mark(lane, start, start + len - 1, i / 3)
            })
            .collect();
        let t = Timeline::new(marks, 0);
        let (a, b) = t.extent().unwrap();
        let d = t.density(Lane::Mentioned, f64::from(a), f64::from(b + 1), 1000);
        assert_eq!(d.len(), 1000);
        let total: f32 = d.iter().sum();
        let count = t.marks(Lane::Mentioned).len() as f32;
        assert!((total - count).abs() < count * 1e-4, "{total} vs {count}");
        let near = t
            .marks_near(Lane::Mentioned, base + 500, base + 502)
            .count();
        assert!(near > 0);
    }
}
