//! What the tagger knows about each word: hashed features of the word, its clitic readings,
//! its affixes and shape, the words around it, and what our gazetteers and cue lists say
//! about it and its neighbours. The same code runs in training and in tagging, so the two can
//! never disagree about a feature.

use crate::extract::entities::kind::Kind;
use crate::extract::entities::lexicon::Lexicon;
use crate::extract::entities::tagger::clusters::Clusters;
use crate::text::words::{Word, stems};
use std::sync::OnceLock;
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// The word clusters `khabar train-clusters` learned from Arabic Wikipedia, compiled in.
pub const CLUSTERS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/models/clusters.tsv"
));

/// [`CLUSTERS`], read once. (`tests/ner_conll.rs` checks it parses: the empty fallback is
/// never seen.)
pub fn clusters() -> &'static Clusters {
    static READ: OnceLock<Clusters> = OnceLock::new();
    READ.get_or_init(|| Clusters::parse(CLUSTERS).unwrap_or_default())
}

/// Bumped whenever a feature changes meaning: a model trained on other features is refused.
pub const FEATURE_VERSION: u32 = 4;

/// What the lexicon says about one word (any of its clitic readings).
mod flag {
    pub const FIRST_NAME: u16 = 1;
    pub const TITLE: u16 = 1 << 1;
    pub const SPEECH_VERB: u16 = 1 << 2;
    pub const ORG_HEAD: u16 = 1 << 3;
    pub const PLACE_HEAD: u16 = 1 << 4;
    pub const DEMONYM: u16 = 1 << 5;
    pub const GAZ_PLACE: u16 = 1 << 6;
    pub const GAZ_ORG: u16 = 1 << 7;
    pub const GAZ_PERSON: u16 = 1 << 8;
    pub const NOT_A_NAME: u16 = 1 << 9;
    pub const AFTER_TITLE: u16 = 1 << 10;
    pub const SURNAME_SHAPE: u16 = 1 << 11;
    pub const COUNT: u32 = 12;
}

/// One word as the features see it.
struct WordInfo {
    folded: String,
    /// Readings without proclitics, shortest last (the word itself not included).
    readings: Vec<String>,
    /// The shortest reading without the article: «وبالقاهرة» → «قاهره».
    core: String,
    flags: u16,
    /// A multi-word gazetteer name covers this word: its kind and whether it starts here.
    gazetteer: Option<(Kind, bool)>,
    /// Word clusters (coarse, fine) of the word and of its core: words that keep the same
    /// company in unlabelled text, so a name never seen in training still looks like one.
    cluster: Option<(u16, u16)>,
    core_cluster: Option<(u16, u16)>,
    break_after: bool,
    comma_after: bool,
}

/// The words of one block (a headline or paragraph) with what the lexicon says of them.
pub struct Block {
    words: Vec<WordInfo>,
    /// Per word, once a first pass has tagged the whole document: how the other
    /// occurrences of the word's core were tagged there (O, PERS, LOC, ORG, MISC counts).
    evidence: Option<Vec<[u16; 5]>>,
}

fn kind_flag(kind: Kind) -> u16 {
    match kind {
        Kind::Place => flag::GAZ_PLACE,
        Kind::Org => flag::GAZ_ORG,
        Kind::Person => flag::GAZ_PERSON,
    }
}

impl Block {
    pub fn new(text: &str, words: &[Word], lex: &Lexicon) -> Block {
        let mut infos: Vec<WordInfo> = words
            .iter()
            .map(|w| {
                let readings: Vec<String> = stems(text, w)
                    .into_iter()
                    .skip(1)
                    .map(|s| s.folded)
                    .collect();
                let last = readings.last().unwrap_or(&w.folded);
                let core = last
                    .strip_prefix("ال")
                    .filter(|c| c.chars().count() >= 2)
                    .unwrap_or(last)
                    .to_owned();
                let mut flags = 0;
                for r in std::iter::once(&w.folded).chain(&readings) {
                    flags |= word_flags(r, lex);
                }
                let clusters = clusters();
                WordInfo {
                    cluster: clusters.get(&w.folded),
                    core_cluster: clusters
                        .get(&core)
                        .or_else(|| readings.iter().rev().find_map(|r| clusters.get(r))),
                    folded: w.folded.clone(),
                    readings,
                    core,
                    flags,
                    gazetteer: None,
                    break_after: w.break_after,
                    comma_after: w.comma_after,
                }
            })
            .collect();
        mark_gazetteer_names(&mut infos, lex);
        mark_after_titles(&mut infos, lex);
        Block {
            words: infos,
            evidence: None,
        }
    }

    /// The core of word `i` (the key of document evidence).
    pub fn core(&self, i: usize) -> &str {
        &self.words[i].core
    }

    /// Forgets the document evidence (the first stage reads blocks alone).
    pub fn clear_evidence(&mut self) {
        self.evidence = None;
    }

