//! The reviewer's corrections to extracted entities — rename, merge, split an alias off,
//! change kind, hide — kept as an ordered list of edits in a readable JSON sidecar per corpus,
//! written atomically, and replayed over fresh extraction results on every open.

use crate::core::entities::Entity;
pub use crate::core::export::ReviewState;
use crate::core::lexicon::Kind;
use crate::core::normalize::fold;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};

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
}

/// The edits of one corpus, oldest first, and the reviewer's state of each article.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Curation {
    pub version: u32,
    pub edits: Vec<Edit>,
    /// Review state and note by article id (`file`, `file#2`; see `Document::article_id`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub reviews: std::collections::BTreeMap<String, Review>,
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

/// Why the sidecar could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum CurationError {
    #[error("cannot read {path}: {message}")]
    Read { path: PathBuf, message: String },
    #[error("cannot save {path}: {message}")]
    Write { path: PathBuf, message: String },
}

/// The sidecar file's name inside a corpus folder (hidden, so it is never read as an article).
pub const SIDECAR_NAME: &str = ".khabar-curation.json";

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

    /// Reads a sidecar; a missing file is an empty curation.
    pub fn load(path: &Path) -> Result<Curation, CurationError> {
        match std::fs::read_to_string(path) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| CurationError::Read {
                path: path.to_owned(),
                message: e.to_string(),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Curation::default()),
            Err(e) => Err(CurationError::Read {
                path: path.to_owned(),
                message: e.to_string(),
            }),
        }
    }

    /// Writes the sidecar atomically: a temporary file in the same folder, flushed to disk,
    /// then renamed over the old one, so a crash leaves either the old or the new file.
    pub fn save(&self, path: &Path) -> Result<(), CurationError> {
        let error = |e: std::io::Error| CurationError::Write {
            path: path.to_owned(),
            message: e.to_string(),
        };
        let json = serde_json::to_string_pretty(self).map_err(|e| CurationError::Write {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(error)?;
        }
        let tmp = path.with_extension("json.tmp");
        let mut file = std::fs::File::create(&tmp).map_err(error)?;
        file.write_all(json.as_bytes()).map_err(error)?;
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

    /// Where a folder corpus keeps its sidecar: inside the folder when it can be written,
    /// else in the user's data folder under a name derived from the folder's path.
    pub fn sidecar_for_folder(folder: &Path) -> PathBuf {
        let inside = folder.join(SIDECAR_NAME);
        let writable = std::fs::metadata(folder).is_ok_and(|m| !m.permissions().readonly())
            && std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&inside)
                .is_ok_and(|_| {
                    // Creating it to test writability must not leave an empty, invalid sidecar.
                    if std::fs::metadata(&inside).is_ok_and(|m| m.len() == 0) {
                        let _ = std::fs::remove_file(&inside);
                    }
                    true
                });
        if writable {
            inside
        } else {
            Self::in_data_dir(&folder.display().to_string())
        }
    }

    /// A sidecar in the user's data folder for a corpus without a writable folder.
    pub fn in_data_dir(name: &str) -> PathBuf {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        name.hash(&mut hasher);
        dirs::data_dir()
            .unwrap_or_else(std::env::temp_dir)
            .join("khabar")
            .join("curation")
            .join(format!("{:016x}.json", hasher.finish()))
    }
}

