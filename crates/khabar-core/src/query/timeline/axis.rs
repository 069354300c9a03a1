//! The time axis: ticks at the finest step (days, months, years, decades) that fits a window,
//! labelled with month names the caller gives or the English abbreviations of the date
//! vocabulary.

use super::lane_index::{first_day, last_day};
use crate::extract::dates::MonthNames;
use crate::extract::dates::calendar::{civil_from_days, days_from_civil};
use std::sync::LazyLock;

/// One tick of a time axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    /// The tick is at the start of this day.
    pub day: i32,
    pub label: String,
    /// At a boundary of the next-coarser unit (month start for days, January for months,
    /// a decade for years, a century for decades).
    pub major: bool,
}

/// Steps of the axis, finest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Days of the month: every `n`th (1, 2, 5, 10), always including the 1st.
    Days(u32),
    /// Every `n` months (1, 3, 6), always including January.
    Months(u32),
    /// Every `n` years (1, 2, 5).
    Years(i32),
    /// Every `n` years, n a multiple of 10.
    Decades(i32),
}

const STEPS: &[Step] = &[
    Step::Days(1),
    Step::Days(2),
    Step::Days(5),
    Step::Days(10),
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Decades(10),
    Step::Decades(20),
    Step::Decades(50),
    Step::Decades(100),
    Step::Decades(200),
    Step::Decades(500),
    Step::Decades(1000),
];

/// The English abbreviations of the date vocabulary as compiled in, capitalised.
static ABBREVIATIONS: LazyLock<[String; 12]> =
    LazyLock::new(|| MonthNames::compiled().english_abbreviations());

