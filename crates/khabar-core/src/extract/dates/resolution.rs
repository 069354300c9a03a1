//! Resolution: a raw expression becomes ISO values, with relative and year-less ones anchored
//! to the publication day (and dropped when there is none).

use super::calendar::{civil_from_days, days_in_month, iso_day, iso_span, weekday};
use super::expression::{Point, Qual, RELATIVE_YEAR_BASE, Raw};
use super::mention::DateMention;
use std::ops::Range;

pub(super) fn valid(y: i32, m: u32, d: u32) -> bool {
    days_in_month(y, m).is_some_and(|last| (1..=last).contains(&d))
}

fn point_iso(p: Point) -> Option<String> {
    let y = p.year?;
    Some(match (p.month, p.day) {
        (Some(m), Some(d)) => {
            if !valid(y, m.into(), d.into()) {
                return None;
            }
            format!("{y:04}-{m:02}-{d:02}")
        }
        (Some(m), None) => format!("{y:04}-{m:02}"),
        _ => format!("{y:04}"),
    })
}

/// Resolves a raw expression against the publication day; `None` when it cannot be.
fn resolve(
    raw: &Raw,
    published: Option<i32>,
) -> Option<(String, Option<String>, Option<String>, bool)> {
    let pub_ymd = published.map(civil_from_days);
    match raw {
        Raw::Absolute {
            from, until, qual, ..
        } => {
            let mut from = *from;
            let mut until = *until;
            let relative = from.year.is_none_or(|y| y < 0);
            if let Some(y) = from.year
                && y < 0
            {
                let (py, _, _) = pub_ymd?;
                let year = py + (y - RELATIVE_YEAR_BASE);
                from.year = Some(year);
                if let Some(u) = until.as_mut() {
                    u.year = Some(year);
                }
            }
            if from.year.is_none() {
                let (py, pm, pd) = pub_ymd?;
                let key = |p: &Point| (p.month.unwrap_or(0), p.day.unwrap_or(0));
                let pub_key = (pm as u8, if from.day.is_some() { pd as u8 } else { 0 });
                let start_key = key(&from);
                let year = match qual {
                    Qual::Past if start_key >= pub_key => py - 1,
                    Qual::Next if start_key <= pub_key => py + 1,
                    _ => py,
                };
                from.year = Some(year);
                if let Some(u) = until.as_mut()
                    && u.year.is_none()
                {
                    u.year = Some(if key(u) < start_key { year + 1 } else { year });
                }
            }
            let value = point_iso(from)?;
            let until = match until {
                Some(u) => Some(point_iso(u)?),
                None => None,
            };
            Some((value, until, None, relative))
        }
        Raw::Hijri {
            from,
            to,
            day,
            written,
        } => Some((
            iso_day(*from),
            (!day || from != to)
                .then(|| iso_day(*to))
                .filter(|_| from != to),
            Some(written.clone()),
            false,
        )),
        Raw::Day {
            offset,
            weekday: wd,
        } => {
            let day = published? + offset;
            if wd.is_some_and(|wd| wd != weekday(day)) {
                return None;
            }
            Some((iso_day(day), None, None, true))
        }
        Raw::Weekday { weekday: wd, qual } => {
            let p = published?;
            let day = match qual {
                Qual::Past => (1..=7).map(|k| p - k).find(|d| weekday(*d) == *wd)?,
                _ => (1..=7).map(|k| p + k).find(|d| weekday(*d) == *wd)?,
            };
            Some((iso_day(day), None, None, true))
        }
        Raw::Month { offset, day } => {
            let (py, pm, _) = pub_ymd?;
            let index = py * 12 + pm as i32 - 1 + offset;
            let (y, m) = (index.div_euclid(12), index.rem_euclid(12) as u8 + 1);
            let value = point_iso(Point {
                year: Some(y),
                month: Some(m),
                day: *day,
            })?;
            Some((value, None, None, true))
        }
        Raw::Year { offset } => {
            let (py, _, _) = pub_ymd?;
            Some((format!("{:04}", py + offset), None, None, true))
        }
    }
}

pub(super) fn day_of(value: &str) -> Option<i32> {
    let (start, end) = iso_span(value)?;
    (start == end).then_some(start)
}

pub(super) fn mention(
    range: Range<usize>,
    raw: &Raw,
    published: Option<i32>,
) -> Option<DateMention> {
    let (value, until, hijri, relative) = resolve(raw, published)?;
    Some(DateMention {
        range,
        value,
        until,
        hijri,
        relative,
    })
}
