//! Finding and reading the files of a corpus: folder walking, the embedded demo corpus,
//! and turning each file into a [`Document`].

pub mod cache;
pub mod demo;
pub mod folder_walk;
mod listing;
pub mod name_id;
pub mod regular_file;
pub mod synth;
pub mod watcher;

pub use listing::{Candidate, Content, Listing, Skipped, TEXT_EXTENSIONS};

use crate::corpus::folder_walk::FolderWalk;
use crate::corpus::name_id::name_id;
use crate::corpus::regular_file::RegularFileError;
use crate::error::{LoadError, SkipReason};
use crate::text::decode::decode;
use crate::text::document::Document;
use crate::text::segment::Segmenter;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// Files above this size are listed as skipped instead of being read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Where a corpus comes from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CorpusSource {
    /// The seed articles embedded in the binary.
    Demo,
    /// A folder, walked recursively.
    Folder(PathBuf),
    /// Files and folders dropped together; folders among them are walked.
    Paths(Vec<PathBuf>),
}

impl CorpusSource {
    /// A short name for window titles and the status bar.
    pub fn display_name(&self) -> String {
        match self {
            CorpusSource::Demo => "Demo corpus".to_owned(),
            CorpusSource::Folder(path) => file_name(path),
            CorpusSource::Paths(paths) if paths.len() == 1 => file_name(&paths[0]),
            CorpusSource::Paths(paths) => format!("{} dropped items", paths.len()),
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Lists the files of a source without reading them (see [`list_cancellable`]).
pub fn list(source: &CorpusSource) -> Result<Listing, LoadError> {
    list_cancellable(source, &AtomicBool::new(false), &|_| {})
}

/// Lists the files of a source without reading them, in file order (the same on every
/// run). Setting `cancel` stops the walk within an entry: the listing then holds what was
/// found so far and says it was cancelled. `found` is told the running count of files
/// found now and then (every few hundred files or 50 ms), and once at the end. Folders are
/// walked by [`FolderWalk`]: each once, never outside the opened folder.
pub fn list_cancellable(
    source: &CorpusSource,
    cancel: &AtomicBool,
    found: &dyn Fn(usize),
) -> Result<Listing, LoadError> {
    let mut walk = FolderWalk::new(cancel, found);
    match source {
        CorpusSource::Demo => {
            let listing = Listing {
                candidates: crate::corpus::demo::FILES
                    .iter()
                    .map(|(name, bytes)| Candidate {
                        file: (*name).to_owned(),
                        content: Content::Embedded(bytes),
                        size: bytes.len() as u64,
                        modified: None,
                    })
                    .collect(),
                ..Listing::default()
            };
            found(listing.candidates.len());
            return Ok(listing);
        }
        CorpusSource::Folder(root) => walk.walk(root, "")?,
        CorpusSource::Paths(paths) => {
            for path in paths {
                // A dropped file or folder is named by its own name.
                let name = path
                    .file_name()
                    .map_or_else(|| path.display().to_string(), name_id);
                if path.is_dir() {
                    walk.walk(path, &name)?;
                } else {
                    // A missing or special file among them is skipped, not an error.
                    walk.file_at(path, name);
                }
            }
        }
    }
    Ok(walk.finish())
}

/// Reads, decodes and segments one candidate.
pub fn read(candidate: &Candidate, segmenter: &Segmenter) -> Result<Document, Skipped> {
    let skip = |reason| Skipped {
        file: candidate.file.clone(),
        reason,
    };
    let bytes: std::borrow::Cow<'_, [u8]> = match &candidate.content {
        Content::Embedded(bytes) => (*bytes).into(),
        // Opened without blocking and read only if it is (still) a regular file of at most
        // the limit: the file may have been replaced by a pipe or grown since the walk.
        Content::File(path) => regular_file::read(path, MAX_FILE_BYTES)
            .map_err(|e| {
                skip(match e {
                    // Removed since the walk.
                    e @ RegularFileError::NotFound => SkipReason::Unreadable(e.to_string()),
                    RegularFileError::NotRegular(kind) => SkipReason::NotRegular(kind.into()),
                    RegularFileError::TooLarge { size, limit } => SkipReason::TooLarge {
                        size_mib: size / (1024 * 1024),
                        limit_mib: limit / (1024 * 1024),
                    },
                    RegularFileError::Io(e) => SkipReason::Unreadable(e.to_string()),
                })
            })?
            .into(),
    };
    let decoded = decode(&bytes).map_err(skip)?;
    let path = match &candidate.content {
        Content::File(path) => Some(path.clone()),
        Content::Embedded(_) => None,
    };
    Ok(Document::new(
        candidate.file.clone(),
        path,
        decoded,
        segmenter,
    ))
}

/// A loaded corpus: documents sorted by file, and the files that were skipped.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub skipped: Vec<Skipped>,
}

impl Corpus {
    /// Loads a whole source on the calling thread, files in parallel (for the CLI and tests;
    /// the app uses [`crate::loader`] instead).
    pub fn load(source: &CorpusSource, segmenter: &Segmenter) -> Result<Corpus, LoadError> {
        use rayon::prelude::*;
        let listing = list(source)?;
        let results: Vec<_> = listing
            .candidates
            .par_iter()
            .map(|c| read(c, segmenter))
            .collect();
        let mut corpus = Corpus {
            skipped: listing.skipped,
            ..Corpus::default()
        };
        for result in results {
            match result {
                Ok(doc) => corpus.documents.push(doc),
                Err(skipped) => corpus.skipped.push(skipped),
            }
        }
        corpus.sort();
        Ok(corpus)
    }

    /// Puts documents and skipped files in file order.
    pub fn sort(&mut self) {
        self.documents.sort_by(|a, b| a.file.cmp(&b.file));
        self.skipped.sort_by(|a, b| a.file.cmp(&b.file));
    }

    /// Number of articles (documents can hold several).
    pub fn article_count(&self) -> usize {
        self.documents.iter().map(|d| d.articles.len()).sum()
    }
}
