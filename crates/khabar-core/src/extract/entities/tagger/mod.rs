//! A sequence tagger for names, learned from annotated Arabic news (ANERcorp): hashed
//! features of each word and its neighbours ([`features`]), an averaged structured
//! perceptron ([`train`]), Viterbi decoding and forward-backward label probabilities
//! ([`decode`]), and the two-stage tagger that reads a whole document ([`two_stage`]). The
//! trained model is compiled in (`assets/models/ner.bin`).

pub mod clusters;
pub mod conll;
pub mod context;
pub mod decode;
pub mod features;
pub mod form_memo;
pub mod label;
pub mod model;
pub mod scores;
pub mod train;
pub mod two_stage;
pub mod word_form;

// The public face of the tagger: its children use one another by their own paths, never
// through these re-exports (`tests/module_graph.rs` refuses the cycle that would make).
pub use two_stage::{EMBEDDED, Tagged, Tagger, set_document_evidence};
