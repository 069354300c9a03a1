//! The self-contained, printable HTML report: right-to-left, inline CSS, no scripts and no
//! external resources, every text escaped.

use crate::extract::output::ExtractDate;
use crate::review::curation::ReviewState;
use crate::review::export::article::{ExportArticle, iso_value};

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

/// The capitalised name of a review state shown in the HTML report's badge.
fn badge_label(state: ReviewState) -> &'static str {
    match state {
        ReviewState::Unread => "Unread",
        ReviewState::Read => "Read",
        ReviewState::Flagged => "Flagged",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_all_five() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
