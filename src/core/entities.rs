//! Recognising people, places and organisations in Arabic news text, with rules over words:
//! gazetteer matches (longest first, clitics stripped), titles and speech verbs before names,
//! first names, foreign surname shapes, organisation head nouns with their modifiers, and
//! corpus-level propagation (a surname alone is the person named in full elsewhere).

use crate::core::lexicon::{Kind, Lexicon};
use crate::core::words::{Stem, Word, stems, words};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

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

/// A mention found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the document text (proclitics excluded).
    pub range: Range<usize>,
    pub kind: Kind,
    /// Entities with the same key are the same real-world thing.
    pub key: String,
    /// The name this mention proposes for its entity.
    pub name: String,
}

/// People known from the whole corpus, for propagation.
#[derive(Debug, Default, Clone)]
pub struct KnownPeople {
    /// Folded surname (or single known name) → person key; `None` when two people share it.
    by_surname: HashMap<String, Option<String>>,
    /// Folded full name → person key.
    by_full: HashMap<String, String>,
    /// First words of the full names.
    first_words: HashSet<String>,
}

impl KnownPeople {
    /// Learns full names (two words or more) from mentions.
    pub fn learn<'a>(
        &mut self,
        mentions: impl IntoIterator<Item = &'a Mention>,
        mut text_of: impl FnMut(&Mention) -> String,
    ) {
        for m in mentions {
            if m.kind != Kind::Person {
                continue;
            }
            let text = text_of(m);
            let folded: Vec<String> = words(&text, 0..text.len())
                .into_iter()
                .map(|w| w.folded)
                .collect();
            if folded.len() < 2 {
                continue;
            }
            self.by_full.insert(folded.join(" "), m.key.clone());
            self.first_words.insert(folded[0].clone());
            let surname = folded.last().cloned().unwrap_or_default();
            match self.by_surname.get(&surname) {
                Some(Some(key)) if *key != m.key => {
                    self.by_surname.insert(surname, None);
                }
                Some(_) => {}
                None => {
                    self.by_surname.insert(surname, Some(m.key.clone()));
                }
            }
        }
    }

    fn full_key(&self, folded: &str) -> Option<&str> {
        self.by_full.get(folded).map(String::as_str)
    }

    fn key_for(&self, folded: &str) -> Option<&str> {
        self.by_surname.get(folded).and_then(|k| k.as_deref())
    }
}

/// Letters that spell a foreign "g" or "k" in Arabic, and long vowels, are unified so that
/// transliteration variants (ديمتري/دميتري, ناغورنو/ناجورنو) share a key.
pub fn skeleton(folded: &str) -> String {
    let mut out = String::new();
    for (i, c) in folded.chars().enumerate() {
        let c = match c {
            'غ' | 'ج' | 'ق' | 'ك' => 'ك',
            'ه' if i > 0 => continue,
            'ا' | 'و' | 'ي' | 'ء' if i > 0 => continue,
            c => c,
        };
        out.push(c);
    }
    out
}

