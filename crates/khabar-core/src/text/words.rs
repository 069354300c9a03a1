//! Words of Arabic (and Latin) text with byte offsets, their folded forms, and the stems left
//! when attached proclitics (و ف ب ل ك, and لل for ل + ال) are taken off.

use crate::text::normalize::{fold_char, is_format_char, is_invisible_space, is_tashkeel};
use std::ops::Range;

/// A word of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the text the words were cut from.
    pub range: Range<usize>,
    /// Folded form (see [`crate::text::normalize::fold`]).
    pub folded: String,
    /// A clause boundary (sentence punctuation, comma, colon, bracket or quote) comes right
    /// after this word: names do not run across it.
    pub break_after: bool,
    /// Only a comma (or similar light pause) follows, which appositions may cross.
    pub comma_after: bool,
    /// Part of a web address, e-mail or handle (pic.twitter.com/…, @user): not prose.
    pub in_link: bool,
}

/// A reading of a word without its proclitics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stem {
    /// Folded text of the stem (for لل, with the article's alef restored: "الكرملين").
    pub folded: String,
    /// Where the stem starts in the original text.
    pub start: usize,
}

fn is_word_char(c: char) -> bool {
    crate::text::normalize::is_arabic_letter(c)
        || c.is_ascii_alphanumeric()
        || (!c.is_ascii() && c.is_alphanumeric())
        || is_tashkeel(c)
        || c == crate::text::normalize::TATWEEL
        || c == '\''
        || c == '’'
}

/// Cuts `text[range]` into words. Offsets are absolute (into `text`).
///
/// ```
/// use khabar_core::text::words::words;
/// let text = "قال أوبراين، إن";
/// let w = words(text, 0..text.len());
/// assert_eq!(w.iter().map(|w| &text[w.range.clone()]).collect::<Vec<_>>(), ["قال", "أوبراين", "إن"]);
/// assert!(w[1].break_after && w[1].comma_after);
/// ```
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    // About one word per six bytes of Arabic prose: one allocation for most blocks.
    let mut out: Vec<Word> = Vec::with_capacity(range.len() / 6 + 1);
    let slice = &text[range.clone()];
    // The word being read: its start, and its folded form in a buffer reused for every
    // word, copied out once complete (one allocation of the right size per word).
    let mut current: Option<usize> = None;
    // End of the word's last word character: format characters after it are not part of it.
    let mut word_end = range.start;
    let mut folded = String::new();
    let mut pending_break = false;
    let mut pending_comma = false;
    for (i, c) in slice.char_indices() {
        let at = range.start + i;
        if is_word_char(c) {
            if current.is_none() {
                if let Some(last) = out.last_mut() {
                    last.break_after |= pending_break;
                    last.comma_after |= pending_comma && pending_break;
                }
                pending_break = false;
                pending_comma = false;
                current = Some(at);
                folded.clear();
            }
            word_end = at + c.len_utf8();
            if let Some(f) = fold_char(c) {
                folded.push(f);
            }
        } else if is_format_char(c) && !is_invisible_space(c) {
            // Invisible (ZWNJ inside a Persian-style word, isolates around a name, a soft
            // hyphen): neither a letter of a word nor a gap between words. A word goes on if
            // a letter follows; the gap before the next word is what it would be without it.
            continue;
        } else {
            if let Some(start) = current.take() {
                out.push(Word {
                    range: start..word_end,
                    folded: folded.clone(),
                    break_after: false,
                    comma_after: false,
                    in_link: false,
                });
            }
            if !c.is_whitespace() && !is_invisible_space(c) {
                let comma = matches!(c, '،' | ',');
                pending_comma = pending_comma || comma;
                pending_break = true;
                // A comma alone is a light break; anything else makes it a full one.
                if !comma {
                    pending_comma = false;
                }
            }
        }
    }
    if let Some(start) = current.take() {
        out.push(Word {
            range: start..word_end,
            folded: folded.clone(),
            break_after: false,
            comma_after: false,
            in_link: false,
        });
    }
    if let Some(last) = out.last_mut() {
        last.break_after = true;
    }
    out.retain(|w| !w.folded.is_empty());
    for word in &mut out {
        word.in_link = in_link(text, word.range.clone());
    }
    out
}

