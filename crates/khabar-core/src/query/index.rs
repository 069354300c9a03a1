//! The corpus-wide index of entities: which articles mention each one, how often.

use crate::extract::entities::Kind;
use crate::extract::entities::{CERTAIN_FROM, Entity, evidence_score};
use crate::text::normalize::fold;
use std::collections::HashMap;

/// An article of the corpus: (document index, article index within the document).
pub type ArticleRef = (usize, usize);

/// One entity across the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitySummary {
    pub key: String,
    pub name: String,
    pub kind: Kind,
    /// Articles that mention it, in corpus order.
    pub articles: Vec<ArticleRef>,
    pub mentions: usize,
    /// The distinct ways it is written in the corpus.
    pub forms: Vec<String>,
    /// How sure extraction is of it over the corpus, in thousandths: the evidence of every
    /// article that names it (`evidence_score` of the articles' scores).
    pub score: u16,
    /// Folded name, for searching.
    folded: String,
}

impl EntitySummary {
    /// Shown unfolded in the sidebar; below [`CERTAIN_FROM`], under "Uncertain".
    pub fn is_certain(&self) -> bool {
        self.score >= CERTAIN_FROM
    }
}

/// Orders of the entity lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum SortBy {
    #[default]
    Articles,
    Mentions,
    Name,
}

/// All entities of a corpus.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    pub entities: Vec<EntitySummary>,
    by_key: HashMap<String, usize>,
}

impl EntityIndex {
    /// Builds the index from entities by `[document][article]`.
    pub fn build<'t>(
        entities: &[Vec<Vec<Entity>>],
        text_of: impl Fn(usize) -> &'t str,
    ) -> EntityIndex {
        let mut index = EntityIndex::default();
        for (d, articles) in entities.iter().enumerate() {
            for (a, found) in articles.iter().enumerate() {
                for entity in found {
                    let i = *index.by_key.entry(entity.key.clone()).or_insert_with(|| {
                        index.entities.push(EntitySummary {
                            key: entity.key.clone(),
                            name: entity.name.clone(),
                            kind: entity.kind,
                            articles: Vec::new(),
                            mentions: 0,
                            forms: Vec::new(),
                            score: 0,
                            folded: fold(&entity.name),
                        });
                        index.entities.len() - 1
                    });
                    let summary = &mut index.entities[i];
                    summary.articles.push((d, a));
                    summary.score = evidence_score([summary.score, entity.score]);
                    summary.mentions += entity.mentions.len();
                    let text = text_of(d);
                    for m in &entity.mentions {
                        if let Some(form) = text.get(m.clone())
                            && !summary.forms.iter().any(|f| f == form)
                        {
                            summary.forms.push(form.to_owned());
                        }
                    }
                }
            }
        }
        index
    }

    pub fn get(&self, key: &str) -> Option<&EntitySummary> {
        self.by_key.get(key).map(|&i| &self.entities[i])
    }

    /// Position of an entity in `entities`.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// Entities of a kind whose name contains the (folded) query, most articles first.
    pub fn list(&self, kind: Kind, query: &str) -> Vec<&EntitySummary> {
        self.list_sorted(kind, query, SortBy::Articles)
    }

    /// Like [`Self::list`], in the given order.
    pub fn list_sorted(&self, kind: Kind, query: &str, sort: SortBy) -> Vec<&EntitySummary> {
        self.sorted_positions(kind, query, sort)
            .into_iter()
            .map(|p| &self.entities[p])
            .collect()
    }

    /// Like [`Self::list_sorted`], as positions in `entities`.
    pub fn sorted_positions(&self, kind: Kind, query: &str, sort: SortBy) -> Vec<usize> {
        let query = fold(query.trim());
        let mut out: Vec<usize> = (0..self.entities.len())
            .filter(|&p| {
                let e = &self.entities[p];
                e.kind == kind && (query.is_empty() || e.folded.contains(&query))
            })
            .collect();
        let e = |p: &usize| &self.entities[*p];
        match sort {
            SortBy::Articles => out.sort_by(|a, b| {
                let (a, b) = (e(a), e(b));
                b.articles
                    .len()
                    .cmp(&a.articles.len())
                    .then(b.mentions.cmp(&a.mentions))
                    .then(b.score.cmp(&a.score))
                    .then(a.name.cmp(&b.name))
            }),
            SortBy::Mentions => out.sort_by(|a, b| {
                let (a, b) = (e(a), e(b));
                b.mentions
                    .cmp(&a.mentions)
                    .then(b.articles.len().cmp(&a.articles.len()))
                    .then(b.score.cmp(&a.score))
                    .then(a.name.cmp(&b.name))
            }),
            SortBy::Name => out.sort_by(|a, b| e(a).folded.cmp(&e(b).folded)),
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(key: &str, name: &str, kind: Kind, mentions: usize) -> Entity {
        Entity {
            key: key.into(),
            name: name.into(),
            kind,
            mentions: vec![0..1; mentions],
            score: 900,
        }
    }

    #[test]
    fn counts_articles_and_mentions_and_searches_folded() {
        let entities = vec![
            vec![vec![
                entity("g:1", "أذربيجان", Kind::Place, 3),
                entity("p:x", "نيكول باشينيان", Kind::Person, 1),
            ]],
            vec![
                vec![entity("g:1", "أذربيجان", Kind::Place, 2)],
                vec![entity("g:2", "باكو", Kind::Place, 1)],
            ],
        ];
        let index = EntityIndex::build(&entities, |_| "ab");
        let az = index.get("g:1").unwrap();
        assert_eq!(
            (az.articles.clone(), az.mentions),
            (vec![(0, 0), (1, 0)], 5)
        );
        let places: Vec<&str> = index
            .list(Kind::Place, "")
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(places, ["أذربيجان", "باكو"]);
        assert_eq!(
            index.list(Kind::Place, "اذربيجان").len(),
            1,
            "hamza-insensitive search"
        );
        assert_eq!(index.list(Kind::Person, "باشين").len(), 1);
        let by_name: Vec<&str> = index
            .list_sorted(Kind::Place, "", SortBy::Name)
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(by_name, ["أذربيجان", "باكو"]);
    }
}
