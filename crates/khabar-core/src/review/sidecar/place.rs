//! Where a corpus's corrections may live: inside its folder when that can be written, else
//! in the per-user data folder, under a name derived from the source.

use crate::corpus::CorpusSource;
use std::path::{Path, PathBuf};

pub(super) fn folder_of(source: &CorpusSource) -> Option<&Path> {
    match source {
        CorpusSource::Folder(folder) => Some(folder),
        _ => None,
    }
}

/// The per-user folder for corrections of corpora whose folder cannot hold them.
pub fn default_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("khabar").join("curation"))
}

/// The overlay (or, for the demo and dropped files, the only) corrections file of a source
/// in the data folder, named by a hash of what the source is.
pub fn overlay_file(data_dir: &Path, source: &CorpusSource) -> PathBuf {
    let name = match source {
        CorpusSource::Folder(folder) => folder.display().to_string(),
        CorpusSource::Demo => "demo corpus".to_owned(),
        CorpusSource::Paths(paths) => paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    };
    // The hash earlier versions named these files by (SipHash 1-3 with zero keys), so that
    // corrections kept in the data folder are found again after an update.
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    name.hash(&mut hasher);
    data_dir.join(format!("{:016x}.json", hasher.finish()))
}

/// Whether corrections can be written inside `folder`, found out without touching the
/// corrections file: the folder's permission bits, the file's own, and a probe file that is
/// created exclusively and removed (root ignores permission bits; an immutable folder does not).
pub(super) fn folder_writable(folder: &Path, inside: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(folder) else {
        return false;
    };
    if !meta.is_dir() || meta.permissions().readonly() {
        return false;
    }
    if std::fs::symlink_metadata(inside).is_ok_and(|m| m.permissions().readonly()) {
        return false;
    }
    let probe = folder.join(format!(".khabar-write-probe-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(_) => false,
    }
}
