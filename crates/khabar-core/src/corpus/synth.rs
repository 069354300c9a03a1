//! Synthetic corpora for benchmarks (`khabar gen-corpus`): any number of Arabic news
//! articles, deterministic for a seed, assembled from the paragraphs of the demo corpus.
//!
//! The demo files are segmented and run through the entity recogniser once ([`Seeds`]); every
//! line becomes a [`Template`] whose names are *slots* of a kind (person, place,
//! organisation). An article ([`Generator::article`]) takes a run of body paragraphs of one
//! demo article (sometimes with a stray paragraph of another), a headline, and — as scraped
//! files have them — sometimes site chrome before the headline, a dateline, an inline
//! "read also" link, and chrome after the body (tags, source, "read also" lists, sometimes a
//! complete appended article). Then:
//!
//! - every four-digit year 1900–2099 is shifted by a per-article offset ([`shift_years`]),
//!   in Western and Arabic-Indic digits alike, and the dateline's year agrees;
//! - names are swapped: each entity of the source becomes, for the whole article, another
//!   name of the same kind (places and organisations of the gazetteers, people composed of
//!   first names and surnames), or stays as it is; a surname alone stays the surname of the
//!   person named in full;
//! - some articles are written with Arabic-Indic digits, as many outlets do.
//!
//! Nothing depends on a file name: articles are drawn from the seeds by the random stream
//! alone. Each article has its own stream seeded from the corpus seed and its number, so
//! articles are generated in parallel and `article(i)` is the same whatever else is
//! generated. Only [`Generator::write_to`] touches the disk.

use crate::corpus::{self, CorpusSource};
use crate::extract::entities::Kind;
use crate::extract::entities::lexicon::Lexicon;
use crate::extract::entities::{KnownPeople, Mention, Recognizer};
use crate::text::article::BlockKind;
use crate::text::document::Document;
use crate::text::segment::Segmenter;
use fastrand::Rng;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Articles per sub-folder of a generated corpus.
pub const FILES_PER_FOLDER: u64 = 1000;

const PLACES: &str = include_str!("../../../../assets/gazetteer/places.tsv");
const ORGS: &str = include_str!("../../../../assets/gazetteer/orgs.tsv");
const FIRST_NAMES: &str = include_str!("../../../../assets/lexicon/first_names.txt");
const DATES: &str = include_str!("../../../../assets/dates.txt");

/// Why a corpus could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    /// The seed texts hold too little to build articles from.
    #[error("the seed texts have no {0}")]
    NoSeeds(&'static str),
    /// The output folder already holds files (a smaller old corpus would be left mixed in).
    #[error("{0} exists and is not empty")]
    NotEmpty(PathBuf),
    /// Writing failed.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A name inside a template line.
#[derive(Debug, Clone)]
struct Slot {
    /// Byte range in the template text.
    range: Range<usize>,
    /// Index into [`Seeds::entities`].
    entity: usize,
    /// A person named by surname alone (the full name has more words).
    surname_only: bool,
}

/// One line of seed text with its name slots, in text order, never overlapping.
#[derive(Debug, Clone)]
pub struct Template {
    text: String,
    slots: Vec<Slot>,
}

impl Template {
    /// The seed text, unchanged.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// A demo article's body, as template numbers, and the year it was published in.
#[derive(Debug, Clone)]
struct Source {
    paragraphs: Vec<usize>,
    /// Positions (in `paragraphs`) of paragraphs that are running text: runs start there.
    prose: Vec<usize>,
    year: Option<i32>,
}

/// Chrome found after an article's body in the demo corpus.
#[derive(Debug, Clone)]
struct Tail {
    lines: Vec<Template>,
    /// A complete article followed it (its last line is a "read also" marker).
    before_appended: bool,
}

/// An entity of the seed texts.
#[derive(Debug, Clone)]
struct SeedEntity {
    kind: Kind,
}

/// Everything articles are assembled from: the demo corpus cut into templates, and the
/// names that replace its names.
#[derive(Debug, Clone)]
pub struct Seeds {
    paragraphs: Vec<Template>,
    headlines: Vec<Template>,
    sources: Vec<Source>,
    leads: Vec<Vec<Template>>,
    tails: Vec<Tail>,
    /// Lines that announce another article ("إقرأ أيضاً:"), for inline links.
    read_also: Vec<String>,
    entities: Vec<SeedEntity>,
    places: Vec<String>,
    orgs: Vec<String>,
    first_names: Vec<String>,
    surnames: Vec<String>,
    /// Arabic month names by month (index 0 = January), from `assets/dates.txt`.
    months: Vec<Vec<String>>,
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

    /// The body paragraphs articles are made of; [`SynthArticle::paragraphs`] numbers them.
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

fn is_arabic_letter(c: char) -> bool {
    crate::text::normalize::is_arabic_letter(c)
}

/// Running text: six words or more, ending with a sentence stop (before closing quotes).
fn is_prose(text: &str) -> bool {
    let end = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '»' | ')' | '\'')
    });
    text.split_whitespace().count() >= 6 && end.ends_with(['.', '!', '?', '؟'])
}

