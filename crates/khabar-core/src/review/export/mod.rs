//! Export of the reviewer's current (filtered) set of articles: CSV for spreadsheets, JSON in
//! the `khabar extract` schema (`docs/extract-json.md`) plus the review state and note, and a
//! self-contained printable HTML report.
//!
//! Every format is produced by a pure function from [`ExportArticle`]s the caller has already
//! chosen and built; the UI only has to pick a path and call [`write_atomically`].

mod article;
mod csv;
mod html;
mod json;
mod write;

pub use article::ExportArticle;
pub use csv::{CSV_COLUMNS, to_csv};
pub use html::{ReportHeader, to_html};
pub use json::to_json;
pub use write::write_atomically;

use crate::corpus::Skipped;
use std::path::Path;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Comma-separated values, one row per article (UTF-8 with BOM, CRLF).
    Csv,
    /// The `khabar extract` JSON schema with `review` and `note` per article.
    Json,
    /// A self-contained, printable HTML report.
    Html,
}

impl Format {
    /// Every format, in the order a save dialog lists them.
    pub const ALL: [Format; 3] = [Format::Csv, Format::Json, Format::Html];

    /// The file name extension written for this format (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Html => "html",
        }
    }

    /// A short description for a save dialog's file-type filter.
    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV spreadsheet",
            Format::Json => "JSON (khabar extract schema)",
            Format::Html => "HTML report",
        }
    }

    /// The format a path's extension names (case-insensitive; `.htm` is HTML), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// The bytes of `articles` in `format`: the one call a save action needs before
/// [`write_atomically`]. `skipped` is used by JSON only, `header` by HTML only.
pub fn render(
    format: Format,
    articles: &[ExportArticle],
    skipped: &[Skipped],
    header: &ReportHeader,
) -> Vec<u8> {
    match format {
        Format::Csv => to_csv(articles),
        Format::Json => to_json(articles, skipped).into_bytes(),
        Format::Html => to_html(articles, header).into_bytes(),
    }
}
