//! A decoded file, cut into blocks, and the articles it holds: the text store every range
//! points into. It sits above segmentation, which it runs once when built.

use crate::text::article::{Article, Block};
use crate::text::decode::Decoded;
use crate::text::lines::sentence_at;
use crate::text::segment::Segmenter;
use std::ops::Range;
use std::path::PathBuf;

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
