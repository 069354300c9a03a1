//! The data entity recognition runs on: gazetteers of places and organisations, first names,
//! cue words (titles, speech verbs, head nouns), demonyms. All of it lives in readable files
//! under `assets/`, compiled in and overridable at run time (see [`crate::assets`]).

use crate::assets;
use crate::extract::entities::kind::Kind;
use crate::extract::entities::skeleton::phrase_skeleton;
use crate::text::normalize::fold;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// One real-world thing of a gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerEntry {
    pub canonical: String,
    pub kind: Kind,
}

/// Everything the recogniser knows, folded for matching.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub entries: Vec<GazetteerEntry>,
    /// Folded alias (words joined by one space) → entry, for unambiguous aliases.
    pub aliases: HashMap<String, usize>,
    /// Aliases that are also common words or name several things: used only with support.
    pub ambiguous: HashMap<String, usize>,
    pub max_alias_words: usize,
    /// Skeleton of a multi-word unambiguous alias → entry (see `entities::skeleton`).
    pub skeletons: HashMap<String, usize>,
    /// Most words in a skeleton key.
    pub max_skeleton_words: usize,
    /// First words of all aliases (exact), and skeletons of first words of multi-word aliases.
    pub first_words: HashSet<String>,
    pub first_skeletons: HashSet<String>,
    /// First two words of multi-word aliases.
    pub first_pairs: HashSet<String>,
    pub first_names: HashSet<String>,
    pub titles: HashSet<String>,
    /// First words of the titles.
    pub title_first_words: HashSet<String>,
    /// Longest title phrase, in words.
    pub max_title_words: usize,
    pub speech_verbs: HashSet<String>,
    pub not_a_name: HashSet<String>,
    pub surname_suffixes: Vec<String>,
    pub org_heads: HashSet<String>,
    /// "الخارجية" → "وزارة الخارجية".
    pub bare_heads: HashMap<String, String>,
    pub place_heads: HashSet<String>,
    /// Folded demonym adjective or people plural (with and without ال) → country name.
    pub demonyms: HashMap<String, String>,
}

const PLACES: &str = include_str!("../../../../../assets/gazetteer/places.tsv");
const ORGS: &str = include_str!("../../../../../assets/gazetteer/orgs.tsv");
const FIRST_NAMES: &str = include_str!("../../../../../assets/lexicon/first_names.txt");
const PERSON_CUES: &str = include_str!("../../../../../assets/lexicon/person_cues.txt");
const ORG_CUES: &str = include_str!("../../../../../assets/lexicon/org_cues.txt");
const PLACE_CUES: &str = include_str!("../../../../../assets/lexicon/place_cues.txt");
const DEMONYMS: &str = include_str!("../../../../../assets/lexicon/demonyms.tsv");

/// The first word of each space-separated phrase.
fn first_words<'a>(phrases: impl Iterator<Item = &'a String>) -> HashSet<String> {
    phrases
        .filter_map(|p| p.split(' ').next())
        .map(str::to_owned)
        .collect()
}