    /// Sets what the first pass said about the other occurrences of each word's core.
    pub fn set_evidence(&mut self, evidence: Vec<[u16; 5]>) {
        debug_assert_eq!(evidence.len(), self.words.len());
        self.evidence = Some(evidence);
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The hashed features of word `i`, appended to `out`: [`Self::word_features`], then
    /// [`Self::evidence_features`].
    pub fn features(&self, i: usize, out: &mut Vec<u64>) {
        self.word_features(i, out);
        self.evidence_features(i, out);
    }

    /// The features of the document evidence of word `i` (none before it is set).
    pub fn evidence_features(&self, i: usize, out: &mut Vec<u64>) {
        let Some(evidence) = &self.evidence else {
            return;
        };
        let f = |template: u64, value: &str| xxh3_64_with_seed(value.as_bytes(), template);
        let counts = evidence[i];
        let others: u16 = counts.iter().sum();
        if others == 0 {
            out.push(f(200, "alone"));
        }
        for (c, name) in ["O", "PERS", "LOC", "ORG", "MISC"].into_iter().enumerate() {
            if counts[c] > 0 {
                let share = if counts[c] * 2 > others {
                    "most"
                } else {
                    "some"
                };
                out.push(pair(201, name, share));
            }
        }
    }

    /// The features of word `i` and its neighbours, which document evidence leaves alone.
    pub fn word_features(&self, i: usize, out: &mut Vec<u64>) {
        let w = &self.words[i];
        let f = |template: u64, value: &str| xxh3_64_with_seed(value.as_bytes(), template);
        out.push(f(0, "bias"));
        out.push(f(1, &w.folded));
        for r in &w.readings {
            out.push(f(2, r));
        }
        out.push(f(3, &w.core));
        let n = w.folded.chars().count();
        for k in 1..=3.min(n) {
            out.push(f(10 + k as u64, first_chars(&w.folded, k)));
            out.push(f(20 + k as u64, last_chars(&w.folded, k)));
        }
        let m = w.core.chars().count();
        for k in 2..=3.min(m) {
            out.push(f(30 + k as u64, first_chars(&w.core, k)));
            out.push(f(40 + k as u64, last_chars(&w.core, k)));
        }
        out.push(f(50, shape(&w.folded)));
        if let Some((coarse, fine)) = w.cluster {
            out.push(cluster(300, coarse));
            out.push(cluster(301, fine));
        }
        if let Some((coarse, fine)) = w.core_cluster {
            out.push(cluster(302, coarse));
            out.push(cluster(303, fine));
        }
        out.push(f(51, length_bucket(n)));
        for bit in 0..flag::COUNT {
            if w.flags & (1 << bit) != 0 {
                out.push(f(60 + bit as u64, "1"));
            }
        }
        if let Some((kind, begins)) = w.gazetteer {
            out.push(f(80 + begins as u64, kind.as_str()));
        }
        let first = i == 0;
        let last = i + 1 == self.words.len();
        out.push(f(82, if first { "first" } else { "not-first" }));
        if last {
            out.push(f(83, "last"));
        }
        if !first {
            let p = &self.words[i - 1];
            out.push(f(84, pause(p)));
        }
        out.push(f(85, pause(w)));
        // The window: words, cores and flags of the neighbours.
        for (offset, template) in [(-2i64, 100u64), (-1, 110), (1, 120), (2, 130)] {
            let j = i as i64 + offset;
            let Some(o) = usize::try_from(j).ok().and_then(|j| self.words.get(j)) else {
                out.push(f(template, "<edge>"));
                continue;
            };
            out.push(f(template, &o.folded));
            out.push(f(template + 1, &o.core));
            if offset.abs() == 1 {
                for bit in 0..flag::COUNT {
                    if o.flags & (1 << bit) != 0 {
                        out.push(f(template + 2, FLAG_NAMES[bit as usize]));
                    }
                }
                if let Some((kind, begins)) = o.gazetteer {
                    out.push(f(template + 3 + begins as u64 * 5, kind.as_str()));
                }
                out.push(f(template + 4, last_chars(&o.folded, 2)));
                if let Some((coarse, fine)) = o.core_cluster.or(o.cluster) {
                    out.push(cluster(template + 5, coarse));
                    out.push(cluster(template + 6, fine));
                }
            }
        }
        if i > 0 {
            out.push(pair(140, &self.words[i - 1].core, &w.core));
        }
        if let Some(nx) = self.words.get(i + 1) {
            out.push(pair(141, &w.core, &nx.core));
        }
    }
}

const FLAG_NAMES: [&str; flag::COUNT as usize] = [
    "first-name",
    "title",
    "speech-verb",
    "org-head",
    "place-head",
    "demonym",
    "gaz-place",
    "gaz-org",
    "gaz-person",
    "not-a-name",
    "after-title",
    "surname-shape",
];

/// A cluster feature.
fn cluster(template: u64, id: u16) -> u64 {
    xxh3_64_with_seed(&id.to_le_bytes(), template.wrapping_mul(0x9E37_79B9))
}

/// A feature of two values, hashed without building the pair.
fn pair(template: u64, a: &str, b: &str) -> u64 {
    xxh3_64_with_seed(b.as_bytes(), xxh3_64_with_seed(a.as_bytes(), template))
}

/// The first `k` characters of `s`.
fn first_chars(s: &str, k: usize) -> &str {
    s.char_indices().nth(k).map_or(s, |(i, _)| &s[..i])
}

/// The last `k` characters of `s`.
fn last_chars(s: &str, k: usize) -> &str {
    if k == 0 {
        return "";
    }
    s.char_indices()
        .rev()
        .nth(k - 1)
        .map_or(s, |(i, _)| &s[i..])
}

fn pause(w: &WordInfo) -> &'static str {
    match (w.break_after, w.comma_after) {
        (true, true) => "comma",
        (true, false) => "break",
        _ => "none",
    }
}

