//! The inverted index itself (see the layout in [`crate::query::search`]): built once at
//! load time in parallel, checked when read from the cache, and searched per keystroke.

use crate::extract::annotations::article_ranges;
use crate::query::search::query::{Clause, Query, Term};
use crate::query::search::sets::{Set, intersect};
use crate::text::document::Document;
use crate::text::words::{Word, stems, words};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Marks the boundary between two ranges (headline, paragraphs) in an article's sequence:
/// phrases never run across it.
const BREAK: u32 = u32::MAX;

/// The search index of a corpus's articles (headline and body of each).
///
/// ```
/// use khabar_core::text::decode::decode;
/// use khabar_core::text::document::Document;
/// use khabar_core::query::search::{Query, SearchIndex};
/// use khabar_core::text::segment::Segmenter;
/// let text = "وصول الوفد إلى باكو\n\nوصل الوفد الروسي أمس إلى العاصمة الأذربيجانية، وقال مسؤول في باكو إن المحادثات ستتناول ملف قوات حفظ السلام.";
/// let doc = Document::new("a.txt".into(), None, decode(text.as_bytes()).unwrap(), &Segmenter::default());
/// let index = SearchIndex::build(&[doc], &[(0, 0)]);
/// assert_eq!(index.search(&Query::parse("باكو")), [0]);
/// assert_eq!(index.search(&Query::parse("\"حفظ السلام\" الاذربيجانيه")), [0]);
/// assert_eq!(index.search(&Query::parse("الأذرب")), [0], "prefix");
/// assert!(index.search(&Query::parse("موسكو")).is_empty());
/// assert!(index.search(&Query::parse("\"السلام حفظ\"")).is_empty());
/// ```
#[derive(Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct SearchIndex {
    /// Sorted terms, concatenated.
    terms: String,
    /// Start of term `t` in `terms` is `term_bounds[t]`, end `term_bounds[t + 1]`.
    term_bounds: Vec<usize>,
    /// Postings of term `t`: `postings[posting_bounds[t]..posting_bounds[t + 1]]`.
    posting_bounds: Vec<usize>,
    pub(super) postings: Vec<u32>,
    /// Number of distinct folded word forms.
    form_count: usize,
    /// Forms having term `t` among their readings:
    /// `term_forms[term_form_bounds[t]..term_form_bounds[t + 1]]`.
    term_form_bounds: Vec<usize>,
    term_forms: Vec<u32>,
    /// Word forms of article `a`: `sequence[article_bounds[a]..article_bounds[a + 1]]`.
    article_bounds: Vec<usize>,
    pub(super) sequence: Vec<u32>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("articles", &self.len())
            .field("terms", &self.term_count())
            .field("postings", &self.postings.len())
            .field("words", &self.sequence.len())
            .finish()
    }
}

/// What one article contributes, before forms get corpus-wide ids.
struct Local {
    /// Distinct folded forms of the article, in order of first appearance.
    forms: Vec<String>,
    /// Local form ids in text order, with [`BREAK`] between ranges.
    pub(super) sequence: Vec<u32>,
}

fn local(document: &Document, article: usize) -> Local {
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut sequence = Vec::new();
    for (i, range) in article_ranges(&document.articles[article])
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            sequence.push(BREAK);
        }
        for word in words(&document.text, range) {
            let next = ids.len() as u32;
            sequence.push(*ids.entry(word.folded).or_insert(next));
        }
    }
    let mut forms = vec![String::new(); ids.len()];
    for (form, id) in ids {
        forms[id as usize] = form;
    }
    Local { forms, sequence }
}

