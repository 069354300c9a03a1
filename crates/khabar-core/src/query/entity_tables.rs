//! The entities of a corpus as the window filters and counts them: the reviewer's
//! corrections replayed over the extraction, the corpus-wide index, and the two ways between
//! articles and entities. Built by the loader's thread when a corpus opens (so the window
//! never stops to build them) and again after each correction.

use crate::extract::entities::Entity;
use crate::query::index::EntityIndex;
use crate::review::curation::Curation;

/// Entities, corrected and indexed. Articles are numbered document by document, then
/// article by article (the order of `base`), which is also the article list's order.
#[derive(Debug, Clone, Default)]
pub struct EntityTables {
    /// Entities by `[document][article]`, corrections applied.
    pub entities: Vec<Vec<Vec<Entity>>>,
    pub index: EntityIndex,
    /// Positions in `index.entities` of the entities of each article (sorted).
    pub article_entities: Vec<Vec<u32>>,
    /// The articles (sorted) mentioning each entity of `index.entities`.
    pub entity_articles: Vec<Vec<u32>>,
}

impl EntityTables {
    /// Replays `curation` over `base` (entities by `[document][article]`) and indexes the
    /// result; `text_of(d)` is document `d`'s text.
    pub fn build<'t>(
        base: &[Vec<Vec<Entity>>],
        curation: &Curation,
        text_of: impl Fn(usize) -> &'t str + Copy,
    ) -> EntityTables {
        let entities = curation.apply(base, text_of);
        let index = EntityIndex::build(&entities, text_of);
        let article_entities: Vec<Vec<u32>> = entities
            .iter()
            .flatten()
            .map(|found| {
                let mut positions: Vec<u32> = found
                    .iter()
                    .filter_map(|e| index.position(&e.key).map(|p| p as u32))
                    .collect();
                positions.sort_unstable();
                positions.dedup();
                positions
            })
            .collect();
        let entity_articles = invert(&article_entities, index.entities.len());
        EntityTables {
            entities,
            index,
            article_entities,
            entity_articles,
        }
    }
}

/// The other direction of a relation from articles to entity positions (below
/// `entities`): for each entity, the articles that have it, in increasing order.
pub fn invert(article_entities: &[Vec<u32>], entities: usize) -> Vec<Vec<u32>> {
    let mut entity_articles = vec![Vec::new(); entities];
    for (i, positions) in article_entities.iter().enumerate() {
        for &p in positions {
            entity_articles[p as usize].push(i as u32);
        }
    }
    entity_articles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::Kind;

    fn entity(key: &str, kind: Kind) -> Entity {
        Entity {
            key: key.into(),
            name: key.into(),
            kind,
            mentions: std::iter::once(0..2).collect(),
            score: 900,
        }
    }

    #[test]
    fn both_directions_agree_and_follow_the_article_order() {
        // Two documents: the first with two articles.
        let base = vec![
            vec![
                vec![entity("g:a", Kind::Place), entity("p:b", Kind::Person)],
                vec![entity("p:b", Kind::Person)],
            ],
            vec![vec![entity("g:a", Kind::Place)]],
        ];
        let tables = EntityTables::build(&base, &Curation::default(), |_| "نص");
        let a = tables.index.position("g:a").unwrap() as u32;
        let b = tables.index.position("p:b").unwrap() as u32;
        assert_eq!(tables.article_entities.len(), 3);
        assert_eq!(tables.entity_articles[a as usize], [0, 2]);
        assert_eq!(tables.entity_articles[b as usize], [0, 1]);
        for (i, positions) in tables.article_entities.iter().enumerate() {
            for &p in positions {
                assert!(tables.entity_articles[p as usize].contains(&(i as u32)));
            }
        }
    }
}
