//! Command-line entry points. `main.rs` only dispatches here.

use crate::core::corpus::{Corpus, CorpusSource};
use crate::core::extract::extract;
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
    let json = match serde_json::to_string_pretty(&extract(&corpus)) {
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
        assert!(parse(&args(&["--bogus"])).is_err());
    }
}
