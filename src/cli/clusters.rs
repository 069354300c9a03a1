//! `khabar train-clusters`: learning word clusters from a folder of wikiextractor output
//! (`<doc id=… url=… title=…>` … `</doc>`), for the tagger's cluster features (see
//! [`khabar_core::extract::entities::tagger::clusters`]).

use super::Error;
use super::args::TrainClustersArgs;
use khabar_core::extract::entities::tagger::clusters::{ClusterSettings, learn};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

const COMMAND: &str = "train-clusters";

fn failed(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |e| Error::failed(COMMAND)(format!("{}: {e}", path.display()))
}

/// Every `*.txt` under `dir`, sorted: the order of the texts is part of what is learned.
fn txt_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).map_err(failed(&d))? {
            let path = entry.map_err(failed(&d))?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The `title="…"` of a `<doc …>` line.
fn title(doc_line: &str) -> Option<&str> {
    let rest = &doc_line[doc_line.find("title=\"")? + 7..];
    Some(&rest[..rest.find('"')?])
}

/// The documents of one wikiextractor file, as (title, text without the doc lines).
fn documents(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in text.lines() {
        if line.starts_with("<doc ") {
            out.extend(current.take());
            current = Some((title(line).unwrap_or_default().to_string(), String::new()));
        } else if line.trim() == "</doc>" {
            out.extend(current.take());
        } else if let Some((_, body)) = current.as_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    out.extend(current);
    out
}

/// Learns clusters from `args.dir` and writes them to `args.out`.
pub fn train(args: &TrainClustersArgs) -> Result<(), Error> {
    let start = Instant::now();
    let excluded: BTreeSet<String> = match &args.exclude {
        Some(path) => std::fs::read_to_string(path)
            .map_err(failed(path))?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect(),
        None => BTreeSet::new(),
    };
    let files = txt_files(&args.dir)?;
    let mut texts = Vec::new();
    let mut skipped = BTreeSet::new();
    let mut skipped_docs = 0usize;
    let mut total_docs = 0usize;
    for path in &files {
        let text = std::fs::read_to_string(path).map_err(failed(path))?;
        for (title, body) in documents(&text) {
            total_docs += 1;
            if excluded.contains(&title) {
                skipped_docs += 1;
                skipped.insert(title);
            } else {
                texts.push(body);
            }
        }
    }
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    eprintln!(
        "{} files, {total_docs} documents, {skipped_docs} excluded ({} titles of {} matched), {} kept, about {words} words, read in {:.1} s",
        files.len(),
        skipped.len(),
        excluded.len(),
        texts.len(),
        start.elapsed().as_secs_f64()
    );
    for title in excluded.difference(&skipped) {
        eprintln!("  excluded title not in the corpus: {title}");
    }
    let settings = ClusterSettings {
        fine: args.fine,
        coarse: args.coarse,
        min_count: args.min_count,
        max_vocab: args.max_vocab,
        seed: args.seed,
        ..ClusterSettings::default()
    };
    let learning = Instant::now();
    let mut clusters = learn(texts.into_iter(), &settings);
    for note in &args.note {
        clusters.push_header(note.clone());
    }
    let tsv = clusters.to_tsv();
    std::fs::write(&args.out, &tsv).map_err(failed(&args.out))?;
    eprintln!(
        "{} words in {} fine / {} coarse clusters, {} bytes, learned in {:.1} s, {:.1} s in all",
        clusters.len(),
        clusters.fine_count(),
        clusters.coarse_count(),
        tsv.len(),
        learning.elapsed().as_secs_f64(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wikiextractor_documents_split_on_doc_lines() {
        let text = "<doc id=\"1\" title=\"دمشق\" url=\"u\">\nدمشق\n\nنص.\n</doc>\n<doc id=\"2\" title=\"ضوء\" url=\"u\">\nآخر\n</doc>\n";
        let docs = documents(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0], ("دمشق".into(), "دمشق\n\nنص.\n".into()));
        assert_eq!(docs[1].0, "ضوء");
        assert_eq!(title("<doc id=\"3\">"), None);
    }
}
