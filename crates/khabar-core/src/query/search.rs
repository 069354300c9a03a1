//! Arabic-aware full-text search over articles: an inverted index built once at load time,
//! queried on every keystroke of the search box, and the hit ranges the reader highlights.
//!
//! Matching goes through [`crate::text::normalize::fold`] (hamza/alef forms, ى/ي, ة/ه,
//! tashkeel, tatweel, digits, ASCII case) and is clitic-aware: every word of an article is
//! indexed under all its readings of [`crate::text::words::stems`], so `باكو` finds `وباكو`,
//! `لباكو`, `بباكو`, and `الرئيس` finds `والرئيس` and `للرئيس`.
//!
//! # How the index is laid out
//!
//! - **Terms**: every distinct reading, folded, sorted by bytes and stored concatenated in one
//!   string with start offsets — a sorted array on which an exact word is one binary search and
//!   a prefix is the contiguous range between two binary searches (never a scan of all terms).
//! - **Postings**: per term, the sorted article numbers that contain it (no positions).
//! - **Forms and sequence** (a forward index): each distinct folded word form of the corpus
//!   has an id; per term, the forms that have it among their readings; each article is kept
//!   as the sequence of its word forms, with a break between headline and paragraphs.
//!   A phrase is verified only in the articles that hold all its words: each phrase word
//!   becomes a bitset over forms (the forms of its term, or of every term of a prefix's
//!   range), so a phrase whose last word is still being typed costs the same, and a position
//!   is checked with one bit test.
//!
//! A query is an AND of clauses. The candidate sets of the clauses are sorted slices (an
//! exact term), or the union of the postings of a prefix's terms — gathered and sorted when
//! they are few, a bitset over articles when they are many (a one-letter prefix) — and are
//! intersected smallest first.

use crate::extract::annotations::article_ranges;
use crate::text::document::Document;
use crate::text::words::{Stem, Word, span, stems, words};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Marks the boundary between two ranges (headline, paragraphs) in an article's sequence:
/// phrases never run across it.
const BREAK: u32 = u32::MAX;

/// One word of a query, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The folded word.
    pub folded: String,
    /// Matches any reading that starts with `folded` (the word being typed).
    pub prefix: bool,
}

impl Term {
    /// Whether a folded reading of a text word matches this term.
    fn matches(&self, reading: &str) -> bool {
        if self.prefix {
            reading.starts_with(&self.folded)
        } else {
            reading == self.folded
        }
    }
}

/// One condition of a query; an article must satisfy all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// A word anywhere in the article.
    Word(Term),
    /// Consecutive words, within one headline or paragraph.
    Phrase(Vec<Term>),
}

/// A parsed search-box query.
///
/// Words must all match (AND); `"quoted phrases"` must match as consecutive words (`«…»` and
/// `“…”` quote too). When the text does not end with a space or punctuation, its last word —
/// also the last word of a phrase whose closing quote is not typed yet — matches as a prefix,
/// so results appear while typing. Other words match whole, after the text's clitics are
/// stripped.
///
/// ```
/// use khabar_core::query::search::{Clause, Query, Term};
/// let q = Query::parse("أذربيجان \"قوات حفظ\" روس");
/// assert_eq!(q.clauses.len(), 3);
/// assert_eq!(q.clauses[0], Clause::Word(Term { folded: "اذربيجان".into(), prefix: false }));
/// assert!(matches!(&q.clauses[1], Clause::Phrase(words) if words.len() == 2));
/// assert_eq!(q.clauses[2], Clause::Word(Term { folded: "روس".into(), prefix: true }));
/// assert!(!Query::parse("روس ").clauses.iter().any(|c| matches!(c, Clause::Word(t) if t.prefix)));
/// assert!(Query::parse("  ").is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '«' | '»' | '“' | '”')
}

impl Query {
    /// Parses what the reviewer typed.
    pub fn parse(text: &str) -> Query {
        let mut clauses = Vec::new();
        let mut quoted = false;
        let mut start = 0;
        let mut segments: Vec<(Range<usize>, bool)> = Vec::new();
        for (i, c) in text.char_indices() {
            if is_quote(c) {
                segments.push((start..i, quoted));
                quoted = !quoted;
                start = i + c.len_utf8();
            }
        }
        segments.push((start..text.len(), quoted));
        for (range, quoted) in segments {
            let mut terms: Vec<Term> = words(text, range)
                .into_iter()
                .map(|w| Term {
                    prefix: w.range.end == text.len(),
                    folded: w.folded,
                })
                .collect();
            if quoted && terms.len() > 1 {
                clauses.push(Clause::Phrase(terms));
            } else {
                clauses.extend(terms.drain(..).map(Clause::Word));
            }
        }
        Query { clauses }
    }

