//! A sequence tagger for names, learned from annotated Arabic news (ANERcorp): hashed
//! features of each word and its neighbours ([`features`]), an averaged structured
//! perceptron ([`train`]), Viterbi decoding and forward-backward label probabilities
//! ([`decode`]). The trained model is compiled in (`assets/models/ner.bin`).

pub mod clusters;
pub mod conll;
pub mod decode;
pub mod features;
pub mod label;
pub mod model;
pub mod train;

use crate::extract::entities::lexicon::Lexicon;
use crate::text::words::Word;
use conll::{Sentence, SpanScores};
use features::Block;
use label::{LABELS, Label};
use model::{Model, ModelError};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The model `khabar train-ner` wrote, compiled in.
const EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/models/ner.bin"
));

const CONTAINER: &[u8; 8] = b"KHABNER2";

/// Labels the words of a document's blocks: a first stage reads each block alone; a second
/// reads it again knowing how the first tagged the other occurrences of each word in the
/// document (a name tagged as a person in four sentences is likely one in the fifth).
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    first: Model,
    second: Option<Model>,
}

/// What the tagger says of a block: per word, its label and how sure the model is of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tagged {
    pub labels: Vec<Label>,
    /// Per word: the probability of its label.
    pub confidence: Vec<f32>,
}

/// Gives each word of `blocks` the counts of how `labels` tagged the other occurrences of its
/// core in the same blocks (O, PERS, LOC, ORG, MISC).
pub fn set_document_evidence(blocks: &mut [Block], labels: &[Vec<Label>]) {
    let class_of = |l: &Label| l.class().map_or(0, |c| 1 + c as usize);
    let mut counts: HashMap<String, [u16; 5]> = HashMap::default();
    for (block, labels) in blocks.iter().zip(labels) {
        for (i, l) in labels.iter().enumerate() {
            let c = counts.entry(block.core(i).to_owned()).or_default();
            c[class_of(l)] = c[class_of(l)].saturating_add(1);
        }
    }
    for (block, labels) in blocks.iter_mut().zip(labels) {
        let evidence = labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let mut c = counts[block.core(i)];
                c[class_of(l)] -= 1;
                c
            })
            .collect();
        block.set_evidence(evidence);
    }
}

impl Tagger {
    /// A tagger of one stage (no document evidence).
    pub fn new(model: Model) -> Tagger {
        Tagger {
            first: model,
            second: None,
        }
    }

    pub fn two_stage(first: Model, second: Model) -> Tagger {
        Tagger {
            first,
            second: Some(second),
        }
    }

    /// The compiled-in model (read once).
    pub fn embedded() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            // The build tests that this model loads (`embedded_model_loads`): an unreadable
            // one is a build error, not a user's problem, so the empty fallback is never seen.
            Tagger::from_bytes(EMBEDDED).unwrap_or_default()
        })
    }

    /// The file form: both stages' models, each length-prefixed.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = CONTAINER.to_vec();
        for m in std::iter::once(&self.first).chain(&self.second) {
            let bytes = m.to_bytes();
            out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
            out.extend_from_slice(&bytes);
        }
        out
    }

    /// Reads what [`Self::to_bytes`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let rest = bytes
            .strip_prefix(CONTAINER.as_slice())
            .ok_or(ModelError::NotAModel)?;
        let mut models = Vec::new();
        let mut at = 0;
        while at < rest.len() {
            let len: [u8; 8] = rest
                .get(at..at + 8)
                .and_then(|b| b.try_into().ok())
                .ok_or(ModelError::Truncated)?;
            let len =
                usize::try_from(u64::from_le_bytes(len)).map_err(|_| ModelError::Truncated)?;
            let end = at.checked_add(8 + len).ok_or(ModelError::Truncated)?;
            models.push(Model::from_bytes(
                rest.get(at + 8..end).ok_or(ModelError::Truncated)?,
            )?);
            at = end;
        }
        let mut models = models.into_iter();
        let first = models.next().ok_or(ModelError::Truncated)?;
        Ok(Tagger {
            first,
            second: models.next(),
        })
    }

    /// Feature rows of the first and second stage.
    pub fn feature_counts(&self) -> (usize, usize) {
        (
            self.first.feature_count(),
            self.second.as_ref().map_or(0, Model::feature_count),
        )
    }

    /// The labels of each block of a document (`blocks[k]`: words cut from `text`), each
    /// with its probability.
    pub fn tag_document(&self, text: &str, blocks: &[&[Word]], lex: &Lexicon) -> Vec<Tagged> {
        let mut built: Vec<Block> = blocks.iter().map(|w| Block::new(text, w, lex)).collect();
        let first: Vec<Vec<Label>> = built
            .iter()
            .map(|b| decode::viterbi(&train::emissions(&self.first, b), &self.first.transitions))
            .collect();
        let Some(second) = &self.second else {
            return built
                .iter()
                .map(|b| tagged(train::emissions(&self.first, b), &self.first))
                .collect();
        };
        set_document_evidence(&mut built, &first);
        built
            .iter()
            .map(|b| tagged(train::emissions(second, b), second))
            .collect()
    }

    /// Exact-span scores on annotated documents, per CoNLL token.
    pub fn score(&self, documents: &[Vec<Sentence>], lex: &Lexicon) -> SpanScores {
        let mut scores = SpanScores::default();
        for doc in documents {
            // Sentences are blocks of one text here: each has its own; tag them as one
            // document by giving every block its own text through `Block::new`.
            let labels = self.tag_sentences(doc, lex);
            for (s, labels) in doc.iter().zip(labels) {
                let predicted: Vec<Label> = s
                    .tokens
                    .iter()
                    .map(|(_, w)| w.map_or(Label::O, |w| labels[w]))
                    .collect();
                let gold: Vec<Label> = s.tokens.iter().map(|(l, _)| *l).collect();
                scores.add(&predicted, &gold);
            }
        }
        scores
    }

    /// The labels of annotated sentences read as one document.
    pub fn tag_sentences(&self, doc: &[Sentence], lex: &Lexicon) -> Vec<Vec<Label>> {
        let mut built: Vec<Block> = doc
            .iter()
            .map(|s| Block::new(&s.text, &s.words, lex))
            .collect();
        let first: Vec<Vec<Label>> = built
            .iter()
            .map(|b| decode::viterbi(&train::emissions(&self.first, b), &self.first.transitions))
            .collect();
        let Some(second) = &self.second else {
            return first;
        };
        set_document_evidence(&mut built, &first);
        built
            .iter()
            .map(|b| decode::viterbi(&train::emissions(second, b), &second.transitions))
            .collect()
    }
}

/// Best labels and their probabilities from a block's label scores.
fn tagged(emissions: Vec<[f32; LABELS]>, model: &Model) -> Tagged {
    let labels = decode::viterbi(&emissions, &model.transitions);
    let confidence = if labels.iter().all(|l| *l == Label::O) {
        // Nothing to be sure of: spare the forward-backward pass.
        vec![1.0; labels.len()]
    } else {
        let p = decode::marginals(&emissions, &model.transitions);
        labels.iter().zip(&p).map(|(l, p)| p[l.index()]).collect()
    };
    Tagged { labels, confidence }
}
