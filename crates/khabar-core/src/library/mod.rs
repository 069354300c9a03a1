//! The corpus as the UI holds it: documents arriving from the loader, the article list in
//! file order, and load progress. [`fold`] turns the loader's events into it, for the
//! window and the command line alike.

use crate::corpus::{CorpusSource, Skipped};
use crate::extract::dates::calendar::value_span;
use crate::extract::dates::{ArticleDates, DateMention};
use crate::extract::entities::Entity;
use crate::extract::entities::Kind;
use crate::query::entity_tables::{EntityTables, invert};
use crate::query::index::EntityIndex;
use crate::query::search::SearchIndex;
use crate::query::timeline::{Lane, Mark, Timeline};
use crate::review::curation::Curation;
use crate::review::curation::ReviewState;
use crate::review::sidecar::Sidecar;
use crate::text::article::Article;
use crate::text::document::Document;
use std::collections::HashMap;
use std::sync::Arc;

mod fold;
mod progress;

pub use progress::Progress;

/// Identifies an article across reloads and re-sorts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct ArticleKey {
    pub file: String,
    pub part: u16,
}

// The list's filters are a query on the library: see `query::filters`.
use crate::query::filters::{EntityMatch, Filters};

static NEXT_LIBRARY_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A corpus being loaded or loaded.
#[derive(Debug)]
pub struct Library {
    pub source: CorpusSource,
    pub documents: Vec<Arc<Document>>,
    /// Entities by document (same order as `documents`) and article; empty until the
    /// corpus-wide pass has run.
    pub entities: Vec<Vec<Vec<Entity>>>,
    /// Entities across the corpus, built when `entities` arrive.
    pub index: EntityIndex,
    /// Entities as extracted, before the reviewer's corrections.
    pub base_entities: Vec<Vec<Vec<Entity>>>,
    /// Publication date and date mentions, `[document][article]`, like `entities`.
    pub dates: Vec<Vec<ArticleDates>>,
    /// Publication and mentioned dates of every article, for the strip; its article numbers
    /// index `timeline_articles`.
    pub timeline: Timeline,
    /// (document, article) of each timeline article number.
    pub timeline_articles: Vec<(usize, usize)>,
    /// Whether each timeline article has a publication date the strip can place.
    published_known: Vec<bool>,
    /// Full-text index of every article; its article numbers are `entries` indices (both
    /// enumerate files by name, then their articles). `None` until loading is done.
    pub search: Option<SearchIndex>,
    pub curation: Curation,
    /// Where the corrections are kept and whether they may be written; `None` until the
    /// loader has read them.
    pub sidecar: Option<Sidecar>,
    /// The edits as read, to tell whether the loader's tables (built with them) still fit.
    edits_at_open: Vec<crate::review::curation::Edit>,
    /// A problem reading or saving corrections, shown to the user.
    pub curation_error: Option<String>,
    pub skipped: Vec<Skipped>,
    /// Documents loaded with a warning (e.g. characters that could not be decoded), counted
    /// as they arrive so the status bar does not scan every document each frame.
    pub warned: usize,
    /// (document index, article index) in display order.
    pub entries: Vec<(usize, usize)>,
    pub progress: Progress,
    /// Positions in `index.entities` of the entities of each entry, for filtering and counts.
    pub entry_entities: Vec<Vec<u32>>,
    /// The other way round: the entries (sorted) mentioning each entity of `index.entities`,
    /// so that an entity filter costs the articles it keeps, not the whole corpus.
    pub entity_entries: Vec<Vec<u32>>,
    /// Changes whenever what the list is filtered from changes (documents, entities, dates).
    pub revision: u64,
    /// Tells this library from every other one of the process (a reload is a new library).
    pub id: u64,
    /// Why the source could not be opened at all.
    pub error: Option<String>,
    /// What the corpus cache gave, when one is used.
    pub cache: Option<crate::loader::CacheReport>,
    by_file: HashMap<String, usize>,
    /// Position in `entries` of each (document, article).
    entry_of: HashMap<(usize, usize), usize>,
    dirty: bool,
}

