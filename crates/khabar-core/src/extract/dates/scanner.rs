//! The scanner over one stretch of tokens: the shared readers of days, years, month names,
//! qualifiers and range words, the choice of the longest expression at a token, and the scan
//! of a text into raw expressions. The grammars themselves are in the sibling files.

use super::expression::{Qual, Raw};
use super::token::{Kind, Token, tokenize, word_forms};
use super::vocabulary::Vocabulary;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

pub(super) struct Scanner<'a> {
    pub(super) v: &'a Vocabulary,
    pub(super) t: &'a [Token],
}

impl<'a> Scanner<'a> {
    pub(super) fn word(&self, i: usize) -> Option<&'a str> {
        self.t
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.folded.as_str())
    }

    /// The first form of word `i` (as written, then without proclitics) in `set`.
    pub(super) fn word_in(&self, i: usize, set: &FxHashSet<String>) -> bool {
        self.word(i)
            .is_some_and(|w| word_forms(w).iter().any(|f| set.contains(*f)))
    }

    pub(super) fn lookup<T: Copy>(
        &self,
        i: usize,
        map: &FxHashMap<String, T>,
    ) -> Option<(T, usize)> {
        let first = self.word(i)?;
        for form in word_forms(first) {
            if let Some(second) = self.word(i + 1) {
                let pair = format!("{form} {second}");
                if let Some(&v) = map.get(&pair) {
                    return Some((v, i + 2));
                }
            }
            if let Some(&v) = map.get(form) {
                return Some((v, i + 1));
            }
        }
        None
    }

    /// True when number token `i` is glued to more digits ("2,500", "1.5") or a unit ("2000كم").
    pub(super) fn glued(&self, i: usize) -> bool {
        let t = &self.t[i];
        let next = self.t.get(i + 1);
        let after = self.t.get(i + 2);
        let joins_digits = |sep: Option<&Token>, num: Option<&Token>| {
            sep.is_some_and(|s| s.is_punct(",.،٬٫'") && !s.space_before)
                && num.is_some_and(|n| n.kind == Kind::Num && !n.space_before)
        };
        let prev_joins = i >= 2 && joins_digits(self.t.get(i - 1), Some(t)) && {
            let p = &self.t[i - 2];
            p.kind == Kind::Num && !self.t[i - 1].space_before
        };
        let unit_after = next.is_some_and(|n| {
            !n.space_before
                && ((n.kind == Kind::Word
                    && !self.v.hijri_markers.contains(&n.folded)
                    && !self.v.gregorian_markers.contains(&n.folded)
                    && !matches!(n.folded.as_str(), "st" | "nd" | "rd" | "th"))
                    || n.is_punct("%"))
        });
        joins_digits(next, after) || prev_joins || unit_after
    }

    /// A day of the month at `i`: `(day, next)`, skipping "th" and a comma.
    pub(super) fn day(&self, i: usize) -> Option<(u8, usize)> {
        if self.word_in(i, &self.v.first_day) && self.starts_month(i + 1) {
            return Some((1, i + 1));
        }
        let t = self.t.get(i)?;
        let d = t
            .number()
            .filter(|d| (1..=31).contains(d) && t.digits() <= 2)?;
        if self.glued(i) {
            return None;
        }
        let mut j = i + 1;
        if self
            .word(j)
            .is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th") && !self.t[j].space_before)
        {
            j += 1;
        }
        Some((d as u8, j))
    }

    /// A year at `i` with an optional calendar marker: `(year, hijri_marker, next)`.
    pub(super) fn year(&self, i: usize) -> Option<(i32, bool, usize)> {
        let t = self.t.get(i)?;
        let y = t.number()? as i32;
        if !(3..=4).contains(&t.digits()) || self.glued(i) {
            return None;
        }
        let mut j = i + 1;
        let mut hijri = false;
        if let Some(w) = self.word(j) {
            if self.v.hijri_markers.contains(w) {
                hijri = true;
                j += 1;
            } else if self.v.gregorian_markers.contains(w) {
                j += 1;
            }
        }
        if j > i + 1 && self.t[j - 1].is_punct(".") {
            j += 1;
        }
        let valid = if hijri {
            (1..=1600).contains(&y)
        } else {
            t.digits() == 4 && (1000..=2999).contains(&y)
        };
        valid.then_some((y, hijri, j))
    }

    /// A month name at `i`, with a paired name after it ("مايو/أيار", "أيلول (سبتمبر)").
    /// Returns `(month, hijri, ambiguous, next)`.
    pub(super) fn month(&self, i: usize) -> Option<(u8, bool, bool, usize)> {
        let (m, hijri, mut j) = if let Some((m, j)) = self.lookup(i, &self.v.months) {
            (m, false, j)
        } else {
            let (m, j) = self.lookup(i, &self.v.hijri_months)?;
            (m, true, j)
        };
        let ambiguous = !hijri
            && (j == i + 1)
            && word_forms(self.word(i)?)
                .iter()
                .any(|f| self.v.ambiguous_months.contains(*f));
        // A paired name: "/" or "-" or "(" then the same month in another tradition.
        if let Some(sep) = self.t.get(j)
            && sep.is_punct("/(-")
            && let Some((m2, k)) = self.lookup(j + 1, &self.v.months)
            && m2 == m
            && !hijri
        {
            j = k;
            if self.t.get(j).is_some_and(|t| t.is_punct(")")) {
                j += 1;
            }
            return Some((m, false, false, j));
        }
        Some((m, hijri, ambiguous, j))
    }

    pub(super) fn qual(&self, i: usize) -> Option<Qual> {
        if self.word_in(i, &self.v.past) {
            Some(Qual::Past)
        } else if self.word_in(i, &self.v.next) {
            Some(Qual::Next)
        } else if self.word_in(i, &self.v.current) {
            Some(Qual::Current)
        } else {
            None
        }
    }

    pub(super) fn preceded_by(&self, i: usize, set: &FxHashSet<String>) -> bool {
        i > 0 && self.word_in(i - 1, set)
    }

    pub(super) fn range_word(&self, i: usize) -> Option<usize> {
        let t = self.t.get(i)?;
        if t.is_punct("-–—") {
            return Some(i + 1);
        }
        if self.word_in(i, &self.v.range_words) || self.word(i) == Some("و") {
            return Some(i + 1);
        }
        None
    }

    /// True when the words just before `i` are a month name and `i` is joined to it by "و"
    /// ("جويلية وأوت").
    pub(super) fn month_before(&self, i: usize) -> bool {
        let joined = self.word(i).is_some_and(|w| w.starts_with('و'));
        joined
            && ((1..=2).any(|back| {
                i >= back
                    && self
                        .month(i - back)
                        .is_some_and(|(_, h, _, end)| !h && end == i)
            }))
    }

    pub(super) fn starts_month(&self, i: usize) -> bool {
        let i = if self.word(i) == Some("من") {
            i + 1
        } else {
            i
        };
        self.lookup(i, &self.v.months).is_some() || self.lookup(i, &self.v.hijri_months).is_some()
    }

    /// The longest expression starting at token `i`.
    pub(super) fn at(&self, i: usize) -> Option<(Raw, usize)> {
        [
            self.numeric(i),
            self.month_range(i),
            self.calendar_date(i),
            self.year_phrase(i),
            self.relative(i),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|(_, end)| *end)
    }
}

/// Raw expressions of one stretch of text, with their byte ranges.
pub(super) fn scan(text: &str, range: Range<usize>, v: &Vocabulary) -> Vec<(Range<usize>, Raw)> {
    let tokens = tokenize(text, range);
    let s = Scanner { v, t: &tokens };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let may_start = match t.kind {
            Kind::Num => true,
            Kind::Word => word_forms(&t.folded).iter().any(|f| v.starts.contains(*f)),
            Kind::Punct => false,
        };
        if !may_start {
            i += 1;
            continue;
        }
        match s.expression(i) {
            Some((raw, end)) if end > i => {
                out.push((tokens[i].range.start..tokens[end - 1].range.end, raw));
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}
