//! Typed errors of the core. Each is shown to the user once, as its `Display` text.

use std::path::PathBuf;

/// Why a file was not loaded. Every skipped file is listed with one of these.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize)]
#[serde(into = "String")]
pub enum SkipReason {
    /// The file has no bytes, or only whitespace.
    #[error("empty file")]
    Empty,
    /// The content is not text.
    #[error("binary file ({0})")]
    Binary(String),
    /// No encoding gives readable text.
    #[error("cannot decode ({0})")]
    Undecodable(String),
    /// The operating system refused to read it.
    #[error("cannot read: {0}")]
    Unreadable(String),
    /// A symbolic link whose target does not exist.
    #[error("dangling link")]
    DanglingLink,
    /// A symbolic link back to a folder already being walked.
    #[error("symlink loop (points back to {0})")]
    SymlinkLoop(String),
    /// A link to a folder outside the opened folder: following it could walk the whole disk.
    #[error("link leads outside the opened folder (→ {0})")]
    LinkOutside(String),
    /// A folder reached a second time (through a link), listed where it was met first.
    #[error("same folder as {0}, listed there")]
    AlreadyListed(String),
    /// A named pipe, socket, device or a link to one: reading it could wait or run forever.
    #[error("not a normal file (it is {0})")]
    NotRegular(String),
    /// Larger than the size Khabar reads.
    #[error("too large ({size_mib} MiB; the limit is {limit_mib} MiB)")]
    TooLarge { size_mib: u64, limit_mib: u64 },
    /// Not one of the text file types Khabar reads.
    #[error("not a text file type (.{0})")]
    NotText(String),
}

impl From<SkipReason> for String {
    fn from(reason: SkipReason) -> String {
        reason.to_string()
    }
}

/// A corpus that cannot be opened at all (as opposed to single files that are skipped).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("folder not found: {0}")]
    NotFound(PathBuf),
    #[error("cannot open {path}: {message}")]
    Unreadable { path: PathBuf, message: String },
}
