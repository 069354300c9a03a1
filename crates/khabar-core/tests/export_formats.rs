//! Export of a chosen set of articles as CSV and JSON (`review::export`): each format is read
//! back and checked, formats are chosen by extension, and the atomic writer is exercised on a
//! real folder. The HTML report and the demo corpus in every format: `export_report.rs`.

#[path = "common/export_sample.rs"]
#[allow(dead_code)]
mod export_sample;

use export_sample::*;
use khabar_core::review::curation::ReviewState;
use khabar_core::review::export::{
    CSV_COLUMNS, Format, ReportHeader, render, to_csv, to_html, to_json, write_atomically,
};
use serde_json::Value;
use std::path::Path;

#[test]
fn csv_round_trips_through_an_rfc4180_reader() {
    let articles = sample();
    let bytes = to_csv(&articles);
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 BOM");
    let text = csv_text(&bytes);
    assert!(text.ends_with("\r\n"));
    let rows = parse_csv(text);
    assert_eq!(
        rows.len(),
        articles.len() + 1,
        "header + one row per article"
    );
    assert_eq!(
        rows[0],
        [
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
            "note"
        ]
    );
    for row in &rows {
        assert_eq!(row.len(), CSV_COLUMNS.len());
    }
    let get = |r: usize, c: &str| rows[r][column(c)].as_str();

    // First: Arabic intact, the tricky note exactly, lists joined and without repeats.
    assert_eq!(get(1, "file"), "sub/باكو.txt");
    assert_eq!(get(1, "part"), "1");
    assert_eq!(
        get(1, "title"),
        "انسحاب القوات الروسية، خطوة جديدة بين أذربيجان وأرمينيا"
    );
    assert_eq!(get(1, "published"), "2024-08-18");
    assert_eq!(get(1, "published_inferred"), "no");
    assert_eq!(get(1, "people"), "إلهام علييف");
    assert_eq!(get(1, "places"), "باكو; ناغورنو كاراباخ");
    assert_eq!(get(1, "organisations"), "الأمم المتحدة");
    assert_eq!(
        get(1, "dates"),
        "2020-11-09; 2024-07-15/2024-07-24; 2024-03-25"
    );
    assert_eq!(get(1, "review"), "flagged");
    assert_eq!(get(1, "note"), TRICKY_NOTE);

    // Second: the formula-looking title is defused, the inferred date is flagged.
    assert_eq!(get(2, "title"), format!("'{FORMULA_TITLE}"));
    assert_eq!(get(2, "file"), "أخبار/مقال.txt");
    assert_eq!(get(2, "part"), "2");
    assert_eq!(get(2, "published"), "2024-06-05");
    assert_eq!(get(2, "published_inferred"), "yes");
    assert_eq!(get(2, "people"), "");
    assert_eq!(get(2, "organisations"), "وزارة الخارجية");
    assert_eq!(get(2, "dates"), "2024");
    assert_eq!(get(2, "review"), "read");
    assert_eq!(get(2, "note"), "");

    // Third: a file name needing quotes, nothing known, a note like a negative number.
    assert_eq!(get(3, "file"), "a,b \"c\".txt");
    assert_eq!(get(3, "title"), "");
    assert_eq!(get(3, "published"), "");
    assert_eq!(get(3, "published_inferred"), "");
    assert_eq!(get(3, "dates"), "");
    assert_eq!(get(3, "review"), "unread");
    assert_eq!(
        get(3, "note"),
        "-3 درجات",
        "negative numbers are not guarded"
    );
}

#[test]
fn csv_of_nothing_is_just_the_header() {
    let bytes = to_csv(&[]);
    let rows = parse_csv(csv_text(&bytes));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0], CSV_COLUMNS);
}

