//! Tokens of a stretch of text: words, numbers and punctuation with their byte ranges and
//! folded forms; the grammars read these, never the raw characters.

use crate::text::normalize::fold_char;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone)]
pub(super) struct Token {
    pub(super) kind: Kind,
    /// Byte range in the text.
    pub(super) range: Range<usize>,
    /// Folded text (digits made ASCII).
    pub(super) folded: String,
    /// Whitespace separates it from the previous token.
    pub(super) space_before: bool,
}

impl Token {
    pub(super) fn number(&self) -> Option<u32> {
        (self.kind == Kind::Num && self.folded.len() <= 9)
            .then(|| self.folded.parse().ok())
            .flatten()
    }
    pub(super) fn digits(&self) -> usize {
        if self.kind == Kind::Num {
            self.folded.len()
        } else {
            0
        }
    }
    pub(super) fn is_punct(&self, chars: &str) -> bool {
        self.kind == Kind::Punct && chars.contains(self.folded.as_str())
    }
}

/// The word as written and with attached proclitics (و ف ب ل ك) taken off.
pub(super) fn word_forms(word: &str) -> Vec<&str> {
    let mut forms = vec![word];
    let mut rest = word;
    for prefixes in [&["و", "ف"][..], &["ب", "ل", "ك"]] {
        if let Some(r) = prefixes.iter().find_map(|p| rest.strip_prefix(p))
            && r.chars().count() >= 2
        {
            rest = r;
            forms.push(rest);
        }
    }
    forms
}

pub(super) fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut space = true;
    let slice = &text[range.clone()];
    for (i, c) in slice.char_indices() {
        let at = range.start + i;
        let end = at + c.len_utf8();
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let folded = fold_char(c);
        let kind = match folded {
            None => {
                // Marks and tatweel continue the word they sit in.
                if let Some(last) = tokens.last_mut()
                    && last.kind == Kind::Word
                    && last.range.end == at
                {
                    last.range.end = end;
                }
                continue;
            }
            Some(f) if f.is_ascii_digit() => Kind::Num,
            Some(f) if f.is_alphabetic() => Kind::Word,
            Some(_) => Kind::Punct,
        };
        let f = folded.unwrap_or(c);
        if let Some(last) = tokens.last_mut()
            && kind != Kind::Punct
            && last.kind == kind
            && last.range.end == at
            && !space
        {
            last.range.end = end;
            last.folded.push(f);
            continue;
        }
        tokens.push(Token {
            kind,
            range: at..end,
            folded: f.to_string(),
            space_before: space,
        });
        space = false;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_offsets_and_split_clitic_digits() {
        let text = "في 10 و١١ مايو";
        let t = tokenize(text, 0..text.len());
        let kinds: Vec<Kind> = t.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [Kind::Word, Kind::Num, Kind::Word, Kind::Num, Kind::Word]
        );
        assert_eq!(t[3].folded, "11");
        assert_eq!(&text[t[3].range.clone()], "١١");
    }
}
