//! Command-line entry points. `main.rs` only dispatches here.

mod reopen;

use khabar_core::corpus::{Corpus, CorpusSource};
use khabar_core::extract::annotations::annotate;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::extract::output::extract;
use khabar_core::text::segment::Segmenter;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a bench command asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BenchTask {
    /// `khabar bench [COPIES]`: extraction over the demo texts repeated, in memory.
    Demo { copies: usize },
    /// `khabar bench ingest DIR [--stages]`: a folder on disk, loaded as the app loads it,
    /// beside `rg`; `--stages` times each stage alone instead.
    Ingest { folder: PathBuf, stages: bool },
    /// `khabar bench reopen DIR [--cache CACHE_DIR]`: a folder opened once to fill a fresh
    /// corpus cache (or the given cache folder, kept), then reopened from it, with each step
    /// of the reopen timed alone.
    Reopen {
        folder: PathBuf,
        cache: Option<PathBuf>,
    },
    /// `khabar gen-corpus N OUT [--seed S]`: N synthetic articles written under OUT.
    GenCorpus { count: u64, out: PathBuf, seed: u64 },
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Open the window, on a folder or on the demo corpus.
    Gui { folder: Option<PathBuf> },
    /// `khabar extract FOLDER [--out FILE] [--no-cache]`
    Extract {
        folder: PathBuf,
        out: Option<PathBuf>,
        /// Read and extract everything afresh, without the corpus cache.
        no_cache: bool,
    },
    /// `khabar eval FOLDER GOLD_DIR [--verbose]`
    Eval {
        folder: PathBuf,
        gold: PathBuf,
        verbose: bool,
    },
    /// `khabar layout FILE [--json]`
    Layout { file: PathBuf, json: bool },
    /// The bench tools: `khabar bench [COPIES]`, `khabar bench ingest DIR [--stages]` and
    /// `khabar gen-corpus N OUT [--seed S]` (see [`BenchTask`]). The field keeps its first
    /// name so that `main.rs` dispatches every task through [`run_bench`] unchanged.
    Bench { task: BenchTask },
    /// `khabar --help`
    Help,
    /// `khabar --version`
    Version,
}

pub const USAGE: &str = "\
Khabar — explore folders of Arabic news articles.

