//! Loading a corpus in the background: a named worker thread walks the source, reads and
//! segments files in parallel (rayon) and sends what it finds over a channel, so the UI
//! thread never waits on the disk.

use crate::corpus::cache::{
    self, CacheError, CacheSnapshot, CorpusCache, DocumentRef, FileRef, Stamp,
};
use crate::corpus::{self, CorpusSource, Skipped};
use crate::error::LoadError;
use crate::extract::annotations::{Annotations, Watch, annotate_watched};
use crate::extract::dates::ArticleDates;
use crate::extract::entities::Entity;
use crate::extract::entities::lexicon::Lexicon;
use crate::query::entity_tables::EntityTables;
use crate::query::search::SearchIndex;
use crate::review::curation::Curation;
use crate::review::sidecar::{self, Sidecar};
use crate::text::document::Document;
use crate::text::segment::Segmenter;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the worker reports, in this order: `Listed`, then any number of `Loaded`/`Skipped`,
/// then `Finished` (or `Failed` instead of all of them).
#[derive(Debug)]
pub enum LoadEvent {
    /// The reviewer's corrections and where they are kept, read before anything else so that
    /// review state works on whatever is shown, even when the load is cancelled.
    Corrections(Box<sidecar::Opened>),
    /// The walk has found this many files so far.
    Listing { found: usize },
    /// The walk is done: this many files and bytes will be read; these were already skipped.
    Listed {
        total_files: usize,
        total_bytes: u64,
        skipped: Vec<Skipped>,
    },
    /// One file read; `bytes` is its size on disk.
    Loaded { document: Arc<Document>, bytes: u64 },
    /// One file that could not be read.
    Skipped { skipped: Skipped, bytes: u64 },
    /// All files are read; names are being found across the corpus.
    Annotating,
    /// How far a stage after reading has come: `done` of `total` units (documents).
    Progress {
        stage: Stage,
        done: usize,
        total: usize,
    },
    /// Entities of every loaded document: `entities[i]` (by article) belongs to `files[i]`.
    Entities {
        files: Vec<String>,
        entities: Vec<Vec<Vec<Entity>>>,
        /// Dates of every loaded document, like `entities`.
        dates: Vec<Vec<ArticleDates>>,
        /// Full-text index; article numbers enumerate `files` in order, then their articles.
        search: Box<SearchIndex>,
        /// `entities` with the corrections sent in `Corrections` replayed, indexed (built
        /// here, off the UI thread); documents numbered as `files`.
        tables: Box<EntityTables>,
    },
    /// What the corpus cache gave (sent before `Entities`, only when a cache is used).
    Cache(CacheReport),
    /// All files are done, or the job was cancelled during `reached`.
    Finished {
        cancelled: bool,
        elapsed: Duration,
        reached: Stage,
    },
    /// The source could not be opened at all.
    Failed(LoadError),
}

/// The stages of a load, in order. Cancelling stops the one running; those after it do not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Stage {
    /// Walking the folder.
    #[default]
    Listing,
    /// Reading, decoding and segmenting files.
    Reading,
    /// Finding names across the corpus (two passes).
    Names,
    /// Finding dates.
    Dates,
    /// Building the full-text index.
    Index,
    /// Everything is done.
    Done,
}

/// Where a load keeps what lasts between opens.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// The corpus cache's folder; `None`: no cache.
    pub cache_dir: Option<PathBuf>,
    /// The per-user folder for corrections that cannot live in the corpus folder; `None`:
    /// [`sidecar::default_data_dir`].
    pub data_dir: Option<PathBuf>,
    /// Leave the corrections alone (the command line reads them itself, without writing
    /// anything): no `Corrections` event, tables built without corrections.
    pub without_corrections: bool,
}

/// How much of a load came from the corpus cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheReport {
    /// Files whose document came from the cache (unchanged on disk).
    pub reused: usize,
    /// Files read, decoded and segmented again (new or changed).
    pub read: usize,
    /// Cached files no longer in the folder.
    pub removed: usize,
    /// Entities and dates came from the cache (nothing changed), not a new extraction.
    pub extraction_reused: bool,
    /// Why the cache could not be used, when it could not (missing, stale, damaged).
    pub problem: Option<CacheError>,
    /// Why the new cache could not be written.
    pub write_error: Option<CacheError>,
}

/// A running (or finished) load. Dropping it cancels the work.
pub struct LoadJob {
    pub source: CorpusSource,
    receiver: Receiver<LoadEvent>,
    cancel: Arc<AtomicBool>,
}

