//! Sets of article numbers while a query is evaluated: a sorted slice (an exact term's
//! postings) or a bitset over articles (the union of a short prefix's many terms), and their
//! intersection, smallest first.

/// A set of article numbers while a query is evaluated.
pub(super) enum Set<'a> {
    Sorted(std::borrow::Cow<'a, [u32]>),
    /// One bit per article.
    Bits(Vec<u64>),
}

impl Set<'_> {
    fn size(&self) -> usize {
        match self {
            Set::Sorted(s) => s.len(),
            Set::Bits(b) => b.iter().map(|w| w.count_ones() as usize).sum(),
        }
    }

    fn into_sorted(self) -> Vec<u32> {
        match self {
            Set::Sorted(s) => s.into_owned(),
            Set::Bits(bits) => {
                let mut out = Vec::new();
                for (i, &word) in bits.iter().enumerate() {
                    let mut w = word;
                    while w != 0 {
                        out.push((i * 64) as u32 + w.trailing_zeros());
                        w &= w - 1;
                    }
                }
                out
            }
        }
    }

    /// Keeps the members of sorted `items` that are in this set.
    fn retain_in(&self, items: &mut Vec<u32>) {
        match self {
            Set::Bits(bits) => {
                items.retain(|&a| bits[a as usize / 64] & (1 << (a % 64)) != 0);
            }
            Set::Sorted(sorted) => {
                let mut rest: &[u32] = sorted;
                items.retain(|&a| {
                    let i = rest.partition_point(|&x| x < a);
                    rest = &rest[i..];
                    rest.first() == Some(&a)
                });
            }
        }
    }
}

/// Keeps the articles in every set (smallest first); `None` when there are no sets.
pub(super) fn intersect(mut sets: Vec<Set<'_>>) -> Option<Vec<u32>> {
    sets.sort_by_cached_key(Set::size);
    let mut sets = sets.into_iter();
    let mut result = sets.next()?.into_sorted();
    for set in sets {
        if result.is_empty() {
            break;
        }
        set.retain_in(&mut result);
    }
    Some(result)
}
