//! Ways to open a corpus: the system folder picker (off the UI thread), a typed path when
//! the platform has no dialog service, and files or folders dropped on the window.

use khabar_core::corpus::CorpusSource;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// A picker that answers "nothing chosen" faster than this had no dialog to show.
const NO_DIALOG_SERVICE: Duration = Duration::from_millis(250);

/// A folder picker running on its own thread.
pub struct FolderPicker {
    receiver: Receiver<Option<PathBuf>>,
    started: Instant,
}

/// What a picker ended with.
pub enum PickerOutcome {
    Chosen(PathBuf),
    Cancelled,
    /// The platform showed no dialog: offer the path field instead.
    Unavailable,
}

impl FolderPicker {
    /// Opens the system dialog; `wake` is called when it closes.
    /// `title` is the dialog's title, in the interface language.
    pub fn open(title: &str, wake: impl Fn() + Send + 'static) -> FolderPicker {
        let title = title.to_owned();
        let (sender, receiver) = channel();
        let spawned = std::thread::Builder::new()
            .name("khabar-folder-picker".into())
            .spawn(move || {
                let chosen = rfd::FileDialog::new().set_title(title).pick_folder();
                let _ = sender.send(chosen);
                wake();
            });
        if spawned.is_err() {
            let (sender, receiver) = channel();
            let _ = sender.send(None);
            return FolderPicker {
                receiver,
                started: Instant::now() - NO_DIALOG_SERVICE,
            };
        }
        FolderPicker {
            receiver,
            started: Instant::now(),
        }
    }

    /// The outcome, once the dialog has closed.
    pub fn poll(&self) -> Option<PickerOutcome> {
        let answer = self.receiver.try_recv().ok()?;
        Some(match answer {
            Some(path) => PickerOutcome::Chosen(path),
            None if self.started.elapsed() < NO_DIALOG_SERVICE => PickerOutcome::Unavailable,
            None => PickerOutcome::Cancelled,
        })
    }
}

/// What dropping these paths on the window opens: one folder opens as a folder; several
/// items (or files) open together.
pub fn source_for_drop(mut paths: Vec<PathBuf>) -> Option<CorpusSource> {
    match paths.len() {
        0 => None,
        1 if paths[0].is_dir() => paths.pop().map(CorpusSource::Folder),
        _ => Some(CorpusSource::Paths(paths)),
    }
}

/// Why a typed path opens nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathProblem {
    Empty,
    /// Neither a folder nor a file (the path as typed).
    NotFound(String),
}

/// What a typed path opens, or why not.
pub fn source_for_typed_path(typed: &str) -> Result<CorpusSource, PathProblem> {
    let trimmed = typed.trim().trim_matches('"');
    if trimmed.is_empty() {
        return Err(PathProblem::Empty);
    }
    let path = PathBuf::from(trimmed);
    if path.is_dir() {
        Ok(CorpusSource::Folder(path))
    } else if path.is_file() {
        Ok(CorpusSource::Paths(vec![path]))
    } else {
        Err(PathProblem::NotFound(trimmed.to_owned()))
    }
}
