//! `khabar bench reopen DIR`: how long reopening an unchanged folder takes with the corpus
//! cache, and which step of it costs what.

use super::measure::{LoadTimes, cpu_seconds, mb, proc_status_bytes};
use crate::cli::Error;
use khabar_core::corpus::cache::{self, CorpusCache};
use khabar_core::corpus::{self, CorpusSource};
use khabar_core::extract::entities::lexicon::Lexicon;
use khabar_core::library::Library;
use khabar_core::loader::LoadJob;
use khabar_core::query::search::SearchIndex;
use khabar_core::text::segment::Segmenter;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// How one load went: when each event came, and what the cache gave (files reused,
/// extraction reused).
struct Opened {
    times: LoadTimes,
    reused: Option<(usize, bool)>,
}

/// Loads `folder` through the app's loader and fold with `cache_dir`, recording when each
/// event came; the corpus is dropped once loaded.
fn load(folder: &Path, cache_dir: &Path, lexicon: &Arc<Lexicon>) -> Result<Opened, Error> {
    let mut times = LoadTimes::start();
    let job = LoadJob::spawn_cached(
        CorpusSource::Folder(folder.to_owned()),
        Arc::new(Segmenter::default()),
        lexicon.clone(),
        Some(cache_dir.to_owned()),
        || {},
    );
    let library = Library::load_observed(&job, |event| times.note(event));
    if let Some(e) = library.error {
        return Err(failed()(e));
    }
    let reused = library
        .cache
        .map(|report| (report.reused, report.extraction_reused));
    Ok(Opened { times, reused })
}

fn failed<E: std::fmt::Display>() -> impl FnOnce(E) -> Error {
    Error::failed("bench reopen")
}

/// Seconds `f` takes, and what it returns.
fn timed<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let started = Instant::now();
    let value = f();
    (started.elapsed().as_secs_f64(), value)
}

/// Runs the bench; prints the figures.
pub fn run(folder: &Path, cache: Option<&Path>) -> Result<(), Error> {
    let lexicon = Arc::new(Lexicon::load());
    if let Some(dir) = cache {
        return bench(folder, dir, &lexicon);
    }
    // A cache of its own, so that the first open fills it and the user's is untouched.
    let dir = std::env::temp_dir().join(format!("khabar-bench-{}", std::process::id()));
    let result = bench(folder, &dir, &lexicon);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn bench(folder: &Path, cache_dir: &Path, lexicon: &Arc<Lexicon>) -> Result<(), Error> {
    let first = load(folder, cache_dir, lexicon)?.times;
    let cache_path = cache::cache_file(cache_dir, folder);
    let cache_bytes = std::fs::metadata(&cache_path).map_or(0, |m| m.len());
    println!("folder        {}", folder.display());
    println!(
        "first open    {:.2} s (a reopen if the cache was filled before), cache: {:.1} MB",
        first.finished,
        mb(cache_bytes)
    );

    let (cpu_before, _) = cpu_seconds();
    let Opened {
        times: again,
        reused,
    } = load(folder, cache_dir, lexicon)?;
    let cpu = cpu_seconds().0 - cpu_before;
    let at = |t: Option<f64>| t.map_or("-".into(), |t| format!("{t:.3} s"));
    println!(
        "reopen        {:.3} s wall, {cpu:.2} s CPU (goal: everything shown ≤ 1 s); listed {}, \
         first article {}, every file {}, entities + search index {}; cache: {:?} \
         (files reused, extraction reused)",
        again.finished,
        at(again.listed),
        at(again.first),
        at(again.read_all),
        at(again.extracted),
        reused,
    );

    // Each step of the cached path alone, on this thread (rayon where the loader uses it).
    let source = CorpusSource::Folder(folder.to_owned());
    let (t_list, listing) = timed(|| corpus::list(&source));
    let files = listing.map_or(0, |l| l.candidates.len());
    let (t_read, bytes) = timed(|| std::fs::read(&cache_path).unwrap_or_default());
    let version = cache::extractor_version();
    let (t_decode, cached) = timed(|| CorpusCache::decode(&bytes, version));
    drop(bytes);
    let Ok(mut cached) = cached else {
        return Err(failed()(format!("the cache did not decode: {cached:?}")));
    };
    // As the loader takes them: moved out of the cache, in file order.
    let mut names: Vec<String> = cached.files.keys().cloned().collect();
    names.sort();
    let (t_docs, documents) = timed(|| {
        names
            .iter()
            .filter_map(|n| {
                let stamp = cached.files[n].stamp;
                cached.take_document(n, stamp)
            })
            .collect::<Vec<_>>()
    });
    let (t_annotations, annotations) =
        timed(|| cached.take_annotations(names.iter().map(String::as_str)));
    let pairs: Vec<(usize, usize)> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.articles.len()).map(move |a| (d, a)))
        .collect();
    let (t_search, search) = timed(|| SearchIndex::build(&documents, &pairs));
    println!(
        "steps alone   list {t_list:.3} s ({files} files), read cache {t_read:.3} s, decode + \
         check {t_decode:.3} s, documents {t_docs:.3} s, entities + dates {t_annotations:.3} s, \
         search index rebuilt {t_search:.3} s ({:.0} MB; the cache spares this)",
        mb(search.heap_bytes() as u64)
    );
    println!(
        "memory        {:.0} MB peak, {:.0} MB resident",
        mb(proc_status_bytes("VmHWM").unwrap_or(0)),
        mb(proc_status_bytes("VmRSS").unwrap_or(0))
    );
    drop((annotations, documents, cached));
    Ok(())
}
