//! Word clusters learned from unlabeled text, as features for the tagger: words seen in the
//! same company (the words just before and just after them) share a cluster, so a city or a
//! given name never seen in the annotated data still resembles the ones that were.
//!
//! Each word gets two ids: a fine cluster and the coarse cluster that holds it (the coarse
//! clusters group the fine ones, as short prefixes of Brown-cluster paths do). [`learn`]
//! builds them: positive PMI of left and right neighbours, a random projection to a few
//! hundred dimensions, then spherical k-means. The file `khabar train-clusters` writes is
//! [`Clusters::to_tsv`]: `word \t coarse \t fine`, sorted by word, `#` lines first.

mod learning;
mod table;

pub use learning::{ClusterSettings, learn};
pub use table::{Clusters, ClustersError};
