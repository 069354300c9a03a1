//! Publication-date lines: "18-8-2024 | 22:14", "تاريخ النشر: 29th, September 2023 GMT",
//! "الأحد 18 أغسطس 2024". Issue-level date extraction in running text lives elsewhere; this
//! only recognises a line that *is* a date.

use super::calendar::days_in_month;
use super::vocabulary::VOCABULARY;
use crate::text::normalize::fold;
use regex::Regex;
use std::sync::LazyLock;

/// Month names of the vocabulary that datelines have never been read with (a spelling variant
/// and the English abbreviations). Reading them would change which lines count as datelines,
/// and so the recorded extract output; that is a change to make on purpose, not in passing.
const NOT_IN_DATELINES: [&str; 13] = [
    "اغسطوس",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// The month of a folded name a dateline may use.
fn month_number(name: &str) -> Option<u8> {
    if NOT_IN_DATELINES.contains(&name) {
        return None;
    }
    VOCABULARY.months.get(name).copied()
}

static MONTH_ALTERNATION: LazyLock<String> = LazyLock::new(|| {
    let mut names: Vec<&str> = VOCABULARY
        .months
        .keys()
        .map(String::as_str)
        .filter(|name| month_number(name).is_some())
        .collect();
    // Longest first so "تشرين الثاني" wins over a shorter prefix (then by name, so the
    // pattern does not depend on the map's order).
    names.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    let names: Vec<String> = names.into_iter().map(regex::escape).collect();
    names.join("|")
});

static NUMERIC_YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[^\d]|$)").unwrap()
});
static NUMERIC_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[^\d]|$)").unwrap()
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^\d])(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?:من\s+)?({})\s*[،,]?\s*(\d{{4}})(?:[^\d]|$)",
        *MONTH_ALTERNATION
    ))
    .unwrap()
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}])({})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*[،,]?\s*(\d{{4}})(?:[^\d]|$)",
        *MONTH_ALTERNATION
    ))
    .unwrap()
});

/// An ISO date from parts, if they make a real calendar date.
pub fn iso_date(year: i32, month: u32, day: u32) -> Option<String> {
    let days_in_month = days_in_month(year, month)?;
    ((1..=days_in_month).contains(&day) && (1000..=2999).contains(&year))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// A full date (day, month, year) written anywhere in `text`, as `YYYY-MM-DD`.
///
/// Numeric dates are read day-first as Arabic sources write them, unless only month-first
/// makes a valid date.
///
/// ```
/// use khabar_core::extract::dates::dateline::find_full_date;
/// assert_eq!(find_full_date("18-8-2024 | 22:14").as_deref(), Some("2024-08-18"));
/// assert_eq!(find_full_date("2025-05-14@15:13:12 GMT").as_deref(), Some("2025-05-14"));
/// assert_eq!(find_full_date("الأحد ١٨ أغسطس ٢٠٢٤").as_deref(), Some("2024-08-18"));
/// assert_eq!(find_full_date("29th, September 2023 GMT").as_deref(), Some("2023-09-29"));
/// ```
pub fn find_full_date(text: &str) -> Option<String> {
    let folded = fold(text);
    let num = |s: &str| s.parse::<u32>().ok();
    if let Some(c) = NUMERIC_YMD.captures(&folded) {
        let (y, m, d) = (num(&c[1])?, num(&c[2])?, num(&c[3])?);
        return iso_date(y as i32, m, d);
    }
    if let Some(c) = NUMERIC_DMY.captures(&folded) {
        let (a, b, y) = (num(&c[1])?, num(&c[2])?, num(&c[3])? as i32);
        return iso_date(y, b, a).or_else(|| iso_date(y, a, b));
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(&folded) {
        let month = month_number(&c[2])?;
        return iso_date(num(&c[3])? as i32, month.into(), num(&c[1])?);
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(&folded) {
        let month = month_number(&c[1])?;
        return iso_date(num(&c[3])? as i32, month.into(), num(&c[2])?);
    }
    None
}

/// Words in a line beyond which it is a sentence that mentions a date, not a dateline.
const MAX_DATELINE_WORDS: usize = 9;

/// Words a date label may have ("تاريخ النشر", "Posted on").
const MAX_LABEL_WORDS: usize = 3;

/// A date line's value, and whether it carried a publication label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub value: String,
    pub labelled: bool,
}

/// Reads a line that states a date by itself (optionally after a label such as
/// "تاريخ النشر:"), as opposed to a sentence that mentions one.
pub fn parse_dateline(line: &str, labels: &[String]) -> Option<Dateline> {
    // Cheap test first: this runs on every line of every file.
    if line
        .split_whitespace()
        .nth(2 * (MAX_DATELINE_WORDS + MAX_LABEL_WORDS))
        .is_some()
        || !line.contains(|c: char| c.is_numeric())
    {
        return None;
    }
    let folded = fold(line.trim());
    let label = labels
        .iter()
        .find(|l| folded.starts_with(l.as_str()))
        .map(|l| l.chars().count());
    let rest: String = match label {
        Some(n) => folded.chars().skip(n).collect(),
        None => folded.clone(),
    };
    // Punctuation between parts ("عمّان - الأحد 22 أيلول 2024 - آخر تحديث 18:40") is no word.
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    if words(&rest) > MAX_DATELINE_WORDS {
        return None;
    }
    find_full_date(&rest).map(|value| Dateline {
        value,
        labelled: label.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Vec<String> {
        vec![fold("تاريخ النشر"), fold("نشر في")]
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(find_full_date("14/5/2024").as_deref(), Some("2024-05-14"));
        assert_eq!(find_full_date("5/14/2024").as_deref(), Some("2024-05-14"));
        assert_eq!(
            find_full_date("2024/05/14 10:00").as_deref(),
            Some("2024-05-14")
        );
        assert_eq!(find_full_date("٢٠٢٤-٠٥-١٤").as_deref(), Some("2024-05-14"));
        assert_eq!(find_full_date("31/2/2024"), None);
    }

    #[test]
    fn month_name_forms() {
        assert_eq!(
            find_full_date("الخميس 3 تشرين الثاني 2022").as_deref(),
            Some("2022-11-03")
        );
        assert_eq!(
            find_full_date("12 جوان 2021").as_deref(),
            Some("2021-06-12")
        );
        assert_eq!(
            find_full_date("September 29, 2023").as_deref(),
            Some("2023-09-29")
        );
        assert_eq!(
            find_full_date("1 December 2019").as_deref(),
            Some("2019-12-01")
        );
        assert_eq!(find_full_date("في مايو الماضي"), None);
    }

    #[test]
    fn datelines_versus_sentences() {
        let l = labels();
        let d = parse_dateline("تاريخ النشر: 29th, September 2023 GMT", &l).unwrap();
        assert_eq!((d.value.as_str(), d.labelled), ("2023-09-29", true));
        let d = parse_dateline("18-8-2024 | 22:14", &l).unwrap();
        assert_eq!((d.value.as_str(), d.labelled), ("2024-08-18", false));
        assert_eq!(
            parse_dateline(
                "وتم نشر القوات وفقًا للبيان الذي وقعه قادة الدول الثلاث في 9 نوفمبر 2020 في موسكو",
                &l
            ),
            None
        );
    }
}
