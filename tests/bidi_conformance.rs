//! Our bidi layout against a browser engine: `khabar layout` (the reader's own code) must
//! put every fixture line's words in the order headless Chromium draws them. The references
//! were made by `scripts/bidi_reference.py` and are committed.

use khabar::ui::layout_report::{LineLayout, layout_lines};
use std::path::Path;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/bidi")
            .join(name),
    )
    .unwrap()
}

/// Lines where we differ from Chromium on purpose, with the UAX #9 reason. (None so far.)
const EXPLAINED: &[(&str, usize, &str)] = &[];

fn compare(lines_file: &str, reference_file: &str) -> usize {
    let text = fixture(lines_file);
    let ours = layout_lines(&text);
    let reference: Vec<LineLayout> = serde_json::from_str(&fixture(reference_file)).unwrap();
    assert_eq!(
        ours.len(),
        reference.len(),
        "{lines_file}: number of non-empty lines"
    );
    let all: Vec<&str> = text.split('\n').collect();
    let mut disagreements = Vec::new();
    for (mine, theirs) in ours.iter().zip(&reference) {
        assert_eq!(mine.line, theirs.line);
        if mine != theirs
            && !EXPLAINED
                .iter()
                .any(|(f, n, _)| *f == lines_file && *n == mine.line)
        {
            let words: Vec<&str> = all[mine.line - 1].split_whitespace().collect();
            let show = |l: &LineLayout| {
                l.visual
                    .iter()
                    .map(|&i| words.get(i).copied().unwrap_or("?"))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            disagreements.push(format!(
                "line {}: {:?}\n   ours    {} [{}]\n   browser {} [{}]",
                mine.line,
                all[mine.line - 1],
                mine.dir,
                show(mine),
                theirs.dir,
                show(theirs)
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} lines of {lines_file} disagree with the browser:\n{}",
        disagreements.len(),
        ours.len(),
        disagreements.join("\n")
    );
    ours.len()
}

#[test]
fn demo_corpus_lines_agree_with_the_browser() {
    assert!(compare("demo_lines.txt", "demo_lines.reference.json") >= 150);
}

#[test]
fn hard_lines_agree_with_the_browser() {
    assert!(compare("hard_lines.txt", "hard_lines.reference.json") >= 150);
}
