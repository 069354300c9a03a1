//! The structure segmentation finds in a file: blocks (line-sized pieces with a role) and the
//! articles they make up, each with its headline, publication date and body, all as byte
//! ranges into the document's text. Plain data, below segmentation and the document.

use std::ops::Range;

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
