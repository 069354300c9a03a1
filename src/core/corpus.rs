//! Finding and reading the files of a corpus: folder walking, the embedded demo corpus,
//! and turning each file into a [`Document`].

use crate::core::decode::decode;
use crate::core::document::Document;
use crate::core::error::{LoadError, SkipReason};
use crate::core::segment::Segmenter;
use std::path::{Path, PathBuf};

/// File name endings Khabar reads as articles (compared case-insensitively).
pub const TEXT_EXTENSIONS: [&str; 3] = ["txt", "text", "md"];
/// Files above this size are listed as skipped instead of being read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Where a corpus comes from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CorpusSource {
    /// The seed articles embedded in the binary.
    Demo,
    /// A folder, walked recursively.
    Folder(PathBuf),
    /// Files and folders dropped together; folders among them are walked.
    Paths(Vec<PathBuf>),
}

impl CorpusSource {
    /// A short name for window titles and the status bar.
    pub fn display_name(&self) -> String {
        match self {
            CorpusSource::Demo => "Demo corpus".to_owned(),
            CorpusSource::Folder(path) => file_name(path),
            CorpusSource::Paths(paths) if paths.len() == 1 => file_name(&paths[0]),
            CorpusSource::Paths(paths) => format!("{} dropped items", paths.len()),
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Where a candidate file's bytes are.
#[derive(Debug, Clone)]
pub enum Content {
    File(PathBuf),
    Embedded(&'static [u8]),
}

/// A file found by the walk, not read yet.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Path relative to the corpus root, with `/` separators.
    pub file: String,
    pub content: Content,
    /// Size in bytes (for progress).
    pub size: u64,
    /// Last modification time on disk (`None` for embedded files), for the cache.
    pub modified: Option<std::time::SystemTime>,
}

/// A file that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: SkipReason,
}

/// What a walk found: files to read and files already known to be unreadable.
#[derive(Debug, Default)]
pub struct Listing {
    pub candidates: Vec<Candidate>,
    pub skipped: Vec<Skipped>,
}

impl Listing {
    /// Total bytes of the candidates.
    pub fn total_bytes(&self) -> u64 {
        self.candidates.iter().map(|c| c.size).sum()
    }
}

/// Lists the files of a source without reading them.
pub fn list(source: &CorpusSource) -> Result<Listing, LoadError> {
    let mut listing = Listing::default();
    match source {
        CorpusSource::Demo => {
            listing.candidates = crate::core::demo::FILES
                .iter()
                .map(|(name, bytes)| Candidate {
                    file: (*name).to_owned(),
                    content: Content::Embedded(bytes),
                    size: bytes.len() as u64,
                    modified: None,
                })
                .collect();
        }
        CorpusSource::Folder(root) => walk(root, "", &mut listing)?,
        CorpusSource::Paths(paths) => {
            for path in paths {
                let name = file_name(path);
                if path.is_dir() {
                    walk(path, &name, &mut listing)?;
                } else {
                    add_file(path, name, &mut listing);
                }
            }
        }
    }
    Ok(listing)
}

fn walk(root: &Path, prefix: &str, listing: &mut Listing) -> Result<(), LoadError> {
    let meta = std::fs::metadata(root).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(root.to_owned()),
        _ => LoadError::Unreadable {
            path: root.to_owned(),
            message: e.to_string(),
        },
    })?;
    if !meta.is_dir() {
        add_file(root, file_name(root), listing);
        return Ok(());
    }
    let relative = |path: &Path| {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if prefix.is_empty() {
            rel
        } else {
            format!("{prefix}/{rel}")
        }
    };
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        // Hidden files and folders (.git, .DS_Store, our own sidecars) are not articles.
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                add_file(entry.path(), relative(entry.path()), listing)
            }
            Ok(_) => {}
            Err(err) => {
                let Some(path) = err.path().map(Path::to_owned) else {
                    continue;
                };
                let reason = if let Some(ancestor) = err.loop_ancestor() {
                    let target = relative(ancestor);
                    SkipReason::SymlinkLoop(if target.is_empty() {
                        "the opened folder".into()
                    } else {
                        target
                    })
                } else if path.symlink_metadata().is_ok_and(|m| m.is_symlink()) && !path.exists() {
                    SkipReason::DanglingLink
                } else {
                    SkipReason::Unreadable(
                        err.io_error()
                            .map(|e| e.to_string())
                            .unwrap_or_else(|| err.to_string()),
                    )
                };
                listing.skipped.push(Skipped {
                    file: relative(&path),
                    reason,
                });
            }
        }
    }
    Ok(())
}