    /// True when the query has no words: it matches every article.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}

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
    postings: Vec<u32>,
    /// Number of distinct folded word forms.
    form_count: usize,
    /// Forms having term `t` among their readings:
    /// `term_forms[term_form_bounds[t]..term_form_bounds[t + 1]]`.
    term_form_bounds: Vec<usize>,
    term_forms: Vec<u32>,
    /// Word forms of article `a`: `sequence[article_bounds[a]..article_bounds[a + 1]]`.
    article_bounds: Vec<usize>,
    sequence: Vec<u32>,
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
    sequence: Vec<u32>,
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

/// A set of article numbers while a query is evaluated.
enum Set<'a> {
    Sorted(std::borrow::Cow<'a, [u32]>),
    /// One bit per article.
    Bits(Vec<u64>),
}

impl Set<'_> {
    fn size(&self) -> usize {
        match self {
            Set::Sorted(s) => s.len(),
            Set::Bits(b) => b.iter().map(|w| w.count_ones() as usize).sum(),
        }
    }

    fn into_sorted(self) -> Vec<u32> {
        match self {
            Set::Sorted(s) => s.into_owned(),
            Set::Bits(bits) => {
                let mut out = Vec::new();
                for (i, &word) in bits.iter().enumerate() {
                    let mut w = word;
                    while w != 0 {
                        out.push((i * 64) as u32 + w.trailing_zeros());
                        w &= w - 1;
                    }
                }
                out
            }
        }
    }

    /// Keeps the members of sorted `items` that are in this set.
    fn retain_in(&self, items: &mut Vec<u32>) {
        match self {
            Set::Bits(bits) => {
                items.retain(|&a| bits[a as usize / 64] & (1 << (a % 64)) != 0);
            }
            Set::Sorted(sorted) => {
                let mut rest: &[u32] = sorted;
                items.retain(|&a| {
                    let i = rest.partition_point(|&x| x < a);
                    rest = &rest[i..];
                    rest.first() == Some(&a)
                });
            }
        }
    }
}

/// Keeps the articles in every set (smallest first); `None` when there are no sets.
fn intersect(mut sets: Vec<Set<'_>>) -> Option<Vec<u32>> {
    sets.sort_by_cached_key(Set::size);
    let mut sets = sets.into_iter();
    let mut result = sets.next()?.into_sorted();
    for set in sets {
        if result.is_empty() {
            break;
        }
        set.retain_in(&mut result);
    }
    Some(result)
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

/// Build time and per-keystroke latency (parse + search, typing realistic queries letter by
/// letter) of the search index over `articles` of `documents`, as lines for `khabar bench`.
pub fn bench_report<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
    articles: &[(usize, usize)],
) -> String {
    use std::fmt::Write;
    use std::time::Instant;
    const QUERIES: [&str; 5] = [
        "باكو",
        "بوتين",
        "\"قوات حفظ السلام\"",
        "أذربيجان روسيا",
        "الرئيس الروسي",
    ];
    const REPEAT: usize = 5;
    let started = Instant::now();
    let index = SearchIndex::build(documents, articles);
    let built = started.elapsed().as_secs_f64() * 1e3;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "search index  {} articles, {} words, {} terms, {} postings, {:.1} MB: built in {built:.1} ms",
        index.len(),
        index.sequence.len(),
        index.term_count(),
        index.postings.len(),
        index.heap_bytes() as f64 / 1e6
    );
    let mut all = Vec::new();
    for query in QUERIES {
        let mut times = Vec::new();
        let mut found = 0;
        for _ in 0..REPEAT {
            let mut typed = String::new();
            for c in query.chars() {
                typed.push(c);
                let started = Instant::now();
                found = index.search(&Query::parse(&typed)).len();
                times.push(started.elapsed().as_secs_f64() * 1e3);
            }
        }
        let _ = writeln!(
            out,
            "  typing {query:<22} {} keystrokes: {}   ({found} articles at the end)",
            query.chars().count(),
            min_median_max(&mut times)
        );
        all.extend(times);
    }
    let _ = writeln!(
        out,
        "  every keystroke              {}",
        min_median_max(&mut all)
    );
    out
}

fn min_median_max(times: &mut [f64]) -> String {
    times.sort_by(f64::total_cmp);
    match (times.first(), times.last()) {
        (Some(min), Some(max)) => format!(
            "min {min:.3} / median {:.3} / max {max:.3} ms",
            times[times.len() / 2]
        ),
        _ => "no keystrokes".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