/// Canonical names of a gazetteer (`canonical<TAB>kind<TAB>aliases<TAB>source<TAB>flags`),
/// without the ambiguous ones; for places only the well-known ones (countries from ISO codes
/// and the curated lists, not every town of GeoNames and CLDR).
fn gazetteer_names(source: &str, well_known_only: bool) -> Vec<String> {
    source
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let name = cols.first()?.trim();
            let origin = cols.get(3).copied().unwrap_or("");
            let flags = cols.get(4).copied().unwrap_or("");
            let known =
                !well_known_only || ["iso-codes", "curated"].iter().any(|s| origin.contains(s));
            (known
                && !flags.contains("ambiguous")
                && !name.is_empty()
                && name.chars().any(is_arabic_letter))
            .then(|| name.to_owned())
        })
        .collect()
}

/// Given names of `assets/lexicon/first_names.txt`, up to its section of ambiguous names.
fn first_names() -> Vec<String> {
    FIRST_NAMES
        .lines()
        .map(str::trim)
        .take_while(|l| !(l.starts_with('#') && l.to_lowercase().contains("ambiguous:")))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Arabic month names of `assets/dates.txt` (`[months]`, "name number"), by month.
fn months() -> Vec<Vec<String>> {
    let mut out = vec![Vec::new(); 12];
    let sections = crate::assets::sections(DATES);
    for line in sections.get("months").into_iter().flatten() {
        let Some((name, number)) = line.trim().rsplit_once(' ') else {
            continue;
        };
        if let Ok(m @ 1..=12) = number.parse::<usize>()
            && name.chars().any(is_arabic_letter)
        {
            out[m - 1].push(name.to_owned());
        }
    }
    out
}

/// The value of a digit of any of the three digit sets, and the set's zero.
fn digit(c: char) -> Option<(u32, char)> {
    match c {
        '0'..='9' => Some((c as u32 - '0' as u32, '0')),
        '\u{660}'..='\u{669}' => Some((c as u32 - 0x660, '\u{660}')),
        '\u{6F0}'..='\u{6F9}' => Some((c as u32 - 0x6F0, '\u{6F0}')),
        _ => None,
    }
}

/// Runs of digits of one set that stand alone (no digit of any set and no Latin letter
/// around them), with their value when they are a year 1900–2099.
fn year_runs(text: &str) -> impl Iterator<Item = (Range<usize>, i32, char)> + '_ {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < chars.len() {
            let Some((_, zero)) = digit(chars[i].1) else {
                i += 1;
                continue;
            };
            let start = i;
            while i < chars.len() && digit(chars[i].1).is_some_and(|(_, z)| z == zero) {
                i += 1;
            }
            let isolated = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_none_or(|&(_, c)| digit(c).is_none() && !c.is_ascii_alphabetic())
            };
            if i - start == 4 && isolated(start.checked_sub(1)) && isolated(Some(i)) {
                let value = chars[start..i]
                    .iter()
                    .fold(0, |v, &(_, c)| v * 10 + digit(c).map_or(0, |d| d.0) as i32);
                if (1900..=2099).contains(&value) {
                    let end = chars.get(i).map_or(text.len(), |&(b, _)| b);
                    return Some((chars[start].0..end, value, zero));
                }
            }
        }
        None
    })
}

/// The years 1900–2099 written in `text` (four digits standing alone, any digit set).
pub fn years_in(text: &str) -> Vec<i32> {
    year_runs(text).map(|(_, y, _)| y).collect()
}

/// Writes `value` with the digits of the set whose zero is `zero`.
fn push_number(out: &mut String, value: i32, zero: char) {
    for c in value.to_string().chars() {
        match c.to_digit(10) {
            Some(d) => out.push(char::from_u32(zero as u32 + d).unwrap_or(c)),
            None => out.push(c),
        }
    }
}

