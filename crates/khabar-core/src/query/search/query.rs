//! A search query as typed in the search box: words (the last one possibly still being typed,
//! a prefix) and quoted phrases, each folded; an article must satisfy every clause.

use crate::text::words::words;
use std::ops::Range;

/// One word of a query, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The folded word.
    pub folded: String,
    /// Matches any reading that starts with `folded` (the word being typed).
    pub prefix: bool,
}

impl Term {
    /// Whether a folded reading of a text word matches this term.
    pub(super) fn matches(&self, reading: &str) -> bool {
        if self.prefix {
            reading.starts_with(&self.folded)
        } else {
            reading == self.folded
        }
    }
}

/// One condition of a query; an article must satisfy all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// A word anywhere in the article.
    Word(Term),
    /// Consecutive words, within one headline or paragraph.
    Phrase(Vec<Term>),
}

/// A parsed search-box query.
///
/// Words must all match (AND); `"quoted phrases"` must match as consecutive words (`«…»` and
/// `“…”` quote too). When the text does not end with a space or punctuation, its last word —
/// also the last word of a phrase whose closing quote is not typed yet — matches as a prefix,
/// so results appear while typing. Other words match whole, after the text's clitics are
/// stripped.
///
/// ```
/// use khabar_core::query::search::{Clause, Query, Term};
/// let q = Query::parse("أذربيجان \"قوات حفظ\" روس");
/// assert_eq!(q.clauses.len(), 3);
/// assert_eq!(q.clauses[0], Clause::Word(Term { folded: "اذربيجان".into(), prefix: false }));
/// assert!(matches!(&q.clauses[1], Clause::Phrase(words) if words.len() == 2));
/// assert_eq!(q.clauses[2], Clause::Word(Term { folded: "روس".into(), prefix: true }));
/// assert!(!Query::parse("روس ").clauses.iter().any(|c| matches!(c, Clause::Word(t) if t.prefix)));
/// assert!(Query::parse("  ").is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '«' | '»' | '“' | '”')
}

impl Query {
    /// Parses what the reviewer typed.
    pub fn parse(text: &str) -> Query {
        let mut clauses = Vec::new();
        let mut quoted = false;
        let mut start = 0;
        let mut segments: Vec<(Range<usize>, bool)> = Vec::new();
        for (i, c) in text.char_indices() {
            if is_quote(c) {
                segments.push((start..i, quoted));
                quoted = !quoted;
                start = i + c.len_utf8();
            }
        }
        segments.push((start..text.len(), quoted));
        for (range, quoted) in segments {
            let mut terms: Vec<Term> = words(text, range)
                .into_iter()
                .map(|w| Term {
                    prefix: w.range.end == text.len(),
                    folded: w.folded,
                })
                .collect();
            if quoted && terms.len() > 1 {
                clauses.push(Clause::Phrase(terms));
            } else {
                clauses.extend(terms.drain(..).map(Clause::Word));
            }
        }
        Query { clauses }
    }

    /// True when the query has no words: it matches every article.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}
