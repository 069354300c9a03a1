//! Extraction results kept between opens of a corpus, so that reopening it does not read,
//! decode, segment and extract every file again.
//!
//! One file per corpus in the user's cache folder. It holds, per file, the stamp it was
//! read with (size and modification time), a hash of its bytes' decoded text, the
//! segmented document, and its entities and dates as the last full extraction found them.
//! The whole file is versioned by [`extractor_version`] (format, program version and every
//! data file extraction reads, overrides included) and checked by a hash of its contents:
//! a cache of another version, truncated or corrupted is reported and rebuilt, never
//! trusted. Entities depend on the whole corpus (names propagate between articles), so
//! they are reused only when no file was added, changed or removed; documents are reused
//! file by file. The reviewer's corrections are not in the cache: they are replayed over
//! the extraction at every open.

use crate::corpus::regular_file::{self, RegularFileError};
use crate::extract::annotations::Annotations;
use crate::extract::dates::ArticleDates;
use crate::extract::entities::Entity;
use crate::query::search::SearchIndex;
use crate::text::document::Document;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// Changes whenever the layout of the cached data changes (3: the payload's length in the
/// header).
const FORMAT: &str = "khabar-cache-4";
/// First bytes of a cache file. Unchanged with the format: the version word follows at the
/// same place, so a cache of an older format reads as stale rather than damaged.
const MAGIC: &[u8; 8] = b"KHABARC1";
/// Magic, version, payload length and checksum.
const HEADER_LEN: usize = 8 + 8 + 8 + 8;

/// Why a cache could not be used.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum CacheError {
    #[error("no cache yet")]
    Missing,
    #[error("cache of another version")]
    Stale,
    #[error("damaged cache ({0})")]
    Corrupt(String),
    #[error("cannot read or write the cache: {0}")]
    Io(String),
    /// A named pipe, a device or a link to one where the cache should be: never read.
    #[error("the cache is not a normal file (it is {0})")]
    NotRegular(String),
    /// Larger than any cache of this folder can be (see [`size_ceiling`]): not read.
    #[error("cache too large ({size} bytes; the limit for this folder is {limit})")]
    TooLarge { size: u64, limit: u64 },
}

/// The largest cache [`CorpusCache::read_bounded`] reads for a folder whose files hold
/// `text_bytes` bytes (the listing's [`total_bytes`](crate::corpus::Listing::total_bytes)).
///
/// A cache holds each file's text once, as UTF-8: at most three times its bytes on disk (a
/// single-byte encoding such as Windows-1256 becomes two bytes per Arabic letter, three for
/// some symbols; UTF-16 shrinks or stays). Around it come the blocks, articles, entities and
/// dates, each a few varints per range, and the search index, a posting per word: the demo
/// corpus's cache is about 2.2 times its text (35 kB). 16 times the text plus 64 MiB for the
/// fixed parts leaves room for a text of only short words and numbers while a cache that
/// is no cache of this folder (a 2 GB file beside a 10 MB folder) is refused unread.
pub fn size_ceiling(text_bytes: u64) -> u64 {
    text_bytes.saturating_mul(16).saturating_add(64 << 20)
}

/// What a file looked like on disk when it was cached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub size: u64,
    /// Modification time in nanoseconds since 1970 (0 when unknown).
    pub modified_ns: u128,
}

impl Stamp {
    pub fn new(size: u64, modified: Option<SystemTime>) -> Stamp {
        let modified_ns = modified
            .and_then(|m| m.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        Stamp { size, modified_ns }
    }

    /// A stamp only identifies content when the time is known.
    pub fn is_known(&self) -> bool {
        self.modified_ns != 0
    }
}

/// One file as cached.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CachedFile {
    pub stamp: Stamp,
    /// Hash of the decoded text.
    pub text_hash: u64,
    pub document: CachedDocument,
    /// Entities and dates by article, as the last full extraction found them.
    pub entities: Vec<Vec<Entity>>,
    pub dates: Vec<ArticleDates>,
}

