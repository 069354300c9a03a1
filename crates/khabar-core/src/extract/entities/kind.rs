//! What kind of thing an entity is: a person, a place or an organisation. Every layer names
//! it (the lexicon's gazetteers, the recognizer's rules, curation's kind changes, the index),
//! so it lives on its own, below all of them.

/// What kind of thing an entity is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Place,
    Org,
}

impl Kind {
    /// The name the extract format uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Org => "org",
        }
    }

    pub(super) fn parse(s: &str) -> Option<Kind> {
        match s.trim() {
            "person" => Some(Kind::Person),
            "place" => Some(Kind::Place),
            "org" => Some(Kind::Org),
            _ => None,
        }
    }
}