/// True if the whitespace-delimited chunk around `range` looks like a link or handle.
fn in_link(text: &str, range: Range<usize>) -> bool {
    let start = text[..range.start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[range.end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| range.end + i);
    let chunk = &text[start..end];
    // Every test below needs one of these bytes: most words are settled by one scan.
    if !chunk.bytes().any(|b| matches!(b, b'/' | b'@' | b'.')) {
        return false;
    }
    chunk.contains("://")
        || chunk.contains('/')
        || chunk.starts_with('@')
        || chunk.starts_with("www.")
        || (chunk.contains('.') && chunk.contains(".com"))
}

/// Readings of a word: itself, then without و/ف, then without ب/ل/ك (لل read as ل + ال).
/// Stems shorter than two letters are not offered.
///
/// ```
/// use khabar_core::text::words::{stems, words};
/// let text = "وبموسكو للكرملين";
/// let w = words(text, 0..text.len());
/// let s: Vec<String> = stems(text, &w[0]).into_iter().map(|s| s.folded).collect();
/// assert_eq!(s, ["وبموسكو", "بموسكو", "موسكو"]);
/// let k = stems(text, &w[1]);
/// assert!(k.iter().any(|s| s.folded == "الكرملين" && &text[s.start..w[1].range.end] == "لكرملين"));
/// ```
pub fn stems(text: &str, word: &Word) -> Vec<Stem> {
    let original = &text[word.range.clone()];
    std::iter::once(Stem {
        folded: word.folded.clone(),
        start: word.range.start,
    })
    .chain(
        clitic_readings(&word.folded)
            .into_iter()
            .map(|(folded, skipped)| Stem {
                folded,
                start: word.range.start + byte_after_letters(original, skipped),
            }),
    )
    .collect()
}

/// The readings of a folded word without its proclitics (the word itself not included),
/// each with the number of letters taken off: what [`stems`] offers after the word, and all
/// that depends on the folded form alone (the tagger caches it per word form).
///
/// ```
/// use khabar_core::text::words::clitic_readings;
/// assert_eq!(clitic_readings("وبموسكو"), [("بموسكو".to_owned(), 1), ("موسكو".to_owned(), 2)]);
/// assert_eq!(clitic_readings("للكرملين")[1], ("الكرملين".to_owned(), 1));
/// ```
pub fn clitic_readings(word: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut folded = word;
    let mut skipped = 0usize;
    let push = |out: &mut Vec<(String, usize)>, folded: &str, skipped: usize| {
        if folded.chars().count() >= 2 {
            out.push((folded.to_owned(), skipped));
        }
    };
    if let Some(rest) = folded.strip_prefix(['و', 'ف']) {
        folded = rest;
        skipped += 1;
        push(&mut out, folded, skipped);
    }
    if let Some(rest) = folded.strip_prefix(['ب', 'ل', 'ك']) {
        let lam = folded.starts_with('ل');
        skipped += 1;
        push(&mut out, rest, skipped);
        if lam && rest.starts_with('ل') && !rest.starts_with("ال") {
            // لل + noun = ل + ال + noun with the alef dropped in writing.
            let restored = format!("ا{rest}");
            if restored.chars().count() >= 4 {
                out.push((restored, skipped));
            }
        }
    }
    out
}

/// Byte offset in `word` after its first `letters` base characters (marks stay attached).
fn byte_after_letters(word: &str, letters: usize) -> usize {
    let mut seen = 0;
    for (i, c) in word.char_indices() {
        if fold_char(c).is_none() {
            continue;
        }
        if seen == letters {
            return i;
        }
        seen += 1;
    }
    word.len()
}

/// Range of the original text from a stem's start to the end of word `last`.
pub fn span(stem_start: usize, last: &Word) -> Range<usize> {
    stem_start..last.range.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_marks_and_offsets() {
        let text = "وَصَلَ بوتين (الرئيس) إلى «باكو».";
        let w = words(text, 0..text.len());
        let shown: Vec<&str> = w.iter().map(|w| &text[w.range.clone()]).collect();
        assert_eq!(shown, ["وَصَلَ", "بوتين", "الرئيس", "إلى", "باكو"]);
        assert_eq!(w[0].folded, "وصل");
        assert!(
            w[1].break_after && !w[1].comma_after,
            "bracket is a full break"
        );
        assert!(!w[0].break_after);
    }

    #[test]
    fn stems_strip_clitics_but_not_short_words() {
        let text = "وروسيا بباكو ولد";
        let w = words(text, 0..text.len());
        let s: Vec<_> = stems(text, &w[0]);
        assert_eq!(&text[s[1].start..w[0].range.end], "روسيا");
        let s: Vec<_> = stems(text, &w[1]).into_iter().map(|s| s.folded).collect();
        assert_eq!(s, ["بباكو", "باكو"]);
        let s: Vec<_> = stems(text, &w[2]).into_iter().map(|s| s.folded).collect();
        assert_eq!(s, ["ولد", "لد"]);
    }

    #[test]
    fn link_words_are_marked() {
        let text = "قال\u{a0}pic.twitter.com/abc و@AFP لكن باكو";
        let w = words(text, 0..text.len());
        let links: Vec<&str> = w
            .iter()
            .filter(|w| w.in_link)
            .map(|w| &text[w.range.clone()])
            .collect();
        assert_eq!(links, ["pic", "twitter", "com", "abc"]);
        assert!(!w.last().unwrap().in_link);
    }

    fn shown(text: &str) -> Vec<&str> {
        words(text, 0..text.len())
            .iter()
            .map(|w| &text[w.range.clone()])
            .collect()
    }

    #[test]
    fn format_characters_neither_split_nor_glue_words() {
        // Isolates around a word: the same words, no clause break, ranges on the letters.
        let text = "قال سامح\u{2068} شكري\u{2069} إن";
        let w = words(text, 0..text.len());
        assert_eq!(shown(text), ["قال", "سامح", "شكري", "إن"]);
        assert!(w.iter().take(3).all(|w| !w.break_after), "{w:?}");
        // Inside a word (ZWNJ, ZWJ, soft hyphen, marks): one word, folded without them.
        for mark in [
            '\u{200C}', '\u{200D}', '\u{AD}', '\u{2060}', '\u{200F}', '\u{061C}',
        ] {
            let text = format!("می{mark}خواهم و");
            let w = words(&text, 0..text.len());
            assert_eq!(w.len(), 2, "{mark:?}: {w:?}");
            assert_eq!(&text[w[0].range.clone()], format!("می{mark}خواهم"));
            assert_eq!(w[0].folded, "ميخواهم");
        }
        // Between words with a space: still two words. A zero-width space parts words.
        assert_eq!(shown("سامح \u{200D}شكري"), ["سامح", "شكري"]);
        assert_eq!(shown("سامح\u{200B}شكري"), ["سامح", "شكري"]);
        let zwsp = "سامح\u{200B}شكري";
        assert!(!words(zwsp, 0..zwsp.len())[0].break_after);
        // Trailing and leading marks are not in the range; punctuation after them still breaks.
        let text = "\u{2067}شكري\u{2069}، ثم";
        let w = words(text, 0..text.len());
        assert_eq!(&text[w[0].range.clone()], "شكري");
        assert!(w[0].break_after && w[0].comma_after);
    }

    #[test]
    fn stem_offsets_skip_marks_on_the_clitic() {
        let text = "وَبِموسكو";
        let w = words(text, 0..text.len());
        let s = stems(text, &w[0]);
        assert_eq!(&text[s.last().unwrap().start..w[0].range.end], "موسكو");
    }
}
