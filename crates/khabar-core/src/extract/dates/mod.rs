//! Date expressions in running text: every date an article writes, resolved to an ISO value
//! at the precision the text supports, with byte offsets.
//!
//! The text is cut into tokens (words, numbers, punctuation) whose words are folded and
//! compared with the vocabulary of `assets/dates.txt`; small grammars over the tokens read
//! day–month–year dates in the Arabic month traditions and English, numeric dates, years,
//! seasons, ranges, Hijri dates, and relative expressions. Relative and year-less dates are
//! resolved against the article's publication date and dropped when it is unknown.
//!
//! ```
//! use khabar_core::extract::dates::find_dates;
//! let found = find_dates("اندلعت الحرب في 27 سبتمبر 2020 واستمرت 44 يومًا", None);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].value, "2020-09-27");
//! let found = find_dates("وقع الاتفاق أمس الخميس", Some("2023-09-29"));
//! assert_eq!(found[0].value, "2023-09-28");
//! ```

pub mod calendar;
pub mod dateline;

use crate::extract::dates::calendar::{
    civil_from_days, days_from_civil, days_in_month, hijri_days_in_month, hijri_to_days,
    hijri_year_span, iso_day, iso_span, weekday,
};
use crate::text::article::{Article, Published};
use crate::text::normalize::{fold, fold_char};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// A date written in the text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DateMention {
    /// Byte range of the expression in the text.
    pub range: Range<usize>,
    /// ISO start: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
    /// ISO end of a range, at the same precision as `value`.
    pub until: Option<String>,
    /// The date as written in the Hijri calendar (`1445-09-15`, `1445-09`, `1445`), when it was.
    pub hijri: Option<String>,
    /// True when the value came from the publication date (relative or year-less).
    pub relative: bool,
}

/// An article's publication date, stated or inferred.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PublicationDate {
    pub value: String,
    /// What it was read from: the dateline, or the sentence it was inferred from.
    pub range: Range<usize>,
    /// True when inferred from the text ("اليوم الأربعاء الموافق 5 يونيو") rather than stated.
    pub inferred: bool,
}

/// The dates of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ArticleDates {
    pub published: Option<PublicationDate>,
    /// Dates in the headline and body, in text order.
    pub mentions: Vec<DateMention>,
}

/// The vocabulary file compiled into the binary.
pub const DEFAULT_VOCABULARY: &str = include_str!("../../../../../assets/dates.txt");

/// The date vocabulary, folded, from `assets/dates.txt` (or the user's override).
#[derive(Debug, Default)]
pub struct Vocabulary {
    months: FxHashMap<String, u8>,
    ambiguous_months: FxHashSet<String>,
    hijri_months: FxHashMap<String, u8>,
    hijri_markers: FxHashSet<String>,
    gregorian_markers: FxHashSet<String>,
    weekdays: FxHashMap<String, u32>,
    year_words: FxHashSet<String>,
    period_words: FxHashSet<String>,
    prepositions: FxHashSet<String>,
    count_words: FxHashSet<String>,
    past: FxHashSet<String>,
    next: FxHashSet<String>,
    current: FxHashSet<String>,
    this: FxHashSet<String>,
    today: FxHashSet<String>,
    yesterday: FxHashSet<String>,
    tomorrow: FxHashSet<String>,
    before_yesterday: FxHashSet<String>,
    month_words: FxHashSet<String>,
    first_day: FxHashSet<String>,
    event_words: FxHashSet<String>,
    range_words: FxHashSet<String>,
    dual_words: FxHashSet<String>,
    /// Words an expression can start with (first words of multi-word names): the scanner
    /// tries the grammars only at these and at numbers.
    starts: FxHashSet<String>,
}

