//! Day–month–year, month–year and year-less dates in the Arabic month traditions and
//! English ("27 سبتمبر 2020", "September 29, 2023", "10 و11 مايو", "أغسطس الماضي").

use super::expression::{Point, Qual, Raw, with_year_offset};
use super::scanner::Scanner;

impl Scanner<'_> {
    /// Day–month–year and month–year dates, Arabic and English order, with day ranges.
    pub(super) fn calendar_date(&self, i: usize) -> Option<(Raw, usize)> {
        let mut j = i;
        let mut day = None;
        let mut day2 = None;
        if let Some((d, k)) = self.day(j) {
            day = Some(d);
            j = k;
            // "10 و11 مايو", "15 إلى 24 يوليو", "15-17 أكتوبر"
            if let Some(k2) = self.range_word(j)
                && let Some((d2, k3)) = self.day(k2)
                && d2 > d
                && self.starts_month(k3)
            {
                day2 = Some(d2);
                j = k3;
            }
            if self.t.get(j).is_some_and(|t| t.is_punct(",،")) {
                j += 1;
            }
            if self.word(j) == Some("من") && self.starts_month(j + 1) {
                j += 1;
            }
        }
        let (month, hijri, ambiguous, mut k) = self.month(j)?;
        // English order: "September 29, 2023".
        if day.is_none()
            && let Some((d, k2)) = self.day(k)
        {
            let after = if self.t.get(k2).is_some_and(|t| t.is_punct(",،")) {
                k2 + 1
            } else {
                k2
            };
            if self.year(after).is_some() {
                day = Some(d);
                k = after;
            }
        }
        if self.t.get(k).is_some_and(|t| t.is_punct(",،")) && self.year(k + 1).is_some() {
            k += 1;
        }
        let year = self.year(k);
        if hijri {
            let (y, _, end) = year?;
            return self.hijri(y, month, day, day2, end);
        }
        let (year, end) = match year {
            Some((y, false, end)) => (Some(y), end),
            Some((_, true, _)) => return None,
            None => (None, k),
        };
        let from = Point {
            year,
            month: Some(month),
            day,
        };
        let until = day2.map(|d| Point {
            day: Some(d),
            ..from
        });
        if year.is_some() {
            return Some((
                Raw::Absolute {
                    from,
                    until,
                    qual: Qual::None,
                    month_alone: false,
                },
                end,
            ));
        }
        // Year-less: a qualifier may follow; a month alone needs a preposition before it.
        let (qual, year_offset, end) = self.month_qualifier(end).unwrap_or((Qual::None, None, end));
        // "شهري جويلية وأوت": after "month(s)" or another month name, a name is a month.
        let after_month =
            self.preceded_by(i, &self.v.month_words) || (i > 0 && self.month_before(i));
        if day.is_none() && ambiguous && !after_month {
            return None;
        }
        let month_alone = day.is_none()
            && qual == Qual::None
            && year_offset.is_none()
            && !after_month
            && !self.preceded_by(i, &self.v.prepositions)
            && !self.preceded_by(i, &self.v.period_words);
        if month_alone {
            return None;
        }
        if let Some(offset) = year_offset {
            return Some((
                Raw::Absolute {
                    from,
                    until,
                    qual: Qual::Current,
                    month_alone: false,
                },
                end,
            ))
            .map(|(raw, end)| (with_year_offset(raw, offset), end));
        }
        Some((
            Raw::Absolute {
                from,
                until,
                qual,
                month_alone: day.is_none() && qual == Qual::None,
            },
            end,
        ))
    }

    /// "الماضي" or "من العام الماضي" / "من هذا العام" after a year-less month: the qualifier
    /// and where it ends; a year offset is turned into a qualifier of the year.
    pub(super) fn month_qualifier(&self, i: usize) -> Option<(Qual, Option<i32>, usize)> {
        if let Some(q) = self.qual(i) {
            return Some((q, None, i + 1));
        }
        let from = usize::from(self.word(i) == Some("من"));
        if let Some((offset, j)) = self.relative_year(i + from) {
            return Some((Qual::None, Some(offset), j));
        }
        None
    }
}
