//! The rules that find mentions in a block of text, word by word.

use super::{FirstPass, KnownPeople, Mention, pair_hash, skeleton, skeleton_chars, stem_hash};
use crate::core::lexicon::{Kind, Lexicon};
use crate::core::words::{Stem, Word, stems, words};
use rustc_hash::FxHashSet as HashSet;
use std::cell::{Cell, RefCell};
use std::ops::Range;

mod organisations;
mod people;
mod places;

/// Grammatical words that never start or continue a name.
const FUNCTION_WORDS: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "بين",
    "ان",
    "قد",
    "لا",
    "لم",
    "لن",
    "ما",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "اللذين",
    "هو",
    "هي",
    "هم",
    "كان",
    "كانت",
    "او",
    "ثم",
    "حتي",
    "منذ",
    "خلال",
    "بعد",
    "قبل",
    "عند",
    "لدي",
    "حول",
    "ضد",
    "نحو",
    "عبر",
    "دون",
    "غير",
    "كل",
    "بعض",
    "اي",
    "انه",
    "انها",
    "لقد",
    "كما",
    "اذا",
    "اذ",
    "لكن",
    "بل",
    "يوم",
    "اليوم",
    "امس",
    "غدا",
    "عام",
    "عاما",
    "شهر",
    "مساء",
    "صباح",
    "وقت",
    "امام",
    "وراء",
    "فوق",
    "تحت",
    "حيث",
    "بينما",
    "ايضا",
    "فقط",
    "جدا",
    "هناك",
    "هنا",
    "ليس",
    "سوف",
    "مثل",
    "وفق",
    "وفقا",
    "بشان",
    "لدى",
    "ازاء",
    "عقب",
    "اثر",
    "لمده",
    "مده",
];
/// Words that join the parts of an Arabic name.
const NAME_JOINERS: &[&str] = &["بن", "بنت", "ابن", "ابو", "عبد", "ال", "دي", "فون", "فان"];
/// Word after "وكالة" that means "news" ("وكالة أنباء X", "وكالة X للأنباء").
const NEWS_WORDS: &[&str] = &["انباء", "الانباء", "للانباء"];
/// Finds mentions with a [`Lexicon`].
pub struct Recognizer<'a> {
    lex: &'a Lexicon,
    function_words: HashSet<&'static str>,
}

struct Block<'t> {
    text: &'t str,
    w: Vec<Word>,
    stems: Vec<Vec<Stem>>,
    covered: Vec<bool>,
    out: Vec<Mention>,
    /// Per word: its skeleton (article removed) when distinctive enough for fuzzy matching.
    fuzzy: Vec<Option<String>>,
    /// Per word, computed on first use: [`Recognizer::name_like`] (the rules ask it of the
    /// same word several times), and whether a gazetteer alias can start at the word
    /// (see [`Recognizer::alias_gate`]). [`UNKNOWN`] until then.
    name_like: Vec<Cell<u8>>,
    alias_gate: Vec<Cell<u8>>,
    /// Scratch buffer for the multi-word look-up keys ("word word"), so that building them
    /// allocates nothing.
    key: RefCell<String>,
}

/// Not computed yet, in [`Block`]'s per-word memos.
const UNKNOWN: u8 = u8::MAX;
/// [`Recognizer::alias_gate`] bits: an exact alias or a fuzzy (skeleton) one may start here.
const GATE_EXACT: u8 = 1;
const GATE_FUZZY: u8 = 2;

impl<'a> Recognizer<'a> {
    pub fn new(lex: &'a Lexicon) -> Self {
        Recognizer {
            lex,
            function_words: FUNCTION_WORDS.iter().copied().collect::<HashSet<_>>(),
        }
    }

    /// Mentions in the given ranges of `text` (an article's headline and paragraphs).
    pub fn mentions(
        &self,
        text: &str,
        ranges: &[Range<usize>],
        known: &KnownPeople,
    ) -> Vec<Mention> {
        let mut all = Vec::new();
        for range in ranges {
            all.extend(self.block_mentions(text, range.clone(), known, None));
        }
        all.sort_by_key(|m| m.range.start);
        all
    }

