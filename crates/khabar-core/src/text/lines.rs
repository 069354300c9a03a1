//! Lines and sentences of a text, as byte ranges into it: what counts as a line end in
//! scraped files, and the sentence around a mention. Pure functions over `&str`, below
//! segmentation and the document.

use std::ops::Range;

/// True for the characters that end a line (Unicode's mandatory breaks, UAX #14 class BK, CR
/// and LF, and NEL): scraped files mix Windows, old Mac (a lone CR) and web (U+2028/U+2029)
/// line ends, and every one of them must cut lines the same way.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Byte ranges of the lines of `text`, without their line ends (see [`is_line_break`]); CRLF is
/// one line end. The text is not changed: the ranges point into it. A final line end does
/// not start an empty line, as with [`str::lines`].
///
/// ```
/// use khabar_core::text::lines::line_ranges;
/// let text = "a\r\nb\rc\u{2028}d\n\ne\n";
/// let lines: Vec<&str> = line_ranges(text).map(|r| &text[r]).collect();
/// assert_eq!(lines, ["a", "b", "c", "d", "", "e"]);
/// ```
pub fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        // All line ends start with one of these bytes (NEL is C2 85, LS and PS E2 80 A8/A9):
        // a byte scan, not a char decode, finds them.
        let mut i = start;
        while i < bytes.len() {
            let (len, end) = match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => (2, true),
                b'\n' | b'\r' | 0x0B | 0x0C => (1, true),
                0xC2 if bytes.get(i + 1) == Some(&0x85) => (2, true),
                0xE2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
                {
                    (3, true)
                }
                _ => (1, false),
            };
            if end {
                let line = start..i;
                start = i + len;
                return Some(line);
            }
            i += 1;
        }
        let line = start..bytes.len();
        start = bytes.len();
        Some(line)
    })
}

/// The sentence of `text` around `at`, within the paragraph `within`: from after the last
/// sentence end (. ! ? ؟ followed by a space, or a line end) before it to the next one after.
///
/// ```
/// use khabar_core::text::lines::sentence_at;
/// let text = "قال أمس. وصل اليوم الأحد إلى باكو. ثم غادر";
/// let at = text.find("الأحد").unwrap();
/// assert_eq!(&text[sentence_at(text, 0..text.len(), at..at + 2)], "وصل اليوم الأحد إلى باكو.");
/// ```
pub fn sentence_at(text: &str, within: Range<usize>, at: Range<usize>) -> Range<usize> {
    let para = &text[within.clone()];
    let is_end = |i: usize, c: char| {
        (matches!(c, '.' | '!' | '?' | '؟') || is_line_break(c))
            && para[i + c.len_utf8()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
    };
    let local_start = at.start.saturating_sub(within.start).min(para.len());
    let local_end = at
        .end
        .saturating_sub(within.start)
        .clamp(local_start, para.len());
    let start = para[..local_start]
        .char_indices()
        .rev()
        .find(|&(i, c)| is_end(i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = para[local_end..]
        .char_indices()
        .find(|&(i, c)| is_end(local_end + i, c))
        .map_or(para.len(), |(i, c)| local_end + i + c.len_utf8());
    let slice = &para[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    within.start + start + lead..within.start + end - trail
}
