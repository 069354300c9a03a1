//! Organisation rules: news agencies, head nouns with modifiers, bare heads with a demonym.

use super::NEWS_WORDS;
use super::{Block, CUE_BARE_HEAD, CUE_ORG_HEAD, Recognizer};
use crate::extract::entities::kind::Kind;
use crate::extract::entities::skeleton::phrase_skeleton;
use crate::text::normalize::is_format_char;

impl Recognizer<'_> {
    /// "وكالة أنباء X", "وكالة X للأنباء": the agency is X.
    pub(super) fn agency(&self, b: &mut Block<'_>, i: usize) -> bool {
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
    pub(super) fn org_head(&self, b: &mut Block<'_>, i: usize) -> bool {
        let Some(head) = self.stem_with(b, i, CUE_ORG_HEAD).cloned() else {
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
    pub(super) fn appositive(
        &self,
        b: &mut Block<'_>,
        j: usize,
        kind: Kind,
        key: String,
        name: String,
    ) {
        if j >= b.w.len() || b.covered[j] {
            return;
        }
        let word = &b.w[j];
        // Invisible format characters (isolates around the name) sit between it and the brackets.
        let invisible = |c: char| c.is_whitespace() || is_format_char(c);
        let before = b.text[..word.range.start]
            .trim_end_matches(invisible)
            .chars()
            .last();
        let after = b.text[word.range.end..]
            .trim_start_matches(is_format_char)
            .chars()
            .next();
        let opens = matches!(before, Some('(' | '"' | '“' | '«' | '['));
        let closes = matches!(after, Some(')' | '"' | '”' | '»' | ']'));
        if opens && closes {
            let start = word.range.start;
            self.push(b, j..j + 1, start, kind, key, name);
        }
    }

    /// "الخارجية الروسية" = "وزارة الخارجية الروسية".
    pub(super) fn bare_head(&self, b: &mut Block<'_>, i: usize) -> bool {
        let Some(stem) = self.stem_with(b, i, CUE_BARE_HEAD).cloned() else {
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
}
