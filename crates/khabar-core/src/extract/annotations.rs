//! Corpus-level extraction: entities of every article, with propagation across the corpus
//! (a person named in full in one article is recognised by surname in all of them).

use crate::extract::dates::ArticleDates;
use crate::extract::entities::lexicon::Lexicon;
use crate::extract::entities::tagger::form_memo::FormMemos;
use crate::extract::entities::{
    Entity, FirstPass, KnownPeople, Mention, Recognizer, canonical_names, group,
};
use crate::loader::stage::Stage;
use crate::text::article::Article;
use crate::text::document::Document;
use rayon::prelude::*;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// What extraction found, indexed like the corpus: `[document][article]`.
#[derive(Debug, Default, Clone)]
pub struct Annotations {
    pub entities: Vec<Vec<Vec<Entity>>>,
    /// Publication date and date mentions of every article.
    pub dates: Vec<Vec<ArticleDates>>,
}

/// The text ranges extraction looks at: an article's headline and body, nothing else.
pub fn article_ranges(article: &Article) -> Vec<Range<usize>> {
    article
        .title
        .iter()
        .cloned()
        .chain(article.body.iter().cloned())
        .collect()
}

/// What a long extraction reports to, and is stopped by.
pub struct Watch<'a> {
    pub cancel: &'a AtomicBool,
    /// `(stage, done, total)`, called from the worker threads as documents finish.
    pub progress: &'a (dyn Fn(Stage, usize, usize) + Sync),
}

static NEVER: AtomicBool = AtomicBool::new(false);

fn ignore(_: Stage, _: usize, _: usize) {}

impl Watch<'static> {
    /// Never cancelled, reports to no one (the command line, benchmarks and tests).
    pub fn unwatched() -> Watch<'static> {
        Watch {
            cancel: &NEVER,
            progress: &ignore,
        }
    }
}

impl Watch<'_> {
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// `f` for every item in parallel, results in order, reporting progress as `stage` with
    /// `done` counted from `offset` of `total`; `None` once cancelled (items not yet started
    /// are skipped, so a cancel takes effect within one document's time).
    fn each<I, T, F>(
        &self,
        stage: Stage,
        (offset, total): (usize, usize),
        items: Vec<I>,
        f: F,
    ) -> Option<Vec<T>>
    where
        I: Send,
        T: Send,
        F: Fn(I) -> T + Sync,
    {
        let done = AtomicUsize::new(0);
        let count = items.len();
        let out: Vec<Option<T>> = items
            .into_par_iter()
            .map(|item| {
                if self.is_cancelled() {
                    return None;
                }
                let value = f(item);
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                // Every 64th document: progress is for the eye, not an event per file.
                if n.is_multiple_of(64) || n == count {
                    (self.progress)(stage, offset + n, total);
                }
                Some(value)
            })
            .collect();
        if self.is_cancelled() {
            return None;
        }
        out.into_iter().collect()
    }
}

/// The dates of every article of `documents`.
pub fn dates_of<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
) -> Vec<Vec<ArticleDates>> {
    dates_watched(documents, &Watch::unwatched()).unwrap_or_default()
}

fn dates_watched<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
    watch: &Watch<'_>,
) -> Option<Vec<Vec<ArticleDates>>> {
    let n = documents.len();
    watch.each(Stage::Dates, (0, n), documents.iter().collect(), |doc| {
        let doc = doc.borrow();
        doc.articles
            .iter()
            .map(|a| ArticleDates::extract(&doc.text, a))
            .collect()
    })
}

/// Extracts entities and dates from every article of `documents`.
pub fn annotate<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
    lexicon: &Lexicon,
) -> Annotations {
    annotate_watched(documents, lexicon, &Watch::unwatched()).unwrap_or_default()
}

/// Like [`annotate`], reporting progress and stopping when cancelled: `Err(stage)` names the
/// stage that was cancelled.
pub fn annotate_watched<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
    lexicon: &Lexicon,
    watch: &Watch<'_>,
) -> Result<Annotations, Stage> {
    let recognizer = Recognizer::new(lexicon);
    let first = first_pass_watched(documents, &recognizer, watch).ok_or(Stage::Names)?;
    let known = learn_people(documents, &first);
    let second =
        second_pass_watched(documents, &recognizer, first, &known, watch).ok_or(Stage::Names)?;
    let second = with_model(documents, lexicon, second, watch).ok_or(Stage::Names)?;
    let dates = dates_watched(documents, watch).ok_or(Stage::Dates)?;
    let names = canonical_names(second.iter().flatten().flatten());
    Ok(Annotations {
        dates,
        entities: second
            .iter()
            .map(|articles| articles.iter().map(|m| group(m, &names)).collect())
            .collect(),
    })
}

