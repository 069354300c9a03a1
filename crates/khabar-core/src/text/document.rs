//! A decoded file, cut into blocks, and the articles it holds.

use crate::text::decode::Decoded;
use crate::text::segment::Segmenter;
use std::ops::Range;
use std::path::PathBuf;

/// What a block of a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The article's headline.
    Title,
    /// A line that states the publication date.
    Dateline,
    /// A paragraph of the article (including sub-headings and quoted posts).
    Body,
    /// Site furniture: navigation, mastheads, "read also" lists, tags, credits, nags.
    Chrome,
}

/// One line-sized piece of a file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Block {
    /// Byte range in the document text, trimmed of surrounding whitespace.
    pub range: Range<usize>,
    pub kind: BlockKind,
    /// The article (1-based part) this block is shown with; chrome goes with the article
    /// it sits in or after.
    pub part: u16,
}

/// A publication date stated by the file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Published {
    /// ISO date at the precision stated: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
    /// The dateline, as a byte range of the document text.
    pub range: Range<usize>,
}

/// An article: the main one of a file (part 1), or one appended after it (part 2, 3, …).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Article {
    pub part: u16,
    /// Headline range, if the file has one for this article.
    pub title: Option<Range<usize>>,
    pub published: Option<Published>,
    /// Ranges of the article's body paragraphs, in order.
    pub body: Vec<Range<usize>>,
}

/// A decoded, segmented file.
#[derive(Debug, Clone)]
pub struct Document {
    /// Path relative to the corpus root, `/`-separated.
    pub file: String,
    /// Where it is on disk (`None` for embedded demo files).
    pub path: Option<PathBuf>,
    /// WHATWG encoding name of the source bytes.
    pub encoding: &'static str,
    /// A problem met while decoding that the user should know about.
    pub warning: Option<String>,
    /// Decoded text; all ranges are byte offsets into it.
    pub text: String,
    /// Every non-empty line, in file order.
    pub blocks: Vec<Block>,
    /// Articles in part order; never empty.
    pub articles: Vec<Article>,
}

impl Document {
    /// Segments decoded text into blocks and articles.
    pub fn new(
        file: String,
        path: Option<PathBuf>,
        decoded: Decoded,
        segmenter: &Segmenter,
    ) -> Self {
        let warning = decoded.warning();
        let segmentation = segmenter.segment(&decoded.text);
        Document {
            file,
            path,
            encoding: decoded.encoding,
            warning,
            text: decoded.text,
            blocks: segmentation.blocks,
            articles: segmentation.articles,
        }
    }

    /// Text of a byte range.
    pub fn slice(&self, range: &Range<usize>) -> &str {
        &self.text[range.clone()]
    }

    /// The headline of an article, if any.
    pub fn title(&self, article: &Article) -> Option<&str> {
        article.title.as_ref().map(|r| self.slice(r))
    }

    /// Stable id of an article as the extract format names it (`file`, `file#2`, …).
    pub fn article_id(&self, article: &Article) -> String {
        if article.part == 1 {
            self.file.clone()
        } else {
            format!("{}#{}", self.file, article.part)
        }
    }

    /// The block (line) holding byte `offset`.
    pub fn block_at(&self, offset: usize) -> Option<&Block> {
        let i = self.blocks.partition_point(|b| b.range.end <= offset);
        self.blocks.get(i).filter(|b| b.range.start <= offset)
    }

    /// The sentence around a byte range, within its line.
    pub fn sentence_around(&self, range: &Range<usize>) -> Range<usize> {
        match self.block_at(range.start) {
            Some(block) => sentence_at(&self.text, block.range.clone(), range.clone()),
            None => range.clone(),
        }
    }

    /// Blocks shown with the given part.
    pub fn blocks_of(&self, part: u16) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(move |b| b.part == part)
    }
}

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
/// use khabar_core::text::document::line_ranges;
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
/// use khabar_core::text::document::sentence_at;
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
