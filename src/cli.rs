//! Command-line entry points. `main.rs` only dispatches here.

use crate::core::annotations::annotate;
use crate::core::corpus::{Corpus, CorpusSource};
use crate::core::extract::extract;
use crate::core::lexicon::Lexicon;
use crate::core::segment::Segmenter;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Open the window, on a folder or on the demo corpus.
    Gui { folder: Option<PathBuf> },
    /// `khabar extract FOLDER [--out FILE]`
    Extract {
        folder: PathBuf,
        out: Option<PathBuf>,
    },
    /// `khabar eval FOLDER GOLD_DIR [--verbose]`
    Eval {
        folder: PathBuf,
        gold: PathBuf,
        verbose: bool,
    },
    /// `khabar layout FILE [--json]`
    Layout { file: PathBuf, json: bool },
    /// `khabar bench [COPIES]`
    Bench { copies: usize },
    /// `khabar --help`
    Help,
    /// `khabar --version`
    Version,
}

pub const USAGE: &str = "\
Khabar — explore folders of Arabic news articles.

Usage:
  khabar [FOLDER]                     open the app (on the demo corpus if no folder is given)
  khabar extract FOLDER [--out FILE]  write what Khabar extracts as JSON (stdout by default)
  khabar eval FOLDER GOLD_DIR [--verbose]  precision / recall / F1 against gold annotations
  khabar bench [COPIES]               time segmentation and extraction on the demo texts repeated
  khabar layout FILE [--json]         the order in which the reader draws each line's words
  khabar --help | --version
";

/// Parses arguments (without the program name).
pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        None => Ok(Command::Gui { folder: None }),
        Some("-h" | "--help" | "help") => Ok(Command::Help),
        Some("-V" | "--version") => Ok(Command::Version),
        Some("extract") => {
            let mut folder = None;
            let mut out = None;
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--out" | "-o" => {
                        out = Some(PathBuf::from(args.next().ok_or("--out needs a file name")?))
                    }
                    flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
                    path if folder.is_none() => folder = Some(PathBuf::from(path)),
                    extra => return Err(format!("unexpected argument {extra}")),
                }
            }
            Ok(Command::Extract {
                folder: folder.ok_or("extract needs a FOLDER")?,
                out,
            })
        }
        Some("eval") => {
            let mut paths = Vec::new();
            let mut verbose = false;
            for arg in args {
                match arg.as_str() {
                    "--verbose" | "-v" => verbose = true,
                    flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
                    path => paths.push(PathBuf::from(path)),
                }
            }
            let [folder, gold]: [PathBuf; 2] = paths
                .try_into()
                .map_err(|_| "eval needs FOLDER and GOLD_DIR")?;
            Ok(Command::Eval {
                folder,
                gold,
                verbose,
            })
        }
        Some("bench") => {
            let copies = match args.next() {
                Some(n) => n
                    .parse()
                    .map_err(|_| format!("not a number of copies: {n}"))?,
                None => 200,
            };
            Ok(Command::Bench { copies })
        }
        Some("layout") => {
            let mut file = None;
            let mut json = false;
            for arg in args {
                match arg.as_str() {
                    "--json" => json = true,
                    flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
                    path if file.is_none() => file = Some(PathBuf::from(path)),
                    extra => return Err(format!("unexpected argument {extra}")),
                }
            }
            Ok(Command::Layout {
                file: file.ok_or("layout needs a FILE")?,
                json,
            })
        }
        // Desktop launchers pass no flags; anything unknown is a mistake worth reporting.
        Some(flag) if flag.starts_with('-') => Err(format!("unknown option {flag}")),
        Some(path) => Ok(Command::Gui {
            folder: Some(PathBuf::from(path)),
        }),
    }
}

/// Runs `khabar extract`. Returns the process exit code; errors go to stderr in one line.
pub fn run_extract(folder: &Path, out: Option<&Path>) -> i32 {
    let corpus = match Corpus::load(
        &CorpusSource::Folder(folder.to_owned()),
        &Segmenter::default(),
    ) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("khabar extract: {e}");
            return 1;
        }
    };
    let mut annotations = annotate(&corpus.documents, &Lexicon::load());
    // The reviewer's corrections, when the folder has them.
    let sidecar = crate::core::curation::Curation::sidecar_for_folder(folder);
    match crate::core::curation::Curation::load(&sidecar) {
        Ok(curation) => {
            annotations.entities =
                curation.apply(&annotations.entities, |d| corpus.documents[d].text.as_str())
        }
        Err(e) => eprintln!("khabar extract: corrections ignored: {e}"),
    }
    let json = match serde_json::to_string_pretty(&extract(&corpus, &annotations)) {
        Ok(json) => json,
        Err(e) => {
            eprintln!("khabar extract: {e}");
            return 1;
        }
    };
    let written = match out {
        Some(path) => {
            std::fs::write(path, json + "\n").map_err(|e| format!("{}: {e}", path.display()))
        }
        None => writeln!(std::io::stdout().lock(), "{json}").map_err(|e| e.to_string()),
    };
    match written {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("khabar extract: {e}");
            1
        }
    }
}

