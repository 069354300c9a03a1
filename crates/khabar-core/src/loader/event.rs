//! What a load reports (`LoadEvent`, `CacheReport`) and where it keeps what lasts between
//! opens (`Places`): below the job and its worker, which both use them.

use super::stage::Stage;
use crate::corpus::Skipped;
use crate::corpus::cache::CacheError;
use crate::error::LoadError;
use crate::extract::dates::ArticleDates;
use crate::extract::entities::Entity;
use crate::query::entity_tables::EntityTables;
use crate::query::search::SearchIndex;
use crate::review::sidecar;
use crate::text::document::Document;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

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