impl Library {
    pub fn new(source: CorpusSource) -> Library {
        Library {
            source,
            documents: Vec::new(),
            entities: Vec::new(),
            index: EntityIndex::default(),
            base_entities: Vec::new(),
            dates: Vec::new(),
            timeline: Timeline::new(Vec::new(), 0),
            timeline_articles: Vec::new(),
            published_known: Vec::new(),
            search: None,
            curation: Curation::default(),
            sidecar: None,
            edits_at_open: Vec::new(),
            curation_error: None,
            skipped: Vec::new(),
            warned: 0,
            entries: Vec::new(),
            progress: Progress::default(),
            entry_entities: Vec::new(),
            entity_entries: Vec::new(),
            revision: 0,
            id: NEXT_LIBRARY_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            error: None,
            cache: None,
            by_file: HashMap::new(),
            entry_of: HashMap::new(),
            dirty: false,
        }
    }

    fn rebuild_entries(&mut self) {
        self.revision += 1;
        let mut docs: Vec<usize> = (0..self.documents.len()).collect();
        docs.sort_by(|&a, &b| self.documents[a].file.cmp(&self.documents[b].file));
        self.entries = docs
            .into_iter()
            .flat_map(|d| (0..self.documents[d].articles.len()).map(move |a| (d, a)))
            .collect();
        self.entry_of = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, &pair)| (pair, i))
            .collect();
        self.dirty = false;
    }

    pub fn article_count(&self) -> usize {
        self.entries.len()
    }

    /// The document and article of a list entry.
    pub fn entry(&self, index: usize) -> Option<(&Document, &Article)> {
        let &(d, a) = self.entries.get(index)?;
        let doc: &Document = &self.documents[d];
        Some((doc, &doc.articles[a]))
    }

    pub fn key_of(&self, index: usize) -> Option<ArticleKey> {
        self.entry(index).map(|(doc, article)| ArticleKey {
            file: doc.file.clone(),
            part: article.part,
        })
    }

    /// The document and article a key names, if loaded.
    pub fn find(&self, key: &ArticleKey) -> Option<(&Document, &Article)> {
        let doc: &Document = &self.documents[*self.by_file.get(&key.file)?];
        Some((doc, doc.articles.iter().find(|a| a.part == key.part)?))
    }

    /// Position of a key in the list (a lookup: the UI asks several times per frame).
    pub fn index_of(&self, key: &ArticleKey) -> Option<usize> {
        let d = *self.by_file.get(&key.file)?;
        let a = self.documents[d]
            .articles
            .iter()
            .position(|a| a.part == key.part)?;
        self.entry_of.get(&(d, a)).copied()
    }

    pub fn is_loading(&self) -> bool {
        !self.progress.finished
    }
}

impl Library {
    /// Replays the corrections over the extracted entities and rebuilds the index.
    pub fn apply_curation(&mut self) {
        let documents = &self.documents;
        let tables = EntityTables::build(&self.base_entities, &self.curation, |d| {
            documents[d].text.as_str()
        });
        self.install_tables(tables);
    }

    /// Takes corrected, indexed entities (articles numbered document by document), and
    /// renumbers their articles as the list's entries.
    fn install_tables(&mut self, tables: EntityTables) {
        if self.dirty {
            self.rebuild_entries();
        }
        self.revision += 1;
        let EntityTables {
            entities,
            index,
            article_entities,
            entity_articles,
        } = tables;
        // Article number in the tables of each (document, article).
        let mut first = Vec::with_capacity(entities.len());
        let mut n = 0;
        for articles in &entities {
            first.push(n);
            n += articles.len();
        }
        let flat = |(d, a): (usize, usize)| first.get(d).map(|f| f + a);
        let in_order = self
            .entries
            .iter()
            .enumerate()
            .all(|(i, &pair)| flat(pair) == Some(i));
        if in_order && article_entities.len() == self.entries.len() {
            self.entry_entities = article_entities;
            self.entity_entries = entity_articles;
        } else {
            // Documents still in arrival order (a correction made before the extraction
            // arrived): renumber through the list's order.
            self.entry_entities = self
                .entries
                .iter()
                .map(|&pair| {
                    flat(pair)
                        .and_then(|k| article_entities.get(k).cloned())
                        .unwrap_or_default()
                })
                .collect();
            self.entity_entries = invert(&self.entry_entities, index.entities.len());
        }
        self.entities = entities;
        self.index = index;
    }

