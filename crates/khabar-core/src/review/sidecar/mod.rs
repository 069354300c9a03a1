//! Where a corpus keeps the reviewer's corrections, what was read from there, and whether it
//! may be written — so that a reviewer's work is never overwritten unless it was read.
//!
//! - A folder keeps its corrections inside itself (`.khabar-curation.json`) when it can be
//!   written. A read-only folder's own file is still applied; the reviewer's changes go to an
//!   *overlay* in the per-user data folder, layered on top of it (never written into the folder).
//! - A file that cannot be read (not JSON, truncated, not a regular file) is kept byte for
//!   byte; a timestamped copy is written beside it (or in the data folder); and nothing is
//!   written until the reviewer chooses to keep it read-only or to start afresh.
//! - A file written by a newer Khabar is applied as far as it can be read and never written.
//! - Reading never writes: `khabar extract` uses [`Sidecar::read`], which touches nothing.

mod file;
mod layers;
mod place;

pub use file::SIDECAR_NAME;
pub use layers::{layered, overlay_of};
pub use place::{default_data_dir, overlay_file};

use crate::corpus::CorpusSource;
use crate::review::curation::{Curation, CurationError, FORMAT_VERSION};
use file::{Read, back_up, is_regular, read_file};
use place::{folder_of, folder_writable};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};

/// Whether changes can be saved, and why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SidecarState {
    /// Read (or absent): changes are saved.
    Writable,
    /// A file could not be read. It is kept as it is; nothing is written until the reviewer
    /// chooses ([`Sidecar::keep_read_only`] or [`Sidecar::start_fresh`]).
    Damaged {
        file: PathBuf,
        problem: String,
        /// Where the copy of its bytes was written, or why it could not be.
        backup: Result<PathBuf, String>,
        /// The reviewer chose to leave it alone: changes last for this session only.
        kept: bool,
    },
    /// Written by a newer Khabar: shown, never written.
    Newer { file: PathBuf, version: u32 },
    /// Nowhere to write (the folder is read-only and there is no data folder either).
    Unwritable { problem: String },
}

/// Why the corrections of a corpus could not be read (by [`Sidecar::read`]).
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    /// A corrections file exists but cannot be read, or is not a corrections file.
    #[error("{}: {problem}", file.display())]
    Damaged { file: PathBuf, problem: String },
}

/// Where a corpus's corrections are read from and written to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sidecar {
    /// Where changes are saved.
    pub file: PathBuf,
    /// A read-only folder's own corrections, applied beneath those in `file`, never written.
    pub base: Option<(PathBuf, Curation)>,
    /// An overlay from a time the folder was read-only, layered in; the first save into the
    /// folder holds its work and renames it out of the way.
    pub absorbed: Option<PathBuf>,
    pub state: SidecarState,
}

/// A sidecar and the corrections read from it.
#[derive(Debug, Clone)]
pub struct Opened {
    pub sidecar: Sidecar,
    /// The corrections in effect (the base and the overlay layered).
    pub curation: Curation,
}

impl Sidecar {
    /// Opens the corrections of `source` for the window: reads them, decides where changes
    /// go (testing whether the folder can be written without touching its corrections file),
    /// and backs up a damaged file. `data_dir` is the per-user folder for corrections
    /// ([`default_data_dir`] when `None`).
    pub fn open(source: &CorpusSource, data_dir: Option<&Path>) -> Opened {
        let data_dir = data_dir.map(Path::to_owned).or_else(default_data_dir);
        let overlay = data_dir.as_deref().map(|d| overlay_file(d, source));
        let Some(folder) = folder_of(source) else {
            // The demo and dropped files keep their corrections in the data folder.
            return match overlay {
                Some(file) => open_single(file, data_dir.as_deref()),
                None => unwritable("no data folder to keep corrections in"),
            };
        };
        let inside = folder.join(SIDECAR_NAME);
        if folder_writable(folder, &inside) {
            // An overlay left from a time the folder was read-only still holds work: layer it
            // in; the first save writes everything into the folder.
            let mut opened = open_single(inside, data_dir.as_deref());
            if let (SidecarState::Writable, Some(overlay)) = (&opened.sidecar.state, overlay)
                && let Read::Parsed(extra) = read_file(&overlay)
            {
                opened.curation = layered(&opened.curation, &extra);
                opened.sidecar.absorbed = Some(overlay);
            }
            return opened;
        }
        let Some(overlay) = overlay else {
            let mut opened = open_single(inside, None);
            opened.sidecar.state = SidecarState::Unwritable {
                problem: "the folder is read-only and there is no data folder".into(),
            };
            return opened;
        };
        // Read-only folder: its own file is the base, the overlay holds the reviewer's changes.
        let base = match read_file(&inside) {
            Read::Missing => Curation::default(),
            Read::Parsed(base) => base,
            Read::Damaged { problem, bytes } => {
                let backup = back_up(&inside, &bytes, data_dir.as_deref());
                let mut opened = open_single(overlay, data_dir.as_deref());
                opened.sidecar.state = SidecarState::Damaged {
                    file: inside,
                    problem,
                    backup,
                    kept: false,
                };
                return opened;
            }
        };
        let mut opened = open_single(overlay, data_dir.as_deref());
        opened.curation = layered(&base, &opened.curation);
        if base.version > FORMAT_VERSION && opened.sidecar.state == SidecarState::Writable {
            opened.sidecar.state = SidecarState::Newer {
                file: inside.clone(),
                version: base.version,
            };
        }
        opened.sidecar.base = Some((inside, base));
        opened
    }

