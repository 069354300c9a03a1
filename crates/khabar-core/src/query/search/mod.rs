//! Arabic-aware full-text search over articles: an inverted index built once at load time,
//! queried on every keystroke of the search box, and the hit ranges the reader highlights.
//!
//! Matching goes through [`crate::text::normalize::fold`] (hamza/alef forms, ى/ي, ة/ه,
//! tashkeel, tatweel, digits, ASCII case) and is clitic-aware: every word of an article is
//! indexed under all its readings of [`crate::text::words::stems`], so `باكو` finds `وباكو`,
//! `لباكو`, `بباكو`, and `الرئيس` finds `والرئيس` and `للرئيس`.
//!
//! # How the index is laid out
//!
//! - **Terms**: every distinct reading, folded, sorted by bytes and stored concatenated in one
//!   string with start offsets — a sorted array on which an exact word is one binary search and
//!   a prefix is the contiguous range between two binary searches (never a scan of all terms).
//! - **Postings**: per term, the sorted article numbers that contain it (no positions).
//! - **Forms and sequence** (a forward index): each distinct folded word form of the corpus
//!   has an id; per term, the forms that have it among their readings; each article is kept
//!   as the sequence of its word forms, with a break between headline and paragraphs.
//!   A phrase is verified only in the articles that hold all its words: each phrase word
//!   becomes a bitset over forms (the forms of its term, or of every term of a prefix's
//!   range), so a phrase whose last word is still being typed costs the same, and a position
//!   is checked with one bit test.
//!
//! A query is an AND of clauses. The candidate sets of the clauses are sorted slices (an
//! exact term), or the union of the postings of a prefix's terms — gathered and sorted when
//! they are few, a bitset over articles when they are many (a one-letter prefix) — and are
//! intersected smallest first.

mod bench;
mod hits;
mod index;
mod query;
mod sets;

pub use bench::bench_report;
pub use hits::hits;
pub use index::SearchIndex;
pub use query::{Clause, Query, Term};
