//! Annotated text in the CoNLL form (one token and its BIO tag per line, a blank line between
//! sentences), turned into what the tagger reads — our own words of the sentence's text — and
//! scored the CoNLL way: exact spans, per class and micro-averaged.

use crate::extract::entities::tagger::label::{Class, Label};
use crate::text::words::{Word, words};
use std::collections::BTreeMap;

/// A sentence of a CoNLL file, as the tagger sees it.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// The tokens joined by single spaces.
    pub text: String,
    /// Our words of `text` (a token may hold none, e.g. a lone comma, or several).
    pub words: Vec<Word>,
    /// Per word: the gold label (a token's B-tag goes to its first word, I to the rest).
    pub gold: Vec<Label>,
    /// Per token: its gold label and the index of its first word, if it has one.
    pub tokens: Vec<(Label, Option<usize>)>,
}

/// Why a CoNLL file cannot be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("line {line}: expected a token and a tag")]
pub struct ConllError {
    pub line: usize,
}

impl Sentence {
    /// Per CoNLL token: the label `word_labels` gives its first word (O for a token with no
    /// word), and its gold label — what exact-span scoring compares.
    pub fn token_labels(&self, word_labels: &[Label]) -> (Vec<Label>, Vec<Label>) {
        self.tokens
            .iter()
            .map(|(gold, w)| (w.map_or(Label::O, |w| word_labels[w]), *gold))
            .unzip()
    }
}

/// Reads a CoNLL file: the token is the first column, the tag the last.
pub fn read(source: &str) -> Result<Vec<Sentence>, ConllError> {
    let mut sentences = Vec::new();
    let mut current: Vec<(&str, Label)> = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.is_empty() {
                sentences.push(sentence(&current));
                current.clear();
            }
            continue;
        }
        let mut cols = line.split_whitespace();
        let (Some(token), Some(tag)) = (cols.next(), cols.next_back()) else {
            return Err(ConllError { line: n + 1 });
        };
        current.push((token, Label::parse(tag)));
    }
    if !current.is_empty() {
        sentences.push(sentence(&current));
    }
    Ok(sentences)
}

fn sentence(tokens: &[(&str, Label)]) -> Sentence {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(tokens.len());
    for (i, (t, _)) in tokens.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        starts.push(text.len());
        text.push_str(t);
    }
    let words = words(&text, 0..text.len());
    let mut gold = Vec::with_capacity(words.len());
    let mut firsts = vec![None; tokens.len()];
    for (wi, w) in words.iter().enumerate() {
        let ti = starts.partition_point(|&s| s <= w.range.start) - 1;
        let label = tokens[ti].1;
        if firsts[ti].is_none() {
            firsts[ti] = Some(wi);
            gold.push(label);
        } else {
            gold.push(label.class().map_or(Label::O, Label::inside));
        }
    }
    let tokens = tokens
        .iter()
        .zip(firsts)
        .map(|((_, l), f)| (*l, f))
        .collect();
    Sentence {
        text,
        words,
        gold,
        tokens,
    }
}

/// How many consecutive sentences of a CoNLL file make one document. ANERcorp marks no
/// article boundaries; its articles run to about a dozen sentences, and the second stage
/// only needs neighbours that are likely about the same story.
pub const SENTENCES_PER_DOCUMENT: usize = 12;

/// Groups sentences into documents of [`SENTENCES_PER_DOCUMENT`].
pub fn documents(sentences: Vec<Sentence>) -> Vec<Vec<Sentence>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for s in sentences {
        current.push(s);
        if current.len() == SENTENCES_PER_DOCUMENT {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Entity spans of a label sequence, CoNLL rules: a span starts at B-c, or at I-c after
/// anything but c; it runs while I-c follows.
pub fn spans(labels: &[Label]) -> Vec<(usize, usize, Class)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Class)> = None;
    for (i, l) in labels.iter().enumerate() {
        let continues = l.is_inside() && open.is_some_and(|(_, c)| Some(c) == l.class());
        if continues {
            continue;
        }
        if let Some((s, c)) = open.take() {
            out.push((s, i, c));
        }
        if let Some(c) = l.class() {
            open = Some((i, c));
        }
    }
    if let Some((s, c)) = open {
        out.push((s, labels.len(), c));
    }
    out
}

/// Matched, predicted and gold span counts per class.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanScores {
    pub by_class: BTreeMap<Class, (usize, usize, usize)>,
}

impl SpanScores {
    /// Adds one sentence: token labels predicted against gold.
    pub fn add(&mut self, predicted: &[Label], gold: &[Label]) {
        let p = spans(predicted);
        let g = spans(gold);
        for c in Class::ALL {
            let e = self.by_class.entry(c).or_default();
            let pc: Vec<_> = p.iter().filter(|s| s.2 == c).collect();
            let gc: Vec<_> = g.iter().filter(|s| s.2 == c).collect();
            e.0 += pc.iter().filter(|s| gc.contains(s)).count();
            e.1 += pc.len();
            e.2 += gc.len();
        }
    }

    /// (P, R, F1) of one class, or micro-averaged over `classes`.
    pub fn prf(&self, classes: &[Class]) -> (f64, f64, f64) {
        let (mut m, mut p, mut g) = (0, 0, 0);
        for c in classes {
            if let Some(e) = self.by_class.get(c) {
                m += e.0;
                p += e.1;
                g += e.2;
            }
        }
        let precision = if p == 0 { 0.0 } else { m as f64 / p as f64 };
        let recall = if g == 0 { 0.0 } else { m as f64 / g as f64 };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        (precision, recall, f1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_map_to_words_and_spans_follow_conll_rules() {
        let s = read("أعلن O\nاتحاد B-ORG\nصناعة I-ORG\n، O\n(د B-ORG\n\nفي O\n").unwrap();
        assert_eq!(s.len(), 2);
        let first = &s[0];
        assert_eq!(first.words.len(), 4, "the lone comma makes no word");
        assert_eq!(first.gold[1], Label::begin(Class::Org));
        assert_eq!(first.tokens[3], (Label::O, None));
        assert_eq!(first.tokens[4].1, Some(3));
        let o = Label::O;
        let bp = Label::begin(Class::Pers);
        let ip = Label::inside(Class::Pers);
        let il = Label::inside(Class::Loc);
        assert_eq!(
            spans(&[bp, ip, o, il, il, bp, bp]),
            [
                (0, 2, Class::Pers),
                (3, 5, Class::Loc),
                (5, 6, Class::Pers),
                (6, 7, Class::Pers)
            ]
        );
        let mut scores = SpanScores::default();
        scores.add(&[bp, ip, o], &[bp, o, o]);
        assert_eq!(scores.by_class[&Class::Pers], (0, 1, 1));
        assert_eq!(read("token\n").unwrap_err(), ConllError { line: 1 });
    }
}
