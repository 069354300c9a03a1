//! A mention of an entity found in text, the entity an article's mentions make up, and how
//! mentions are grouped into entities and named.

use crate::extract::entities::kind::Kind;
use rustc_hash::FxHashMap as HashMap;
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
