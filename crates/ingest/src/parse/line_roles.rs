//! The table that tells a caption line or a closing source line from body text, per language.
//!
//! Nothing is thrown away: a matching line is kept as a caption or as the source, never deleted.
//! Rules are prefixes of the trimmed line; they are deliberately few and each has a test.

/// What a non-header line of a seed file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineRole {
    Paragraph,
    Caption,
    /// A source line; the payload is the byte offset where the source text starts.
    Source(usize),
}

/// Lines longer than this are body text whatever they start with.
const MAX_CAPTION_CHARS: usize = 300;
const MAX_SOURCE_CHARS: usize = 200;

/// Image captions and credits: `Ảnh minh họa. Nguồn: iStock`, `Photo: Reuters`, `ภาพ: …`, `图：…`.
/// Each entry is a prefix that must be followed by a non-letter (so `Photos` or `Ảnhx` do not match).
const CAPTION_PREFIXES: &[&str] = &[
    // Vietnamese
    "Ảnh minh họa",
    "Ảnh minh hoạ",
    "Ảnh:",
    "Ảnh :",
    "(Ảnh",
    "Nguồn ảnh",
    // English
    "Photo:",
    "Photo by",
    "Photo credit",
    "(Photo",
    "Image:",
    "Image credit",
    "Picture:",
    "Illustration:",
    "Illustrative photo",
    "File photo",
    "Caption:",
    // Indonesian / Malay
    "Foto:",
    "Gambar:",
    "Ilustrasi",
    // Thai
    "ภาพ:",
    "ภาพ :",
    "ภาพประกอบ",
    "ที่มาภาพ",
    // Chinese
    "图：",
    "图:",
    "图片：",
    "图片来源",
    "资料图",
    "（图",
];

/// Closing source lines: `Nguồn TTXVN/Vietnam+`, `Source: Reuters`, `ที่มา: …`, `来源：…`.
const SOURCE_PREFIXES: &[&str] = &[
    "Nguồn:",
    "Nguồn :",
    "Nguồn",
    "Theo:",
    "Source:",
    "Sources:",
    "Source -",
    "Source",
    "Sumber:",
    "Sumber",
    "ที่มา:",
    "ที่มา :",
    "ที่มา",
    "来源：",
    "来源:",
    "来源",
    "（来源：",
    "(来源：",
    "消息来源：",
];

/// Classifies one trimmed, non-blank line. `is_last` is true for the file's last non-blank line:
/// only a closing line can be the source.
pub fn classify(line: &str, is_last: bool) -> LineRole {
    let chars = line.chars().count();
    if chars <= MAX_CAPTION_CHARS
        && (CAPTION_PREFIXES.iter().any(|p| starts_with_word(line, p)) || has_credit_suffix(line))
    {
        return LineRole::Caption;
    }
    if is_last && chars <= MAX_SOURCE_CHARS {
        for prefix in SOURCE_PREFIXES {
            if starts_with_word(line, prefix) {
                let rest = &line[prefix.len()..];
                let start = prefix.len()
                    + (rest.len() - rest.trim_start_matches([' ', ':', '：', '-', '—']).len());
                if start < line.len() {
                    return LineRole::Source(start);
                }
            }
        }
    }
    LineRole::Paragraph
}

/// Photo credits that close a caption in Chinese news: `…排隊等候。（圖／取自柬中時報）`.
const CAPTION_CREDIT_STARTS: &[&str] = &[
    "圖／",
    "圖/",
    "图／",
    "图/",
    "圖：",
    "图：",
    "圖片／",
    "图片／",
];

/// The line ends with a bracketed photo credit.
fn has_credit_suffix(line: &str) -> bool {
    let Some(inner) = line.strip_suffix(['）', ')']) else {
        return false;
    };
    let Some(open) = inner.rfind(['（', '(']) else {
        return false;
    };
    let credit = inner[open..].trim_start_matches(['（', '(']);
    CAPTION_CREDIT_STARTS.iter().any(|s| credit.starts_with(s))
}

