//! The printable HTML report of `review::export` (escaped, self-contained, right-to-left), and
//! the demo corpus exported in all three formats and read back.

#[path = "common/export_sample.rs"]
#[allow(dead_code)]
mod export_sample;

use export_sample::*;
use khabar_core::corpus::{Corpus, CorpusSource};
use khabar_core::extract::annotations::annotate;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::extract::output::extract;
use khabar_core::review::curation::ReviewState;
use khabar_core::review::export::{
    CSV_COLUMNS, ExportArticle, Format, ReportHeader, render, to_csv, to_html, to_json,
    write_atomically,
};
use khabar_core::text::segment::Segmenter;
use serde_json::Value;

#[test]
fn html_report_is_escaped_self_contained_and_rtl() {
    let articles = sample();
    let header = ReportHeader {
        corpus: "أخبار <القوقاز> & \"غيرها\"".to_owned(),
        filters: "3 of 120 articles · entity: باكو · 2024".to_owned(),
        exported: "2025-01-31".to_owned(),
    };
    let html = to_html(&articles, &header);
    assert_balanced(&html);

    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains(&escaped(&header.corpus)));
    assert!(html.contains(&header.filters));
    assert!(html.contains("2025-01-31"));

    // Self-contained and inert.
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("<link"));
    assert!(!html.contains("src="));
    assert!(!html.contains("url("));

    // Print and fonts.
    assert!(html.contains("break-inside: avoid"));
    assert!(html.contains("\"Vazirmatn\", \"Noto Naskh Arabic\""));
    assert!(html.contains("@media print"));

    // Every article, every title escaped, the note escaped.
    assert_eq!(html.matches("<article ").count(), articles.len());
    assert!(
        html.contains("<article id=\"article-3\">"),
        "ids are numbered"
    );
    assert_eq!(html.matches("<h2").count(), articles.len());
    for a in &articles {
        if let Some(title) = &a.extract.title {
            assert!(
                html.contains(&format!("<h2>{}</h2>", escaped(title))),
                "{title}"
            );
        }
    }
    assert!(!html.contains(FORMULA_TITLE), "raw quotes must be escaped");
    assert!(html.contains("(untitled)"));
    assert!(html.contains(&escaped(TRICKY_NOTE)));
    assert!(!html.contains("<script>alert"));

    // File and part left to right; dates, badges, inferred, entities.
    assert!(html.contains("dir=\"ltr\"><bdi>sub/باكو.txt</bdi> · part 1"));
    assert!(html.contains("<bdi>a,b &quot;c&quot;.txt</bdi>"));
    assert!(html.contains("(inferred)"));
    assert_eq!(html.matches("(inferred)</span>").count(), 1);
    assert!(html.contains("class=\"badge flagged\""));
    assert!(html.contains("class=\"badge read\""));
    assert!(html.contains("class=\"badge unread\""));
    assert!(html.contains(">People<") && html.contains(">Places<"));
    assert!(html.contains(">Organisations<"));
    assert!(html.contains("<bdi>إلهام علييف</bdi> <span class=\"count\">×2</span>"));
    assert!(html.contains("2024-07-15/2024-07-24"));
    assert!(html.contains("1445-09-15"));
    assert_eq!(
        html.matches("2020-11-09</bdi>").count(),
        1,
        "a date repeated in the text is listed once"
    );
}

#[test]
fn html_of_nothing_says_so() {
    let html = to_html(&[], &ReportHeader::default());
    assert_balanced(&html);
    assert!(html.contains("No articles."));
    assert!(!html.contains("<article"));
}

#[test]
fn demo_corpus_exports_in_all_three_formats() {
    let corpus = Corpus::load(&CorpusSource::Demo, &Segmenter::default()).expect("demo loads");
    let annotations = annotate(&corpus.documents, &Lexicon::load());
    let output = extract(&corpus, &annotations);
    let n = output.articles.len();
    assert!(n > 0);
    let ids: Vec<String> = output.articles.iter().map(|a| a.id.clone()).collect();
    let files: Vec<String> = output.articles.iter().map(|a| a.file.clone()).collect();
    let states = [ReviewState::Unread, ReviewState::Read, ReviewState::Flagged];
    let articles: Vec<ExportArticle> = output
        .articles
        .into_iter()
        .enumerate()
        .map(|(i, x)| ExportArticle {
            extract: x,
            review: states[i % 3],
            note: if i % 2 == 0 {
                format!("ملاحظة {i}, \"مهمة\"\nسطر")
            } else {
                String::new()
            },
        })
        .collect();

    // CSV
    let rows = parse_csv(csv_text(&to_csv(&articles)));
    assert_eq!(rows.len(), n + 1);
    for (i, row) in rows[1..].iter().enumerate() {
        assert_eq!(row.len(), CSV_COLUMNS.len());
        assert_eq!(row[column("file")], files[i]);
        assert_eq!(row[column("review")], states[i % 3].as_str());
        assert_eq!(row[column("note")], articles[i].note);
        let names: usize = ["people", "places", "organisations"]
            .iter()
            .map(|c| row[column(c)].split("; ").filter(|s| !s.is_empty()).count())
            .sum();
        let mut distinct: Vec<(&str, &str)> = articles[i]
            .extract
            .entities
            .iter()
            .filter(|e| matches!(e.kind.as_str(), "person" | "place" | "org"))
            .map(|e| (e.kind.as_str(), e.name.as_str()))
            .collect();
        distinct.sort();
        distinct.dedup();
        assert_eq!(names, distinct.len(), "entities of {}", files[i]);
    }

    // JSON
    let json: Value = serde_json::from_str(&to_json(&articles, &corpus.skipped)).unwrap();
    assert_eq!(json["khabar_extract_version"], 1);
    let out = json["articles"].as_array().unwrap();
    assert_eq!(out.len(), n);
    assert_eq!(
        json["skipped"].as_array().unwrap().len(),
        corpus.skipped.len()
    );
    for (i, o) in out.iter().enumerate() {
        assert_eq!(o["id"], ids[i].as_str());
        assert_eq!(o["review"], states[i % 3].as_str());
        assert_eq!(o.get("note").is_some(), i % 2 == 0);
        assert_eq!(
            o["entities"].as_array().unwrap().len(),
            articles[i].extract.entities.len()
        );
        assert_eq!(
            o["dates"].as_array().unwrap().len(),
            articles[i].extract.dates.len()
        );
    }

    // HTML
    let header = ReportHeader {
        corpus: corpus_name(),
        filters: format!("{n} of {n} articles"),
        exported: "2025-01-31".to_owned(),
    };
    let html = to_html(&articles, &header);
    assert_balanced(&html);
    assert_eq!(html.matches("<article ").count(), n);
    assert_eq!(html.matches("<h2").count(), n);
    assert_eq!(html.matches("class=\"badge ").count(), n);
    for a in &articles {
        assert!(html.contains(&escaped(&a.extract.file)));
    }
    assert!(!html.to_lowercase().contains("<script"));

    // And to disk.
    let dir = tempfile::tempdir().unwrap();
    for f in Format::ALL {
        let path = dir.path().join(format!("demo.{}", f.extension()));
        let bytes = render(f, &articles, &corpus.skipped, &header);
        write_atomically(&path, &bytes).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
        assert_eq!(Format::from_path(&path), Some(f));
    }
    assert_eq!(entries(dir.path()).len(), 3);
}

fn corpus_name() -> String {
    CorpusSource::Demo.display_name()
}