    /// Entities found in one list entry's article.
    pub fn entities_of(&self, index: usize) -> &[Entity] {
        self.entries
            .get(index)
            .and_then(|&(d, a)| self.entities.get(d).and_then(|e| e.get(a)))
            .map_or(&[], |e| e.as_slice())
    }

    /// Builds the timeline from the dates of every article.
    pub fn build_timeline(&mut self) {
        if self.dirty {
            self.rebuild_entries();
        }
        let mut marks = Vec::new();
        let mut undated = 0;
        self.timeline_articles = self.entries.clone();
        self.published_known = vec![false; self.entries.len()];
        for (n, &(d, a)) in self.entries.iter().enumerate() {
            let Some(dates) = self.dates.get(d).and_then(|x| x.get(a)) else {
                undated += 1;
                continue;
            };
            self.published_known[n] = dates
                .published
                .as_ref()
                .is_some_and(|p| value_span(&p.value, None).is_some());
            match dates
                .published
                .as_ref()
                .and_then(|p| value_span(&p.value, None))
            {
                Some((start, end)) => marks.push(Mark {
                    lane: Lane::Published,
                    start,
                    end,
                    article: n as u32,
                    mention: Mark::PUBLICATION,
                }),
                None => undated += 1,
            }
            for (i, m) in dates.mentions.iter().enumerate() {
                if let Some((start, end)) = value_span(&m.value, m.until.as_deref()) {
                    marks.push(Mark {
                        lane: Lane::Mentioned,
                        start,
                        end,
                        article: n as u32,
                        mention: i as u32,
                    });
                }
            }
        }
        self.timeline = Timeline::new(marks, undated);
    }

    /// The timeline of the given entries only (a subset of `timeline`, same article numbers).
    pub fn timeline_of(&self, entries: &[usize]) -> Timeline {
        let mut keep = vec![false; self.timeline_articles.len()];
        let mut undated = 0;
        for &i in entries {
            if let Some(k) = keep.get_mut(i) {
                *k = true;
            }
            undated += usize::from(!self.published_known.get(i).copied().unwrap_or(false));
        }
        self.timeline
            .subset(|n| keep.get(n as usize).copied().unwrap_or(false), undated)
    }

    /// The dates of a (document, article).
    pub fn dates_of(&self, d: usize, a: usize) -> Option<&ArticleDates> {
        self.dates.get(d).and_then(|x| x.get(a))
    }

    /// The date mention a timeline mark stands for, with its document.
    pub fn mark_mention(&self, mark: &Mark) -> Option<(&Document, &Article, Option<&DateMention>)> {
        let &(d, a) = self.timeline_articles.get(mark.article as usize)?;
        let doc: &Document = self.documents.get(d)?;
        let article = doc.articles.get(a)?;
        let mention = self
            .dates_of(d, a)
            .and_then(|x| x.mentions.get(mark.mention as usize));
        Some((doc, article, mention))
    }

