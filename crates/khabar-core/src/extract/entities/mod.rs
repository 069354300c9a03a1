//! Recognising people, places and organisations in Arabic news text, with rules over words:
//! gazetteer matches (longest first, clitics stripped), titles and speech verbs before names,
//! first names, foreign surname shapes, organisation head nouns with their modifiers, and
//! corpus-level propagation (a surname alone is the person named in full elsewhere).

pub mod lexicon;

mod recognizer;
#[cfg(test)]
mod tests;

pub use recognizer::Recognizer;

use crate::extract::entities::lexicon::Kind;
use crate::text::words::words;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

/// A mention found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the document text (proclitics excluded).
    pub range: Range<usize>,
    pub kind: Kind,
    /// Entities with the same key are the same real-world thing.
    pub key: String,
    /// The name this mention proposes for its entity.
    pub name: String,
}

/// People known from the whole corpus, for propagation.
#[derive(Debug, Default, Clone)]
pub struct KnownPeople {
    /// Folded surname (or single known name) → person key; `None` when two people share it.
    by_surname: HashMap<String, Option<String>>,
    /// Folded full name → person key.
    by_full: HashMap<String, String>,
    /// First words of the full names.
    first_words: HashSet<String>,
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

    fn full_key(&self, folded: &str) -> Option<&str> {
        self.by_full.get(folded).map(String::as_str)
    }

    fn key_for(&self, folded: &str) -> Option<&str> {
        self.by_surname.get(folded).and_then(|k| k.as_deref())
    }
}

impl KnownPeople {
    /// The hashes that mark a block where a look-up in `self` can answer differently from
    /// an empty [`KnownPeople`]: [`stem_hash`] of each surname that names one person, and
    /// [`pair_hash`] of the first two words of each full name (a full-name match needs
    /// them). A block with none of them among its words is recognised exactly as in the
    /// first pass (see [`Recognizer::second_pass`]).
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

/// What the first pass found in one article, kept for the second pass: the mentions of each
/// block and, per block, the hashes of its words' readings, so that the second pass redoes
/// only the blocks where a learned name can change something.
#[derive(Debug, Default, Clone)]
pub struct FirstPass {
    /// The mentions of every block, block after block, each block's in the order found.
    mentions: Vec<Mention>,
    /// Per block: the end of its mentions in `mentions` and of its hashes in `hashes`.
    ends: Vec<(u32, u32)>,
    /// Per block, sorted and deduplicated: [`stem_hash`] of every reading of every word, and
    /// [`pair_hash`] of every reading with the next word, unless a clause break parts them.
    hashes: Vec<u32>,
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

    /// The mentions as [`Recognizer::mentions`] returns them (by start, stable).
    pub fn sorted(&self) -> Vec<&Mention> {
        let mut all: Vec<&Mention> = self.mentions.iter().collect();
        all.sort_by_key(|m| m.range.start);
        all
    }
}

/// Letters that spell a foreign "g" or "k" in Arabic, and long vowels, are unified so that
/// transliteration variants (ديمتري/دميتري, ناغورنو/ناجورنو) share a key.
pub fn skeleton(folded: &str) -> String {
    skeleton_chars(folded).collect()
}

/// The characters of [`skeleton`]`(folded)`, without building the string.
pub fn skeleton_chars(folded: &str) -> impl Iterator<Item = char> + '_ {
    folded.chars().enumerate().filter_map(|(i, c)| match c {
        'غ' | 'ج' | 'ق' | 'ك' => Some('ك'),
        'ه' if i > 0 => None,
        'ا' | 'و' | 'ي' | 'ء' if i > 0 => None,
        c => Some(c),
    })
}

/// Skeleton of every word of a phrase, article removed (see [`skeleton`]).
pub fn phrase_skeleton(text: &str) -> String {
    words(text, 0..text.len())
        .iter()
        .map(|w| skeleton(w.folded.strip_prefix("ال").unwrap_or(&w.folded)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One entity of an article, with its mentions.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    pub key: String,
    pub name: String,
    pub kind: Kind,
    pub mentions: Vec<Range<usize>>,
}

/// Groups an article's mentions into entities; `names` gives each key its display name.
pub fn group(mentions: &[Mention], names: &HashMap<String, String>) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::default();
    for m in mentions {
        let i = *index.entry(m.key.as_str()).or_insert_with(|| {
            entities.push(Entity {
                key: m.key.clone(),
                name: names.get(&m.key).cloned().unwrap_or_else(|| m.name.clone()),
                kind: m.kind,
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        entities[i].mentions.push(m.range.clone());
    }
    entities
}

/// The display name of each key over a corpus: the longest form, most frequent among equals.
pub fn canonical_names<'m>(
    mentions: impl IntoIterator<Item = &'m Mention>,
) -> HashMap<String, String> {
    let mut counts: HashMap<&str, HashMap<&str, usize>> = HashMap::default();
    for m in mentions {
        *counts
            .entry(&m.key)
            .or_default()
            .entry(&m.name)
            .or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(key, names)| {
            let best = names
                .into_iter()
                .max_by_key(|(name, count)| {
                    (
                        name.split_whitespace().count(),
                        *count,
                        std::cmp::Reverse(*name),
                    )
                })
                .map(|(n, _)| n.to_owned())
                .unwrap_or_default();
            (key.to_owned(), best)
        })
        .collect()
}
