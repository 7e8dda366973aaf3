//! One article as every later stage sees it: the parsed and analysed form of one seed file.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// A seed file after parsing and analysis. The app renders these; the CLI prints them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The file stem: `001_ea81238345a38f58` for `seeds/001_ea81238345a38f58.txt`.
    pub id: String,
    /// Path relative to the seeds directory, `/`-separated.
    pub file: String,
    /// From the `date YYYY-MM-DD` header; `None` when the file has no header (never invented).
    pub date: Option<Date>,
    pub title: String,
    /// True when the file had no header title and `title` was cut from the first sentence.
    pub title_derived: bool,
    /// ISO 639-1 code, or `und` when detection was not confident.
    pub lang: String,
    /// Countries mentioned, most mentions first (ties by code).
    pub countries: Vec<CountryMention>,
    /// The closing source line (`Nguồn TTXVN/Vietnam+` gives `TTXVN/Vietnam+`).
    pub source: Option<String>,
    /// Image captions and credits, in file order.
    pub captions: Vec<String>,
    /// Body paragraphs, in file order, without the header, captions and source. Never empty
    /// and never containing a line break (paragraphs are split at line breaks).
    pub paragraphs: Vec<String>,
    pub warnings: Vec<Warning>,
}

/// An ISO 3166-1 alpha-2 code and how often the article names that country.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CountryMention {
    pub code: String,
    pub mentions: u32,
}

/// Something a curator may want to fix; never fails a build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Warning {
    Undated,
    TitleDerived,
    LanguageUnknown,
    NoCountry,
}

impl Warning {
    /// Stable machine-readable name, used in `corpus check --json`.
    pub fn code(self) -> &'static str {
        match self {
            Warning::Undated => "undated",
            Warning::TitleDerived => "title-derived",
            Warning::LanguageUnknown => "language-unknown",
            Warning::NoCountry => "no-country",
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Warning::Undated => "no date header: the article is undated",
            Warning::TitleDerived => "no title header: title derived from the first sentence",
            Warning::LanguageUnknown => "language could not be detected with confidence",
            Warning::NoCountry => "no country mentioned",
        })
    }
}

impl Article {
    /// Newest first, undated last; ties by id so the order is total and stable.
    pub fn cmp_newest_first(&self, other: &Article) -> Ordering {
        newest_first((self.date, &self.id), (other.date, &other.id))
    }
}

/// The corpus order on `(date, id)`: newest first, undated last, ties by id. The catalog orders
/// its entries with it too.
pub(crate) fn newest_first(a: (Option<Date>, &str), b: (Option<Date>, &str)) -> Ordering {
    match (a.0, b.0) {
        (Some(x), Some(y)) => y.cmp(&x).then_with(|| a.1.cmp(b.1)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.1.cmp(b.1),
    }
}

#[cfg(test)]
impl Article {
    /// A bare article for unit tests: the id as title, `<id>.txt`, one mention per country.
    pub(crate) fn for_test(
        id: &str,
        date: Option<&str>,
        lang: &str,
        countries: &[&str],
    ) -> Article {
        Article {
            id: id.to_owned(),
            file: format!("{id}.txt"),
            date: date.map(|d| Date::parse(d).expect("valid date")),
            title: id.to_owned(),
            title_derived: false,
            lang: lang.to_owned(),
            countries: countries
                .iter()
                .map(|c| CountryMention {
                    code: (*c).to_owned(),
                    mentions: 1,
                })
                .collect(),
            source: None,
            captions: vec![],
            paragraphs: vec![],
            warnings: vec![],
        }
    }
}
