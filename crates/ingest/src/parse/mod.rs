//! One seed file's bytes → its parts: optional `date YYYY-MM-DD <title>` header, paragraphs,
//! captions and closing source line. Language and countries are added later (see `seeds`).
//!
//! The format, for curators (README wording):
//! - **UTF-8.** A leading byte-order mark is dropped; CRLF and CR become LF. A file in UTF-16 or
//!   UTF-32 (a byte-order mark `FF FE` / `FE FF`, or NUL bytes in every other position) is an
//!   error that says so: "the file is UTF-16 (little-endian); save it as UTF-8". Other bytes that
//!   are not UTF-8 are an error naming the line and byte.
//! - **No control characters.** NUL, ESC, DEL, form feed and every other control character (C0,
//!   DEL, C1) except tab and line breaks are an error naming the line and column ("line 3:
//!   column 7: control character U+001B (ESC) …"), never stored and never stripped silently: they
//!   would reach a curator's terminal and the page raw. Zero-width characters (U+200B, U+200C,
//!   U+200D, U+2060, U+FEFF after the start, the soft hyphen U+00AD) are text: they are kept
//!   exactly as typed.
//! - **Blank lines** are lines of only white space or invisible characters (zero-width and other
//!   format characters); they separate paragraphs and are otherwise ignored.
//! - **Optional header**: the first non-blank line, trimmed, may be `date YYYY-MM-DD Title`.
//!   The date must exist.
//! - Every other non-blank line is a paragraph, unless the line-role table
//!   ([`crate::parse::line_roles`]) makes it a caption or (last line only) the source.
//! - **Text is required.** An article needs at least one paragraph with a letter or digit. A file
//!   with only a header, a header and title, captions, a source line, or lines of punctuation is
//!   one error, "no text", on its first non-blank line. A file with nothing but blank lines is
//!   "the file is empty".
//! - **A title has a letter or digit.** Without a header title, or when the header's title has no
//!   letter or digit (`date 2025-01-01 .`, or only zero-width characters), the title is cut from
//!   the first sentence of the body that has a letter or digit, and marked as derived (a
//!   warning). Leading page chrome (a share button, a byline, a site name, a breadcrumb; see
//!   [`page_chrome`]) is skipped for the title and kept in the text. A title is never empty or
//!   invisible.

pub mod line_roles;
pub mod page_chrome;

use corpus::date::{Date, DateError};
use line_roles::LineRole;

use crate::chars::{has_letter_or_digit, has_visible, is_forbidden_control};

/// About how long a derived title may be, in characters.
const DERIVED_TITLE_CHARS: usize = 100;

/// How many leading bytes are looked at for the NUL pattern of a UTF-16 file without a BOM.
const WIDE_SAMPLE_BYTES: usize = 4096;

/// A seed file split into its parts, before language and country detection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedSeed {
    pub date: Option<Date>,
    pub title: String,
    pub title_derived: bool,
    pub paragraphs: Vec<String>,
    pub captions: Vec<String>,
    pub source: Option<String>,
}

/// Why a seed file cannot become an article, with the 1-based line it concerns.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("line {line}: not valid UTF-8 (byte {byte} of the file); save the file as UTF-8")]
    NotUtf8 { line: usize, byte: usize },
    /// UTF-16 or UTF-32, told by its byte-order mark or its NUL bytes; `encoding` names it.
    #[error("line 1: the file is {encoding}, not UTF-8; save it as UTF-8")]
    WideEncoding { encoding: &'static str },
    /// A control character other than tab and line breaks; `column` counts characters from 1.
    #[error("line {line}: column {column}: control character {} in the text; remove it (only tabs and line breaks may appear)", control_name(*character))]
    ControlCharacter {
        line: usize,
        column: usize,
        character: char,
    },
    #[error("line 1: the file is empty (nothing but white space or invisible characters)")]
    Empty,
    #[error("line {line}: {source}")]
    BadDate { line: usize, source: DateError },
    /// No paragraph with a letter or digit: only a header, a title, captions or a source line.
    #[error("line {line}: no text: an article needs at least one paragraph with a letter or digit (besides a date header, title, captions and source line)")]
    NoText { line: usize },
}