    /// The corrections of `source` as the window would show them, without writing anything
    /// anywhere (for `khabar extract`). A file that cannot be read is an error.
    pub fn read(source: &CorpusSource, data_dir: Option<&Path>) -> Result<Curation, SidecarError> {
        let data_dir = data_dir.map(Path::to_owned).or_else(default_data_dir);
        let overlay = data_dir.as_deref().map(|d| overlay_file(d, source));
        let mut layers = Vec::new();
        if let Some(folder) = folder_of(source) {
            layers.push(folder.join(SIDECAR_NAME));
        }
        layers.extend(overlay);
        let mut curation = Curation::default();
        for path in layers {
            match read_file(&path) {
                Read::Missing => {}
                Read::Parsed(layer) => curation = layered(&curation, &layer),
                Read::Damaged { problem, .. } => {
                    return Err(SidecarError::Damaged {
                        file: path,
                        problem,
                    });
                }
            }
        }
        Ok(curation)
    }

    /// True when changes are saved.
    pub fn may_write(&self) -> bool {
        self.state == SidecarState::Writable
    }

    /// Edits of the read-only base, which undo cannot take back.
    pub fn locked_edits(&self) -> usize {
        self.base.as_ref().map_or(0, |(_, base)| base.edits.len())
    }

    /// True when the reviewer's changes are kept in the data folder over a read-only folder.
    pub fn is_overlay(&self) -> bool {
        self.base.is_some()
    }

    /// Leaves a damaged file alone for good: changes are not saved this session.
    pub fn keep_read_only(&mut self) {
        if let SidecarState::Damaged { kept, .. } = &mut self.state {
            *kept = true;
        }
    }

    /// Starts afresh over a damaged file, whose copy was made: saving may replace it. Refused
    /// (false) when no copy could be made, unless the file held nothing (not a regular file).
    pub fn start_fresh(&mut self) -> bool {
        match &self.state {
            SidecarState::Damaged { backup: Ok(_), .. } => self.state = SidecarState::Writable,
            SidecarState::Damaged {
                backup: Err(_),
                file,
                ..
            } if !is_regular(file) => self.state = SidecarState::Writable,
            _ => {}
        }
        self.may_write()
    }

    /// What to write for the corrections in effect: all of them, or over a read-only folder
    /// only what differs from its own file.
    pub fn contents(&self, effective: &Curation) -> Curation {
        match &self.base {
            Some((_, base)) => overlay_of(base, effective),
            None => effective.clone(),
        }
    }
}

fn unwritable(problem: &str) -> Opened {
    Opened {
        sidecar: Sidecar {
            file: PathBuf::new(),
            base: None,
            absorbed: None,
            state: SidecarState::Unwritable {
                problem: problem.into(),
            },
        },
        curation: Curation::default(),
    }
}

/// One file, read and written in place.
fn open_single(file: PathBuf, data_dir: Option<&Path>) -> Opened {
    let (curation, state) = match read_file(&file) {
        Read::Missing => (Curation::default(), SidecarState::Writable),
        Read::Parsed(curation) if curation.version > FORMAT_VERSION => {
            let version = curation.version;
            let state = SidecarState::Newer {
                file: file.clone(),
                version,
            };
            (curation, state)
        }
        Read::Parsed(curation) => (curation, SidecarState::Writable),
        Read::Damaged { problem, bytes } => {
            let backup = if bytes.is_empty() && !is_regular(&file) {
                // Not a regular file: there are no bytes to keep, and it must not be replaced.
                Err("it is not a regular file".into())
            } else {
                back_up(&file, &bytes, data_dir)
            };
            let state = SidecarState::Damaged {
                file: file.clone(),
                problem,
                backup,
                kept: false,
            };
            (Curation::default(), state)
        }
    };
    Opened {
        sidecar: Sidecar {
            file,
            base: None,
            absorbed: None,
            state,
        },
        curation,
    }
}

/// One save: what to write where; `retire` is an overlay whose work the file now holds.
struct SaveJob {
    file: PathBuf,
    curation: Curation,
    retire: Option<PathBuf>,
}

