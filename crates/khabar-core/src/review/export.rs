//! Export of the reviewer's current (filtered) set of articles: CSV for spreadsheets, JSON in
//! the `khabar extract` schema (`docs/extract-json.md`) plus the review state and note, and a
//! self-contained printable HTML report.
//!
//! Every format is produced by a pure function from [`ExportArticle`]s the caller has already
//! chosen and built; the UI only has to pick a path and call [`write_atomically`].

use crate::corpus::Skipped;
use crate::extract::output::{EXTRACT_VERSION, ExtractArticle, ExtractDate};
use crate::review::curation::ReviewState;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// The capitalised name of a review state shown in the HTML report's badge.
fn badge_label(state: ReviewState) -> &'static str {
    match state {
        ReviewState::Unread => "Unread",
        ReviewState::Read => "Read",
        ReviewState::Flagged => "Flagged",
    }
}

/// One article to export: what was extracted from it (the spec's fields) and the reviewer's
/// state and note.
#[derive(Debug)]
pub struct ExportArticle {
    /// The article as `khabar extract` describes it.
    pub extract: ExtractArticle,
    /// Unread, read or flagged.
    pub review: ReviewState,
    /// The reviewer's free-text note; empty when there is none.
    pub note: String,
}

impl ExportArticle {
    /// An unread article without a note.
    pub fn new(extract: ExtractArticle) -> ExportArticle {
        ExportArticle {
            extract,
            review: ReviewState::Unread,
            note: String::new(),
        }
    }
}

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

/// What the HTML report's heading says. All values are caller-provided text.
#[derive(Debug, Clone, Default)]
pub struct ReportHeader {
    /// The corpus name (e.g. the folder's name).
    pub corpus: String,
    /// A description of the filters that chose the articles
    /// (e.g. "3 of 120 articles · entity: باكو · 2024").
    pub filters: String,
    /// When the export was made, as the caller wants it shown (e.g. an ISO date).
    pub exported: String,
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

// ---------------------------------------------------------------------------------------------
// CSV

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

/// The canonical names of an article's entities of one kind, each once, joined with `; `.
fn entity_names(x: &ExtractArticle, kind: &str) -> String {
    distinct(
        x.entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.clone()),
    )
    .join("; ")
}

/// A date's ISO value, a range as `start/end`.
fn iso_value(d: &ExtractDate) -> String {
    match &d.until {
        Some(until) => format!("{}/{}", d.value, until),
        None => d.value.clone(),
    }
}

/// The items in first-seen order, without repeats.
fn distinct(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items.filter(|s| seen.insert(s.clone())).collect()
}

// ---------------------------------------------------------------------------------------------
// JSON

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

// ---------------------------------------------------------------------------------------------
// HTML

