//! Calendar arithmetic on day numbers: the Gregorian civil calendar (proleptic), weekdays,
//! ISO values at day / month / year precision as day spans, and Hijri conversion.
//!
//! Day numbers count days since 1970-01-01 (negative before), so spans and bins are plain
//! integer arithmetic in the timeline and in relative-date resolution.

use icu_calendar::Date;
use icu_calendar::cal::{Hijri, Iso};

/// Days since 1970-01-01 of a proleptic Gregorian date (no validation).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    // Howard Hinnant's algorithm: eras of 400 years, March-based years.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The Gregorian date of a day number: `(year, month, day)`.
pub fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

/// Days in a Gregorian month, `None` for a month outside 1..=12.
pub fn days_in_month(year: i32, month: u32) -> Option<u32> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    })
}

/// Weekday of a day number, 0 = Sunday … 6 = Saturday (the Arabic week starts on Sunday:
/// الأحد is "the first").
pub fn weekday(days: i32) -> u32 {
    // 1970-01-01 was a Thursday.
    (days + 4).rem_euclid(7) as u32
}

/// An ISO value formatted at day precision.
pub fn iso_day(days: i32) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The days an ISO value (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) covers, as an inclusive span
/// of day numbers.
///
/// ```
/// use khabar_core::extract::dates::calendar::{iso_span, days_from_civil};
/// assert_eq!(iso_span("2024-02"), Some((days_from_civil(2024, 2, 1), days_from_civil(2024, 2, 29))));
/// assert_eq!(iso_span("2024-02-30"), None);
/// ```
pub fn iso_span(value: &str) -> Option<(i32, i32)> {
    let mut parts = value.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    if parts.next().is_some() || !(1..=9999).contains(&year) {
        return None;
    }
    match (month, day) {
        (None, _) => Some((days_from_civil(year, 1, 1), days_from_civil(year, 12, 31))),
        (Some(m), None) => {
            let last = days_in_month(year, m)?;
            Some((days_from_civil(year, m, 1), days_from_civil(year, m, last)))
        }
        (Some(m), Some(d)) => (d >= 1 && d <= days_in_month(year, m)?).then(|| {
            let day = days_from_civil(year, m, d);
            (day, day)
        }),
    }
}

/// The span of a date with an optional `until`: from the start of `value` to the end of
/// `until` (or of `value`).
pub fn value_span(value: &str, until: Option<&str>) -> Option<(i32, i32)> {
    let (start, end) = iso_span(value)?;
    let end = until.and_then(iso_span).map_or(end, |(_, e)| e.max(start));
    Some((start, end))
}

/// The Gregorian day number of a Hijri date, by the Umm al-Qura calendar (the official
/// calendar of Saudi Arabia, which most Arabic news sites follow; outside its published
/// years the library falls back to an astronomical approximation).
pub fn hijri_to_days(year: i32, month: u8, day: u8) -> Option<i32> {
    let date =
        Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura()).ok()?;
    let iso = date.to_calendar(Iso);
    let (y, m, d) = (
        iso.year().extended_year(),
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    );
    Some(days_from_civil(y, m, d))
}

/// Days in a Hijri month (29 or 30) by the Umm al-Qura calendar.
pub fn hijri_days_in_month(year: i32, month: u8) -> Option<u8> {
    Date::try_new_hijri_with_calendar(year, month, 1, Hijri::new_umm_al_qura())
        .ok()
        .map(|d| d.days_in_month())
}

/// Days in a Hijri year: the span from 1 Muharram to the last day of Dhu al-Hijja.
pub fn hijri_year_span(year: i32) -> Option<(i32, i32)> {
    let start = hijri_to_days(year, 1, 1)?;
    let last = hijri_days_in_month(year, 12)?;
    Some((start, hijri_to_days(year, 12, last)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_and_known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for d in [-800_000, -1, 0, 59, 60, 11_016, 19_000, 2_000_000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(iso_day(days_from_civil(2024, 2, 29)), "2024-02-29");
    }

    #[test]
    fn weekdays() {
        // 2024-06-05 was a Wednesday; 2023-09-29 a Friday; 2024-08-18 a Sunday.
        assert_eq!(weekday(days_from_civil(2024, 6, 5)), 3);
        assert_eq!(weekday(days_from_civil(2023, 9, 29)), 5);
        assert_eq!(weekday(days_from_civil(2024, 8, 18)), 0);
    }

    #[test]
    fn spans() {
        assert_eq!(
            iso_span("2023"),
            Some((days_from_civil(2023, 1, 1), days_from_civil(2023, 12, 31)))
        );
        assert_eq!(iso_span("2023-13"), None);
        assert_eq!(iso_span("x"), None);
        assert_eq!(
            value_span("2024-07-15", Some("2024-07-24")),
            Some((days_from_civil(2024, 7, 15), days_from_civil(2024, 7, 24)))
        );
    }

    #[test]
    fn hijri_known_dates() {
        // 1 Ramadan 1445 = 11 March 2024; 1 Shawwal 1445 (Eid al-Fitr) = 10 April 2024;
        // 1 Muharram 1446 = 7 July 2024 (Umm al-Qura).
        assert_eq!(
            hijri_to_days(1445, 9, 1).map(iso_day).as_deref(),
            Some("2024-03-11")
        );
        assert_eq!(
            hijri_to_days(1445, 10, 1).map(iso_day).as_deref(),
            Some("2024-04-10")
        );
        assert_eq!(
            hijri_to_days(1446, 1, 1).map(iso_day).as_deref(),
            Some("2024-07-07")
        );
        assert_eq!(hijri_days_in_month(1445, 9), Some(30));
    }
}
