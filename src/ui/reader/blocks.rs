//! How an article's blocks are grouped into paragraphs, and how a long paragraph is cut
//! into pieces (after spaces; blobs without spaces into short runs) so that only the
//! pieces on screen are laid out.

use super::*;

/// Blocks shown together: one block, or a run of chrome blocks (indices into the
/// document's blocks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Group {
    One(usize),
    Chrome(Range<usize>),
}

/// What the cached grouping was made from. The address of the blocks tells a reloaded
/// document (same file, same sizes, other blocks) from the one grouped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct GroupsKey {
    file: String,
    part: u16,
    blocks: usize,
    blocks_at: usize,
    text: usize,
}

impl GroupsKey {
    pub(super) fn of(doc: &Document, article: &Article) -> GroupsKey {
        GroupsKey {
            file: doc.file.clone(),
            part: article.part,
            blocks: doc.blocks.len(),
            blocks_at: doc.blocks.as_ptr() as usize,
            text: doc.text.len(),
        }
    }
}

pub(super) fn group_blocks(blocks: &[Block], part: u16) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if block.part != part {
            continue;
        }
        match (block.kind, out.last_mut()) {
            (BlockKind::Chrome, Some(Group::Chrome(run))) if run.end == i => run.end = i + 1,
            (BlockKind::Chrome, _) => out.push(Group::Chrome(i..i + 1)),
            _ => out.push(Group::One(i)),
        }
    }
    out
}

/// `range` of `text` in pieces laid out one by one: the whole range when it is short,
/// else pieces of about [`PIECE_BYTES`] cut after a space, and runs without spaces longer
/// than [`LONG_RUN_BYTES`] cut into [`BLOB_PIECE_BYTES`] pieces of their own.
pub(super) fn pieces(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = range.start;
    let end = range.end;
    std::iter::from_fn(move || {
        if start >= end {
            return None;
        }
        let piece = next_piece(text, start, end);
        start = piece.end;
        Some(piece)
    })
}

fn next_piece(text: &str, start: usize, end: usize) -> Range<usize> {
    // Shorter than a long run (and so than a piece): nothing to cut.
    if end - start <= LONG_RUN_BYTES {
        return start..end;
    }
    // After the last space seen (where a piece can end), and where the current run began.
    let mut after_space = None;
    let mut run_start = start;
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        if c.is_whitespace() {
            after_space = Some(at + c.len_utf8());
            run_start = at + c.len_utf8();
            if at - start >= PIECE_BYTES {
                return start..at + c.len_utf8();
            }
            continue;
        }
        if at - run_start >= LONG_RUN_BYTES {
            // A blob: end the piece before it, or cut a slice of it as a piece.
            return if run_start > start {
                start..run_start
            } else {
                start..floor_char_boundary(text, start + BLOB_PIECE_BYTES)
            };
        }
        if at - start >= PIECE_BYTES
            && let Some(cut) = after_space
        {
            return start..cut;
        }
    }
    start..end
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// End of the part of `range` that fits in `budget` bytes, at a word boundary.
pub(super) fn cut_point(text: &str, range: Range<usize>, budget: usize) -> usize {
    if range.len() <= budget {
        return range.end;
    }
    let mut end = range.start + budget;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[range.start..end]
        .rfind(char::is_whitespace)
        .map_or(end, |i| range.start + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<Range<usize>> {
        pieces(text, 0..text.len()).collect()
    }

    fn assert_tiles(text: &str, p: &[Range<usize>]) {
        assert_eq!(p.first().map(|r| r.start), Some(0));
        assert_eq!(p.last().map(|r| r.end), Some(text.len()));
        for pair in p.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        assert!(
            p.iter()
                .all(|r| !r.is_empty() && text.get(r.clone()).is_some())
        );
    }

    #[test]
    fn a_paragraph_is_one_piece() {
        let text = "وصل الرئيس إلى باكو في زيارة رسمية. ".repeat(40);
        assert!(text.len() > LONG_RUN_BYTES);
        let p = cut(&text);
        assert_eq!((p.len(), p[0].clone()), (1, 0..text.len()));
    }

    #[test]
    fn a_long_line_is_cut_after_spaces() {
        let text = "كلمة في سطر طويل ".repeat(3000);
        let p = cut(&text);
        assert_tiles(&text, &p);
        assert!(p.len() >= text.len() / (PIECE_BYTES + 40), "{}", p.len());
        for r in &p[..p.len() - 1] {
            assert!(text[r.clone()].ends_with(' '), "{r:?}");
            assert!(r.len() <= PIECE_BYTES + 40, "{r:?}");
        }
    }

    #[test]
    fn a_run_without_spaces_is_cut_into_short_pieces() {
        let blob = "ب".repeat(1000);
        let text = format!("قال {blob} إن");
        let p = cut(&text);
        assert_tiles(&text, &p);
        assert_eq!(&text[p[0].clone()], "قال ");
        assert!(
            p.len() >= (2000 - LONG_RUN_BYTES) / BLOB_PIECE_BYTES,
            "{p:?}"
        );
        assert!(p.iter().all(|r| r.len() <= LONG_RUN_BYTES + 10), "{p:?}");
    }
}
