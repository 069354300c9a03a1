//! `khabar eval FOLDER GOLD_DIR [--verbose]`: precision, recall and F1 of the extraction
//! against hand annotations (see [`khabar_core::eval`]).

use super::Error;
use khabar_core::corpus::{Corpus, CorpusSource};
use khabar_core::extract::annotations::annotate;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::text::segment::Segmenter;
use std::path::Path;

/// The name errors are reported under.
const COMMAND: &str = "eval";

/// Runs `khabar eval`: prints precision, recall and F1 per file and overall.
pub fn run(folder: &Path, gold_dir: &Path, verbose: bool) -> Result<(), Error> {
    let corpus = Corpus::load(
        &CorpusSource::Folder(folder.to_owned()),
        &Segmenter::default(),
    )
    .map_err(Error::failed(COMMAND))?;
    let golds = khabar_core::eval::read_gold_dir(gold_dir).map_err(Error::failed(COMMAND))?;
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
    println!("{}", line("  shown", &report.entities_shown));
    println!("{}", line("dates", &report.dates));
    let (right, counted) = report.published;
    println!("published    {right} / {counted} right");
    Ok(())
}
