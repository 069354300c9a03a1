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

use crate::core::dates::ArticleDates;
use crate::core::document::Document;
use crate::core::entities::Entity;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// Changes whenever the layout of the cached data changes.
const FORMAT: &str = "khabar-cache-1";
/// First bytes of a cache file.
const MAGIC: &[u8; 8] = b"KHABARC1";
/// Magic, version and checksum.
const HEADER_LEN: usize = 8 + 8 + 8;

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

/// A [`Document`] as stored (its encoding by name).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CachedDocument {
    pub file: String,
    pub path: Option<PathBuf>,
    pub encoding: String,
    pub warning: Option<String>,
    pub text: String,
    pub blocks: Vec<crate::core::document::Block>,
    pub articles: Vec<crate::core::document::Article>,
}

impl From<&Document> for CachedDocument {
    fn from(doc: &Document) -> CachedDocument {
        CachedDocument {
            file: doc.file.clone(),
            path: doc.path.clone(),
            encoding: doc.encoding.to_owned(),
            warning: doc.warning.clone(),
            text: doc.text.clone(),
            blocks: doc.blocks.clone(),
            articles: doc.articles.clone(),
        }
    }
}

impl CachedDocument {
    /// The document again; `None` if its encoding is unknown (a damaged cache).
    pub fn to_document(&self) -> Option<Document> {
        let encoding = encoding_rs::Encoding::for_label(self.encoding.as_bytes())?.name();
        Some(Document {
            file: self.file.clone(),
            path: self.path.clone(),
            encoding,
            warning: self.warning.clone(),
            text: self.text.clone(),
            blocks: self.blocks.clone(),
            articles: self.articles.clone(),
        })
    }
}

/// The cached state of a corpus: its files by relative path.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct CorpusCache {
    pub files: HashMap<String, CachedFile>,
}

impl CorpusCache {
    /// The cached document of a file whose stamp has not changed.
    pub fn document(&self, file: &str, stamp: Stamp) -> Option<&CachedFile> {
        self.files
            .get(file)
            .filter(|c| stamp.is_known() && c.stamp == stamp)
    }

    /// Reads a cache file; anything but an intact cache of this version is an error.
    pub fn read(path: &Path, version: u64) -> Result<CorpusCache, CacheError> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(CacheError::Missing),
            Err(e) => return Err(CacheError::Io(e.to_string())),
        };
        CorpusCache::decode(&bytes, version)
    }

    /// The cache in `bytes` (see [`Self::encode`]).
    pub fn decode(bytes: &[u8], version: u64) -> Result<CorpusCache, CacheError> {
        if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
            return Err(CacheError::Corrupt("not a Khabar cache".into()));
        }
        let word = |at: usize| {
            let mut b = [0u8; 8];
            b.copy_from_slice(&bytes[at..at + 8]);
            u64::from_le_bytes(b)
        };
        if word(8) != version {
            return Err(CacheError::Stale);
        }
        let payload = &bytes[HEADER_LEN..];
        if word(16) != xxh3_64(payload) {
            return Err(CacheError::Corrupt("checksum mismatch".into()));
        }
        let cache: CorpusCache =
            postcard::from_bytes(payload).map_err(|e| CacheError::Corrupt(e.to_string()))?;
        // A payload that decodes must still describe itself truthfully.
        for (name, file) in &cache.files {
            let doc = &file.document;
            let ranges_fit = doc
                .blocks
                .iter()
                .map(|b| &b.range)
                .chain(
                    doc.articles
                        .iter()
                        .flat_map(|a| a.title.iter().chain(&a.body)),
                )
                .all(|r| doc.text.get(r.clone()).is_some());
            if doc.file != *name
                || xxh3_64(doc.text.as_bytes()) != file.text_hash
                || doc.articles.is_empty()
                || !ranges_fit
                || encoding_rs::Encoding::for_label(doc.encoding.as_bytes()).is_none()
            {
                return Err(CacheError::Corrupt(format!("entry {name} does not match")));
            }
        }
        Ok(cache)
    }

    /// Magic, version, checksum, then the postcard payload.
    pub fn encode(&self, version: u64) -> Result<Vec<u8>, CacheError> {
        let payload = postcard::to_allocvec(self).map_err(|e| CacheError::Io(e.to_string()))?;
        let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&version.to_le_bytes());
        out.extend_from_slice(&xxh3_64(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        Ok(out)
    }

    /// Writes the cache atomically (temporary file, then rename): a crash leaves the old
    /// cache or the new one, never half of one.
    pub fn write(&self, path: &Path, version: u64) -> Result<(), CacheError> {
        let bytes = self.encode(version)?;
        let io = |e: std::io::Error| CacheError::Io(e.to_string());
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let temp = path.with_extension("tmp");
        std::fs::write(&temp, &bytes).map_err(io)?;
        std::fs::rename(&temp, path).map_err(io)
    }
}

/// The version a cache must have to be used: the cache format, the program's version, and
/// the content of every data file extraction reads (so editing the gazetteer or the date
/// words, or an override of them, invalidates it).
pub fn extractor_version() -> u64 {
    let mut hash = Xxh3::new();
    hash.update(FORMAT.as_bytes());
    hash.update(env!("CARGO_PKG_VERSION").as_bytes());
    let data = crate::core::lexicon::FILES.iter().chain([
        &("segmentation.txt", crate::core::cues::DEFAULT_CUES),
        &("dates.txt", crate::core::dates::DEFAULT_VOCABULARY),
    ]);
    for &(name, default) in data {
        hash.update(name.as_bytes());
        hash.update(crate::core::assets::text(name, default).as_bytes());
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
