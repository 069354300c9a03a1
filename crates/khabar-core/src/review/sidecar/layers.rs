//! Corrections in layers: a read-only folder's own file beneath, the reviewer's overlay on
//! top. Layering them gives what is in effect; the overlay stores only what differs.

use crate::review::curation::{Curation, FORMAT_VERSION, Review};
use std::collections::BTreeMap;

/// `top` over `base`: base edits then top's; reviews of top replace base's (a blank review
/// in top clears one of base).
pub fn layered(base: &Curation, top: &Curation) -> Curation {
    let mut out = base.clone();
    out.version = base.version.max(top.version);
    out.edits.extend(top.edits.iter().cloned());
    for (id, review) in &top.reviews {
        out.set_review(id, review.clone());
    }
    out.unknown_reviews.extend(top.unknown_reviews.clone());
    out.extra.extend(top.extra.clone());
    out
}

/// What must be stored over `base` for `effective`: the edits after base's and the reviews
/// that differ (blank ones kept explicitly where they clear one of base's).
pub fn overlay_of(base: &Curation, effective: &Curation) -> Curation {
    let locked = base.edits.len().min(effective.edits.len());
    let mut reviews: BTreeMap<String, Review> = effective
        .reviews
        .iter()
        .filter(|(id, review)| base.reviews.get(*id) != Some(review))
        .map(|(id, review)| (id.clone(), review.clone()))
        .collect();
    for id in base.reviews.keys() {
        if !effective.reviews.contains_key(id) {
            reviews.insert(id.clone(), Review::default());
        }
    }
    Curation {
        version: FORMAT_VERSION,
        edits: effective.edits[locked..].to_vec(),
        reviews,
        unknown_reviews: effective
            .unknown_reviews
            .iter()
            .filter(|(id, raw)| base.unknown_reviews.get(*id) != Some(raw))
            .map(|(id, raw)| (id.clone(), raw.clone()))
            .collect(),
        extra: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::curation::{Edit, ReviewState};

    #[test]
    fn overlays_store_only_what_differs_and_layer_back_to_the_same_state() {
        let mut base = Curation {
            version: FORMAT_VERSION,
            ..Curation::default()
        };
        base.edits.push(Edit::Hide { key: "g:1".into() });
        base.set_review(
            "a.txt",
            Review {
                state: ReviewState::Flagged,
                note: "x".into(),
            },
        );
        base.set_review(
            "b.txt",
            Review {
                state: ReviewState::Read,
                note: String::new(),
            },
        );
        let mut effective = base.clone();
        effective.edits.push(Edit::Hide { key: "g:2".into() });
        effective.set_review("a.txt", Review::default());
        effective.set_review(
            "c.txt",
            Review {
                state: ReviewState::Read,
                note: String::new(),
            },
        );
        let overlay = overlay_of(&base, &effective);
        assert_eq!(overlay.edits, vec![Edit::Hide { key: "g:2".into() }]);
        assert_eq!(overlay.reviews.len(), 2, "a cleared, c added, b unchanged");
        let back = Curation::parse(&overlay.to_json()).unwrap();
        assert_eq!(layered(&base, &back), effective);
    }
}
