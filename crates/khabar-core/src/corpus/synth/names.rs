//! The name lists a generated corpus swaps names from: the gazetteers' well-known places and
//! organisations, given names, and the Arabic month names of the date vocabulary.

use crate::extract::dates::MonthNames;
use crate::text::normalize::is_arabic_letter;

pub(super) const PLACES: &str = include_str!("../../../../../assets/gazetteer/places.tsv");
pub(super) const ORGS: &str = include_str!("../../../../../assets/gazetteer/orgs.tsv");
const FIRST_NAMES: &str = include_str!("../../../../../assets/lexicon/first_names.txt");

/// Canonical names of a gazetteer (`canonical<TAB>kind<TAB>aliases<TAB>source<TAB>flags`),
/// without the ambiguous ones; for places only the well-known ones (countries from ISO codes
/// and the curated lists, not every town of GeoNames and CLDR).
pub(super) fn gazetteer_names(source: &str, well_known_only: bool) -> Vec<String> {
    source
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let name = cols.first()?.trim();
            let origin = cols.get(3).copied().unwrap_or("");
            let flags = cols.get(4).copied().unwrap_or("");
            let known =
                !well_known_only || ["iso-codes", "curated"].iter().any(|s| origin.contains(s));
            (known
                && !flags.contains("ambiguous")
                && !name.is_empty()
                && name.chars().any(is_arabic_letter))
            .then(|| name.to_owned())
        })
        .collect()
}

/// Given names of `assets/lexicon/first_names.txt`, up to its section of ambiguous names.
pub(super) fn first_names() -> Vec<String> {
    FIRST_NAMES
        .lines()
        .map(str::trim)
        .take_while(|l| !(l.starts_with('#') && l.to_lowercase().contains("ambiguous:")))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Arabic month names of the compiled-in date vocabulary, by month (index 0 = January).
pub(super) fn months() -> Vec<Vec<String>> {
    let names = MonthNames::compiled();
    (1..=12)
        .map(|m| {
            names
                .of(m)
                .filter(|name| name.chars().any(is_arabic_letter))
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lists_are_read() {
        assert!(first_names().len() > 500);
        assert!(!first_names().iter().any(|n| n.starts_with('#')));
        assert!(gazetteer_names(PLACES, true).len() > 300);
        assert!(gazetteer_names(ORGS, false).len() > 500);
        assert!(months().iter().all(|m| !m.is_empty()));
    }
}
