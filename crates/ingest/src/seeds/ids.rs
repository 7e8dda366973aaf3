//! A seed file's path → its article id, and the rules an id follows.
//!
//! - The id is the file name without `.txt`, in Unicode NFC (a name saved in NFD by macOS gives
//!   the same id as its NFC spelling).
//! - The path under the seeds directory must be UTF-8 and free of control characters and of
//!   bidirectional controls (they would break or reorder the `file:line:` output, and the id ends
//!   up in links); the id must have a visible character. A file breaking these rules is an
//!   error asking to rename it, shown with its bytes escaped (`\xE9`, `\u{a}`), so two
//!   undecodable names are two errors, never one lossy id.
//! - Two files with the same id (after NFC) are an error on the second: "duplicate article id".
//! - Ids that differ only in letter case or compatibility form (`Article` and `article`, `ﬁle`
//!   and `file`: equal after NFKC and case folding, see [`collision_key`]) are a warning on the
//!   second, naming the first: both articles are kept, but a case-insensitive file system or a
//!   reader typing the link cannot tell them apart.

use std::path::{Component, Path};

use icu_casemap::CaseMapper;
use icu_normalizer::ComposingNormalizerBorrowed;

use crate::chars::{escape, has_visible, is_bidi_control};

/// A seed's relative path (`desk/x.txt`, `/`-separated) and id (`x`, NFC).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct SeedName {
    pub relative: String,
    pub id: String,
    /// The file stem as on disk (possibly not NFC), to tell an exact duplicate from one that only
    /// normalises to the same id.
    pub stem: String,
}

/// The name of the seed at `path` under `dir`, or why the file must be renamed.
pub(super) fn seed_name(dir: &Path, path: &Path) -> Result<SeedName, String> {
    let relative_path = path.strip_prefix(dir).unwrap_or(path);
    let mut parts = Vec::new();
    for component in relative_path.components() {
        let Component::Normal(part) = component else {
            continue;
        };
        let Some(part) = part.to_str() else {
            return Err(
                "the file name is not valid UTF-8 (its bytes are shown as \\xNN); rename the file"
                    .to_owned(),
            );
        };
        if let Some(c) = part.chars().find(|&c| c.is_control() || is_bidi_control(c)) {
            return Err(format!(
                "the file name holds the control character {}; rename the file",
                escape(&c.to_string())
            ));
        }
        parts.push(part);
    }
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned();
    if !has_visible(&stem) {
        return Err("the file name has no visible character before `.txt`; rename the file".into());
    }
    let id = ComposingNormalizerBorrowed::new_nfc()
        .normalize(&stem)
        .into_owned();
    Ok(SeedName {
        relative: parts.join("/"),
        id,
        stem,
    })
}

/// Ids equal under this key name the same article to a reader: NFKC (compatibility forms such as
/// ligatures and full-width letters), full Unicode case folding (`ß` ~ `ss`), NFKC again.
pub(super) fn collision_key(id: &str) -> String {
    let nfkc = ComposingNormalizerBorrowed::new_nfkc();
    let folded = CaseMapper::new()
        .fold_string(&nfkc.normalize(id))
        .into_owned();
    nfkc.normalize(&folded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_nfc_and_paths_keep_their_folders() {
        let name =
            seed_name(Path::new("seeds"), Path::new("seeds/desk/cafe\u{301}.txt")).expect("valid");
        assert_eq!(name.id, "caf\u{e9}");
        assert_eq!(name.stem, "cafe\u{301}");
        assert_eq!(name.relative, "desk/cafe\u{301}.txt");
    }

    #[test]
    fn control_characters_and_invisible_names_are_refused() {
        let dir = Path::new("seeds");
        for bad in [
            "seeds/a\nb.txt",
            "seeds/a\u{1b}[31m.txt",
            "seeds/x\u{202E}txt.exe.txt",
        ] {
            let error = seed_name(dir, Path::new(bad)).expect_err(bad);
            assert!(error.contains("control character"), "{error}");
            assert!(
                !error.contains('\n') && !error.contains('\u{1b}'),
                "{error}"
            );
        }
        let error = seed_name(dir, Path::new("seeds/new\nsdesk/a.txt")).expect_err("folder");
        assert!(error.contains("\\u{a}"), "{error}");
        assert!(seed_name(dir, Path::new("seeds/\u{200B}.txt")).is_err());
    }

    #[test]
    fn case_and_compatibility_forms_collide() {
        assert_eq!(collision_key("Article"), collision_key("article"));
        assert_eq!(collision_key("STRASSE"), collision_key("straße"));
        assert_eq!(collision_key("\u{FB01}le"), collision_key("file"));
        assert_eq!(collision_key("CAFE\u{301}"), collision_key("caf\u{e9}"));
        assert_ne!(collision_key("cafe"), collision_key("caf\u{e9}"));
    }
}