    /// The mentions of one block (headline or paragraph), unsorted, in the order the rules
    /// found them. With `hashes`, what [`super::FirstPass`] keeps of the block's words is
    /// appended to it.
    pub(super) fn block_mentions(
        &self,
        text: &str,
        range: Range<usize>,
        known: &KnownPeople,
        hashes: Option<&mut Vec<u32>>,
    ) -> Vec<Mention> {
        let w = words(text, range.clone());
        let stems: Vec<Vec<Stem>> = w.iter().map(|word| stems(text, word)).collect();
        if let Some(hashes) = hashes {
            // What `KnownPeople` can be asked about: readings of a word (surnames), and
            // readings of a word with the next word (the start of a full name).
            for (i, readings) in stems.iter().enumerate() {
                hashes.extend(readings.iter().map(|s| stem_hash(&s.folded)));
                if let Some(next) = w.get(i + 1).filter(|_| !w[i].break_after) {
                    hashes.extend(readings.iter().map(|s| pair_hash(&s.folded, &next.folded)));
                }
            }
        }
        let covered = vec![false; w.len()];
        let unknown = || (0..w.len()).map(|_| Cell::new(UNKNOWN)).collect();
        let mut block = Block {
            text,
            name_like: unknown(),
            alias_gate: unknown(),
            key: RefCell::new(String::new()),
            w,
            stems,
            covered,
            out: Vec::new(),
            fuzzy: Vec::new(),
        };
        block.fuzzy = (0..block.w.len())
            .map(|i| {
                let f = &block.w[i].folded;
                self.fuzzy_candidate(&block, i)
                    .then(|| skeleton(f.strip_prefix("ال").unwrap_or(f)))
            })
            .collect();
        self.attribution(&mut block, range);
        for i in 0..block.w.len() {
            if !block.covered[i] && !block.w[i].in_link {
                self.at(&mut block, i, known);
            }
        }
        block.out
    }

    /// The first pass over an article: mentions with no people known, and what
    /// [`Self::second_pass`] needs to redo only the blocks a learned name can change.
    pub fn first_pass(&self, text: &str, ranges: &[Range<usize>]) -> FirstPass {
        let none = KnownPeople::default();
        let mut first = FirstPass::default();
        let mut block_hashes = Vec::new();
        for range in ranges {
            block_hashes.clear();
            let found = self.block_mentions(text, range.clone(), &none, Some(&mut block_hashes));
            first.mentions.extend(found);
            block_hashes.sort_unstable();
            block_hashes.dedup();
            first.hashes.extend_from_slice(&block_hashes);
            first
                .ends
                .push((first.mentions.len() as u32, first.hashes.len() as u32));
        }
        first
    }

    /// The second pass over an article, equal to `self.mentions(text, ranges, known)`:
    /// `candidates` is `known.stem_hashes()`. The rules ask `known` only about the block's
    /// own words: a reading as a surname, a reading and the words after it as a full name.
    /// In a block where no surname and no full name's first two words occur, every answer
    /// is the first pass's, and so are the mentions, which are kept instead of recognised
    /// again (47 % of the blocks are redone on the 10k synthetic corpus).
    pub fn second_pass(
        &self,
        text: &str,
        ranges: &[Range<usize>],
        first: FirstPass,
        known: &KnownPeople,
        candidates: &HashSet<u32>,
    ) -> Vec<Mention> {
        let FirstPass {
            mentions,
            ends,
            hashes,
        } = first;
        debug_assert_eq!(ends.len(), ranges.len());
        let mut all = Vec::with_capacity(mentions.len());
        let mut kept = mentions.into_iter();
        let (mut mention_start, mut hash_start) = (0, 0);
        for (range, &(mention_end, hash_end)) in ranges.iter().zip(&ends) {
            let block = kept.by_ref().take((mention_end - mention_start) as usize);
            let redo = hashes[hash_start as usize..hash_end as usize]
                .iter()
                .any(|h| candidates.contains(h));
            // Same test as `FirstPass::blocks_to_redo`.
            if redo {
                block.for_each(drop);
                all.extend(self.block_mentions(text, range.clone(), known, None));
            } else {
                all.extend(block);
            }
            (mention_start, hash_start) = (mention_end, hash_end);
        }
        all.sort_by_key(|m| m.range.start);
        all
    }