/// The UI is woken at most this often while files stream in.
const WAKE_INTERVAL: Duration = Duration::from_millis(30);

impl LoadJob {
    /// Starts loading `source` on a thread named `khabar-loader`. `wake` is called (from the
    /// worker) when events are waiting, at most every few tens of milliseconds.
    pub fn spawn(
        source: CorpusSource,
        segmenter: Arc<Segmenter>,
        lexicon: Arc<Lexicon>,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> LoadJob {
        LoadJob::spawn_cached(source, segmenter, lexicon, None, wake)
    }

    /// Like [`Self::spawn`], keeping a folder's extraction in `cache_dir` between opens
    /// (see [`crate::corpus::cache`]); `None` reads everything afresh.
    pub fn spawn_cached(
        source: CorpusSource,
        segmenter: Arc<Segmenter>,
        lexicon: Arc<Lexicon>,
        cache_dir: Option<PathBuf>,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> LoadJob {
        let places = Places {
            cache_dir,
            ..Places::default()
        };
        LoadJob::spawn_with(source, segmenter, lexicon, places, wake)
    }

    /// Like [`Self::spawn_cached`], with every place it uses given.
    pub fn spawn_with(
        source: CorpusSource,
        segmenter: Arc<Segmenter>,
        lexicon: Arc<Lexicon>,
        places: Places,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> LoadJob {
        let (sender, receiver) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let job_source = source.clone();
        let job_cancel = cancel.clone();
        let spawned = std::thread::Builder::new()
            .name("khabar-loader".into())
            .spawn(move || {
                run(
                    job_source,
                    &segmenter,
                    &lexicon,
                    places,
                    &sender,
                    &job_cancel,
                    &wake,
                )
            });
        if let Err(e) = spawned {
            // No thread: report it through the channel like any other failure.
            let (sender, receiver) = channel();
            let _ = sender.send(LoadEvent::Failed(LoadError::Unreadable {
                path: Default::default(),
                message: format!("cannot start the loader thread: {e}"),
            }));
            return LoadJob {
                source,
                receiver,
                cancel,
            };
        }
        LoadJob {
            source,
            receiver,
            cancel,
        }
    }

    /// Asks the worker to stop; files already being read finish, the rest are not read.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Takes the events that have arrived, without waiting.
    pub fn drain(&self) -> Vec<LoadEvent> {
        self.receiver.try_iter().collect()
    }

    /// Waits for the next event (for tests and the command line).
    pub fn recv(&self) -> Option<LoadEvent> {
        self.receiver.recv().ok()
    }
}

impl Drop for LoadJob {
    fn drop(&mut self) {
        self.cancel();
    }
}

fn run(
    source: CorpusSource,
    segmenter: &Segmenter,
    lexicon: &Lexicon,
    places: Places,
    sender: &Sender<LoadEvent>,
    cancel: &AtomicBool,
    wake: &(dyn Fn() + Send + Sync),
) {
    let started = Instant::now();
    let last_wake = Mutex::new(Instant::now() - WAKE_INTERVAL);
    let notify = |force: bool| {
        let mut last = last_wake.lock().unwrap_or_else(|e| e.into_inner());
        if force || last.elapsed() >= WAKE_INTERVAL {
            *last = Instant::now();
            wake();
        }
    };
    let cancelled = || cancel.load(Ordering::Relaxed);
    let finish = |reached: Stage| {
        let _ = sender.send(LoadEvent::Finished {
            cancelled: cancelled(),
            elapsed: started.elapsed(),
            reached,
        });
        notify(true);
    };
    // The corrections first: a reviewer can mark and annotate whatever arrives, cancelled or not.
    let curation = if places.without_corrections {
        Curation::default()
    } else {
        let corrections = Sidecar::open(&source, places.data_dir.as_deref());
        let curation = corrections.curation.clone();
        let _ = sender.send(LoadEvent::Corrections(Box::new(corrections)));
        notify(true);
        curation
    };
    let found = |found: usize| {
        let _ = sender.send(LoadEvent::Listing { found });
        notify(false);
    };
    let listing = match corpus::list_cancellable(&source, cancel, &found) {
        Ok(listing) => listing,
        Err(e) => {
            let _ = sender.send(LoadEvent::Failed(e));
            notify(true);
            return;
        }
    };
    let listing_bytes = listing.total_bytes();
    let _ = sender.send(LoadEvent::Listed {
        total_files: listing.candidates.len(),
        total_bytes: listing_bytes,
        skipped: listing.skipped,
    });
    notify(true);
    if listing.cancelled || cancelled() {
        return finish(Stage::Listing);
    }
    // Only folders are cached: the demo is built in, dropped files are a one-off.
    let cache_path = match (&source, &places.cache_dir) {
        (CorpusSource::Folder(folder), Some(dir)) => Some(cache::cache_file(dir, folder)),
        _ => None,
    };
    let version = cache::extractor_version();
    let (mut cached, problem) = match cache_path.clone() {
        // A cache far larger than the folder's text is not ours to read whole; a large one
        // takes seconds to decode, so Cancel does not wait for it.
        Some(path) => {
            let ceiling = cache::size_ceiling(listing_bytes);
            let read = unless_cancelled("khabar-cache", cancel, move || {
                CorpusCache::read_bounded(&path, version, ceiling)
            });
            match read {
                None => return finish(Stage::Reading),
                Some(Ok(cached)) => (cached, None),
                Some(Err(e)) => (CorpusCache::default(), Some(e)),
            }
        }
        None => (CorpusCache::default(), None),
    };
    if cancelled() {
        return finish(Stage::Reading);
    }
    let stamps: std::collections::HashMap<&str, Stamp> = listing
        .candidates
        .iter()
        .map(|c| (c.file.as_str(), Stamp::new(c.size, c.modified)))
        .collect();
    // Documents of unchanged files, moved out of the cache (their texts are not copied).
    let from_cache: Vec<Option<Document>> = listing
        .candidates
        .iter()
        .map(|c| cached.take_document(&c.file, stamps[c.file.as_str()]))
        .collect();
    let reused = from_cache.iter().flatten().count();
    let from_cache: Vec<Mutex<Option<Document>>> = from_cache.into_iter().map(Mutex::new).collect();
    let loaded = Mutex::new(Vec::new());
    listing
        .candidates
        .par_iter()
        .zip(&from_cache)
        .for_each_with(sender.clone(), |sender, (candidate, cached)| {
            if cancelled() {
                return;
            }
            let from_cache = cached.lock().ok().and_then(|mut d| d.take());
            let read = from_cache.map_or_else(|| corpus::read(candidate, segmenter), Ok);
            let event = match read {
                Ok(document) => {
                    let document = Arc::new(document);
                    loaded
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(document.clone());
                    LoadEvent::Loaded {
                        document,
                        bytes: candidate.size,
                    }
                }
                Err(skipped) => LoadEvent::Skipped {
                    skipped,
                    bytes: candidate.size,
                },
            };
            let _ = sender.send(event);
            notify(false);
        });
    if cancelled() {
        return finish(Stage::Reading);
    }
    let _ = sender.send(LoadEvent::Annotating);
    notify(true);
    let mut documents = loaded.into_inner().unwrap_or_else(|e| e.into_inner());
    documents.sort_by(|a, b| a.file.cmp(&b.file));
    // Entities depend on the whole corpus: reuse them only if no file changed.
    let unchanged =
        cache_path.is_some() && reused == documents.len() && cached.files.len() == documents.len();
    let progress = |stage: Stage, done: usize, total: usize| {
        let _ = sender.send(LoadEvent::Progress { stage, done, total });
        notify(false);
    };
    let watch = Watch {
        cancel,
        progress: &progress,
    };
    let (annotations, search) = if unchanged {
        let search = cached.search.take();
        let annotations = cached.take_annotations(documents.iter().map(|d| d.file.as_str()));
        (annotations, search)
    } else {
        match annotate_watched(&documents, lexicon, &watch) {
            Ok(annotations) => (annotations, None),
            Err(stage) => return finish(stage),
        }
    };
    let search = match search {
        Some(search) => Box::new(search),
        None => match build_index(&documents, &watch) {
            Some(search) => Box::new(search),
            None => return finish(Stage::Index),
        },
    };
    if cancelled() {
        return finish(Stage::Index);
    }
    if let Some(path) = &cache_path {
        let removed = cached
            .files
            .keys()
            .filter(|f| !stamps.contains_key(f.as_str()))
            .count();
        let write_error = if unchanged {
            None
        } else {
            snapshot(&documents, &annotations, &search, &stamps)
                .write(path, version)
                .err()
        };
        let _ = sender.send(LoadEvent::Cache(CacheReport {
            reused,
            read: documents.len() - reused,
            removed,
            extraction_reused: unchanged,
            problem,
            write_error,
        }));
    }
    let tables = Box::new(EntityTables::build(&annotations.entities, &curation, |d| {
        documents[d].text.as_str()
    }));
    let _ = sender.send(LoadEvent::Entities {
        files: documents.iter().map(|d| d.file.clone()).collect(),
        entities: annotations.entities,
        dates: annotations.dates,
        search,
        tables,
    });
    finish(Stage::Done)
}

/// Runs `work` on a thread of its own and waits for it while watching `cancel`: for steps
/// that cannot stop half-way (reading the cache, building the index), a cancelled load
/// leaves them to finish alone and goes on at once. `None` when cancelled.
fn unless_cancelled<T: Send + 'static>(
    name: &str,
    cancel: &AtomicBool,
    work: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (done, result) = std::sync::mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            let _ = done.send(work());
        })
        .ok()?;
    loop {
        match result.recv_timeout(Duration::from_millis(50)) {
            Ok(value) => return Some(value),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) if !cancel.load(Ordering::Relaxed) => {}
            Err(_) => return None,
        }
    }
}

