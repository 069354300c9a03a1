//! The tagger that reads a whole document: a first stage labels each block alone, a second
//! labels it again knowing how the first labelled the other occurrences of each word; and
//! the compiled-in model it runs.

use crate::extract::entities::lexicon::Lexicon;
use crate::extract::entities::tagger::conll::{Sentence, SpanScores};
use crate::extract::entities::tagger::context;
use crate::extract::entities::tagger::decode;
use crate::extract::entities::tagger::features::Block;
use crate::extract::entities::tagger::form_memo::{FormMemo, FormScores};
use crate::extract::entities::tagger::label::{LABELS, Label};
use crate::extract::entities::tagger::model::{Model, ModelError};
use crate::extract::entities::tagger::scores;
use crate::extract::entities::tagger::word_form::WINDOW;
use crate::text::words::Word;
use rustc_hash::FxHashMap as HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

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
    /// Tells this tagger's [`FormMemo`] entries from another's.
    id: u64,
}

/// A fresh [`Tagger::id`].
fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
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
    let mut counts: HashMap<&str, [u16; 5]> = HashMap::default();
    for (block, labels) in blocks.iter().zip(labels) {
        for (i, l) in labels.iter().enumerate() {
            let c = counts.entry(block.core(i)).or_default();
            c[class_of(l)] = c[class_of(l)].saturating_add(1);
        }
    }
    let evidence: Vec<Vec<[u16; 5]>> = blocks
        .iter()
        .zip(labels)
        .map(|(block, labels)| {
            labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let mut c = counts[block.core(i)];
                    c[class_of(l)] -= 1;
                    c
                })
                .collect()
        })
        .collect();
    for (block, evidence) in blocks.iter_mut().zip(evidence) {
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
            id: next_id(),
        }
    }

    pub fn two_stage(first: Model, second: Model, temperature: f32) -> Tagger {
        Tagger {
            first,
            second: Some(second),
            temperature,
            id: next_id(),
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
            id: next_id(),
        })
    }

    /// Feature rows of the first and second stage.
    pub fn feature_counts(&self) -> (usize, usize) {
        (
            self.first.feature_count(),
            self.second.as_ref().map_or(0, Model::feature_count),
        )
    }

    /// The labels of each block of a document, each with its probability; `memo` keeps the
    /// word forms met (one per thread, for this tagger and `lex`).
    pub fn tag_document(
        &self,
        blocks: &[&[Word]],
        lex: &Lexicon,
        memo: &mut FormMemo,
    ) -> Vec<Tagged> {
        let (scores, model) = self.last_stage_scores(blocks, lex, memo);
        scores
            .into_iter()
            .map(|e| tagged(e, model, self.temperature))
            .collect()
    }

    /// Exact-span scores on annotated documents, per CoNLL token.
    pub fn score(&self, documents: &[Vec<Sentence>], lex: &Lexicon) -> SpanScores {
        let mut scores = SpanScores::default();
        let mut memo = FormMemo::default();
        for doc in documents {
            let labels = self.tag_sentences(doc, lex, &mut memo);
            for (s, labels) in doc.iter().zip(labels) {
                let (predicted, gold) = s.token_labels(&labels);
                scores.add(&predicted, &gold);
            }
        }
        scores
    }

    /// The labels of annotated sentences read as one document.
    pub fn tag_sentences(
        &self,
        doc: &[Sentence],
        lex: &Lexicon,
        memo: &mut FormMemo,
    ) -> Vec<Vec<Label>> {
        let blocks: Vec<&[Word]> = doc.iter().map(|s| s.words.as_slice()).collect();
        let (scores, model) = self.last_stage_scores(&blocks, lex, memo);
        scores
            .iter()
            .map(|e| decode::viterbi(e, &model.transitions))
            .collect()
    }

    /// The label scores of each block's words under the last stage (the second, with the
    /// first stage's document evidence, when there is one), and that stage's model.
    fn last_stage_scores(
        &self,
        blocks: &[&[Word]],
        lex: &Lexicon,
        memo: &mut FormMemo,
    ) -> (Vec<Vec<[f32; LABELS]>>, &Model) {
        let mut read = self.read(blocks, lex, memo);
        let Some(second) = &self.second else {
            let scores = (0..blocks.len())
                .map(|b| read.emissions(b, 0, &self.first))
                .collect();
            return (scores, &self.first);
        };
        read.set_first_stage_evidence(self);
        let scores = (0..blocks.len())
            .map(|b| read.with_evidence(b, self, second, memo))
            .collect();
        (scores, second)
    }

    /// The models in [`FormScores::sums`] order.
    fn models(&self) -> Vec<&Model> {
        std::iter::once(&self.first).chain(&self.second).collect()
    }

    /// The blocks' words with their forms' scores and their context features.
    fn read(&self, blocks: &[&[Word]], lex: &Lexicon, memo: &mut FormMemo) -> Read {
        let models = self.models();
        let forms: Vec<Vec<Arc<FormScores>>> = blocks
            .iter()
            .map(|ws| {
                ws.iter()
                    .map(|w| memo.get(&w.folded, self.id, &models, lex))
                    .collect()
            })
            .collect();
        let built: Vec<Block> = blocks
            .iter()
            .zip(&forms)
            .map(|(ws, fs)| Block::of_forms(ws, fs.iter().map(|f| f.form.clone()).collect(), lex))
            .collect();
        let context = built.iter().map(ContextFeatures::of).collect();
        Read {
            forms,
            built,
            context,
            context_sums: memo.context(self.id, &models).to_vec(),
        }
    }
}

