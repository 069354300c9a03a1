//! The reviewer's corrections to extracted entities — rename, merge, split an alias off,
//! change kind, hide — and the review state of each article, as an ordered list of edits
//! replayed over fresh extraction results on every open. Where the file lives and when it
//! may be written is [`crate::review::sidecar`]'s business.
//!
//! The file format is forward compatible: an edit or review this version cannot read (a
//! newer Khabar's) is kept verbatim and written back, skipped one by one; so are top-level
//! fields it does not know. Only a file that is not JSON at all fails to parse.

use crate::extract::entities::Entity;
use crate::extract::entities::Kind;
use crate::text::normalize::fold;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::io::Write;
use std::path::Path;

/// The version of the file format this build writes. A file with a larger one comes from a
/// newer Khabar: it is applied as far as it can be read, and never written.
pub const FORMAT_VERSION: u32 = 1;

/// One correction. Entities are named by their key (see [`Entity::key`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    Rename {
        key: String,
        name: String,
    },
    /// All mentions of `from` become mentions of `into`.
    Merge {
        from: String,
        into: String,
    },
    /// Mentions of `key` written as `alias` (compared folded) become their own entity.
    SplitAlias {
        key: String,
        alias: String,
    },
    ChangeKind {
        key: String,
        kind: Kind,
    },
    Hide {
        key: String,
    },
    /// An edit this version cannot read (a newer Khabar's, or a damaged entry): kept as it
    /// was in the file and written back unchanged, never applied.
    #[serde(skip)]
    Unknown(Value),
}

/// The edits of one corpus, oldest first, and the reviewer's state of each article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Curation {
    pub version: u32,
    pub edits: Vec<Edit>,
    /// Review state and note by article id (`file`, `file#2`; see `Document::article_id`).
    pub reviews: std::collections::BTreeMap<String, Review>,
    /// Reviews this version cannot read, by article id, kept verbatim.
    pub unknown_reviews: std::collections::BTreeMap<String, Value>,
    /// Top-level fields this version does not know, kept verbatim.
    pub extra: Map<String, Value>,
}

/// Where the reviewer is with an article.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ReviewState {
    /// Not opened yet.
    #[default]
    Unread,
    /// Opened.
    Read,
    /// Marked for attention.
    Flagged,
}

impl ReviewState {
    /// The lowercase name used in every export format: `unread`, `read` or `flagged`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewState::Unread => "unread",
            ReviewState::Read => "read",
            ReviewState::Flagged => "flagged",
        }
    }
}

/// The reviewer's state of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Review {
    #[serde(default)]
    pub state: ReviewState,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Review {
    /// True when there is nothing to keep (unread, no note).
    pub fn is_blank(&self) -> bool {
        self.state == ReviewState::Unread && self.note.is_empty()
    }
}

/// Why a corrections file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum CurationError {
    /// Not JSON, or not the shape of a corrections file at all.
    #[error("it is not a corrections file ({0})")]
    Unparsable(String),
    /// The file (or its folder, or its temporary copy) cannot be written.
    #[error("cannot save {}: {source}", path.display())]
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

impl Curation {
    /// The key of the entity an alias is split into.
    pub fn split_key(key: &str, alias: &str) -> String {
        format!("split:{key}:{}", fold(alias))
    }

