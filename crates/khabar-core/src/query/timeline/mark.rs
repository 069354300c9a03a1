//! What the timeline holds: marks on two lanes (publication, mentioned dates). Below the
//! timeline and its per-lane index, which both use them.

/// Which of the two lanes a mark belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Lane {
    /// The article's publication date.
    Published,
    /// A date mentioned in the article's text.
    Mentioned,
}

impl Lane {
    pub(super) fn index(self) -> usize {
        match self {
            Lane::Published => 0,
            Lane::Mentioned => 1,
        }
    }
}

/// One date of one article on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub lane: Lane,
    /// First day (day number), inclusive.
    pub start: i32,
    /// Last day (day number), inclusive; `end >= start`.
    pub end: i32,
    /// Index into the caller's article table.
    pub article: u32,
    /// Index of the date mention in that article ([`Mark::PUBLICATION`] for a publication mark).
    pub mention: u32,
}

impl Mark {
    /// The `mention` of a publication mark.
    pub const PUBLICATION: u32 = u32::MAX;

    /// Number of days covered (at least 1).
    pub fn days(&self) -> i32 {
        self.end - self.start + 1
    }

    /// Whether the mark's span intersects the inclusive day range `from..=to`.
    pub fn intersects(&self, from: i32, to: i32) -> bool {
        self.start <= to && self.end >= from
    }
}