    fn at(&self, b: &mut Block<'_>, i: usize, known: &KnownPeople) {
        let _ = self.known_full_person(b, i, known)
            || self.agency(b, i)
            || self.org_head(b, i)
            || self.place_head(b, i)
            || self.first_name_over_place(b, i)
            || self.gazetteer(b, i)
            || self.bare_head(b, i)
            || self.title_person(b, i, known)
            || self.first_name_person(b, i)
            || self.known_person(b, i, known)
            || self.speech_verb_person(b, i, known)
            || self.name_with_demonym_place(b, i);
    }

    fn folded<'b>(&self, b: &'b Block<'_>, i: usize) -> &'b str {
        &b.w[i].folded
    }

    fn is_definite(f: &str) -> bool {
        ["ال", "وال", "بال", "فال", "لل", "وبال", "ولل"]
            .iter()
            .any(|p| f.starts_with(p) && f.chars().count() > p.chars().count() + 1)
    }

    /// Could word `i` be (part of) a person's name? (Memoised per word: it depends on the
    /// word alone.)
    fn name_like(&self, b: &Block<'_>, i: usize) -> bool {
        match b.name_like[i].get() {
            UNKNOWN => {
                let answer = self.compute_name_like(b, i);
                b.name_like[i].set(answer as u8);
                answer
            }
            known => known != 0,
        }
    }

    fn compute_name_like(&self, b: &Block<'_>, i: usize) -> bool {
        let f = self.folded(b, i);
        let lex = self.lex;
        let raw = &b.text[b.w[i].range.clone()];
        // Tanween (ـًـٌـٍ) marks indefinite common nouns and adverbs, never names.
        let tanween = raw.contains(['\u{064B}', '\u{064C}', '\u{064D}']);
        f.chars().count() >= 2
            && !tanween
            && !b.w[i].in_link
            && f.chars().all(|c| {
                crate::core::normalize::is_arabic_letter(c)
                    || c.is_ascii_alphabetic()
                    || c.is_alphabetic()
            })
            && !self.is_function_word(b, i)
            && !lex.not_a_name.contains(f)
            && !lex.speech_verbs.contains(f)
            && !lex.titles.contains(f)
            && !lex.org_heads.contains(f)
            && !lex.place_heads.contains(f)
            && !lex.is_demonym(f)
            && !Self::is_definite(f)
            && (!lex.aliases.contains_key(f) || lex.first_names.contains(f))
    }

    /// A word distinctive enough for fuzzy matching: long, indefinite, not a common word.
    fn fuzzy_candidate(&self, b: &Block<'_>, i: usize) -> bool {
        let f = self.folded(b, i);
        f.chars().count() >= 4
            && skeleton_chars(f).count() >= 3
            && !Self::is_definite(f)
            && !self.is_function_word(b, i)
    }

    /// A grammatical word. على and علي fold alike: the name is written with a dotted ي.
    fn is_function_word(&self, b: &Block<'_>, i: usize) -> bool {
        let f = self.folded(b, i);
        let raw = &b.text[b.w[i].range.clone()];
        (self.function_words.contains(f) || self.lex.not_a_name.contains(f))
            && !(raw.ends_with('ي') && f.ends_with('ي') && self.lex.first_names.contains(f))
    }

    /// Arabic imperfect verbs (يصل, تبحث) look like names after a title; a first word that
    /// starts like one needs a first name or a surname shape to count. (ن is left out: the
    /// first person plural is rare in news narrative, and names such as نيكول start with it.)
    fn looks_like_verb(&self, f: &str) -> bool {
        f.starts_with(['ي', 'ت'])
            && !self.lex.first_names.contains(f)
            && !self.lex.has_surname_shape(f)
    }

    fn push(
        &self,
        b: &mut Block<'_>,
        words: Range<usize>,
        start: usize,
        kind: Kind,
        key: String,
        name: String,
    ) {
        for c in &mut b.covered[words.clone()] {
            *c = true;
        }
        let range = start..b.w[words.end - 1].range.end;
        b.out.push(Mention {
            range,
            kind,
            key,
            name,
        });
    }