/// Builds the full-text index (see [`unless_cancelled`]).
fn build_index(documents: &[Arc<Document>], watch: &Watch<'_>) -> Option<SearchIndex> {
    let total = documents.len();
    (watch.progress)(Stage::Index, 0, total);
    let documents = documents.to_vec();
    let index = unless_cancelled("khabar-index", watch.cancel, move || {
        let pairs: Vec<(usize, usize)> = documents
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| (0..doc.articles.len()).map(move |a| (d, a)))
            .collect();
        SearchIndex::build(&documents, &pairs)
    })?;
    (watch.progress)(Stage::Index, total, total);
    Some(index)
}

/// A source loaded to the end (for the command line): like the window's load, with the
/// same cache.
#[derive(Debug)]
pub struct Loaded {
    pub corpus: crate::corpus::Corpus,
    /// Indexed like `corpus.documents` (file order).
    pub annotations: Annotations,
    pub cache: Option<CacheReport>,
}

/// Loads `source` completely through a [`LoadJob`] and waits for it.
pub fn load_all(
    source: CorpusSource,
    segmenter: Arc<Segmenter>,
    lexicon: Arc<Lexicon>,
    cache_dir: Option<PathBuf>,
) -> Result<Loaded, LoadError> {
    let places = Places {
        cache_dir,
        data_dir: None,
        without_corrections: true,
    };
    let job = LoadJob::spawn_with(source, segmenter, lexicon, places, || {});
    let mut documents = Vec::new();
    let mut corpus = crate::corpus::Corpus::default();
    let mut annotations = Annotations::default();
    let mut cache = None;
    while let Some(event) = job.recv() {
        match event {
            LoadEvent::Listed { skipped, .. } => corpus.skipped.extend(skipped),
            LoadEvent::Loaded { document, .. } => documents.push(document),
            LoadEvent::Skipped { skipped, .. } => corpus.skipped.push(skipped),
            LoadEvent::Entities {
                entities, dates, ..
            } => annotations = Annotations { entities, dates },
            LoadEvent::Cache(report) => cache = Some(report),
            LoadEvent::Annotating
            | LoadEvent::Corrections(_)
            | LoadEvent::Listing { .. }
            | LoadEvent::Progress { .. } => {}
            LoadEvent::Finished { .. } => break,
            LoadEvent::Failed(e) => return Err(e),
        }
    }
    drop(job);
    corpus.documents = documents
        .into_iter()
        .map(|d| Arc::try_unwrap(d).unwrap_or_else(|shared| (*shared).clone()))
        .collect();
    // Entities come in file order; so do the documents once sorted.
    corpus.sort();
    Ok(Loaded {
        corpus,
        annotations,
        cache,
    })
}