Usage:
  khabar [FOLDER]                     open the app (on the demo corpus if no folder is given)
  khabar extract FOLDER [--out FILE] [--no-cache]
                                     write what Khabar extracts as JSON (stdout by default);
                                     uses the app's corpus cache unless --no-cache
  khabar eval FOLDER GOLD_DIR [--verbose]  precision / recall / F1 against gold annotations
  khabar bench [COPIES]               time segmentation and extraction on the demo texts repeated
  khabar bench ingest DIR [--stages]  time loading a folder as the app does, beside rg, and peak
                                      memory (--stages: each stage alone, with memory held)
  khabar bench reopen DIR [--cache CACHE_DIR]
                                      time reopening a folder from its corpus cache, step by step
                                      (a fresh cache unless given one)
  khabar gen-corpus N OUT [--seed S]  write N synthetic articles (deterministic) under OUT, for benches
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
            let mut no_cache = false;
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--out" | "-o" => {
                        out = Some(PathBuf::from(args.next().ok_or("--out needs a file name")?))
                    }
                    "--no-cache" => no_cache = true,
                    flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
                    path if folder.is_none() => folder = Some(PathBuf::from(path)),
                    extra => return Err(format!("unexpected argument {extra}")),
                }
            }
            Ok(Command::Extract {
                folder: folder.ok_or("extract needs a FOLDER")?,
                out,
                no_cache,
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
            let task = match args.next().map(String::as_str) {
                Some("ingest") => {
                    let mut folder = None;
                    let mut stages = false;
                    for arg in args {
                        match arg.as_str() {
                            "--stages" => stages = true,
                            flag if flag.starts_with('-') => {
                                return Err(format!("unknown option {flag}"));
                            }
                            path if folder.is_none() => folder = Some(PathBuf::from(path)),
                            extra => return Err(format!("unexpected argument {extra}")),
                        }
                    }
                    BenchTask::Ingest {
                        folder: folder.ok_or("bench ingest needs a folder")?,
                        stages,
                    }
                }
                Some("reopen") => {
                    let mut folder = None;
                    let mut cache = None;
                    while let Some(arg) = args.next() {
                        match arg.as_str() {
                            "--cache" => {
                                cache = Some(PathBuf::from(
                                    args.next().ok_or("--cache needs a folder")?,
                                ))
                            }
                            flag if flag.starts_with('-') => {
                                return Err(format!("unknown option {flag}"));
                            }
                            path if folder.is_none() => folder = Some(PathBuf::from(path)),
                            extra => return Err(format!("unexpected argument {extra}")),
                        }
                    }
                    BenchTask::Reopen {
                        folder: folder.ok_or("bench reopen needs a folder")?,
                        cache,
                    }
                }
                Some(n) => BenchTask::Demo {
                    copies: n
                        .parse()
                        .map_err(|_| format!("not a number of copies: {n}"))?,
                },
                None => BenchTask::Demo { copies: 200 },
            };
            Ok(Command::Bench { task })
        }
        Some("gen-corpus") => {
            let mut positional = Vec::new();
            let mut seed = 1;
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--seed" => {
                        let s = args.next().ok_or("--seed needs a number")?;
                        seed = s.parse().map_err(|_| format!("not a seed: {s}"))?;
                    }
                    flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
                    other => positional.push(other),
                }
            }
            let [count, out]: [&str; 2] = positional
                .try_into()
                .map_err(|_| "gen-corpus needs N and OUT")?;
            let count = count
                .replace('_', "")
                .parse()
                .map_err(|_| format!("not a number of articles: {count}"))?;
            Ok(Command::Bench {
                task: BenchTask::GenCorpus {
                    count,
                    out: PathBuf::from(out),
                    seed,
                },
            })
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
pub fn run_extract(folder: &Path, out: Option<&Path>, no_cache: bool) -> i32 {
    let cache_dir = if no_cache {
        None
    } else {
        khabar_core::corpus::cache::default_dir()
    };
    let loaded = match khabar_core::loader::load_all(
        CorpusSource::Folder(folder.to_owned()),
        std::sync::Arc::new(Segmenter::default()),
        std::sync::Arc::new(Lexicon::load()),
        cache_dir,
    ) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("khabar extract: {e}");
            return 1;
        }
    };
    let (corpus, mut annotations) = (loaded.corpus, loaded.annotations);
    // The reviewer's corrections, when the folder has them.
    // Read only: extract never writes into the corpus folder (nor anywhere else).
    let source = CorpusSource::Folder(folder.to_owned());
    match khabar_core::review::sidecar::Sidecar::read(&source, None) {
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
    let golds = match khabar_core::eval::read_gold_dir(gold_dir) {
        Ok(golds) => golds,
        Err(e) => {
            eprintln!("khabar eval: {e}");
            return 1;
        }
    };
    let annotations = annotate(&corpus.documents, &Lexicon::load());
    let report = khabar_core::eval::evaluate(&corpus, &annotations, &golds);
    let line = |name: &str, c: &khabar_core::eval::Counts| {
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

/// Runs a bench task (`khabar bench …`, `khabar gen-corpus …`).
pub fn run_bench(task: BenchTask) -> i32 {
    match task {
        BenchTask::Demo { copies } => run_bench_demo(copies),
        BenchTask::Ingest { folder, stages } => run_bench_ingest(&folder, stages),
        BenchTask::Reopen { folder, cache } => reopen::run(&folder, cache.as_deref()),
        BenchTask::GenCorpus { count, out, seed } => run_gen_corpus(count, &out, seed),
    }
}

/// Runs `khabar gen-corpus`: `count` synthetic articles under `out` (see
/// [`khabar_core::corpus::synth`]).
pub fn run_gen_corpus(count: u64, out: &Path, seed: u64) -> i32 {
    use khabar_core::corpus::synth::{Generator, Seeds};
    let started = std::time::Instant::now();
    let seeds = match Seeds::demo(&Segmenter::default(), &Lexicon::load()) {
        Ok(seeds) => seeds,
        Err(e) => {
            eprintln!("khabar gen-corpus: {e}");
            return 1;
        }
    };
    match Generator::new(seeds, seed).write_to(out, count) {
        Ok(written) => {
            println!(
                "{} articles in {} folders under {}: {:.1} MB in {:.1} s (seed {seed})",
                written.files,
                written.folders,
                out.display(),
                written.bytes as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
            0
        }
        Err(e) => {
            eprintln!("khabar gen-corpus: {e}");
            1
        }
    }
}

/// Runs `khabar bench`: segmentation and entity extraction over the demo articles repeated
/// `copies` times (in memory, so the disk is not measured), with throughput figures.
fn run_bench_demo(copies: usize) -> i32 {
    use khabar_core::text::decode::decode;
    use khabar_core::text::document::Document;
    use rayon::prelude::*;
    use std::time::Instant;
    let segmenter = Segmenter::default();
    let lexicon = Lexicon::load();
    let texts: Vec<(String, khabar_core::text::decode::Decoded)> = (0..copies)
        .flat_map(|copy| {
            khabar_core::corpus::demo::FILES
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
    let dates = khabar_core::extract::annotations::dates_of(&documents);
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
fn bench_search(documents: &[khabar_core::text::document::Document]) {
    let pairs: Vec<(usize, usize)> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.articles.len()).map(move |a| (d, a)))
        .cycle()
        .take(10_000)
        .collect();
    print!(
        "{}",
        khabar_core::query::search::bench_report(documents, &pairs)
    );
}

/// The timeline at 100 000 articles: the dates found above, repeated with shifted days
/// until there are that many articles, then built and queried as the strip does per frame.
fn bench_timeline(dates: &[Vec<khabar_core::extract::dates::ArticleDates>]) {
    use khabar_core::extract::dates::calendar::value_span;
    use khabar_core::query::timeline::{Lane, Mark, Timeline};
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

/// A figure of `/proc/self/status` in bytes (`VmHWM`: peak resident memory, `VmRSS`: now).
fn proc_status_bytes(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kib: u64 = line[field.len()..]
        .trim_start_matches(':')
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some(kib * 1024)
}

/// CPU seconds of this process (user + system, all threads) and of its waited-for children,
/// from `/proc/self/stat` (clock ticks of 1/100 s, Linux's `USER_HZ`).
fn cpu_seconds() -> (f64, f64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let field = |n: usize| -> f64 {
        rest.split_whitespace()
            .nth(n - 3)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 100.0
    };
    (field(14) + field(15), field(16) + field(17))
}

/// The 1-minute load average: how busy the machine was while measuring.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// `rg --count-matches '[ء-ي]+' DIR`: wall time, CPU time and the Arabic words it counted,
/// or why not.
fn time_rg(folder: &Path) -> Result<(f64, f64, u64), String> {
    use std::process::{Command, Stdio};
    let (_, children) = cpu_seconds();
    let started = std::time::Instant::now();
    let output = Command::new("rg")
        .args(["--count-matches", "[ء-ي]+"])
        .arg(folder)
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("rg not run ({e}); install ripgrep (apt-get install ripgrep)"))?;
    let seconds = started.elapsed().as_secs_f64();
    if !output.status.success() {
        return Err(format!("rg failed ({})", output.status));
    }
    let words = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| l.rsplit(':').next()?.parse::<u64>().ok())
        .sum();
    Ok((seconds, cpu_seconds().1 - children, words))
}

/// Runs `khabar bench ingest DIR`: the folder loaded through [`LoadJob`] exactly as the app
/// opens one (list → read/decode/segment in parallel → entities, both passes → dates →
/// search index), timed from the spawn to the first document and to the end, with the
/// process's peak memory, beside `rg` over the same folder. With `stages`, instead, each
/// stage alone with the memory held after it (a process of its own, so that neither run's
/// peak or freed heap blurs the other's figures).
///
/// [`LoadJob`]: khabar_core::loader::LoadJob
fn run_bench_ingest(folder: &Path, stages: bool) -> i32 {
    use khabar_core::loader::{LoadEvent, LoadJob};
    use std::sync::Arc;
    use std::time::Instant;
    let segmenter = Arc::new(Segmenter::default());
    let lexicon = Arc::new(Lexicon::load());
    if stages {
        bench_stages(folder, &segmenter, &lexicon);
        return 0;
    }
    let baseline = proc_status_bytes("VmHWM").unwrap_or(0);
    // On-disk size: the files' bytes and the blocks they take.
    let (mut files, mut bytes, mut allocated) = (0u64, 0u64, 0u64);
    // Hidden files (the curation sidecar, .git) are skipped, as the loader skips them.
    let walk = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk.flatten() {
        if entry.file_type().is_file()
            && let Ok(meta) = entry.metadata()
        {
            use std::os::unix::fs::MetadataExt;
            files += 1;
            bytes += meta.len();
            allocated += meta.blocks() * 512;
        }
    }
    let rg_first = time_rg(folder);
    let load_before = load_average();

    let (cpu_before, _) = cpu_seconds();
    let started = Instant::now();
    let job = LoadJob::spawn(
        CorpusSource::Folder(folder.to_owned()),
        segmenter.clone(),
        lexicon.clone(),
        || {},
    );
    let mut listed = None;
    let mut first = None;
    let mut read_all = None;
    let mut extracted = None;
    let mut documents = Vec::new();
    let mut held = None;
    let (mut skipped, mut total_bytes) = (0usize, 0u64);
    while let Some(event) = job.recv() {
        let at = started.elapsed().as_secs_f64();
        match event {
            LoadEvent::Listed {
                total_bytes: b,
                skipped: s,
                ..
            } => {
                listed = Some(at);
                total_bytes = b;
                skipped += s.len();
            }
            LoadEvent::Loaded { document, .. } => {
                first.get_or_insert(at);
                documents.push(document);
            }
            LoadEvent::Skipped { .. } => skipped += 1,
            LoadEvent::Annotating => read_all = Some(at),
            entities @ LoadEvent::Entities { .. } => {
                extracted = Some(at);
                held = Some(entities);
            }
            LoadEvent::Failed(e) => {
                eprintln!("khabar bench ingest: {e}");
                return 1;
            }
            LoadEvent::Finished { .. } => break,
            _ => {}
        }
    }
    let total = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds().0 - cpu_before;
    let load_after = load_average();
    let peak = proc_status_bytes("VmHWM").unwrap_or(0);
    let resident = proc_status_bytes("VmRSS").unwrap_or(0);
    let articles: usize = documents.iter().map(|d| d.articles.len()).sum();
    let rg_second = time_rg(folder);
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };

    println!("folder        {}", folder.display());
    println!(
        "corpus        {} documents ({skipped} skipped), {articles} articles, {:.1} MB of text \
         ({files} files, {:.1} MB in blocks on disk)",
        documents.len(),
        mb(total_bytes),
        mb(allocated)
    );
    println!(
        "threads       {} (load average {load_before} before ingest, {load_after} after)",
        rayon::current_num_threads()
    );
    let stage = |from: Option<f64>, to: Option<f64>| match (from, to) {
        (Some(a), Some(b)) => format!("{:.2} s", b - a),
        _ => "-".into(),
    };
    println!(
        "ingest        {total:.2} s   {:.2} MB/s   {:.0} articles/s   (listing {}, \
         read+decode+segment {}, entities+dates+search {}, end {}); {cpu:.2} s CPU",
        mb(total_bytes) / total,
        articles as f64 / total,
        stage(Some(0.0), listed),
        stage(listed, read_all),
        stage(read_all, extracted),
        stage(extracted, Some(total)),
    );
    match first {
        Some(t) => println!(
            "first article {:.3} s after the folder is opened (goal ≤ 0.3 s: {})",
            t,
            verdict(t <= 0.3)
        ),
        None => println!("first article never (no readable file)"),
    }
    match (&rg_first, &rg_second) {
        (Ok((a, a_cpu, words)), Ok((b, b_cpu, _))) => {
            let rg = a.min(*b);
            let rg_cpu = a_cpu.min(*b_cpu);
            println!(
                "rg            {rg:.2} s (runs: {a:.2} s before, {b:.2} s after ours), \
                 {words} Arabic words, {:.1} MB/s; {rg_cpu:.2} s CPU",
                mb(bytes) / rg
            );
            println!(
                "ours / rg     {:.1}× wall time (goal ≤ 3×: {}); {:.1}× CPU time",
                total / rg,
                verdict(total / rg <= 3.0),
                cpu / rg_cpu.max(0.01)
            );
        }
        (Err(e), _) | (_, Err(e)) => println!("rg            skipped: {e}; no ratio"),
    }
    let ratio = peak as f64 / total_bytes.max(1) as f64;
    println!(
        "peak memory   {:.0} MB VmHWM ({:.0} MB before loading, {:.0} MB resident at the end) \
         = {ratio:.2}× the text on disk, {:.2}× its blocks (goal ≤ 2×: {})",
        mb(peak),
        mb(baseline),
        mb(resident),
        peak as f64 / allocated.max(1) as f64,
        verdict(ratio <= 2.0)
    );
    drop(held);
    0
}

/// Each stage of ingest alone, on the calling thread with rayon as the loader uses it:
/// where the time goes.
fn bench_stages(folder: &Path, segmenter: &Segmenter, lexicon: &Lexicon) {
    use khabar_core::corpus::{self, Content};
    use khabar_core::extract::annotations::{self, dates_of};
    use khabar_core::extract::entities::{FirstPass, Recognizer, canonical_names, group};
    use khabar_core::text::decode::decode;
    use khabar_core::text::document::Document;
    use rayon::prelude::*;
    use std::time::Instant;
    let mut report = vec![(
        "(start: lexicon and cues loaded)".to_owned(),
        0.0,
        0.0,
        proc_status_bytes("VmRSS").unwrap_or(0),
    )];
    // CPU time beside wall time: on a shared machine it is the figure to compare.
    let mut cpu_before = cpu_seconds().0;
    let mut time = |name: &str, started: Instant| {
        let s = started.elapsed().as_secs_f64();
        let cpu = cpu_seconds().0;
        report.push((
            name.to_owned(),
            s,
            cpu - cpu_before,
            proc_status_bytes("VmRSS").unwrap_or(0),
        ));
        cpu_before = cpu;
    };
    let started = Instant::now();
    let Ok(listing) = corpus::list(&CorpusSource::Folder(folder.to_owned())) else {
        return;
    };
    time("list (walk, stat)", started);
    let started = Instant::now();
    let raw: Vec<(String, PathBuf, Vec<u8>)> = listing
        .candidates
        .par_iter()
        .filter_map(|c| match &c.content {
            Content::File(path) => std::fs::read(path)
                .ok()
                .map(|b| (c.file.clone(), path.clone(), b)),
            Content::Embedded(_) => None,
        })
        .collect();
    time("read files", started);
    let started = Instant::now();
    let decoded: Vec<_> = raw
        .into_par_iter()
        .filter_map(|(file, path, bytes)| decode(&bytes).ok().map(|d| (file, path, d)))
        .collect();
    time("decode", started);
    let started = Instant::now();
    let mut documents: Vec<Document> = decoded
        .into_par_iter()
        .map(|(file, path, d)| Document::new(file, Some(path), d, segmenter))
        .collect();
    time("segment", started);
    documents.sort_by(|a, b| a.file.cmp(&b.file));
    let recognizer = Recognizer::new(lexicon);
    let started = Instant::now();
    let first = annotations::first_pass(&documents, &recognizer);
    time("entities, pass 1 (recognise)", started);
    let started = Instant::now();
    let known = annotations::learn_people(&documents, &first);
    time("entities, learn people (serial)", started);
    // How much the second pass has to look people up in, and how much it redoes.
    let mut full_names = std::collections::HashSet::new();
    for (doc, articles) in documents.iter().zip(&first) {
        for m in articles.iter().flat_map(FirstPass::sorted) {
            let text = &doc.text[m.range.clone()];
            if m.kind == khabar_core::extract::entities::Kind::Person
                && text.split_whitespace().nth(1).is_some()
            {
                full_names.insert(khabar_core::text::normalize::fold(text));
            }
        }
    }
    let people_learned = full_names.len();
    drop(full_names);
    let candidates = known.stem_hashes();
    let (blocks, redone) = first
        .iter()
        .flatten()
        .map(|f| f.blocks_to_redo(&candidates))
        .fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
    drop(candidates);
    let started = Instant::now();
    // As in `annotate`, each article's first pass is consumed by its second.
    let second = annotations::second_pass(&documents, &recognizer, first, &known);
    time("entities, pass 2 (propagate)", started);
    let started = Instant::now();
    let names = canonical_names(second.iter().flatten().flatten());
    let grouped: Vec<Vec<_>> = second
        .iter()
        .map(|articles| {
            articles
                .iter()
                .map(|m| group(m, &names))
                .collect::<Vec<_>>()
        })
        .collect();
    time("entities, names and grouping (serial)", started);
    let started = Instant::now();
    let dates = dates_of(&documents);
    time("dates", started);
    let started = Instant::now();
    let pairs: Vec<(usize, usize)> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.articles.len()).map(move |a| (d, a)))
        .collect();
    let search = khabar_core::query::search::SearchIndex::build(&documents, &pairs);
    time("search index", started);
    let total: f64 = report.iter().map(|(_, s, _, _)| s).sum();
    let total_cpu: f64 = report.iter().map(|(_, _, cpu, _)| cpu).sum();
    println!(
        "stages        (each alone; {total:.2} s wall, {total_cpu:.2} s CPU in all; resident \
         memory after each)"
    );
    for (name, s, cpu, rss) in &report {
        println!(
            "  {name:<40} {s:>7.2} s  {cpu:>7.2} s CPU  {:>5.1} %  {:>6.0} MB",
            100.0 * cpu / total_cpu.max(0.01),
            mb(*rss)
        );
    }
    println!(
        "  peak {:.0} MB VmHWM; {} documents, {} entity lists, {} dated articles, {} search \
         terms; pass 2 looks names up among {people_learned} full names of people and \
         recognises {redone} of {blocks} blocks again",
        mb(proc_status_bytes("VmHWM").unwrap_or(0)),
        documents.len(),
        grouped.iter().flatten().count(),
        dates.iter().flatten().count(),
        search.term_count()
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
    let text = match khabar_core::text::decode::decode(&bytes) {
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
                out: Some("x.json".into()),
                no_cache: false,
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
        assert_eq!(
            parse(&args(&["bench"])),
            Ok(Command::Bench {
                task: BenchTask::Demo { copies: 200 }
            })
        );
        assert_eq!(
            parse(&args(&["bench", "ingest", "/tmp/c", "--stages"])),
            Ok(Command::Bench {
                task: BenchTask::Ingest {
                    folder: "/tmp/c".into(),
                    stages: true
                }
            })
        );
        assert_eq!(
            parse(&args(&["gen-corpus", "100_000", "out", "--seed", "7"])),
            Ok(Command::Bench {
                task: BenchTask::GenCorpus {
                    count: 100_000,
                    out: "out".into(),
                    seed: 7
                }
            })
        );
        assert!(parse(&args(&["gen-corpus", "10"])).is_err());
        assert!(parse(&args(&["bench", "ingest"])).is_err());
    }
}
