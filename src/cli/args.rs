//! The command line's grammar, declared with clap: `khabar [FOLDER]` opens the window, and
//! each subcommand has its arguments here. The top-level `--help` keeps the hand-written
//! summary ([`USAGE`]), which reads better than a generated one for six subcommands with
//! nested bench tasks; each subcommand's `--help` is generated from the doc comments below.

use clap::{Args as ClapArgs, Parser, Subcommand};
use std::path::PathBuf;

/// `khabar --help`.
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
  khabar train-ner TRAIN OUT [--epochs N] [--seed S]
                                      train the name tagger on a CoNLL file (deterministic)
  khabar eval-conll FILE [--model MODEL] [--verbose]
                                      exact-span P / R / F1 of the name tagger on a CoNLL file
  khabar train-clusters DIR OUT [--fine N] [--coarse N] [--min-count N] [--seed S] [--exclude TITLES]
                                      learn word clusters from wikiextractor text (deterministic)
  khabar --help | --version
";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq, Parser)]
#[command(
    name = "khabar",
    // Errors name `khabar`, however the binary was called (as the hand-written parser did).
    bin_name = "khabar",
    version,
    override_help = USAGE,
    // A folder named like a subcommand is the subcommand, as it always was.
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    /// The folder to open in the window; the demo corpus when none is given. Desktop
    /// launchers pass this alone.
    #[arg(value_name = "FOLDER")]
    pub folder: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands; none opens the window.
#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// Write what Khabar extracts as JSON (stdout by default); uses the app's corpus cache
    /// unless --no-cache.
    Extract(ExtractArgs),
    /// Precision / recall / F1 against gold annotations.
    Eval(EvalArgs),
    /// Time segmentation and extraction on the demo texts repeated, or a folder's ingest or
    /// reopen.
    Bench(BenchArgs),
    /// Write N synthetic articles (deterministic) under OUT, for benches.
    GenCorpus(GenCorpusArgs),
    /// The order in which the reader draws each line's words.
    Layout(LayoutArgs),
    /// Train the name tagger on a CoNLL file (deterministic: same data, same bytes).
    TrainNer(TrainNerArgs),
    /// Exact-span precision / recall / F1 of the name tagger on a CoNLL file.
    EvalConll(EvalConllArgs),
    /// Learn word clusters for the tagger from wikiextractor text (deterministic).
    TrainClusters(TrainClustersArgs),
}

/// `khabar train-clusters DIR OUT [--fine N] [--coarse N] [--min-count N] [--seed S] [--exclude TITLES]`
#[derive(Debug, Clone, PartialEq, Eq, ClapArgs)]
pub struct TrainClustersArgs {
    /// A folder of wikiextractor output: every `*.txt` under it is read, in sorted order.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Where to write the clusters (`assets/models/clusters.tsv` is the shipped one).
    #[arg(value_name = "OUT")]
    pub out: PathBuf,
    /// Number of fine clusters.
    #[arg(long, default_value_t = 512)]
    pub fine: usize,
    /// Number of coarse clusters (groups of fine ones).
    #[arg(long, default_value_t = 64)]
    pub coarse: usize,
    /// Words seen fewer times get no cluster.
    #[arg(long, default_value_t = 5)]
    pub min_count: u64,
    /// At most this many words (the most frequent) get a cluster.
    #[arg(long, default_value_t = 60_000)]
    pub max_vocab: usize,
    /// Seed of the k-means++ picks and of the projection.
    #[arg(long, default_value_t = 2008)]
    pub seed: u64,
    /// Skip documents whose title is a line of this file (`#` lines are comments).
    #[arg(long, value_name = "TITLES_FILE")]
    pub exclude: Option<PathBuf>,
    /// A line for the file's header (source, licence); repeatable.
    #[arg(long, value_name = "TEXT")]
    pub note: Vec<String>,
}

/// `khabar train-ner TRAIN OUT [--epochs N] [--seed S]`
#[derive(Debug, Clone, PartialEq, Eq, ClapArgs)]
pub struct TrainNerArgs {
    /// The training data: one token and its BIO tag per line, a blank line between sentences.
    #[arg(value_name = "TRAIN")]
    pub train: PathBuf,
    /// Where to write the model (`assets/models/ner.bin` is the one compiled in).
    #[arg(value_name = "OUT")]
    pub out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// Seed of the order in which sentences are seen.
    #[arg(long, default_value_t = 2008)]
    pub seed: u64,
}

