//! What a walk of a corpus finds: candidate files (not read yet) and the files skipped with
//! their reason. Shared by the folder walk that builds a listing and the corpus that reads
//! it, below both.

use crate::error::SkipReason;
use std::path::PathBuf;

/// File name endings Khabar reads as articles (compared case-insensitively).
pub const TEXT_EXTENSIONS: [&str; 3] = ["txt", "text", "md"];

/// Where a candidate file's bytes are.
#[derive(Debug, Clone)]
pub enum Content {
    File(PathBuf),
    Embedded(&'static [u8]),
}

/// A file found by the walk, not read yet.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Path relative to the corpus root, with `/` separators, each name made from its raw
    /// bytes by [`name_id`](crate::corpus::name_id::name_id) (unique, and the name itself
    /// when it is UTF-8). The article's id everywhere: review state, the cache, sorting.
    pub file: String,
    pub content: Content,
    /// Size in bytes (for progress).
    pub size: u64,
    /// Last modification time on disk (`None` for embedded files), for the cache.
    pub modified: Option<std::time::SystemTime>,
}

/// A file that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: SkipReason,
}

/// What a walk found: files to read and files already known to be unreadable.
#[derive(Debug, Default)]
pub struct Listing {
    pub candidates: Vec<Candidate>,
    pub skipped: Vec<Skipped>,
    /// The walk was cancelled: the listing holds what was found until then.
    pub cancelled: bool,
}

impl Listing {
    /// Total bytes of the candidates.
    pub fn total_bytes(&self) -> u64 {
        self.candidates.iter().map(|c| c.size).sum()
    }
}
