//! Folding the loader's events into a [`Library`]: the one place where the stream of
//! [`LoadEvent`]s becomes a loaded corpus. The window applies whatever has arrived each
//! frame ([`Library::apply`], never waiting); the command line and the benches wait for a
//! job to end ([`Library::load_blocking`], [`Library::load_observed`]) through the same fold.

use super::Library;
use crate::corpus::Corpus;
use crate::extract::annotations::Annotations;
use crate::loader::{LoadEvent, LoadJob, Stage};
use std::sync::Arc;

impl Library {
    /// Applies events from the loader; the article list is re-sorted once per call.
    pub fn apply(&mut self, events: Vec<LoadEvent>) {
        if !events.is_empty() {
            self.revision += 1;
        }
        for event in events {
            self.fold(event);
        }
        if self.dirty {
            self.rebuild_entries();
        }
    }

    /// Waits for `job`'s events and folds them until the load ends (the command line's way;
    /// the window must not wait and uses [`Self::apply`]). A source that could not be opened
    /// leaves its reason in `error`.
    pub fn load_blocking(job: &LoadJob) -> Library {
        Library::load_observed(job, |_| {})
    }

    /// Like [`Self::load_blocking`], showing each event to `observe` as it arrives, before it
    /// is folded: the benches time the stages by it.
    pub fn load_observed(job: &LoadJob, mut observe: impl FnMut(&LoadEvent)) -> Library {
        let mut library = Library::new(job.source.clone());
        library.revision += 1;
        while let Some(event) = job.recv() {
            observe(&event);
            let last = matches!(event, LoadEvent::Finished { .. } | LoadEvent::Failed(_));
            // One event at a time, the list sorted once at the end: re-sorting after each
            // file would cost the square of the corpus.
            library.fold(event);
            if last {
                break;
            }
        }
        if library.dirty {
            library.rebuild_entries();
        }
        library
    }

    /// The loaded corpus as extraction output takes it: documents and skipped files in file
    /// order, with the entities as extracted (before the reviewer's corrections) and dates,
    /// indexed like the documents.
    pub fn into_corpus(self) -> (Corpus, Annotations) {
        let mut corpus = Corpus {
            // The loader's threads may still hold a document for a moment after the end.
            documents: self
                .documents
                .into_iter()
                .map(|d| Arc::try_unwrap(d).unwrap_or_else(|shared| (*shared).clone()))
                .collect(),
            skipped: self.skipped,
        };
        // Entities come in file order; so do the documents once sorted.
        corpus.sort();
        let annotations = Annotations {
            entities: self.base_entities,
            dates: self.dates,
        };
        (corpus, annotations)
    }

    /// Folds one event in. The article list is left to rebuild (`dirty`) by the caller, once
    /// for a batch of events.
    fn fold(&mut self, event: LoadEvent) {
        match event {
            LoadEvent::Corrections(opened) => {
                self.edits_at_open = opened.curation.edits.clone();
                self.curation = opened.curation;
                self.sidecar = Some(opened.sidecar);
            }
            LoadEvent::Listing { found } => self.progress.found = found,
            LoadEvent::Listed {
                total_files,
                total_bytes,
                skipped,
            } => {
                self.progress.total_files = total_files;
                self.progress.total_bytes = total_bytes;
                self.progress.listed = true;
                self.progress.found = total_files;
                self.progress.stage = Stage::Reading;
                self.skipped.extend(skipped);
            }
            LoadEvent::Loaded { document, bytes } => {
                self.warned += usize::from(document.warning.is_some());
                self.progress.files_done += 1;
                self.progress.bytes_done += bytes;
                self.by_file
                    .insert(document.file.clone(), self.documents.len());
                self.documents.push(document);
                self.dirty = true;
            }
            LoadEvent::Skipped { skipped, bytes } => {
                self.progress.files_done += 1;
                self.progress.bytes_done += bytes;
                self.skipped.push(skipped);
            }
            LoadEvent::Annotating => {
                self.progress.annotating = true;
                self.progress.stage = Stage::Names;
            }
            LoadEvent::Progress { stage, done, total } => {
                self.progress.stage = stage;
                self.progress.stage_done = done;
                self.progress.stage_total = total;
            }
            LoadEvent::Cache(report) => self.cache = Some(report),
            LoadEvent::Entities {
                files,
                entities,
                dates,
                search,
                tables,
            } => {
                self.search = Some(*search);
                // Number documents as the loader did (by file name), so that its tables
                // can be used as they are.
                self.documents.sort_by(|a, b| a.file.cmp(&b.file));
                self.by_file = self
                    .documents
                    .iter()
                    .enumerate()
                    .map(|(d, doc)| (doc.file.clone(), d))
                    .collect();
                self.dirty = true;
                let aligned = files.len() == self.documents.len()
                    && files.iter().zip(&self.documents).all(|(f, d)| *f == d.file);
                self.base_entities = vec![Vec::new(); self.documents.len()];
                self.dates = vec![Vec::new(); self.documents.len()];
                for ((file, found), dated) in files.into_iter().zip(entities).zip(dates) {
                    if let Some(&d) = self.by_file.get(&file) {
                        self.base_entities[d] = found;
                        self.dates[d] = dated;
                    }
                }
                self.progress.annotating = false;
                // The loader built the tables with the corrections as read; they fit
                // unless the reviewer has changed the edits since.
                if aligned && self.curation.edits == self.edits_at_open {
                    self.install_tables(*tables);
                } else {
                    self.apply_curation();
                }
                self.build_timeline();
            }
            LoadEvent::Finished {
                cancelled,
                elapsed,
                reached,
            } => {
                self.progress.finished = true;
                self.progress.annotating = false;
                self.progress.stage = reached;
                self.progress.cancelled = cancelled;
                self.progress.elapsed = Some(elapsed);
                self.skipped.sort_by(|a, b| a.file.cmp(&b.file));
            }
            LoadEvent::Failed(error) => {
                self.progress.finished = true;
                self.error = Some(error.to_string());
            }
        }
    }
}