/// Runs `khabar eval`: prints precision, recall and F1 per file and overall.
pub fn run_eval(folder: &Path, gold_dir: &Path, verbose: bool) -> i32 {
    let corpus = match Corpus::load(
        &CorpusSource::Folder(folder.to_owned()),
        &Segmenter::default(),
    ) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("khabar eval: {e}");
            return 1;
        }
    };
    let golds = match crate::core::eval::read_gold_dir(gold_dir) {
        Ok(golds) => golds,
        Err(e) => {
            eprintln!("khabar eval: {e}");
            return 1;
        }
    };
    let annotations = annotate(&corpus.documents, &Lexicon::load());
    let report = crate::core::eval::evaluate(&corpus, &annotations, &golds);
    let line = |name: &str, c: &crate::core::eval::Counts| {
        format!(
            "{name:<12} P {:.3}  R {:.3}  F1 {:.3}   ({} matched, {} predicted, {} gold)",
            c.precision(),
            c.recall(),
            c.f1(),
            c.matched,
            c.predicted,
            c.gold
        )
    };
    for file in &report.files {
        println!("{}", line(&file.file, &file.entities));
        if verbose {
            println!(
                "    dates {}/{}  predicted [{}]  gold [{}]  published {}",
                file.dates.matched,
                file.dates.gold,
                file.predicted_dates.join(", "),
                file.gold_dates.join(", "),
                file.published.as_deref().unwrap_or("-")
            );
            for fp in &file.false_positives {
                println!("    + {fp}");
            }
            for fn_ in &file.false_negatives {
                println!("    - {fn_}");
            }
        }
    }
    println!("{}", line("entities", &report.entities));
    println!("{}", line("dates", &report.dates));
    let (right, counted) = report.published;
    println!("published    {right} / {counted} right");
    0
}

/// Runs `khabar bench`: segmentation and entity extraction over the demo articles repeated
/// `copies` times (in memory, so the disk is not measured), with throughput figures.
pub fn run_bench(copies: usize) -> i32 {
    use crate::core::decode::decode;
    use crate::core::document::Document;
    use rayon::prelude::*;
    use std::time::Instant;
    let segmenter = Segmenter::default();
    let lexicon = Lexicon::load();
    let texts: Vec<(String, crate::core::decode::Decoded)> = (0..copies)
        .flat_map(|copy| {
            crate::core::demo::FILES
                .iter()
                .filter_map(move |(name, bytes)| {
                    decode(bytes).ok().map(|d| (format!("{copy}/{name}"), d))
                })
        })
        .collect();
    let bytes: usize = texts.iter().map(|(_, d)| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    let started = Instant::now();
    let documents: Vec<Document> = texts
        .into_par_iter()
        .map(|(file, decoded)| Document::new(file, None, decoded, &segmenter))
        .collect();
    let segmented = started.elapsed().as_secs_f64();
    let articles: usize = documents.iter().map(|d| d.articles.len()).sum();
    let started = Instant::now();
    let annotations = annotate(&documents, &lexicon);
    let extracted = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let dates = crate::core::annotations::dates_of(&documents);
    let dated = started.elapsed().as_secs_f64();
    let date_mentions: usize = dates.iter().flatten().map(|a| a.mentions.len()).sum();
    let mentions: usize = annotations
        .entities
        .iter()
        .flatten()
        .flatten()
        .map(|e| e.mentions.len())
        .sum();
    println!(
        "corpus        {} files, {articles} articles, {mb:.1} MB ({copies} copies of the demo texts)",
        documents.len()
    );
    println!("threads       {}", rayon::current_num_threads());
    println!(
        "segmentation  {segmented:.3} s   {:.0} articles/s   {:.1} MB/s",
        articles as f64 / segmented,
        mb / segmented
    );
    println!(
        "entities      {extracted:.3} s   {:.0} articles/s   {:.1} MB/s   ({mentions} mentions; includes dates)",
        articles as f64 / extracted,
        mb / extracted
    );
    println!(
        "dates         {dated:.3} s   {:.0} articles/s   {:.1} MB/s   ({date_mentions} dates)",
        articles as f64 / dated,
        mb / dated
    );
    bench_timeline(&dates);
    bench_search(&documents);
    0
}

/// The search index at 10 000 articles (the bench articles cycled): build time, memory and
/// the time of every keystroke of a few queries typed letter by letter.
fn bench_search(documents: &[crate::core::document::Document]) {
    let pairs: Vec<(usize, usize)> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.articles.len()).map(move |a| (d, a)))
        .cycle()
        .take(10_000)
        .collect();
    print!("{}", crate::core::search::bench_report(documents, &pairs));
}

