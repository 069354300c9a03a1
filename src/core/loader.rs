//! Loading a corpus in the background: a named worker thread walks the source, reads and
//! segments files in parallel (rayon) and sends what it finds over a channel, so the UI
//! thread never waits on the disk.

use crate::core::annotations::annotate;
use crate::core::corpus::{self, CorpusSource, Skipped};
use crate::core::curation::Curation;
use crate::core::dates::ArticleDates;
use crate::core::document::Document;
use crate::core::entities::Entity;
use crate::core::error::LoadError;
use crate::core::lexicon::Lexicon;
use crate::core::search::SearchIndex;
use crate::core::segment::Segmenter;
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
    /// Entities of every loaded document: `entities[i]` (by article) belongs to `files[i]`.
    Entities {
        files: Vec<String>,
        entities: Vec<Vec<Vec<Entity>>>,
        /// Dates of every loaded document, like `entities`.
        dates: Vec<Vec<ArticleDates>>,
        /// Full-text index; article numbers enumerate `files` in order, then their articles.
        search: Box<SearchIndex>,
        /// The reviewer's corrections and where they are kept (read off the UI thread).
        curation: Result<Curation, String>,
        sidecar: PathBuf,
    },
    /// All files are done, or the job was cancelled.
    Finished { cancelled: bool, elapsed: Duration },
    /// The source could not be opened at all.
    Failed(LoadError),
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
    let listing = match corpus::list(&source) {
        Ok(listing) => listing,
        Err(e) => {
            let _ = sender.send(LoadEvent::Failed(e));
            notify(true);
            return;
        }
    };
    let _ = sender.send(LoadEvent::Listed {
        total_files: listing.candidates.len(),
        total_bytes: listing.total_bytes(),
        skipped: listing.skipped,
    });
    notify(true);
    let loaded = Mutex::new(Vec::new());
    listing
        .candidates
        .par_iter()
        .for_each_with(sender.clone(), |sender, candidate| {
            if cancel.load(Ordering::Relaxed) {
                return;
            }
            let event = match corpus::read(candidate, segmenter) {
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
    if !cancel.load(Ordering::Relaxed) {
        let _ = sender.send(LoadEvent::Annotating);
        notify(true);
        let mut documents = loaded.into_inner().unwrap_or_else(|e| e.into_inner());
        documents.sort_by(|a, b| a.file.cmp(&b.file));
        let annotations = annotate(&documents, lexicon);
        let pairs: Vec<(usize, usize)> = documents
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| (0..doc.articles.len()).map(move |a| (d, a)))
            .collect();
        let search = Box::new(SearchIndex::build(&documents, &pairs));
        let sidecar = sidecar_path(&source);
        let _ = sender.send(LoadEvent::Entities {
            files: documents.iter().map(|d| d.file.clone()).collect(),
            entities: annotations.entities,
            dates: annotations.dates,
            search,
            curation: Curation::load(&sidecar).map_err(|e| e.to_string()),
            sidecar,
        });
    }
    let _ = sender.send(LoadEvent::Finished {
        cancelled: cancel.load(Ordering::Relaxed),
        elapsed: started.elapsed(),
    });
    notify(true);
}

/// Where a source keeps the reviewer's corrections.
pub fn sidecar_path(source: &CorpusSource) -> PathBuf {
    match source {
        CorpusSource::Folder(folder) => Curation::sidecar_for_folder(folder),
        CorpusSource::Demo => Curation::in_data_dir("demo corpus"),
        CorpusSource::Paths(paths) => {
            let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            Curation::in_data_dir(&names.join("\n"))
        }
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
        let LoadEvent::Listed { total_files, .. } = &events[0] else {
            panic!("{events:?}")
        };
        let loaded = events
            .iter()
            .filter(|e| matches!(e, LoadEvent::Loaded { .. }))
            .count();
        assert_eq!(loaded, *total_files);
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
            [LoadEvent::Failed(LoadError::NotFound(_))]
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
}