/// Folded readings of a folded word form: itself and its stems without proclitics.
fn readings(form: &str) -> Vec<String> {
    let word = Word {
        range: 0..form.len(),
        folded: form.to_owned(),
        break_after: false,
        comma_after: false,
        in_link: false,
    };
    let mut out: Vec<String> = stems(form, &word).into_iter().map(|s| s.folded).collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl SearchIndex {
    /// Indexes the headline and body of every `(document index, article index)` pair of
    /// `articles`; article numbers are positions in that slice. Runs on rayon's pool.
    pub fn build<D: std::borrow::Borrow<Document> + Sync>(
        documents: &[D],
        articles: &[(usize, usize)],
    ) -> SearchIndex {
        let locals: Vec<Local> = articles
            .par_iter()
            .map(|&(d, a)| local(documents[d].borrow(), a))
            .collect();

        // Corpus-wide form ids (sequential: one hash lookup per distinct form per article).
        let mut form_ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut forms: Vec<&str> = Vec::new();
        let remaps: Vec<Vec<u32>> = locals
            .iter()
            .map(|l| {
                l.forms
                    .iter()
                    .map(|f| {
                        let next = forms.len() as u32;
                        *form_ids.entry(f.as_str()).or_insert_with(|| {
                            forms.push(f);
                            next
                        })
                    })
                    .collect()
            })
            .collect();
        drop(form_ids);

        // Terms: every reading of every form. Sorting (reading, form) pairs gives the sorted
        // dictionary and, for each term, its forms; inverting that gives each form's terms.
        let form_readings: Vec<Vec<String>> = forms.par_iter().map(|f| readings(f)).collect();
        let mut pairs: Vec<(&str, u32)> = form_readings
            .iter()
            .enumerate()
            .flat_map(|(f, rs)| rs.iter().map(move |r| (r.as_str(), f as u32)))
            .collect();
        pairs.par_sort_unstable();
        let mut terms = String::new();
        let mut term_bounds = Vec::new();
        let mut term_form_bounds = Vec::new();
        let mut term_forms = Vec::with_capacity(pairs.len());
        for (i, &(reading, form)) in pairs.iter().enumerate() {
            if i == 0 || pairs[i - 1].0 != reading {
                term_bounds.push(terms.len());
                terms.push_str(reading);
                term_form_bounds.push(term_forms.len());
            }
            term_forms.push(form);
        }
        term_bounds.push(terms.len());
        term_form_bounds.push(term_forms.len());
        let term_count = term_bounds.len() - 1;
        drop(pairs);
        drop(form_readings);
        let (form_bounds, form_terms) = invert(&term_form_bounds, &term_forms, forms.len());

        // Each article's distinct terms, then postings by counting sort over terms.
        let article_terms: Vec<Vec<u32>> = remaps
            .par_iter()
            .map(|remap| {
                let mut ids: Vec<u32> = remap
                    .iter()
                    .flat_map(|&f| {
                        let f = f as usize;
                        form_terms[form_bounds[f]..form_bounds[f + 1]]
                            .iter()
                            .copied()
                    })
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            })
            .collect();
        let mut article_bounds_terms = Vec::with_capacity(article_terms.len() + 1);
        let mut flat = Vec::with_capacity(article_terms.iter().map(Vec::len).sum());
        for ids in &article_terms {
            article_bounds_terms.push(flat.len());
            flat.extend_from_slice(ids);
        }
        article_bounds_terms.push(flat.len());
        drop(article_terms);
        let (posting_bounds, postings) = invert(&article_bounds_terms, &flat, term_count);

        // Forward index: corpus-wide form ids in text order.
        let mut article_bounds = Vec::with_capacity(locals.len() + 1);
        let mut total = 0;
        for l in &locals {
            article_bounds.push(total);
            total += l.sequence.len();
        }
        article_bounds.push(total);
        let sequence: Vec<u32> = locals
            .par_iter()
            .zip(remaps.par_iter())
            .flat_map_iter(|(l, remap)| {
                l.sequence.iter().map(move |&id| {
                    if id == BREAK {
                        BREAK
                    } else {
                        remap[id as usize]
                    }
                })
            })
            .collect();

        SearchIndex {
            terms,
            term_bounds,
            posting_bounds,
            postings,
            form_count: forms.len(),
            term_form_bounds,
            term_forms,
            article_bounds,
            sequence,
        }
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.article_bounds.len().saturating_sub(1)
    }

    /// True when no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the index is whole and indexes `articles` articles: every bound within its
    /// array and non-decreasing, every id below its range, every term on a char boundary.
    /// An index read from a cache is checked with this before any search can index it.
    pub fn is_consistent(&self, articles: usize) -> bool {
        fn bounds_ok(bounds: &[usize], len: usize) -> bool {
            bounds.first() == Some(&0)
                && bounds.last() == Some(&len)
                && bounds.windows(2).all(|w| w[0] <= w[1])
        }
        let terms = self.term_bounds.len().saturating_sub(1);
        bounds_ok(&self.term_bounds, self.terms.len())
            && self
                .term_bounds
                .iter()
                .all(|&b| self.terms.is_char_boundary(b))
            && self.posting_bounds.len() == terms + 1
            && bounds_ok(&self.posting_bounds, self.postings.len())
            && self.term_form_bounds.len() == terms + 1
            && bounds_ok(&self.term_form_bounds, self.term_forms.len())
            && self.article_bounds.len() == articles + 1
            && bounds_ok(&self.article_bounds, self.sequence.len())
            && self.postings.iter().all(|&a| (a as usize) < articles)
            && self
                .term_forms
                .iter()
                .all(|&f| (f as usize) < self.form_count)
            && self
                .sequence
                .iter()
                .all(|&f| f == BREAK || (f as usize) < self.form_count)
    }

    /// Number of distinct terms (folded words and their clitic-free readings).
    pub fn term_count(&self) -> usize {
        self.term_bounds.len().saturating_sub(1)
    }

    /// Approximate heap size of the index in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.terms.len()
            + 8 * (self.term_bounds.len()
                + self.posting_bounds.len()
                + self.term_form_bounds.len()
                + self.article_bounds.len())
            + 4 * (self.postings.len() + self.term_forms.len() + self.sequence.len())
    }

    fn term(&self, t: usize) -> &str {
        &self.terms[self.term_bounds[t]..self.term_bounds[t + 1]]
    }

    /// Ids of the terms a query term matches: one or none for a whole word, the contiguous
    /// range of the sorted dictionary that starts with it for a prefix.
    fn term_range(&self, term: &Term) -> Range<usize> {
        let n = self.term_count();
        let key = term.folded.as_str();
        let lo = partition(n, |t| self.term(t) < key);
        let hi = if term.prefix {
            lo + partition(n - lo, |i| self.term(lo + i).starts_with(key))
        } else {
            lo + usize::from(lo < n && self.term(lo) == key)
        };
        lo..hi
    }

    /// The articles holding any term of `range`.
    fn articles_of(&self, range: Range<usize>) -> Set<'_> {
        let (from, to) = (
            self.posting_bounds[range.start],
            self.posting_bounds[range.end],
        );
        let all = &self.postings[from..to];
        if range.len() <= 1 {
            return Set::Sorted(all.into());
        }
        // Few postings: gather and sort. Many (a short prefix): one bit per article.
        if all.len() < self.len() / 16 {
            let mut v = all.to_vec();
            v.sort_unstable();
            v.dedup();
            Set::Sorted(v.into())
        } else {
            let mut bits = vec![0u64; self.len().div_ceil(64)];
            for &a in all {
                bits[a as usize / 64] |= 1 << (a % 64);
            }
            Set::Bits(bits)
        }
    }

    /// One bit per word form: set for the forms with a reading among the terms of `range`.
    fn form_mask(&self, range: Range<usize>) -> Vec<u64> {
        let mut mask = vec![0u64; self.form_count.div_ceil(64)];
        let (from, to) = (
            self.term_form_bounds[range.start],
            self.term_form_bounds[range.end],
        );
        for &f in &self.term_forms[from..to] {
            mask[f as usize / 64] |= 1 << (f % 64);
        }
        mask
    }

    /// Whether the phrase (a form mask per word) occurs in `article`'s sequence.
    fn has_phrase(&self, article: u32, masks: &[Vec<u64>]) -> bool {
        let a = article as usize;
        let seq = &self.sequence[self.article_bounds[a]..self.article_bounds[a + 1]];
        // BREAK is far beyond every mask, so it never matches.
        let hit = |mask: &[u64], f: u32| {
            mask.get(f as usize / 64)
                .is_some_and(|w| (w >> (f % 64)) & 1 != 0)
        };
        seq.windows(masks.len())
            .any(|w| w.iter().zip(masks).all(|(&f, m)| hit(m, f)))
    }

    /// Sorted numbers of the articles that match `query` (all of them for an empty query).
    pub fn search(&self, query: &Query) -> Vec<u32> {
        let mut sets = Vec::new();
        let mut phrases = Vec::new();
        for clause in &query.clauses {
            match clause {
                Clause::Word(term) => sets.push(self.term_range(term)),
                Clause::Phrase(terms) => {
                    let ranges: Vec<Range<usize>> =
                        terms.iter().map(|t| self.term_range(t)).collect();
                    sets.extend(ranges.iter().cloned());
                    phrases.push(ranges);
                }
            }
        }
        if sets.iter().any(Range::is_empty) {
            return Vec::new();
        }
        let sets = sets.into_iter().map(|r| self.articles_of(r)).collect();
        let Some(mut result) = intersect(sets) else {
            return (0..self.len() as u32).collect();
        };
        for phrase in phrases {
            if result.is_empty() {
                break;
            }
            let masks: Vec<Vec<u64>> = phrase.into_iter().map(|r| self.form_mask(r)).collect();
            result.retain(|&a| self.has_phrase(a, &masks));
        }
        result
    }
}

