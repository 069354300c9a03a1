//! Word forms met lately, with the label scores their features give under a tagger's
//! models. A word's own features and those it lends its neighbours depend on its form alone
//! ([`WordForm`]), and news repeats its words: computed once per form, a word costs the
//! tagger a few additions instead of ~45 hashed look-ups and its clitic readings.

use crate::extract::entities::lexicon::Lexicon;
use crate::extract::entities::tagger::context;
use crate::extract::entities::tagger::features::{EVIDENCE_PATTERNS, evidence_pattern_features};
use crate::extract::entities::tagger::label::LABELS;
use crate::extract::entities::tagger::model::Model;
use crate::extract::entities::tagger::word_form::{WINDOW, WordForm};
use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, Mutex};

/// Forms a memo keeps before it starts afresh: ~20 MB. Measured on the 10k bench corpus and
/// the ANERcorp test split (BENCHMARKS.md, sixth round).
const MAX_FORMS: usize = 1 << 15;

/// The parts of a word's label scores that its form decides: its own, then what it lends
/// the neighbour at each [`WINDOW`] offset.
pub const PARTS: usize = 1 + WINDOW.len();

/// One form and its raw (integer, unscaled) label sums under each model of a tagger.
#[derive(Debug)]
pub struct FormScores {
    pub form: Arc<WordForm>,
    /// `sums[model][part]`.
    pub sums: Vec<[[i32; LABELS]; PARTS]>,
}

/// The forms one thread met lately, for one tagger and one lexicon.
#[derive(Debug, Default)]
pub struct FormMemo {
    /// The tagger the sums were computed for (see `Tagger::id`); another one empties it.
    owner: u64,
    forms: HashMap<Box<str>, Arc<FormScores>>,
    /// The raw sums of each document-evidence pattern under the last model (filled as met).
    evidence: Vec<Option<[i32; LABELS]>>,
    /// Per model, the raw sums of each numbered context feature (`context::Id`).
    context: Vec<Vec<[i32; LABELS]>>,
    buf: Vec<u64>,
    /// Look-ups and those that found the form (the tests check the memo serves).
    pub lookups: u64,
    pub hits: u64,
}

impl FormMemo {
    /// Empties the memo if it was another tagger's.
    fn own(&mut self, owner: u64) {
        if owner != self.owner {
            self.forms.clear();
            self.evidence.clear();
            self.context.clear();
            self.owner = owner;
        }
    }

    /// The raw sums of each numbered context feature under each of `models` (the tagger
    /// `owner`'s), indexed `[model][id]`.
    pub fn context(&mut self, owner: u64, models: &[&Model]) -> &[Vec<[i32; LABELS]>] {
        self.own(owner);
        if self.context.is_empty() {
            self.context = models
                .iter()
                .map(|model| {
                    (0..context::COUNT)
                        .map(|id| {
                            let mut sum = [0; LABELS];
                            model.raw_scores(&[context::hash(id as context::Id)], &mut sum);
                            sum
                        })
                        .collect()
                })
                .collect();
        }
        &self.context
    }

    /// The raw sums of document-evidence pattern `pattern` (see `Block::evidence_pattern`)
    /// under `model`, the last of the tagger `owner`'s models.
    pub fn evidence(&mut self, pattern: usize, owner: u64, model: &Model) -> [i32; LABELS] {
        self.own(owner);
        if self.evidence.is_empty() {
            self.evidence = vec![None; EVIDENCE_PATTERNS];
        }
        *self.evidence[pattern].get_or_insert_with(|| {
            self.buf.clear();
            evidence_pattern_features(pattern, &mut self.buf);
            let mut sum = [0; LABELS];
            model.raw_scores(&self.buf, &mut sum);
            sum
        })
    }

    /// The scores of form `folded` under `models` (a tagger's, whose id is `owner`).
    pub fn get(
        &mut self,
        folded: &str,
        owner: u64,
        models: &[&Model],
        lex: &Lexicon,
    ) -> Arc<FormScores> {
        self.own(owner);
        self.lookups += 1;
        if let Some(found) = self.forms.get(folded) {
            self.hits += 1;
            return found.clone();
        }
        if self.forms.len() >= MAX_FORMS {
            self.forms.clear();
        }
        let form = Arc::new(WordForm::new(folded, lex));
        let sums = models
            .iter()
            .map(|model| {
                let mut parts = [[0i32; LABELS]; PARTS];
                self.buf.clear();
                form.own_features(&mut self.buf);
                model.raw_scores(&self.buf, &mut parts[0]);
                for (k, (offset, template)) in WINDOW.into_iter().enumerate() {
                    self.buf.clear();
                    form.neighbour_features(template, offset.abs() == 1, &mut self.buf);
                    model.raw_scores(&self.buf, &mut parts[k + 1]);
                }
                parts
            })
            .collect();
        let scores = Arc::new(FormScores { form, sums });
        self.forms.insert(folded.into(), scores.clone());
        scores
    }
}

/// One [`FormMemo`] per worker thread of the rayon pool (and one for any other thread), for
/// one pass of one tagger over a corpus: no thread waits for another's memo.
#[derive(Debug)]
pub struct FormMemos(Vec<Mutex<FormMemo>>);

impl Default for FormMemos {
    fn default() -> Self {
        FormMemos(
            (0..=rayon::current_num_threads())
                .map(|_| Mutex::default())
                .collect(),
        )
    }
}

impl FormMemos {
    /// Runs `f` with the memo of the calling thread.
    pub fn with<R>(&self, f: impl FnOnce(&mut FormMemo) -> R) -> R {
        let slot = rayon::current_thread_index()
            .filter(|i| *i < self.0.len() - 1)
            .unwrap_or(self.0.len() - 1);
        // A panic while tagging leaves a memo whose entries are each whole (inserted after
        // being computed): still good to use.
        let mut memo = self.0[slot].lock().unwrap_or_else(|e| e.into_inner());
        f(&mut memo)
    }
}