const REPORT_CSS: &str = r#"
:root { color-scheme: light; }
body {
  font-family: "Vazirmatn", "Noto Naskh Arabic", "Noto Sans Arabic", "Tahoma", sans-serif;
  font-size: 12pt; line-height: 1.7; color: #1a1a1a; background: #fff;
  max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem;
}
header.report { border-bottom: 2px solid #333; margin-bottom: 1.5rem; padding-bottom: 0.5rem; }
header.report h1 { font-size: 1.6rem; margin: 0 0 0.3rem; }
header.report p { margin: 0.1rem 0; color: #444; }
article {
  border: 1px solid #ccc; border-radius: 6px; padding: 0.8rem 1.1rem; margin: 0 0 1.2rem;
  break-inside: avoid; page-break-inside: avoid;
}
article h2 { font-size: 1.25rem; margin: 0 0 0.4rem; break-after: avoid; page-break-after: avoid; }
.untitled { color: #666; font-style: italic; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.9rem; margin: 0.4rem 0; }
dl.meta dt { color: #555; font-size: 0.85em; font-family: sans-serif; align-self: center; }
dl.meta dd { margin: 0; }
.ltr { direction: ltr; unicode-bidi: isolate; }
.source { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85em; }
.inferred { color: #8a5a00; font-size: 0.85em; }
.badge {
  display: inline-block; padding: 0 0.55em; border-radius: 1em; font-size: 0.8em;
  font-family: sans-serif; border: 1px solid currentColor;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.badge.unread { color: #555; background: #f1f1f1; }
.badge.read { color: #1d5f2c; background: #e6f4e9; }
.badge.flagged { color: #9a1c1c; background: #fbe7e7; font-weight: bold; }
.note {
  white-space: pre-wrap; background: #fffbe6; border-inline-start: 4px solid #e0b400;
  padding: 0.3rem 0.7rem; margin: 0.5rem 0;
}
ul.names, ul.dates { margin: 0; padding: 0; list-style: none; }
ul.names li, ul.dates li { display: inline; }
ul.names li + li::before, ul.dates li + li::before { content: "، "; }
.count { color: #777; font-size: 0.8em; }
.written { color: #555; }
.empty { color: #666; font-style: italic; }
@page { margin: 1.6cm 1.4cm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  article { border-color: #999; }
}
"#;

/// A self-contained, printable HTML report of `articles`: `lang="ar" dir="rtl"`, inline CSS,
/// no scripts and no external resources. The heading gives the corpus name, the export date
/// and the filter description of `header`; each article shows its headline, file and part,
/// publication date (marked when inferred), review state, note, entities by kind and dates.
/// All text is escaped.
pub fn to_html(articles: &[ExportArticle], header: &ReportHeader) -> String {
    let mut out = String::with_capacity(4096 + articles.len() * 2048);
    out.push_str("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n");
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"Khabar\">\n");
    out.push_str(&format!(
        "<title>Khabar — {}</title>\n",
        escape(&header.corpus)
    ));
    out.push_str("<style>");
    out.push_str(REPORT_CSS);
    out.push_str("</style>\n</head>\n<body>\n");

    out.push_str("<header class=\"report\">\n");
    out.push_str(&format!("<h1><bdi>{}</bdi></h1>\n", escape(&header.corpus)));
    out.push_str(&format!(
        "<p><span lang=\"en\">Exported</span> <bdi dir=\"ltr\">{}</bdi></p>\n",
        escape(&header.exported)
    ));
    if !header.filters.is_empty() {
        out.push_str(&format!("<p><bdi>{}</bdi></p>\n", escape(&header.filters)));
    }
    out.push_str("</header>\n<main>\n");

    if articles.is_empty() {
        out.push_str("<p class=\"empty\" lang=\"en\">No articles.</p>\n");
    }
    for (i, a) in articles.iter().enumerate() {
        push_html_article(&mut out, i + 1, a);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn push_html_article(out: &mut String, number: usize, a: &ExportArticle) {
    let x = &a.extract;
    // Numbered anchors: file names may hold spaces, which an `id` may not.
    out.push_str(&format!("<article id=\"article-{number}\">\n"));
    match x.title.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(title) => out.push_str(&format!("<h2>{}</h2>\n", escape(title))),
        None => out.push_str("<h2 class=\"untitled\" lang=\"en\">(untitled)</h2>\n"),
    }
    out.push_str("<dl class=\"meta\">\n");

    out.push_str(&format!(
        "<dt lang=\"en\">File</dt><dd class=\"ltr source\" dir=\"ltr\"><bdi>{}</bdi> · part {}</dd>\n",
        escape(&x.file),
        x.part
    ));

    out.push_str("<dt lang=\"en\">Published</dt><dd>");
    match &x.published {
        Some(p) => {
            out.push_str(&format!(
                "<bdi dir=\"ltr\"><time datetime=\"{0}\">{0}</time></bdi>",
                escape(&p.value)
            ));
            if p.inferred {
                out.push_str(" <span class=\"inferred\" lang=\"en\">(inferred)</span>");
            }
            if !p.text.trim().is_empty() {
                out.push_str(&format!(
                    " <span class=\"written\">— <bdi>{}</bdi></span>",
                    escape(&p.text)
                ));
            }
        }
        None => out.push_str("<span class=\"empty\" lang=\"en\">unknown</span>"),
    }
    out.push_str("</dd>\n");

    out.push_str(&format!(
        "<dt lang=\"en\">Review</dt><dd><span class=\"badge {}\" lang=\"en\">{}</span></dd>\n",
        a.review.as_str(),
        badge_label(a.review)
    ));

    for (kind, label) in [
        ("person", "People"),
        ("place", "Places"),
        ("org", "Organisations"),
    ] {
        let mut names: Vec<(&str, usize)> = Vec::new();
        for e in x.entities.iter().filter(|e| e.kind == kind) {
            match names.iter_mut().find(|(n, _)| *n == e.name) {
                Some((_, count)) => *count += e.mentions.len(),
                None => names.push((&e.name, e.mentions.len())),
            }
        }
        if names.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "<dt lang=\"en\">{label}</dt><dd><ul class=\"names\">"
        ));
        for (name, count) in names {
            out.push_str(&format!("<li><bdi>{}</bdi>", escape(name)));
            if count > 1 {
                out.push_str(&format!(" <span class=\"count\">×{count}</span>"));
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></dd>\n");
    }

    let mut dates: Vec<&ExtractDate> = Vec::new();
    for d in &x.dates {
        if !dates
            .iter()
            .any(|e| e.value == d.value && e.until == d.until && e.hijri == d.hijri)
        {
            dates.push(d);
        }
    }
    if !dates.is_empty() {
        out.push_str("<dt lang=\"en\">Dates</dt><dd><ul class=\"dates\">");
        for d in dates {
            out.push_str(&format!(
                "<li><bdi dir=\"ltr\">{}</bdi>",
                escape(&iso_value(d))
            ));
            if let Some(hijri) = &d.hijri {
                out.push_str(&format!(
                    " <span class=\"written\">(<span lang=\"en\">Hijri</span> <bdi dir=\"ltr\">{}</bdi>)</span>",
                    escape(hijri)
                ));
            }
            if !d.text.trim().is_empty() {
                out.push_str(&format!(
                    " <span class=\"written\">«<bdi>{}</bdi>»</span>",
                    escape(&d.text)
                ));
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></dd>\n");
    }
    out.push_str("</dl>\n");

    if !a.note.trim().is_empty() {
        out.push_str(&format!(
            "<div class=\"note\" dir=\"auto\">{}</div>\n",
            escape(&a.note)
        ));
    }
    out.push_str("</article>\n");
}

/// Escapes text for HTML element content and quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Writes `bytes` to `path` atomically: a temporary file in the same folder is written and
/// flushed to disk, then renamed over `path` (an existing file's permissions are kept), and on
/// Unix the folder is flushed too (best effort), so a crash leaves either the old file or the
/// new one. On error the temporary file is removed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);

    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("not a file path: {}", path.display()),
        )
    })?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };

    // A fresh, hidden name next to the target; `create_new` never clobbers anything.
    let (tmp, mut file) = loop {
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(
            ".{}-{}.tmp",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let tmp = dir.join(tmp_name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(file) => break (tmp, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    };

    let result = (|| {
        file.write_all(bytes)?;
        if let Ok(meta) = std::fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
        return result;
    }

    #[cfg(unix)]
    {
        // Makes the rename itself durable; some file systems refuse, which is no failure of
        // the export.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
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

    #[test]
    fn escape_all_five() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
