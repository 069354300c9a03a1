//! The loader's worker thread: list, read (or take from the cache), extract, index, write
//! the cache, reporting each step as a [`LoadEvent`].

use super::event::{CacheReport, LoadEvent, Places};
use super::stage::Stage;
use crate::corpus::cache::{self, CacheSnapshot, CorpusCache, DocumentRef, FileRef, Stamp};
use crate::corpus::{self, CorpusSource};
use crate::extract::annotations::{Annotations, Watch, annotate_watched};
use crate::extract::entities::lexicon::Lexicon;
use crate::query::entity_tables::EntityTables;
use crate::query::search::SearchIndex;
use crate::review::curation::Curation;
use crate::review::sidecar::Sidecar;
use crate::text::document::Document;
use crate::text::segment::Segmenter;
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The UI is woken at most this often while files stream in.
const WAKE_INTERVAL: Duration = Duration::from_millis(30);

pub(super) fn run(
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
