//! The seeds of a generated corpus: the demo articles cut into templates (lines whose names
//! are slots of a kind), their headlines, leading and trailing chrome, and the name lists that
//! replace their names.

use super::digits::years_in;
use super::files::SynthError;
use super::names::{ORGS, PLACES, first_names, gazetteer_names, months};
use crate::corpus::{self, CorpusSource};
use crate::extract::entities::Kind;
use crate::extract::entities::lexicon::Lexicon;
use crate::extract::entities::{KnownPeople, Mention, Recognizer};
use crate::text::article::BlockKind;
use crate::text::document::Document;
use crate::text::normalize::is_arabic_letter;
use crate::text::segment::Segmenter;
use std::collections::HashMap;
use std::ops::Range;

/// A name inside a template line.
#[derive(Debug, Clone)]
pub(super) struct Slot {
    /// Byte range in the template text.
    pub(super) range: Range<usize>,
    /// Index into [`Seeds::entities`].
    pub(super) entity: usize,
    /// A person named by surname alone (the full name has more words).
    pub(super) surname_only: bool,
}

/// One line of seed text with its name slots, in text order, never overlapping.
#[derive(Debug, Clone)]
pub struct Template {
    pub(super) text: String,
    pub(super) slots: Vec<Slot>,
}

impl Template {
    /// The seed text, unchanged.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// A demo article's body, as template numbers, and the year it was published in.
#[derive(Debug, Clone)]
pub(super) struct Source {
    pub(super) paragraphs: Vec<usize>,
    /// Positions (in `paragraphs`) of paragraphs that are running text: runs start there.
    pub(super) prose: Vec<usize>,
    pub(super) year: Option<i32>,
}

/// Chrome found after an article's body in the demo corpus.
#[derive(Debug, Clone)]
pub(super) struct Tail {
    pub(super) lines: Vec<Template>,
    /// A complete article followed it (its last line is a "read also" marker).
    pub(super) before_appended: bool,
}

/// An entity of the seed texts.
#[derive(Debug, Clone)]
pub(super) struct SeedEntity {
    pub(super) kind: Kind,
}

/// Everything articles are assembled from: the demo corpus cut into templates, and the
/// names that replace its names.
#[derive(Debug, Clone)]
pub struct Seeds {
    pub(super) paragraphs: Vec<Template>,
    pub(super) headlines: Vec<Template>,
    pub(super) sources: Vec<Source>,
    pub(super) leads: Vec<Vec<Template>>,
    pub(super) tails: Vec<Tail>,
    /// Lines that announce another article ("إقرأ أيضاً:"), for inline links.
    pub(super) read_also: Vec<String>,
    pub(super) entities: Vec<SeedEntity>,
    pub(super) places: Vec<String>,
    pub(super) orgs: Vec<String>,
    pub(super) first_names: Vec<String>,
    pub(super) surnames: Vec<String>,
    /// Arabic month names by month (index 0 = January), from `assets/dates.txt`.
    pub(super) months: Vec<Vec<String>>,
}

impl Seeds {
    /// Seeds from the demo corpus compiled into the binary. Names are recognised with
    /// `lexicon` and lines cut with `segmenter` (pass `Lexicon::load()` and
    /// `Segmenter::default()`: the output is the same for the same seed as long as they are).
    pub fn demo(segmenter: &Segmenter, lexicon: &Lexicon) -> Result<Seeds, SynthError> {
        let listing = corpus::list(&CorpusSource::Demo).unwrap_or_default();
        let documents: Vec<Document> = listing
            .candidates
            .iter()
            .filter_map(|c| corpus::read(c, segmenter).ok())
            .collect();
        Seeds::from_documents(&documents, segmenter, lexicon)
    }