/// The cache of a freshly extracted corpus, borrowing it.
fn snapshot<'a>(
    documents: &'a [Arc<Document>],
    annotations: &'a Annotations,
    search: &'a SearchIndex,
    stamps: &std::collections::HashMap<&str, Stamp>,
) -> CacheSnapshot<'a> {
    let files = documents
        .iter()
        .zip(&annotations.entities)
        .zip(&annotations.dates)
        .filter_map(|((doc, entities), dates)| {
            let stamp = *stamps.get(doc.file.as_str())?;
            let file = FileRef {
                stamp,
                text_hash: cache::text_hash(&doc.text),
                document: DocumentRef::of(doc),
                entities,
                dates,
            };
            Some((doc.file.as_str(), file))
        })
        .collect::<Vec<_>>();
    // The index numbers every document's articles: it only fits if every file is kept.
    let whole = files.len() == documents.len();
    CacheSnapshot {
        files,
        search: whole.then_some(search),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(job: &LoadJob) -> Vec<LoadEvent> {
        let mut events = Vec::new();
        while let Some(event) = job.recv() {
            let done = matches!(event, LoadEvent::Finished { .. } | LoadEvent::Failed(_));
            events.push(event);
            if done {
                break;
            }
        }
        events
    }

    #[test]
    fn demo_corpus_streams_every_file_then_finishes() {
        let job = LoadJob::spawn(
            CorpusSource::Demo,
            Arc::new(Segmenter::default()),
            Arc::new(Lexicon::default()),
            || {},
        );
        let events = collect(&job);
        assert!(
            matches!(events[0], LoadEvent::Corrections(_)),
            "corrections come first"
        );
        let Some(total_files) = events.iter().find_map(|e| match e {
            LoadEvent::Listed { total_files, .. } => Some(*total_files),
            _ => None,
        }) else {
            panic!("{events:?}")
        };
        let loaded = events
            .iter()
            .filter(|e| matches!(e, LoadEvent::Loaded { .. }))
            .count();
        assert_eq!(loaded, total_files);
        assert!(matches!(
            events.last(),
            Some(LoadEvent::Finished {
                cancelled: false,
                ..
            })
        ));
    }

    #[test]
    fn missing_folder_fails_cleanly() {
        let job = LoadJob::spawn(
            CorpusSource::Folder("/nonexistent/khabar".into()),
            Arc::new(Segmenter::default()),
            Arc::new(Lexicon::default()),
            || {},
        );
        assert!(matches!(
            collect(&job).as_slice(),
            [
                LoadEvent::Corrections(_),
                LoadEvent::Failed(LoadError::NotFound(_))
            ]
        ));
    }

    #[test]
    fn cancelled_job_stops_reading() {
        let dir = tempfile::tempdir().unwrap();
        let total = 3000;
        for i in 0..total {
            std::fs::write(
                dir.path().join(format!("{i:05}.txt")),
                "عنوان\nنص الخبر هنا في سطر طويل بما يكفي.\n",
            )
            .unwrap();
        }
        let job = LoadJob::spawn(
            CorpusSource::Folder(dir.path().into()),
            Arc::new(Segmenter::default()),
            Arc::new(Lexicon::default()),
            || {},
        );
        let mut loaded = 0;
        let mut cancelled = None;
        while let Some(event) = job.recv() {
            match event {
                LoadEvent::Loaded { .. } => {
                    loaded += 1;
                    job.cancel();
                }
                LoadEvent::Finished { cancelled: c, .. } => {
                    cancelled = Some(c);
                    break;
                }
                _ => {}
            }
        }
        assert_eq!(cancelled, Some(true));
        assert!(
            loaded < total,
            "{loaded} of {total} files read after cancelling"
        );
    }

    #[test]
    fn cancel_while_listing_reads_nothing_and_says_where_it_stopped() {
        let dir = tempfile::tempdir().unwrap();
        for folder in 0..30 {
            let sub = dir.path().join(format!("{folder:02}"));
            std::fs::create_dir(&sub).unwrap();
            for i in 0..100 {
                std::fs::write(sub.join(format!("{i:03}.txt")), "عنوان\nنص.\n").unwrap();
            }
        }
        let job = LoadJob::spawn(
            CorpusSource::Folder(dir.path().into()),
            Arc::new(Segmenter::default()),
            Arc::new(Lexicon::default()),
            || {},
        );
        let mut counts = Vec::new();
        let mut loaded = 0;
        let mut finished = None;
        while let Some(event) = job.recv() {
            match event {
                LoadEvent::Listing { found } => {
                    counts.push(found);
                    job.cancel();
                }
                LoadEvent::Loaded { .. } => loaded += 1,
                LoadEvent::Finished {
                    cancelled, reached, ..
                } => {
                    finished = Some((cancelled, reached));
                    break;
                }
                _ => {}
            }
        }
        assert!(!counts.is_empty(), "the walk reports what it has found");
        assert_eq!(finished, Some((true, Stage::Listing)));
        assert_eq!(loaded, 0, "nothing is read after a cancel during the walk");
    }
}
