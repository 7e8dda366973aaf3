//! Walking a seeds directory and reading one file, safely whatever lands in it.
//!
//! - **Symbolic links to directories are never followed** (each is a warning): a link to `.` or
//!   to a parent cannot make the walk endless or list the same files twice. The seeds directory
//!   itself may be a link. Links to files are followed, and what they point to is checked like
//!   any file.
//! - The walk keeps its own stack (no recursion), so a deep tree cannot overflow the stack. A
//!   sub-directory that cannot be read is an error of its own; the rest is still read.
//! - **Only regular files are read.** The file type is checked before the file is opened (a named
//!   pipe would block the open, a link to `/dev/zero` would never end) and again on the open file.
//! - **A size limit per file**: a file past it is refused from its size, and a file is never read
//!   past the limit even if it grows or lies about its size.

use std::fs::{File, FileType};
use std::io::Read;
use std::path::{Path, PathBuf};

/// What a walk found, each list in no particular order.
#[derive(Debug, Default)]
pub(super) struct Walk {
    /// Everything that is not a directory: files, links to files, dangling links, pipes, devices.
    pub files: Vec<PathBuf>,
    /// Symbolic links to directories, not followed.
    pub dir_links: Vec<PathBuf>,
    /// Sub-directories that could not be listed, with why.
    pub unreadable_dirs: Vec<(PathBuf, std::io::Error)>,
}

/// Lists everything under `root` without following links to directories. Fails only when `root`
/// itself cannot be listed.
pub(super) fn walk(root: &Path) -> std::io::Result<Walk> {
    let mut found = Walk::default();
    let mut pending = vec![(root.to_path_buf(), std::fs::read_dir(root)?)];
    while let Some((dir, entries)) = pending.pop() {
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    found.unreadable_dirs.push((dir.clone(), error));
                    break;
                }
            };
            let path = entry.path();
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => match std::fs::read_dir(&path) {
                    Ok(entries) => pending.push((path, entries)),
                    Err(error) => found.unreadable_dirs.push((path, error)),
                },
                Ok(kind) if kind.is_symlink() && path.is_dir() => found.dir_links.push(path),
                // Files, links to anything else, and entries whose type cannot be told: reading
                // them (if they are seeds) says what is wrong.
                _ => found.files.push(path),
            }
        }
    }
    Ok(found)
}

/// The bytes of the regular file at `path` (links followed), at most `limit` of them; otherwise
/// the reason, to be reported on line 1.
pub(super) fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let cannot_read = |error: std::io::Error| format!("cannot read the file: {error}");
    let too_large = || format!("larger than the {} limit for one file", size(limit));
    // Checked before opening: opening a named pipe blocks until someone writes to it.
    let metadata = std::fs::metadata(path).map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(not_regular(&metadata.file_type()));
    }
    if metadata.len() > limit {
        return Err(too_large());
    }
    let file = File::open(path).map_err(cannot_read)?;
    // The path may have changed between the check and the open: check what was opened.
    let metadata = file.metadata().map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(not_regular(&metadata.file_type()));
    }
    let capacity = usize::try_from(metadata.len().min(limit)).unwrap_or(0);
    match read_at_most(file, limit, capacity) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(too_large()),
        Err(error) => Err(cannot_read(error)),
    }
}

/// Everything `reader` holds if that is at most `limit` bytes, `None` if it holds more. Never
/// reads more than `limit + 1` bytes, so an endless reader ends.
pub(super) fn read_at_most(
    reader: impl Read,
    limit: u64,
    capacity: usize,
) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

fn not_regular(kind: &FileType) -> String {
    #[cfg(unix)]
    let special = {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            Some("a named pipe")
        } else if kind.is_char_device() {
            Some("a character device")
        } else if kind.is_block_device() {
            Some("a block device")
        } else if kind.is_socket() {
            Some("a socket")
        } else {
            None
        }
    };
    #[cfg(not(unix))]
    let special: Option<&str> = None;
    let what = special.unwrap_or(if kind.is_dir() {
        "a directory"
    } else {
        "not a file"
    });
    format!("not a regular file ({what}); only regular files are read")
}

/// `8 MiB`, `1.5 MiB` or `100 bytes`.
pub(super) fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= MIB {
        // Tenths of a MiB, rounded down, in integers (no float rounding surprises).
        let tenths = bytes / (MIB / 10);
        format!("{}.{} MiB", tenths / 10, tenths % 10)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_reader_is_read_only_to_the_limit() {
        let endless = std::io::repeat(b'a');
        assert_eq!(read_at_most(endless, 1000, 0).ok(), Some(None));
        let short: &[u8] = b"short";
        assert_eq!(
            read_at_most(short, 5, 0).ok(),
            Some(Some(b"short".to_vec()))
        );
        let short: &[u8] = b"short!";
        assert_eq!(read_at_most(short, 5, 0).ok(), Some(None));
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size(8 * 1024 * 1024), "8 MiB");
        assert_eq!(size(512 * 1024 * 1024), "512 MiB");
        assert_eq!(size(1024 * 1024 * 3 / 2), "1.5 MiB");
        assert_eq!(size(100), "100 bytes");
    }
}
