//! Expressions relative to the publication date: today / yesterday / tomorrow with a weekday,
//! "الخميس الماضي", "الشهر الجاري", "العام المقبل".

use super::expression::{Qual, Raw};
use super::scanner::Scanner;
use rustc_hash::FxHashSet;

impl Scanner<'_> {
    /// Relative expressions.
    pub(super) fn relative(&self, i: usize) -> Option<(Raw, usize)> {
        // "اليوم الأربعاء", "اليوم (الاثنين)", "أمس الخميس", "أول أمس", "غدًا الجمعة".
        let mut j = i;
        let offset = if self.word_in(j, &self.v.before_yesterday)
            && self.word_in(j + 1, &self.v.yesterday)
        {
            j += 2;
            Some(-2)
        } else if self.word_in(j, &self.v.today) {
            j += 1;
            Some(0)
        } else if self.word_in(j, &self.v.yesterday) {
            j += 1;
            Some(-1)
        } else if self.word_in(j, &self.v.tomorrow) {
            j += 1;
            Some(1)
        } else {
            None
        };
        if let Some(offset) = offset {
            let (wd, end) = self.weekday_after(j);
            if offset == 0 && wd.is_none() {
                return None;
            }
            return Some((
                Raw::Day {
                    offset,
                    weekday: wd,
                },
                end,
            ));
        }
        // "الخميس الماضي", "يوم الأحد المقبل".
        if let Some((wd, k)) = self.lookup(i, &self.v.weekdays)
            && let Some(q @ (Qual::Past | Qual::Next)) = self.qual(k)
        {
            return Some((
                Raw::Weekday {
                    weekday: wd,
                    qual: q,
                },
                k + 1,
            ));
        }
        // "25 من الشهر الجاري".
        if let Some((day, j)) = self.day(i) {
            let j = if self.word(j) == Some("من") {
                j + 1
            } else {
                j
            };
            let (offset, end) = self.relative_month(j)?;
            return Some((
                Raw::Month {
                    offset,
                    day: Some(day),
                },
                end,
            ));
        }
        if let Some((offset, end)) = self.relative_month(i) {
            return Some((Raw::Month { offset, day: None }, end));
        }
        let (offset, end) = self.relative_year(i)?;
        Some((Raw::Year { offset }, end))
    }

    /// "الشهر الماضي", "هذا الشهر", "الشهر المقبل": a month offset.
    pub(super) fn relative_month(&self, i: usize) -> Option<(i32, usize)> {
        self.relative_unit(i, &self.v.month_words)
    }

    /// A weekday after "اليوم"/"أمس", possibly in brackets or after a comma.
    pub(super) fn weekday_after(&self, j: usize) -> (Option<u32>, usize) {
        let mut k = j;
        while self.t.get(k).is_some_and(|t| t.is_punct("(،,")) && k < j + 2 {
            k += 1;
        }
        match self.lookup(k, &self.v.weekdays) {
            Some((wd, mut end)) => {
                if self.t.get(end).is_some_and(|t| t.is_punct(")")) {
                    end += 1;
                }
                (Some(wd), end)
            }
            None => (None, j),
        }
    }

    /// "العام الماضي", "هذه السنة", "العام المقبل": a year offset.
    pub(super) fn relative_year(&self, i: usize) -> Option<(i32, usize)> {
        self.relative_unit(i, &self.v.year_words)
    }

    /// "this <unit>" or "the <unit>" + past / current / next: an offset in that unit.
    pub(super) fn relative_unit(&self, i: usize, unit: &FxHashSet<String>) -> Option<(i32, usize)> {
        if self.word_in(i, &self.v.this) && self.word_in(i + 1, unit) {
            return Some((0, i + 2));
        }
        if self.word_in(i, unit)
            && self.word(i).is_some_and(|w| w.contains("ال"))
            && let Some(q) = self.qual(i + 1)
        {
            let offset = match q {
                Qual::Past => -1,
                Qual::Next => 1,
                _ => 0,
            };
            return Some((offset, i + 2));
        }
        None
    }
}
