//! Person rules: titles, given names, speech verbs, known names, post attributions.

use super::NAME_JOINERS;
use super::{Block, CUE_FIRST_NAME, CUE_SPEECH_VERB, CUE_TITLE_FIRST, Recognizer};
use crate::extract::entities::kind::Kind;
use crate::extract::entities::known_people::KnownPeople;
use crate::extract::entities::skeleton::skeleton;
use std::ops::Range;

impl Recognizer<'_> {
    /// Like [`Self::name_run`], but the first word may be a known place that is also a given
    /// name ("أرارات ميرزويان") when a name follows it.
    pub(super) fn name_run_allowing_places(&self, b: &Block<'_>, j: usize) -> usize {
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
    pub(super) fn known_full_person(
        &self,
        b: &mut Block<'_>,
        i: usize,
        known: &KnownPeople,
    ) -> bool {
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
            let found = b.stems[i].iter().find_map(|stem| {
                let mut full = b.key.borrow_mut();
                full.clear();
                full.push_str(&stem.folded);
                for w in &b.w[i + 1..i + n] {
                    full.push(' ');
                    full.push_str(&w.folded);
                }
                known
                    .full_key(&full)
                    .map(|key| (stem.start, key.to_owned()))
            });
            if let Some((start, key)) = found {
                self.push_person(b, i..i + n, start, Some(&key));
                return true;
            }
        }
        false
    }

    /// Name words from `j`: up to four, not crossing a clause break.
    pub(super) fn name_run(&self, b: &Block<'_>, j: usize, prior: usize) -> usize {
        let mut end = j;
        while end < b.w.len() && end - j < 4 && !b.covered[end] {
            let f = self.folded(b, end);
            let joiner = NAME_JOINERS.contains(&f) && end > j && end + 1 < b.w.len();
            // "وجيهون": a conjunction starts the next name.
            let conjoined = end > j
                && f.starts_with('و')
                && (1..b.stems[end].len()).any(|k| self.stem_has(b, end, k, CUE_FIRST_NAME));
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

    pub(super) fn person_key(&self, b: &Block<'_>, words: Range<usize>) -> String {
        let f: Vec<String> = b.w[words].iter().map(|w| skeleton(&w.folded)).collect();
        format!("p:{}", f.join(" "))
    }

    pub(super) fn push_person(
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
    pub(super) fn convincing(
        &self,
        b: &Block<'_>,
        run: Range<usize>,
        known: &KnownPeople,
    ) -> Option<Option<String>> {
        let first = self.folded(b, run.start);
        if run.len() == 1 {
            if let Some(key) = known.key_for(first) {
                return Some(Some(key.to_owned()));
            }
            return (self.lex.has_surname_shape(first) || self.lex.first_names.contains(first))
                .then_some(None);
        }
        (!self.looks_like_verb(first) || self.lex.first_names.contains(first)).then_some(None)
    }

    /// Title, its complements, then the name: "الرئيس الروسي فلاديمير بوتين",
    /// "مساعد وزير الخارجية الأمريكي للشؤون الأوروبية، جيمس أوبراين".
    pub(super) fn title_person(&self, b: &mut Block<'_>, i: usize, known: &KnownPeople) -> bool {
        let lex = self.lex;
        if self.stem_with(b, i, CUE_TITLE_FIRST).is_none() {
            return false;
        }
        let mut n = 0;
        for len in (1..=lex.max_title_words.min(b.w.len() - i)).rev() {
            if (i..i + len - 1).any(|k| b.w[k].break_after) {
                continue;
            }
            let mut key = b.key.borrow_mut();
            if b.stems[i].iter().any(|s| {
                key.clear();
                key.push_str(&s.folded);
                for w in &b.w[i + 1..i + len] {
                    key.push(' ');
                    key.push_str(&w.folded);
                }
                lex.titles.contains(key.as_str())
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
    pub(super) fn first_name_person(&self, b: &mut Block<'_>, i: usize) -> bool {
        let Some(stem) = self.stem_with(b, i, CUE_FIRST_NAME).cloned() else {
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
    pub(super) fn known_person(&self, b: &mut Block<'_>, i: usize, known: &KnownPeople) -> bool {
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
    pub(super) fn speech_verb_person(
        &self,
        b: &mut Block<'_>,
        i: usize,
        known: &KnownPeople,
    ) -> bool {
        if self.stem_with(b, i, CUE_SPEECH_VERB).is_none()
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
    pub(super) fn attribution(&self, b: &mut Block<'_>, range: Range<usize>) {
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
