//! Recognising people, places and organisations in Arabic news text, with rules over words:
//! gazetteer matches (longest first, clitics stripped), titles and speech verbs before names,
//! first names, foreign surname shapes, organisation head nouns with their modifiers, and
//! corpus-level propagation (a surname alone is the person named in full elsewhere).

mod recognizer;
#[cfg(test)]
mod tests;

pub use recognizer::Recognizer;

use crate::core::lexicon::Kind;
use crate::core::words::words;
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

/// Letters that spell a foreign "g" or "k" in Arabic, and long vowels, are unified so that
/// transliteration variants (ديمتري/دميتري, ناغورنو/ناجورنو) share a key.
pub fn skeleton(folded: &str) -> String {
    let mut out = String::new();
    for (i, c) in folded.chars().enumerate() {
        let c = match c {
            'غ' | 'ج' | 'ق' | 'ك' => 'ك',
            'ه' if i > 0 => continue,
            'ا' | 'و' | 'ي' | 'ء' if i > 0 => continue,
            c => c,
        };
        out.push(c);
    }
    out
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
