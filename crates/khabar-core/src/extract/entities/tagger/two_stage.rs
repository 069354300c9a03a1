//! The tagger that reads a whole document: a first stage labels each block alone, a second
//! labels it again knowing how the first labelled the other occurrences of each word; and
//! the compiled-in model it runs.

use crate::extract::entities::lexicon::Lexicon;
use crate::extract::entities::tagger::conll::{Sentence, SpanScores};
use crate::extract::entities::tagger::decode;
use crate::extract::entities::tagger::features::Block;
use crate::extract::entities::tagger::label::{LABELS, Label};
use crate::extract::entities::tagger::model::{Model, ModelError};
use crate::extract::entities::tagger::scores;
use crate::text::words::Word;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The model `khabar train-ner` wrote, compiled in.
pub const EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/models/ner.bin"
));

const CONTAINER: &[u8; 8] = b"KHABNER3";

/// Labels the words of a document's blocks: a first stage reads each block alone; a second
/// reads it again knowing how the first tagged the other occurrences of each word in the
/// document (a name tagged as a person in four sentences is likely one in the fifth).
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    first: Model,
    second: Option<Model>,
    /// Scores are divided by it before probabilities are read from them (fitted in training:
    /// see `train::fit_temperature`).
    temperature: f32,
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
            temperature: 1.0,
        }
    }

    pub fn two_stage(first: Model, second: Model, temperature: f32) -> Tagger {
        Tagger {
            first,
            second: Some(second),
            temperature,
        }
    }

    pub fn temperature(&self) -> f32 {
        self.temperature
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
        out.extend_from_slice(&self.temperature.to_le_bytes());
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
        let (t, rest) = rest.split_at_checked(4).ok_or(ModelError::Truncated)?;
        let temperature = f32::from_le_bytes([t[0], t[1], t[2], t[3]]);
        if !(temperature.is_finite() && temperature > 0.0) {
            return Err(ModelError::NotAModel);
        }
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
            temperature,
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
        // The word features are the same for both stages: hashed once.
        let words: Vec<WordFeatures> = built.iter().map(WordFeatures::of).collect();
        let first_scores: Vec<Vec<[f32; LABELS]>> = words
            .iter()
            .map(|f| f.emissions(&self.first, None))
            .collect();
        let Some(second) = &self.second else {
            return first_scores
                .into_iter()
                .map(|e| tagged(e, &self.first, self.temperature))
                .collect();
        };
        let first: Vec<Vec<Label>> = first_scores
            .iter()
            .map(|e| decode::viterbi(e, &self.first.transitions))
            .collect();
        set_document_evidence(&mut built, &first);
        built
            .iter()
            .zip(&words)
            .map(|(b, f)| tagged(f.emissions(second, Some(b)), second, self.temperature))
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
                let (predicted, gold) = s.token_labels(&labels);
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
            .map(|b| decode::viterbi(&scores::emissions(&self.first, b), &self.first.transitions))
            .collect();
        let Some(second) = &self.second else {
            return first;
        };
        set_document_evidence(&mut built, &first);
        built
            .iter()
            .map(|b| decode::viterbi(&scores::emissions(second, b), &second.transitions))
            .collect()
    }
}

/// The word features of a block's words, hashed once, flattened.
struct WordFeatures {
    hashes: Vec<u64>,
    /// Per word, the end of its features in `hashes`.
    ends: Vec<u32>,
}

impl WordFeatures {
    fn of(block: &Block) -> WordFeatures {
        let mut hashes = Vec::with_capacity(block.len() * 48);
        let mut ends = Vec::with_capacity(block.len());
        for i in 0..block.len() {
            block.word_features(i, &mut hashes);
            ends.push(hashes.len() as u32);
        }
        WordFeatures { hashes, ends }
    }

    /// Label scores of each word under `model`, with the document evidence of `evidence`'s
    /// words when given.
    fn emissions(&self, model: &Model, evidence: Option<&Block>) -> Vec<[f32; LABELS]> {
        let mut start = 0usize;
        let mut extra = Vec::new();
        self.ends
            .iter()
            .enumerate()
            .map(|(i, &end)| {
                let mut s = [0f32; LABELS];
                model.add_scores(&self.hashes[start..end as usize], &mut s);
                if let Some(block) = evidence {
                    extra.clear();
                    block.evidence_features(i, &mut extra);
                    model.add_scores(&extra, &mut s);
                }
                start = end as usize;
                s
            })
            .collect()
    }
}

/// Best labels and their probabilities from a block's label scores.
fn tagged(emissions: Vec<[f32; LABELS]>, model: &Model, temperature: f32) -> Tagged {
    let labels = decode::viterbi(&emissions, &model.transitions);
    let confidence = if labels.iter().all(|l| *l == Label::O) {
        // Nothing to be sure of: spare the forward-backward pass.
        vec![1.0; labels.len()]
    } else {
        let factor = 1.0 / temperature;
        let p = decode::marginals(
            &scores::scaled(&emissions, factor),
            &scores::scaled_transitions(&model.transitions, factor),
        );
        labels.iter().zip(&p).map(|(l, p)| p[l.index()]).collect()
    };
    Tagged { labels, confidence }
}