#[test]
fn json_is_the_extract_schema_plus_review_and_note() {
    let articles = sample();
    let skipped = skipped();
    let json: Value = serde_json::from_str(&to_json(&articles, &skipped)).expect("valid JSON");

    assert_eq!(json["khabar_extract_version"], 1);
    let out = json["articles"].as_array().expect("articles array");
    assert_eq!(out.len(), articles.len());
    assert_eq!(json["skipped"], serde_json::to_value(&skipped).unwrap());
    assert_eq!(json["skipped"][0]["file"], "broken.bin");
    assert_eq!(
        json["skipped"][0]["reason"],
        "binary file (contains NUL bytes)"
    );

    for (a, o) in articles.iter().zip(out) {
        for field in [
            "id",
            "file",
            "part",
            "encoding",
            "title",
            "published",
            "entities",
            "dates",
            "review",
        ] {
            assert!(o.get(field).is_some(), "{field} missing in {o}");
        }
        assert_eq!(o["review"], a.review.as_str());
        // Exactly the extract's own serialization plus the two fields.
        let mut expected = serde_json::to_value(&a.extract).unwrap();
        let map = expected.as_object_mut().unwrap();
        map.insert("review".into(), a.review.as_str().into());
        if !a.note.is_empty() {
            map.insert("note".into(), a.note.clone().into());
        }
        assert_eq!(o, &expected);
    }

    assert_eq!(out[0]["note"], TRICKY_NOTE);
    assert_eq!(out[0]["review"], "flagged");
    assert_eq!(out[0]["dates"][1]["until"], "2024-07-24");
    assert_eq!(out[0]["dates"][2]["hijri"], "1445-09-15");
    assert!(out[0]["dates"][0].get("until").is_none());
    assert!(out[0]["published"].get("inferred").is_none());
    assert_eq!(out[1]["title"], FORMULA_TITLE, "no CSV guard in JSON");
    assert_eq!(out[1]["published"]["inferred"], true);
    assert_eq!(out[1]["warning"], "malformed bytes replaced");
    assert!(out[1].get("note").is_none(), "empty note left out");
    assert_eq!(out[2]["title"], Value::Null);
    assert_eq!(out[2]["published"], Value::Null);
    assert_eq!(out[2]["review"], "unread");

    // The review state reads back through its own serde impl.
    let states: Vec<ReviewState> = out
        .iter()
        .map(|o| serde_json::from_value(o["review"].clone()).unwrap())
        .collect();
    assert_eq!(
        states,
        [ReviewState::Flagged, ReviewState::Read, ReviewState::Unread]
    );
}

#[test]
fn formats_by_extension_and_render() {
    for f in Format::ALL {
        let path = format!("out.{}", f.extension());
        assert_eq!(Format::from_path(Path::new(&path)), Some(f));
        assert!(!f.label().is_empty());
    }
    assert_eq!(
        Format::from_path(Path::new("/x/تقرير.HTM")),
        Some(Format::Html)
    );
    assert_eq!(Format::from_path(Path::new("a.CSV")), Some(Format::Csv));
    assert_eq!(Format::from_path(Path::new("a.txt")), None);
    assert_eq!(Format::from_path(Path::new("csv")), None);

    let articles = sample();
    let header = ReportHeader::default();
    assert_eq!(
        render(Format::Csv, &articles, &[], &header),
        to_csv(&articles)
    );
    assert_eq!(
        render(Format::Json, &articles, &skipped(), &header),
        to_json(&articles, &skipped()).into_bytes()
    );
    assert_eq!(
        render(Format::Html, &articles, &[], &header),
        to_html(&articles, &header).into_bytes()
    );
}

#[test]
fn write_atomically_replaces_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("تصدير.csv");

    write_atomically(&path, b"first").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"first");
    assert_eq!(entries(dir.path()), ["تصدير.csv"]);

    let csv = to_csv(&sample());
    write_atomically(&path, &csv).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), csv);
    assert_eq!(entries(dir.path()), ["تصدير.csv"]);

    // Shorter content replaces longer: no stale tail.
    write_atomically(&path, b"x").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"x");
    assert_eq!(entries(dir.path()), ["تصدير.csv"]);

    // A folder that does not exist: an error, and nothing created.
    let missing = dir.path().join("missing").join("a.json");
    assert!(write_atomically(&missing, b"{}").is_err());
    assert_eq!(entries(dir.path()), ["تصدير.csv"]);

    // A target that is a folder: an error, the folder intact, no temporary file left.
    let sub = dir.path().join("sub.html");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("inside"), b"keep").unwrap();
    assert!(write_atomically(&sub, b"<html>").is_err());
    assert_eq!(entries(dir.path()), ["sub.html", "تصدير.csv"]);
    assert_eq!(std::fs::read(sub.join("inside")).unwrap(), b"keep");
}

#[cfg(unix)]
#[test]
fn write_atomically_keeps_the_permissions_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    std::fs::write(&path, b"old").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    write_atomically(&path, b"new").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"new");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}