/// `khabar eval-conll FILE [--model MODEL]`
#[derive(Debug, Clone, PartialEq, Eq, ClapArgs)]
pub struct EvalConllArgs {
    /// Annotated text: one token and its BIO tag per line, a blank line between sentences.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// A model file instead of the compiled-in one.
    #[arg(long, value_name = "MODEL")]
    pub model: Option<PathBuf>,
    /// Also list every span missed (-) or found wrongly (+), with its class.
    #[arg(short, long)]
    pub verbose: bool,
}

/// `khabar extract FOLDER [--out FILE] [--no-cache]`
#[derive(Debug, Clone, PartialEq, Eq, ClapArgs)]
pub struct ExtractArgs {
    /// The corpus folder (read only: nothing is written in it).
    #[arg(value_name = "FOLDER")]
    pub folder: PathBuf,
    /// Write the JSON here instead of to stdout.
    #[arg(short, long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Read and extract everything afresh, without the corpus cache.
    #[arg(long)]
    pub no_cache: bool,
}

/// `khabar eval FOLDER GOLD_DIR [--verbose]`
#[derive(Debug, Clone, PartialEq, Eq, ClapArgs)]
pub struct EvalArgs {
    /// The corpus folder.
    #[arg(value_name = "FOLDER")]
    pub folder: PathBuf,
    /// The gold annotations, one file per corpus file.
    #[arg(value_name = "GOLD_DIR")]
    pub gold: PathBuf,
    /// Also list each file's dates, false positives (+) and false negatives (-).
    #[arg(short, long)]
    pub verbose: bool,
}

/// `khabar bench [COPIES]`, `khabar bench ingest DIR [--stages]`,
/// `khabar bench reopen DIR [--cache CACHE_DIR]`
#[derive(Debug, Clone, PartialEq, Eq, ClapArgs)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BenchArgs {
    /// How many times the demo texts are repeated (in memory) when no task is given.
    #[arg(value_name = "COPIES", default_value_t = 200)]
    pub copies: usize,
    #[command(subcommand)]
    pub task: Option<BenchTask>,
}

/// The benches of a folder on disk.
#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum BenchTask {
    /// Time loading a folder as the app does, beside rg, and peak memory.
    Ingest(IngestArgs),
    /// Time reopening a folder from its corpus cache, step by step.
    Reopen(ReopenArgs),
}

/// `khabar bench ingest DIR [--stages]`
#[derive(Debug, Clone, PartialEq, Eq, ClapArgs)]
pub struct IngestArgs {
    /// The corpus folder.
    #[arg(value_name = "DIR")]
    pub folder: PathBuf,
    /// Time each stage alone instead, with the memory held after it.
    #[arg(long)]
    pub stages: bool,
}

/// `khabar bench reopen DIR [--cache CACHE_DIR]`
#[derive(Debug, Clone, PartialEq, Eq, ClapArgs)]
pub struct ReopenArgs {
    /// The corpus folder.
    #[arg(value_name = "DIR")]
    pub folder: PathBuf,
    /// The corpus cache folder to fill and reopen from (kept); a fresh one, removed after,
    /// when not given.
    #[arg(long, value_name = "CACHE_DIR")]
    pub cache: Option<PathBuf>,
}

/// `khabar gen-corpus N OUT [--seed S]`
#[derive(Debug, Clone, PartialEq, Eq, ClapArgs)]
pub struct GenCorpusArgs {
    /// How many articles; `_` may group digits (100_000).
    #[arg(value_name = "N", value_parser = article_count)]
    pub count: u64,
    /// The folder to write them under.
    #[arg(value_name = "OUT")]
    pub out: PathBuf,
    /// The seed: the same seed and N give the same files.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
}

/// `khabar layout FILE [--json]`
#[derive(Debug, Clone, PartialEq, Eq, ClapArgs)]
pub struct LayoutArgs {
    /// A text file, one line per paragraph.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// One JSON object per line instead of readable text.
    #[arg(long)]
    pub json: bool,
}