impl ParseError {
    /// The 1-based line the error is about.
    pub fn line(&self) -> usize {
        match self {
            ParseError::NotUtf8 { line, .. }
            | ParseError::ControlCharacter { line, .. }
            | ParseError::BadDate { line, .. }
            | ParseError::NoText { line } => *line,
            ParseError::Empty | ParseError::WideEncoding { .. } => 1,
        }
    }

    /// The reason without the line prefix, for tools that show the line separately.
    pub fn reason(&self) -> String {
        let full = self.to_string();
        match full.split_once(": ") {
            Some((_, reason)) => reason.to_owned(),
            None => full,
        }
    }
}

/// `U+001B (ESC)`: a control character's code point, and its name when it has a common one.
fn control_name(c: char) -> String {
    let name = match c {
        '\0' => " (NUL)",
        '\u{8}' => " (backspace)",
        '\u{b}' => " (vertical tab)",
        '\u{c}' => " (form feed)",
        '\u{1b}' => " (ESC)",
        '\u{7f}' => " (DEL)",
        _ => "",
    };
    format!("U+{:04X}{name}", u32::from(c))
}

/// Decodes and normalises a seed file's bytes: UTF-8 required (UTF-16 and UTF-32 named as such),
/// BOM dropped, CRLF/CR → LF, no control characters but tab and line breaks.
pub fn decode(bytes: &[u8]) -> Result<String, ParseError> {
    if let Some(encoding) = wide_encoding(bytes) {
        return Err(ParseError::WideEncoding { encoding });
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let byte = error.valid_up_to();
        let line = 1 + bytes[..byte].iter().filter(|&&b| b == b'\n').count();
        ParseError::NotUtf8 { line, byte }
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if let Some((line, column, character)) = first_control(&text) {
        return Err(ParseError::ControlCharacter {
            line,
            column,
            character,
        });
    }
    Ok(text)
}

/// UTF-32 or UTF-16 by their byte-order marks; UTF-16 without one when at least a third of the
/// sampled code units have a NUL in one half and almost none in the other (text mostly in Latin
/// script). Other UTF-16 text without a BOM is not valid UTF-8 and is reported as such.
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => return Some("UTF-32 (little-endian)"),
        [0, 0, 0xFE, 0xFF, ..] => return Some("UTF-32 (big-endian)"),
        [0xFF, 0xFE, ..] => return Some("UTF-16 (little-endian)"),
        [0xFE, 0xFF, ..] => return Some("UTF-16 (big-endian)"),
        _ => {}
    }
    let sample = &bytes[..bytes.len().min(WIDE_SAMPLE_BYTES)];
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let nuls_at = |parity: usize| {
        sample[..units * 2]
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nuls_at(0), nuls_at(1));
    let mostly = |n: usize| n * 3 >= units;
    let hardly = |n: usize| n * 20 <= units;
    if mostly(odd) && hardly(even) {
        Some("UTF-16 (little-endian, no byte-order mark)")
    } else if mostly(even) && hardly(odd) {
        Some("UTF-16 (big-endian, no byte-order mark)")
    } else {
        None
    }
}

/// The first forbidden control character: its 1-based line, 1-based column (in characters) and
/// the character.
fn first_control(text: &str) -> Option<(usize, usize, char)> {
    if !text.chars().any(is_forbidden_control) {
        return None;
    }
    text.split('\n').enumerate().find_map(|(i, line)| {
        line.chars()
            .enumerate()
            .find(|&(_, c)| is_forbidden_control(c))
            .map(|(column, c)| (i + 1, column + 1, c))
    })
}

/// Parses a whole seed file.
pub fn parse_seed(bytes: &[u8]) -> Result<ParsedSeed, ParseError> {
    let text = decode(bytes)?;
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| has_visible(line))
        .collect();
    let Some(&(first_number, first_line)) = lines.first() else {
        return Err(ParseError::Empty);
    };

    let header = parse_header(first_line).map_err(|source| ParseError::BadDate {
        line: first_number,
        source,
    })?;
    let body_lines = if header.is_some() {
        &lines[1..]
    } else {
        &lines[..]
    };

    let mut paragraphs = Vec::new();
    let mut captions = Vec::new();
    let mut source = None;
    let last = body_lines.len().saturating_sub(1);
    for (i, &(_, line)) in body_lines.iter().enumerate() {
        match line_roles::classify(line, i == last) {
            LineRole::Paragraph => paragraphs.push(line.to_owned()),
            LineRole::Caption => captions.push(line.to_owned()),
            LineRole::Source(start) => {
                source = Some(line_roles::source_text(line, start).to_owned())
            }
        }
    }
    if !paragraphs.iter().any(|p| has_letter_or_digit(p)) {
        return Err(ParseError::NoText { line: first_number });
    }

    let (date, header_title) = match header {
        Some(Header { date, title }) => (Some(date), title),
        None => (None, ""),
    };
    let (title, title_derived) = if has_letter_or_digit(header_title) {
        (header_title.to_owned(), false)
    } else {
        (derive_title_from(&paragraphs), true)
    };
    Ok(ParsedSeed {
        date,
        title,
        title_derived,
        paragraphs,
        captions,
        source,
    })
}

