//! The articles the export tests write (with notes and titles meant to break each format),
//! and readers that take each format apart again to check it. Used by `export_formats.rs`
//! and `export_report.rs` (through `#[path]`).

use khabar_core::corpus::Skipped;
use khabar_core::error::SkipReason;
use khabar_core::extract::output::{
    ExtractArticle, ExtractDate, ExtractEntity, ExtractPublished, ExtractSpan,
};
use khabar_core::review::curation::ReviewState;
use khabar_core::review::export::{CSV_COLUMNS, ExportArticle};
use std::path::Path;

pub const TRICKY_NOTE: &str =
    "مراجعة: \"مهم جداً\", راجع التاريخ\nالسطر الثاني, و<script>alert('x')</script> & غيره";
pub const FORMULA_TITLE: &str = "=HYPERLINK(\"http://evil\",\"اضغط\")";

pub fn entity(name: &str, kind: &str, mentions: &[(usize, usize, &str)]) -> ExtractEntity {
    ExtractEntity {
        name: name.to_owned(),
        kind: kind.to_owned(),
        score: 0.9,
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

pub fn date(value: &str, text: &str, until: Option<&str>, hijri: Option<&str>) -> ExtractDate {
    ExtractDate {
        value: value.to_owned(),
        text: text.to_owned(),
        start: 10,
        end: 10 + text.len(),
        until: until.map(str::to_owned),
        hijri: hijri.map(str::to_owned),
    }
}

pub fn sample() -> Vec<ExportArticle> {
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

pub fn skipped() -> Vec<Skipped> {
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
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
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

pub fn csv_text(bytes: &[u8]) -> &str {
    let text = std::str::from_utf8(bytes).expect("CSV is UTF-8");
    text.strip_prefix('\u{feff}')
        .expect("CSV starts with a BOM")
}

pub fn column(name: &str) -> usize {
    CSV_COLUMNS.iter().position(|c| *c == name).unwrap()
}

pub fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Every start tag is closed in order (void elements aside), and no `<` starts anything but
/// a tag, comment-free markup or the doctype — so escaped text cannot have leaked markup.
pub fn assert_balanced(html: &str) {
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

pub fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