impl Vocabulary {
    /// Parses the `[section]` format of `assets/dates.txt`.
    pub fn parse(source: &str) -> Vocabulary {
        let sections = crate::assets::sections(source);
        let lines = |name: &str| -> Vec<String> {
            sections
                .get(name)
                .into_iter()
                .flatten()
                .map(|l| fold(l.trim()))
                .filter(|l| !l.is_empty())
                .collect()
        };
        let set = |name: &str| lines(name).into_iter().collect::<FxHashSet<_>>();
        let numbered = |name: &str| -> FxHashMap<String, u32> {
            lines(name)
                .into_iter()
                .filter_map(|l| {
                    let (word, n) = l.rsplit_once(' ')?;
                    Some((word.trim().to_owned(), n.parse().ok()?))
                })
                .collect()
        };
        let months = |name: &str| -> FxHashMap<String, u8> {
            numbered(name)
                .into_iter()
                .filter(|(_, n)| (1..=12).contains(n))
                .map(|(w, n)| (w, n as u8))
                .collect()
        };
        let mut v = Vocabulary {
            months: months("months"),
            ambiguous_months: set("ambiguous-months"),
            hijri_months: months("hijri-months"),
            hijri_markers: set("hijri-markers"),
            gregorian_markers: set("gregorian-markers"),
            weekdays: numbered("weekdays")
                .into_iter()
                .filter(|(_, n)| *n < 7)
                .collect(),
            year_words: set("year-words"),
            period_words: set("period-words"),
            prepositions: set("temporal-prepositions"),
            count_words: set("count-words"),
            past: set("past"),
            next: set("next"),
            current: set("current"),
            this: set("this"),
            today: set("today"),
            yesterday: set("yesterday"),
            tomorrow: set("tomorrow"),
            before_yesterday: set("before-yesterday"),
            month_words: set("month-words"),
            first_day: set("first-day"),
            event_words: set("event-words"),
            range_words: set("range-words"),
            dual_words: set("dual-words"),
            starts: FxHashSet::default(),
        };
        let first = |w: &String| w.split(' ').next().unwrap_or_default().to_owned();
        let starts: FxHashSet<String> = v
            .months
            .keys()
            .chain(v.hijri_months.keys())
            .chain(v.weekdays.keys())
            .map(first)
            .chain(
                [
                    &v.year_words,
                    &v.period_words,
                    &v.today,
                    &v.yesterday,
                    &v.tomorrow,
                    &v.before_yesterday,
                    &v.this,
                    &v.month_words,
                    &v.first_day,
                ]
                .into_iter()
                .flatten()
                .map(first),
            )
            .collect();
        v.starts = starts;
        v
    }

    /// The compiled-in vocabulary, or the user's copy from the assets override folder.
    pub fn load() -> Vocabulary {
        Vocabulary::parse(&crate::assets::text("dates.txt", DEFAULT_VOCABULARY))
    }
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(Vocabulary::load);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    /// Byte range in the text.
    range: Range<usize>,
    /// Folded text (digits made ASCII).
    folded: String,
    /// Whitespace separates it from the previous token.
    space_before: bool,
}

impl Token {
    fn number(&self) -> Option<u32> {
        (self.kind == Kind::Num && self.folded.len() <= 9)
            .then(|| self.folded.parse().ok())
            .flatten()
    }
    fn digits(&self) -> usize {
        if self.kind == Kind::Num {
            self.folded.len()
        } else {
            0
        }
    }
    fn is_punct(&self, chars: &str) -> bool {
        self.kind == Kind::Punct && chars.contains(self.folded.as_str())
    }
}

/// The word as written and with attached proclitics (و ف ب ل ك) taken off.
fn word_forms(word: &str) -> Vec<&str> {
    let mut forms = vec![word];
    let mut rest = word;
    for prefixes in [&["و", "ف"][..], &["ب", "ل", "ك"]] {
        if let Some(r) = prefixes.iter().find_map(|p| rest.strip_prefix(p))
            && r.chars().count() >= 2
        {
            rest = r;
            forms.push(rest);
        }
    }
    forms
}

fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut space = true;
    let slice = &text[range.clone()];
    for (i, c) in slice.char_indices() {
        let at = range.start + i;
        let end = at + c.len_utf8();
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let folded = fold_char(c);
        let kind = match folded {
            None => {
                // Marks and tatweel continue the word they sit in.
                if let Some(last) = tokens.last_mut()
                    && last.kind == Kind::Word
                    && last.range.end == at
                {
                    last.range.end = end;
                }
                continue;
            }
            Some(f) if f.is_ascii_digit() => Kind::Num,
            Some(f) if f.is_alphabetic() => Kind::Word,
            Some(_) => Kind::Punct,
        };
        let f = folded.unwrap_or(c);
        if let Some(last) = tokens.last_mut()
            && kind != Kind::Punct
            && last.kind == kind
            && last.range.end == at
            && !space
        {
            last.range.end = end;
            last.folded.push(f);
            continue;
        }
        tokens.push(Token {
            kind,
            range: at..end,
            folded: f.to_string(),
            space_before: space,
        });
        space = false;
    }
    tokens
}

/// Precision-aware date parts as written; `year` may be missing (resolved later).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Point {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qual {
    None,
    Past,
    Next,
    Current,
}

