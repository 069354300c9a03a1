//! The corpus as the UI holds it: documents arriving from the loader, the article list in
//! file order, and load progress.

use crate::core::calendar::value_span;
use crate::core::corpus::{CorpusSource, Skipped};
use crate::core::curation::Curation;
use crate::core::curation::ReviewState;
use crate::core::dates::{ArticleDates, DateMention};
use crate::core::document::{Article, Document};
use crate::core::entities::Entity;
use crate::core::index::EntityIndex;
use crate::core::loader::LoadEvent;
use crate::core::search::SearchIndex;
use crate::core::timeline::{Lane, Mark, Timeline};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// Identifies an article across reloads and re-sorts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct ArticleKey {
    pub file: String,
    pub part: u16,
}

/// Load progress, for the progress bar.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    pub total_files: usize,
    pub total_bytes: u64,
    pub files_done: usize,
    pub bytes_done: u64,
    pub listed: bool,
    pub finished: bool,
    /// Files are read; entities are being found.
    pub annotating: bool,
    pub cancelled: bool,
    pub elapsed: Option<Duration>,
}

impl Progress {
    /// Fraction done, 0..=1.
    pub fn fraction(&self) -> f32 {
        if self.total_bytes > 0 {
            self.bytes_done as f32 / self.total_bytes as f32
        } else if self.total_files > 0 {
            self.files_done as f32 / self.total_files as f32
        } else if self.finished {
            1.0
        } else {
            0.0
        }
    }
}

/// What the article list is narrowed to.
#[derive(Debug, Clone, Copy, Default)]
pub struct ListFilter<'a> {
    /// Articles mentioning this entity (its key).
    pub entity: Option<&'a str>,
    /// Articles with a mark of this lane in this inclusive day range.
    pub range: Option<(Lane, i32, i32)>,
    /// Articles with no publication date.
    pub undated: bool,
    /// Articles in this review state.
    pub review: Option<ReviewState>,
    /// Articles matching the search: sorted entry indices.
    pub matches: Option<&'a [u32]>,
}

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
    /// Full-text index of every article; its article numbers are `entries` indices (both
    /// enumerate files by name, then their articles). `None` until loading is done.
    pub search: Option<SearchIndex>,
    pub curation: Curation,
    /// Where the corrections are saved.
    pub sidecar: Option<std::path::PathBuf>,
    /// A problem reading or saving corrections, shown to the user.
    pub curation_error: Option<String>,
    pub skipped: Vec<Skipped>,
    /// (document index, article index) in display order.
    pub entries: Vec<(usize, usize)>,
    pub progress: Progress,
    /// Why the source could not be opened at all.
    pub error: Option<String>,
    by_file: HashMap<String, usize>,
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
            search: None,
            curation: Curation::default(),
            sidecar: None,
            curation_error: None,
            skipped: Vec::new(),
            entries: Vec::new(),
            progress: Progress::default(),
            error: None,
            by_file: HashMap::new(),
            dirty: false,
        }
    }

    /// Applies events from the loader; the article list is re-sorted once per call.
    pub fn apply(&mut self, events: Vec<LoadEvent>) {
        for event in events {
            match event {
                LoadEvent::Listed {
                    total_files,
                    total_bytes,
                    skipped,
                } => {
                    self.progress.total_files = total_files;
                    self.progress.total_bytes = total_bytes;
                    self.progress.listed = true;
                    self.skipped.extend(skipped);
                }
                LoadEvent::Loaded { document, bytes } => {
                    self.progress.files_done += 1;
                    self.progress.bytes_done += bytes;
                    self.by_file
                        .insert(document.file.clone(), self.documents.len());
                    self.documents.push(document);
                    self.dirty = true;
                }
                LoadEvent::Skipped { skipped, bytes } => {
                    self.progress.files_done += 1;
                    self.progress.bytes_done += bytes;
                    self.skipped.push(skipped);
                }
                LoadEvent::Annotating => self.progress.annotating = true,
                LoadEvent::Entities {
                    files,
                    entities,
                    dates,
                    search,
                    curation,
                    sidecar,
                } => {
                    self.search = Some(*search);
                    self.base_entities = vec![Vec::new(); self.documents.len()];
                    self.dates = vec![Vec::new(); self.documents.len()];
                    for ((file, found), dated) in files.into_iter().zip(entities).zip(dates) {
                        if let Some(&d) = self.by_file.get(&file) {
                            self.base_entities[d] = found;
                            self.dates[d] = dated;
                        }
                    }
                    self.progress.annotating = false;
                    match curation {
                        Ok(curation) => self.curation = curation,
                        Err(error) => {
                            self.curation_error = Some(format!("Corrections not loaded: {error}"))
                        }
                    }
                    self.sidecar = Some(sidecar);
                    self.apply_curation();
                    self.build_timeline();
                }
                LoadEvent::Finished { cancelled, elapsed } => {
                    self.progress.finished = true;
                    self.progress.cancelled = cancelled;
                    self.progress.elapsed = Some(elapsed);
                    self.skipped.sort_by(|a, b| a.file.cmp(&b.file));
                }
                LoadEvent::Failed(error) => {
                    self.progress.finished = true;
                    self.error = Some(error.to_string());
                }
            }
        }
        if self.dirty {
            self.rebuild_entries();
        }
    }

    fn rebuild_entries(&mut self) {
        let mut docs: Vec<usize> = (0..self.documents.len()).collect();
        docs.sort_by(|&a, &b| self.documents[a].file.cmp(&self.documents[b].file));
        self.entries = docs
            .into_iter()
            .flat_map(|d| (0..self.documents[d].articles.len()).map(move |a| (d, a)))
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

    /// Position of a key in the list.
    pub fn index_of(&self, key: &ArticleKey) -> Option<usize> {
        let d = *self.by_file.get(&key.file)?;
        self.entries
            .iter()
            .position(|&(doc, a)| doc == d && self.documents[doc].articles[a].part == key.part)
    }

    pub fn is_loading(&self) -> bool {
        !self.progress.finished
    }
}

