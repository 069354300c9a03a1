//! What the reader highlights: the byte ranges of an article's text that a query hits.

use crate::query::search::query::{Clause, Query, Term};
use crate::text::words::{Stem, span, stems, words};
use std::ops::Range;

/// Where a word of the text matches `term`: from the start of the longest matching reading
/// (the word minus the proclitics the term does not have) to the word's end.
fn matching_stem(word_stems: &[Stem], term: &Term) -> Option<usize> {
    word_stems
        .iter()
        .find(|s| term.matches(&s.folded))
        .map(|s| s.start)
}

/// Byte ranges of `text` within `ranges` that `query` hits, in text order, for highlighting:
/// a matched word from the start of its matching stem (the proclitics the query did not type
/// stay unlit) to its end, and a phrase from its first word's stem to its last word's end.
/// Overlapping hits are merged.
///
/// ```
/// use khabar_core::query::search::{Query, hits};
/// let text = "وصل الوفد إلى باكو، وفي بباكو قالت قوات حفظ السلام";
/// let lit: Vec<&str> = hits(text, &[0..text.len()], &Query::parse("باكو \"حفظ السلام\""))
///     .into_iter()
///     .map(|r| &text[r])
///     .collect();
/// assert_eq!(lit, ["باكو", "باكو", "حفظ السلام"]);
/// ```
pub fn hits(text: &str, ranges: &[Range<usize>], query: &Query) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    if query.is_empty() {
        return out;
    }
    for range in ranges {
        let ws = words(text, range.clone());
        let word_stems: Vec<Vec<Stem>> = ws.iter().map(|w| stems(text, w)).collect();
        for clause in &query.clauses {
            match clause {
                Clause::Word(term) => {
                    for (w, s) in ws.iter().zip(&word_stems) {
                        if let Some(start) = matching_stem(s, term) {
                            out.push(span(start, w));
                        }
                    }
                }
                Clause::Phrase(terms) => {
                    for i in 0..(ws.len() + 1).saturating_sub(terms.len()) {
                        let starts: Option<Vec<usize>> = terms
                            .iter()
                            .enumerate()
                            .map(|(j, t)| matching_stem(&word_stems[i + j], t))
                            .collect();
                        if let Some(starts) = starts {
                            out.push(span(starts[0], &ws[i + terms.len() - 1]));
                        }
                    }
                }
            }
        }
    }
    out.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
    for r in out {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}