fn add_file(path: &Path, file: String, listing: &mut Listing) {
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
        listing.skipped.push(Skipped { file, reason });
        return;
    }
    match std::fs::metadata(path) {
        Ok(meta) => listing.candidates.push(Candidate {
            file,
            content: Content::File(path.to_owned()),
            size: meta.len(),
            modified: meta.modified().ok(),
        }),
        Err(e) => {
            let reason = if path.symlink_metadata().is_ok_and(|m| m.is_symlink()) {
                SkipReason::DanglingLink
            } else {
                SkipReason::Unreadable(e.to_string())
            };
            listing.skipped.push(Skipped { file, reason });
        }
    }
}

/// Reads, decodes and segments one candidate.
pub fn read(candidate: &Candidate, segmenter: &Segmenter) -> Result<Document, Skipped> {
    let skip = |reason| Skipped {
        file: candidate.file.clone(),
        reason,
    };
    let bytes: std::borrow::Cow<'_, [u8]> = match &candidate.content {
        Content::Embedded(bytes) => (*bytes).into(),
        Content::File(path) => {
            let size = std::fs::metadata(path)
                .map_err(|e| skip(SkipReason::Unreadable(e.to_string())))?
                .len();
            if size > MAX_FILE_BYTES {
                return Err(skip(SkipReason::TooLarge {
                    size_mib: size / (1024 * 1024),
                    limit_mib: MAX_FILE_BYTES / (1024 * 1024),
                }));
            }
            std::fs::read(path)
                .map_err(|e| skip(SkipReason::Unreadable(e.to_string())))?
                .into()
        }
    };
    let decoded = decode(&bytes).map_err(skip)?;
    let path = match &candidate.content {
        Content::File(path) => Some(path.clone()),
        Content::Embedded(_) => None,
    };
    Ok(Document::new(
        candidate.file.clone(),
        path,
        decoded,
        segmenter,
    ))
}

/// A loaded corpus: documents sorted by file, and the files that were skipped.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub skipped: Vec<Skipped>,
}

impl Corpus {
    /// Loads a whole source on the calling thread, files in parallel (for the CLI and tests;
    /// the app uses [`crate::core::loader`] instead).
    pub fn load(source: &CorpusSource, segmenter: &Segmenter) -> Result<Corpus, LoadError> {
        use rayon::prelude::*;
        let listing = list(source)?;
        let results: Vec<_> = listing
            .candidates
            .par_iter()
            .map(|c| read(c, segmenter))
            .collect();
        let mut corpus = Corpus {
            skipped: listing.skipped,
            ..Corpus::default()
        };
        for result in results {
            match result {
                Ok(doc) => corpus.documents.push(doc),
                Err(skipped) => corpus.skipped.push(skipped),
            }
        }
        corpus.sort();
        Ok(corpus)
    }

    /// Puts documents and skipped files in file order.
    pub fn sort(&mut self) {
        self.documents.sort_by(|a, b| a.file.cmp(&b.file));
        self.skipped.sort_by(|a, b| a.file.cmp(&b.file));
    }

    /// Number of articles (documents can hold several).
    pub fn article_count(&self) -> usize {
        self.documents.iter().map(|d| d.articles.len()).sum()
    }
}