/// Writes corrections on one background thread so the UI never waits on the disk. Saves asked
/// for while one is being written are coalesced (the newest state wins) and never reordered,
/// so an older state cannot overwrite a newer one. Dropping the saver waits for pending writes.
pub struct Saver {
    sender: Option<Sender<SaveJob>>,
    results: Receiver<Result<(), CurationError>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Saver {
    /// Starts the writer thread; `notify` is called after each write (to wake the UI).
    pub fn new(notify: impl Fn() + Send + 'static) -> Saver {
        let (sender, jobs) = std::sync::mpsc::channel::<SaveJob>();
        let (report, results) = std::sync::mpsc::channel();
        let write = |job: &SaveJob| {
            job.curation.save(&job.file)?;
            if let Some(old) = &job.retire {
                // Its edits are in the folder's file now; keep it under another name.
                let _ = std::fs::rename(old, old.with_extension("merged.json"));
            }
            Ok(())
        };
        let thread = std::thread::Builder::new()
            .name("khabar-save".into())
            .spawn(move || {
                while let Ok(mut job) = jobs.recv() {
                    // Only the newest state of each burst is written.
                    while let Ok(newer) = jobs.try_recv() {
                        if newer.file != job.file {
                            let _ = report.send(write(&job));
                        }
                        job = newer;
                    }
                    let _ = report.send(write(&job));
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

    /// Queues a save of the corrections in effect, if the sidecar may be written; returns
    /// whether it was queued.
    pub fn save(&self, sidecar: &Sidecar, effective: &Curation) -> bool {
        if !sidecar.may_write() {
            return false;
        }
        if let Some(sender) = &self.sender {
            let _ = sender.send(SaveJob {
                file: sidecar.file.clone(),
                curation: sidecar.contents(effective),
                retire: sidecar.absorbed.clone(),
            });
        }
        true
    }

    /// Results of the writes finished since the last call.
    pub fn results(&self) -> Vec<Result<(), CurationError>> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::curation::{Edit, Review, ReviewState};

    fn folder_with(sidecar: &[u8]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SIDECAR_NAME), sidecar).unwrap();
        dir
    }

    fn open(dir: &Path, data: &Path) -> Opened {
        Sidecar::open(&CorpusSource::Folder(dir.to_owned()), Some(data))
    }

    #[test]
    fn a_writable_folder_keeps_its_file_inside_and_probing_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let data = tempfile::tempdir().unwrap();
        let opened = open(dir.path(), data.path());
        assert_eq!(opened.sidecar.file, dir.path().join(SIDECAR_NAME));
        assert!(opened.sidecar.may_write());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "no probe left"
        );
    }

    #[test]
    fn a_damaged_file_is_kept_copied_once_and_not_written_until_the_reviewer_chooses() {
        let garbage = b"{\"version\":1,\"edits\":[{\"op\":\"hide\",\"key\":\"g:";
        let dir = folder_with(garbage);
        let data = tempfile::tempdir().unwrap();
        let mut opened = open(dir.path(), data.path());
        let SidecarState::Damaged { backup, kept, .. } = &opened.sidecar.state else {
            panic!("{:?}", opened.sidecar.state)
        };
        let backup = backup.clone().unwrap();
        assert!(!kept);
        assert_eq!(backup.parent(), Some(dir.path()), "the copy is beside it");
        assert_eq!(std::fs::read(&backup).unwrap(), garbage);
        assert!(!opened.sidecar.may_write());
        // Opening again reuses the identical copy instead of piling up new ones.
        let again = open(dir.path(), data.path());
        assert!(
            matches!(&again.sidecar.state, SidecarState::Damaged { backup: Ok(b), .. } if *b == backup)
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        // Keeping it read-only still writes nothing; starting afresh may.
        opened.sidecar.keep_read_only();
        assert!(!opened.sidecar.may_write());
        assert!(opened.sidecar.start_fresh());
        assert_eq!(
            std::fs::read(dir.path().join(SIDECAR_NAME)).unwrap(),
            garbage
        );
    }

    #[test]
    fn a_newer_format_is_applied_and_never_written() {
        let dir = folder_with(br#"{"version": 7, "edits": [{"op": "hide", "key": "g:1"}]}"#);
        let data = tempfile::tempdir().unwrap();
        let opened = open(dir.path(), data.path());
        assert_eq!(
            opened.curation.edits,
            vec![Edit::Hide { key: "g:1".into() }]
        );
        assert!(matches!(
            opened.sidecar.state,
            SidecarState::Newer { version: 7, .. }
        ));
        assert!(!opened.sidecar.may_write());
    }

    #[test]
    fn an_empty_file_is_no_corrections_and_stays_until_a_save() {
        let dir = folder_with(b"");
        let data = tempfile::tempdir().unwrap();
        let opened = open(dir.path(), data.path());
        assert!(opened.sidecar.may_write());
        assert_eq!(opened.curation, Curation::default());
        assert!(dir.path().join(SIDECAR_NAME).exists(), "not deleted");
        Sidecar::read(&CorpusSource::Folder(dir.path().into()), Some(data.path())).unwrap();
        assert!(dir.path().join(SIDECAR_NAME).exists(), "not deleted");
    }

    #[test]
    fn the_saver_writes_the_newest_state_and_finishes_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let data = tempfile::tempdir().unwrap();
        let opened = open(dir.path(), data.path());
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
            assert!(saver.save(&opened.sidecar, &c));
        }
        drop(saver);
        let text = std::fs::read_to_string(dir.path().join(SIDECAR_NAME)).unwrap();
        assert_eq!(
            Curation::parse(&text).unwrap().review("a.txt").note,
            "note 49"
        );
        let leftovers = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .count();
        assert_eq!(leftovers, 0);
    }
}
