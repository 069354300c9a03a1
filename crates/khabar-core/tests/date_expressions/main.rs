//! Table-driven checks of `khabar_core::extract::dates::find_dates` on short Arabic news sentences.
//!
//! Each case is a sentence (or a few), an optional publication date and the exact set of
//! `(value, until)` pairs the extractor must return. The tables cover:
//!
//! * Gregorian month names in the Egyptian/Gulf, Levantine and Maghrebi traditions, paired
//!   forms ("حزيران/يونيو"), the optional "من", and English months inside Arabic text;
//! * numeric dates in Western, Arabic-Indic and Persian digits, day-first unless only
//!   month-first is valid, and invalid dates that must give nothing;
//! * years ("عام 1991", "2020 ميلادي", bare years after a temporal preposition or before
//!   punctuation), seasons and "مطلع/أواخر/منتصف" periods;
//! * ranges of days, months and years (`until` set), and separate dates;
//! * Hijri dates (Umm al-Qura), alone and next to their Gregorian equivalent;
//! * expressions relative to the publication date, which give nothing without one;
//! * negatives: counts, references, prices, clock times, durations, ages, names that look
//!   like months, and year-less dates without a publication date.
//!
//! Besides the values, every mention's range must be non-empty, on char boundaries and
//! disjoint from the others. Each table runs as one test that reports all of its failures.
//! The tables live in the sibling files, one per kind of expression; this file runs them.

mod hijri;
mod month_names;
mod negatives;
mod numeric;
mod ranges;
mod relative;
mod years;

use hijri::HIJRI;
use month_names::MONTH_NAMES;
use negatives::NEGATIVES;
use numeric::NUMERIC;
use ranges::RANGES;
use relative::RELATIVE;
use std::collections::BTreeSet;
use years::YEARS;

use khabar_core::extract::dates::{DateMention, find_dates};

type Pair = (&'static str, Option<&'static str>);

struct Case {
    text: &'static str,
    published: Option<&'static str>,
    expected: &'static [Pair],
}

/// Every table, named for failure reports and the size check.
const TABLES: &[(&str, &[Case])] = &[
    ("MONTH_NAMES", MONTH_NAMES),
    ("NUMERIC", NUMERIC),
    ("YEARS", YEARS),
    ("RANGES", RANGES),
    ("HIJRI", HIJRI),
    ("RELATIVE", RELATIVE),
    ("NEGATIVES", NEGATIVES),
];

type PairSet = BTreeSet<(String, Option<String>)>;

fn show(set: &PairSet) -> String {
    let items: Vec<String> = set
        .iter()
        .map(|(value, until)| match until {
            Some(until) => format!("{value}..{until}"),
            None => value.clone(),
        })
        .collect();
    format!("{{{}}}", items.join(", "))
}

/// Problems with the mentions' ranges: empty, off char boundaries, or overlapping.
fn range_problems(text: &str, mentions: &[DateMention]) -> Vec<String> {
    let mut problems = Vec::new();
    for mention in mentions {
        let range = &mention.range;
        if range.is_empty() {
            problems.push(format!("empty range {range:?} for {}", mention.value));
        } else if text.get(range.clone()).is_none() {
            problems.push(format!(
                "range {range:?} for {} is out of bounds or not on char boundaries",
                mention.value
            ));
        }
    }
    let mut ranges: Vec<_> = mentions.iter().map(|m| m.range.clone()).collect();
    ranges.sort_by_key(|range| (range.start, range.end));
    for pair in ranges.windows(2) {
        if pair[0].end > pair[1].start {
            problems.push(format!("ranges {:?} and {:?} overlap", pair[0], pair[1]));
        }
    }
    problems
}

