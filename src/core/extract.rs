//! The `khabar extract` JSON format (`khabar_extract_version` 1); see
//! `docs`-level spec in the README. Field names are a contract with scripts.

use crate::core::corpus::{Corpus, Skipped};
use crate::core::document::{Article, Document};
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
}

#[derive(Debug, Serialize)]
pub struct ExtractEntity {
    pub name: String,
    pub kind: String,
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
}

fn article(doc: &Document, article: &Article) -> ExtractArticle {
    ExtractArticle {
        id: doc.article_id(article),
        file: doc.file.clone(),
        part: article.part,
        encoding: doc.encoding,
        title: doc.title(article).map(str::to_owned),
        published: article.published.as_ref().map(|p| ExtractPublished {
            value: p.value.clone(),
            text: doc.slice(&p.range).to_owned(),
        }),
        entities: Vec::new(),
        dates: Vec::new(),
        warning: doc.warning.clone(),
    }
}

/// Builds the export of a loaded corpus.
pub fn extract(corpus: &Corpus) -> ExtractOutput {
    ExtractOutput {
        khabar_extract_version: EXTRACT_VERSION,
        articles: corpus
            .documents
            .iter()
            .flat_map(|doc| doc.articles.iter().map(move |a| article(doc, a)))
            .collect(),
        skipped: corpus.skipped.clone(),
    }
}