    /// Applies the edits, in order, to entities by `[document][article]`. `text_of(d)` gives
    /// document `d`'s text (splits compare mention texts).
    pub fn apply<'t>(
        &self,
        base: &[Vec<Vec<Entity>>],
        text_of: impl Fn(usize) -> &'t str,
    ) -> Vec<Vec<Vec<Entity>>> {
        let mut entities = base.to_vec();
        for edit in &self.edits {
            // Name and kind of the target of a merge, from anywhere in the corpus.
            let template: Option<(String, Kind)> = match edit {
                Edit::Merge { into, .. } => entities
                    .iter()
                    .flatten()
                    .flatten()
                    .find(|e| &e.key == into)
                    .map(|e| (e.name.clone(), e.kind)),
                _ => None,
            };
            for (d, articles) in entities.iter_mut().enumerate() {
                for found in articles.iter_mut() {
                    apply_one(edit, found, text_of(d), template.as_ref());
                }
            }
        }
        entities
    }

    /// Parses a corrections file. Entries this version cannot read are kept (see the module
    /// documentation); only text that is not a JSON object with the expected containers fails.
    pub fn parse(text: &str) -> Result<Curation, CurationError> {
        let bad = |what: &str| CurationError::Unparsable(what.to_owned());
        let value: Value =
            serde_json::from_str(text).map_err(|e| CurationError::Unparsable(e.to_string()))?;
        let Value::Object(mut fields) = value else {
            return Err(bad("not a JSON object"));
        };
        let version = match fields.remove("version") {
            None => 0,
            Some(v) => v
                .as_u64()
                .and_then(|v| u32::try_from(v).ok())
                .ok_or_else(|| bad("the version is not a number"))?,
        };
        let edits = match fields.remove("edits") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(edits)) => edits
                .into_iter()
                .map(|raw| Edit::deserialize(&raw).unwrap_or(Edit::Unknown(raw)))
                .collect(),
            Some(_) => return Err(bad("\"edits\" is not a list")),
        };
        let mut curation = Curation {
            version,
            edits,
            ..Curation::default()
        };
        match fields.remove("reviews") {
            None | Some(Value::Null) => {}
            Some(Value::Object(reviews)) => {
                for (id, raw) in reviews {
                    match Review::deserialize(&raw) {
                        Ok(review) => {
                            curation.reviews.insert(id, review);
                        }
                        Err(_) => {
                            curation.unknown_reviews.insert(id, raw);
                        }
                    }
                }
            }
            Some(_) => return Err(bad("\"reviews\" is not a table")),
        }
        curation.extra = fields;
        Ok(curation)
    }

    /// The file's text: readable, indented JSON, with whatever this version could not read
    /// put back where it belongs.
    pub fn to_json(&self) -> String {
        let mut fields = self.extra.clone();
        // Whatever this build writes is in its own format (an older file is upgraded as it
        // is rewritten; a newer one is never written, see `sidecar`).
        fields.insert(
            "version".into(),
            Value::from(self.version.max(FORMAT_VERSION)),
        );
        let edits = self
            .edits
            .iter()
            .map(|edit| match edit {
                Edit::Unknown(raw) => raw.clone(),
                known => serde_json::to_value(known).unwrap_or(Value::Null),
            })
            .collect();
        fields.insert("edits".into(), Value::Array(edits));
        if !self.reviews.is_empty() || !self.unknown_reviews.is_empty() {
            let mut reviews: Map<String, Value> = self
                .unknown_reviews
                .iter()
                .map(|(id, raw)| (id.clone(), raw.clone()))
                .collect();
            for (id, review) in &self.reviews {
                reviews.insert(
                    id.clone(),
                    serde_json::to_value(review).unwrap_or(Value::Null),
                );
            }
            fields.insert("reviews".into(), Value::Object(reviews));
        }
        serde_json::to_string_pretty(&Value::Object(fields)).unwrap_or_default() + "\n"
    }

    /// Edits this version cannot apply (kept in the file).
    pub fn unknown_edits(&self) -> usize {
        self.edits
            .iter()
            .filter(|e| matches!(e, Edit::Unknown(_)))
            .count()
    }

    /// Writes the file atomically: a temporary file in the same folder, flushed to disk,
    /// then renamed over the old one, so a crash leaves either the old or the new file.
    pub fn save(&self, path: &Path) -> Result<(), CurationError> {
        let error = |source: std::io::Error| CurationError::Write {
            path: path.to_owned(),
            source,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(error)?;
        }
        let tmp = path.with_extension("json.tmp");
        // The temporary name may be taken by anything (a FIFO even): start from nothing.
        let _ = std::fs::remove_file(&tmp);
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(error)?;
        file.write_all(self.to_json().as_bytes()).map_err(error)?;
        file.sync_all().map_err(error)?;
        drop(file);
        std::fs::rename(&tmp, path).map_err(error)?;
        // The rename itself must reach the disk too, or a power cut can undo it.
        #[cfg(unix)]
        if let Some(parent) = path.parent()
            && let Ok(dir) = std::fs::File::open(parent)
        {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    /// The review of an article id (unread and without note when none is stored).
    pub fn review(&self, id: &str) -> Review {
        self.reviews.get(id).cloned().unwrap_or_default()
    }

    /// Stores a review, dropping blank ones so the sidecar stays small.
    pub fn set_review(&mut self, id: &str, review: Review) {
        if review.is_blank() {
            self.reviews.remove(id);
        } else {
            self.reviews.insert(id.to_owned(), review);
        }
    }
}

fn apply_one(edit: &Edit, found: &mut Vec<Entity>, text: &str, template: Option<&(String, Kind)>) {
    match edit {
        Edit::Rename { key, name } => found
            .iter_mut()
            .filter(|e| &e.key == key)
            .for_each(|e| e.name = name.clone()),
        Edit::ChangeKind { key, kind } => found
            .iter_mut()
            .filter(|e| &e.key == key)
            .for_each(|e| e.kind = *kind),
        Edit::Hide { key } => found.retain(|e| &e.key != key),
        Edit::Merge { from, into } => {
            let Some(i) = found.iter().position(|e| &e.key == from) else {
                return;
            };
            let moved = found.remove(i);
            match found.iter_mut().find(|e| &e.key == into) {
                Some(target) => {
                    target.mentions.extend(moved.mentions);
                    target.mentions.sort_by_key(|r| r.start);
                }
                None => {
                    let (name, kind) = template
                        .cloned()
                        .unwrap_or((moved.name.clone(), moved.kind));
                    found.push(Entity {
                        key: into.clone(),
                        name,
                        kind,
                        mentions: moved.mentions,
                        score: moved.score,
                    });
                }
            }
        }
        Edit::Unknown(_) => {}
        Edit::SplitAlias { key, alias } => {
            let folded = fold(alias);
            let Some(i) = found.iter().position(|e| &e.key == key) else {
                return;
            };
            let (split, kept): (Vec<_>, Vec<_>) = found[i]
                .mentions
                .iter()
                .cloned()
                .partition(|r| text.get(r.clone()).is_some_and(|t| fold(t) == folded));
            if split.is_empty() {
                return;
            }
            let (kind, score) = (found[i].kind, found[i].score);
            found[i].mentions = kept;
            let new_key = Curation::split_key(key, alias);
            found.push(Entity {
                key: new_key,
                name: alias.clone(),
                kind,
                mentions: split,
                score,
            });
            found.retain(|e| !e.mentions.is_empty());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file round-trips through its text (what `save` writes is `to_json`).
    fn round_trip(c: &Curation) -> Curation {
        Curation::parse(&c.to_json()).unwrap()
    }

    #[test]
    fn reviews_round_trip_and_blank_ones_are_dropped() {
        let mut c = Curation {
            version: FORMAT_VERSION,
            ..Curation::default()
        };
        c.set_review(
            "a.txt",
            Review {
                state: ReviewState::Flagged,
                note: "راجع التاريخ، \"مهم\"".into(),
            },
        );
        c.set_review("b.txt#2", Review::default());
        assert_eq!(c.reviews.len(), 1);
        let back = round_trip(&c);
        assert_eq!(back, c);
        // A file without a version is written in this build's format.
        assert_eq!(round_trip(&Curation::default()).version, FORMAT_VERSION);
        assert_eq!(back.review("a.txt").state, ReviewState::Flagged);
        assert_eq!(back.review("nothing.txt"), Review::default());
        // Older files without reviews still load.
        assert!(
            Curation::parse(r#"{"version":1,"edits":[]}"#)
                .unwrap()
                .reviews
                .is_empty()
        );
    }

    #[test]
    fn unknown_edits_reviews_and_fields_are_kept_in_place_and_skipped_one_by_one() {
        let text = r#"{
            "version": 1,
            "edits": [
                {"op": "hide", "key": "g:1"},
                {"op": "pin", "key": "p:9", "colour": "red"},
                {"op": "rename", "key": "p:b", "name": "اسم"},
                {"op": "rename", "key": "p:c"}
            ],
            "reviews": {
                "a.txt": {"state": "flagged", "note": "مهم"},
                "b.txt": {"state": "archived"}
            },
            "labels": ["x"]
        }"#;
        let c = Curation::parse(text).unwrap();
        assert_eq!(c.edits.len(), 4);
        assert_eq!(
            c.unknown_edits(),
            2,
            "the unknown op and the rename without a name"
        );
        assert_eq!(c.edits[0], Edit::Hide { key: "g:1".into() });
        assert!(matches!(&c.edits[1], Edit::Unknown(v) if v["op"] == "pin"));
        assert_eq!(c.review("a.txt").state, ReviewState::Flagged);
        assert!(c.unknown_reviews.contains_key("b.txt"));
        // Known edits still apply: the unknown ones are skipped, not the file.
        let out = c.apply(&base(), |_| TEXT);
        assert!(!out[0][0].iter().any(|e| e.key == "g:1"));
        assert_eq!(
            out[0][0].iter().find(|e| e.key == "p:b").unwrap().name,
            "اسم"
        );
        // Written back, nothing is lost and the order of edits is kept.
        let back: Value = serde_json::from_str(&c.to_json()).unwrap();
        let original: Value = serde_json::from_str(text).unwrap();
        assert_eq!(back, original);
    }

    #[test]
    fn text_that_is_not_a_corrections_file_is_an_error() {
        for bad in [
            "{ not json",
            r#"{"version":1,"edits":[{"op":"hide","key":"g"#,
            "[1,2,3]",
            r#"{"edits": 5}"#,
            r#"{"version": "one"}"#,
            "",
        ] {
            assert!(Curation::parse(bad).is_err(), "{bad:?}");
        }
    }

    const TEXT: &str = "قره باغ وكاراباخ وبوتين وفلاديمير بوتين";

    fn span(s: &str) -> std::ops::Range<usize> {
        let start = TEXT.find(s).unwrap();
        start..start + s.len()
    }

    fn base() -> Vec<Vec<Vec<Entity>>> {
        vec![vec![vec![
            Entity {
                key: "g:1".into(),
                name: "ناغورنو كاراباخ".into(),
                kind: Kind::Place,
                mentions: vec![span("قره باغ"), span("كاراباخ")],
                score: 900,
            },
            Entity {
                key: "p:a".into(),
                name: "بوتين".into(),
                kind: Kind::Person,
                mentions: vec![span("بوتين")],
                score: 900,
            },
            Entity {
                key: "p:b".into(),
                name: "فلاديمير بوتين".into(),
                kind: Kind::Person,
                mentions: vec![span("فلاديمير بوتين")],
                score: 900,
            },
        ]]]
    }

    #[test]
    fn edits_apply_in_order() {
        let curation = Curation {
            version: 1,
            edits: vec![
                Edit::Merge {
                    from: "p:a".into(),
                    into: "p:b".into(),
                },
                Edit::Rename {
                    key: "p:b".into(),
                    name: "الرئيس بوتين".into(),
                },
                Edit::SplitAlias {
                    key: "g:1".into(),
                    alias: "كاراباخ".into(),
                },
                Edit::ChangeKind {
                    key: Curation::split_key("g:1", "كاراباخ"),
                    kind: Kind::Org,
                },
            ],
            ..Default::default()
        };
        let out = curation.apply(&base(), |_| TEXT);
        let found = &out[0][0];
        let putin = found.iter().find(|e| e.key == "p:b").unwrap();
        assert_eq!(
            (putin.name.as_str(), putin.mentions.len()),
            ("الرئيس بوتين", 2)
        );
        assert!(!found.iter().any(|e| e.key == "p:a"));
        let place = found.iter().find(|e| e.key == "g:1").unwrap();
        assert_eq!(place.mentions, vec![span("قره باغ")]);
        let split = found
            .iter()
            .find(|e| e.key == Curation::split_key("g:1", "كاراباخ"))
            .unwrap();
        assert_eq!(
            (split.kind, split.mentions.clone()),
            (Kind::Org, vec![span("كاراباخ")])
        );
        let hidden = Curation {
            version: 1,
            edits: vec![Edit::Hide { key: "g:1".into() }],
            ..Default::default()
        }
        .apply(&base(), |_| TEXT);
        assert_eq!(hidden[0][0].len(), 2);
    }

    #[test]
    fn save_is_atomic_and_readable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corrections.json");
        let curation = Curation {
            version: 1,
            edits: vec![
                Edit::Hide { key: "g:7".into() },
                Edit::Rename {
                    key: "p:x".into(),
                    name: "اسم".into(),
                },
            ],
            ..Default::default()
        };
        curation.save(&path).unwrap();
        assert!(!path.with_extension("json.tmp").exists());
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(Curation::parse(&text).unwrap(), curation);
        assert!(text.contains("\"op\": \"hide\""), "readable JSON: {text}");
    }
}
