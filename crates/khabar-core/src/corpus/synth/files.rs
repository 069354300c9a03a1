//! Where generated articles are written and what can fail while writing them: below the
//! generator and the seeds, which both use them.

use std::path::PathBuf;

/// Articles per sub-folder of a generated corpus.
pub const FILES_PER_FOLDER: u64 = 1000;

/// Why a corpus could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    /// The seed texts hold too little to build articles from.
    #[error("the seed texts have no {0}")]
    NoSeeds(&'static str),
    /// The output folder already holds files (a smaller old corpus would be left mixed in).
    #[error("{0} exists and is not empty")]
    NotEmpty(PathBuf),
    /// Writing failed.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Where article `index` of a corpus of `count` goes: `0000/article-000123.txt`, at most
/// [`FILES_PER_FOLDER`] files a folder; numbers are zero-padded so names sort in order.
pub fn relative_path(index: u64, count: u64) -> String {
    let width = |n: u64| n.max(1).to_string().len();
    let file_width = width(count.saturating_sub(1)).max(6);
    let folder_width = width(count.saturating_sub(1) / FILES_PER_FOLDER).max(4);
    format!(
        "{:0folder_width$}/article-{index:0file_width$}.txt",
        index / FILES_PER_FOLDER
    )
}