struct Header<'a> {
    date: Date,
    title: &'a str,
}

/// `date YYYY-MM-DD Title` (the word `date` in any case, an optional colon after it).
/// A line that starts with `date` followed by something date-shaped is a header and its date must
/// be real; `date` followed by ordinary words is body text.
fn parse_header(line: &str) -> Result<Option<Header<'_>>, DateError> {
    let Some(keyword) = line.get(..4) else {
        return Ok(None);
    };
    if !keyword.eq_ignore_ascii_case("date") {
        return Ok(None);
    }
    let rest = line[4..].strip_prefix(':').unwrap_or(&line[4..]);
    if !rest.starts_with(char::is_whitespace) {
        return Ok(None);
    }
    let rest = rest.trim_start();
    let (token, title) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let date_shaped = token.starts_with(|c: char| c.is_ascii_digit())
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'));
    if !date_shaped {
        return Ok(None);
    }
    let date = Date::parse(token)?;
    Ok(Some(Header {
        date,
        title: title.trim(),
    }))
}

/// The title of an article without a usable header title: cut from the first sentence of the
/// paragraphs that has a letter or digit (a first line `.` or `…` is skipped), after any leading
/// page chrome (a share button, a byline, a site name: [`page_chrome`]) unless the article is
/// nothing else. The caller has checked that some paragraph has a letter or digit, so the title
/// has one too.
fn derive_title_from(paragraphs: &[String]) -> String {
    let chrome = paragraphs
        .iter()
        .take_while(|p| page_chrome::is_chrome(p))
        .count();
    let after_chrome = &paragraphs[chrome..];
    if after_chrome.iter().any(|p| has_letter_or_digit(p)) {
        derive_title_from_text(after_chrome)
    } else {
        derive_title_from_text(paragraphs)
    }
}

fn derive_title_from_text(paragraphs: &[String]) -> String {
    for paragraph in paragraphs {
        let mut rest = paragraph.as_str();
        while !rest.is_empty() {
            let title = derive_title(rest);
            if has_letter_or_digit(&title) {
                return title;
            }
            rest = rest[sentence_end(rest)..].trim_start();
        }
    }
    // A sentence whose first hundred characters hold no letter or digit: start at its first one.
    let text = paragraphs
        .iter()
        .find_map(|p| p.find(char::is_alphanumeric).map(|i| &p[i..]))
        .unwrap_or_default();
    derive_title(text)
}

/// The first sentence of `text`, cut at a word boundary near `DERIVED_TITLE_CHARS` characters.
pub fn derive_title(text: &str) -> String {
    let sentence = first_sentence(text);
    if sentence.chars().count() <= DERIVED_TITLE_CHARS {
        return sentence.to_owned();
    }
    let cut = sentence
        .char_indices()
        .nth(DERIVED_TITLE_CHARS)
        .map_or(sentence.len(), |(i, _)| i);
    let head = &sentence[..cut];
    // Prefer the last space in the second half of the head; scripts without spaces cut anywhere.
    let at_space = head.rfind(char::is_whitespace).filter(|&i| i >= cut / 2);
    let head = at_space.map_or(head, |i| &head[..i]);
    let head = head
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '—'));
    format!("{head}…")
}

/// The first sentence of `text`: up to a full stop (excluded), or up to and including `!`, `?`
/// or a CJK sentence end; the whole text when it has no sentence end.
fn first_sentence(text: &str) -> &str {
    // A `.` at the end of `text[..end]` is always the sentence end: a final `.` ends a sentence.
    let sentence = &text[..sentence_end(text)];
    sentence.strip_suffix('.').unwrap_or(sentence)
}