/// `text` with every year 1900–2099 (four digits standing alone, Western or Arabic-Indic)
/// moved by `offset` years, in the same digits.
///
/// ```
/// use khabar_core::corpus::synth::shift_years;
/// assert_eq!(shift_years("منذ عام 1991 وحتى ٢٠٢٠، و44 يوما", -3), "منذ عام 1988 وحتى ٢٠١٧، و44 يوما");
/// assert_eq!(shift_years("18-8-2024 | 22:14 و12345", 1), "18-8-2025 | 22:14 و12345");
/// ```
pub fn shift_years(text: &str, offset: i32) -> String {
    let mut out = String::with_capacity(text.len());
    push_shifted(&mut out, text, offset);
    out
}

fn push_shifted(out: &mut String, text: &str, offset: i32) {
    let mut at = 0;
    for (range, year, zero) in year_runs(text) {
        out.push_str(&text[at..range.start]);
        push_number(out, year + offset, zero);
        at = range.end;
    }
    out.push_str(&text[at..]);
}

/// Lines with more Arabic than Latin letters get Arabic-Indic digits (numbers touching a
/// Latin letter, as in links and handles, are left alone).
fn arabic_indic_digits(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let arabic = line.chars().filter(|&c| is_arabic_letter(c)).count();
        let latin = line.chars().filter(char::is_ascii_alphabetic).count();
        if arabic <= latin {
            out.push_str(line);
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let touches_latin = start
                .checked_sub(1)
                .is_some_and(|j| chars[j].is_ascii_alphabetic())
                || chars.get(i).is_some_and(char::is_ascii_alphabetic);
            for &c in &chars[start..i] {
                out.push(if touches_latin {
                    c
                } else {
                    char::from_u32(0x660 + c as u32 - '0' as u32).unwrap_or(c)
                });
            }
        }
    }
    out
}

/// One generated article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthArticle {
    /// The file's text (UTF-8, lines separated by `\n`, ending with one).
    pub text: String,
    /// Years of the seed text are moved by this much (never 0).
    pub year_offset: i32,
    /// The seed paragraphs of the main article's body, in order ([`Seeds::paragraphs`]).
    pub paragraphs: Vec<usize>,
    /// Western digits were written as Arabic-Indic ones.
    pub arabic_indic: bool,
}

/// What [`Generator::write_to`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Written {
    pub files: u64,
    pub folders: u64,
    pub bytes: u64,
}

/// Makes articles from [`Seeds`] for one seed.
#[derive(Debug, Clone)]
pub struct Generator {
    seeds: Seeds,
    seed: u64,
}

/// What an entity of the seeds becomes in one article.
#[derive(Debug, Clone)]
enum Replacement {
    Keep,
    Name(String),
}

/// The state of one article being written.
struct Draft<'s> {
    seeds: &'s Seeds,
    rng: Rng,
    offset: i32,
    names: Vec<(usize, Replacement)>,
    lines: Vec<String>,
}

