//! What the first pass of recognition keeps of an article for the second: its mentions per
//! block and the word hashes that decide which blocks a learned name can change.

use crate::extract::entities::mention::Mention;
use rustc_hash::FxHashSet as HashSet;

/// What the first pass found in one article, kept for the second pass: the mentions of each
/// block and, per block, the hashes of its words' readings, so that the second pass redoes
/// only the blocks where a learned name can change something.
#[derive(Debug, Default, Clone)]
pub struct FirstPass {
    /// The mentions of every block, block after block, each block's in the order found.
    pub(super) mentions: Vec<Mention>,
    /// Per block: the end of its mentions in `mentions` and of its hashes in `hashes`.
    pub(super) ends: Vec<(u32, u32)>,
    /// Per block, sorted and deduplicated: [`stem_hash`](super::stem_hash) of every reading
    /// of every word, and [`pair_hash`](super::pair_hash) of every reading with the next
    /// word, unless a clause break parts them.
    pub(super) hashes: Vec<u32>,
}

impl FirstPass {
    /// How many blocks (headline, paragraphs) the article has, and how many of them the
    /// second pass will recognise again with `candidates` (`KnownPeople::stem_hashes`).
    pub fn blocks_to_redo(&self, candidates: &HashSet<u32>) -> (usize, usize) {
        let mut start = 0;
        let redo = self
            .ends
            .iter()
            .filter(|&&(_, end)| {
                let block = &self.hashes[start as usize..end as usize];
                start = end;
                block.iter().any(|h| candidates.contains(h))
            })
            .count();
        (self.ends.len(), redo)
    }

    /// The mentions as [`Recognizer::mentions`](super::Recognizer::mentions) returns them
    /// (by start, stable).
    pub fn sorted(&self) -> Vec<&Mention> {
        let mut all: Vec<&Mention> = self.mentions.iter().collect();
        all.sort_by_key(|m| m.range.start);
        all
    }
}