    /// Seeds from any segmented documents.
    pub fn from_documents(
        documents: &[Document],
        segmenter: &Segmenter,
        lexicon: &Lexicon,
    ) -> Result<Seeds, SynthError> {
        let mut seeds = Seeds {
            paragraphs: Vec::new(),
            headlines: Vec::new(),
            sources: Vec::new(),
            leads: Vec::new(),
            tails: Vec::new(),
            read_also: Vec::new(),
            entities: Vec::new(),
            places: gazetteer_names(PLACES, true),
            orgs: gazetteer_names(ORGS, false),
            first_names: first_names(),
            surnames: Vec::new(),
            months: months(),
        };
        let mentions = recognise_all_lines(documents, lexicon);
        let mut keys: HashMap<String, usize> = HashMap::new();
        let mut headline_candidates = Vec::new();
        for (doc, mentions) in documents.iter().zip(&mentions) {
            let mut slots_of = |range: Range<usize>| {
                let mut slots = Vec::new();
                for m in mentions {
                    if m.range.start < range.start
                        || m.range.end > range.end
                        || slots
                            .last()
                            .is_some_and(|s: &Slot| s.range.end > m.range.start - range.start)
                        || !doc.text[m.range.clone()].chars().any(is_arabic_letter)
                    {
                        continue;
                    }
                    let entity = *keys.entry(m.key.clone()).or_insert_with(|| {
                        seeds.entities.push(SeedEntity { kind: m.kind });
                        seeds.entities.len() - 1
                    });
                    let words = doc.text[m.range.clone()].split_whitespace().count();
                    let name_words = m.name.split_whitespace().count();
                    if m.kind == Kind::Person
                        && name_words >= 2
                        && words >= 2
                        && let Some(last) = m.name.split_whitespace().last()
                        && last.chars().all(is_arabic_letter)
                    {
                        seeds.surnames.push(last.to_owned());
                    }
                    slots.push(Slot {
                        range: m.range.start - range.start..m.range.end - range.start,
                        entity,
                        surname_only: m.kind == Kind::Person && words == 1 && name_words >= 2,
                    });
                }
                Template {
                    text: doc.text[range].to_owned(),
                    slots,
                }
            };
            let blocks = &doc.blocks;
            // Chrome from the top of the file down to the first headline or paragraph.
            let lead: Vec<Template> = blocks
                .iter()
                .take_while(|b| b.kind == BlockKind::Chrome)
                .map(|b| slots_of(b.range.clone()))
                .collect();
            if !lead.is_empty() && lead.len() < blocks.len() {
                seeds.leads.push(lead);
            }
            for (i, block) in blocks.iter().enumerate() {
                match block.kind {
                    BlockKind::Title => headline_candidates.push(slots_of(block.range.clone())),
                    BlockKind::Chrome => {
                        // Lists of other articles: "• headline".
                        let line = &doc.text[block.range.clone()];
                        let bare = line.trim_start_matches(['•', '·', '*', '-', '–', ' ']);
                        if bare.len() < line.len() && bare.chars().any(is_arabic_letter) {
                            let start = block.range.end - bare.len();
                            headline_candidates.push(slots_of(start..block.range.end));
                        }
                    }
                    _ => {}
                }
                // Chrome right after a paragraph, up to the end of the file or the next
                // article: what sites put under an article.
                if block.kind == BlockKind::Body
                    && blocks
                        .get(i + 1)
                        .is_some_and(|b| b.kind == BlockKind::Chrome)
                {
                    let run: Vec<_> = blocks[i + 1..]
                        .iter()
                        .take_while(|b| b.kind == BlockKind::Chrome)
                        .collect();
                    let next = blocks.get(i + 1 + run.len());
                    if next.is_none_or(|n| n.part > block.part) {
                        let before_appended = next.is_some();
                        if before_appended && let Some(last) = run.last() {
                            seeds
                                .read_also
                                .push(doc.text[last.range.clone()].to_owned());
                        }
                        seeds.tails.push(Tail {
                            lines: run.iter().map(|b| slots_of(b.range.clone())).collect(),
                            before_appended,
                        });
                    }
                }
            }
            for article in &doc.articles {
                let first = seeds.paragraphs.len();
                seeds
                    .paragraphs
                    .extend(article.body.iter().map(|r| slots_of(r.clone())));
                let paragraphs: Vec<usize> = (first..seeds.paragraphs.len()).collect();
                let prose: Vec<usize> = paragraphs
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| is_prose(&seeds.paragraphs[**p].text))
                    .map(|(i, _)| i)
                    .collect();
                let dates = crate::extract::dates::ArticleDates::extract(&doc.text, article);
                let year = dates
                    .published
                    .as_ref()
                    .and_then(|p| p.value.get(..4))
                    .and_then(|y| y.parse().ok())
                    .or_else(|| {
                        paragraphs
                            .iter()
                            .flat_map(|&p| years_in(&seeds.paragraphs[p].text))
                            .max()
                    });
                if prose.len() >= 2 {
                    seeds.sources.push(Source {
                        paragraphs,
                        prose,
                        year,
                    });
                }
            }
        }
        // Keep the headlines the segmenter takes for one above a paragraph.
        let probe = seeds
            .sources
            .first()
            .and_then(|s| s.prose.first().map(|&p| s.paragraphs[p]))
            .map(|p| seeds.paragraphs[p].text.clone())
            .unwrap_or_default();
        seeds.headlines = headline_candidates
            .into_iter()
            .filter(|h| {
                let text = format!("{}\n\n{probe}\n", h.text);
                let seg = segmenter.segment(&text);
                seg.articles[0].title == Some(0..h.text.len())
            })
            .collect();
        seeds.surnames.sort();
        seeds.surnames.dedup();
        seeds.read_also.sort();
        seeds.read_also.dedup();
        if seeds.sources.is_empty() {
            return Err(SynthError::NoSeeds(
                "article with two paragraphs of running text",
            ));
        }
        if seeds.headlines.is_empty() {
            return Err(SynthError::NoSeeds("headline"));
        }
        if seeds.first_names.is_empty() || seeds.places.is_empty() || seeds.orgs.is_empty() {
            return Err(SynthError::NoSeeds("names"));
        }
        if seeds.surnames.is_empty() {
            seeds.surnames = seeds.first_names.clone();
        }
        Ok(seeds)
    }

