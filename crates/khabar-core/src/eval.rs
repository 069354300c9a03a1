//! Scoring extraction against hand annotations, as `tests/fixtures/README`-style gold files
//! describe: document-level entity matching after normalisation, one-to-one, micro-averaged.

use crate::text::normalize::fold;
use serde::Deserialize;

/// One gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub file: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub dates: Vec<GoldDate>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldDate {
    pub value: String,
    #[serde(default)]
    pub until: Option<String>,
}

/// A predicted entity: its kind and every form it was seen in (name and mention texts).
#[derive(Debug, Clone)]
pub struct Predicted {
    pub kind: String,
    pub forms: Vec<String>,
}

/// Matching form of a name: folded, and leading و/ف, ب/ل/ك and ال taken off words longer
/// than four letters.
pub fn match_form(s: &str) -> String {
    fold(s)
        .split_whitespace()
        .map(|word| {
            let mut w: &str = word;
            let long = |w: &str| w.chars().count() > 4;
            for prefixes in [&["و", "ف"][..], &["ب", "ل", "ك"], &["ال"]] {
                if long(w)
                    && let Some(rest) = prefixes.iter().find_map(|p| w.strip_prefix(p))
                {
                    w = rest;
                }
            }
            w.to_owned()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Counts for precision and recall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub matched: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.matched += other.matched;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.matched as f64 / self.predicted as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores one article's entities: maximum one-to-one matching where kinds agree and a form
/// equals a gold name or alias. Returns the counts and, for reports, the unmatched on each side.
pub fn score_entities(
    predicted: &[Predicted],
    gold: &[GoldEntity],
) -> (Counts, Vec<usize>, Vec<usize>) {
    let gold_forms: Vec<Vec<String>> = gold
        .iter()
        .map(|g| {
            std::iter::once(&g.name)
                .chain(&g.aliases)
                .map(|s| match_form(s))
                .collect()
        })
        .collect();
    let edges: Vec<Vec<usize>> = predicted
        .iter()
        .map(|p| {
            let forms: Vec<String> = p.forms.iter().map(|f| match_form(f)).collect();
            (0..gold.len())
                .filter(|&g| {
                    gold[g].kind == p.kind && forms.iter().any(|f| gold_forms[g].contains(f))
                })
                .collect()
        })
        .collect();
    // Kuhn's augmenting paths: small graphs, exact maximum matching.
    let mut owner: Vec<Option<usize>> = vec![None; gold.len()];
    fn augment(
        p: usize,
        edges: &[Vec<usize>],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for &g in &edges[p] {
            if seen[g] {
                continue;
            }
            seen[g] = true;
            if owner[g].is_none_or(|q| augment(q, edges, owner, seen)) {
                owner[g] = Some(p);
                return true;
            }
        }
        false
    }
    for p in 0..predicted.len() {
        let mut seen = vec![false; gold.len()];
        augment(p, &edges, &mut owner, &mut seen);
    }
    let matched_predicted: Vec<usize> = owner.iter().flatten().copied().collect();
    let unmatched_predicted = (0..predicted.len())
        .filter(|p| !matched_predicted.contains(p))
        .collect();
    let unmatched_gold = (0..gold.len()).filter(|&g| owner[g].is_none()).collect();
    let counts = Counts {
        matched: matched_predicted.len(),
        predicted: predicted.len(),
        gold: gold.len(),
    };
    (counts, unmatched_predicted, unmatched_gold)
}

/// Scores date values (with `until`s) of one article as sets.
pub fn score_dates(predicted: &[(String, Option<String>)], gold: &[GoldDate]) -> Counts {
    let set = |items: Vec<String>| items.into_iter().collect::<std::collections::BTreeSet<_>>();
    let p = set(predicted
        .iter()
        .flat_map(|(v, u)| std::iter::once(v.clone()).chain(u.clone()))
        .collect());
    let g = set(gold
        .iter()
        .flat_map(|d| std::iter::once(d.value.clone()).chain(d.until.clone()))
        .collect());
    Counts {
        matched: p.intersection(&g).count(),
        predicted: p.len(),
        gold: g.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(name: &str, kind: &str, aliases: &[&str]) -> GoldEntity {
        GoldEntity {
            name: name.into(),
            kind: kind.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn match_forms_drop_clitics_and_article_on_long_words() {
        assert_eq!(match_form("وروسيا"), "روسيا");
        assert_eq!(match_form("الكرملين"), "كرملين");
        assert_eq!(match_form("قرة باغ"), "قره باغ");
        assert_eq!(match_form("ولد"), "ولد");
    }

    #[test]
    fn one_to_one_matching_penalises_duplicates() {
        let g = vec![gold("ناغورنو كاراباخ", "place", &["قره باغ", "كاراباخ"])];
        let p = vec![
            Predicted {
                kind: "place".into(),
                forms: vec!["كاراباخ".into()],
            },
            Predicted {
                kind: "place".into(),
                forms: vec!["قره باغ".into()],
            },
        ];
        let (c, fp, fn_) = score_entities(&p, &g);
        assert_eq!(
            c,
            Counts {
                matched: 1,
                predicted: 2,
                gold: 1
            }
        );
        assert_eq!((fp.len(), fn_.len()), (1, 0));
        let wrong_kind = vec![Predicted {
            kind: "org".into(),
            forms: vec!["كاراباخ".into()],
        }];
        assert_eq!(score_entities(&wrong_kind, &g).0.matched, 0);
    }

    #[test]
    fn dates_are_sets_with_until() {
        let g = vec![GoldDate {
            value: "2024-05-10".into(),
            until: Some("2024-05-11".into()),
        }];
        let c = score_dates(&[("2024-05-10".into(), None)], &g);
        assert_eq!(
            c,
            Counts {
                matched: 1,
                predicted: 1,
                gold: 2
            }
        );
    }
}

/// Scores of a corpus against its gold files.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub entities: Counts,
    /// The entities the sidebar shows unfolded (score at least `CERTAIN_FROM`), as a
    /// reader first sees them.
    pub entities_shown: Counts,
    pub dates: Counts,
    /// (correct, counted) publication dates, counted where gold states one.
    pub published: (usize, usize),
    /// Per file: name, entity counts, false positives and false negatives (as text).
    pub files: Vec<FileReport>,
}

#[derive(Debug, Default, Clone)]
pub struct FileReport {
    pub file: String,
    pub entities: Counts,
    pub dates: Counts,
    /// Predicted and gold dates as `value` or `value..until`, for reports.
    pub predicted_dates: Vec<String>,
    pub gold_dates: Vec<String>,
    pub published: Option<String>,
    pub false_positives: Vec<String>,
    pub false_negatives: Vec<String>,
}

/// Evaluates the main article (part 1) of each gold file's document.
pub fn evaluate(
    corpus: &crate::corpus::Corpus,
    annotations: &crate::extract::annotations::Annotations,
    golds: &[Gold],
) -> Report {
    let mut report = Report::default();
    for gold in golds {
        let found = corpus
            .documents
            .iter()
            .position(|d| d.file == gold.file || d.file.ends_with(&format!("/{}", gold.file)));
        let (predicted, published, dates) = match found {
            Some(d) => {
                let doc = &corpus.documents[d];
                let entities = annotations
                    .entities
                    .get(d)
                    .and_then(|a| a.first())
                    .cloned()
                    .unwrap_or_default();
                let predicted: Vec<(Predicted, u16)> = entities
                    .iter()
                    .map(|e| {
                        let p = Predicted {
                            kind: e.kind.as_str().to_owned(),
                            forms: std::iter::once(e.name.clone())
                                .chain(e.mentions.iter().map(|r| doc.slice(r).to_owned()))
                                .collect(),
                        };
                        (p, e.score)
                    })
                    .collect();
                let dates = annotations
                    .dates
                    .get(d)
                    .and_then(|a| a.first())
                    .cloned()
                    .unwrap_or_default();
                (
                    predicted,
                    dates.published.as_ref().map(|p| p.value.clone()),
                    dates
                        .mentions
                        .iter()
                        .map(|m| (m.value.clone(), m.until.clone()))
                        .collect::<Vec<_>>(),
                )
            }
            None => (Vec::new(), None, Vec::new()),
        };
        let shown: Vec<Predicted> = predicted
            .iter()
            .filter(|(_, score)| *score >= crate::extract::entities::CERTAIN_FROM)
            .map(|(p, _)| p.clone())
            .collect();
        report
            .entities_shown
            .add(score_entities(&shown, &gold.entities).0);
        let predicted: Vec<Predicted> = predicted.into_iter().map(|(p, _)| p).collect();
        let (counts, fp, fn_) = score_entities(&predicted, &gold.entities);
        report.entities.add(counts);
        let date_counts = score_dates(&dates, &gold.dates);
        report.dates.add(date_counts);
        if let Some(value) = &gold.published {
            report.published.1 += 1;
            report.published.0 += usize::from(published.as_deref() == Some(value));
        }
        report.files.push(FileReport {
            file: gold.file.clone(),
            entities: counts,
            dates: date_counts,
            predicted_dates: dates
                .iter()
                .map(|(v, u)| date_text(v, u.as_deref()))
                .collect(),
            gold_dates: gold
                .dates
                .iter()
                .map(|g| date_text(&g.value, g.until.as_deref()))
                .collect(),
            published,
            false_positives: fp
                .iter()
                .map(|&p| format!("{} ({})", predicted[p].forms.join(" | "), predicted[p].kind))
                .collect(),
            false_negatives: fn_
                .iter()
                .map(|&g| format!("{} ({})", gold.entities[g].name, gold.entities[g].kind))
                .collect(),
        });
    }
    report
}

fn date_text(value: &str, until: Option<&str>) -> String {
    match until {
        Some(u) => format!("{value}..{u}"),
        None => value.to_owned(),
    }
}

/// Why the gold folder could not be read. Each message starts with the path it is about.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// The folder cannot be listed.
    #[error("{}: {source}", folder.display())]
    Folder {
        folder: std::path::PathBuf,
        source: std::io::Error,
    },
    /// A gold file cannot be read.
    #[error("{}: {source}", file.display())]
    Read {
        file: std::path::PathBuf,
        source: std::io::Error,
    },
    /// A gold file is not gold JSON.
    #[error("{}: {source}", file.display())]
    Parse {
        file: std::path::PathBuf,
        source: serde_json::Error,
    },
}

/// Reads every `*.json` gold file of a folder, sorted by name.
pub fn read_gold_dir(dir: &std::path::Path) -> Result<Vec<Gold>, GoldError> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|source| GoldError::Folder {
            folder: dir.to_owned(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).map_err(|source| GoldError::Read {
                file: p.clone(),
                source,
            })?;
            serde_json::from_str(&text).map_err(|source| GoldError::Parse {
                file: p.clone(),
                source,
            })
        })
        .collect()
}
