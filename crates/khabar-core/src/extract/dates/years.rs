//! Years and seasons: "عام 1991", "عامي 2020 و2022", "خريف 2020", "1445هـ", "2015-2018", and
//! when a bare number is a year at all.

use super::calendar::hijri_year_span;
use super::expression::{Point, Qual, Raw};
use super::scanner::Scanner;
use super::token::{Kind, word_forms};

impl Scanner<'_> {
    /// "عام 1991", "عامي 2020 و2022", "خريف 2020", "1445هـ", "منذ 2014", "2015-2018".
    pub(super) fn year_phrase(&self, i: usize) -> Option<(Raw, usize)> {
        let mut j = i;
        let mut introduced = false;
        let mut plural = false;
        if self.word_in(j, &self.v.period_words) {
            j += 1;
            introduced = true;
        }
        if self.word_in(j, &self.v.year_words) {
            let w = self.word(j).unwrap_or_default();
            plural = !matches!(w, "عام" | "العام" | "سنه" | "السنه")
                && word_forms(w)
                    .iter()
                    .all(|f| !matches!(*f, "عام" | "العام" | "سنه" | "السنه"));
            j += 1;
            introduced = true;
        }
        let (y, hijri, mut end) = self.year(j)?;
        if hijri {
            let (from, to) = hijri_year_span(y)?;
            return Some((
                Raw::Hijri {
                    from,
                    to,
                    day: false,
                    written: format!("{y:04}"),
                },
                end,
            ));
        }
        if !introduced && !self.bare_year_ok(j, end) {
            return None;
        }
        // A second year closes a range: "عامي 2020 و2022", "من 2015 إلى 2018", "2015-2018".
        let mut until = None;
        let dual_before = self.preceded_by(i, &self.v.dual_words);
        if let Some(k) = self.range_word(end)
            && (plural || dual_before || (!self.t[end].space_before && self.t[end].is_punct("-–")))
            && (self.word(end) != Some("و") || plural || dual_before)
            && let Some((y2, false, end2)) = self.year(k)
            && y2 > y
            && y2 - y <= 200
        {
            until = Some(y2);
            end = end2;
        }
        let point = |y| Point {
            year: Some(y),
            month: None,
            day: None,
        };
        Some((
            Raw::Absolute {
                from: point(y),
                until: until.map(point),
                qual: Qual::None,
                month_alone: false,
            },
            end,
        ))
    }

    /// A number with nothing saying it is a year: one only in a date-like place.
    pub(super) fn bare_year_ok(&self, i: usize, end: usize) -> bool {
        let Some(y) = self.t[i].number() else {
            return false;
        };
        if !(1900..=2100).contains(&y) {
            return false;
        }
        let count_before =
            (1..=2).any(|back| i >= back && self.word_in(i - back, &self.v.count_words));
        if count_before {
            return false;
        }
        if self.preceded_by(i, &self.v.prepositions) || self.preceded_by(i, &self.v.dual_words) {
            return true;
        }
        if (1..=3).any(|back| i >= back && self.word_in(i - back, &self.v.event_words)) {
            return true;
        }
        if end > i + 1 {
            return true; // a calendar marker: "2014م"
        }
        match self.t.get(end) {
            None => true,
            Some(t) if t.kind == Kind::Punct => !t.is_punct("%$€£"),
            Some(t) => {
                // "2015-2018" and "2020 و2022" are handled by the caller.
                t.kind == Kind::Num
            }
        }
    }
}