/// The timeline at 100 000 articles: the dates found above, repeated with shifted days
/// until there are that many articles, then built and queried as the strip does per frame.
fn bench_timeline(dates: &[Vec<crate::core::dates::ArticleDates>]) {
    use crate::core::calendar::value_span;
    use crate::core::timeline::{Lane, Mark, Timeline};
    use std::time::Instant;
    const ARTICLES: u32 = 100_000;
    /// An article's publication span and its mentions' spans.
    type Spans = (Option<(i32, i32)>, Vec<(i32, i32)>);
    let spans: Vec<Spans> = dates
        .iter()
        .flatten()
        .map(|a| {
            (
                a.published
                    .as_ref()
                    .and_then(|p| value_span(&p.value, None)),
                a.mentions
                    .iter()
                    .filter_map(|m| value_span(&m.value, m.until.as_deref()))
                    .collect(),
            )
        })
        .collect();
    if spans.is_empty() {
        return;
    }
    let mut marks = Vec::new();
    let mut undated = 0;
    for n in 0..ARTICLES {
        let (published, mentions) = &spans[n as usize % spans.len()];
        let shift = (n as i32 * 7) % 3650;
        match published {
            Some((s, e)) => marks.push(Mark {
                lane: Lane::Published,
                start: s - shift,
                end: e - shift,
                article: n,
                mention: Mark::PUBLICATION,
            }),
            None => undated += 1,
        }
        for (i, (s, e)) in mentions.iter().enumerate() {
            marks.push(Mark {
                lane: Lane::Mentioned,
                start: s - shift,
                end: e - shift,
                article: n,
                mention: i as u32,
            });
        }
    }
    let count = marks.len();
    let started = Instant::now();
    let timeline = Timeline::new(marks, undated);
    let built = started.elapsed().as_secs_f64();
    let (from, to) = timeline.extent().unwrap_or((0, 1));
    let started = Instant::now();
    const FRAMES: u32 = 1000;
    let mut sum = 0.0f32;
    for f in 0..FRAMES {
        let shift = f64::from(f);
        for lane in [Lane::Published, Lane::Mentioned] {
            sum += timeline
                .density(lane, f64::from(from) + shift, f64::from(to) + shift, 1200)
                .iter()
                .sum::<f32>();
        }
    }
    let per_frame = started.elapsed().as_secs_f64() / f64::from(FRAMES);
    let started = Instant::now();
    let year = timeline.articles_in(Lane::Mentioned, from + 365 * 3, from + 365 * 4);
    let brushed = started.elapsed().as_secs_f64();
    println!(
        "timeline      {ARTICLES} articles, {count} marks: built in {:.1} ms; both lanes' densities \
         (1200 bins) {:.3} ms per frame (mass {:.0}); a one-year brush {:.1} ms ({} articles)",
        built * 1e3,
        per_frame * 1e3,
        sum / FRAMES as f32,
        brushed * 1e3,
        year.len()
    );
}

/// Runs `khabar layout`: one entry per non-empty line, as JSON or as readable text.
pub fn run_layout(file: &Path, json: bool) -> i32 {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("khabar layout: {}: {e}", file.display());
            return 1;
        }
    };
    let text = match crate::core::decode::decode(&bytes) {
        Ok(decoded) => decoded.text,
        Err(reason) => {
            eprintln!("khabar layout: {}: {reason}", file.display());
            return 1;
        }
    };
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
    match written {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("khabar layout: {e}");
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_commands() {
        assert_eq!(parse(&args(&[])), Ok(Command::Gui { folder: None }));
        assert_eq!(
            parse(&args(&["/data/news"])),
            Ok(Command::Gui {
                folder: Some("/data/news".into())
            })
        );
        assert_eq!(
            parse(&args(&["extract", "dir", "--out", "x.json"])),
            Ok(Command::Extract {
                folder: "dir".into(),
                out: Some("x.json".into())
            })
        );
        assert!(parse(&args(&["extract"])).is_err());
        assert_eq!(
            parse(&args(&["layout", "lines.txt", "--json"])),
            Ok(Command::Layout {
                file: "lines.txt".into(),
                json: true
            })
        );
        assert!(parse(&args(&["--bogus"])).is_err());
    }
}