impl Library {
    /// Replays the corrections over the extracted entities and rebuilds the index.
    pub fn apply_curation(&mut self) {
        let documents = &self.documents;
        self.entities = self
            .curation
            .apply(&self.base_entities, |d| documents[d].text.as_str());
        self.index = EntityIndex::build(&self.entities, |d| documents[d].text.as_str());
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
        for (n, &(d, a)) in self.entries.iter().enumerate() {
            let Some(dates) = self.dates.get(d).and_then(|x| x.get(a)) else {
                undated += 1;
                continue;
            };
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

    /// List entries matching every active filter: entity, date range, undated.
    pub fn filtered_entries(&self, filter: &ListFilter<'_>) -> Vec<usize> {
        let mut visible = self.visible_entries(filter.entity);
        if let Some((lane, from, to)) = filter.range {
            let wanted: std::collections::HashSet<(usize, usize)> = self
                .timeline
                .articles_in(lane, from, to)
                .into_iter()
                .filter_map(|n| self.timeline_articles.get(n as usize).copied())
                .collect();
            visible.retain(|&i| wanted.contains(&self.entries[i]));
        }
        if let Some(state) = filter.review {
            visible.retain(|&i| {
                let (d, a) = self.entries[i];
                let doc = &self.documents[d];
                self.curation
                    .review(&doc.article_id(&doc.articles[a]))
                    .state
                    == state
            });
        }
        if let Some(found) = filter.matches {
            visible.retain(|&i| found.binary_search(&(i as u32)).is_ok());
        }
        if filter.undated {
            visible.retain(|&i| {
                let (d, a) = self.entries[i];
                self.dates_of(d, a).is_some_and(|x| x.published.is_none())
            });
        }
        visible
    }

    /// List entries (indices into `entries`) that mention an entity, or all of them.
    pub fn visible_entries(&self, entity: Option<&str>) -> Vec<usize> {
        match entity.and_then(|key| self.index.get(key)) {
            None if entity.is_some() => Vec::new(),
            None => (0..self.entries.len()).collect(),
            Some(summary) => {
                let wanted: std::collections::HashSet<(usize, usize)> =
                    summary.articles.iter().copied().collect();
                (0..self.entries.len())
                    .filter(|&i| wanted.contains(&self.entries[i]))
                    .collect()
            }
        }
    }
}