impl CachedFile {
    /// Whether the entry is what it claims: named `name`, its text hashing to `text_hash`,
    /// at least one article, entities and dates for each, every range (blocks, headlines,
    /// paragraphs, mentions) on char boundaries inside the text, an encoding that exists.
    fn is_consistent(&self, name: &str) -> bool {
        let doc = &self.document;
        let ranges_fit = doc
            .blocks
            .iter()
            .map(|b| &b.range)
            .chain(
                doc.articles
                    .iter()
                    .flat_map(|a| a.title.iter().chain(&a.body)),
            )
            .chain(self.entities.iter().flatten().flat_map(|e| &e.mentions))
            .chain(
                self.dates
                    .iter()
                    .flat_map(|d| d.mentions.iter().map(|m| &m.range)),
            )
            .all(|r| doc.text.get(r.clone()).is_some());
        doc.file == name
            && self.entities.len() == doc.articles.len()
            && self.dates.len() == doc.articles.len()
            && xxh3_64(doc.text.as_bytes()) == self.text_hash
            && !doc.articles.is_empty()
            && ranges_fit
            && encoding_rs::Encoding::for_label(doc.encoding.as_bytes()).is_some()
    }
}

/// A [`Document`] as stored (its encoding by name).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct CachedDocument {
    pub file: String,
    pub path: Option<PathBuf>,
    pub encoding: String,
    pub warning: Option<String>,
    pub text: String,
    pub blocks: Vec<crate::text::article::Block>,
    pub articles: Vec<crate::text::article::Article>,
}

impl CachedDocument {
    /// The document again, without copying its text; `None` if its encoding is unknown.
    pub fn into_document(self) -> Option<Document> {
        let encoding = encoding_rs::Encoding::for_label(self.encoding.as_bytes())?.name();
        Some(Document {
            file: self.file,
            path: self.path,
            encoding,
            warning: self.warning,
            text: self.text,
            blocks: self.blocks,
            articles: self.articles,
        })
    }
}

/// The cached state of a corpus: its files by relative path.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct CorpusCache {
    pub files: HashMap<String, CachedFile>,
    /// The full-text index of every article of every file, files in name order then their
    /// articles (as [`crate::loader`] numbers them). Like entities, it is valid only
    /// for exactly these files.
    pub search: Option<SearchIndex>,
}

impl CorpusCache {
    /// Moves out the cached document of a file whose stamp has not changed (its text is not
    /// copied); the file's extraction stays for [`Self::take_annotations`].
    pub fn take_document(&mut self, file: &str, stamp: Stamp) -> Option<Document> {
        self.files
            .get_mut(file)
            .filter(|c| stamp.is_known() && c.stamp == stamp)
            .and_then(|c| std::mem::take(&mut c.document).into_document())
    }

