//! Place rules: head nouns, states' full names, unknown names with a feminine demonym.

use super::{Block, CUE_PLACE_HEAD, Recognizer};
use crate::extract::entities::kind::Kind;
use crate::extract::entities::skeleton::phrase_skeleton;
use std::ops::Range;

impl Recognizer<'_> {
    /// A place head noun and a name: "قرية باغانيس", "محافظة تافوش", "جمهورية آرتساخ",
    /// "جمهورية أذربيجان الاشتراكية السوفياتية". A known place right after the head is that
    /// place, unless adjectives make a longer, different name.
    pub(super) fn place_head(&self, b: &mut Block<'_>, i: usize) -> bool {
        let Some(head) = self.stem_with(b, i, CUE_PLACE_HEAD).cloned() else {
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
    pub(super) fn plausible_place_name(&self, b: &Block<'_>, run: Range<usize>) -> bool {
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
    pub(super) fn is_state_head(&self, folded: &str) -> bool {
        matches!(folded, "جمهوريه" | "مملكه" | "اماره" | "سلطنه" | "دوله")
    }

    /// "أرارات ميرزويان": a given name that is also a town, followed by a surname.
    pub(super) fn first_name_over_place(&self, b: &mut Block<'_>, i: usize) -> bool {
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
    pub(super) fn name_with_demonym_place(&self, b: &mut Block<'_>, i: usize) -> bool {
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
        self.push(b, i..end, start, Kind::Place, key, name);
        true
    }

    /// A clitic-stripped stem long enough to be a name ("وباغانيس" → "باغانيس").
    pub(super) fn name_like_stem(&self, folded: &str) -> bool {
        folded.chars().count() >= 4
    }
}