impl Draft<'_> {
    fn replacement(&mut self, entity: usize) -> Replacement {
        if let Some((_, r)) = self.names.iter().find(|(e, _)| *e == entity) {
            return r.clone();
        }
        let seeds = self.seeds;
        let rng = &mut self.rng;
        let pick = |rng: &mut Rng, list: &[String]| list[rng.usize(..list.len())].clone();
        let r = if rng.f32() < 0.4 {
            Replacement::Keep
        } else {
            Replacement::Name(match seeds.entities[entity].kind {
                Kind::Place => pick(rng, &seeds.places),
                Kind::Org => pick(rng, &seeds.orgs),
                Kind::Person => {
                    let first = pick(rng, &seeds.first_names);
                    let last = if rng.bool() {
                        pick(rng, &seeds.surnames)
                    } else {
                        // Arabic names: given name and father's name.
                        let mut name = pick(rng, &seeds.first_names);
                        while name.contains(' ') {
                            name = pick(rng, &seeds.first_names);
                        }
                        name
                    };
                    format!("{first} {last}")
                }
            })
        };
        self.names.push((entity, r.clone()));
        r
    }

    /// The template with names replaced and years shifted.
    fn render(&mut self, template: &Template) -> String {
        let mut out = String::with_capacity(template.text.len() + 32);
        let mut at = 0;
        for slot in &template.slots {
            push_shifted(&mut out, &template.text[at..slot.range.start], self.offset);
            let original = &template.text[slot.range.clone()];
            match self.replacement(slot.entity) {
                Replacement::Keep => out.push_str(original),
                Replacement::Name(name) => {
                    let name = if slot.surname_only {
                        name.rsplit(' ').next().unwrap_or(&name).to_owned()
                    } else {
                        name
                    };
                    // ل before ال: للرياض, not لالرياض.
                    match name.strip_prefix("ال") {
                        Some(rest) if out.ends_with('ل') => {
                            out.push('ل');
                            out.push_str(rest);
                        }
                        _ => out.push_str(&name),
                    }
                }
            }
            at = slot.range.end;
        }
        push_shifted(&mut out, &template.text[at..], self.offset);
        out
    }

    fn push(&mut self, template: &Template) {
        let line = self.render(template);
        self.lines.push(line);
    }

    fn chance(&mut self, p: f32) -> bool {
        self.rng.f32() < p
    }

    fn headline(&mut self) {
        let seeds = self.seeds;
        let h = self.rng.usize(..seeds.headlines.len());
        self.push(&seeds.headlines[h]);
    }

    /// A run of paragraphs of `source` starting at running text; returns their numbers.
    fn body(&mut self, source: &Source, min: usize, max: usize) -> Vec<usize> {
        let seeds = self.seeds;
        let start = source.prose[self.rng.usize(..source.prose.len())];
        let len = self
            .rng
            .usize(min..=max)
            .min(source.paragraphs.len() - start);
        let mut chosen: Vec<usize> = source.paragraphs[start..start + len].to_vec();
        // Too short a run, or now and then: a paragraph of another article.
        while chosen.len() < min
            || chosen
                .iter()
                .filter(|&&p| is_prose(&seeds.paragraphs[p].text))
                .count()
                < 2
            || self.chance(0.15) && chosen.len() < max
        {
            let other = &seeds.sources[self.rng.usize(..seeds.sources.len())];
            let p = other.paragraphs[other.prose[self.rng.usize(..other.prose.len())]];
            let at = self.rng.usize(1..=chosen.len().max(1)).min(chosen.len());
            chosen.insert(at, p);
        }
        chosen
    }

    fn dateline(&mut self, year: i32) {
        let month = self.rng.usize(1..=12);
        let day = self.rng.usize(1..=28);
        let (hour, minute, second) = (self.rng.u8(0..24), self.rng.u8(0..60), self.rng.u8(0..60));
        let names = &self.seeds.months[month - 1];
        let month_name = if names.is_empty() {
            month.to_string()
        } else {
            names[self.rng.usize(..names.len())].clone()
        };
        let line = match self.rng.u8(0..4) {
            0 => format!("{day}-{month}-{year} | {hour:02}:{minute:02}"),
            1 => format!("تاريخ النشر: {day} {month_name} {year}"),
            2 => format!("{year}-{month:02}-{day:02}@{hour:02}:{minute:02}:{second:02} GMT"),
            _ => format!("نشر في: {day} {month_name} {year} - {hour:02}:{minute:02}"),
        };
        self.lines.push(line);
    }
}

impl Generator {
    pub fn new(seeds: Seeds, seed: u64) -> Generator {
        Generator { seeds, seed }
    }

    pub fn seeds(&self) -> &Seeds {
        &self.seeds
    }

