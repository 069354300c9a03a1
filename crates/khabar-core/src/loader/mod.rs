//! Loading a corpus in the background: a named worker thread walks the source, reads and
//! segments files in parallel (rayon) and sends what it finds over a channel, so the UI
//! thread never waits on the disk. This file is the job and what it reports; [`worker`] is
//! the work itself.

mod event;
pub mod stage;
mod worker;

pub use event::{CacheReport, LoadEvent, Places};
pub use stage::Stage;

use crate::corpus::CorpusSource;
use crate::error::LoadError;
use crate::extract::entities::lexicon::Lexicon;
use crate::text::segment::Segmenter;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};

/// A running (or finished) load. Dropping it cancels the work.
pub struct LoadJob {
    pub source: CorpusSource,
    receiver: Receiver<LoadEvent>,
    cancel: Arc<AtomicBool>,
}

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
                worker::run(
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
