//! Watching an open corpus folder, so that articles added or changed while the app is open
//! appear without reopening it.

use notify::{EventKind, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

/// Watches a folder (recursively) for changes to the files a corpus is made of.
pub struct FolderWatcher {
    _watcher: notify::RecommendedWatcher,
    receiver: Receiver<()>,
}

impl FolderWatcher {
    /// Starts watching `folder`; `wake` is called (from the watcher's thread) on a change.
    pub fn new(folder: &Path, wake: impl Fn() + Send + 'static) -> notify::Result<FolderWatcher> {
        let (sender, receiver) = channel();
        let root = folder.to_owned();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if let Ok(event) = event
                    && is_relevant(&root, &event)
                {
                    let _ = sender.send(());
                    wake();
                }
            })?;
        watcher.watch(folder, RecursiveMode::Recursive)?;
        Ok(FolderWatcher {
            _watcher: watcher,
            receiver,
        })
    }

    /// True when a relevant change happened since the last call.
    pub fn changed(&self) -> bool {
        self.receiver.try_iter().count() > 0
    }
}

/// A file created, written, renamed or removed, other than hidden ones (Khabar's own
/// sidecar of corrections is hidden, and so are editors' temporary files): reading access
/// and metadata-only changes do not change the corpus.
fn is_relevant(root: &Path, event: &notify::Event) -> bool {
    let kind = match event.kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(notify::event::ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        _ => false,
    };
    kind && event.paths.iter().any(|p| !is_hidden(root, p))
}

/// Whether a path below `root` has a hidden component (or is a temporary file).
fn is_hidden(root: &Path, path: &Path) -> bool {
    let relative: PathBuf = path.strip_prefix(root).unwrap_or(path).to_owned();
    relative.components().any(|c| {
        let name = c.as_os_str().to_string_lossy();
        name.starts_with('.') || name.ends_with('~') || name.ends_with(".tmp")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: EventKind, path: &str) -> notify::Event {
        notify::Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn only_visible_files_created_written_or_removed_count() {
        use notify::event::{CreateKind, DataChange, MetadataKind, ModifyKind, RemoveKind};
        let root = Path::new("/corpus");
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Content));
        assert!(is_relevant(root, &event(write, "/corpus/a/b.txt")));
        assert!(is_relevant(
            root,
            &event(EventKind::Create(CreateKind::File), "/corpus/new.txt")
        ));
        assert!(is_relevant(
            root,
            &event(EventKind::Remove(RemoveKind::File), "/corpus/old.txt")
        ));
        assert!(!is_relevant(
            root,
            &event(write, "/corpus/.khabar-curation.json")
        ));
        assert!(!is_relevant(root, &event(write, "/corpus/.git/index")));
        assert!(!is_relevant(root, &event(write, "/corpus/a.txt~")));
        assert!(!is_relevant(
            root,
            &event(
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
                "/corpus/a.txt"
            )
        ));
        assert!(!is_relevant(
            root,
            &event(
                EventKind::Access(notify::event::AccessKind::Read),
                "/corpus/a.txt"
            )
        ));
    }
}
