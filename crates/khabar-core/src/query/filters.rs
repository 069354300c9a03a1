//! What the article list is narrowed to: one value for the entities, kinds, date range,
//! review state and search text a reviewer has chosen.
//!
//! The same `Filters` is what [`Library::filtered_entries`](crate::library::Library) takes,
//! what the UI keys its filtered-list cache on, what is saved between launches, and what
//! "Clear all" and opening another folder reset, so these four can no longer drift apart.

use crate::extract::entities::Kind;
use crate::query::timeline::Lane;
use crate::review::curation::ReviewState;

/// How several selected entities combine.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum EntityMatch {
    /// Articles mentioning every selected entity.
    #[default]
    All,
    /// Articles mentioning at least one of them.
    Any,
}

/// Which lane of the timeline a date range filters by.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum BrushLane {
    /// Articles published within the range.
    #[default]
    Published,
    /// Articles mentioning a date within the range.
    Mentioned,
}

impl From<BrushLane> for Lane {
    fn from(lane: BrushLane) -> Lane {
        match lane {
            BrushLane::Published => Lane::Published,
            BrushLane::Mentioned => Lane::Mentioned,
        }
    }
}

impl From<Lane> for BrushLane {
    fn from(lane: Lane) -> BrushLane {
        match lane {
            Lane::Published => BrushLane::Published,
            Lane::Mentioned => BrushLane::Mentioned,
        }
    }
}

/// A range of days (inclusive, days since 1970-01-01) brushed on the timeline, and the lane
/// it filters by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Brush {
    pub from: i32,
    pub to: i32,
    pub lane: BrushLane,
}

/// Every filter of the article list. The default filters nothing.
///
/// The search is kept as the text typed; the articles it matches come from the search
/// index, which the caller runs (and caches) and hands to `filtered_entries` beside this.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Articles mentioning these entities (keys), combined by `entity_match`.
    pub entities: Vec<String>,
    pub entity_match: EntityMatch,
    /// Articles mentioning at least one entity of these kinds; every article when empty.
    /// (The sidebar and the reader also show only these kinds.)
    pub kinds: Vec<Kind>,
    /// Articles with a date of the brush's lane within its range.
    pub dates: Option<Brush>,
    /// Articles with no publication date. Exclusive with `dates`.
    pub undated: bool,
    /// Articles in this review state.
    pub review: Option<ReviewState>,
    /// The search box's text.
    pub search: String,
}

