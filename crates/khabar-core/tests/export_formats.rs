//! Export of a chosen set of articles as CSV, JSON and HTML (`core::export`): each format is
//! read back and checked, and the atomic writer is exercised on a real folder.

use khabar_core::corpus::{Corpus, CorpusSource, Skipped};
use khabar_core::error::SkipReason;
use khabar_core::extract::annotations::annotate;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::extract::output::{
    ExtractArticle, ExtractDate, ExtractEntity, ExtractPublished, ExtractSpan, extract,
};
use khabar_core::review::curation::ReviewState;
use khabar_core::review::export::{
    CSV_COLUMNS, ExportArticle, Format, ReportHeader, render, to_csv, to_html, to_json,
    write_atomically,
};
use khabar_core::text::segment::Segmenter;
use serde_json::Value;
use std::path::Path;

const TRICKY_NOTE: &str =
    "مراجعة: \"مهم جداً\", راجع التاريخ\nالسطر الثاني, و<script>alert('x')</script> & غيره";
const FORMULA_TITLE: &str = "=HYPERLINK(\"http://evil\",\"اضغط\")";

fn entity(name: &str, kind: &str, mentions: &[(usize, usize, &str)]) -> ExtractEntity {
    ExtractEntity {
        name: name.to_owned(),
        kind: kind.to_owned(),
        mentions: mentions
            .iter()
            .map(|&(start, end, text)| ExtractSpan {
                start,
                end,
                text: text.to_owned(),
            })
            .collect(),
    }
}

fn date(value: &str, text: &str, until: Option<&str>, hijri: Option<&str>) -> ExtractDate {
    ExtractDate {
        value: value.to_owned(),
        text: text.to_owned(),
        start: 10,
        end: 10 + text.len(),
        until: until.map(str::to_owned),
        hijri: hijri.map(str::to_owned),
    }
}

fn sample() -> Vec<ExportArticle> {
    let first = ExtractArticle {
        id: "sub/باكو.txt".to_owned(),
        file: "sub/باكو.txt".to_owned(),
        part: 1,
        encoding: "UTF-8",
        title: Some("انسحاب القوات الروسية، خطوة جديدة بين أذربيجان وأرمينيا".to_owned()),
        published: Some(ExtractPublished {
            value: "2024-08-18".to_owned(),
            text: "18-8-2024 | 22:14".to_owned(),
            inferred: false,
        }),
        entities: vec![
            entity(
                "إلهام علييف",
                "person",
                &[(100, 120, "علييف"), (300, 320, "إلهام علييف")],
            ),
            entity("باكو", "place", &[(50, 58, "باكو")]),
            entity("ناغورنو كاراباخ", "place", &[(60, 73, "قره باغ")]),
            entity("الأمم المتحدة", "org", &[(80, 105, "الأمم المتحدة")]),
        ],
        dates: vec![
            date("2020-11-09", "9 نوفمبر 2020", None, None),
            date("2024-07-15", "من 15 إلى 24 يوليو", Some("2024-07-24"), None),
            date("2024-03-25", "15 رمضان 1445", None, Some("1445-09-15")),
            date("2020-11-09", "التاسع من نوفمبر 2020", None, None),
        ],
        warning: None,
    };
    let second = ExtractArticle {
        id: "أخبار/مقال.txt#2".to_owned(),
        file: "أخبار/مقال.txt".to_owned(),
        part: 2,
        encoding: "windows-1256",
        title: Some(FORMULA_TITLE.to_owned()),
        published: Some(ExtractPublished {
            value: "2024-06-05".to_owned(),
            text: "اليوم الأربعاء الموافق 5 يونيو".to_owned(),
            inferred: true,
        }),
        entities: vec![entity("وزارة الخارجية", "org", &[(5, 30, "الخارجية")])],
        dates: vec![date("2024", "مطلع 2024", None, None)],
        warning: Some("malformed bytes replaced".to_owned()),
    };
    let third = ExtractArticle {
        id: "a,b \"c\".txt".to_owned(),
        file: "a,b \"c\".txt".to_owned(),
        part: 1,
        encoding: "UTF-8",
        title: None,
        published: None,
        entities: vec![],
        dates: vec![],
        warning: None,
    };
    vec![
        ExportArticle {
            extract: first,
            review: ReviewState::Flagged,
            note: TRICKY_NOTE.to_owned(),
        },
        ExportArticle {
            extract: second,
            review: ReviewState::Read,
            note: String::new(),
        },
        ExportArticle {
            extract: third,
            review: ReviewState::Unread,
            note: "-3 درجات".to_owned(),
        },
    ]
}

fn skipped() -> Vec<Skipped> {
    vec![
        Skipped {
            file: "broken.bin".to_owned(),
            reason: SkipReason::Binary("contains NUL bytes".to_owned()),
        },
        Skipped {
            file: "فارغ.txt".to_owned(),
            reason: SkipReason::Empty,
        },
    ]
}

/// A strict RFC 4180 reader: CRLF between records, quoted fields with doubled quotes.
/// Panics on anything malformed (a bare quote inside an unquoted field, a lone CR or LF
/// outside quotes, text after a closing quote, a missing final CRLF).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_field_start => {
                at_field_start = false;
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => field.push(c),
                        None => panic!("unterminated quoted field"),
                    }
                }
                assert!(
                    matches!(chars.peek(), Some(',') | Some('\r')),
                    "text after a closing quote: {field:?}"
                );
            }
            '"' => panic!("bare quote in an unquoted field: {field:?}"),
            ',' => {
                row.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_field_start = true;
            }
            '\n' => panic!("bare LF outside quotes"),
            c => {
                at_field_start = false;
                field.push(c);
            }
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "last record not ended by CRLF"
    );
    rows
}

fn csv_text(bytes: &[u8]) -> &str {
    let text = std::str::from_utf8(bytes).expect("CSV is UTF-8");
    text.strip_prefix('\u{feff}')
        .expect("CSV starts with a BOM")
}

fn column(name: &str) -> usize {
    CSV_COLUMNS.iter().position(|c| *c == name).unwrap()
}

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

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Every start tag is closed in order (void elements aside), and no `<` starts anything but
/// a tag, comment-free markup or the doctype — so escaped text cannot have leaked markup.
fn assert_balanced(html: &str) {
    const VOID: [&str; 4] = ["meta", "br", "hr", "link"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("unclosed tag");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with("!DOCTYPE") {
            continue;
        }
        let (closing, body) = match tag.strip_prefix('/') {
            Some(b) => (true, b),
            None => (false, tag),
        };
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(!name.is_empty(), "`<` that starts no tag: <{tag}>");
        if closing {
            assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "at </{name}>");
        } else if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

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

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
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