/// A document as the tagger read it: per block, its words' form scores, the block, and
/// the context features of its words (hashed once for both stages).
struct Read {
    forms: Vec<Vec<Arc<FormScores>>>,
    built: Vec<Block>,
    context: Vec<ContextFeatures>,
    /// `[model][context::Id]`: the raw sums of the numbered context features.
    context_sums: Vec<Vec<[i32; LABELS]>>,
}

impl Read {
    /// Label scores of block `b`'s words under `model` (number `m` of the tagger's), without
    /// document evidence: each word's own part, the parts its neighbours lend it, and its
    /// context features, summed as integers and scaled once.
    fn emissions(&self, b: usize, m: usize, model: &Model) -> Vec<[f32; LABELS]> {
        self.raw_emissions(b, m, model)
            .into_iter()
            .map(|sum| model.scaled(sum))
            .collect()
    }

    /// [`Self::emissions`] before scaling.
    fn raw_emissions(&self, b: usize, m: usize, model: &Model) -> Vec<[i32; LABELS]> {
        let forms = &self.forms[b];
        let context = &self.context[b];
        let table = &self.context_sums[m];
        let (mut ids_start, mut pairs_start) = (0usize, 0usize);
        (0..forms.len())
            .map(|i| {
                let mut sum = forms[i].sums[m][0];
                for (k, (offset, _)) in WINDOW.into_iter().enumerate() {
                    let Some(o) = usize::try_from(i as i64 + offset)
                        .ok()
                        .and_then(|j| forms.get(j))
                    else {
                        continue;
                    };
                    for (s, v) in sum.iter_mut().zip(&o.sums[m][k + 1]) {
                        *s += v;
                    }
                }
                let (ids_end, pairs_end) = context.ends[i];
                for &id in &context.ids[ids_start..ids_end as usize] {
                    for (s, v) in sum.iter_mut().zip(&table[usize::from(id)]) {
                        *s += v;
                    }
                }
                model.raw_scores(&context.pairs[pairs_start..pairs_end as usize], &mut sum);
                (ids_start, pairs_start) = (ids_end as usize, pairs_end as usize);
                sum
            })
            .collect()
    }

    /// Tags every block with the first stage and gives the blocks the document evidence
    /// that makes.
    fn set_first_stage_evidence(&mut self, tagger: &Tagger) {
        let first: Vec<Vec<Label>> = (0..self.built.len())
            .map(|b| {
                decode::viterbi(
                    &self.emissions(b, 0, &tagger.first),
                    &tagger.first.transitions,
                )
            })
            .collect();
        set_document_evidence(&mut self.built, &first);
    }

