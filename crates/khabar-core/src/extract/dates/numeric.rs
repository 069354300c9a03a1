//! Numeric dates: "18-8-2024", "2024/05/14", "14.5.2024", read day-first as Arabic sources
//! write them unless only month-first is a real date.

use super::expression::{Point, Qual, Raw};
use super::resolution::valid;
use super::scanner::Scanner;
use super::token::Kind;

impl Scanner<'_> {
    /// Numeric dates: "18-8-2024", "2024/05/14", "14.5.2024".
    pub(super) fn numeric(&self, i: usize) -> Option<(Raw, usize)> {
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
}
