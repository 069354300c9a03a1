//! What the tagger knows of a word form whatever its context: its clitic readings, core,
//! lexicon flags and clusters, and the features it gives itself and lends its neighbours.
//! All of it depends on the folded form alone, so a corpus computes it once per form
//! (`form_memo`), not once per occurrence.

use crate::extract::entities::kind::Kind;
use crate::extract::entities::lexicon::Lexicon;
use crate::extract::entities::tagger::clusters::Clusters;
use crate::text::words::clitic_readings;
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

/// What the lexicon says about one word (any of its clitic readings).
pub(super) mod flag {
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
    /// Set from context (the word follows a title), never by the form alone.
    pub const AFTER_TITLE: u16 = 1 << 10;
    pub const SURNAME_SHAPE: u16 = 1 << 11;
    pub const COUNT: u32 = 12;
}

pub(super) const FLAG_NAMES: [&str; flag::COUNT as usize] = [
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

/// The window of neighbours a word's features look at: offset and feature template. The
/// nearest neighbours (±1) tell more of themselves than the farther ones.
pub(super) const WINDOW: [(i64, u64); 4] = [(-2, 100), (-1, 110), (1, 120), (2, 130)];

/// One word form as the features see it.
#[derive(Debug, Clone, PartialEq)]
pub struct WordForm {
    pub(super) folded: String,
    /// Readings without proclitics, shortest last (the word itself not included).
    pub(super) readings: Vec<String>,
    /// The shortest reading without the article: «وبالقاهرة» → «قاهره».
    pub(super) core: String,
    /// What the lexicon says of the form (never [`flag::AFTER_TITLE`]).
    pub(super) flags: u16,
    /// Word clusters (coarse, fine) of the word and of its core: words that keep the same
    /// company in unlabelled text, so a name never seen in training still looks like one.
    pub(super) cluster: Option<(u16, u16)>,
    pub(super) core_cluster: Option<(u16, u16)>,
    /// Some spelling of the form is the first word of a gazetteer name / of a title: only
    /// then can a multi-word one start here.
    pub(super) starts_name: bool,
    pub(super) starts_title: bool,
}

impl WordForm {
    pub fn new(folded: &str, lex: &Lexicon) -> WordForm {
        let readings: Vec<String> = clitic_readings(folded)
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        let last = readings.last().map_or(folded, String::as_str);
        let core = last
            .strip_prefix("ال")
            .filter(|c| c.chars().count() >= 2)
            .unwrap_or(last)
            .to_owned();
        let mut flags = word_flags(folded, lex);
        for r in &readings {
            flags |= word_flags(r, lex);
        }
        let clusters = clusters();
        let spelled = |set: &rustc_hash::FxHashSet<String>| {
            set.contains(folded) || readings.iter().any(|r| set.contains(r))
        };
        WordForm {
            starts_name: spelled(&lex.first_words),
            starts_title: spelled(&lex.title_first_words),
            cluster: clusters.get(folded),
            core_cluster: clusters
                .get(&core)
                .or_else(|| readings.iter().rev().find_map(|r| clusters.get(r))),
            folded: folded.to_owned(),
            readings,
            core,
            flags,
        }
    }

    /// The folded form and its readings without proclitics.
    pub(super) fn spellings(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.folded).chain(&self.readings)
    }

    /// The features the form gives the word itself.
    pub(super) fn own_features(&self, out: &mut Vec<u64>) {
        out.push(f(0, "bias"));
        out.push(f(1, &self.folded));
        for r in &self.readings {
            out.push(f(2, r));
        }
        out.push(f(3, &self.core));
        let n = self.folded.chars().count();
        for k in 1..=3.min(n) {
            out.push(f(10 + k as u64, first_chars(&self.folded, k)));
            out.push(f(20 + k as u64, last_chars(&self.folded, k)));
        }
        let m = self.core.chars().count();
        for k in 2..=3.min(m) {
            out.push(f(30 + k as u64, first_chars(&self.core, k)));
            out.push(f(40 + k as u64, last_chars(&self.core, k)));
        }
        out.push(f(50, shape(&self.folded)));
        if let Some((coarse, fine)) = self.cluster {
            out.push(cluster(300, coarse));
            out.push(cluster(301, fine));
        }
        if let Some((coarse, fine)) = self.core_cluster {
            out.push(cluster(302, coarse));
            out.push(cluster(303, fine));
        }
        out.push(f(51, length_bucket(n)));
        push_own_flags(self.flags, out);
    }

    /// The features the form lends the word `template`'s window offset away from it
    /// (`near`: the offset is ±1).
    pub(super) fn neighbour_features(&self, template: u64, near: bool, out: &mut Vec<u64>) {
        out.push(f(template, &self.folded));
        out.push(f(template + 1, &self.core));
        if near {
            push_neighbour_flags(template, self.flags, out);
            out.push(f(template + 4, last_chars(&self.folded, 2)));
            if let Some((coarse, fine)) = self.core_cluster.or(self.cluster) {
                out.push(cluster(template + 5, coarse));
                out.push(cluster(template + 6, fine));
            }
        }
    }
}

/// A feature of one value.
pub(super) fn f(template: u64, value: &str) -> u64 {
    xxh3_64_with_seed(value.as_bytes(), template)
}

/// The flag features of the word itself.
fn push_own_flags(flags: u16, out: &mut Vec<u64>) {
    for bit in 0..flag::COUNT {
        if flags & (1 << bit) != 0 {
            out.push(f(60 + bit as u64, "1"));
        }
    }
}

/// The flag features of a nearest neighbour.
fn push_neighbour_flags(template: u64, flags: u16, out: &mut Vec<u64>) {
    for bit in 0..flag::COUNT {
        if flags & (1 << bit) != 0 {
            out.push(f(template + 2, FLAG_NAMES[bit as usize]));
        }
    }
}

/// The gazetteer flag of a one-word name of `kind`.
fn kind_flag(kind: Kind) -> u16 {
    match kind {
        Kind::Place => flag::GAZ_PLACE,
        Kind::Org => flag::GAZ_ORG,
        Kind::Person => flag::GAZ_PERSON,
    }
}

/// A cluster feature.
fn cluster(template: u64, id: u16) -> u64 {
    xxh3_64_with_seed(&id.to_le_bytes(), template.wrapping_mul(0x9E37_79B9))
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