/// A number of articles, digits grouped with `_` or not.
fn article_count(text: &str) -> Result<u64, String> {
    text.replace('_', "")
        .parse()
        .map_err(|_| format!("not a number of articles: {text}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(list: &[&str]) -> Option<Args> {
        Args::try_parse_from(std::iter::once("khabar").chain(list.iter().copied())).ok()
    }

    fn command(list: &[&str]) -> Option<Command> {
        parse(list)?.command
    }

    #[test]
    fn the_grammar_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn parses_commands() {
        assert_eq!(
            parse(&[]),
            Some(Args {
                folder: None,
                command: None
            })
        );
        assert_eq!(
            parse(&["/data/news"]),
            Some(Args {
                folder: Some("/data/news".into()),
                command: None
            })
        );
        assert_eq!(
            command(&["extract", "dir", "--out", "x.json"]),
            Some(Command::Extract(ExtractArgs {
                folder: "dir".into(),
                out: Some("x.json".into()),
                no_cache: false,
            }))
        );
        assert!(parse(&["extract"]).is_none());
        assert_eq!(
            command(&["layout", "lines.txt", "--json"]),
            Some(Command::Layout(LayoutArgs {
                file: "lines.txt".into(),
                json: true
            }))
        );
        assert!(parse(&["--bogus"]).is_none());
        assert_eq!(
            command(&["bench"]),
            Some(Command::Bench(BenchArgs {
                copies: 200,
                task: None
            }))
        );
        assert_eq!(
            command(&["bench", "ingest", "/tmp/c", "--stages"]),
            Some(Command::Bench(BenchArgs {
                copies: 200,
                task: Some(BenchTask::Ingest(IngestArgs {
                    folder: "/tmp/c".into(),
                    stages: true
                }))
            }))
        );
        assert_eq!(
            command(&["gen-corpus", "100_000", "out", "--seed", "7"]),
            Some(Command::GenCorpus(GenCorpusArgs {
                count: 100_000,
                out: "out".into(),
                seed: 7
            }))
        );
        assert!(parse(&["gen-corpus", "10"]).is_none());
        assert!(parse(&["bench", "ingest"]).is_none());
    }

    #[test]
    fn parses_the_other_forms_as_before() {
        assert_eq!(
            command(&["bench", "50"]),
            Some(Command::Bench(BenchArgs {
                copies: 50,
                task: None
            }))
        );
        assert_eq!(
            command(&["bench", "reopen", "d", "--cache", "c"]),
            Some(Command::Bench(BenchArgs {
                copies: 200,
                task: Some(BenchTask::Reopen(ReopenArgs {
                    folder: "d".into(),
                    cache: Some("c".into())
                }))
            }))
        );
        assert_eq!(
            command(&["eval", "-v", "f", "g"]),
            Some(Command::Eval(EvalArgs {
                folder: "f".into(),
                gold: "g".into(),
                verbose: true
            }))
        );
        assert_eq!(
            command(&["extract", "--no-cache", "-o", "x", "d"]),
            Some(Command::Extract(ExtractArgs {
                folder: "d".into(),
                out: Some("x".into()),
                no_cache: true
            }))
        );
        assert_eq!(
            command(&["gen-corpus", "10", "out"]),
            Some(Command::GenCorpus(GenCorpusArgs {
                count: 10,
                out: "out".into(),
                seed: 1
            }))
        );
        assert!(parse(&["bench", "many"]).is_none());
        assert!(parse(&["gen-corpus", "ten", "out"]).is_none());
        assert!(parse(&["eval", "f"]).is_none());
        assert!(parse(&["layout", "a", "b"]).is_none());
    }

    #[test]
    fn help_is_the_summary_and_version_the_package_version() {
        for flag in ["--help", "-h", "help"] {
            let Err(e) = Args::try_parse_from(["khabar", flag]) else {
                panic!("{flag} parsed as a command")
            };
            assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp, "{flag}");
            assert_eq!(e.exit_code(), 0);
            assert_eq!(e.render().to_string(), USAGE, "{flag}");
        }
        let Err(e) = Args::try_parse_from(["khabar", "--version"]) else {
            panic!("--version parsed as a command")
        };
        assert_eq!(e.exit_code(), 0);
        assert_eq!(
            e.render().to_string(),
            format!("khabar {}\n", env!("CARGO_PKG_VERSION"))
        );
        let Err(e) = Args::try_parse_from(["khabar", "extract"]) else {
            panic!("extract without a folder parsed")
        };
        assert_eq!(
            e.exit_code(),
            2,
            "a mistake on the command line exits with 2"
        );
    }
}
