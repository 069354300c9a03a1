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
    /// How sure the witness that found it is, in thousandths: the tagger's probability, or
    /// a fixed trust for each kind of rule ([`confidence`]).
    pub confidence: u16,
}

/// Trust in a mention found by rules alone, in thousandths.
pub mod confidence {
    /// A name our gazetteers list.
    pub const GAZETTEER: u16 = 950;
    /// A cue rule (a head noun, a title, a first name) that the tagger did not confirm: 43 %
    /// of these were right on the real-text dev set.
    pub const RULE: u16 = 450;
    /// The share of a probability in thousandths.
    pub fn from_probability(p: f32) -> u16 {
        (p.clamp(0.0, 1.0) * 1000.0).round() as u16
    }
}

/// One entity of an article, with its mentions.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    pub key: String,
    pub name: String,
    pub kind: Kind,
    pub mentions: Vec<Range<usize>>,
    /// How sure extraction is that this is an entity of this kind, in thousandths: the
    /// chance that not every one of its mentions is wrong, each mention wrong with
    /// `1 - confidence` (so more mentions, more evidence). A reviewer's entity is 1000.
    pub score: u16,
}

/// Entities scoring below this (thousandths) are shown folded under "Uncertain": one
/// unconfirmed rule guess is, two are not.
pub const CERTAIN_FROM: u16 = 500;

/// [`Entity::score`] of mentions with these confidences (thousandths).
pub fn evidence_score(confidences: impl IntoIterator<Item = u16>) -> u16 {
    let all_wrong: f64 = confidences
        .into_iter()
        .map(|c| 1.0 - f64::from(c.min(1000)) / 1000.0)
        .product();
    ((1.0 - all_wrong) * 1000.0).round() as u16
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
                score: 0,
            });
            entities.len() - 1
        });
        entities[i].mentions.push(m.range.clone());
    }
    for e in &mut entities {
        e.score = evidence_score(
            mentions
                .iter()
                .filter(|m| m.key == e.key)
                .map(|m| m.confidence),
        );
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
