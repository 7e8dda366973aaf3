//! One seed file's bytes → its parts: optional `date YYYY-MM-DD <title>` header, paragraphs,
//! captions and closing source line. Language and countries are added later (see `seeds`).
//!
//! The format, for curators:
//! - UTF-8; a leading byte-order mark is dropped; CRLF and CR become LF.
//! - Optional header: the first non-blank line, trimmed, may be `date YYYY-MM-DD Title`.
//!   The date must exist. Without a header the article is undated and its title is cut from the
//!   first sentence of the body (and marked as derived).
//! - Every other non-blank line is a paragraph, unless the line-role table
//!   ([`crate::parse::line_roles`]) makes it a caption or (last line only) the source.

pub mod line_roles;

use corpus::date::{Date, DateError};
use line_roles::LineRole;

/// About how long a derived title may be, in characters.
const DERIVED_TITLE_CHARS: usize = 100;

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
    #[error("line 1: the file is empty")]
    Empty,
    #[error("line {line}: {source}")]
    BadDate { line: usize, source: DateError },
    #[error("line {line}: the file has a date header but no text")]
    NoText { line: usize },
}

impl ParseError {
    /// The 1-based line the error is about.
    pub fn line(&self) -> usize {
        match self {
            ParseError::NotUtf8 { line, .. }
            | ParseError::BadDate { line, .. }
            | ParseError::NoText { line } => *line,
            ParseError::Empty => 1,
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

/// Decodes and normalises a seed file's bytes: UTF-8 required, BOM dropped, CRLF/CR → LF.
pub fn decode(bytes: &[u8]) -> Result<String, ParseError> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let byte = error.valid_up_to();
        let line = 1 + bytes[..byte].iter().filter(|&&b| b == b'\n').count();
        ParseError::NotUtf8 { line, byte }
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Parses a whole seed file.
pub fn parse_seed(bytes: &[u8]) -> Result<ParsedSeed, ParseError> {
    let text = decode(bytes)?;
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty())
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

    let (date, header_title) = match header {
        Some(Header { date, title }) => (Some(date), title),
        None => (None, ""),
    };
    let (title, title_derived) = if header_title.is_empty() {
        let from = paragraphs.first().or(captions.first()).map(String::as_str);
        match from {
            Some(text) => (derive_title(text), true),
            None => return Err(ParseError::NoText { line: first_number }),
        }
    } else {
        (header_title.to_owned(), false)
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

fn first_sentence(text: &str) -> &str {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = match c {
            '。' | '！' | '？' => true,
            '.' | '!' | '?' => chars.peek().is_none_or(|&(_, next)| next.is_whitespace()),
            _ => false,
        };
        if ends {
            let end = i + c.len_utf8();
            return if matches!(c, '.') {
                &text[..i]
            } else {
                &text[..end]
            };
        }
    }
    text
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