    /// List entries passing every filter. `matches` are the entries `filters.search`
    /// matches (sorted), from the search index the caller keeps; `None`: no search.
    pub fn filtered_entries(&self, filters: &Filters, matches: Option<&[u32]>) -> Vec<usize> {
        let mut visible: Vec<usize> = if filters.entities.is_empty() {
            (0..self.entries.len()).collect()
        } else {
            let lists: Vec<&[u32]> = filters
                .entities
                .iter()
                .map(|k| {
                    self.index
                        .position(k)
                        .and_then(|p| self.entity_entries.get(p))
                        .map_or(&[][..], |e| e.as_slice())
                })
                .collect();
            entries_of(&lists, filters.entity_match)
        };
        if !filters.kinds.is_empty() {
            visible.retain(|&i| self.mentions_kind(i, &filters.kinds));
        }
        if let Some((lane, from, to)) = filters.date_range() {
            let wanted: std::collections::HashSet<(usize, usize)> = self
                .timeline
                .articles_in(lane, from, to)
                .into_iter()
                .filter_map(|n| self.timeline_articles.get(n as usize).copied())
                .collect();
            visible.retain(|&i| wanted.contains(&self.entries[i]));
        }
        if let Some(state) = filters.review {
            visible.retain(|&i| self.review_state(i) == state);
        }
        if let Some(found) = matches {
            visible.retain(|&i| found.binary_search(&(i as u32)).is_ok());
        }
        if filters.undated {
            visible.retain(|&i| {
                let (d, a) = self.entries[i];
                self.dates_of(d, a).is_some_and(|x| x.published.is_none())
            });
        }
        visible
    }

    /// Whether list entry `i` mentions an entity of one of these kinds.
    fn mentions_kind(&self, i: usize, kinds: &[Kind]) -> bool {
        let entities = &self.index.entities;
        self.entry_entities.get(i).is_some_and(|e| {
            e.iter()
                .any(|&p| kinds.contains(&entities[p as usize].kind))
        })
    }

    /// The review state of list entry `i`.
    fn review_state(&self, i: usize) -> ReviewState {
        let (d, a) = self.entries[i];
        let doc = &self.documents[d];
        self.curation
            .review(&doc.article_id(&doc.articles[a]))
            .state
    }

    /// How many of the given entries mention each entity (indexed like `index.entities`).
    pub fn entity_counts(&self, entries: &[usize]) -> Vec<u32> {
        let mut counts = vec![0u32; self.index.entities.len()];
        for &i in entries {
            for &p in self.entry_entities.get(i).map_or(&[][..], |e| e.as_slice()) {
                counts[p as usize] += 1;
            }
        }
        counts
    }

    /// List entries (indices into `entries`) that mention an entity, or all of them.
    pub fn visible_entries(&self, entity: Option<&str>) -> Vec<usize> {
        let keys: Vec<String> = entity.map(str::to_owned).into_iter().collect();
        let filters = Filters {
            entities: keys,
            ..Filters::default()
        };
        self.filtered_entries(&filters, None)
    }
}

/// The entries in all (or any) of the sorted lists, sorted.
fn entries_of(lists: &[&[u32]], mode: EntityMatch) -> Vec<usize> {
    match mode {
        EntityMatch::All => {
            let Some(shortest) = lists.iter().min_by_key(|l| l.len()) else {
                return Vec::new();
            };
            shortest
                .iter()
                .filter(|i| lists.iter().all(|l| l.binary_search(i).is_ok()))
                .map(|&i| i as usize)
                .collect()
        }
        EntityMatch::Any => {
            let mut all: Vec<usize> = lists
                .iter()
                .flat_map(|l| l.iter().map(|&i| i as usize))
                .collect();
            all.sort_unstable();
            all.dedup();
            all
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_postings_intersect_and_unite() {
        let (a, b, c): (&[u32], &[u32], &[u32]) = (&[1, 4, 7, 9], &[0, 4, 9, 12], &[]);
        assert_eq!(entries_of(&[a, b], EntityMatch::All), [4, 9]);
        assert_eq!(entries_of(&[a, b], EntityMatch::Any), [0, 1, 4, 7, 9, 12]);
        assert!(
            entries_of(&[a, c], EntityMatch::All).is_empty(),
            "unknown name"
        );
        assert_eq!(entries_of(&[a, c], EntityMatch::Any), [1, 4, 7, 9]);
        assert!(entries_of(&[], EntityMatch::All).is_empty());
    }
}