/// Runs one case; `Err` describes everything that went wrong with it.
fn check(case: &Case) -> Result<(), String> {
    let mentions = find_dates(case.text, case.published);
    let got: PairSet = mentions
        .iter()
        .map(|m| (m.value.clone(), m.until.clone()))
        .collect();
    let expected: PairSet = case
        .expected
        .iter()
        .map(|&(value, until)| (value.to_owned(), until.map(str::to_owned)))
        .collect();
    let mut problems = range_problems(case.text, &mentions);
    if got != expected {
        problems.insert(
            0,
            format!("expected {}, got {}", show(&expected), show(&got)),
        );
    }
    if problems.is_empty() {
        return Ok(());
    }
    let spans: Vec<String> = mentions
        .iter()
        .map(|m| {
            let quoted = case.text.get(m.range.clone()).unwrap_or("<bad range>");
            format!("«{quoted}» → {}", m.value)
        })
        .collect();
    Err(format!(
        "  text:      {}\n  published: {:?}\n  {}\n  mentions:  [{}]",
        case.text,
        case.published,
        problems.join("\n  "),
        spans.join("; "),
    ))
}

/// Runs a whole table and fails once, listing every failing case.
fn run_table(name: &str, table: &[Case]) {
    let failures: Vec<String> = table
        .iter()
        .enumerate()
        .filter_map(|(index, case)| {
            check(case)
                .err()
                .map(|report| format!("{name}[{index}]\n{report}"))
        })
        .collect();
    let passed = table.len() - failures.len();
    assert!(
        failures.is_empty(),
        "{name}: {passed}/{} cases passed, {} failed:\n\n{}\n",
        table.len(),
        failures.len(),
        failures.join("\n\n"),
    );
}

#[test]
fn month_names_in_three_traditions() {
    run_table("MONTH_NAMES", MONTH_NAMES);
}

#[test]
fn numeric_dates_in_three_digit_systems() {
    run_table("NUMERIC", NUMERIC);
}

#[test]
fn years_seasons_and_parts_of_years() {
    run_table("YEARS", YEARS);
}

#[test]
fn ranges_and_separate_dates() {
    run_table("RANGES", RANGES);
}

#[test]
fn hijri_dates_convert_with_umm_al_qura() {
    run_table("HIJRI", HIJRI);
}

#[test]
fn relative_expressions_need_a_publication_date() {
    run_table("RELATIVE", RELATIVE);
}

#[test]
fn negatives_are_not_dates() {
    run_table("NEGATIVES", NEGATIVES);
}

#[test]
fn tables_are_large_enough() {
    let total: usize = TABLES.iter().map(|(_, table)| table.len()).sum();
    assert!(total >= 120, "only {total} cases in all tables");
    assert!(
        NEGATIVES.len() >= 25,
        "only {} negative cases",
        NEGATIVES.len()
    );
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a month in 1..=12 and a day in 1..=31.
fn is_iso(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let digits =
        |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    let in_range = |part: &str, max: u32| part.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n));
    match parts.as_slice() {
        [year] => digits(year, 4),
        [year, month] => digits(year, 4) && digits(month, 2) && in_range(month, 12),
        [year, month, day] => {
            digits(year, 4)
                && digits(month, 2)
                && in_range(month, 12)
                && digits(day, 2)
                && in_range(day, 31)
        }
        _ => false,
    }
}

/// Guards the tables themselves against typos: well-formed values, ranges that run
/// forward at one precision, full publication dates, and no case written twice.
#[test]
fn tables_are_well_formed() {
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for (name, table) in TABLES {
        for (index, case) in table.iter().enumerate() {
            let at = format!("{name}[{index}] {}", case.text);
            if !seen.insert((case.text, case.published)) {
                problems.push(format!("{at}: duplicate case"));
            }
            if let Some(published) = case.published
                && (published.len() != 10 || !is_iso(published))
            {
                problems.push(format!("{at}: bad publication date {published}"));
            }
            for &(value, until) in case.expected {
                if !is_iso(value) {
                    problems.push(format!("{at}: bad value {value}"));
                }
                if let Some(until) = until
                    && (!is_iso(until) || until.len() != value.len() || until <= value)
                {
                    problems.push(format!("{at}: bad range {value}..{until}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
