//! The stages of a load, in a file of their own: the extraction stages report which one is
//! running (`extract::annotations::Watch`), and the loader runs them. Kept below both so
//! neither imports the other back.

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
