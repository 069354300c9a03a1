//! The tags of the sequence tagger: BIO over the four ANERcorp classes.

use crate::extract::entities::kind::Kind;

/// Number of labels: O, then B/I for each [`Class`].
pub const LABELS: usize = 9;

/// An entity class of the training data. MISC (events, products, languages…) is learned so
/// that its words are not taken for names, but it makes no entity of ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Pers,
    Loc,
    Org,
    Misc,
}

impl Class {
    pub const ALL: [Class; 4] = [Class::Pers, Class::Loc, Class::Org, Class::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            Class::Pers => "PERS",
            Class::Loc => "LOC",
            Class::Org => "ORG",
            Class::Misc => "MISC",
        }
    }

    fn parse(s: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The entity kind this class makes, if any.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Class::Pers => Some(Kind::Person),
            Class::Loc => Some(Kind::Place),
            Class::Org => Some(Kind::Org),
            Class::Misc => None,
        }
    }
}

/// A BIO label as an index `0..LABELS`: 0 is O, `1 + 2c` is B-c and `2 + 2c` is I-c.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u8);

impl Label {
    pub const O: Label = Label(0);

    pub fn begin(c: Class) -> Label {
        Label(1 + 2 * c as u8)
    }

    pub fn inside(c: Class) -> Label {
        Label(2 + 2 * c as u8)
    }

    pub fn class(self) -> Option<Class> {
        (self.0 > 0).then(|| Class::ALL[(self.0 as usize - 1) / 2])
    }

    pub fn is_begin(self) -> bool {
        self.0 % 2 == 1
    }

    pub fn is_inside(self) -> bool {
        self.0 > 0 && self.0.is_multiple_of(2)
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// Whether `self` may follow `prev` (`None`: the start of a block): I-c only after B-c
    /// or I-c.
    pub fn may_follow(self, prev: Option<Label>) -> bool {
        match self.class() {
            Some(c) if self.is_inside() => {
                prev.is_some_and(|p| p.class() == Some(c) && p != Label::O)
            }
            _ => true,
        }
    }

    /// Parses `O`, `B-PERS`, `I-LOC`… (unknown classes read as O, as CoNLL scorers do).
    pub fn parse(s: &str) -> Label {
        let (bio, class) = s.split_once('-').unwrap_or((s, ""));
        match (bio, Class::parse(class)) {
            ("B", Some(c)) => Label::begin(c),
            ("I", Some(c)) => Label::inside(c),
            _ => Label::O,
        }
    }

    pub fn name(self) -> String {
        match self.class() {
            None => "O".to_owned(),
            Some(c) if self.is_begin() => format!("B-{}", c.as_str()),
            Some(c) => format!("I-{}", c.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_inside_needs_its_begin() {
        for i in 0..LABELS as u8 {
            assert_eq!(Label::parse(&Label(i).name()), Label(i));
        }
        assert_eq!(Label::parse("B-PERS"), Label::begin(Class::Pers));
        assert_eq!(Label::parse("I-MISC").class(), Some(Class::Misc));
        assert_eq!(Label::parse("B-FOO"), Label::O);
        let i_loc = Label::inside(Class::Loc);
        assert!(i_loc.may_follow(Some(Label::begin(Class::Loc))));
        assert!(i_loc.may_follow(Some(i_loc)));
        assert!(!i_loc.may_follow(Some(Label::begin(Class::Org))));
        assert!(!i_loc.may_follow(Some(Label::O)));
        assert!(!i_loc.may_follow(None));
        assert!(Label::begin(Class::Org).may_follow(None));
    }
}
