//! The rules that find mentions in a block of text, word by word.

use crate::extract::entities::first_pass::FirstPass;
use crate::extract::entities::kind::Kind;
use crate::extract::entities::known_people::{KnownPeople, pair_hash, stem_hash};
use crate::extract::entities::lexicon::Lexicon;
use crate::extract::entities::mention::{Mention, confidence};
use crate::extract::entities::skeleton::{skeleton, skeleton_chars};
use crate::text::normalize::is_format_char;
use crate::text::words::{Stem, Word, stems, words};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::{Cell, RefCell};
use std::ops::Range;

mod organisations;
mod people;
mod places;

/// Grammatical words that never start or continue a name.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
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
    /// Folded word → the `CUE_*` lists of the lexicon it is in: one look-up per reading
    /// tells which rules can start at a word.
    cues: HashMap<String, u8>,
}

/// [`Recognizer::cues`] bits: the word is in `Lexicon::org_heads`, `place_heads`,
/// `first_names`, `bare_heads`, `title_first_words`, `speech_verbs`.
const CUE_ORG_HEAD: u8 = 1;
const CUE_PLACE_HEAD: u8 = 2;
const CUE_FIRST_NAME: u8 = 4;
const CUE_BARE_HEAD: u8 = 8;
const CUE_TITLE_FIRST: u8 = 16;
const CUE_SPEECH_VERB: u8 = 32;

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
    /// Per word, computed on first use: the `CUE_*` bits of each reading, one byte per
    /// reading (a word has at most four); [`UNKNOWN_CUES`] until then.
    cues: Vec<Cell<u32>>,
    /// Scratch buffer for the multi-word look-up keys ("word word"), so that building them
    /// allocates nothing.
    key: RefCell<String>,
}

/// Not computed yet, in [`Block`]'s per-word memos.
const UNKNOWN: u8 = u8::MAX;
const UNKNOWN_CUES: u32 = u32::MAX;
/// [`Recognizer::alias_gate`] bits: an exact alias or a fuzzy (skeleton) one may start here.
const GATE_EXACT: u8 = 1;
const GATE_FUZZY: u8 = 2;

impl<'a> Recognizer<'a> {
    pub fn new(lex: &'a Lexicon) -> Self {
        let mut cues: HashMap<String, u8> = HashMap::default();
        let lists = [
            (CUE_ORG_HEAD, &lex.org_heads),
            (CUE_PLACE_HEAD, &lex.place_heads),
            (CUE_FIRST_NAME, &lex.first_names),
            (CUE_TITLE_FIRST, &lex.title_first_words),
            (CUE_SPEECH_VERB, &lex.speech_verbs),
        ];
        for (cue, list) in lists {
            for word in list {
                *cues.entry(word.clone()).or_default() |= cue;
            }
        }
        for word in lex.bare_heads.keys() {
            *cues.entry(word.clone()).or_default() |= CUE_BARE_HEAD;
        }
        Recognizer {
            lex,
            function_words: FUNCTION_WORDS.iter().copied().collect::<HashSet<_>>(),
            cues,
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
    /// found them. With `hashes`, what [`FirstPass`] keeps of the block's words is
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
            cues: (0..w.len()).map(|_| Cell::new(UNKNOWN_CUES)).collect(),
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
                crate::text::normalize::is_arabic_letter(c)
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
        mut name: String,
    ) {
        // Names cut from the text keep the invisible format characters written inside them
        // (isolates, joiners); the entity's name is the same with or without them.
        if name.contains(is_format_char) {
            name.retain(|c| !is_format_char(c));
        }
        for c in &mut b.covered[words.clone()] {
            *c = true;
        }
        let range = start..b.w[words.end - 1].range.end;
        let confidence = if key.starts_with("g:") {
            confidence::GAZETTEER
        } else {
            confidence::RULE
        };
        b.out.push(Mention {
            range,
            kind,
            key,
            name,
            confidence,
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
        let mut key = b.key.borrow_mut();
        // Multi-word aliases are reached only through a known pair of first words: which
        // readings make one with the next word does not depend on the length tried.
        let mut pairs = [false; 4];
        if exact && i + 1 < b.w.len() {
            for (pair, stem) in pairs.iter_mut().zip(&b.stems[i]) {
                key.clear();
                key.push_str(&stem.folded);
                key.push(' ');
                key.push_str(&b.w[i + 1].folded);
                *pair = lex.first_pairs.contains(key.as_str());
            }
        }
        let max = if fuzzy || pairs.contains(&true) {
            lex.max_alias_words.min(b.w.len() - i)
        } else {
            1
        };
        for n in (1..=max).rev() {
            if (i..i + n - 1).any(|k| b.w[k].break_after) || (i..i + n).any(|k| b.covered[k]) {
                continue;
            }
            if exact {
                for (stem, pair) in b.stems[i].iter().zip(pairs) {
                    if n >= 2 && !pair {
                        continue;
                    }
                    key.clear();
                    key.push_str(&stem.folded);
                    for w in &b.w[i + 1..i + n] {
                        key.push(' ');
                        key.push_str(&w.folded);
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

    /// The `CUE_*` bits of word `i`'s readings, byte `k` for reading `k` (memoised).
    fn cues(&self, b: &Block<'_>, i: usize) -> u32 {
        let memo = b.cues[i].get();
        if memo != UNKNOWN_CUES {
            return memo;
        }
        let mut all = 0u32;
        for (k, stem) in b.stems[i].iter().enumerate() {
            let bits = self.cues.get(stem.folded.as_str()).copied().unwrap_or(0);
            all |= u32::from(bits) << (8 * k);
        }
        b.cues[i].set(all);
        all
    }

    /// Is reading `k` of word `i` in the lexicon list `cue` (a `CUE_*` bit)?
    fn stem_has(&self, b: &Block<'_>, i: usize, k: usize, cue: u8) -> bool {
        (self.cues(b, i) >> (8 * k)) as u8 & cue != 0
    }

    /// The first reading of word `i` in the lexicon list `cue` (a `CUE_*` bit).
    fn stem_with<'b>(&self, b: &'b Block<'_>, i: usize, cue: u8) -> Option<&'b Stem> {
        (0..b.stems[i].len())
            .find(|&k| self.stem_has(b, i, k, cue))
            .map(|k| &b.stems[i][k])
    }
}
