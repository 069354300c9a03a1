//! `khabar layout FILE [--json]`: the order in which the reader draws each line's words,
//! from the reader's own layout code run headless ([`crate::ui::layout_report`]).

use super::Error;
use std::io::Write;
use std::path::Path;

/// The name errors are reported under.
const COMMAND: &str = "layout";

/// Runs `khabar layout`: one entry per non-empty line, as JSON or as readable text.
pub fn run(file: &Path, json: bool) -> Result<(), Error> {
    let in_file =
        |e: &dyn std::fmt::Display| Error::failed(COMMAND)(format!("{}: {e}", file.display()));
    let bytes = std::fs::read(file).map_err(|e| in_file(&e))?;
    let text = khabar_core::text::decode::decode(&bytes)
        .map_err(|reason| in_file(&reason))?
        .text;
    let lines = crate::ui::layout_report::layout_lines(&text);
    let mut out = std::io::stdout().lock();
    let written = if json {
        let rows: Vec<String> = lines
            .iter()
            .map(|l| serde_json::to_string(l).unwrap_or_default())
            .collect();
        writeln!(out, "[\n{}\n]", rows.join(",\n"))
    } else {
        let all: Vec<&str> = text.split('\n').collect();
        lines.iter().try_for_each(|l| {
            let words: Vec<&str> = all[l.line - 1].split_whitespace().collect();
            let visual: Vec<&str> = l.visual.iter().map(|&i| words[i]).collect();
            writeln!(out, "{:>5} {}  {}", l.line, l.dir, visual.join(" "))
        })
    };
    written.map_err(Error::failed(COMMAND))
}
