//! `khabar gen-corpus N OUT [--seed S]`: N synthetic articles written under OUT (see
//! [`khabar_core::corpus::synth`]), the corpora the benches and the output check read.

use super::Error;
use khabar_core::corpus::synth::{Generator, Seeds};
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::text::segment::Segmenter;
use std::path::Path;

/// The name errors are reported under.
const COMMAND: &str = "gen-corpus";

/// Runs `khabar gen-corpus`: `count` articles under `out`, from `seed`.
pub fn run(count: u64, out: &Path, seed: u64) -> Result<(), Error> {
    let started = std::time::Instant::now();
    let seeds =
        Seeds::demo(&Segmenter::default(), &Lexicon::load()).map_err(Error::failed(COMMAND))?;
    let written = Generator::new(seeds, seed)
        .write_to(out, count)
        .map_err(Error::failed(COMMAND))?;
    println!(
        "{} articles in {} folders under {}: {:.1} MB in {:.1} s (seed {seed})",
        written.files,
        written.folders,
        out.display(),
        written.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
