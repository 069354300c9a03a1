//! Corpus-level extraction: entities of every article, with propagation across the corpus
//! (a person named in full in one article is recognised by surname in all of them).

use crate::core::dates::ArticleDates;
use crate::core::document::{Article, Document};
use crate::core::entities::{
    Entity, FirstPass, KnownPeople, Mention, Recognizer, canonical_names, group,
};
use crate::core::lexicon::Lexicon;
use rayon::prelude::*;
use std::ops::Range;

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

/// `f(document, article)` for every article of `documents`, in parallel over documents,
/// indexed like the corpus: `[document][article]`.
fn per_article<D, T, F>(documents: &[D], f: F) -> Vec<Vec<T>>
where
    D: std::borrow::Borrow<Document> + Sync,
    T: Send,
    F: Fn(&Document, &Article) -> T + Sync,
{
    documents
        .par_iter()
        .map(|doc| {
            let doc = doc.borrow();
            doc.articles.iter().map(|a| f(doc, a)).collect()
        })
        .collect()
}

/// The dates of every article of `documents`.
pub fn dates_of<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
) -> Vec<Vec<ArticleDates>> {
    per_article(documents, |doc, a| ArticleDates::extract(&doc.text, a))
}

/// Extracts entities and dates from every article of `documents`.
pub fn annotate<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
    lexicon: &Lexicon,
) -> Annotations {
    let recognizer = Recognizer::new(lexicon);
    let first = first_pass(documents, &recognizer);
    let known = learn_people(documents, &first);
    let second = second_pass(documents, &recognizer, first, &known);
    let names = canonical_names(second.iter().flatten().flatten());
    Annotations {
        dates: dates_of(documents),
        entities: second
            .iter()
            .map(|articles| articles.iter().map(|m| group(m, &names)).collect())
            .collect(),
    }
}

/// Entity recognition's first pass over every article, no people known yet (a stage of
/// [`annotate`]), indexed like the corpus.
pub fn first_pass<D: std::borrow::Borrow<Document> + Sync>(
    documents: &[D],
    recognizer: &Recognizer,
) -> Vec<Vec<FirstPass>> {
    per_article(documents, |doc, a| {
        recognizer.first_pass(&doc.text, &article_ranges(a))
    })
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
    let candidates = known.stem_hashes();
    documents
        .par_iter()
        .zip(first)
        .map(|(doc, firsts)| {
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
        .collect()
}
