//! Digits of a generated article: years found and shifted in Western and Arabic-Indic digits
//! alike, and Western digits rewritten as Arabic-Indic ones.

use crate::text::normalize::is_arabic_letter;
use std::ops::Range;

/// The value of a digit of any of the three digit sets, and the set's zero.
fn digit(c: char) -> Option<(u32, char)> {
    match c {
        '0'..='9' => Some((c as u32 - '0' as u32, '0')),
        '\u{660}'..='\u{669}' => Some((c as u32 - 0x660, '\u{660}')),
        '\u{6F0}'..='\u{6F9}' => Some((c as u32 - 0x6F0, '\u{6F0}')),
        _ => None,
    }
}

/// Runs of digits of one set that stand alone (no digit of any set and no Latin letter
/// around them), with their value when they are a year 1900–2099.
fn year_runs(text: &str) -> impl Iterator<Item = (Range<usize>, i32, char)> + '_ {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < chars.len() {
            let Some((_, zero)) = digit(chars[i].1) else {
                i += 1;
                continue;
            };
            let start = i;
            while i < chars.len() && digit(chars[i].1).is_some_and(|(_, z)| z == zero) {
                i += 1;
            }
            let isolated = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_none_or(|&(_, c)| digit(c).is_none() && !c.is_ascii_alphabetic())
            };
            if i - start == 4 && isolated(start.checked_sub(1)) && isolated(Some(i)) {
                let value = chars[start..i]
                    .iter()
                    .fold(0, |v, &(_, c)| v * 10 + digit(c).map_or(0, |d| d.0) as i32);
                if (1900..=2099).contains(&value) {
                    let end = chars.get(i).map_or(text.len(), |&(b, _)| b);
                    return Some((chars[start].0..end, value, zero));
                }
            }
        }
        None
    })
}

/// The years 1900–2099 written in `text` (four digits standing alone, any digit set).
pub fn years_in(text: &str) -> Vec<i32> {
    year_runs(text).map(|(_, y, _)| y).collect()
}

/// Writes `value` with the digits of the set whose zero is `zero`.
fn push_number(out: &mut String, value: i32, zero: char) {
    for c in value.to_string().chars() {
        match c.to_digit(10) {
            Some(d) => out.push(char::from_u32(zero as u32 + d).unwrap_or(c)),
            None => out.push(c),
        }
    }
}

/// `text` with every year 1900–2099 (four digits standing alone, Western or Arabic-Indic)
/// moved by `offset` years, in the same digits.
///
/// ```
/// use khabar_core::corpus::synth::shift_years;
/// assert_eq!(shift_years("منذ عام 1991 وحتى ٢٠٢٠، و44 يوما", -3), "منذ عام 1988 وحتى ٢٠١٧، و44 يوما");
/// assert_eq!(shift_years("18-8-2024 | 22:14 و12345", 1), "18-8-2025 | 22:14 و12345");
/// ```
pub fn shift_years(text: &str, offset: i32) -> String {
    let mut out = String::with_capacity(text.len());
    push_shifted(&mut out, text, offset);
    out
}

pub(super) fn push_shifted(out: &mut String, text: &str, offset: i32) {
    let mut at = 0;
    for (range, year, zero) in year_runs(text) {
        out.push_str(&text[at..range.start]);
        push_number(out, year + offset, zero);
        at = range.end;
    }
    out.push_str(&text[at..]);
}

/// Lines with more Arabic than Latin letters get Arabic-Indic digits (numbers touching a
/// Latin letter, as in links and handles, are left alone).
pub(super) fn arabic_indic_digits(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let arabic = line.chars().filter(|&c| is_arabic_letter(c)).count();
        let latin = line.chars().filter(char::is_ascii_alphabetic).count();
        if arabic <= latin {
            out.push_str(line);
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let touches_latin = start
                .checked_sub(1)
                .is_some_and(|j| chars[j].is_ascii_alphabetic())
                || chars.get(i).is_some_and(char::is_ascii_alphabetic);
            for &c in &chars[start..i] {
                out.push(if touches_latin {
                    c
                } else {
                    char::from_u32(0x660 + c as u32 - '0' as u32).unwrap_or(c)
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_of_both_digit_sets_shift_and_other_numbers_stay() {
        assert_eq!(
            shift_years("في 9 نوفمبر 2020، وكان قوامها 1960 جنديًا و90 ناقلة", 2),
            "في 9 نوفمبر 2022، وكان قوامها 1962 جنديًا و90 ناقلة"
        );
        assert_eq!(shift_years("عام ١٩٩١ و۲۰۲۰", -1), "عام ١٩٩٠ و۲۰۱۹");
        // Not years: longer numbers, numbers in links, out of range.
        assert_eq!(
            shift_years("84,770 و12024 وt.co/a2020b و1850 و2100", 5),
            "84,770 و12024 وt.co/a2020b و1850 و2100"
        );
        assert_eq!(years_in("2025-05-14@15:13:12 GMT"), [2025]);
    }

    #[test]
    fn arabic_indic_only_in_arabic_lines_and_not_in_links() {
        assert_eq!(
            arabic_indic_digits("في 27 سبتمبر 2020\nSeptember 29, 2023\nرابط t2020"),
            "في ٢٧ سبتمبر ٢٠٢٠\nSeptember 29, 2023\nرابط t2020"
        );
    }
}
