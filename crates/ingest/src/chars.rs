//! Character classes shared by the parser, the seed ids and the CLI, and the one escaping rule for
//! anything printed to a terminal.
//!
//! - **Control characters** ([`is_forbidden_control`]): Unicode's `Cc` (C0, DEL and C1) except tab,
//!   line feed and carriage return. They are errors in a seed's text and in file names.
//! - **Bidirectional controls** ([`is_bidi_control`]): legitimate in text (Arabic, Hebrew), but
//!   they reorder a terminal line, so they are refused in file names and escaped when printed.
//! - **Invisible characters** ([`is_invisible`]): zero-width space, (non-)joiner, word joiner,
//!   byte-order mark, soft hyphen and other format characters that draw nothing. They are
//!   legitimate text and stay in what is displayed; a line made only of them counts as blank, and
//!   a title needs a letter or digit ([`has_letter_or_digit`]).
//! - **Escaping** ([`escape`], [`escape_os`]): control and bidirectional characters are printed as
//!   `\u{1b}`, bytes that are not UTF-8 (in file names) as `\xFF`; everything else as is.

use std::borrow::Cow;
use std::ffi::OsStr;
use std::fmt::Write as _;

/// A control character that may not appear in seed text or file names: every `Cc` character
/// except tab, line feed and carriage return.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Characters that change the direction of the text around them (embeddings, overrides,
/// isolates and marks).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Characters that draw nothing by themselves: zero-width and format characters, fillers.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
    )
}

/// `text` has something to see: a character that is neither white space nor invisible.
pub fn has_visible(text: &str) -> bool {
    text.chars().any(|c| !c.is_whitespace() && !is_invisible(c))
}

/// `text` has a letter or a digit, in any script.
pub fn has_letter_or_digit(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// `text` with every control and bidirectional character written as `\u{…}`, safe to print on
/// one terminal line. Borrowed (unchanged) when there is nothing to escape; escaping escaped text
/// changes nothing.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    push_escaped(text, &mut out);
    Cow::Owned(out)
}

/// A file name or path, escaped like [`escape`], with each byte that is not UTF-8 written as
/// `\xFF`: two different undecodable names never print the same.
pub fn escape_os(name: &OsStr) -> String {
    let mut out = String::new();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        for chunk in name.as_bytes().utf8_chunks() {
            push_escaped(chunk.valid(), &mut out);
            for byte in chunk.invalid() {
                let _ = write!(out, "\\x{byte:02X}");
            }
        }
    }
    #[cfg(not(unix))]
    push_escaped(&name.to_string_lossy(), &mut out);
    out
}

fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn push_escaped(text: &str, out: &mut String) {
    for c in text.chars() {
        if needs_escape(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_except_tab_and_line_breaks() {
        for c in [
            '\0', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}', '\u{0b}', '\u{0c}',
        ] {
            assert!(is_forbidden_control(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', ' ', 'a', '\u{200B}', '\u{AD}'] {
            assert!(!is_forbidden_control(c), "{c:?}");
        }
    }

    #[test]
    fn escaping_is_one_line_and_idempotent() {
        assert_eq!(escape("plain ไทย"), "plain ไทย");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
        let escaped = escape("a\u{1b}[31mred\nb\u{202E}c");
        assert_eq!(escaped, "a\\u{1b}[31mred\\u{a}b\\u{202e}c");
        assert_eq!(escape(&escaped), escaped);
    }

    #[cfg(unix)]
    #[test]
    fn undecodable_bytes_are_written_as_hex() {
        use std::os::unix::ffi::OsStrExt;
        let a = escape_os(OsStr::from_bytes(b"caf\xe9\n.txt"));
        let b = escape_os(OsStr::from_bytes(b"caf\xe8\n.txt"));
        assert_eq!(a, "caf\\xE9\\u{a}.txt");
        assert_ne!(a, b);
    }

    #[test]
    fn invisible_only_text_has_nothing_to_see() {
        assert!(!has_visible(
            "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}\u{AD} \t"
        ));
        assert!(has_visible("\u{200B}."));
        assert!(!has_letter_or_digit(". \u{200B} …"));
        assert!(has_letter_or_digit("ก"));
        assert!(has_letter_or_digit("中"));
        assert!(has_letter_or_digit("7"));
    }
}
