//! The interface's languages: which ones there are ([`Ui`]), how a reader's browser languages
//! pick one, and the interface's sentences in each, read from message files.
//!
//! The messages are data, one file per language in `crates/corpus/messages/` (compiled in: the
//! seven files are a few kilobytes each). A file is lines of `key = text`; `#` starts a comment
//! line. A text may hold placeholders, `{name}`, that [`Ui::fill`] replaces. A key may have a
//! singular form, `key.one = …`, that [`Ui::count`] uses for a count of one; languages without
//! grammatical number (all but English here) give only the plain key. A key missing from a
//! language falls back to English, then to the key itself, so the interface never shows a blank;
//! tests fail on any key missing from a language, on a placeholder a translation lacks, and on a
//! key the code asks for that English lacks.
//!
//! Numbers are written with Latin digits and the language's group separator (`number.group`).
//! Dates, country names and month names come from the browser's `Intl` (CLDR), in the app.

use std::collections::HashMap;
use std::sync::LazyLock;

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ui {
    /// English (the default, and the fallback for any missing message).
    #[default]
    En,
    /// Vietnamese.
    Vi,
    /// Thai.
    Th,
    /// Indonesian.
    Id,
    /// Chinese (Simplified).
    Zh,
    /// Khmer.
    Km,
    /// Burmese.
    My,
}

/// Every message file, in [`Ui::ALL`]'s order.
const FILES: [&str; 7] = [
    include_str!("../../messages/en.txt"),
    include_str!("../../messages/vi.txt"),
    include_str!("../../messages/th.txt"),
    include_str!("../../messages/id.txt"),
    include_str!("../../messages/zh.txt"),
    include_str!("../../messages/km.txt"),
    include_str!("../../messages/my.txt"),
];

/// Each language's messages, parsed once.
static MESSAGES: LazyLock<Vec<HashMap<&'static str, &'static str>>> =
    LazyLock::new(|| FILES.iter().map(|file| parse(file)).collect());

/// The `key = text` lines of one message file (later lines win; malformed lines are skipped, and
/// a test keeps the files free of them).
fn parse(file: &'static str) -> HashMap<&'static str, &'static str> {
    file.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(key, text)| (key.trim(), text.trim()))
        .filter(|(key, _)| !key.is_empty())
        .collect()
}

impl Ui {
    /// Every interface language, in the switch's order.
    pub const ALL: [Ui; 7] = [Ui::En, Ui::Vi, Ui::Th, Ui::Id, Ui::Zh, Ui::Km, Ui::My];

    /// The BCP 47 tag: the `ui=` value, the page's `lang`, and what `Intl` formats for.
    pub fn tag(self) -> &'static str {
        match self {
            Ui::En => "en",
            Ui::Vi => "vi",
            Ui::Th => "th",
            Ui::Id => "id",
            Ui::Zh => "zh",
            Ui::Km => "km",
            Ui::My => "my",
        }
    }

    /// The language's name in itself, for the switch.
    pub fn endonym(self) -> &'static str {
        self.text("ui.endonym")
    }

    /// The language of a tag such as `vi`, `th-TH`, `zh-Hans-CN` or `EN` (its primary subtag,
    /// ASCII case-insensitively); `None` for a language the interface does not speak.
    pub fn parse(tag: &str) -> Option<Ui> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Ui::ALL
            .into_iter()
            .find(|ui| ui.tag().eq_ignore_ascii_case(primary))
    }

    /// The first of a browser's preferred languages (`navigator.languages`) that the interface
    /// speaks, else English.
    pub fn from_preferences<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Ui {
        preferred
            .into_iter()
            .find_map(Ui::parse)
            .unwrap_or_default()
    }

    fn index(self) -> usize {
        Ui::ALL.iter().position(|&ui| ui == self).unwrap_or(0)
    }

    /// The message `key` in this language (English when it lacks it, the key itself when English
    /// lacks it too).
    pub fn text(self, key: &'static str) -> &'static str {
        let messages = &*MESSAGES;
        [self.index(), 0]
            .into_iter()
            .find_map(|i| messages.get(i)?.get(key).copied())
            .unwrap_or(key)
    }

    /// The message `key` with its `{name}` placeholders replaced by `args` (a placeholder without
    /// an argument stays as written).
    pub fn fill(self, key: &'static str, args: &[(&str, &str)]) -> String {
        fill(self.text(key), args)
    }

    /// The message `key` for a count of `n` (its `key.one` form for one, where the language has
    /// it), with `{n}` the count written as [`Ui::number`] writes it, and the other `args`.
    pub fn count(self, key: &'static str, n: usize, args: &[(&str, &str)]) -> String {
        let text = if n == 1 {
            self.singular(key).unwrap_or_else(|| self.text(key))
        } else {
            self.text(key)
        };
        let number = self.number(n);
        let mut all: Vec<(&str, &str)> = vec![("n", &number)];
        all.extend_from_slice(args);
        fill(text, &all)
    }

    /// `key.one` in this language, or in English when this language has no plain `key` either.
    fn singular(self, key: &str) -> Option<&'static str> {
        let messages = &*MESSAGES;
        let one = format!("{key}.one");
        let own = messages.get(self.index())?;
        if let Some(text) = own.get(one.as_str()) {
            return Some(text);
        }
        if own.contains_key(key) {
            return None;
        }
        messages.first()?.get(one.as_str()).copied()
    }

    /// `n` with Latin digits and the language's group separator: `12,345` in English, `12.345` in
    /// Vietnamese and Indonesian.
    pub fn number(self, n: usize) -> String {
        let separator = self.text("number.group");
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() * 2);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(separator);
            }
            out.push(c);
        }
        out
    }

    /// A language's name in this interface language (`vi` is "Vietnamese" in English, "Tiếng
    /// Việt" in Vietnamese); an unknown code comes back as itself.
    pub fn language_name(self, code: &str) -> String {
        self.known_language_name(code)
            .map_or_else(|| code.to_owned(), str::to_owned)
    }

    /// A known language's name in this interface language; `None` for an unknown code.
    pub fn known_language_name(self, code: &str) -> Option<&'static str> {
        language_key(code).map(|key| self.text(key))
    }
}

/// The message key naming a corpus language code.
fn language_key(code: &str) -> Option<&'static str> {
    Some(match code {
        "en" => "lang.en",
        "vi" => "lang.vi",
        "th" => "lang.th",
        "zh" => "lang.zh",
        "zh-Hans" => "lang.zh-Hans",
        "zh-Hant" => "lang.zh-Hant",
        "id" => "lang.id",
        "ms" => "lang.ms",
        "tl" => "lang.tl",
        "km" => "lang.km",
        "lo" => "lang.lo",
        "my" => "lang.my",
        "ja" => "lang.ja",
        "ko" => "lang.ko",
        "und" => "lang.und",
        _ => return None,
    })
}

/// `text` with each `{name}` replaced by its value in `args`.
fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
