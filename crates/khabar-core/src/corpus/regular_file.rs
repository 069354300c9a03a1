//! Reading a file only when it is a regular file, without ever blocking on it.
//!
//! A folder can hold a FIFO, a socket, a device or a link to one under any name, including the
//! names Khabar reads for itself (the corrections sidecar, the cache). Opening a FIFO for
//! reading blocks until a writer comes; reading `/dev/zero` never ends. So every file Khabar
//! reads is opened non-blocking, checked to be a regular file on the open handle (no race
//! with a rename between a check and the open), and read up to a limit.

use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum RegularFileError {
    #[error("no such file")]
    NotFound,
    /// A FIFO, socket, device or folder; the text says which.
    #[error("not a regular file ({0})")]
    NotRegular(&'static str),
    #[error("too large ({size} bytes; the limit is {limit})")]
    TooLarge { size: u64, limit: u64 },
    #[error("{0}")]
    Io(std::io::Error),
}

/// What kind of non-regular file `file_type` is, for messages; `None` for a regular file.
pub fn special_kind(file_type: std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
    }
    Some("a special file")
}

/// Opens `path` for reading without blocking and checks, on the open handle, that it is a
/// regular file. Links are followed (their target must be a regular file).
pub fn open(path: &Path) -> Result<(std::fs::File, u64), RegularFileError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => RegularFileError::NotFound,
        _ => RegularFileError::Io(e),
    })?;
    let meta = file.metadata().map_err(RegularFileError::Io)?;
    if let Some(kind) = special_kind(meta.file_type()) {
        return Err(RegularFileError::NotRegular(kind));
    }
    Ok((file, meta.len()))
}

/// Reads a whole regular file of at most `limit` bytes. The limit holds even if the file
/// grows while it is read.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, RegularFileError> {
    let (file, size) = open(path)?;
    if size > limit {
        return Err(RegularFileError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(RegularFileError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(RegularFileError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_and_refuses_what_is_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "خبر").unwrap();
        assert_eq!(read(&path, 100).unwrap(), "خبر".as_bytes());
        assert!(matches!(
            read(&path, 3),
            Err(RegularFileError::TooLarge { size: 6, limit: 3 })
        ));
        assert!(matches!(
            read(&dir.path().join("missing"), 10),
            Err(RegularFileError::NotFound)
        ));
        assert!(matches!(
            read(dir.path(), 10),
            Err(RegularFileError::NotRegular("a folder"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once_and_dev_zero_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.json");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
        // No writer ever comes: a blocking open would hang this test.
        assert!(matches!(
            read(&fifo, 1 << 20),
            Err(RegularFileError::NotRegular("a named pipe (FIFO)"))
        ));
        let zero = dir.path().join("zero.json");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(matches!(
            read(&zero, 1 << 20),
            Err(RegularFileError::NotRegular("a character device"))
        ));
    }
}