/// The rules' mentions of every article reconciled with the tagger's (a stage of
/// [`annotate`]), indexed like the corpus.
pub fn tagger_pass<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
    lexicon: &Lexicon,
    rules: Vec<Vec<Vec<Mention>>>,
) -> Vec<Vec<Vec<Mention>>> {
    with_model(documents, lexicon, rules, &Watch::unwatched()).unwrap_or_default()
}

/// The rules' mentions of every article reconciled with the tagger's.
fn with_model<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
    lexicon: &Lexicon,
    rules: Vec<Vec<Vec<Mention>>>,
    watch: &Watch<'_>,
) -> Option<Vec<Vec<Vec<Mention>>>> {
    let n = documents.len();
    let tagger = crate::extract::entities::tagger::Tagger::embedded();
    let memos = FormMemos::default();
    let paired: Vec<(&D, Vec<Vec<Mention>>)> = documents.iter().zip(rules).collect();
    watch.each(Stage::Names, (n, 2 * n), paired, |(doc, rules)| {
        let doc = doc.borrow();
        doc.articles
            .iter()
            .zip(rules)
            .map(|(a, rules)| {
                let model = memos.with(|memo| {
                    crate::extract::entities::model_mentions::model_mentions(
                        tagger,
                        &doc.text,
                        &article_ranges(a),
                        lexicon,
                        memo,
                    )
                });
                crate::extract::entities::reconcile::reconcile(&doc.text, rules, model, lexicon)
            })
            .collect()
    })
}

/// Entity recognition's first pass over every article, no people known yet (a stage of
/// [`annotate`]), indexed like the corpus.
pub fn first_pass<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
    recognizer: &Recognizer,
) -> Vec<Vec<FirstPass>> {
    first_pass_watched(documents, recognizer, &Watch::unwatched()).unwrap_or_default()
}

/// The first pass counts as the first half of the names stage (2 × documents units).
fn first_pass_watched<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
    recognizer: &Recognizer,
    watch: &Watch<'_>,
) -> Option<Vec<Vec<FirstPass>>> {
    let n = documents.len();
    watch.each(
        Stage::Names,
        (0, 2 * n),
        documents.iter().collect(),
        |doc| {
            let doc = doc.borrow();
            doc.articles
                .iter()
                .map(|a| recognizer.first_pass(&doc.text, &article_ranges(a)))
                .collect()
        },
    )
}

/// The people named in full anywhere in the first pass (a stage of [`annotate`]).
pub fn learn_people<D: std::borrow::Borrow<Document>>(
    documents: &[D],
    first: &[Vec<FirstPass>],
) -> KnownPeople {
    let mut known = KnownPeople::default();
    for (doc, articles) in documents.iter().zip(first) {
        let doc = doc.borrow();
        known.learn(articles.iter().flat_map(FirstPass::sorted), |m| {
            doc.text[m.range.clone()].to_owned()
        });
    }
    known
}

/// Entity recognition's second pass, with the people `known` from the first: the mentions
/// of every article, indexed like the corpus (a stage of [`annotate`]). Each article's first
/// pass is consumed by its second, so that the two are never all in memory at once.
pub fn second_pass<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
    recognizer: &Recognizer,
    first: Vec<Vec<FirstPass>>,
    known: &KnownPeople,
) -> Vec<Vec<Vec<Mention>>> {
    second_pass_watched(documents, recognizer, first, known, &Watch::unwatched())
        .unwrap_or_default()
}

/// The second pass counts as the second half of the names stage.
fn second_pass_watched<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
    recognizer: &Recognizer,
    first: Vec<Vec<FirstPass>>,
    known: &KnownPeople,
    watch: &Watch<'_>,
) -> Option<Vec<Vec<Vec<Mention>>>> {
    let n = documents.len();
    let candidates = known.stem_hashes();
    let paired: Vec<(&D, Vec<FirstPass>)> = documents.iter().zip(first).collect();
    watch.each(Stage::Names, (n, 2 * n), paired, |(doc, firsts)| {
        let doc = doc.borrow();
        doc.articles
            .iter()
            .zip(firsts)
            .map(|(a, first)| {
                let ranges = article_ranges(a);
                recognizer.second_pass(&doc.text, &ranges, first, known, &candidates)
            })
            .collect()
    })
}
