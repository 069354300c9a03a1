//! The `khabar extract` JSON format (`khabar_extract_version` 1); see
//! `docs`-level spec in the README. Field names are a contract with scripts.

use crate::corpus::{Corpus, Skipped};
use crate::extract::annotations::Annotations;
use crate::extract::dates::ArticleDates;
use crate::extract::entities::Entity;
use crate::text::article::Article;
use crate::text::document::Document;
use serde::Serialize;

pub const EXTRACT_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct ExtractOutput {
    pub khabar_extract_version: u32,
    pub articles: Vec<ExtractArticle>,
    pub skipped: Vec<Skipped>,
}

#[derive(Debug, Serialize)]
pub struct ExtractArticle {
    pub id: String,
    pub file: String,
    pub part: u16,
    pub encoding: &'static str,
    pub title: Option<String>,
    pub published: Option<ExtractPublished>,
    pub entities: Vec<ExtractEntity>,
    pub dates: Vec<ExtractDate>,
    /// Non-fatal decoding problem (e.g. malformed bytes replaced), when there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ExtractPublished {
    pub value: String,
    pub text: String,
    /// True when inferred from the text ("اليوم الأربعاء الموافق 5 يونيو"), not stated.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

#[derive(Debug, Serialize)]
pub struct ExtractEntity {
    pub name: String,
    pub kind: String,
    /// How sure extraction is, 0 to 1 (see `Entity::score`).
    pub score: f64,
    pub mentions: Vec<ExtractSpan>,
}

#[derive(Debug, Serialize)]
pub struct ExtractSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct ExtractDate {
    pub value: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// The date as written in the Hijri calendar, when it was (`1445-09-15`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hijri: Option<String>,
}

/// One article as the format describes it: its entities (as shown, after corrections) and
/// dates.
pub fn article(
    doc: &Document,
    article: &Article,
    entities: &[Entity],
    dates: Option<&ArticleDates>,
) -> ExtractArticle {
    ExtractArticle {
        id: doc.article_id(article),
        file: doc.file.clone(),
        part: article.part,
        encoding: doc.encoding,
        title: doc.title(article).map(str::to_owned),
        published: dates
            .and_then(|d| d.published.as_ref())
            .map(|p| ExtractPublished {
                value: p.value.clone(),
                text: doc.slice(&p.range).to_owned(),
                inferred: p.inferred,
            })
            .or_else(|| {
                article.published.as_ref().map(|p| ExtractPublished {
                    value: p.value.clone(),
                    text: doc.slice(&p.range).to_owned(),
                    inferred: false,
                })
            }),
        entities: entities
            .iter()
            .map(|e| ExtractEntity {
                name: e.name.clone(),
                kind: e.kind.as_str().to_owned(),
                score: f64::from(e.score) / 1000.0,
                mentions: e
                    .mentions
                    .iter()
                    .map(|r| ExtractSpan {
                        start: r.start,
                        end: r.end,
                        text: doc.slice(r).to_owned(),
                    })
                    .collect(),
            })
            .collect(),
        dates: dates
            .map(|d| d.mentions.as_slice())
            .unwrap_or_default()
            .iter()
            .map(|m| ExtractDate {
                value: m.value.clone(),
                text: doc.slice(&m.range).to_owned(),
                start: m.range.start,
                end: m.range.end,
                until: m.until.clone(),
                hijri: m.hijri.clone(),
            })
            .collect(),
        warning: doc.warning.clone(),
    }
}

/// Builds the export of a loaded corpus and what was extracted from it.
pub fn extract(corpus: &Corpus, annotations: &Annotations) -> ExtractOutput {
    ExtractOutput {
        khabar_extract_version: EXTRACT_VERSION,
        articles: corpus
            .documents
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| {
                doc.articles.iter().enumerate().map(move |(a, art)| {
                    let entities = annotations
                        .entities
                        .get(d)
                        .and_then(|e| e.get(a))
                        .map_or(&[][..], |e| e.as_slice());
                    let dates = annotations.dates.get(d).and_then(|x| x.get(a));
                    article(doc, art, entities, dates)
                })
            })
            .collect(),
        skipped: corpus.skipped.clone(),
    }
}