#[derive(Debug, Clone, PartialEq)]
enum Raw {
    /// A Gregorian date or range; `qual` says how a missing year is found.
    Absolute {
        from: Point,
        until: Option<Point>,
        qual: Qual,
        /// Month named without day or year after a preposition: needs the publication date.
        month_alone: bool,
    },
    /// A Hijri date, already converted: inclusive day span and how it was written.
    Hijri {
        from: i32,
        to: i32,
        day: bool,
        written: String,
    },
    /// Today / yesterday / tomorrow, with the weekday the text gives.
    Day {
        offset: i32,
        weekday: Option<u32>,
    },
    /// "الخميس الماضي", "الأحد المقبل".
    Weekday {
        weekday: u32,
        qual: Qual,
    },
    /// A month relative to publication, and a day of it ("25 من الشهر الجاري").
    Month {
        offset: i32,
        day: Option<u8>,
    },
    Year {
        offset: i32,
    },
}

struct Scanner<'a> {
    v: &'a Vocabulary,
    t: &'a [Token],
}

impl<'a> Scanner<'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        self.t
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.folded.as_str())
    }

    /// The first form of word `i` (as written, then without proclitics) in `set`.
    fn word_in(&self, i: usize, set: &FxHashSet<String>) -> bool {
        self.word(i)
            .is_some_and(|w| word_forms(w).iter().any(|f| set.contains(*f)))
    }

    fn lookup<T: Copy>(&self, i: usize, map: &FxHashMap<String, T>) -> Option<(T, usize)> {
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
    fn glued(&self, i: usize) -> bool {
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
    fn day(&self, i: usize) -> Option<(u8, usize)> {
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
    fn year(&self, i: usize) -> Option<(i32, bool, usize)> {
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
    fn month(&self, i: usize) -> Option<(u8, bool, bool, usize)> {
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

    fn qual(&self, i: usize) -> Option<Qual> {
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

    /// "الماضي" or "من العام الماضي" / "من هذا العام" after a year-less month: the qualifier
    /// and where it ends; a year offset is turned into a qualifier of the year.
    fn month_qualifier(&self, i: usize) -> Option<(Qual, Option<i32>, usize)> {
        if let Some(q) = self.qual(i) {
            return Some((q, None, i + 1));
        }
        let from = usize::from(self.word(i) == Some("من"));
        if let Some((offset, j)) = self.relative_year(i + from) {
            return Some((Qual::None, Some(offset), j));
        }
        None
    }

    /// "العام الماضي", "هذه السنة", "العام المقبل": a year offset.
    fn relative_year(&self, i: usize) -> Option<(i32, usize)> {
        self.relative_unit(i, &self.v.year_words)
    }

    /// "this <unit>" or "the <unit>" + past / current / next: an offset in that unit.
    fn relative_unit(&self, i: usize, unit: &FxHashSet<String>) -> Option<(i32, usize)> {
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

    fn preceded_by(&self, i: usize, set: &FxHashSet<String>) -> bool {
        i > 0 && self.word_in(i - 1, set)
    }

    fn range_word(&self, i: usize) -> Option<usize> {
        let t = self.t.get(i)?;
        if t.is_punct("-–—") {
            return Some(i + 1);
        }
        if self.word_in(i, &self.v.range_words) || self.word(i) == Some("و") {
            return Some(i + 1);
        }
        None
    }

    /// Day–month–year and month–year dates, Arabic and English order, with day ranges.
    fn calendar_date(&self, i: usize) -> Option<(Raw, usize)> {
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

    /// True when the words just before `i` are a month name and `i` is joined to it by "و"
    /// ("جويلية وأوت").
    fn month_before(&self, i: usize) -> bool {
        let joined = self.word(i).is_some_and(|w| w.starts_with('و'));
        joined
            && ((1..=2).any(|back| {
                i >= back
                    && self
                        .month(i - back)
                        .is_some_and(|(_, h, _, end)| !h && end == i)
            }))
    }

    fn starts_month(&self, i: usize) -> bool {
        let i = if self.word(i) == Some("من") {
            i + 1
        } else {
            i
        };
        self.lookup(i, &self.v.months).is_some() || self.lookup(i, &self.v.hijri_months).is_some()
    }

    fn hijri(
        &self,
        year: i32,
        month: u8,
        day: Option<u8>,
        day2: Option<u8>,
        end: usize,
    ) -> Option<(Raw, usize)> {
        let (from, to, written) = match (day, day2) {
            (Some(d), d2) => {
                let from = hijri_to_days(year, month, d)?;
                let to = match d2 {
                    Some(d2) => hijri_to_days(year, month, d2)?,
                    None => from,
                };
                (from, to, format!("{year:04}-{month:02}-{d:02}"))
            }
            (None, _) => {
                let from = hijri_to_days(year, month, 1)?;
                let last = hijri_days_in_month(year, month)?;
                (
                    from,
                    hijri_to_days(year, month, last)?,
                    format!("{year:04}-{month:02}"),
                )
            }
        };
        Some((
            Raw::Hijri {
                from,
                to,
                day: day.is_some() && day2.is_none(),
                written,
            },
            end,
        ))
    }

    /// Month ranges with one year: "من مايو إلى يوليو 2023", "مايو ويوليو 2023" is two dates.
    fn month_range(&self, i: usize) -> Option<(Raw, usize)> {
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

    /// "عام 1991", "عامي 2020 و2022", "خريف 2020", "1445هـ", "منذ 2014", "2015-2018".
    fn year_phrase(&self, i: usize) -> Option<(Raw, usize)> {
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
    fn bare_year_ok(&self, i: usize, end: usize) -> bool {
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

    /// Relative expressions.
    fn relative(&self, i: usize) -> Option<(Raw, usize)> {
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
    fn relative_month(&self, i: usize) -> Option<(i32, usize)> {
        self.relative_unit(i, &self.v.month_words)
    }

    /// A weekday after "اليوم"/"أمس", possibly in brackets or after a comma.
    fn weekday_after(&self, j: usize) -> (Option<u32>, usize) {
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

    /// Numeric dates: "18-8-2024", "2024/05/14", "14.5.2024".
    fn numeric(&self, i: usize) -> Option<(Raw, usize)> {
        let t = self.t.get(i..i + 5)?;
        let sep = &t[1];
        if t[0].kind != Kind::Num
            || t[2].kind != Kind::Num
            || t[4].kind != Kind::Num
            || !sep.is_punct("-/.")
            || t[3].folded != sep.folded
            || t[1..].iter().any(|x| x.space_before)
        {
            return None;
        }
        let n = |k: usize| t[k].number();
        let (y, a, b) = if t[0].digits() == 4 {
            (n(0)? as i32, n(2)?, n(4)?)
        } else if t[4].digits() == 4 {
            (n(4)? as i32, n(2)?, n(0)?)
        } else {
            return None;
        };
        let (month, day) = if t[0].digits() == 4 || valid(y, a, b) {
            (a, b)
        } else {
            (b, a)
        };
        if !valid(y, month, day) || !(1000..=2999).contains(&y) {
            return None;
        }
        // Not part of a longer run of numbers ("1.14.5.2024").
        if self.t.get(i + 5).is_some_and(|x| {
            !x.space_before
                && x.is_punct("-/.")
                && self
                    .t
                    .get(i + 6)
                    .is_some_and(|n| n.kind == Kind::Num && !n.space_before)
        }) {
            return None;
        }
        Some((
            Raw::Absolute {
                from: Point {
                    year: Some(y),
                    month: Some(month as u8),
                    day: Some(day as u8),
                },
                until: None,
                qual: Qual::None,
                month_alone: false,
            },
            i + 5,
        ))
    }

    /// The longest expression starting at token `i`.
    fn at(&self, i: usize) -> Option<(Raw, usize)> {
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

    /// A date starting at `i` possibly continued into a range up to a second date
    /// ("من 28 فبراير إلى 3 مارس 2024").
    fn expression(&self, i: usize) -> Option<(Raw, usize)> {
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

fn with_year_offset(raw: Raw, offset: i32) -> Raw {
    // Encoded as a year relative to publication; resolved in `resolve`.
    match raw {
        Raw::Absolute { from, until, .. } => Raw::Absolute {
            from: Point {
                year: Some(RELATIVE_YEAR_BASE + offset),
                ..from
            },
            until: until.map(|u| Point {
                year: Some(RELATIVE_YEAR_BASE + offset),
                ..u
            }),
            qual: Qual::Current,
            month_alone: false,
        },
        other => other,
    }
}

/// Years near this base mean "publication year + (year − base)" ("سبتمبر من العام الماضي").
const RELATIVE_YEAR_BASE: i32 = -10_000;

fn valid(y: i32, m: u32, d: u32) -> bool {
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

/// Raw expressions of one stretch of text, with their byte ranges.
fn scan(text: &str, range: Range<usize>, v: &Vocabulary) -> Vec<(Range<usize>, Raw)> {
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

fn day_of(value: &str) -> Option<i32> {
    let (start, end) = iso_span(value)?;
    (start == end).then_some(start)
}

fn mention(range: Range<usize>, raw: &Raw, published: Option<i32>) -> Option<DateMention> {
    let (value, until, hijri, relative) = resolve(raw, published)?;
    Some(DateMention {
        range,
        value,
        until,
        hijri,
        relative,
    })
}

/// Every date in `text`, relative ones resolved against `published` (`YYYY-MM-DD`).
///
/// Lines are read separately; no publication date is inferred (see [`ArticleDates::extract`]).
pub fn find_dates(text: &str, published: Option<&str>) -> Vec<DateMention> {
    let anchor = published.and_then(day_of);
    let mut out = Vec::new();
    for range in crate::text::lines::line_ranges(text).filter(|r| !r.is_empty()) {
        out.extend(
            scan(text, range, &VOCABULARY)
                .into_iter()
                .filter_map(|(r, raw)| mention(r, &raw, anchor)),
        );
    }
    out
}

impl ArticleDates {
    /// The dates of an article: its headline and body ranges, the publication date stated
    /// by its dateline, else inferred from "today is Wednesday 5 June" in the text.
    pub fn extract(text: &str, article: &Article) -> ArticleDates {
        let ranges = article.title.iter().chain(&article.body).cloned();
        let raws: Vec<(Range<usize>, Raw)> =
            ranges.flat_map(|r| scan(text, r, &VOCABULARY)).collect();
        let published = match &article.published {
            Some(Published { value, range }) => Some(PublicationDate {
                value: value.clone(),
                range: range.clone(),
                inferred: false,
            }),
            None => infer_published(text, &raws),
        };
        let anchor = published.as_ref().and_then(|p| day_of(&p.value));
        ArticleDates {
            mentions: raws
                .into_iter()
                .filter_map(|(r, raw)| mention(r, &raw, anchor))
                .collect(),
            published,
        }
    }
}

/// "اليوم الأربعاء الموافق 5 يونيو": today is a weekday and a day of a month. With the year
/// written, that is the date (if the weekday agrees); without it, the year in which that day
/// falls on that weekday, nearest the latest year the article writes out.
fn infer_published(text: &str, raws: &[(Range<usize>, Raw)]) -> Option<PublicationDate> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
        find_dates(text, published)
            .into_iter()
            .map(|m| (m.value, m.until))
            .collect()
    }

    fn one(v: &str) -> Vec<(String, Option<String>)> {
        vec![(v.to_owned(), None)]
    }

    #[test]
    fn tokens_keep_offsets_and_split_clitic_digits() {
        let text = "في 10 و١١ مايو";
        let t = tokenize(text, 0..text.len());
        let kinds: Vec<Kind> = t.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [Kind::Word, Kind::Num, Kind::Word, Kind::Num, Kind::Word]
        );
        assert_eq!(t[3].folded, "11");
        assert_eq!(&text[t[3].range.clone()], "١١");
    }

    #[test]
    fn core_forms() {
        assert_eq!(values("في 27 سبتمبر 2020", None), one("2020-09-27"));
        assert_eq!(values("خريف عام 2020", None), one("2020"));
        assert_eq!(
            values("عامي 2020 و2022", None),
            vec![("2020".into(), Some("2022".into()))]
        );
        assert_eq!(
            values("جولتين في مايو 2023 ويوليو 2023", None),
            vec![("2023-05".into(), None), ("2023-07".into(), None)]
        );
        assert_eq!(values("نحو 2000 جندي روسي", None), vec![]);
        assert_eq!(values("إيغل بارتنر 2024\".", None), one("2024"));
    }

    #[test]
    fn relative_forms() {
        let p = Some("2024-08-18");
        assert_eq!(values("اليوم الأحد", p), one("2024-08-18"));
        assert_eq!(values("اليوم الخميس", p), vec![]);
        assert_eq!(values("23 نوفمبر الماضي", p), one("2023-11-23"));
        assert_eq!(
            values("من 15 إلى 24 يوليو الماضي", p),
            vec![("2024-07-15".into(), Some("2024-07-24".into()))]
        );
        assert_eq!(values("روسيا اليوم", p), vec![]);
    }

    #[test]
    fn weekday_inference_picks_the_year_nearest_the_text() {
        let text = "جولتين في مايو 2023.\nقال اليوم الأربعاء الموافق 5 يونيو إن";
        let body = vec![
            0..text.find('\n').unwrap(),
            text.find('\n').unwrap() + 1..text.len(),
        ];
        let article = Article {
            part: 1,
            title: None,
            published: None,
            body,
        };
        let dates = ArticleDates::extract(text, &article);
        let published = dates.published.unwrap();
        assert_eq!(published.value, "2024-06-05");
        assert!(published.inferred);
    }
}