/// Skeleton of every word of a phrase, article removed (see [`skeleton`]).
pub fn phrase_skeleton(text: &str) -> String {
    words(text, 0..text.len())
        .iter()
        .map(|w| skeleton(w.folded.strip_prefix("ال").unwrap_or(&w.folded)))
        .collect::<Vec<_>>()
        .join(" ")
}

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
}

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
            let w = words(text, range.clone());
            let stems = w.iter().map(|word| stems(text, word)).collect();
            let covered = vec![false; w.len()];
            let mut block = Block {
                text,
                w,
                stems,
                covered,
                out: Vec::new(),
            };
            self.attribution(&mut block, range.clone());
            for i in 0..block.w.len() {
                if !block.covered[i] && !block.w[i].in_link {
                    self.at(&mut block, i, known);
                }
            }
            all.extend(block.out);
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

    /// Could word `i` be (part of) a person's name?
    fn name_like(&self, b: &Block<'_>, i: usize) -> bool {
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
            && skeleton(f).chars().count() >= 3
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

    /// Longest gazetteer alias starting at word `i`: (words, stem start, entry, ambiguous).
    fn gazetteer_match(
        &self,
        b: &Block<'_>,
        i: usize,
    ) -> Option<(Range<usize>, usize, usize, bool)> {
        let lex = self.lex;
        // Most words start no alias: one lookup per reading settles it.
        let exact = b.stems[i]
            .iter()
            .any(|s| lex.first_words.contains(&s.folded));
        let fuzzy = self.fuzzy_candidate(b, i)
            && b.stems[i]
                .iter()
                .any(|s| lex.first_skeletons.contains(&skeleton(&s.folded)));
        if !exact && !fuzzy {
            return None;
        }
        let max = lex.max_alias_words.min(b.w.len() - i);
        for n in (1..=max).rev() {
            if (i..i + n - 1).any(|k| b.w[k].break_after) || (i..i + n).any(|k| b.covered[k]) {
                continue;
            }
            let rest: Vec<&str> = b.w[i + 1..i + n]
                .iter()
                .map(|w| w.folded.as_str())
                .collect();
            for stem in &b.stems[i] {
                let key = if rest.is_empty() {
                    stem.folded.clone()
                } else {
                    format!("{} {}", stem.folded, rest.join(" "))
                };
                if let Some(&id) = lex.aliases.get(&key) {
                    return Some((i..i + n, stem.start, id, false));
                }
                if let Some(&id) = lex.ambiguous.get(&key) {
                    return Some((i..i + n, stem.start, id, true));
                }
                // Conservative fuzzy match: several words whose transliteration skeleton
                // equals a known alias's (ناجورني كاراباخ).
                if n >= 2
                    && fuzzy
                    && (i..i + n).all(|k| self.fuzzy_candidate(b, k))
                    && let Some(&id) = lex.skeletons.get(&phrase_skeleton(&key))
                {
                    return Some((i..i + n, stem.start, id, false));
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

    /// "وكالة أنباء X", "وكالة X للأنباء": the agency is X.
    fn agency(&self, b: &mut Block<'_>, i: usize) -> bool {
        if !b.stems[i].iter().any(|s| s.folded == "وكاله") || i + 1 >= b.w.len() {
            return false;
        }
        let mut j = i + 1;
        if NEWS_WORDS.contains(&self.folded(b, j)) {
            j += 1;
        }
        if j >= b.w.len() || b.w[j].folded.starts_with("ال") || b.covered[j] {
            return false;
        }
        if let Some((words, start, id, false)) = self.gazetteer_match(b, j) {
            let entry = &self.lex.entries[id];
            if entry.kind == Kind::Org {
                let name = entry.canonical.clone();
                self.push(b, words, start, Kind::Org, format!("g:{id}"), name);
                return true;
            }
            return false;
        }
        if !self.name_like(b, j)
            || (j == i + 1 && !(j + 1 < b.w.len() && NEWS_WORDS.contains(&self.folded(b, j + 1))))
        {
            return false;
        }
        let name = b.text[b.w[j].range.clone()].to_owned();
        let key = format!("o:{}", phrase_skeleton(&name));
        let start = b.w[j].range.start;
        self.push(b, j..j + 1, start, Kind::Org, key, name);
        true
    }

    /// Head noun + modifiers: "وزارة الدفاع الأذربيجانية", "منظمة معاهدة الأمن الجماعي".
    fn org_head(&self, b: &mut Block<'_>, i: usize) -> bool {
        let Some(head) = Self::stem_in(&b.stems[i], &self.lex.org_heads).cloned() else {
            return false;
        };
        // Definite heads (الجيش, القوات) name institutions only through the gazetteer.
        if head.folded.starts_with("ال") || b.w[i].break_after {
            return false;
        }
        let mut end = i + 1;
        let mut previous_definite = false;
        let mut nisba = false;
        while end < b.w.len() && end - i <= 6 && !b.covered[end] {
            let f = self.folded(b, end);
            let definite = Self::is_definite(f) || self.lex.aliases.contains_key(f);
            let is_nisba = f.ends_with("يه") || f.ends_with('ي') || self.lex.is_demonym(f);
            let stop = self.function_words.contains(f)
                || self.lex.speech_verbs.contains(f)
                || (self.lex.not_a_name.contains(f) && !definite)
                || (previous_definite && !definite)
                || (nisba && !is_nisba)
                || f.starts_with('و') && !definite;
            if stop {
                break;
            }
            previous_definite = definite;
            nisba |= is_nisba && Self::is_definite(f);
            end += 1;
            if b.w[end - 1].break_after {
                break;
            }
        }
        // The phrase must end on a definite word or a proper name.
        while end > i + 1
            && !Self::is_definite(self.folded(b, end - 1))
            && !self.name_like(b, end - 1)
        {
            end -= 1;
        }
        if end == i + 1 {
            return false;
        }
        let text = &b.text[head.start..b.w[end - 1].range.end];
        let key = format!("o:{}", phrase_skeleton(text));
        let name = text.to_owned();
        self.push(b, i..end, head.start, Kind::Org, key.clone(), name.clone());
        self.appositive(b, end, Kind::Org, key, name);
        true
    }

    /// A single bracketed or quoted name right after an entity is another name of it:
    /// "وكالة الأنباء الأذربيجانية (APA)".
    fn appositive(&self, b: &mut Block<'_>, j: usize, kind: Kind, key: String, name: String) {
        if j >= b.w.len() || b.covered[j] {
            return;
        }
        let word = &b.w[j];
        let before = b.text[..word.range.start].trim_end().chars().last();
        let after = b.text[word.range.end..].chars().next();
        let opens = matches!(before, Some('(' | '"' | '“' | '«' | '['));
        let closes = matches!(after, Some(')' | '"' | '”' | '»' | ']'));
        if opens && closes {
            let start = word.range.start;
            self.push(b, j..j + 1, start, kind, key, name);
        }
    }

    /// "الخارجية الروسية" = "وزارة الخارجية الروسية".
    fn bare_head(&self, b: &mut Block<'_>, i: usize) -> bool {
        let Some(stem) = b.stems[i]
            .iter()
            .find(|s| self.lex.bare_heads.contains_key(&s.folded))
            .cloned()
        else {
            return false;
        };
        let next = if i + 1 < b.w.len() {
            self.folded(b, i + 1)
        } else {
            ""
        };
        // "الخارجية الروسية" (the ministry, feminine) but not "وزير الخارجية الروسي".
        let feminine = next.ends_with('ه') && self.lex.is_demonym(next);
        let after_minister = i > 0
            && self
                .folded(b, i - 1)
                .trim_start_matches('و')
                .starts_with("وزير");
        if b.w[i].break_after || !feminine || after_minister {
            return false;
        }
        let full = &self.lex.bare_heads[&stem.folded];
        let name = format!("{full} {}", &b.text[b.w[i + 1].range.clone()]);
        let key = format!("o:{}", phrase_skeleton(&name));
        self.push(b, i..i + 2, stem.start, Kind::Org, key, name);
        true
    }

    /// A place head noun and a name: "قرية باغانيس", "محافظة تافوش", "جمهورية آرتساخ",
    /// "جمهورية أذربيجان الاشتراكية السوفياتية". A known place right after the head is that
    /// place, unless adjectives make a longer, different name.
    fn place_head(&self, b: &mut Block<'_>, i: usize) -> bool {
        let Some(head) = Self::stem_in(&b.stems[i], &self.lex.place_heads).cloned() else {
            return false;
        };
        if head.folded.starts_with("ال")
            || b.w[i].break_after
            || i + 1 >= b.w.len()
            || b.covered[i + 1]
        {
            return false;
        }
        let known = self
            .gazetteer_match(b, i + 1)
            .filter(|m| !m.3 && self.lex.entries[m.2].kind == Kind::Place);
        let mut end = match &known {
            Some(m) => m.0.end,
            None => {
                let run = self.name_run(b, i + 1, 0);
                if run == i + 1 || !self.plausible_place_name(b, i + 1..run) {
                    return false;
                }
                run
            }
        };
        let name_end = end;
        // Definite adjectives extend a state's name ("…الاشتراكية السوفياتية"); after other
        // heads they describe the place ("منطقة … الجبلية").
        while self.is_state_head(&head.folded)
            && end < b.w.len()
            && !b.w[end - 1].break_after
            && end - i < 7
        {
            let f = self.folded(b, end);
            if Self::is_definite(f)
                && (f.ends_with("يه") || f.ends_with('ي'))
                && !self.lex.aliases.contains_key(f)
            {
                end += 1;
            } else {
                break;
            }
        }
        if let (Some((words, start, id, _)), true) = (&known, end == name_end) {
            let entry = &self.lex.entries[*id];
            let (name, key) = (entry.canonical.clone(), format!("g:{id}"));
            self.push(b, words.clone(), *start, Kind::Place, key, name);
            return true;
        }
        let with_head = b.text[head.start..b.w[end - 1].range.end].to_owned();
        let key = format!(
            "l:{}",
            phrase_skeleton(&b.text[b.w[i + 1].range.start..b.w[end - 1].range.end])
        );
        if end > name_end || self.is_state_head(&head.folded) {
            // The head is part of the name ("جمهورية آرتساخ").
            self.push(b, i..end, head.start, Kind::Place, key, with_head);
        } else {
            let start = b.w[i + 1].range.start;
            self.push(b, i + 1..end, start, Kind::Place, key, with_head);
        }
        true
    }

    /// An unknown name after a place head: not an adjective or participle ("منطقة معترف بها").
    fn plausible_place_name(&self, b: &Block<'_>, run: Range<usize>) -> bool {
        const PRONOUN_PREPOSITIONS: &[&str] = &[
            "بها",
            "به",
            "فيها",
            "فيه",
            "لها",
            "له",
            "عليها",
            "عليه",
            "منها",
            "منه",
            "عنها",
            "عنه",
            "بهم",
        ];
        let followed_by_pronoun = (run.start..(run.end + 1).min(b.w.len()))
            .any(|k| PRONOUN_PREPOSITIONS.contains(&self.folded(b, k)));
        let adjective_ending = b.w[run.clone()].iter().any(|w| w.folded.ends_with('ه'));
        !followed_by_pronoun && !adjective_ending
    }

    /// Heads that are part of a state's name rather than a description of a place.
    fn is_state_head(&self, folded: &str) -> bool {
        matches!(folded, "جمهوريه" | "مملكه" | "اماره" | "سلطنه" | "دوله")
    }

    /// "أرارات ميرزويان": a given name that is also a town, followed by a surname.
    fn first_name_over_place(&self, b: &mut Block<'_>, i: usize) -> bool {
        let f = self.folded(b, i);
        if !self.lex.first_names.contains(f)
            || !self.lex.aliases.contains_key(f)
            || b.w[i].break_after
            || i + 1 >= b.w.len()
        {
            return false;
        }
        if !self.name_like(b, i + 1) || self.lex.first_names.contains(self.folded(b, i + 1)) {
            return false;
        }
        self.first_name_person(b, i)
    }

    /// "باغانيس الأرمينية": an unknown name with a feminine demonym agreeing with an implied
    /// town or region is a place.
    fn name_with_demonym_place(&self, b: &mut Block<'_>, i: usize) -> bool {
        if !self.name_like(b, i)
            || self.lex.first_names.contains(self.folded(b, i))
            || self.looks_like_verb(self.folded(b, i))
        {
            return false;
        }
        let mut end = i + 1;
        if end < b.w.len()
            && !b.w[i].break_after
            && self.name_like(b, end)
            && !self.lex.first_names.contains(self.folded(b, end))
        {
            end += 1;
        }
        if end >= b.w.len() || b.w[end - 1].break_after {
            return false;
        }
        if !self.plausible_place_name(b, i..end) {
            return false;
        }
        let next = self.folded(b, end);
        if !(next.starts_with("ال") && next.ends_with('ه') && self.lex.is_demonym(next)) {
            return false;
        }
        let text = b.text[b.w[i].range.start..b.w[end - 1].range.end].to_owned();
        // Only a conjunction is taken off: place names may start with ب, ل or ك.
        let start = match b.stems[i].get(1) {
            Some(stem)
                if b.w[i].folded.starts_with(['و', 'ف']) && self.name_like_stem(&stem.folded) =>
            {
                stem.start
            }
            _ => b.w[i].range.start,
        };
        let key = format!(
            "l:{}",
            phrase_skeleton(&b.text[start..b.w[end - 1].range.end])
        );
        let name = b.text[start..b.w[end - 1].range.end].to_owned();
        let _ = text;
        self.push(b, i..end, start, Kind::Place, key, name);
        true
    }

    /// A clitic-stripped stem long enough to be a name ("وباغانيس" → "باغانيس").
    fn name_like_stem(&self, folded: &str) -> bool {
        folded.chars().count() >= 4
    }

    /// Like [`Self::name_run`], but the first word may be a known place that is also a given
    /// name ("أرارات ميرزويان") when a name follows it.
    fn name_run_allowing_places(&self, b: &Block<'_>, j: usize) -> usize {
        if self.name_like(b, j) {
            return self.name_run(b, j, 0);
        }
        let f = self.folded(b, j);
        let place_word = self.lex.aliases.contains_key(f)
            && !self.is_function_word(b, j)
            && !Self::is_definite(f);
        if place_word && !b.w[j].break_after && j + 1 < b.w.len() && self.name_like(b, j + 1) {
            return self.name_run(b, j + 1, 1);
        }
        j
    }

    /// A full name known from elsewhere in the corpus.
    fn known_full_person(&self, b: &mut Block<'_>, i: usize, known: &KnownPeople) -> bool {
        if !b.stems[i]
            .iter()
            .any(|s| known.first_words.contains(&s.folded))
        {
            return false;
        }
        for n in (2..=4.min(b.w.len() - i)).rev() {
            if (i..i + n - 1).any(|k| b.w[k].break_after) || (i..i + n).any(|k| b.covered[k]) {
                continue;
            }
            let rest: Vec<&str> = b.w[i + 1..i + n]
                .iter()
                .map(|w| w.folded.as_str())
                .collect();
            for stem in b.stems[i].clone() {
                let full = format!("{} {}", stem.folded, rest.join(" "));
                if let Some(key) = known.full_key(&full) {
                    let key = key.to_owned();
                    self.push_person(b, i..i + n, stem.start, Some(&key));
                    return true;
                }
            }
        }
        false
    }

    /// Name words from `j`: up to four, not crossing a clause break.
    fn name_run(&self, b: &Block<'_>, j: usize, prior: usize) -> usize {
        let mut end = j;
        while end < b.w.len() && end - j < 4 && !b.covered[end] {
            let f = self.folded(b, end);
            let joiner = NAME_JOINERS.contains(&f) && end > j && end + 1 < b.w.len();
            // "وجيهون": a conjunction starts the next name.
            let conjoined = end > j
                && f.starts_with('و')
                && b.stems[end]
                    .iter()
                    .skip(1)
                    .any(|s| self.lex.first_names.contains(&s.folded));
            // Past two words a name goes on only with another given name, a joiner or a
            // surname shape ("محمد بن سلمان"), not with a following common noun.
            let strong =
                self.lex.first_names.contains(f) || self.lex.has_surname_shape(f) || joiner;
            let previous_joiner = end > j && NAME_JOINERS.contains(&self.folded(b, end - 1));
            if !(joiner || self.name_like(b, end))
                || conjoined
                || (end - j + prior >= 2 && !strong && !previous_joiner)
            {
                break;
            }
            end += 1;
            if b.w[end - 1].break_after {
                break;
            }
        }
        while end > j && NAME_JOINERS.contains(&self.folded(b, end - 1)) {
            end -= 1;
        }
        end
    }

    fn person_key(&self, b: &Block<'_>, words: Range<usize>) -> String {
        let f: Vec<String> = b.w[words].iter().map(|w| skeleton(&w.folded)).collect();
        format!("p:{}", f.join(" "))
    }

    fn push_person(
        &self,
        b: &mut Block<'_>,
        words: Range<usize>,
        start: usize,
        known: Option<&str>,
    ) {
        let key = known
            .map(str::to_owned)
            .unwrap_or_else(|| self.person_key(b, words.clone()));
        let name = b.text[start..b.w[words.end - 1].range.end].to_owned();
        self.push(b, words, start, Kind::Person, key, name);
    }

    /// Is a run of name words a person by itself (two words, a first name, a surname shape)?
    fn convincing(
        &self,
        b: &Block<'_>,
        run: Range<usize>,
        known: &KnownPeople,
    ) -> Option<Option<String>> {
        let first = self.folded(b, run.start);
        let last = self.folded(b, run.end - 1);
        if run.len() == 1 {
            if let Some(key) = known.key_for(first) {
                return Some(Some(key.to_owned()));
            }
            return (self.lex.has_surname_shape(first) || self.lex.first_names.contains(first))
                .then_some(None);
        }
        let _ = last;
        (!self.looks_like_verb(first) || self.lex.first_names.contains(first)).then_some(None)
    }

    /// Title, its complements, then the name: "الرئيس الروسي فلاديمير بوتين",
    /// "مساعد وزير الخارجية الأمريكي للشؤون الأوروبية، جيمس أوبراين".
    fn title_person(&self, b: &mut Block<'_>, i: usize, known: &KnownPeople) -> bool {
        let lex = self.lex;
        if !b.stems[i]
            .iter()
            .any(|s| lex.title_first_words.contains(&s.folded))
        {
            return false;
        }
        let mut n = 0;
        for len in (1..=lex.max_title_words.min(b.w.len() - i)).rev() {
            if (i..i + len - 1).any(|k| b.w[k].break_after) {
                continue;
            }
            let rest: Vec<&str> = b.w[i + 1..i + len]
                .iter()
                .map(|w| w.folded.as_str())
                .collect();
            if b.stems[i].iter().any(|s| {
                let key = if rest.is_empty() {
                    s.folded.clone()
                } else {
                    format!("{} {}", s.folded, rest.join(" "))
                };
                lex.titles.contains(&key)
            }) {
                n = len;
                break;
            }
        }
        if n == 0 {
            return false;
        }
        let mut j = i + n;
        let mut skipped = 0;
        while j < b.w.len() && skipped < 8 {
            if b.w[j - 1].break_after && !b.w[j - 1].comma_after {
                return false;
            }
            // Organisations and places after a title complete it ("الأمين العام لحلف شمال
            // الأطلسي", "المتحدث باسم الكرملين"); the name comes after them.
            if let Some((words, ..)) = self.gazetteer_match(b, j) {
                // An indefinite one-word place followed by a name is a given name
                // ("فلاديمير بوتين", "أرارات ميرزويان").
                let given_name = words.len() == 1
                    && !Self::is_definite(self.folded(b, j))
                    && !b.w[j].break_after
                    && j + 1 < b.w.len()
                    && self.name_like(b, j + 1);
                if given_name {
                    break;
                }
                if b.w[words.end - 1].break_after && !b.w[words.end - 1].comma_after {
                    return false;
                }
                skipped += words.len();
                j = words.end;
                continue;
            }
            let f = self.folded(b, j);
            let complement =
                Self::is_definite(f) || lex.is_demonym(f) || lex.titles.contains(f) || f == "باسم";
            if !complement {
                break;
            }
            j += 1;
            skipped += 1;
        }
        if j >= b.w.len() || (b.w[j - 1].break_after && !b.w[j - 1].comma_after) {
            return false;
        }
        let end = self.name_run_allowing_places(b, j);
        if end == j {
            return false;
        }
        let first = self.folded(b, j).to_owned();
        if self.looks_like_verb(&first) && known.key_for(&first).is_none() {
            return false;
        }
        match self.convincing(b, j..end, known) {
            Some(key) => {
                let start = b.w[j].range.start;
                self.push_person(b, j..end, start, key.as_deref());
                true
            }
            None => false,
        }
    }

    /// A known first name and the words after it: "ماريا زاخاروفا", "وجيهون بيراموف".
    fn first_name_person(&self, b: &mut Block<'_>, i: usize) -> bool {
        let Some(stem) = Self::stem_in(&b.stems[i], &self.lex.first_names).cloned() else {
            return false;
        };
        if b.w[i].break_after
            || i + 1 >= b.w.len()
            || (stem.start == b.w[i].range.start && self.is_function_word(b, i))
        {
            return false;
        }
        let end = self.name_run(b, i + 1, 1);
        if end == i + 1 {
            return false;
        }
        self.push_person(b, i..end, stem.start, None);
        true
    }

    /// A surname known from a full name elsewhere in the corpus.
    fn known_person(&self, b: &mut Block<'_>, i: usize, known: &KnownPeople) -> bool {
        let Some((stem, key)) = b.stems[i]
            .iter()
            .find_map(|s| known.key_for(&s.folded).map(|k| (s.clone(), k.to_owned())))
        else {
            return false;
        };
        self.push_person(b, i..i + 1, stem.start, Some(&key));
        true
    }

    /// "وتابع X:", "قال X إن" where X has the shape of a foreign surname.
    fn speech_verb_person(&self, b: &mut Block<'_>, i: usize, known: &KnownPeople) -> bool {
        if Self::stem_in(&b.stems[i], &self.lex.speech_verbs).is_none()
            || i + 1 >= b.w.len()
            || b.w[i].break_after
        {
            return false;
        }
        let j = i + 1;
        let end = self.name_run(b, j, 0);
        if end == j || !self.lex.has_surname_shape(self.folded(b, end - 1)) {
            return false;
        }
        if end == j + 1 && self.known_person(b, j, known) {
            return true;
        }
        let start = b.w[j].range.start;
        self.push_person(b, j..end, start, None);
        true
    }

    /// An embedded post's attribution line: "— Robert Ananyan (@robananyan) September 29, 2023".
    fn attribution(&self, b: &mut Block<'_>, range: Range<usize>) {
        let line = &b.text[range.clone()];
        let Some(rest) = line.strip_prefix(['—', '–']) else {
            return;
        };
        let Some(paren) = rest.find("(@") else { return };
        let name_end = range.start + line.len() - rest.len() + rest[..paren].trim_end().len();
        let count = b.w.iter().take_while(|w| w.range.end <= name_end).count();
        if count == 0 || count > 4 {
            return;
        }
        if let Some((words, start, id, _)) = self.gazetteer_match(b, 0).filter(|m| m.0.end == count)
        {
            let entry = &self.lex.entries[id];
            let (kind, name) = (entry.kind, entry.canonical.clone());
            self.push(b, words, start, kind, format!("g:{id}"), name);
        } else {
            let start = b.w[0].range.start;
            self.push_person(b, 0..count, start, None);
        }
    }
}

/// One entity of an article, with its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub key: String,
    pub name: String,
    pub kind: Kind,
    pub mentions: Vec<Range<usize>>,
}

/// Groups an article's mentions into entities; `names` gives each key its display name.
pub fn group(mentions: &[Mention], names: &HashMap<String, String>) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::default();
    for m in mentions {
        let i = *index.entry(m.key.as_str()).or_insert_with(|| {
            entities.push(Entity {
                key: m.key.clone(),
                name: names.get(&m.key).cloned().unwrap_or_else(|| m.name.clone()),
                kind: m.kind,
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        entities[i].mentions.push(m.range.clone());
    }
    entities
}

/// The display name of each key over a corpus: the longest form, most frequent among equals.
pub fn canonical_names<'m>(
    mentions: impl IntoIterator<Item = &'m Mention>,
) -> HashMap<String, String> {
    let mut counts: HashMap<&str, HashMap<&str, usize>> = HashMap::default();
    for m in mentions {
        *counts
            .entry(&m.key)
            .or_default()
            .entry(&m.name)
            .or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(key, names)| {
            let best = names
                .into_iter()
                .max_by_key(|(name, count)| {
                    (
                        name.split_whitespace().count(),
                        *count,
                        std::cmp::Reverse(*name),
                    )
                })
                .map(|(n, _)| n.to_owned())
                .unwrap_or_default();
            (key.to_owned(), best)
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    /// A small lexicon written for these tests, independent of the shipped data.
    fn lexicon() -> Lexicon {
        let mut l = Lexicon::default();
        l.add_gazetteer(
            "روسيا\tplace\tروسيا|روسيه|Russia\tt\t\n\
             باكو\tplace\tباكو\tt\t\n\
             ناغورنو كاراباخ\tplace\tناغورنو كاراباخ|ناغورني قره باغ|قره باغ|قرة باغ|كاراباخ\tt\t\n\
             الكرملين\torg\tالكرملين|Kremlin\tt\t\n\
             تاس\torg\tتاس|TASS\tt\t\n\
             عمّان\tplace\tعمان\tt\tambiguous\n\
             سلطنة عمان\tplace\tسلطنة عمان|عمان\tt\tambiguous\n",
        );
        l.add_test_cues(
            &[
                "محمد",
                "فلاديمير",
                "ماريا",
                "جيهون",
                "ديمتري",
                "دميتري",
                "ميخائيل",
            ],
            &["الرئيس", "وزير الخارجية", "المتحدث باسم", "رئيس الوزراء"],
            &["قال", "تابع", "اكد"],
            &["ان", "الروسي", "الاذربيجاني"],
            &["وف", "يان", "ييف"],
            &["وزاره", "وكاله", "منظمه"],
            &[("الخارجيه", "وزارة الخارجية")],
            &["مدينه", "قريه", "منطقه", "جمهوريه", "محافظه"],
            &[
                ("روسي", "روسيا"),
                ("روسيه", "روسيا"),
                ("اذربيجاني", "أذربيجان"),
                ("اذربيجانيه", "أذربيجان"),
                ("ارمن", "أرمينيا"),
                ("ارمينيه", "أرمينيا"),
            ],
        );
        l
    }

    fn found(text: &str) -> Vec<(String, Kind)> {
        let l = lexicon();
        let r = Recognizer::new(&l);
        r.mentions(text, &[0..text.len()], &KnownPeople::default())
            .into_iter()
            .map(|m| (text[m.range].to_owned(), m.kind))
            .collect()
    }

    #[test]
    fn gazetteer_longest_match_with_clitics() {
        assert_eq!(
            found("وصل إلى باكو وروسيا"),
            [("باكو".into(), Kind::Place), ("روسيا".into(), Kind::Place)]
        );
        assert_eq!(
            found("في ناغورني قره باغ"),
            [("ناغورني قره باغ".into(), Kind::Place)]
        );
        assert_eq!(found("أعلن الكرملين"), [("الكرملين".into(), Kind::Org)]);
    }

    #[test]
    fn ambiguous_aliases_need_a_head_noun() {
        assert!(found("عمان الخير").is_empty());
        assert_eq!(found("في مدينة عمان").len(), 1);
    }

    #[test]
    fn title_then_name() {
        assert_eq!(
            found("وصل الرئيس الروسي فلاديمير بوتين إلى"),
            [("فلاديمير بوتين".into(), Kind::Person)]
        );
        assert_eq!(
            found("قال وزير الخارجية، أرارات ميرزويان، إن"),
            [("أرارات ميرزويان".into(), Kind::Person)]
        );
        // A verb after the title is not a name.
        assert!(found("الرئيس الروسي يصل إلى المدينة").is_empty());
        // A single unknown word after a title is not enough.
        assert!(found("قال الرئيس حسنا").is_empty());
    }

    #[test]
    fn first_names_and_surname_shapes() {
        assert_eq!(
            found("وقالت ماريا زاخاروفا"),
            [("ماريا زاخاروفا".into(), Kind::Person)]
        );
        assert_eq!(
            found("وتابع ميرزويان: نعم"),
            [("ميرزويان".into(), Kind::Person)]
        );
        // A speech verb before an ordinary word finds nothing.
        assert!(found("وقال مسؤول كبير").is_empty());
        // A conjunction starts the next name.
        let f = found("محمد سالم وجيهون بيراموف");
        assert_eq!(f.len(), 2, "{f:?}");
    }

    #[test]
    fn organisations_by_head_noun_bare_head_and_agency() {
        assert_eq!(
            found("وقالت وزارة الدفاع الأذربيجانية في بيان"),
            [("وزارة الدفاع الأذربيجانية".into(), Kind::Org)]
        );
        assert_eq!(
            found("وقالت الخارجية الروسية اليوم"),
            [("الخارجية الروسية".into(), Kind::Org)]
        );
        assert_eq!(
            found("ونقلت وكالة أنباء أزيرتاك الرسمية"),
            [("أزيرتاك".into(), Kind::Org)]
        );
        assert_eq!(
            found("لوكالة إنترفاكس للأنباء"),
            [("إنترفاكس".into(), Kind::Org)]
        );
        let apa = found("وذكرت وكالة الأنباء الأذربيجانية (APA) أن");
        assert_eq!(apa.len(), 2, "{apa:?}");
        // A demonym alone is not a mention.
        assert!(found("القوات الروسية والأرمن").is_empty());
    }

    #[test]
    fn propagation_of_surnames() {
        let l = lexicon();
        let r = Recognizer::new(&l);
        let a = "قال رئيس الوزراء نيكول باشينيان إن";
        let first = r.mentions(a, &[0..a.len()], &KnownPeople::default());
        let mut known = KnownPeople::default();
        known.learn(&first, |m| a[m.range.clone()].to_owned());
        let b = "وأكد باشينيان ذلك، وقال لباشينيان";
        let m = r.mentions(b, &[0..b.len()], &known);
        assert_eq!(m.len(), 2);
        assert!(m.iter().all(|x| x.key == first[0].key));
        assert_eq!(&b[m[1].range.clone()], "باشينيان");
    }

    #[test]
    fn variants_merge_but_different_people_do_not() {
        let l = lexicon();
        let r = Recognizer::new(&l);
        let key = |t: &str| {
            r.mentions(t, &[0..t.len()], &KnownPeople::default())[0]
                .key
                .clone()
        };
        assert_eq!(
            key("المتحدث باسم الكرملين ديمتري بيسكوف"),
            key("المتحدث باسم الكرملين دميتري بيسكوف")
        );
        assert_ne!(
            key("الرئيس الروسي فلاديمير بوتين"),
            key("الرئيس الروسي فلاديمير جالوزين")
        );
        // Two people sharing a surname: the surname alone is attributed to neither.
        let text = "قال محمد علييف وقال إلهام علييف";
        let mut known = KnownPeople::default();
        let ms = vec![
            Mention {
                range: 0..0,
                kind: Kind::Person,
                key: "p:a".into(),
                name: String::new(),
            },
            Mention {
                range: 0..0,
                kind: Kind::Person,
                key: "p:b".into(),
                name: String::new(),
            },
        ];
        let names = ["محمد علييف", "إلهام علييف"];
        let mut i = 0;
        known.learn(&ms, |_| {
            i += 1;
            names[i - 1].to_owned()
        });
        assert_eq!(known.key_for("علييف"), None, "{text}");
    }

    #[test]
    fn places_by_head_noun() {
        // Unknown names after a head noun; the head is kept in the name, not in the mention.
        assert!(
            found("في قرية صغيرة").is_empty(),
            "an adjective is not a name"
        );
        assert_eq!(
            found("نظمت احتجاجات في محافظة تافوش أمس"),
            [("تافوش".into(), Kind::Place)]
        );
        // A state's name takes its head and adjectives.
        assert_eq!(
            found("كانت جزءا من جمهورية أرتساخ الاشتراكية السابقة"),
            [("جمهورية أرتساخ الاشتراكية".into(), Kind::Place)]
        );
        // A known place after a head is that place.
        assert_eq!(
            found("في منطقة قره باغ الجبلية"),
            [("قره باغ".into(), Kind::Place)]
        );
        // Participles and adjectives after a head are not names.
        assert!(found("وهي منطقة معترف بها دوليا").is_empty());
        assert!(found("في منطقة واسعة").is_empty());
    }

    #[test]
    fn unknown_name_with_a_feminine_demonym_is_a_place() {
        assert_eq!(
            found("قرب بلدة وباغانيس الأرمينية"),
            [("باغانيس".into(), Kind::Place)]
        );
        // A person's name does not take this path, nor does a common masculine adjective.
        assert!(
            found("وصل ماريا الروسية")
                .iter()
                .all(|f| f.1 != Kind::Place)
        );
        assert!(found("الجيش الروسي").is_empty());
    }

    #[test]
    fn tweet_attribution_lines() {
        assert_eq!(
            found("— Robert Ananyan (@robananyan) September 29, 2023"),
            [("Robert Ananyan".into(), Kind::Person)]
        );
        assert_eq!(found("— TASS (@tass) May 1, 2024")[0].1, Kind::Org);
    }
}
