//! Ranges: month ranges under one year ("من مايو إلى يوليو 2023") and a date continued up to a
//! second date ("من 28 فبراير إلى 3 مارس 2024").

use super::expression::{Point, Qual, Raw};
use super::scanner::Scanner;

impl Scanner<'_> {
    /// Month ranges with one year: "من مايو إلى يوليو 2023", "مايو ويوليو 2023" is two dates.
    pub(super) fn month_range(&self, i: usize) -> Option<(Raw, usize)> {
        let (m1, false, _, j) = self.month(i)? else {
            return None;
        };
        let k = self.range_word(j)?;
        if self.word(j) == Some("و") {
            return None;
        }
        let (m2, false, _, l) = self.month(k)? else {
            return None;
        };
        let (y, false, end) = self.year(l)? else {
            return None;
        };
        let y1 = if m1 > m2 { y - 1 } else { y };
        Some((
            Raw::Absolute {
                from: Point {
                    year: Some(y1),
                    month: Some(m1),
                    day: None,
                },
                until: Some(Point {
                    year: Some(y),
                    month: Some(m2),
                    day: None,
                }),
                qual: Qual::None,
                month_alone: false,
            },
            end,
        ))
    }

    /// A date starting at `i` possibly continued into a range up to a second date
    /// ("من 28 فبراير إلى 3 مارس 2024").
    pub(super) fn expression(&self, i: usize) -> Option<(Raw, usize)> {
        let (raw, end) = self.at(i)?;
        if let Raw::Absolute {
            from,
            until: None,
            qual,
            ..
        } = raw
            && from.day.is_some()
            && let Some(k) = self.range_word(end)
            && self.word(end) != Some("و")
            && let Some((
                Raw::Absolute {
                    from: to,
                    until: None,
                    ..
                },
                end2,
            )) = self.calendar_date(k)
            && to.day.is_some()
        {
            let mut from = from;
            if from.year.is_none() {
                from.year = to
                    .year
                    .map(|y| if from.month > to.month { y - 1 } else { y });
            }
            if from.year.is_some() == to.year.is_some() {
                return Some((
                    Raw::Absolute {
                        from,
                        until: Some(to),
                        qual,
                        month_alone: false,
                    },
                    end2,
                ));
            }
        }
        Some((raw, end))
    }
}
