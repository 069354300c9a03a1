//! The clusters as the tagger reads them: folded word → (coarse, fine), and their file form.

use rustc_hash::FxHashMap as HashMap;
use std::fmt::Write as _;

/// Why a cluster file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ClustersError {
    #[error("line {line}: expected `word<TAB>coarse<TAB>fine`")]
    Fields { line: usize },
    #[error("line {line}: cluster id `{id}` is not a number from 0 to 65535")]
    Id { line: usize, id: String },
    #[error("line {line}: `{word}` is listed twice")]
    Duplicate { line: usize, word: String },
}

/// Folded word → (coarse cluster, fine cluster).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clusters {
    /// The file's `#` lines, without the `# ` (source, licence, settings).
    header: Vec<String>,
    map: HashMap<String, (u16, u16)>,
}

impl Clusters {
    /// Sets the clusters of `word` (learning fills a table so).
    pub(super) fn insert(&mut self, word: String, ids: (u16, u16)) {
        self.map.insert(word, ids);
    }

    /// Reads [`Clusters::to_tsv`]'s format. Blank lines are skipped; `#` lines are kept as
    /// the header.
    pub fn parse(tsv: &str) -> Result<Clusters, ClustersError> {
        let mut out = Clusters::default();
        for (i, line) in tsv.lines().enumerate() {
            let line_no = i + 1;
            if let Some(note) = line.strip_prefix('#') {
                out.header
                    .push(note.strip_prefix(' ').unwrap_or(note).to_string());
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(word), Some(coarse), Some(fine), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(ClustersError::Fields { line: line_no });
            };
            if word.is_empty() {
                return Err(ClustersError::Fields { line: line_no });
            }
            let id = |s: &str| {
                s.parse::<u16>().map_err(|_| ClustersError::Id {
                    line: line_no,
                    id: s.to_string(),
                })
            };
            let ids = (id(coarse)?, id(fine)?);
            if out.map.insert(word.to_string(), ids).is_some() {
                return Err(ClustersError::Duplicate {
                    line: line_no,
                    word: word.to_string(),
                });
            }
        }
        Ok(out)
    }

    /// The clusters of a folded word ([`crate::text::words::Word::folded`]), coarse first.
    pub fn get(&self, folded: &str) -> Option<(u16, u16)> {
        self.map.get(folded).copied()
    }

    /// The file: header lines, then one `word \t coarse \t fine` line per word, sorted by
    /// word (bytes) so the same clusters always give the same file.
    pub fn to_tsv(&self) -> String {
        let mut out = String::with_capacity(self.map.len() * 24);
        for note in &self.header {
            let _ = writeln!(out, "# {note}");
        }
        let mut rows: Vec<(&String, &(u16, u16))> = self.map.iter().collect();
        rows.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (word, (coarse, fine)) in rows {
            let _ = writeln!(out, "{word}\t{coarse}\t{fine}");
        }
        out
    }

    /// Adds a `#` line to the header (where the text came from, its licence).
    pub fn push_header(&mut self, note: impl Into<String>) {
        self.header.push(note.into());
    }

    /// The header lines, without their `# `.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True if no word has a cluster.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// One more than the largest coarse id (0 when empty): the size of a feature table.
    pub fn coarse_count(&self) -> usize {
        self.map
            .values()
            .map(|&(c, _)| c as usize + 1)
            .max()
            .unwrap_or(0)
    }

    /// One more than the largest fine id (0 when empty).
    pub fn fine_count(&self) -> usize {
        self.map
            .values()
            .map(|&(_, f)| f as usize + 1)
            .max()
            .unwrap_or(0)
    }

    /// Each (coarse, fine) cluster with its words sorted: for looking at what was learned.
    pub fn members(&self) -> Vec<(u16, u16, Vec<&str>)> {
        let mut by: std::collections::BTreeMap<(u16, u16), Vec<&str>> = Default::default();
        for (word, &ids) in &self.map {
            by.entry(ids).or_default().push(word);
        }
        by.into_iter()
            .map(|((c, f), mut w)| {
                w.sort_unstable();
                (c, f, w)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_files_are_errors_not_panics() {
        assert_eq!(
            Clusters::parse("# x\nدمشق\t1\n"),
            Err(ClustersError::Fields { line: 2 })
        );
        assert_eq!(
            Clusters::parse("دمشق\t1\t70000\n"),
            Err(ClustersError::Id {
                line: 1,
                id: "70000".into()
            })
        );
        assert!(matches!(
            Clusters::parse("دمشق\t1\t2\nدمشق\t1\t3\n"),
            Err(ClustersError::Duplicate { line: 2, .. })
        ));
        let ok = Clusters::parse("# source\n\nدمشق\t1\t2\n").unwrap();
        assert_eq!((ok.len(), ok.header().len()), (1, 1));
        assert_eq!((ok.coarse_count(), ok.fine_count()), (2, 3));
    }
}
