//! What the tagger knows about each word: hashed features of the word, its clitic readings,
//! its affixes and shape, the words around it, and what our gazetteers and cue lists say
//! about it and its neighbours. The same code runs in training and in tagging, so the two can
//! never disagree about a feature. What depends on the word form alone is in
//! [`WordForm`]; what depends on the context (position, pauses, multi-word gazetteer names,
//! titles, the pair of neighbouring cores, document evidence) is here.

use crate::extract::entities::kind::Kind;
use crate::extract::entities::lexicon::Lexicon;
use crate::extract::entities::tagger::context;
use crate::extract::entities::tagger::word_form::{WINDOW, WordForm, f, flag};
use crate::text::words::Word;
use std::sync::Arc;
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Bumped whenever a feature changes meaning: a model trained on other features is refused.
pub const FEATURE_VERSION: u32 = 4;

/// One word in its block.
struct WordInfo {
    form: Arc<WordForm>,
    /// The form's flags and those the context sets ([`flag::AFTER_TITLE`]).
    flags: u16,
    /// A multi-word gazetteer name covers this word: its kind and whether it starts here.
    gazetteer: Option<(Kind, bool)>,
    break_after: bool,
    comma_after: bool,
}

impl WordInfo {
    /// The flags the context set, not the form.
    fn context_flags(&self) -> u16 {
        self.flags & !self.form.flags
    }
}

/// The words of one block (a headline or paragraph) with what the lexicon says of them.
pub struct Block {
    words: Vec<WordInfo>,
    /// Per word, once a first pass has tagged the whole document: how the other
    /// occurrences of the word's core were tagged there (O, PERS, LOC, ORG, MISC counts).
    evidence: Option<Vec<[u16; 5]>>,
}

impl Block {
    pub fn new(words: &[Word], lex: &Lexicon) -> Block {
        let forms = words
            .iter()
            .map(|w| Arc::new(WordForm::new(&w.folded, lex)))
            .collect();
        Block::of_forms(words, forms, lex)
    }

    /// A block of `words` whose forms are known already (`forms[i]` is `words[i]`'s).
    pub fn of_forms(words: &[Word], forms: Vec<Arc<WordForm>>, lex: &Lexicon) -> Block {
        debug_assert_eq!(words.len(), forms.len());
        let mut infos: Vec<WordInfo> = words
            .iter()
            .zip(forms)
            .map(|(w, form)| WordInfo {
                flags: form.flags,
                form,
                gazetteer: None,
                break_after: w.break_after,
                comma_after: w.comma_after,
            })
            .collect();
        mark_gazetteer_names(&mut infos, lex);
        mark_after_titles(&mut infos, lex);
        Block {
            words: infos,
            evidence: None,
        }
    }

    /// The core of word `i` (the key of document evidence).
    pub fn core(&self, i: usize) -> &str {
        &self.words[i].form.core
    }

    /// Forgets the document evidence (the first stage reads blocks alone).
    pub fn clear_evidence(&mut self) {
        self.evidence = None;
    }

