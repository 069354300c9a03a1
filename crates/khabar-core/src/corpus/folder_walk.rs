//! Walking an opened folder: every file under it listed once, nothing outside it, never stuck.
//!
//! Collections come as they were scraped and copied around, with links among them. A link
//! to `/` would walk `/sys` forever, a few folders each linking twice to the next grow
//! exponentially, and a named pipe or a link to `/dev/zero` named `.txt` blocks or never
//! ends when read. So:
//!
//! - every folder is visited once, known by device and inode (by canonical path where
//!   there are no inodes); a folder met again is listed as skipped, with where it was listed;
//! - the real folders are walked before any link to a folder is followed, so that a folder
//!   is listed under its own name rather than under a link's, whatever the names' order;
//! - a link to a folder is followed only when its target is inside the opened folder;
//!   links to files may point anywhere (a folder of links to articles is legitimate);
//! - only regular files become candidates; pipes, sockets and devices are listed as
//!   skipped, never opened;
//! - the walk checks for cancellation at every entry and reports how many files it found.
//!
//! A file's id (its relative path, used as the article's key everywhere: review state, the
//! cache, sorting) is made from the raw bytes of its name by [`name_id`], so that two names never
//! share an id.

use crate::corpus::listing::{Candidate, Content, Listing, Skipped, TEXT_EXTENSIONS};
use crate::corpus::name_id::name_id;
use crate::corpus::regular_file::special_kind;
use crate::error::{LoadError, SkipReason};
use std::collections::{HashMap, VecDeque};
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The running count is reported at least this often while files are found…
const REPORT_INTERVAL: Duration = Duration::from_millis(50);
/// …and every this many files (so that a fast walk still shows progress, and tests can
/// rely on a report coming after a known number of files).
const REPORT_EVERY: usize = 256;

/// What the walk calls the opened folder itself in reasons ("points back to …").
const ROOT_NAME: &str = "the opened folder";

/// How a folder is known, to visit it once: device and inode on Unix, the canonical path
/// elsewhere. (Not `Copy` on either, so the same code clones it on both.)
#[cfg(unix)]
#[derive(Clone, PartialEq, Eq, Hash)]
struct FolderKey(u64, u64);
#[cfg(not(unix))]
#[derive(Clone, PartialEq, Eq, Hash)]
struct FolderKey(PathBuf);

