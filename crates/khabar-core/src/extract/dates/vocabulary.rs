//! The date vocabulary of `assets/dates.txt` (or the user's override): folded word sets
//! for the grammars, and the month names as written, the one list of Gregorian month names
//! that the scanner, the dateline reader, the generated corpus and the timeline axis share.

use crate::text::normalize::fold;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// The vocabulary file compiled into the binary.
pub const DEFAULT_VOCABULARY: &str = include_str!("../../../../../assets/dates.txt");

/// The date vocabulary, folded, from `assets/dates.txt` (or the user's override).
#[derive(Debug, Default)]
pub struct Vocabulary {
    pub(super) months: FxHashMap<String, u8>,
    pub(super) ambiguous_months: FxHashSet<String>,
    pub(super) hijri_months: FxHashMap<String, u8>,
    pub(super) hijri_markers: FxHashSet<String>,
    pub(super) gregorian_markers: FxHashSet<String>,
    pub(super) weekdays: FxHashMap<String, u32>,
    pub(super) year_words: FxHashSet<String>,
    pub(super) period_words: FxHashSet<String>,
    pub(super) prepositions: FxHashSet<String>,
    pub(super) count_words: FxHashSet<String>,
    pub(super) past: FxHashSet<String>,
    pub(super) next: FxHashSet<String>,
    pub(super) current: FxHashSet<String>,
    pub(super) this: FxHashSet<String>,
    pub(super) today: FxHashSet<String>,
    pub(super) yesterday: FxHashSet<String>,
    pub(super) tomorrow: FxHashSet<String>,
    pub(super) before_yesterday: FxHashSet<String>,
    pub(super) month_words: FxHashSet<String>,
    pub(super) first_day: FxHashSet<String>,
    pub(super) event_words: FxHashSet<String>,
    pub(super) range_words: FxHashSet<String>,
    pub(super) dual_words: FxHashSet<String>,
    /// Words an expression can start with (first words of multi-word names): the scanner
    /// tries the grammars only at these and at numbers.
    pub(super) starts: FxHashSet<String>,
}

impl Vocabulary {
    /// Parses the `[section]` format of `assets/dates.txt`.
    pub fn parse(source: &str) -> Vocabulary {
        let sections = crate::assets::sections(source);
        let lines = |name: &str| -> Vec<String> {
            sections
                .get(name)
                .into_iter()
                .flatten()
                .map(|l| fold(l.trim()))
                .filter(|l| !l.is_empty())
                .collect()
        };
        let set = |name: &str| lines(name).into_iter().collect::<FxHashSet<_>>();
        let numbered = |name: &str| -> FxHashMap<String, u32> {
            lines(name)
                .into_iter()
                .filter_map(|l| {
                    let (word, n) = l.rsplit_once(' ')?;
                    Some((word.trim().to_owned(), n.parse().ok()?))
                })
                .collect()
        };
        let hijri_months = |name: &str| -> FxHashMap<String, u8> {
            numbered(name)
                .into_iter()
                .filter(|(_, n)| (1..=12).contains(n))
                .map(|(w, n)| (w, n as u8))
                .collect()
        };
        let mut v = Vocabulary {
            months: MonthNames::parse(source).folded().collect(),
            ambiguous_months: set("ambiguous-months"),
            hijri_months: hijri_months("hijri-months"),
            hijri_markers: set("hijri-markers"),
            gregorian_markers: set("gregorian-markers"),
            weekdays: numbered("weekdays")
                .into_iter()
                .filter(|(_, n)| *n < 7)
                .collect(),
            year_words: set("year-words"),
            period_words: set("period-words"),
            prepositions: set("temporal-prepositions"),
            count_words: set("count-words"),
            past: set("past"),
            next: set("next"),
            current: set("current"),
            this: set("this"),
            today: set("today"),
            yesterday: set("yesterday"),
            tomorrow: set("tomorrow"),
            before_yesterday: set("before-yesterday"),
            month_words: set("month-words"),
            first_day: set("first-day"),
            event_words: set("event-words"),
            range_words: set("range-words"),
            dual_words: set("dual-words"),
            starts: FxHashSet::default(),
        };
        let first = |w: &String| w.split(' ').next().unwrap_or_default().to_owned();
        let starts: FxHashSet<String> = v
            .months
            .keys()
            .chain(v.hijri_months.keys())
            .chain(v.weekdays.keys())
            .map(first)
            .chain(
                [
                    &v.year_words,
                    &v.period_words,
                    &v.today,
                    &v.yesterday,
                    &v.tomorrow,
                    &v.before_yesterday,
                    &v.this,
                    &v.month_words,
                    &v.first_day,
                ]
                .into_iter()
                .flatten()
                .map(first),
            )
            .collect();
        v.starts = starts;
        v
    }

    /// The compiled-in vocabulary, or the user's copy from the assets override folder.
    pub fn load() -> Vocabulary {
        Vocabulary::parse(&crate::assets::text("dates.txt", DEFAULT_VOCABULARY))
    }
}

/// The vocabulary every scan reads, loaded once.
pub(super) static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(Vocabulary::load);

/// The Gregorian month names of the `[months]` section ("name number" lines), as written and
/// in the file's order, by month.
#[derive(Debug, Clone, Default)]
pub struct MonthNames {
    /// `(name as written, month 1..=12)`.
    names: Vec<(String, u8)>,
}

impl MonthNames {
    /// The `[months]` section of a vocabulary file.
    pub fn parse(source: &str) -> MonthNames {
        let sections = crate::assets::sections(source);
        let names = sections
            .get("months")
            .into_iter()
            .flatten()
            .filter_map(|line| {
                let (name, number) = line.trim().rsplit_once(' ')?;
                // Folded like every word of the file, so "١٢" numbers a month too.
                let month: u8 = fold(number).parse().ok()?;
                (1..=12).contains(&month).then(|| (name.to_owned(), month))
            })
            .collect();
        MonthNames { names }
    }

    /// The names of the compiled-in vocabulary (not the user's override): what the generated
    /// corpus and the default axis labels use, so they do not vary with the machine.
    pub fn compiled() -> &'static MonthNames {
        static COMPILED: LazyLock<MonthNames> =
            LazyLock::new(|| MonthNames::parse(DEFAULT_VOCABULARY));
        &COMPILED
    }

    /// The names of month `month` (1..=12) as written, in file order.
    pub fn of(&self, month: u8) -> impl Iterator<Item = &str> {
        self.names
            .iter()
            .filter(move |(_, m)| *m == month)
            .map(|(name, _)| name.as_str())
    }

    /// Every name folded, with its month, in file order (a later duplicate wins in a map).
    pub fn folded(&self) -> impl Iterator<Item = (String, u8)> + '_ {
        self.names
            .iter()
            .map(|(name, m)| (fold(name).trim().to_owned(), *m))
            .filter(|(name, _)| !name.is_empty())
    }

    /// The short English name of each month for labels: the shortest Latin name the file
    /// gives it ("jan", "sep" rather than "sept"), capitalised ("Jan").
    pub fn english_abbreviations(&self) -> [String; 12] {
        std::array::from_fn(|i| {
            let shortest = self
                .of(i as u8 + 1)
                .filter(|n| n.chars().all(|c| c.is_ascii_alphabetic()))
                .min_by_key(|n| n.len())
                .unwrap_or_default();
            let mut chars = shortest.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
    }
}
