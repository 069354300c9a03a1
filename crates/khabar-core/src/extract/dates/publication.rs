//! The publication date inferred from the text when no dateline states it: "today is
//! Wednesday 5 June" ("اليوم الأربعاء الموافق 5 يونيو").

use super::calendar::{days_from_civil, weekday};
use super::expression::Raw;
use super::mention::PublicationDate;
use super::resolution::valid;
use crate::text::normalize::fold;
use std::ops::Range;

/// "اليوم الأربعاء الموافق 5 يونيو": today is a weekday and a day of a month. With the year
/// written, that is the date (if the weekday agrees); without it, the year in which that day
/// falls on that weekday, nearest the latest year the article writes out.
pub(super) fn infer_published(text: &str, raws: &[(Range<usize>, Raw)]) -> Option<PublicationDate> {
    let latest_year = raws
        .iter()
        .filter_map(|(_, raw)| match raw {
            Raw::Absolute { from, until, .. } => until.unwrap_or(*from).year.filter(|y| *y > 0),
            _ => None,
        })
        .max();
    raws.windows(2).find_map(|pair| {
        let [
            (
                today,
                Raw::Day {
                    offset: 0,
                    weekday: Some(wd),
                },
            ),
            (
                date,
                Raw::Absolute {
                    from, until: None, ..
                },
            ),
        ] = pair
        else {
            return None;
        };
        let between = text.get(today.end..date.start)?;
        if fold(between)
            .split(|c: char| !c.is_alphabetic())
            .any(|w| !w.is_empty() && w != "الموافق")
            || between.chars().count() > 12
        {
            return None;
        }
        let (m, d) = (u32::from(from.month?), u32::from(from.day?));
        let year = match from.year {
            Some(y) => (weekday(days_from_civil(y, m, d)) == *wd).then_some(y)?,
            None => {
                let near = latest_year?;
                (0..=14)
                    .flat_map(|k| [near + k, near - k])
                    .find(|y| valid(*y, m, d) && weekday(days_from_civil(*y, m, d)) == *wd)?
            }
        };
        Some(PublicationDate {
            value: format!("{year:04}-{m:02}-{d:02}"),
            range: today.start..date.end,
            inferred: true,
        })
    })
}