#[cfg(unix)]
fn folder_key(_path: &Path, meta: &Metadata) -> std::io::Result<FolderKey> {
    use std::os::unix::fs::MetadataExt;
    Ok(FolderKey(meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn folder_key(path: &Path, _meta: &Metadata) -> std::io::Result<FolderKey> {
    path.canonicalize().map(FolderKey)
}

/// A folder and the folders above it as walked (through links too), to tell a link back to
/// one of them (a loop) from a folder merely met twice.
struct Chain {
    key: FolderKey,
    parent: Option<Rc<Chain>>,
}

impl Chain {
    fn contains(self: &Rc<Chain>, key: &FolderKey) -> bool {
        let mut at = Some(self);
        while let Some(chain) = at {
            if &chain.key == key {
                return true;
            }
            at = chain.parent.as_ref();
        }
        false
    }
}

/// A folder to list.
struct Folder {
    path: PathBuf,
    id: String,
    chain: Rc<Chain>,
}

/// A link to a folder, followed once the real folders are walked.
struct FolderLink {
    path: PathBuf,
    id: String,
    /// The folder holding the link.
    parent: Rc<Chain>,
}

/// Cancelled by the caller: the walk stops and keeps what it found.
struct Cancelled;

/// One walk over one or more roots (the folders of one source), each folder visited once.
pub struct FolderWalk<'a> {
    cancel: &'a AtomicBool,
    found: &'a dyn Fn(usize),
    last_report: Instant,
    reported: usize,
    /// Every folder visited, with the id it was listed under.
    visited: HashMap<FolderKey, String>,
    listing: Listing,
}

impl<'a> FolderWalk<'a> {
    pub fn new(cancel: &'a AtomicBool, found: &'a dyn Fn(usize)) -> FolderWalk<'a> {
        FolderWalk {
            cancel,
            found,
            last_report: Instant::now(),
            reported: 0,
            visited: HashMap::new(),
            listing: Listing::default(),
        }
    }

    /// The listing, files and skipped files in id order (the same on every run).
    pub fn finish(mut self) -> Listing {
        (self.found)(self.listing.candidates.len());
        self.listing.candidates.sort_by(|a, b| a.file.cmp(&b.file));
        self.listing.skipped.sort_by(|a, b| a.file.cmp(&b.file));
        self.listing
    }

    /// Whether the walk was cancelled (then it stops; the listing says so).
    fn is_cancelled(&mut self) -> bool {
        if self.cancel.load(Ordering::Relaxed) {
            self.listing.cancelled = true;
        }
        self.listing.cancelled
    }

    /// Lists the files under `root`, ids prefixed with `prefix/` (none when empty). Only
    /// `root` itself being missing or unreadable is an error; anything under it that cannot
    /// be listed is skipped with its reason.
    pub fn walk(&mut self, root: &Path, prefix: &str) -> Result<(), LoadError> {
        let unreadable = |e: std::io::Error| match e.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound(root.to_owned()),
            _ => LoadError::Unreadable {
                path: root.to_owned(),
                message: e.to_string(),
            },
        };
        let meta = std::fs::metadata(root).map_err(unreadable)?;
        if !meta.is_dir() {
            let id = if prefix.is_empty() {
                root.file_name()
                    .map_or_else(|| root.display().to_string(), name_id)
            } else {
                prefix.to_owned()
            };
            self.file(root, id, Ok(meta));
            return Ok(());
        }
        let canonical_root = root.canonicalize().map_err(unreadable)?;
        let key = folder_key(root, &meta).map_err(unreadable)?;
        if let Some(first) = self.visited.get(&key) {
            // Dropped twice (or with a folder inside it): listed once.
            self.skip(prefix.to_owned(), SkipReason::AlreadyListed(first.clone()));
            return Ok(());
        }
        self.visited.insert(key.clone(), prefix.to_owned());
        let entries = std::fs::read_dir(root).map_err(unreadable)?;
        let root = Folder {
            path: root.to_owned(),
            id: prefix.to_owned(),
            chain: Rc::new(Chain { key, parent: None }),
        };
        let mut links = VecDeque::new();
        let _ = self.walk_from(root, Some(entries), &canonical_root, &mut links);
        Ok(())
    }

    /// Walks the real folders under `start`, then follows the links to folders found, each
    /// with the real folders under it, until none is left.
    fn walk_from(
        &mut self,
        start: Folder,
        entries: Option<std::fs::ReadDir>,
        root: &Path,
        links: &mut VecDeque<FolderLink>,
    ) -> Result<(), Cancelled> {
        let mut entries = entries;
        let mut folders = vec![start];
        loop {
            while let Some(folder) = folders.pop() {
                self.list_folder(folder, entries.take(), &mut folders, links)?;
            }
            let Some(link) = links.pop_front() else {
                return Ok(());
            };
            if self.is_cancelled() {
                return Err(Cancelled);
            }
            if let Some(folder) = self.follow(link, root) {
                folders.push(folder);
            }
        }
    }

    /// Lists one folder's entries: files become candidates or skipped files, real folders
    /// go on `folders`, links to folders on `links`.
    fn list_folder(
        &mut self,
        folder: Folder,
        entries: Option<std::fs::ReadDir>,
        folders: &mut Vec<Folder>,
        links: &mut VecDeque<FolderLink>,
    ) -> Result<(), Cancelled> {
        let entries = match entries.map_or_else(|| std::fs::read_dir(&folder.path), Ok) {
            Ok(entries) => entries,
            Err(e) => {
                self.skip(folder.id, SkipReason::Unreadable(e.to_string()));
                return Ok(());
            }
        };
        let mut names = Vec::new();
        for entry in entries {
            if self.is_cancelled() {
                return Err(Cancelled);
            }
            match entry {
                Ok(entry) => names.push(entry.file_name()),
                Err(e) => {
                    // An entry that cannot be read has no name: the folder is listed as
                    // not completely read.
                    self.skip(folder.id.clone(), SkipReason::Unreadable(e.to_string()));
                }
            }
        }
        // By raw bytes: the same order on every run and every file system.
        names.sort_by(|a, b| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
        let mut subfolders = Vec::new();
        for name in names {
            if self.is_cancelled() {
                return Err(Cancelled);
            }
            // Hidden files and folders (.git, .DS_Store, our own sidecars) are not articles.
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let path = folder.path.join(&name);
            let id = if folder.id.is_empty() {
                name_id(&name)
            } else {
                format!("{}/{}", folder.id, name_id(&name))
            };
            let meta = match std::fs::symlink_metadata(&path) {
                Ok(meta) => meta,
                Err(e) => {
                    self.skip(id, SkipReason::Unreadable(e.to_string()));
                    continue;
                }
            };
            if meta.is_dir() {
                let key = match folder_key(&path, &meta) {
                    Ok(key) => key,
                    Err(e) => {
                        self.skip(id, SkipReason::Unreadable(e.to_string()));
                        continue;
                    }
                };
                // A real folder met again: a bind mount or a hard-linked folder.
                if let Some(reason) = self.revisit(&key, &folder.chain) {
                    self.skip(id, reason);
                    continue;
                }
                self.visited.insert(key.clone(), id.clone());
                subfolders.push(Folder {
                    path,
                    id,
                    chain: Rc::new(Chain {
                        key,
                        parent: Some(folder.chain.clone()),
                    }),
                });
            } else if meta.is_symlink() {
                match std::fs::metadata(&path) {
                    Ok(target) if target.is_dir() => links.push_back(FolderLink {
                        path,
                        id,
                        parent: folder.chain.clone(),
                    }),
                    target => self.file(&path, id, target),
                }
            } else {
                self.file(&path, id, Ok(meta));
            }
        }
        // Popped last first: folders are walked in name order.
        folders.extend(subfolders.into_iter().rev());
        Ok(())
    }

    /// The folder a link leads to, if it is to be walked; otherwise the link is skipped.
    fn follow(&mut self, link: FolderLink, root: &Path) -> Option<Folder> {
        let target = match link.path.canonicalize() {
            Ok(target) => target,
            Err(e) => {
                self.skip(link.id, link_error(e));
                return None;
            }
        };
        if !target.starts_with(root) {
            self.skip(
                link.id,
                SkipReason::LinkOutside(target.display().to_string()),
            );
            return None;
        }
        let key = std::fs::metadata(&target).and_then(|meta| folder_key(&target, &meta));
        let key = match key {
            Ok(key) => key,
            Err(e) => {
                self.skip(link.id, link_error(e));
                return None;
            }
        };
        if let Some(reason) = self.revisit(&key, &link.parent) {
            self.skip(link.id, reason);
            return None;
        }
        self.visited.insert(key.clone(), link.id.clone());
        Some(Folder {
            path: link.path,
            id: link.id,
            chain: Rc::new(Chain {
                key,
                parent: Some(link.parent),
            }),
        })
    }

    /// Why a folder reached from `parent` is not walked again, if it was visited already.
    fn revisit(&self, key: &FolderKey, parent: &Rc<Chain>) -> Option<SkipReason> {
        let first = self.visited.get(key)?;
        let first = if first.is_empty() {
            ROOT_NAME.to_owned()
        } else {
            first.clone()
        };
        Some(if parent.contains(key) {
            SkipReason::SymlinkLoop(first)
        } else {
            SkipReason::AlreadyListed(first)
        })
    }

    /// A file given by itself (dropped with others): a candidate, or skipped with its reason.
    pub fn file_at(&mut self, path: &Path, id: String) {
        match std::fs::metadata(path) {
            // Gone since it was dropped (not a link whose target is missing).
            Err(e) if !path.symlink_metadata().is_ok_and(|m| m.is_symlink()) => {
                self.skip(id, SkipReason::Unreadable(e.to_string()));
            }
            meta => self.file(path, id, meta),
        }
    }

    /// A file (or a link to one): a candidate if it is a regular file of a text type.
    fn file(&mut self, path: &Path, id: String, meta: std::io::Result<Metadata>) {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if !TEXT_EXTENSIONS.contains(&extension.as_str()) {
            let reason = SkipReason::NotText(if extension.is_empty() {
                "no extension".into()
            } else {
                extension
            });
            self.skip(id, reason);
            return;
        }
        match meta {
            Ok(meta) => match special_kind(meta.file_type()) {
                None => {
                    self.listing.candidates.push(Candidate {
                        file: id,
                        content: Content::File(path.to_owned()),
                        size: meta.len(),
                        modified: meta.modified().ok(),
                    });
                    self.report();
                }
                Some(kind) => self.skip(id, SkipReason::NotRegular(kind.into())),
            },
            Err(e) => self.skip(id, link_error(e)),
        }
    }

    fn skip(&mut self, file: String, reason: SkipReason) {
        self.listing.skipped.push(Skipped { file, reason });
    }

    /// Tells the caller the running count of files found, now and then.
    fn report(&mut self) {
        let count = self.listing.candidates.len();
        if count.is_multiple_of(REPORT_EVERY) || self.last_report.elapsed() >= REPORT_INTERVAL {
            if count != self.reported {
                (self.found)(count);
                self.reported = count;
            }
            self.last_report = Instant::now();
        }
    }
}

/// Why a link (or a file it leads to) cannot be followed.
fn link_error(e: std::io::Error) -> SkipReason {
    match e.kind() {
        std::io::ErrorKind::NotFound => SkipReason::DanglingLink,
        _ => SkipReason::Unreadable(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(root: &Path) -> Listing {
        let cancel = AtomicBool::new(false);
        let mut walk = FolderWalk::new(&cancel, &|_| {});
        walk.walk(root, "").unwrap();
        walk.finish()
    }

    #[test]
    fn a_real_folder_is_listed_under_its_own_name_not_a_link_before_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("b")).unwrap();
        std::fs::write(dir.path().join("b/x.txt"), "خبر").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("b", dir.path().join("a")).unwrap();
        let listing = walk(dir.path());
        let files: Vec<&str> = listing.candidates.iter().map(|c| c.file.as_str()).collect();
        assert_eq!(files, ["b/x.txt"]);
        #[cfg(unix)]
        assert_eq!(
            listing.skipped,
            [Skipped {
                file: "a".into(),
                reason: SkipReason::AlreadyListed("b".into())
            }]
        );
    }

    #[test]
    fn the_count_is_reported_every_few_hundred_files_and_at_the_end() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..600 {
            std::fs::write(dir.path().join(format!("{i:03}.txt")), "خبر").unwrap();
        }
        let cancel = AtomicBool::new(false);
        let counts = std::cell::RefCell::new(Vec::new());
        let record = |n| counts.borrow_mut().push(n);
        let mut walk = FolderWalk::new(&cancel, &record);
        walk.walk(dir.path(), "").unwrap();
        assert_eq!(walk.finish().candidates.len(), 600);
        let counts = counts.into_inner();
        assert!(counts.contains(&256) && counts.contains(&512), "{counts:?}");
        assert_eq!(counts.last(), Some(&600));
        assert!(counts.is_sorted());
    }

    #[test]
    fn dropped_items_are_listed_once_and_a_missing_one_is_skipped() {
        use crate::corpus::{CorpusSource, list};
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("news");
        std::fs::create_dir_all(news.join("sub")).unwrap();
        std::fs::write(news.join("sub/x.txt"), "خبر").unwrap();
        let listing = list(&CorpusSource::Paths(vec![
            news.clone(),
            news.join("sub"),
            dir.path().join("gone.txt"),
        ]))
        .unwrap();
        let files: Vec<&str> = listing.candidates.iter().map(|c| c.file.as_str()).collect();
        assert_eq!(files, ["news/sub/x.txt"]);
        assert_eq!(
            listing.skipped,
            [
                Skipped {
                    file: "gone.txt".into(),
                    reason: SkipReason::Unreadable(
                        std::fs::metadata(dir.path().join("gone.txt"))
                            .unwrap_err()
                            .to_string()
                    )
                },
                Skipped {
                    file: "sub".into(),
                    reason: SkipReason::AlreadyListed("news/sub".into())
                },
            ]
        );
    }
}