    /// Label scores of block `b`'s words under the second stage's `model`: as
    /// [`Self::emissions`], with the document evidence added before scaling (as training
    /// sums them: see `scores::emissions`).
    fn with_evidence(
        &self,
        b: usize,
        tagger: &Tagger,
        model: &Model,
        memo: &mut FormMemo,
    ) -> Vec<[f32; LABELS]> {
        let mut sums = self.raw_emissions(b, 1, model);
        for (i, sum) in sums.iter_mut().enumerate() {
            if let Some(pattern) = self.built[b].evidence_pattern(i) {
                let evidence = memo.evidence(pattern, tagger.id, model);
                for (s, e) in sum.iter_mut().zip(evidence) {
                    *s += e;
                }
            }
        }
        sums.into_iter().map(|sum| model.scaled(sum)).collect()
    }
}
/// The context features of a block's words, flattened: numbered ones and hashed pairs.
struct ContextFeatures {
    ids: Vec<context::Id>,
    pairs: Vec<u64>,
    /// Per word, the ends of its features in `ids` and in `pairs`.
    ends: Vec<(u32, u32)>,
}

impl ContextFeatures {
    fn of(block: &Block) -> ContextFeatures {
        let mut ids = Vec::with_capacity(block.len() * 8);
        let mut pairs = Vec::with_capacity(block.len() * 2);
        let mut ends = Vec::with_capacity(block.len());
        for i in 0..block.len() {
            block.context(i, &mut ids, &mut pairs);
            ends.push((ids.len() as u32, pairs.len() as u32));
        }
        ContextFeatures { ids, pairs, ends }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::words;

    const TEXT: &str = "قال وزير الخارجية المصري سامح شكري في القاهرة إن الاتحاد الأوروبي \
        سيعقد اجتماعاً مع شكري يوم الأحد. وأكد شكري أن وفداً من الأمم المتحدة يزور القاهرة.";

    /// The memo's sums (per form, per part, then context, then evidence) give the scores of
    /// the hashed features word by word, to the last bit, in both stages, on a fresh memo
    /// and on one that already holds every form.
    #[test]
    fn memoised_scores_are_the_hashed_features_scores() {
        let tagger = Tagger::embedded();
        let second = tagger
            .second
            .as_ref()
            .expect("the shipped model has two stages");
        let lex = Lexicon::load();
        let cut = words(TEXT, 0..TEXT.len());
        let (a, b) = cut.split_at(14);
        let blocks: Vec<&[Word]> = vec![a, b];
        let mut hashed: Vec<Block> = blocks.iter().map(|w| Block::new(w, &lex)).collect();
        let first_hashed: Vec<Vec<[f32; LABELS]>> = hashed
            .iter()
            .map(|b| scores::emissions(&tagger.first, b))
            .collect();
        let first_labels: Vec<Vec<Label>> = first_hashed
            .iter()
            .map(|e| decode::viterbi(e, &tagger.first.transitions))
            .collect();
        set_document_evidence(&mut hashed, &first_labels);
        let mut memo = FormMemo::default();
        for round in 0..2 {
            let mut read = tagger.read(&blocks, &lex, &mut memo);
            for (k, expected) in first_hashed.iter().enumerate() {
                assert_eq!(
                    &read.emissions(k, 0, &tagger.first),
                    expected,
                    "round {round}"
                );
            }
            read.set_first_stage_evidence(tagger);
            for (k, block) in hashed.iter().enumerate() {
                assert_eq!(
                    read.with_evidence(k, tagger, second, &mut memo),
                    scores::emissions(second, block),
                    "round {round}"
                );
            }
        }
        assert!(
            memo.hits >= memo.lookups / 2,
            "the second round found every form"
        );
    }

    /// A memo filled for one tagger is emptied, not trusted, by another.
    #[test]
    fn a_memo_belongs_to_one_tagger() {
        let lex = Lexicon::load();
        let cut = words(TEXT, 0..TEXT.len());
        let blocks: Vec<&[Word]> = vec![&cut];
        let mut memo = FormMemo::default();
        let shipped = Tagger::embedded().tag_document(&blocks, &lex, &mut memo);
        let empty = Tagger::new(Model::default());
        let tagged = empty.tag_document(&blocks, &lex, &mut memo);
        assert!(tagged[0].labels.iter().all(|l| *l == Label::O));
        assert!(shipped[0].labels.iter().any(|l| *l != Label::O));
        assert_eq!(
            Tagger::embedded().tag_document(&blocks, &lex, &mut memo),
            shipped
        );
    }
}
