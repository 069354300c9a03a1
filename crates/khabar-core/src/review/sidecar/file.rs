//! One corrections file on disk: its name, reading it (bounded, regular files only, an empty
//! file being no corrections), and the timestamped copy kept of a damaged one.

use crate::corpus::regular_file::{self, RegularFileError};
use crate::review::curation::{Curation, CurationError};
use std::path::{Path, PathBuf};

/// The corrections file's name inside a corpus folder (hidden, so never read as an article).
pub const SIDECAR_NAME: &str = ".khabar-curation.json";
/// A corrections file larger than this is not a reviewer's work (they are kilobytes).
const MAX_SIDECAR_BYTES: u64 = 256 * 1024 * 1024;

/// What reading one file gave.
pub(super) enum Read {
    Missing,
    Parsed(Curation),
    Damaged { problem: String, bytes: Vec<u8> },
}

pub(super) fn read_file(path: &Path) -> Read {
    match regular_file::read(path, MAX_SIDECAR_BYTES) {
        Err(RegularFileError::NotFound) => Read::Missing,
        Err(e) => Read::Damaged {
            problem: e.to_string(),
            bytes: Vec::new(),
        },
        // An empty file holds no work: read as no corrections (and left in place until a save).
        Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => Read::Parsed(Curation::default()),
        Ok(bytes) => match std::str::from_utf8(&bytes)
            .map_err(|e| CurationError::Unparsable(e.to_string()))
            .and_then(Curation::parse)
        {
            Ok(curation) => Read::Parsed(curation),
            Err(e) => Read::Damaged {
                problem: e.to_string(),
                bytes,
            },
        },
    }
}

pub(super) fn is_regular(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// Copies a damaged file's bytes to `<name>.damaged-<UTC time>.json` beside it, or in the data
/// folder when its folder cannot be written. An identical copy made earlier is reused, so
/// reopening the folder does not pile up copies.
pub(super) fn back_up(
    file: &Path,
    bytes: &[u8],
    data_dir: Option<&Path>,
) -> Result<PathBuf, String> {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| SIDECAR_NAME.to_owned());
    let stem = name.trim_end_matches(".json");
    let prefix = format!("{stem}.damaged-");
    let mut places: Vec<PathBuf> = file.parent().map(Path::to_owned).into_iter().collect();
    places.extend(data_dir.map(Path::to_owned));
    let mut last_error = String::from("nowhere to write a copy");
    for dir in places {
        if let Some(existing) = identical_copy(&dir, &prefix, bytes) {
            return Ok(existing);
        }
        let target = dir.join(format!("{prefix}{}.json", utc_stamp()));
        let written = std::fs::create_dir_all(&dir).and_then(|_| {
            let mut out = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&target)?;
            std::io::Write::write_all(&mut out, bytes)?;
            out.sync_all()
        });
        match written {
            Ok(()) => return Ok(target),
            Err(e) => last_error = format!("{}: {e}", target.display()),
        }
    }
    Err(last_error)
}

fn identical_copy(dir: &Path, prefix: &str, bytes: &[u8]) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .map(|e| e.path())
        .find(|p| {
            std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
                && regular_file::read(p, MAX_SIDECAR_BYTES).is_ok_and(|b| b == bytes)
        })
}

/// `YYYYMMDD-HHMMSS` in UTC, for the names of copies.
fn utc_stamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}-{:02}{:02}{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_stamps_are_civil_dates() {
        let stamp = utc_stamp();
        assert_eq!(stamp.len(), 15, "{stamp}");
        let year: i32 = stamp[..4].parse().unwrap();
        let month: u32 = stamp[4..6].parse().unwrap();
        let day: u32 = stamp[6..8].parse().unwrap();
        assert!(year >= 2024 && (1..=12).contains(&month) && (1..=31).contains(&day));
    }
}