/// Inverts a one-to-many relation stored as `values[bounds[k]..bounds[k + 1]]` for each key
/// `k` (values below `value_count`): for each value, its keys in increasing order.
fn invert(bounds: &[usize], values: &[u32], value_count: usize) -> (Vec<usize>, Vec<u32>) {
    let mut out_bounds = vec![0usize; value_count + 1];
    for &v in values {
        out_bounds[v as usize + 1] += 1;
    }
    for v in 0..value_count {
        out_bounds[v + 1] += out_bounds[v];
    }
    let mut fill = out_bounds.clone();
    let mut out = vec![0u32; values.len()];
    for (key, pair) in bounds.windows(2).enumerate() {
        for &v in &values[pair[0]..pair[1]] {
            out[fill[v as usize]] = key as u32;
            fill[v as usize] += 1;
        }
    }
    (out_bounds, out)
}

/// First index in `0..n` where `pred` is false (`pred` true then false).
fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::search::hits::hits;
    use crate::text::decode::decode;
    use crate::text::segment::Segmenter;

    fn doc(text: &str) -> Document {
        Document::new(
            "t.txt".into(),
            None,
            decode(text.as_bytes()).unwrap(),
            &Segmenter::default(),
        )
    }

    fn index(texts: &[&str]) -> SearchIndex {
        let docs: Vec<Document> = texts.iter().map(|t| doc(t)).collect();
        let pairs: Vec<(usize, usize)> = docs
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| (0..doc.articles.len()).map(move |a| (d, a)))
            .collect();
        SearchIndex::build(&docs, &pairs)
    }

    fn found(index: &SearchIndex, q: &str) -> Vec<u32> {
        index.search(&Query::parse(q))
    }

    #[test]
    fn parse_quotes_and_prefix() {
        let q = Query::parse("«قوات حفظ» باك");
        assert_eq!(q.clauses.len(), 2);
        assert!(matches!(&q.clauses[0], Clause::Phrase(t) if t.iter().all(|t| !t.prefix)));
        assert!(matches!(&q.clauses[1], Clause::Word(t) if t.prefix && t.folded == "باك"));
        // An unclosed phrase being typed: its last word is a prefix.
        let q = Query::parse("\"قوات حفظ الس");
        assert!(
            matches!(&q.clauses[0], Clause::Phrase(t) if t.len() == 3 && t[2].prefix && !t[1].prefix)
        );
        // A closed phrase and punctuation end the word.
        let q = Query::parse("\"قوات حفظ\"");
        assert!(matches!(&q.clauses[0], Clause::Phrase(t) if !t[1].prefix));
        let q = Query::parse("باكو،");
        assert!(matches!(&q.clauses[0], Clause::Word(t) if !t.prefix));
        // A one-word phrase is a word.
        assert!(matches!(
            &Query::parse("\"باكو\" ").clauses[0],
            Clause::Word(_)
        ));
        assert_eq!(
            Query::parse("BAKU ").clauses,
            [Clause::Word(Term {
                folded: "baku".into(),
                prefix: false
            })]
        );
    }

    #[test]
    fn prefix_range_is_contiguous_and_exact() {
        let i = index(&["باكستان باكو بابا باب بوتين\n\nنص ثان"]);
        let range = i.term_range(&Term {
            folded: "باك".into(),
            prefix: true,
        });
        let terms: Vec<&str> = range.map(|t| i.term(t)).collect();
        assert_eq!(terms, ["باكستان", "باكو"]);
        assert!(
            i.term_range(&Term {
                folded: "باك".into(),
                prefix: false
            })
            .is_empty()
        );
        assert!(
            i.term_range(&Term {
                folded: "ي".into(),
                prefix: true
            })
            .is_empty()
        );
    }

    #[test]
    fn phrases_stay_within_a_paragraph() {
        let i = index(&["عنوان الخبر هنا\n\nانتهى الاجتماع في موسكو\n\nباكو تستضيف القمة"]);
        assert_eq!(found(&i, "موسكو باكو"), [0]);
        assert!(found(&i, "\"موسكو باكو\"").is_empty());
        assert_eq!(found(&i, "\"في موسكو\""), [0]);
    }

    #[test]
    fn consistency_check_rejects_every_kind_of_damage() {
        let built = index(&["باكو عاصمة أذربيجان", "وصل الوفد إلى باكو أمس"]);
        assert!(built.is_consistent(2));
        assert!(!built.is_consistent(3), "another number of articles");
        let damaged: [fn(&mut SearchIndex); 6] = [
            |i| i.postings[0] = 2,
            |i| i.sequence[0] = i.form_count as u32,
            |i| i.term_forms[0] = i.form_count as u32,
            |i| *i.term_bounds.last_mut().unwrap() += 1,
            |i| i.posting_bounds.swap(1, 2),
            |i| {
                i.article_bounds.pop();
            },
        ];
        for (n, damage) in damaged.iter().enumerate() {
            let mut index = built.clone();
            damage(&mut index);
            assert!(!index.is_consistent(2), "damage {n} not seen");
        }
        // A term bound inside a letter would panic when the term is sliced.
        let mut index = built.clone();
        if let Some(b) = index.term_bounds.iter_mut().find(|b| **b > 0) {
            *b += 1;
        }
        assert!(!index.is_consistent(2));
    }

    #[test]
    fn bitset_union_for_short_prefixes() {
        let texts: Vec<String> = (0..100)
            .map(|n| format!("خبر رقم {n}\n\nمرحبا كلمة{n} تجربة"))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let i = index(&refs);
        assert_eq!(i.len(), 100);
        assert_eq!(found(&i, "ك").len(), 100);
        assert_eq!(
            found(&i, "كلمة1").len(),
            11,
            "كلمة1 and كلمة10..19 as a prefix"
        );
        assert_eq!(found(&i, "كلمة1 "), [1]);
        assert_eq!(found(&i, "مرحبا ك").len(), 100);
    }

    #[test]
    fn hits_merge_and_order() {
        let text = "قوات حفظ السلام وقوات حفظ السلام";
        let q = Query::parse("\"قوات حفظ السلام\" حفظ");
        let lit: Vec<&str> = hits(text, std::slice::from_ref(&(0..text.len())), &q)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(lit, ["قوات حفظ السلام", "قوات حفظ السلام"]);
        assert!(
            hits(
                text,
                std::slice::from_ref(&(0..text.len())),
                &Query::default()
            )
            .is_empty()
        );
    }
}