/// Folds a phrase and normalises its spacing.
pub fn fold_phrase(s: &str) -> String {
    crate::text::words::words(s, 0..s.len())
        .into_iter()
        .map(|w| w.folded)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The data files a loaded lexicon reads (name under `assets/`, compiled-in default); the
/// corpus cache's version hashes them, so [`Lexicon::load`] must read exactly these.
pub const FILES: [(&str, &str); 7] = [
    ("gazetteer/places.tsv", PLACES),
    ("gazetteer/orgs.tsv", ORGS),
    ("lexicon/first_names.txt", FIRST_NAMES),
    ("lexicon/person_cues.txt", PERSON_CUES),
    ("lexicon/org_cues.txt", ORG_CUES),
    ("lexicon/place_cues.txt", PLACE_CUES),
    ("lexicon/demonyms.tsv", DEMONYMS),
];

impl Lexicon {
    /// The compiled-in data, with any user overrides.
    pub fn load() -> Lexicon {
        let [
            places,
            orgs,
            first_names,
            person_cues,
            org_cues,
            place_cues,
            demonyms,
        ] = FILES.map(|(name, default)| assets::text(name, default));
        let mut lexicon = Lexicon::default();
        lexicon.add_gazetteer(&places);
        lexicon.add_gazetteer(&orgs);
        lexicon.add_first_names(&first_names);
        lexicon.add_person_cues(&person_cues);
        lexicon.add_org_cues(&org_cues);
        lexicon.add_place_cues(&place_cues);
        lexicon.add_demonyms(&demonyms);
        lexicon
    }

    /// Adds `canonical<TAB>kind<TAB>alias|alias…[<TAB>source[<TAB>flags]]` lines.
    pub fn add_gazetteer(&mut self, source: &str) {
        for line in source.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(canonical), Some(kind)) =
                (cols.first(), cols.get(1).and_then(|k| Kind::parse(k)))
            else {
                continue;
            };
            let flagged = cols.get(4).is_some_and(|f| f.contains("ambiguous"));
            let id = self.entries.len();
            self.entries.push(GazetteerEntry {
                canonical: canonical.trim().to_owned(),
                kind,
            });
            let mut forms: Vec<&str> = vec![canonical];
            forms.extend(
                cols.get(2)
                    .map(|a| a.split('|').collect::<Vec<_>>())
                    .unwrap_or_default(),
            );
            for form in forms {
                let key = fold_phrase(form);
                if key.is_empty() {
                    continue;
                }
                self.max_alias_words = self.max_alias_words.max(key.split(' ').count());
                // A bare one-word form flagged ambiguous, or one claimed by two entries,
                // needs support from context.
                let single = !key.contains(' ');
                if flagged && single && key != fold_phrase(canonical)
                    || self.ambiguous.contains_key(&key)
                {
                    self.aliases.remove(&key);
                    self.ambiguous.insert(key, id);
                } else if let Some(&other) = self.aliases.get(&key) {
                    // Two places sharing a name (Washington city and state) still make a
                    // place mention: keep the one named so. Different kinds need context.
                    if other != id && self.entries[other].kind == kind {
                        if fold_phrase(canonical) == key
                            && fold_phrase(&self.entries[other].canonical) != key
                        {
                            self.aliases.insert(key, id);
                        }
                    } else if other != id {
                        self.aliases.remove(&key);
                        self.ambiguous.insert(key, other);
                    }
                } else {
                    self.aliases.insert(key, id);
                }
            }
        }
        self.index_aliases();
    }

    fn add_first_names(&mut self, source: &str) {
        let mut ambiguous = false;
        for line in source.lines() {
            let line = line.trim();
            if line.starts_with('#') {
                ambiguous |= line.to_lowercase().contains("ambiguous");
                continue;
            }
            if !line.is_empty() && !ambiguous {
                self.first_names.insert(fold_phrase(line));
            }
        }
    }

    fn add_person_cues(&mut self, source: &str) {
        let s = assets::sections(source);
        let folded = |name: &str| {
            s.get(name)
                .into_iter()
                .flatten()
                .map(|l| fold_phrase(l))
                .filter(|l| !l.is_empty())
        };
        self.titles.extend(folded("title"));
        self.index_titles();
        self.speech_verbs.extend(folded("speech-verb"));
        self.not_a_name.extend(folded("not-a-name"));
        self.surname_suffixes.extend(
            s.get("surname-suffix")
                .into_iter()
                .flatten()
                .map(|l| fold(l.trim()))
                .filter(|l| l.chars().count() >= 2),
        );
    }

    fn add_org_cues(&mut self, source: &str) {
        let s = assets::sections(source);
        self.org_heads
            .extend(s.get("head").into_iter().flatten().map(|l| fold_phrase(l)));
        for line in s.get("bare-head").into_iter().flatten() {
            if let Some((bare, full)) = line.split_once('\t') {
                self.bare_heads
                    .insert(fold_phrase(bare), full.trim().to_owned());
            }
        }
    }

    fn add_place_cues(&mut self, source: &str) {
        let s = assets::sections(source);
        self.place_heads
            .extend(s.get("head").into_iter().flatten().map(|l| fold_phrase(l)));
    }

    fn add_demonyms(&mut self, source: &str) {
        for line in source.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let Some(country) = cols.last().filter(|_| cols.len() >= 2) else {
                continue;
            };
            for form in &cols[..cols.len() - 1] {
                let key = fold_phrase(form);
                if key.is_empty() {
                    continue;
                }
                let bare = key.strip_prefix("ال").unwrap_or(&key).to_owned();
                self.demonyms
                    .insert(format!("ال{bare}"), country.to_string());
                self.demonyms.insert(bare, country.to_string());
            }
        }
    }

    /// Longest title and first words of titles, for matching.
    fn index_titles(&mut self) {
        self.max_title_words = self
            .titles
            .iter()
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(1);
        self.title_first_words = first_words(self.titles.iter());
    }

    /// Indexes the aliases for fast matching: first words and pairs, and the skeletons of
    /// multi-word aliases (a skeleton two entries share is dropped).
    fn index_aliases(&mut self) {
        let mut seen: HashMap<String, Option<usize>> = HashMap::default();
        for (alias, &id) in &self.aliases {
            if alias.contains(' ') {
                let key = phrase_skeleton(alias);
                let slot = seen.entry(key).or_insert(Some(id));
                if *slot != Some(id) {
                    *slot = None;
                }
            }
        }
        self.skeletons = seen
            .into_iter()
            .filter_map(|(k, v)| v.map(|id| (k, id)))
            .collect();
        self.first_pairs = self
            .aliases
            .keys()
            .chain(self.ambiguous.keys())
            .filter_map(|k| {
                let mut words = k.split(' ');
                Some(format!("{} {}", words.next()?, words.next()?))
            })
            .collect();
        self.max_skeleton_words = self
            .skeletons
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(0);
        self.first_skeletons = first_words(self.skeletons.keys());
        self.first_words = first_words(self.aliases.keys().chain(self.ambiguous.keys()));
    }

    /// Fills cue lists directly (tests build small lexicons with it).
    #[allow(clippy::too_many_arguments)]
    pub fn add_test_cues(
        &mut self,
        first_names: &[&str],
        titles: &[&str],
        speech_verbs: &[&str],
        not_a_name: &[&str],
        surname_suffixes: &[&str],
        org_heads: &[&str],
        bare_heads: &[(&str, &str)],
        place_heads: &[&str],
        demonyms: &[(&str, &str)],
    ) {
        let f = |v: &[&str]| v.iter().map(|s| fold_phrase(s)).collect::<Vec<_>>();
        self.first_names.extend(f(first_names));
        self.titles.extend(f(titles));
        self.index_titles();
        self.speech_verbs.extend(f(speech_verbs));
        self.not_a_name.extend(f(not_a_name));
        self.surname_suffixes.extend(f(surname_suffixes));
        self.org_heads.extend(f(org_heads));
        self.place_heads.extend(f(place_heads));
        for (bare, full) in bare_heads {
            self.bare_heads.insert(fold_phrase(bare), full.to_string());
        }
        for (adjective, country) in demonyms {
            let key = fold_phrase(adjective);
            self.demonyms
                .insert(format!("ال{key}"), country.to_string());
            self.demonyms.insert(key, country.to_string());
        }
    }

    /// True if a folded word is a demonym adjective or people name (الروسية, الأرمن).
    pub fn is_demonym(&self, folded: &str) -> bool {
        self.demonyms.contains_key(folded)
    }

    /// True if a folded word ends like a foreign surname (…وف, …يان, …سكي).
    pub fn has_surname_shape(&self, folded: &str) -> bool {
        folded.chars().count() >= 5
            && self
                .surname_suffixes
                .iter()
                .any(|s| folded.ends_with(s.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_lines_and_ambiguity() {
        let mut l = Lexicon::default();
        l.add_gazetteer(
            "# c\nسلطنة عمان\tplace\tسلطنة عمان|عمان\tcurated\tambiguous\nعمّان\tplace\tعمّان|Amman\tcurated\t\n\
             الأمل\torg\tالأمل\tcurated\t\nالأمل\tplace\tالأمل\tcurated\t\n\
             طرابلس\tplace\tطرابلس|Tripoli\tcurated\t\nطرابلس الشام\tplace\tطرابلس\tcurated\t\n",
        );
        assert_eq!(l.entries.len(), 6);
        assert_eq!(l.aliases.get("سلطنه عمان"), Some(&0));
        // A form flagged ambiguous needs context.
        assert!(!l.aliases.contains_key("عمان") && l.ambiguous.contains_key("عمان"));
        assert_eq!(l.aliases.get("amman"), Some(&1));
        // Two places share a form: it is a place, the one named so.
        assert_eq!(l.aliases.get("طرابلس"), Some(&4));
        // A place and an organisation share a form: it needs context.
        assert!(!l.aliases.contains_key("الامل") && l.ambiguous.contains_key("الامل"));
    }

    #[test]
    fn compiled_data_loads() {
        let l = Lexicon::load();
        assert!(l.entries.len() > 1000, "{}", l.entries.len());
        assert!(l.first_names.len() > 1000);
        assert!(l.titles.contains("وزير الخارجيه"));
        assert!(l.speech_verbs.contains("قال"));
        assert!(l.org_heads.contains("وزاره"));
        assert!(l.is_demonym("الروسيه") && l.is_demonym("الارمن"));
        assert!(l.has_surname_shape("ميرزويان"));
    }
}
