//! Recognising people, places and organisations in Arabic news text, with rules over words:
//! gazetteer matches (longest first, clitics stripped), titles and speech verbs before names,
//! first names, foreign surname shapes, organisation head nouns with their modifiers, and
//! corpus-level propagation (a surname alone is the person named in full elsewhere).

pub mod lexicon;

pub mod tagger;

mod first_pass;
mod kind;
mod known_people;
mod mention;
pub mod model_mentions;
mod recognizer;
pub mod reconcile;
mod skeleton;
#[cfg(test)]
mod tests;

// The public face of entity recognition: its children use one another by their own paths,
// never through these re-exports (which would make each child depend on its parent and the
// parent on it: a cycle `tests/module_graph.rs` refuses).
pub use first_pass::FirstPass;
pub use kind::Kind;
pub use known_people::{KnownPeople, pair_hash, stem_hash};
pub use mention::{CERTAIN_FROM, Entity, Mention, canonical_names, evidence_score, group};
pub use recognizer::Recognizer;
pub use skeleton::{phrase_skeleton, skeleton, skeleton_chars};