    /// Moves out the entities and dates of `files`, in that order (empty for a file the cache
    /// does not have).
    pub fn take_annotations<'f>(&mut self, files: impl Iterator<Item = &'f str>) -> Annotations {
        let (entities, dates) = files
            .map(|file| match self.files.get_mut(file) {
                Some(c) => (
                    std::mem::take(&mut c.entities),
                    std::mem::take(&mut c.dates),
                ),
                None => Default::default(),
            })
            .unzip();
        Annotations { entities, dates }
    }

    /// Reads a cache file; anything but an intact cache of this version is an error. Only
    /// the header bounds what is read: the loader uses [`Self::read_bounded`].
    pub fn read(path: &Path, version: u64) -> Result<CorpusCache, CacheError> {
        CorpusCache::read_bounded(path, version, u64::MAX)
    }

    /// Reads a cache file of at most `ceiling` bytes (see [`size_ceiling`]). The file is
    /// opened without blocking and read only if it is a regular file (a pipe would wait for
    /// a writer forever, `/dev/zero` never ends), its size is within the ceiling and its
    /// header is of this version and declares exactly the payload that follows; only then
    /// is the payload read, and no more of it than declared.
    pub fn read_bounded(
        path: &Path,
        version: u64,
        ceiling: u64,
    ) -> Result<CorpusCache, CacheError> {
        use std::io::Read;
        let io = |e: std::io::Error| CacheError::Io(e.to_string());
        let (file, size) = regular_file::open(path).map_err(|e| match e {
            RegularFileError::NotFound => CacheError::Missing,
            RegularFileError::NotRegular(kind) => CacheError::NotRegular(kind.into()),
            e => CacheError::Io(e.to_string()),
        })?;
        if size > ceiling {
            return Err(CacheError::TooLarge {
                size,
                limit: ceiling,
            });
        }
        let mut bytes = vec![0; HEADER_LEN.min(size as usize)];
        let mut file = file.take(size.saturating_add(1));
        file.read_exact(&mut bytes).map_err(io)?;
        check_header(&bytes, version, size)?;
        bytes.reserve_exact(size as usize - HEADER_LEN);
        // At most one byte more than the size: a file that grew is noticed, not followed.
        file.read_to_end(&mut bytes).map_err(io)?;
        CorpusCache::decode(&bytes, version)
    }

    /// The cache in `bytes` (see [`Self::encode`]).
    pub fn decode(bytes: &[u8], version: u64) -> Result<CorpusCache, CacheError> {
        check_header(bytes, version, bytes.len() as u64)?;
        let payload = &bytes[HEADER_LEN..];
        if word(bytes, 24) != xxh3_64(payload) {
            return Err(CacheError::Corrupt("checksum mismatch".into()));
        }
        let stored: Stored<'_> =
            postcard::from_bytes(payload).map_err(|e| CacheError::Corrupt(e.to_string()))?;
        // Files are stored one blob each, so that they decode and are checked in parallel.
        let files = stored
            .files
            .par_iter()
            .map(|blob| {
                let (name, file): (String, CachedFile) =
                    postcard::from_bytes(blob).map_err(|e| CacheError::Corrupt(e.to_string()))?;
                // A payload that decodes must still describe itself truthfully.
                if file.is_consistent(&name) {
                    Ok((name, file))
                } else {
                    Err(CacheError::Corrupt(format!("entry {name} does not match")))
                }
            })
            .collect::<Result<HashMap<String, CachedFile>, CacheError>>()?;
        if files.len() != stored.files.len() {
            return Err(CacheError::Corrupt("a file is cached twice".into()));
        }
        let articles = files.values().map(|f| f.document.articles.len()).sum();
        if stored
            .search
            .as_ref()
            .is_some_and(|s| !s.is_consistent(articles))
        {
            return Err(CacheError::Corrupt("search index does not match".into()));
        }
        Ok(CorpusCache {
            files,
            search: stored.search,
        })
    }

    /// Magic, version, checksum, then the postcard payload.
    pub fn encode(&self, version: u64) -> Result<Vec<u8>, CacheError> {
        let files = self
            .files
            .iter()
            .map(|(name, f)| {
                let document = &f.document;
                let entry = FileRef {
                    stamp: f.stamp,
                    text_hash: f.text_hash,
                    document: DocumentRef {
                        file: &document.file,
                        path: document.path.as_deref(),
                        encoding: &document.encoding,
                        warning: document.warning.as_deref(),
                        text: &document.text,
                        blocks: &document.blocks,
                        articles: &document.articles,
                    },
                    entities: &f.entities,
                    dates: &f.dates,
                };
                (name.as_str(), entry)
            })
            .collect();
        CacheSnapshot {
            files,
            search: self.search.as_ref(),
        }
        .encode(version)
    }

    /// Writes the cache atomically (see [`CacheSnapshot::write`]).
    pub fn write(&self, path: &Path, version: u64) -> Result<(), CacheError> {
        write_atomically(path, &self.encode(version)?)
    }
}

/// A cache about to be written, borrowing the loader's documents and extraction, so that
/// writing a large corpus's cache does not copy its texts first. It decodes as the
/// [`CorpusCache`] it describes.
pub struct CacheSnapshot<'a> {
    pub files: Vec<(&'a str, FileRef<'a>)>,
    pub search: Option<&'a SearchIndex>,
}

/// A [`CachedFile`], borrowed.
#[derive(serde::Serialize)]
pub struct FileRef<'a> {
    pub stamp: Stamp,
    pub text_hash: u64,
    pub document: DocumentRef<'a>,
    pub entities: &'a [Vec<Entity>],
    pub dates: &'a [ArticleDates],
}

/// A [`CachedDocument`], borrowed.
#[derive(serde::Serialize)]
pub struct DocumentRef<'a> {
    pub file: &'a str,
    pub path: Option<&'a Path>,
    pub encoding: &'a str,
    pub warning: Option<&'a str>,
    pub text: &'a str,
    pub blocks: &'a [crate::text::article::Block],
    pub articles: &'a [crate::text::article::Article],
}

impl<'a> DocumentRef<'a> {
    pub fn of(doc: &'a Document) -> DocumentRef<'a> {
        DocumentRef {
            file: &doc.file,
            path: doc.path.as_deref(),
            encoding: doc.encoding,
            warning: doc.warning.as_deref(),
            text: &doc.text,
            blocks: &doc.blocks,
            articles: &doc.articles,
        }
    }
}

/// The payload as stored: each file a postcard blob of `(name, CachedFile)`, then the index.
#[derive(serde::Serialize, serde::Deserialize)]
struct Stored<'a> {
    #[serde(borrow)]
    files: Vec<&'a [u8]>,
    search: Option<SearchIndex>,
}

