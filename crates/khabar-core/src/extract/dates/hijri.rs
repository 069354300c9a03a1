//! Hijri dates, converted to Gregorian day spans as soon as they are read
//! ("15 رمضان 1445هـ", "شوال 1445").

use super::calendar::{hijri_days_in_month, hijri_to_days};
use super::expression::Raw;
use super::scanner::Scanner;

impl Scanner<'_> {
    pub(super) fn hijri(
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
}