fn word_flags(r: &str, lex: &Lexicon) -> u16 {
    let mut flags = 0;
    let mut set = |cond: bool, bit: u16| {
        if cond {
            flags |= bit;
        }
    };
    set(lex.first_names.contains(r), flag::FIRST_NAME);
    set(
        lex.titles.contains(r) || lex.title_first_words.contains(r),
        flag::TITLE,
    );
    set(lex.speech_verbs.contains(r), flag::SPEECH_VERB);
    set(lex.org_heads.contains(r), flag::ORG_HEAD);
    set(lex.place_heads.contains(r), flag::PLACE_HEAD);
    set(lex.is_demonym(r), flag::DEMONYM);
    set(lex.not_a_name.contains(r), flag::NOT_A_NAME);
    set(lex.has_surname_shape(r), flag::SURNAME_SHAPE);
    if let Some(&id) = lex.aliases.get(r) {
        flags |= kind_flag(lex.entries[id].kind);
    }
    flags
}

/// Marks the words covered by multi-word gazetteer names, longest match first.
fn mark_gazetteer_names(words: &mut [WordInfo], lex: &Lexicon) {
    let max = lex.max_alias_words.max(1);
    let mut i = 0;
    let mut key = String::new();
    while i < words.len() {
        let mut matched = 0;
        'readings: for first in std::iter::once(&words[i].folded).chain(&words[i].readings) {
            if !lex.first_words.contains(first.as_str()) {
                continue;
            }
            for n in (2..=max.min(words.len() - i)).rev() {
                if words[i..i + n - 1].iter().any(|w| w.break_after) {
                    continue;
                }
                key.clear();
                key.push_str(first);
                for w in &words[i + 1..i + n] {
                    key.push(' ');
                    key.push_str(&w.folded);
                }
                if let Some(&id) = lex.aliases.get(key.as_str()) {
                    let kind = lex.entries[id].kind;
                    for (k, w) in words[i..i + n].iter_mut().enumerate() {
                        w.gazetteer = Some((kind, k == 0));
                    }
                    matched = n;
                    break 'readings;
                }
            }
        }
        i += matched.max(1);
    }
}

/// Marks the word right after a multi-word title («وزير الخارجية», «المتحدث باسم»).
fn mark_after_titles(words: &mut [WordInfo], lex: &Lexicon) {
    let max = lex.max_title_words.max(1);
    let mut key = String::new();
    for end in 1..words.len() {
        let found = (2..=max.min(end)).any(|n| {
            let start = end - n;
            if words[start..end].iter().any(|w| w.break_after) {
                return false;
            }
            std::iter::once(&words[start].folded)
                .chain(&words[start].readings)
                .any(|first| {
                    key.clear();
                    key.push_str(first);
                    for w in &words[start + 1..end] {
                        key.push(' ');
                        key.push_str(&w.folded);
                    }
                    lex.titles.contains(key.as_str())
                })
        });
        if found || words[end - 1].flags & flag::TITLE != 0 && !words[end - 1].break_after {
            words[end].flags |= flag::AFTER_TITLE;
        }
    }
}

fn shape(folded: &str) -> &'static str {
    let mut latin = false;
    let mut digit = false;
    let mut arabic = false;
    for c in folded.chars() {
        if c.is_ascii_digit() || ('٠'..='٩').contains(&c) {
            digit = true;
        } else if c.is_ascii_alphabetic() {
            latin = true;
        } else {
            arabic = true;
        }
    }
    match (arabic, latin, digit) {
        (_, _, true) if !arabic && !latin => "digits",
        (_, _, true) => "mixed-digits",
        (false, true, false) => "latin",
        (true, true, false) => "mixed",
        _ => "arabic",
    }
}

fn length_bucket(n: usize) -> &'static str {
    match n {
        0..=2 => "1-2",
        3 => "3",
        4..=5 => "4-5",
        6..=8 => "6-8",
        _ => "9+",
    }
}