    /// The body paragraphs articles are made of;
    /// [`SynthArticle::paragraphs`](super::SynthArticle::paragraphs) numbers them.
    pub fn paragraphs(&self) -> &[Template] {
        &self.paragraphs
    }

    /// How many headlines articles draw from.
    pub fn headline_count(&self) -> usize {
        self.headlines.len()
    }
}

/// Mentions in every line of every document (chrome too: lists of headlines and tags carry
/// names), with people learned across the documents as extraction does.
fn recognise_all_lines(documents: &[Document], lexicon: &Lexicon) -> Vec<Vec<Mention>> {
    let recognizer = Recognizer::new(lexicon);
    let ranges = |doc: &Document| -> Vec<Range<usize>> {
        doc.blocks.iter().map(|b| b.range.clone()).collect()
    };
    let pass = |known: &KnownPeople| -> Vec<Vec<Mention>> {
        documents
            .iter()
            .map(|d| {
                let mut m = recognizer.mentions(&d.text, &ranges(d), known);
                m.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
                m
            })
            .collect()
    };
    let first = pass(&KnownPeople::default());
    let mut known = KnownPeople::default();
    for (doc, mentions) in documents.iter().zip(&first) {
        known.learn(mentions, |m| doc.text[m.range.clone()].to_owned());
    }
    pass(&known)
}

/// Running text: six words or more, ending with a sentence stop (before closing quotes).
pub(super) fn is_prose(text: &str) -> bool {
    let end = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '»' | ')' | '\'')
    });
    text.split_whitespace().count() >= 6 && end.ends_with(['.', '!', '?', '؟'])
}