    /// Can a gazetteer alias start at word `i`: [`GATE_EXACT`] if a reading of it is the
    /// first word of an alias, [`GATE_FUZZY`] if it is a fuzzy candidate whose reading's
    /// skeleton is the first of a multi-word alias's. (Memoised: most words start no alias,
    /// and the rules ask about the same word several times.)
    fn alias_gate(&self, b: &Block<'_>, i: usize) -> u8 {
        let memo = b.alias_gate[i].get();
        if memo != UNKNOWN {
            return memo;
        }
        let lex = self.lex;
        let mut gate = 0;
        if b.stems[i]
            .iter()
            .any(|s| lex.first_words.contains(&s.folded))
        {
            gate |= GATE_EXACT;
        }
        if b.fuzzy[i].is_some() {
            let mut key = b.key.borrow_mut();
            let fuzzy = b.stems[i].iter().any(|s| {
                key.clear();
                key.extend(skeleton_chars(&s.folded));
                lex.first_skeletons.contains(key.as_str())
            });
            if fuzzy {
                gate |= GATE_FUZZY;
            }
        }
        b.alias_gate[i].set(gate);
        gate
    }

    /// Longest gazetteer alias starting at word `i`: (words, stem start, entry, ambiguous).
    fn gazetteer_match(
        &self,
        b: &Block<'_>,
        i: usize,
    ) -> Option<(Range<usize>, usize, usize, bool)> {
        let lex = self.lex;
        // Most words start no alias: one lookup per reading settles it.
        let gate = self.alias_gate(b, i);
        let exact = gate & GATE_EXACT != 0;
        let fuzzy = gate & GATE_FUZZY != 0;
        if !exact && !fuzzy {
            return None;
        }
        let max = lex.max_alias_words.min(b.w.len() - i);
        let mut key = b.key.borrow_mut();
        for n in (1..=max).rev() {
            if (i..i + n - 1).any(|k| b.w[k].break_after) || (i..i + n).any(|k| b.covered[k]) {
                continue;
            }
            if exact {
                let rest = &b.w[i + 1..i + n];
                for stem in &b.stems[i] {
                    // The key, "stem word word…", is built in place: first the pair, as
                    // multi-word aliases are reached only through a known pair of first
                    // words, then the other words.
                    key.clear();
                    key.push_str(&stem.folded);
                    if let Some((second, others)) = rest.split_first() {
                        key.push(' ');
                        key.push_str(&second.folded);
                        if !lex.first_pairs.contains(key.as_str()) {
                            continue;
                        }
                        for w in others {
                            key.push(' ');
                            key.push_str(&w.folded);
                        }
                    }
                    if let Some(&id) = lex.aliases.get(key.as_str()) {
                        return Some((i..i + n, stem.start, id, false));
                    }
                    if let Some(&id) = lex.ambiguous.get(key.as_str()) {
                        return Some((i..i + n, stem.start, id, true));
                    }
                }
            }
            // Conservative fuzzy match: several distinctive words whose transliteration
            // skeleton equals a known alias's (ناجورني كاراباخ).
            if fuzzy
                && n >= 2
                && n <= lex.max_skeleton_words
                && b.fuzzy[i..i + n].iter().all(Option::is_some)
            {
                for stem in &b.stems[i] {
                    // "skeleton skeleton…", the first without its article.
                    key.clear();
                    let f = &stem.folded;
                    key.extend(skeleton_chars(f.strip_prefix("ال").unwrap_or(f)));
                    for rest in b.fuzzy[i + 1..i + n].iter().flatten() {
                        key.push(' ');
                        key.push_str(rest);
                    }
                    if let Some(&id) = lex.skeletons.get(key.as_str()) {
                        return Some((i..i + n, stem.start, id, false));
                    }
                }
            }
        }
        None
    }

    fn gazetteer(&self, b: &mut Block<'_>, i: usize) -> bool {
        let Some((words, start, id, ambiguous)) = self.gazetteer_match(b, i) else {
            return false;
        };
        let entry = &self.lex.entries[id];
        if ambiguous {
            // Supported by a head noun right before ("مدينة عمان").
            let head = i > 0
                && self.lex.place_heads.contains(self.folded(b, i - 1))
                && entry.kind == Kind::Place;
            if !head {
                return false;
            }
        }
        let (kind, key, name) = (entry.kind, format!("g:{id}"), entry.canonical.clone());
        self.push(b, words, start, kind, key, name);
        true
    }

    fn stem_in<'s>(stems: &'s [Stem], set: &HashSet<String>) -> Option<&'s Stem> {
        stems.iter().find(|s| set.contains(&s.folded))
    }
}
