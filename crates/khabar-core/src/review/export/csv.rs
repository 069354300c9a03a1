//! CSV for spreadsheets: one row per article, UTF-8 with a BOM, RFC 4180 quoting, CRLF line
//! ends, and fields a spreadsheet would run as formulas defused.

use crate::review::export::article::{ExportArticle, distinct, entity_names, iso_value};

/// The CSV header row's column names, in order.
pub const CSV_COLUMNS: [&str; 11] = [
    "file",
    "part",
    "title",
    "published",
    "published_inferred",
    "people",
    "places",
    "organisations",
    "dates",
    "review",
    "note",
];

/// One row per article under a header row of [`CSV_COLUMNS`]: UTF-8 with a BOM (so
/// spreadsheet programs read the Arabic right), RFC 4180 quoting, CRLF line ends.
///
/// - `published` is the ISO value, empty when there is none; `published_inferred` is `yes`
///   or `no`, empty when there is no publication date.
/// - `people`, `places`, `organisations`: the canonical names of the article's entities of
///   that kind, each once, joined with `; `.
/// - `dates`: the ISO values of the article's date mentions, each once, in order of
///   appearance, joined with `; `; a range is `start/end`.
/// - A field that a spreadsheet would run as a formula (first character `=`, `+`, `@`, tab,
///   carriage return, or `-` followed by anything but a digit) gets a leading apostrophe.
pub fn to_csv(articles: &[ExportArticle]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    push_csv_row(&mut out, CSV_COLUMNS.iter().copied());
    for a in articles {
        let x = &a.extract;
        let (published, inferred) = match &x.published {
            Some(p) => (p.value.as_str(), if p.inferred { "yes" } else { "no" }),
            None => ("", ""),
        };
        let part = x.part.to_string();
        let people = entity_names(x, "person");
        let places = entity_names(x, "place");
        let orgs = entity_names(x, "org");
        let dates = distinct(x.dates.iter().map(iso_value)).join("; ");
        push_csv_row(
            &mut out,
            [
                x.file.as_str(),
                &part,
                x.title.as_deref().unwrap_or(""),
                published,
                inferred,
                &people,
                &places,
                &orgs,
                &dates,
                a.review.as_str(),
                &a.note,
            ],
        );
    }
    out.into_bytes()
}

fn push_csv_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_csv_field(out, field);
    }
    out.push_str("\r\n");
}

fn push_csv_field(out: &mut String, field: &str) {
    let guard = formula_like(field);
    let quote = field.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    if quote {
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Whether a spreadsheet could take the field for a formula. ISO dates and negative numbers
/// (`-3`) are left alone.
fn formula_like(field: &str) -> bool {
    let mut chars = field.chars();
    match chars.next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => chars.next().is_some_and(|c| !c.is_ascii_digit()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_guard_spares_dates_and_negative_numbers() {
        assert!(formula_like("=1+1"));
        assert!(formula_like("+971"));
        assert!(formula_like("@SUM(A1)"));
        assert!(formula_like("-A1"));
        assert!(formula_like("\tx"));
        assert!(!formula_like("-3"));
        assert!(!formula_like("-"));
        assert!(!formula_like("2024-08-18"));
        assert!(!formula_like("باكو"));
        assert!(!formula_like(""));
    }

    #[test]
    fn csv_field_quoting() {
        let mut s = String::new();
        push_csv_field(&mut s, "a,b");
        push_csv_field(&mut s, "say \"hi\"");
        push_csv_field(&mut s, "=x,y");
        push_csv_field(&mut s, "plain");
        assert_eq!(s, "\"a,b\"\"say \"\"hi\"\"\"\"'=x,y\"plain");
    }
}