/// The source text of a line classified as [`LineRole::Source`], without brackets around it.
pub fn source_text(line: &str, start: usize) -> &str {
    let text = line.get(start..).unwrap_or(line).trim();
    let text = text
        .strip_suffix([')', '）'])
        .filter(|_| line.starts_with(['(', '（']))
        .unwrap_or(text);
    text.trim()
}

/// `line` starts with `prefix`, and the prefix is not the start of a longer word.
fn starts_with_word(line: &str, prefix: &str) -> bool {
    let Some(rest) = line.strip_prefix(prefix) else {
        return false;
    };
    let prefix_ends_in_letter = prefix.chars().last().is_some_and(char::is_alphanumeric);
    // Scripts without spaces (Thai, Chinese) run straight on; only Latin-like prefixes need a break.
    let latin_prefix = prefix.chars().all(|c| !is_unspaced_script(c));
    !(prefix_ends_in_letter && latin_prefix)
        || rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
}

fn is_unspaced_script(c: char) -> bool {
    matches!(c, '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}' | '\u{3000}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(line: &str) -> Option<&str> {
        match classify(line, true) {
            LineRole::Source(start) => Some(source_text(line, start)),
            _ => None,
        }
    }

    #[test]
    fn vietnamese_captions_and_source() {
        assert_eq!(
            classify("Ảnh minh họa. Nguồn: iStock", false),
            LineRole::Caption
        );
        assert_eq!(classify("Ảnh: TTXVN", false), LineRole::Caption);
        assert_eq!(source("Nguồn TTXVN/Vietnam+"), Some("TTXVN/Vietnam+"));
        assert_eq!(source("Nguồn: VnExpress"), Some("VnExpress"));
        // A body sentence that merely starts with the same word is not a source.
        assert_eq!(classify("Nguồngốc của vụ việc", true), LineRole::Paragraph);
    }

    #[test]
    fn english_captions_and_source() {
        assert_eq!(classify("Photo: Reuters", false), LineRole::Caption);
        assert_eq!(classify("(Photo: AFP)", false), LineRole::Caption);
        assert_eq!(
            classify("Photographers gathered at the border.", false),
            LineRole::Paragraph
        );
        assert_eq!(source("Source: Bangkok Post"), Some("Bangkok Post"));
        assert_eq!(source("Sources: Reuters, AP"), Some("Reuters, AP"));
        assert_eq!(
            classify("Sourcing of goods rose.", true),
            LineRole::Paragraph
        );
    }

    #[test]
    fn thai_chinese_and_indonesian() {
        assert_eq!(classify("ภาพประกอบ: สำนักข่าวไทย", false), LineRole::Caption);
        assert_eq!(source("ที่มา: ไทยรัฐ"), Some("ไทยรัฐ"));
        assert_eq!(classify("图：新华社", false), LineRole::Caption);
        assert_eq!(source("来源：新华网"), Some("新华网"));
        assert_eq!(source("（来源：人民网）"), Some("人民网"));
        assert_eq!(classify("Foto: Antara", false), LineRole::Caption);
        assert_eq!(source("Sumber: Kompas"), Some("Kompas"));
    }

    #[test]
    fn a_source_line_counts_only_at_the_end() {
        assert_eq!(classify("Source: Reuters", false), LineRole::Paragraph);
    }

    #[test]
    fn a_closing_photo_credit_makes_a_caption() {
        let caption = "柬中時報網站19日發布相片稱，許多中國公民在使館外排隊。（圖／取自柬中時報）";
        assert_eq!(classify(caption, false), LineRole::Caption);
        assert_eq!(classify("警方表示（图/新华社）", false), LineRole::Caption);
        assert_eq!(classify("警方表示（新华社）。", false), LineRole::Paragraph);
        assert_eq!(classify("警方表示（记者 王）", false), LineRole::Paragraph);
    }

    #[test]
    fn long_lines_are_body_text() {
        let long = format!("Photo: {}", "word ".repeat(100));
        assert_eq!(classify(&long, false), LineRole::Paragraph);
        let long_source = format!("Source: {}", "word ".repeat(60));
        assert_eq!(classify(&long_source, true), LineRole::Paragraph);
    }
}