/// The byte offset just past the first sentence end of `text` (`.`, `!` or `?` followed by white
/// space or the end, or `。！？`), or `text.len()` when there is none.
fn sentence_end(text: &str) -> usize {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = match c {
            '。' | '！' | '？' => true,
            '.' | '!' | '?' => chars.peek().is_none_or(|&(_, next)| next.is_whitespace()),
            _ => false,
        };
        if ends {
            return i + c.len_utf8();
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_with_leading_space_gives_date_and_title() {
        let seed = parse_seed(" date 2025-10-16 Thái Lan hợp tác\n\nMột đoạn.\n".as_bytes())
            .expect("parses");
        assert_eq!(seed.date, Date::new(2025, 10, 16));
        assert_eq!(seed.title, "Thái Lan hợp tác");
        assert!(!seed.title_derived);
        assert_eq!(seed.paragraphs, ["Một đoạn."]);
    }

    #[test]
    fn no_header_means_undated_with_a_derived_title() {
        let seed =
            parse_seed(b"Short first sentence. Second one.\nNext paragraph.").expect("parses");
        assert_eq!(seed.date, None);
        assert_eq!(seed.title, "Short first sentence");
        assert!(seed.title_derived);
        assert_eq!(seed.paragraphs.len(), 2);
    }

    #[test]
    fn derived_titles_are_cut_at_a_word_boundary() {
        let text = "Recently, the Minister of Justice of Thailand, Tawee, discussed the inspection trip to the border area of Tak Province by Liu Zhongyi.";
        let title = derive_title(text);
        assert_eq!(title, "Recently, the Minister of Justice of Thailand, Tawee, discussed the inspection trip to the border…");
        assert!(title.chars().count() <= DERIVED_TITLE_CHARS + 1);
    }

    #[test]
    fn derived_titles_in_scripts_without_spaces_cut_by_characters() {
        let thai = "ก".repeat(300);
        let title = derive_title(&thai);
        assert_eq!(title.chars().count(), DERIVED_TITLE_CHARS + 1);
        assert_eq!(
            derive_title("中国警方打击网络诈骗。第二句。"),
            "中国警方打击网络诈骗。"
        );
    }

    #[test]
    fn decimal_points_and_abbreviations_do_not_end_a_sentence() {
        assert_eq!(
            first_sentence("Losses of 3.5 million baht were seized. Then"),
            "Losses of 3.5 million baht were seized"
        );
    }

    #[test]
    fn byte_order_mark_and_crlf_are_normalised() {
        let seed = parse_seed("\u{FEFF}date 2024-01-02 Title\r\nOne\r\n\r\nTwo\rThree".as_bytes())
            .expect("parses");
        assert_eq!(seed.title, "Title");
        assert_eq!(seed.paragraphs, ["One", "Two", "Three"]);
    }

    #[test]
    fn impossible_date_is_an_error_on_its_line() {
        let error = parse_seed(b"\n\ndate 2025-13-45 Title\nBody").expect_err("bad date");
        assert_eq!(error.line(), 3);
        assert!(error.to_string().contains("2025-13-45"), "{error}");
    }

    #[test]
    fn a_sentence_starting_with_the_word_date_is_body_text() {
        let seed = parse_seed(b"Date palms grow in the south.").expect("parses");
        assert_eq!(seed.date, None);
        assert_eq!(seed.paragraphs, ["Date palms grow in the south."]);
    }

    #[test]
    fn empty_and_blank_files_are_errors() {
        assert_eq!(parse_seed(b""), Err(ParseError::Empty));
        assert_eq!(parse_seed(b" \n\r\n\t\n"), Err(ParseError::Empty));
        assert_eq!(parse_seed("\u{FEFF}".as_bytes()), Err(ParseError::Empty));
    }

    #[test]
    fn header_only_is_an_error() {
        assert_eq!(
            parse_seed(b"date 2025-01-01"),
            Err(ParseError::NoText { line: 1 })
        );
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        let error = parse_seed(b"date 2025-01-01 T\nok\n\xff\xfe bad").expect_err("not utf-8");
        assert_eq!(error, ParseError::NotUtf8 { line: 3, byte: 21 });
    }

    #[test]
    fn utf16_is_told_from_utf8_with_a_stray_nul() {
        let vietnamese = "Thái Lan hợp tác với Campuchia để chống lừa đảo qua điện thoại.";
        let le: Vec<u8> = vietnamese
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            decode(&le),
            Err(ParseError::WideEncoding {
                encoding: "UTF-16 (little-endian, no byte-order mark)"
            })
        );
        assert_eq!(
            decode(&[0xFF, 0xFE, 0, 0, b'a', 0, 0, 0]),
            Err(ParseError::WideEncoding {
                encoding: "UTF-32 (little-endian)"
            })
        );
        // One NUL in UTF-8 text is a control character, not UTF-16.
        assert_eq!(
            decode(b"Ab\0cd efgh"),
            Err(ParseError::ControlCharacter {
                line: 1,
                column: 3,
                character: '\0'
            })
        );
        // UTF-8 text in scripts without NULs is never mistaken for UTF-16.
        assert!(decode("ตำรวจไทย 中国警方".as_bytes()).is_ok());
    }

    #[test]
    fn control_characters_are_errors_at_their_line_and_column() {
        let error = parse_seed("date 2025-01-01 T\r\nok\r\nไทย\u{7f}".as_bytes()).expect_err("DEL");
        assert_eq!(error.line(), 3);
        assert_eq!(
            error.reason(),
            "column 4: control character U+007F (DEL) in the text; remove it (only tabs and line breaks may appear)"
        );
        assert!(parse_seed(b"Tabs\tare fine.\r\n").is_ok());
    }

    #[test]
    fn no_text_is_one_error_whatever_else_the_file_holds() {
        for file in [
            "date 2025-01-01",
            "date 2025-01-01 A title",
            "Source: Reuters",
            "Photo: Reuters\nẢnh: TTXVN",
            "date 2025-01-01 T\n…\n—",
        ] {
            assert_eq!(
                parse_seed(file.as_bytes()),
                Err(ParseError::NoText { line: 1 }),
                "{file}"
            );
        }
        assert_eq!(
            parse_seed("\u{200B}\n\u{2060}\u{AD}".as_bytes()),
            Err(ParseError::Empty)
        );
    }

    #[test]
    fn titles_come_from_the_first_sentence_with_a_letter_or_digit() {
        let seed = parse_seed(b".\n... !\nThe raid. More.").expect("parses");
        assert_eq!(seed.title, "The raid");
        assert!(seed.title_derived);
        assert_eq!(seed.paragraphs, [".", "... !", "The raid. More."]);
        let seed = parse_seed(b"date 2025-01-01 ?\nBody text.").expect("parses");
        assert_eq!(
            (seed.title.as_str(), seed.title_derived),
            ("Body text", true)
        );
        // A short title with a digit is a title.
        let seed = parse_seed(b"date 2025-01-01 7\nBody text.").expect("parses");
        assert_eq!((seed.title.as_str(), seed.title_derived), ("7", false));
        // A first sentence of over a hundred symbols: the title starts at the first letter.
        let seed =
            parse_seed(format!("{} Police raided.", "*".repeat(150)).as_bytes()).expect("parses");
        assert_eq!(seed.title, "Police raided");
    }

    #[test]
    fn zero_width_characters_are_text() {
        let seed =
            parse_seed("date 2025-01-01 Thai\u{200B}land\nCam\u{AD}bodia\u{2060}.".as_bytes())
                .expect("parses");
        assert_eq!(seed.title, "Thai\u{200B}land");
        assert_eq!(seed.paragraphs, ["Cam\u{AD}bodia\u{2060}."]);
    }

    #[test]
    fn markup_is_kept_as_typed() {
        let seed = parse_seed(b"<script>alert(1)</script> & <b>bold</b>").expect("parses");
        assert_eq!(seed.paragraphs, ["<script>alert(1)</script> & <b>bold</b>"]);
    }

    #[test]
    fn captions_and_source_are_kept_not_dropped() {
        let seed = parse_seed(
            "date 2025-10-16 T\nBody.\nẢnh minh họa. Nguồn: iStock\nMore.\nNguồn TTXVN/Vietnam+"
                .as_bytes(),
        )
        .expect("parses");
        assert_eq!(seed.captions, ["Ảnh minh họa. Nguồn: iStock"]);
        assert_eq!(seed.source.as_deref(), Some("TTXVN/Vietnam+"));
        assert_eq!(seed.paragraphs, ["Body.", "More."]);
    }
}
