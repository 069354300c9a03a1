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
mod day_month_year;
mod expression;
mod hijri;
mod mention;
mod numeric;
mod publication;
mod ranges;
mod relative;
mod resolution;
mod scanner;
mod token;
mod vocabulary;
mod years;

pub use mention::{DateMention, PublicationDate};
pub use vocabulary::{DEFAULT_VOCABULARY, MonthNames, Vocabulary};

use crate::text::article::{Article, Published};
use expression::Raw;
use publication::infer_published;
use resolution::{day_of, mention};
use scanner::scan;
use std::ops::Range;
use vocabulary::VOCABULARY;

/// The dates of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ArticleDates {
    pub published: Option<PublicationDate>,
    /// Dates in the headline and body, in text order.
    pub mentions: Vec<DateMention>,
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
