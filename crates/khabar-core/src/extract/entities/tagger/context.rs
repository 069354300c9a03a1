//! The context features that take one of a few values — a word's place in its block, the
//! pauses around it, the block's edges, the flags and multi-word names its context sets on it
//! and on its nearest neighbours — numbered, so that tagging reads their label sums from a
//! table of [`COUNT`] rows instead of hashing a string and probing the model for each.
//! Training hashes the same features ([`hash`]), so both see the same model.

use crate::extract::entities::kind::Kind;
use crate::extract::entities::tagger::word_form::{FLAG_NAMES, WINDOW, f, flag};
use std::sync::OnceLock;

/// A numbered context feature, below [`COUNT`].
pub type Id = u8;

const FLAGS: usize = flag::COUNT as usize;
const KINDS: [Kind; 3] = [Kind::Place, Kind::Org, Kind::Person];
/// What follows a word: the values of `pause` in `features`.
pub const PAUSES: [&str; 3] = ["comma", "break", "none"];

const OWN_FLAG: usize = 0;
const GAZETTEER: usize = OWN_FLAG + FLAGS;
const FIRST: usize = GAZETTEER + 2 * KINDS.len();
const NOT_FIRST: usize = FIRST + 1;
const LAST: usize = NOT_FIRST + 1;
const PAUSE_BEFORE: usize = LAST + 1;
const PAUSE_AFTER: usize = PAUSE_BEFORE + PAUSES.len();
const EDGE: usize = PAUSE_AFTER + PAUSES.len();
const NEAR_FLAG: usize = EDGE + WINDOW.len();
const NEAR_GAZETTEER: usize = NEAR_FLAG + 2 * FLAGS;
/// How many numbered context features there are.
pub const COUNT: usize = NEAR_GAZETTEER + 2 * 2 * KINDS.len();

fn kind_index(kind: Kind) -> usize {
    KINDS.iter().position(|k| *k == kind).unwrap_or(0)
}

/// The id of a flag the context set on the word itself (bit number of `flag`).
pub fn own_flag(bit: u32) -> Id {
    (OWN_FLAG + bit as usize) as Id
}

/// The id of "a multi-word gazetteer name of `kind` covers the word (and starts there)".
pub fn gazetteer(kind: Kind, begins: bool) -> Id {
    (GAZETTEER + begins as usize * KINDS.len() + kind_index(kind)) as Id
}

/// The id of "first in its block" or "not first".
pub fn position(first: bool) -> Id {
    if first { FIRST } else { NOT_FIRST }
        .try_into()
        .unwrap_or_default()
}

/// The id of "last in its block".
pub fn last() -> Id {
    LAST as Id
}

/// The id of the pause (an index of [`PAUSES`]) before the word / after it.
pub fn pause(index: usize, before: bool) -> Id {
    (if before { PAUSE_BEFORE } else { PAUSE_AFTER } + index) as Id
}

/// The id of "no neighbour at [`WINDOW`] position `k`: the block ends".
pub fn edge(k: usize) -> Id {
    (EDGE + k) as Id
}

/// The side of a nearest neighbour: 0 before the word, 1 after it.
fn side(offset: i64) -> usize {
    usize::from(offset > 0)
}

/// The id of a flag the context set on the nearest neighbour at `offset` (±1).
pub fn near_flag(offset: i64, bit: u32) -> Id {
    (NEAR_FLAG + side(offset) * FLAGS + bit as usize) as Id
}

/// The id of "a multi-word gazetteer name covers the nearest neighbour at `offset` (±1)".
pub fn near_gazetteer(offset: i64, kind: Kind, begins: bool) -> Id {
    (NEAR_GAZETTEER
        + side(offset) * 2 * KINDS.len()
        + begins as usize * KINDS.len()
        + kind_index(kind)) as Id
}

/// The hashed feature of `id`, as training and the model know it.
pub fn hash(id: Id) -> u64 {
    static TABLE: OnceLock<Vec<u64>> = OnceLock::new();
    TABLE.get_or_init(|| (0..COUNT).map(describe).collect())[usize::from(id)]
}

/// The template and value of context feature number `id`.
fn describe(id: usize) -> u64 {
    let near_template = |side: usize| if side == 0 { 110 } else { 120 };
    match id {
        i if i < GAZETTEER => f(60 + (i - OWN_FLAG) as u64, "1"),
        i if i < FIRST => {
            let k = i - GAZETTEER;
            f(
                80 + (k / KINDS.len()) as u64,
                KINDS[k % KINDS.len()].as_str(),
            )
        }
        FIRST => f(82, "first"),
        NOT_FIRST => f(82, "not-first"),
        LAST => f(83, "last"),
        i if i < PAUSE_AFTER => f(84, PAUSES[i - PAUSE_BEFORE]),
        i if i < EDGE => f(85, PAUSES[i - PAUSE_AFTER]),
        i if i < NEAR_FLAG => f(WINDOW[i - EDGE].1, "<edge>"),
        i if i < NEAR_GAZETTEER => {
            let k = i - NEAR_FLAG;
            f(near_template(k / FLAGS) + 2, FLAG_NAMES[k % FLAGS])
        }
        i => {
            let k = i - NEAR_GAZETTEER;
            let side = k / (2 * KINDS.len());
            let begins = (k / KINDS.len()) % 2;
            f(
                near_template(side) + 3 + begins as u64 * 5,
                KINDS[k % KINDS.len()].as_str(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id names a feature of its own: no two share a hash, and the ids stay in a byte.
    #[test]
    fn ids_are_distinct_features() {
        let mut hashes: Vec<u64> = (0..COUNT).map(|i| hash(i as Id)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), COUNT);
        assert!(COUNT <= usize::from(Id::MAX));
        assert_eq!(
            hash(near_gazetteer(1, Kind::Person, true)),
            f(128, "person")
        );
        assert_eq!(hash(near_flag(-1, 10)), f(112, "after-title"));
        assert_eq!(hash(gazetteer(Kind::Org, false)), f(80, "org"));
    }
}