impl Filters {
    /// True when no filter narrows the list. (`entity_match` alone narrows nothing.)
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
            && self.kinds.is_empty()
            && self.dates.is_none()
            && !self.undated
            && self.review.is_none()
            && self.search.trim().is_empty()
    }

    /// "Clear all": removes every filter. How entities combine is kept: it is a setting
    /// of the entity filter (it has no chip), not a filter of its own.
    pub fn clear(&mut self) {
        *self = Filters {
            entity_match: self.entity_match,
            ..Filters::default()
        };
    }

    /// Opening another corpus: removes the filters that name things of the old one
    /// (entities, dates, review states). The kinds, how entities combine and the search
    /// text mean the same in any corpus, and stay.
    pub fn forget_corpus(&mut self) {
        self.entities.clear();
        self.dates = None;
        self.undated = false;
        self.review = None;
    }

    /// Adds an entity to the filter, or takes it out when it is in it.
    pub fn toggle_entity(&mut self, key: String) {
        if let Some(at) = self.entities.iter().position(|k| *k == key) {
            self.entities.remove(at);
        } else {
            self.entities.push(key);
        }
    }

    /// Shows or hides a kind: all kinds shown is no filter (empty); the last kind shown
    /// cannot be hidden.
    pub fn toggle_kind(&mut self, kind: Kind) {
        let all = [Kind::Person, Kind::Place, Kind::Org];
        let current: Vec<Kind> = if self.kinds.is_empty() {
            all.to_vec()
        } else {
            self.kinds.clone()
        };
        let next: Vec<Kind> = if current.contains(&kind) {
            current.into_iter().filter(|k| *k != kind).collect()
        } else {
            all.into_iter()
                .filter(|k| current.contains(k) || *k == kind)
                .collect()
        };
        match next.len() {
            0 => {}
            n if n == all.len() => self.kinds.clear(),
            _ => self.kinds = next,
        }
    }

    /// Narrows to a date range, or drops it; a range replaces the undated filter.
    pub fn set_dates(&mut self, brush: Option<Brush>) {
        self.dates = brush;
        if brush.is_some() {
            self.undated = false;
        }
    }

    /// Shows only the undated articles, or all again; the undated filter replaces a range.
    pub fn show_undated(&mut self, show: bool) {
        self.undated = show;
        if show {
            self.dates = None;
        }
    }

    /// The date range as the timeline's lane and days.
    pub fn date_range(&self) -> Option<(Lane, i32, i32)> {
        self.dates.map(|b| (Lane::from(b.lane), b.from, b.to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_filter() -> Filters {
        Filters {
            entities: vec!["باكو".into(), "يريفان".into()],
            entity_match: EntityMatch::Any,
            kinds: vec![Kind::Place],
            dates: Some(Brush {
                from: 19_000,
                to: 19_030,
                lane: BrushLane::Mentioned,
            }),
            undated: false,
            review: Some(ReviewState::Flagged),
            search: "قمة".into(),
        }
    }

    #[test]
    fn the_default_filters_nothing() {
        let filters = Filters::default();
        assert!(filters.is_empty());
        assert_eq!(filters.entity_match, EntityMatch::All);
        assert!(!every_filter().is_empty());
        // Blank search text narrows nothing; any one filter does.
        let blank = Filters {
            search: "  ".into(),
            entity_match: EntityMatch::Any,
            ..Filters::default()
        };
        assert!(blank.is_empty());
        let undated = Filters {
            undated: true,
            ..Filters::default()
        };
        assert!(!undated.is_empty());
    }

    #[test]
    fn clearing_keeps_only_how_entities_combine() {
        let mut filters = every_filter();
        filters.clear();
        assert!(filters.is_empty());
        assert_eq!(
            filters,
            Filters {
                entity_match: EntityMatch::Any,
                ..Filters::default()
            }
        );
    }

    #[test]
    fn another_corpus_keeps_kinds_search_and_match() {
        let mut filters = every_filter();
        filters.undated = true;
        filters.forget_corpus();
        assert!(filters.entities.is_empty());
        assert_eq!(filters.dates, None);
        assert!(!filters.undated);
        assert_eq!(filters.review, None);
        assert_eq!(filters.kinds, [Kind::Place]);
        assert_eq!(filters.search, "قمة");
        assert_eq!(filters.entity_match, EntityMatch::Any);
    }

    #[test]
    fn serde_round_trip_and_older_saved_state() {
        let filters = every_filter();
        let json = serde_json::to_string(&filters).unwrap();
        assert_eq!(serde_json::from_str::<Filters>(&json).unwrap(), filters);
        // A field missing (saved by an older version) is filled in with its default.
        let partial: Filters = serde_json::from_str(r#"{"search":"x"}"#).unwrap();
        assert_eq!(
            partial,
            Filters {
                search: "x".into(),
                ..Filters::default()
            }
        );
    }

    #[test]
    fn entities_toggle_in_and_out_in_order() {
        let mut filters = Filters::default();
        filters.toggle_entity("a".into());
        filters.toggle_entity("b".into());
        assert_eq!(filters.entities, ["a", "b"]);
        filters.toggle_entity("a".into());
        assert_eq!(filters.entities, ["b"]);
    }

    #[test]
    fn kinds_toggle_to_all_and_never_to_none() {
        let mut filters = Filters::default();
        filters.toggle_kind(Kind::Person);
        assert_eq!(filters.kinds, [Kind::Place, Kind::Org]);
        filters.toggle_kind(Kind::Place);
        assert_eq!(filters.kinds, [Kind::Org]);
        filters.toggle_kind(Kind::Org);
        assert_eq!(filters.kinds, [Kind::Org], "the last kind stays shown");
        filters.toggle_kind(Kind::Person);
        filters.toggle_kind(Kind::Place);
        assert!(filters.kinds.is_empty(), "all kinds shown is no filter");
    }

    #[test]
    fn a_date_range_and_the_undated_filter_exclude_each_other() {
        let mut filters = every_filter();
        filters.show_undated(true);
        assert!(filters.undated);
        assert_eq!(filters.dates, None);
        filters.set_dates(every_filter().dates);
        assert!(!filters.undated);
        assert_eq!(
            filters.date_range(),
            Some((Lane::Mentioned, 19_000, 19_030))
        );
        filters.set_dates(None);
        filters.show_undated(false);
        assert!(filters.dates.is_none() && !filters.undated);
    }
}
