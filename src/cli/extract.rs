//! `khabar extract FOLDER [--out FILE] [--no-cache]`: what Khabar finds in a folder, as the
//! JSON of [`khabar_core::extract::output`], loaded exactly as the window loads it (same
//! loader, same fold, same cache) with the reviewer's corrections applied.

use super::Error;
use khabar_core::corpus::CorpusSource;
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::extract::output::extract;
use khabar_core::library::Library;
use khabar_core::loader::{LoadJob, Places};
use khabar_core::text::segment::Segmenter;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// The name errors are reported under.
const COMMAND: &str = "extract";

/// Runs `khabar extract`; writes the JSON to `out`, or to stdout.
pub fn run(folder: &Path, out: Option<&Path>, no_cache: bool) -> Result<(), Error> {
    let places = Places {
        cache_dir: if no_cache {
            None
        } else {
            khabar_core::corpus::cache::default_dir()
        },
        data_dir: None,
        // Read below, without writing anything.
        without_corrections: true,
    };
    let job = LoadJob::spawn_with(
        CorpusSource::Folder(folder.to_owned()),
        Arc::new(Segmenter::default()),
        Arc::new(Lexicon::load()),
        places,
        || {},
    );
    let library = Library::load_blocking(&job);
    drop(job);
    if let Some(e) = library.error {
        return Err(Error::failed(COMMAND)(e));
    }
    let (corpus, mut annotations) = library.into_corpus();
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
    let json = serde_json::to_string_pretty(&extract(&corpus, &annotations))
        .map_err(Error::failed(COMMAND))?;
    match out {
        Some(path) => std::fs::write(path, json + "\n")
            .map_err(|e| Error::failed(COMMAND)(format!("{}: {e}", path.display()))),
        None => writeln!(std::io::stdout().lock(), "{json}").map_err(Error::failed(COMMAND)),
    }
}