/// Writes sidecars on one background thread so the UI never waits on the disk. Saves asked for
/// while one is being written are coalesced (the newest state wins) and never reordered, so an
/// older state can not overwrite a newer one. Dropping the saver waits for pending writes.
pub struct Saver {
    sender: Option<Sender<(PathBuf, Curation)>>,
    results: Receiver<Result<(), String>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Saver {
    /// Starts the writer thread; `notify` is called after each write (to wake the UI).
    pub fn new(notify: impl Fn() + Send + 'static) -> Saver {
        let (sender, jobs) = std::sync::mpsc::channel::<(PathBuf, Curation)>();
        let (report, results) = std::sync::mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("khabar-save".into())
            .spawn(move || {
                while let Ok(mut job) = jobs.recv() {
                    // Only the newest state of each burst is written.
                    while let Ok(newer) = jobs.try_recv() {
                        if newer.0 != job.0 {
                            let _ = report.send(job.1.save(&job.0).map_err(|e| e.to_string()));
                        }
                        job = newer;
                    }
                    let _ = report.send(job.1.save(&job.0).map_err(|e| e.to_string()));
                    notify();
                }
            })
            .ok();
        Saver {
            sender: Some(sender),
            results,
            thread,
        }
    }

    /// Queues a save of `curation` to `path`.
    pub fn save(&self, path: &Path, curation: &Curation) {
        if let Some(sender) = &self.sender {
            let _ = sender.send((path.to_owned(), curation.clone()));
        }
    }

    /// Results of the writes finished since the last call.
    pub fn results(&self) -> Vec<Result<(), String>> {
        self.results.try_iter().collect()
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.sender.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
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
                    });
                }
            }
        }
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
            let kind = found[i].kind;
            found[i].mentions = kept;
            let new_key = Curation::split_key(key, alias);
            found.push(Entity {
                key: new_key,
                name: alias.clone(),
                kind,
                mentions: split,
            });
            found.retain(|e| !e.mentions.is_empty());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reviews_round_trip_and_blank_ones_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(SIDECAR_NAME);
        let mut c = Curation::default();
        c.set_review(
            "a.txt",
            Review {
                state: ReviewState::Flagged,
                note: "راجع التاريخ، \"مهم\"".into(),
            },
        );
        c.set_review("b.txt#2", Review::default());
        assert_eq!(c.reviews.len(), 1);
        c.save(&path).unwrap();
        let back = Curation::load(&path).unwrap();
        assert_eq!(back, c);
        assert_eq!(back.review("a.txt").state, ReviewState::Flagged);
        assert_eq!(back.review("nothing.txt"), Review::default());
        // Older sidecars without reviews still load.
        std::fs::write(&path, r#"{"version":1,"edits":[]}"#).unwrap();
        assert!(Curation::load(&path).unwrap().reviews.is_empty());
    }

    #[test]
    fn the_saver_writes_the_newest_state_and_finishes_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(SIDECAR_NAME);
        let saver = Saver::new(|| {});
        let mut c = Curation::default();
        for n in 0..50 {
            c.set_review(
                "a.txt",
                Review {
                    state: ReviewState::Read,
                    note: format!("note {n}"),
                },
            );
            saver.save(&path, &c);
        }
        drop(saver);
        assert_eq!(
            Curation::load(&path).unwrap().review("a.txt").note,
            "note 49"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
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
            },
            Entity {
                key: "p:a".into(),
                name: "بوتين".into(),
                kind: Kind::Person,
                mentions: vec![span("بوتين")],
            },
            Entity {
                key: "p:b".into(),
                name: "فلاديمير بوتين".into(),
                kind: Kind::Person,
                mentions: vec![span("فلاديمير بوتين")],
            },
        ]]]
    }

    #[test]
    fn edits_apply_in_order() {
        let curation = Curation {
            version: 1,
            reviews: Default::default(),
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
            reviews: Default::default(),
            edits: vec![Edit::Hide { key: "g:1".into() }],
        }
        .apply(&base(), |_| TEXT);
        assert_eq!(hidden[0][0].len(), 2);
    }

    #[test]
    fn sidecar_round_trip_is_atomic_and_tolerates_absence() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(SIDECAR_NAME);
        assert_eq!(Curation::load(&path).unwrap(), Curation::default());
        let curation = Curation {
            version: 1,
            reviews: Default::default(),
            edits: vec![
                Edit::Hide { key: "g:7".into() },
                Edit::Rename {
                    key: "p:x".into(),
                    name: "اسم".into(),
                },
            ],
        };
        curation.save(&path).unwrap();
        assert!(!path.with_extension("json.tmp").exists());
        assert_eq!(Curation::load(&path).unwrap(), curation);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"op\": \"hide\""), "readable JSON: {text}");
        std::fs::write(&path, "{ not json").unwrap();
        assert!(Curation::load(&path).is_err());
    }

    #[test]
    fn sidecar_goes_inside_a_writable_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            Curation::sidecar_for_folder(dir.path()),
            dir.path().join(SIDECAR_NAME)
        );
        assert!(
            !dir.path().join(SIDECAR_NAME).exists(),
            "probing leaves no file behind"
        );
        let elsewhere = Curation::sidecar_for_folder(Path::new("/nonexistent/corpus"));
        assert!(
            elsewhere.ends_with(elsewhere.file_name().unwrap())
                && elsewhere.to_string_lossy().contains("khabar")
        );
    }
}
