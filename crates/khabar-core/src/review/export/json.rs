//! JSON in the `khabar extract` schema (`docs/extract-json.md`), each article with the
//! reviewer's `review` and `note`.

use crate::corpus::Skipped;
use crate::extract::output::{EXTRACT_VERSION, ExtractArticle};
use crate::review::curation::ReviewState;
use crate::review::export::article::ExportArticle;
use serde::Serialize;

#[derive(Serialize)]
struct JsonExport<'a> {
    khabar_extract_version: u32,
    articles: Vec<JsonArticle<'a>>,
    skipped: &'a [Skipped],
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    #[serde(flatten)]
    extract: &'a ExtractArticle,
    review: ReviewState,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
}

/// The `khabar extract` JSON (`khabar_extract_version`, `articles`, `skipped`; see
/// `docs/extract-json.md`) restricted to `articles`, each with two extra fields: `review`
/// (`unread`, `read` or `flagged`) and `note` (left out when empty). Pretty-printed.
pub fn to_json(articles: &[ExportArticle], skipped: &[Skipped]) -> String {
    let export = JsonExport {
        khabar_extract_version: EXTRACT_VERSION,
        articles: articles
            .iter()
            .map(|a| JsonArticle {
                extract: &a.extract,
                review: a.review,
                note: &a.note,
            })
            .collect(),
        skipped,
    };
    // Only maps with non-string keys or failing `Serialize` impls can fail; these have neither.
    serde_json::to_string_pretty(&export).expect("export JSON serializes")
}