    /// Article number `index` of the corpus (the same whatever else is generated).
    pub fn article(&self, index: u64) -> SynthArticle {
        let seeds = &self.seeds;
        // Each article has its own stream: the corpus seed and the article's number.
        let mut rng = Rng::with_seed(self.seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let year_offset = if rng.f32() < 0.1 {
            rng.i32(1..=2)
        } else {
            -rng.i32(1..=20)
        };
        let arabic_indic = rng.f32() < 0.15;
        let blank_lines = rng.f32() < 0.8;
        let mut d = Draft {
            seeds,
            rng,
            offset: year_offset,
            names: Vec::new(),
            lines: Vec::new(),
        };
        let source = &seeds.sources[d.rng.usize(..seeds.sources.len())];
        if !seeds.leads.is_empty() && d.chance(0.3) {
            let lead = &seeds.leads[d.rng.usize(..seeds.leads.len())];
            for line in lead {
                d.push(line);
            }
        }
        d.headline();
        if let Some(year) = source.year
            && d.chance(0.65)
        {
            d.dateline(year + year_offset);
        }
        let paragraphs = d.body(source, 3, 12);
        let link_at = (!seeds.read_also.is_empty() && d.chance(0.1))
            .then(|| d.rng.usize(1..paragraphs.len()));
        for (i, &p) in paragraphs.iter().enumerate() {
            if link_at == Some(i) {
                // An inline link to another article: "إقرأ أيضاً: headline".
                let marker = seeds.read_also[d.rng.usize(..seeds.read_also.len())].clone();
                let h = d.rng.usize(..seeds.headlines.len());
                let headline = d.render(&seeds.headlines[h]);
                d.lines.push(format!("{marker} {headline}"));
            }
            d.push(&seeds.paragraphs[p]);
        }
        if !seeds.tails.is_empty() && d.chance(0.55) {
            let tail = &seeds.tails[d.rng.usize(..seeds.tails.len())];
            for line in &tail.lines {
                d.push(line);
            }
            if tail.before_appended && d.chance(0.5) {
                d.headline();
                let other = &seeds.sources[d.rng.usize(..seeds.sources.len())];
                for p in d.body(other, 2, 5) {
                    d.push(&seeds.paragraphs[p]);
                }
            }
        }
        let mut text = d.lines.join(if blank_lines { "\n\n" } else { "\n" });
        text.push('\n');
        if arabic_indic {
            text = arabic_indic_digits(&text);
        }
        SynthArticle {
            text,
            year_offset,
            paragraphs,
            arabic_indic,
        }
    }

    /// Writes articles `0..count` under `dir` (created; it must not hold files yet), at
    /// [`relative_path`]`(i, count)`, in parallel. The same seed writes the same bytes.
    pub fn write_to(&self, dir: &Path, count: u64) -> Result<Written, SynthError> {
        use rayon::prelude::*;
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| SynthError::Io { path, source }
        };
        if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
            return Err(SynthError::NotEmpty(dir.to_owned()));
        }
        let folders = count.div_ceil(FILES_PER_FOLDER);
        let bytes = std::sync::atomic::AtomicU64::new(0);
        (0..folders).into_par_iter().try_for_each(|folder| {
            let first = folder * FILES_PER_FOLDER;
            let name = relative_path(first, count);
            let sub = dir.join(name.split('/').next().unwrap_or_default());
            std::fs::create_dir_all(&sub).map_err(io(&sub))?;
            (first..(first + FILES_PER_FOLDER).min(count))
                .into_par_iter()
                .try_for_each(|i| {
                    let path = dir.join(relative_path(i, count));
                    let text = self.article(i).text;
                    bytes.fetch_add(text.len() as u64, std::sync::atomic::Ordering::Relaxed);
                    std::fs::write(&path, text).map_err(io(&path))
                })
        })?;
        Ok(Written {
            files: count,
            folders,
            bytes: bytes.into_inner(),
        })
    }
}

/// Where article `index` of a corpus of `count` goes: `0000/article-000123.txt`, at most
/// [`FILES_PER_FOLDER`] files a folder; numbers are zero-padded so names sort in order.
pub fn relative_path(index: u64, count: u64) -> String {
    let width = |n: u64| n.max(1).to_string().len();
    let file_width = width(count.saturating_sub(1)).max(6);
    let folder_width = width(count.saturating_sub(1) / FILES_PER_FOLDER).max(4);
    format!(
        "{:0folder_width$}/article-{index:0file_width$}.txt",
        index / FILES_PER_FOLDER
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_of_both_digit_sets_shift_and_other_numbers_stay() {
        assert_eq!(
            shift_years("في 9 نوفمبر 2020، وكان قوامها 1960 جنديًا و90 ناقلة", 2),
            "في 9 نوفمبر 2022، وكان قوامها 1962 جنديًا و90 ناقلة"
        );
        assert_eq!(shift_years("عام ١٩٩١ و۲۰۲۰", -1), "عام ١٩٩٠ و۲۰۱۹");
        // Not years: longer numbers, numbers in links, out of range.
        assert_eq!(
            shift_years("84,770 و12024 وt.co/a2020b و1850 و2100", 5),
            "84,770 و12024 وt.co/a2020b و1850 و2100"
        );
        assert_eq!(years_in("2025-05-14@15:13:12 GMT"), [2025]);
    }

    #[test]
    fn arabic_indic_only_in_arabic_lines_and_not_in_links() {
        assert_eq!(
            arabic_indic_digits("في 27 سبتمبر 2020\nSeptember 29, 2023\nرابط t2020"),
            "في ٢٧ سبتمبر ٢٠٢٠\nSeptember 29, 2023\nرابط t2020"
        );
    }

    #[test]
    fn paths_sort_and_fill_folders_of_a_thousand() {
        assert_eq!(relative_path(0, 10), "0000/article-000000.txt");
        assert_eq!(relative_path(123_456, 200_000), "0123/article-123456.txt");
        assert_eq!(
            relative_path(12_345_678, 20_000_000),
            "12345/article-12345678.txt"
        );
    }

    #[test]
    fn name_lists_are_read() {
        assert!(first_names().len() > 500);
        assert!(!first_names().iter().any(|n| n.starts_with('#')));
        assert!(gazetteer_names(PLACES, true).len() > 300);
        assert!(gazetteer_names(ORGS, false).len() > 500);
        assert!(months().iter().all(|m| !m.is_empty()));
    }
}
