//! A date expression as the grammars read it, before resolution: parts as written, a
//! qualifier for a missing year, or an offset relative to the publication date.

/// Precision-aware date parts as written; `year` may be missing (resolved later).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Point {
    pub(super) year: Option<i32>,
    pub(super) month: Option<u8>,
    pub(super) day: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Qual {
    None,
    Past,
    Next,
    Current,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Raw {
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

pub(super) fn with_year_offset(raw: Raw, offset: i32) -> Raw {
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
pub(super) const RELATIVE_YEAR_BASE: i32 = -10_000;