/// [`Stored`] while writing: the index borrowed.
#[derive(serde::Serialize)]
struct StoredRef<'a> {
    files: Vec<Vec<u8>>,
    search: Option<&'a SearchIndex>,
}

impl CacheSnapshot<'_> {
    /// Magic, version, payload length, checksum, then the postcard payload.
    pub fn encode(&self, version: u64) -> Result<Vec<u8>, CacheError> {
        let io = |e: postcard::Error| CacheError::Io(e.to_string());
        let files = self
            .files
            .par_iter()
            .map(|entry| postcard::to_allocvec(entry).map_err(io))
            .collect::<Result<Vec<_>, _>>()?;
        let stored = StoredRef {
            files,
            search: self.search,
        };
        let payload = postcard::to_allocvec(&stored).map_err(io)?;
        let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&version.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&xxh3_64(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        Ok(out)
    }

    /// Writes the cache atomically (temporary file, then rename): a crash leaves the old
    /// cache or the new one, never half of one.
    pub fn write(&self, path: &Path, version: u64) -> Result<(), CacheError> {
        write_atomically(path, &self.encode(version)?)
    }
}

/// The little-endian word at `at` of a header.
fn word(bytes: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(b)
}

/// Whether `header` (the first bytes of a cache file of `size` bytes) is that of a cache of
/// this version whose payload is the rest of the file.
fn check_header(header: &[u8], version: u64, size: u64) -> Result<(), CacheError> {
    if header.len() < HEADER_LEN || &header[..8] != MAGIC {
        return Err(CacheError::Corrupt("not a Khabar cache".into()));
    }
    if word(header, 8) != version {
        return Err(CacheError::Stale);
    }
    if word(header, 16) != size - HEADER_LEN as u64 {
        return Err(CacheError::Corrupt(
            "its size does not match its header".into(),
        ));
    }
    Ok(())
}

/// Writes `bytes` to `path` through a new temporary file beside it, then renames it over
/// `path`. The temporary file is created new (`create_new`: an existing file, link, pipe or
/// device of that name is never opened, so a pipe cannot block the write and a link cannot
/// send it elsewhere), and the rename replaces whatever `path` was without opening it.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CacheError> {
    use std::io::Write;
    let io = |e: std::io::Error| CacheError::Io(e.to_string());
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let name = path
        .file_name()
        .map_or_else(|| "cache".into(), |n| n.to_string_lossy().into_owned());
    let mut attempts = 0;
    let (mut file, temp) = loop {
        let temp = dir.join(format!(
            "{name}.{}-{:016x}.tmp",
            std::process::id(),
            fastrand::u64(..)
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => break (file, temp),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempts < 16 => {
                attempts += 1;
            }
            Err(e) => return Err(io(e)),
        }
    };
    let written = file.write_all(bytes);
    // Closed before the rename: Windows does not rename an open file.
    drop(file);
    let written = written
        .and_then(|()| std::fs::rename(&temp, path))
        .map_err(io);
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// The version a cache must have to be used: the cache format, the program's version, and
/// the content of every data file extraction reads (so editing the gazetteer or the date
/// words, or an override of them, invalidates it).
pub fn extractor_version() -> u64 {
    let mut hash = Xxh3::new();
    hash.update(FORMAT.as_bytes());
    hash.update(env!("CARGO_PKG_VERSION").as_bytes());
    // The tagger's model decides names as much as the word lists do.
    hash.update(crate::extract::entities::tagger::EMBEDDED);
    hash.update(crate::extract::entities::tagger::word_form::CLUSTERS.as_bytes());
    let data = crate::extract::entities::lexicon::FILES.iter().chain([
        &("segmentation.txt", crate::text::cues::DEFAULT_CUES),
        &("dates.txt", crate::extract::dates::DEFAULT_VOCABULARY),
    ]);
    for &(name, default) in data {
        hash.update(name.as_bytes());
        hash.update(crate::assets::text(name, default).as_bytes());
        hash.update(&[0]);
    }
    hash.digest()
}

/// Hash of a document's text, as stored in the cache.
pub fn text_hash(text: &str) -> u64 {
    xxh3_64(text.as_bytes())
}

/// Where the cache of a corpus folder lives inside a cache folder.
pub fn cache_file(cache_dir: &Path, corpus: &Path) -> PathBuf {
    let canonical = corpus.canonicalize().unwrap_or_else(|_| corpus.to_owned());
    let key = xxh3_64(canonical.to_string_lossy().as_bytes());
    cache_dir.join(format!("corpus-{key:016x}.cache"))
}

/// The user's cache folder for Khabar.
pub fn default_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("khabar"))
}