    /// Sets what the first pass said about the other occurrences of each word's core.
    pub fn set_evidence(&mut self, evidence: Vec<[u16; 5]>) {
        debug_assert_eq!(evidence.len(), self.words.len());
        self.evidence = Some(evidence);
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The hashed features of word `i`, appended to `out`: [`Self::word_features`], then
    /// [`Self::evidence_features`].
    pub fn features(&self, i: usize, out: &mut Vec<u64>) {
        self.word_features(i, out);
        self.evidence_features(i, out);
    }

    /// The features of the document evidence of word `i` (none before it is set).
    pub fn evidence_features(&self, i: usize, out: &mut Vec<u64>) {
        if let Some(pattern) = self.evidence_pattern(i) {
            evidence_pattern_features(pattern, out);
        }
    }

    /// What the document evidence of word `i` says, as a number below
    /// [`EVIDENCE_PATTERNS`]: per class (O, PERS, LOC, ORG, MISC), whether none, some or
    /// most of the word's other occurrences were tagged so. `None` before it is set.
    pub fn evidence_pattern(&self, i: usize) -> Option<usize> {
        let counts = self.evidence.as_ref()?[i];
        let others: u16 = counts.iter().sum();
        Some(counts.iter().rev().fold(0, |pattern, &c| {
            let share = match c {
                0 => 0,
                c if c * 2 > others => 2,
                _ => 1,
            };
            pattern * 3 + share
        }))
    }

    /// The features of word `i` and its neighbours, which document evidence leaves alone:
    /// those of the forms ([`WordForm::own_features`], [`WordForm::neighbour_features`]) and
    /// [`Self::context_features`].
    pub fn word_features(&self, i: usize, out: &mut Vec<u64>) {
        self.words[i].form.own_features(out);
        for (offset, template) in WINDOW {
            if let Some(o) = self.neighbour(i, offset) {
                o.form.neighbour_features(template, offset.abs() == 1, out);
            }
        }
        self.context_features(i, out);
    }

    fn neighbour(&self, i: usize, offset: i64) -> Option<&WordInfo> {
        usize::try_from(i as i64 + offset)
            .ok()
            .and_then(|j| self.words.get(j))
    }

    /// The features of word `i` that its context sets: its place in the block, the pauses
    /// around it, multi-word names and titles around it, the block's edges, and the pairs of
    /// its core with its neighbours'.
    pub fn context_features(&self, i: usize, out: &mut Vec<u64>) {
        let mut ids = Vec::new();
        self.context(i, &mut ids, out);
        out.extend(ids.into_iter().map(context::hash));
    }

    /// [`Self::context_features`] as the tagger reads them: the numbered ones appended to
    /// `ids`, the pairs of cores (hashed) to `pairs`.
    pub fn context(&self, i: usize, ids: &mut Vec<context::Id>, pairs: &mut Vec<u64>) {
        let w = &self.words[i];
        let flags = w.context_flags();
        for bit in 0..flag::COUNT {
            if flags & (1 << bit) != 0 {
                ids.push(context::own_flag(bit));
            }
        }
        if let Some((kind, begins)) = w.gazetteer {
            ids.push(context::gazetteer(kind, begins));
        }
        let first = i == 0;
        ids.push(context::position(first));
        if i + 1 == self.words.len() {
            ids.push(context::last());
        }
        if !first {
            ids.push(context::pause(pause(&self.words[i - 1]), true));
        }
        ids.push(context::pause(pause(w), false));
        for (k, (offset, _)) in WINDOW.into_iter().enumerate() {
            let Some(o) = self.neighbour(i, offset) else {
                ids.push(context::edge(k));
                continue;
            };
            if offset.abs() == 1 {
                let flags = o.context_flags();
                for bit in 0..flag::COUNT {
                    if flags & (1 << bit) != 0 {
                        ids.push(context::near_flag(offset, bit));
                    }
                }
                if let Some((kind, begins)) = o.gazetteer {
                    ids.push(context::near_gazetteer(offset, kind, begins));
                }
            }
        }
        if i > 0 {
            pairs.push(pair(140, self.core(i - 1), self.core(i)));
        }
        if i + 1 < self.words.len() {
            pairs.push(pair(141, self.core(i), self.core(i + 1)));
        }
    }
}

/// How many evidence patterns there are: three shares for each of five classes.
pub const EVIDENCE_PATTERNS: usize = 243;

/// The features of an evidence pattern (see [`Block::evidence_pattern`]).
pub fn evidence_pattern_features(pattern: usize, out: &mut Vec<u64>) {
    if pattern == 0 {
        out.push(f(200, "alone"));
    }
    let mut rest = pattern;
    for name in ["O", "PERS", "LOC", "ORG", "MISC"] {
        match rest % 3 {
            1 => out.push(pair(201, name, "some")),
            2 => out.push(pair(201, name, "most")),
            _ => {}
        }
        rest /= 3;
    }
}

/// A feature of two values, hashed without building the pair.
fn pair(template: u64, a: &str, b: &str) -> u64 {
    xxh3_64_with_seed(b.as_bytes(), xxh3_64_with_seed(a.as_bytes(), template))
}

/// What follows a word, as an index of [`context::PAUSES`].
fn pause(w: &WordInfo) -> usize {
    match (w.break_after, w.comma_after) {
        (true, true) => 0,
        (true, false) => 1,
        _ => 2,
    }
}

/// Marks the words covered by multi-word gazetteer names, longest match first.
fn mark_gazetteer_names(words: &mut [WordInfo], lex: &Lexicon) {
    let max = lex.max_alias_words.max(1);
    let mut i = 0;
    let mut key = String::new();
    while i < words.len() {
        let mut matched = 0;
        if !words[i].form.starts_name {
            i += 1;
            continue;
        }
        let form = words[i].form.clone();
        'readings: for first in form.spellings() {
            if !lex.first_words.contains(first.as_str()) {
                continue;
            }
            for n in (2..=max.min(words.len() - i)).rev() {
                if words[i..i + n - 1].iter().any(|w| w.break_after) {
                    continue;
                }
                key.clear();
                key.push_str(first);
                for w in &words[i + 1..i + n] {
                    key.push(' ');
                    key.push_str(&w.form.folded);
                }
                if let Some(&id) = lex.aliases.get(key.as_str()) {
                    let kind = lex.entries[id].kind;
                    for (k, w) in words[i..i + n].iter_mut().enumerate() {
                        w.gazetteer = Some((kind, k == 0));
                    }
                    matched = n;
                    break 'readings;
                }
            }
        }
        i += matched.max(1);
    }
}

/// Marks the word right after a multi-word title («وزير الخارجية», «المتحدث باسم»).
fn mark_after_titles(words: &mut [WordInfo], lex: &Lexicon) {
    let max = lex.max_title_words.max(1);
    let mut key = String::new();
    for end in 1..words.len() {
        let found = (2..=max.min(end)).any(|n| {
            let start = end - n;
            if !words[start].form.starts_title || words[start..end].iter().any(|w| w.break_after) {
                return false;
            }
            words[start].form.spellings().any(|first| {
                key.clear();
                key.push_str(first);
                for w in &words[start + 1..end] {
                    key.push(' ');
                    key.push_str(&w.form.folded);
                }
                lex.titles.contains(key.as_str())
            })
        });
        if found || words[end - 1].flags & flag::TITLE != 0 && !words[end - 1].break_after {
            words[end].flags |= flag::AFTER_TITLE;
        }
    }
}