/// Month names of tick labels ("Jan" … "Dec"), unless the caller gives its own.
pub static MONTHS: LazyLock<[&'static str; 12]> =
    LazyLock::new(|| ABBREVIATIONS.each_ref().map(String::as_str));

impl Step {
    /// Average days between ticks.
    fn average_days(self) -> f64 {
        match self {
            Step::Days(1) => 1.0,
            Step::Days(2) => 30.44 / 15.0,
            Step::Days(5) => 30.44 / 6.0,
            Step::Days(_) => 30.44 / 3.0,
            Step::Months(n) => 30.44 * f64::from(n),
            Step::Years(n) | Step::Decades(n) => 365.25 * f64::from(n),
        }
    }

    /// The ticks within `first..=last` (days).
    fn ticks(self, first: i32, last: i32, months: &[&str; 12]) -> Vec<Tick> {
        let mut out = Vec::new();
        let (y0, m0, _) = civil_from_days(first);
        let (y1, _, _) = civil_from_days(last);
        let mut push = |day: i32, label: String, major: bool| {
            if (first..=last).contains(&day) {
                out.push(Tick { day, label, major });
            }
        };
        match self {
            Step::Days(n) => {
                let (mut y, mut m) = (y0, m0);
                loop {
                    let month_start = days_from_civil(y, m, 1);
                    if month_start > last {
                        break;
                    }
                    let len = crate::extract::dates::calendar::days_in_month(y, m).unwrap_or(30);
                    let mut d = 1;
                    while d <= len {
                        // Keep the last tick of a month away from the next month's 1st.
                        if d == 1 || n == 1 || len + 1 - d >= (n / 2).max(2) {
                            let day = month_start + d as i32 - 1;
                            let label = if d == 1 {
                                format!("1 {} {y}", months[m as usize - 1])
                            } else {
                                format!("{d} {}", months[m as usize - 1])
                            };
                            push(day, label, d == 1);
                        }
                        d += n;
                    }
                    (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                }
            }
            Step::Months(n) => {
                for y in y0..=y1 {
                    for m in (1..=12).step_by(n as usize) {
                        let label = format!("{} {y}", months[m as usize - 1]);
                        push(days_from_civil(y, m, 1), label, m == 1);
                    }
                }
            }
            Step::Years(n) | Step::Decades(n) => {
                let coarser = match self {
                    Step::Years(_) => 10,
                    _ if n < 100 => 100,
                    _ => 1000,
                };
                let mut y = y0.div_euclid(n) * n;
                while y <= y1 {
                    push(
                        days_from_civil(y, 1, 1),
                        format!("{y}"),
                        y.rem_euclid(coarser) == 0,
                    );
                    y += n;
                }
            }
        }
        out
    }
}

/// Ticks for an axis showing `[from, to]` (fractional days): the finest step (days, months,
/// years, decades, with multiples 1-2-5 / 1-3-6) giving at most `max_ticks` ticks.
pub fn ticks(from: f64, to: f64, max_ticks: usize) -> Vec<Tick> {
    ticks_named(from, to, max_ticks, &MONTHS)
}

/// Like [`ticks`], with the month names of the labels given (e.g. in the interface language).
pub fn ticks_named(from: f64, to: f64, max_ticks: usize, months: &[&str; 12]) -> Vec<Tick> {
    if max_ticks == 0 || !from.is_finite() || !to.is_finite() || to <= from {
        return Vec::new();
    }
    let first = from.ceil().max(f64::from(first_day())) as i32;
    let last = to.floor().min(f64::from(last_day())) as i32;
    if first > last {
        return Vec::new();
    }
    let span = f64::from(last - first) + 1.0;
    for &step in STEPS {
        // Skip steps that clearly give too many ticks without generating them.
        if span / step.average_days() > max_ticks as f64 * 1.5 + 2.0 {
            continue;
        }
        let ticks = step.ticks(first, last, months);
        if ticks.len() <= max_ticks {
            return ticks;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> i32 {
        days_from_civil(y, m, d)
    }

    #[test]
    fn ticks_choose_the_unit_by_window() {
        // Ten years: years.
        let t = ticks(f64::from(day(2010, 1, 1)), f64::from(day(2020, 1, 1)), 12);
        assert!(t.len() >= 10 && t.len() <= 12, "{t:?}");
        assert_eq!(t[0].label, "2010");
        assert!(t[0].major);
        assert!(!t[1].major);
        assert_eq!(t[1].day, day(2011, 1, 1));
        // One year: months.
        let t = ticks(f64::from(day(2024, 1, 1)), f64::from(day(2024, 12, 31)), 13);
        assert_eq!(t.len(), 12, "{t:?}");
        assert_eq!(t[2].label, "Mar 2024");
        assert_eq!(t[2].day, day(2024, 3, 1));
        assert!(t[0].major && !t[2].major);
        // Twenty days: days.
        let t = ticks(f64::from(day(2024, 2, 20)), f64::from(day(2024, 3, 10)), 25);
        assert_eq!(t.len(), 20, "{t:?}");
        assert_eq!(t[0].label, "20 Feb");
        let first_march = t.iter().find(|t| t.day == day(2024, 3, 1)).unwrap();
        assert!(first_march.major);
        assert!(t.iter().filter(|t| t.major).count() == 1);
        // Fewer ticks allowed: coarser multiples.
        let t = ticks(f64::from(day(2024, 2, 20)), f64::from(day(2024, 3, 10)), 5);
        assert!(!t.is_empty() && t.len() <= 5, "{t:?}");
        // Centuries.
        let t = ticks(f64::from(day(1000, 1, 1)), f64::from(day(2999, 1, 1)), 10);
        assert!(!t.is_empty() && t.len() <= 10, "{t:?}");
        assert!(ticks(5.0, 5.0, 10).is_empty());
        // Month names come from the caller (the interface language).
        let mut names = *MONTHS;
        names[6] = "يوليو";
        let t = ticks_named(
            f64::from(day(2024, 1, 1)),
            f64::from(day(2024, 12, 31)),
            13,
            &names,
        );
        assert!(t.iter().any(|t| t.label == "يوليو 2024"), "{t:?}");
    }
}
