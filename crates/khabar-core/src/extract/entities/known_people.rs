//! The people a corpus names in full, learned in the first pass, so that the second pass can
//! recognise a surname alone as the person it belongs to (propagation), and the hashes that
//! tell which blocks such a look-up could change.

use crate::extract::entities::kind::Kind;
use crate::extract::entities::mention::Mention;
use crate::text::words::words;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// People known from the whole corpus, for propagation.
#[derive(Debug, Default, Clone)]
pub struct KnownPeople {
    /// Folded surname (or single known name) → person key; `None` when two people share it.
    pub(super) by_surname: HashMap<String, Option<String>>,
    /// Folded full name → person key.
    pub(super) by_full: HashMap<String, String>,
    /// First words of the full names.
    pub(super) first_words: HashSet<String>,
}

impl KnownPeople {
    /// Learns full names (two words or more) from mentions.
    pub fn learn<'a>(
        &mut self,
        mentions: impl IntoIterator<Item = &'a Mention>,
        mut text_of: impl FnMut(&Mention) -> String,
    ) {
        for m in mentions {
            if m.kind != Kind::Person {
                continue;
            }
            let text = text_of(m);
            let folded: Vec<String> = words(&text, 0..text.len())
                .into_iter()
                .map(|w| w.folded)
                .collect();
            if folded.len() < 2 {
                continue;
            }
            self.by_full.insert(folded.join(" "), m.key.clone());
            self.first_words.insert(folded[0].clone());
            let surname = folded.last().cloned().unwrap_or_default();
            match self.by_surname.get(&surname) {
                Some(Some(key)) if *key != m.key => {
                    self.by_surname.insert(surname, None);
                }
                Some(_) => {}
                None => {
                    self.by_surname.insert(surname, Some(m.key.clone()));
                }
            }
        }
    }

    pub(super) fn full_key(&self, folded: &str) -> Option<&str> {
        self.by_full.get(folded).map(String::as_str)
    }

    pub(super) fn key_for(&self, folded: &str) -> Option<&str> {
        self.by_surname.get(folded).and_then(|k| k.as_deref())
    }
}

impl KnownPeople {
    /// The hashes that mark a block where a look-up in `self` can answer differently from
    /// an empty [`KnownPeople`]: [`stem_hash`] of each surname that names one person, and
    /// [`pair_hash`] of the first two words of each full name (a full-name match needs
    /// them). A block with none of them among its words is recognised exactly as in the
    /// first pass (see [`Recognizer::second_pass`](super::Recognizer::second_pass)).
    pub fn stem_hashes(&self) -> HashSet<u32> {
        let surnames = self
            .by_surname
            .iter()
            .filter(|(_, key)| key.is_some())
            .map(|(surname, _)| stem_hash(surname));
        let pairs = self.by_full.keys().filter_map(|full| {
            let mut words = full.split(' ');
            Some(pair_hash(words.next()?, words.next()?))
        });
        surnames.chain(pairs).collect()
    }
}

/// A 32-bit hash of a folded word, to test cheaply whether a block may hold a known name.
/// Collisions only make the second pass redo a block it could have kept, never change a
/// result.
pub fn stem_hash(folded: &str) -> u32 {
    use std::hash::BuildHasher;
    (rustc_hash::FxBuildHasher.hash_one(folded) >> 32) as u32
}

/// Like [`stem_hash`], for two folded words in a row (a reading of a word and the next word).
pub fn pair_hash(first: &str, second: &str) -> u32 {
    use std::hash::BuildHasher;
    (rustc_hash::FxBuildHasher.hash_one((first, second)) >> 32) as u32
}
