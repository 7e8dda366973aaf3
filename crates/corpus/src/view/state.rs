//! The view as a URL query string: parsing it leniently, writing it canonically, and the pure
//! "intent" steps (toggle a country, set a range, …) that the UI turns into new URLs.
//!
//! The query string is the single source of truth. [`ViewState::parse`] never fails and never
//! panics: whatever it cannot use it drops, reporting each drop as a [`UrlNotice`], and keeps the
//! rest. [`ViewState::to_query`] writes the canonical form (fixed parameter order, defaults
//! omitted, codes upper/lower-cased, sorted and deduplicated), and
//! `ViewState::parse(&s.to_query()).0 == s` for every normalised state `s`.
//!
//! Design choices worth knowing:
//! - `from` after `to` (the first day `from` covers is after the last day `to` covers) is not an
//!   error: the two bounds are swapped, with a [`UrlNotice::RangeSwapped`].
//! - `country` and `lang` may repeat (`country=KH&country=TH` is `country=KH,TH`); the other
//!   parameters may not: the first usable occurrence wins and later ones give a notice.
//! - Empty values (`q=`, `country=`, a trailing comma) count as absent, silently.
//! - Parameter names are matched case-insensitively; bad `%` escapes are kept literally (as
//!   browsers do); a value that is not UTF-8 once decoded is dropped with a notice.
//! - `undated` and `sort` are stored as `Option`: `None` means "the default", which depends on
//!   the rest of the state (see [`ViewState::effective_undated`] and
//!   [`ViewState::effective_sort`]). An explicit value equal to the default is normalised to
//!   `None`, so typing a query switches the default sort to relevance unless the reader picked
//!   another order explicitly.
//!
//! Bounded work from any URL (a shared link may be crafted):
//! - `q` keeps its first [`MAX_QUERY_CHARS`] characters (cut at a character boundary), with a
//!   [`UrlNotice::Shortened`]; [`ViewState::normalized`] cuts it the same way, so the round trip
//!   above holds. What the query parser then keeps is bounded too ([`crate::search::Query`]).
//! - At most [`MAX_URL_NOTICES`] notices are collected; the rest are only counted, in one final
//!   [`UrlNotice::Omitted`], so a megabyte of bad `country=` codes makes a short list. Repeated
//!   codes are merged as they are read, so the state holds each code once whatever the URL's
//!   length.
//! - [`summarize_notices`] cuts a notice list to the few a banner shows, and says how many more
//!   there are ("…and 249,995 more").

use std::collections::BTreeSet;
use std::fmt;

use crate::date::{days_in_month, Date};
use crate::i18n::Ui;
use crate::search::char_prefix;
use crate::search::expand::key_of;
pub use crate::search::MAX_QUERY_CHARS;
use crate::store::catalog::EntityKind;
use crate::view::compare::MAX_COMPARED;
use crate::view::kwic::KwicSort;

/// The most notices [`ViewState::parse`] collects; past it, it only counts them
/// ([`UrlNotice::Omitted`]).
pub const MAX_URL_NOTICES: usize = 20;

/// How many notices a banner lists before "…and N more" ([`summarize_notices`]).
pub const SHOWN_NOTICES: usize = 5;

/// How the selected countries combine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CountryMatch {
    /// An article qualifies when it mentions at least one selected country (the default).
    #[default]
    Any,
    /// An article qualifies only when it mentions every selected country.
    All,
}

impl CountryMatch {
    /// Every value, in display order.
    pub const ALL: [CountryMatch; 2] = [CountryMatch::Any, CountryMatch::All];

    /// The URL spelling: `any` or `all`.
    pub fn as_str(self) -> &'static str {
        match self {
            CountryMatch::Any => "any",
            CountryMatch::All => "all",
        }
    }

    /// Parses the URL spelling, ASCII case-insensitively.
    pub fn parse(text: &str) -> Option<CountryMatch> {
        CountryMatch::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(text))
    }

    /// A short English label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            CountryMatch::Any => "Any selected country",
            CountryMatch::All => "All selected countries",
        }
    }
}

/// What happens to articles without a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Undated {
    /// Shown alongside dated ones (the default without a date range).
    Include,
    /// Hidden (the default with a date range).
    Exclude,
    /// Only undated articles are shown; any date range is then irrelevant.
    Only,
}

impl Undated {
    /// Every value, in display order.
    pub const ALL: [Undated; 3] = [Undated::Include, Undated::Exclude, Undated::Only];

    /// The URL spelling: `include`, `exclude` or `only`.
    pub fn as_str(self) -> &'static str {
        match self {
            Undated::Include => "include",
            Undated::Exclude => "exclude",
            Undated::Only => "only",
        }
    }

    /// Parses the URL spelling, ASCII case-insensitively.
    pub fn parse(text: &str) -> Option<Undated> {
        Undated::ALL
            .into_iter()
            .find(|u| u.as_str().eq_ignore_ascii_case(text))
    }

    /// A short English label for the UI.
    pub fn label(self) -> &'static str {
        match self {
            Undated::Include => "Include undated",
            Undated::Exclude => "Exclude undated",
            Undated::Only => "Only undated",
        }
    }
}

/// The order of the result list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Newest first, undated last (the default without a text query).
    Newest,
    /// Oldest first, undated last.
    Oldest,
    /// Best text match first, ties newest first (the default with a text query).
    Relevance,
}

impl Sort {
    /// Every value, in display order.
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::Newest, Sort::Oldest];

    /// The URL spelling: `newest`, `oldest` or `relevance`.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Relevance => "relevance",
        }
    }

    /// Parses the URL spelling, ASCII case-insensitively.
    pub fn parse(text: &str) -> Option<Sort> {
        Sort::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(text))
    }

    /// The message key of its label ([`Ui::text`]).
    pub fn label_key(self) -> &'static str {
        match self {
            Sort::Newest => "sort.newest",
            Sort::Oldest => "sort.oldest",
            Sort::Relevance => "sort.relevance",
        }
    }

    /// Its English label (`Newest first`).
    pub fn label(self) -> &'static str {
        Ui::En.text(self.label_key())
    }
}

/// One end of a date range, at the precision the reader typed, so it round-trips: `2025`,
/// `2025-10` or `2025-10-16`. As a `from` it means its first day, as a `to` its last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateBound {
    /// A whole year (`2025`); the year is at least 1 and has four digits.
    Year(u16),
    /// A whole month (`2025-10`): year, then month 1–12.
    Month(u16, u8),
    /// One day (`2025-10-16`).
    Day(Date),
}

/// Why a `from`/`to` value is not a [`DateBound`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateBoundError {
    /// Not shaped `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Format,
    /// Shaped right but no such month or day (`2025-13`, `2025-02-30`, `0000`).
    Impossible,
}

impl DateBoundError {
    fn reason(self) -> &'static str {
        match self {
            DateBoundError::Format => "reason.date-format",
            DateBoundError::Impossible => "reason.date-impossible",
        }
    }
}

impl DateBound {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ASCII digits, zero-padded).
    pub fn parse(text: &str) -> Result<DateBound, DateBoundError> {
        let digits = |s: &str| -> Option<u16> {
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        };
        let parts: Vec<&str> = text.split('-').collect();
        match parts.as_slice() {
            [y] if y.len() == 4 => {
                let year = digits(y).ok_or(DateBoundError::Format)?;
                if year == 0 {
                    return Err(DateBoundError::Impossible);
                }
                Ok(DateBound::Year(year))
            }
            [y, m] if y.len() == 4 && m.len() == 2 => {
                let year = digits(y).ok_or(DateBoundError::Format)?;
                let month = digits(m).ok_or(DateBoundError::Format)?;
                if year == 0 || !(1..=12).contains(&month) {
                    return Err(DateBoundError::Impossible);
                }
                let month = u8::try_from(month).map_err(|_| DateBoundError::Impossible)?;
                Ok(DateBound::Month(year, month))
            }
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                let year = digits(y).ok_or(DateBoundError::Format)?;
                let month = digits(m).ok_or(DateBoundError::Format)?;
                let day = digits(d).ok_or(DateBoundError::Format)?;
                let month = u8::try_from(month).map_err(|_| DateBoundError::Impossible)?;
                let day = u8::try_from(day).map_err(|_| DateBoundError::Impossible)?;
                Date::new(year, month, day)
                    .map(DateBound::Day)
                    .ok_or(DateBoundError::Impossible)
            }
            _ => Err(DateBoundError::Format),
        }
    }

    /// The first day this bound covers (`2025-10` → 2025-10-01): what it means as a `from`.
    pub fn first_day(self) -> Date {
        match self {
            DateBound::Year(year) => Date {
                year,
                month: 1,
                day: 1,
            },
            DateBound::Month(year, month) => Date {
                year,
                month,
                day: 1,
            },
            DateBound::Day(date) => date,
        }
    }

    /// The last day this bound covers (`2025-10` → 2025-10-31): what it means as a `to`.
    pub fn last_day(self) -> Date {
        match self {
            DateBound::Year(year) => Date {
                year,
                month: 12,
                day: 31,
            },
            DateBound::Month(year, month) => Date {
                year,
                month,
                day: days_in_month(year, month),
            },
            DateBound::Day(date) => date,
        }
    }

    /// True when the bound is something [`DateBound::parse`] could have produced.
    pub fn is_valid(self) -> bool {
        match self {
            DateBound::Year(year) => (1..=9999).contains(&year),
            DateBound::Month(year, month) => {
                (1..=9999).contains(&year) && (1..=12).contains(&month)
            }
            DateBound::Day(d) => d.year <= 9999 && Date::new(d.year, d.month, d.day).is_some(),
        }
    }
}

impl fmt::Display for DateBound {
    /// The URL spelling: `2025`, `2025-10` or `2025-10-16`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateBound::Year(year) => write!(f, "{year:04}"),
            DateBound::Month(year, month) => write!(f, "{year:04}-{month:02}"),
            DateBound::Day(date) => write!(f, "{date}"),
        }
    }
}

/// The query parameters the view understands, in canonical order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    /// `q`: the search text.
    Q,
    /// `xlang`: `off` searches only the words typed, not their names in other languages.
    Xlang,
    /// `xskip`: names in other languages not to search (their search keys).
    Xskip,
    /// `typo`: `off` matches only words spelled as typed.
    Typo,
    /// `compare`: a query drawn on the timeline beside the others (repeatable, up to four).
    Compare,
    /// `cshare`: `on` draws the compared queries as shares of each period's articles.
    Cshare,
    /// `country`: selected country codes.
    Country,
    /// `match`: `any` or `all` for the countries.
    Match,
    /// `lang`: selected language codes.
    Lang,
    /// `place`: selected places (ids).
    Place,
    /// `person`: selected people (ids).
    Person,
    /// `org`: selected organizations (ids).
    Org,
    /// `from`: start of the date range.
    From,
    /// `to`: end of the date range.
    To,
    /// `undated`: what to do with undated articles.
    Undated,
    /// `sort`: result order.
    Sort,
    /// `view`: how the results are shown: `kwic` lists every match in its context.
    View,
    /// `ksort`: the order of the keyword-in-context lines.
    Ksort,
    /// `article`: id of the expanded article.
    Article,
    /// `ui`: the interface language.
    Ui,
}

impl Param {
    /// Every parameter, in canonical order.
    pub const ALL: [Param; 20] = [
        Param::Q,
        Param::Xlang,
        Param::Xskip,
        Param::Typo,
        Param::Compare,
        Param::Cshare,
        Param::Country,
        Param::Match,
        Param::Lang,
        Param::Place,
        Param::Person,
        Param::Org,
        Param::From,
        Param::To,
        Param::Undated,
        Param::Sort,
        Param::View,
        Param::Ksort,
        Param::Article,
        Param::Ui,
    ];

    /// The name in the URL.
    pub fn name(self) -> &'static str {
        match self {
            Param::Q => "q",
            Param::Xlang => "xlang",
            Param::Xskip => "xskip",
            Param::Typo => "typo",
            Param::Compare => "compare",
            Param::Cshare => "cshare",
            Param::Country => "country",
            Param::Match => "match",
            Param::Lang => "lang",
            Param::Place => "place",
            Param::Person => "person",
            Param::Org => "org",
            Param::From => "from",
            Param::To => "to",
            Param::Undated => "undated",
            Param::Sort => "sort",
            Param::View => "view",
            Param::Ksort => "ksort",
            Param::Article => "article",
            Param::Ui => "ui",
        }
    }

    /// The message key of what notices call it (`start date`).
    fn noun(self) -> &'static str {
        match self {
            Param::Q => "param.q",
            Param::Xlang => "param.xlang",
            Param::Xskip => "param.xskip",
            Param::Typo => "param.typo",
            Param::Compare => "param.compare",
            Param::Cshare => "param.cshare",
            Param::Country => "param.country",
            Param::Match => "param.match",
            Param::Lang => "param.lang",
            Param::Place => "param.place",
            Param::Person => "param.person",
            Param::Org => "param.org",
            Param::From => "param.from",
            Param::To => "param.to",
            Param::Undated => "param.undated",
            Param::Sort => "param.sort",
            Param::View => "param.view",
            Param::Ksort => "param.ksort",
            Param::Article => "param.article",
            Param::Ui => "param.ui",
        }
    }

    fn from_name(name: &str) -> Option<Param> {
        Param::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name))
    }
}

/// Something in the URL that was ignored or adjusted; the rest of the URL still applies.
/// Its `Display` is a short English sentence for a dismissible banner.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum UrlNotice {
    /// A parameter Borderlines does not know (`utm_source`, a typo, …).
    UnknownParam {
        /// The decoded name (lossily decoded if it was not UTF-8).
        name: String,
    },
    /// A known parameter whose value (or one item of a comma-separated list) is unusable.
    InvalidValue {
        /// Which parameter.
        param: Param,
        /// The offending value or list item, decoded.
        value: String,
        /// Why: the message key of a lower-case phrase ("not a two-letter country code").
        reason: &'static str,
    },
    /// A single-valued parameter given again; the first usable occurrence applies.
    Repeated {
        /// Which parameter.
        param: Param,
    },
    /// A value that is not UTF-8 once percent-decoded.
    NotUtf8 {
        /// The parameter name as written (lossily decoded).
        name: String,
    },
    /// `from` was after `to`; they were swapped. The bounds are as written in the URL.
    RangeSwapped {
        /// The `from` as written.
        from: DateBound,
        /// The `to` as written.
        to: DateBound,
    },
    /// A value longer than its parameter allows, cut to its first `max_chars` characters (the
    /// search text past [`MAX_QUERY_CHARS`]).
    Shortened {
        /// Which parameter.
        param: Param,
        /// The characters kept.
        max_chars: usize,
    },
    /// More notices than [`MAX_URL_NOTICES`]: this many more were counted but not kept. Always
    /// last; displays as "…and 249,995 more".
    Omitted {
        /// Notices not kept.
        count: usize,
    },
}

/// Shortens user text for display in a notice.
fn shown(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(MAX - 1).collect();
        cut.push('…');
        cut
    }
}

impl UrlNotice {
    /// The notice as a sentence in the interface language `ui`.
    pub fn message(&self, ui: Ui) -> String {
        match self {
            UrlNotice::UnknownParam { name } => {
                ui.fill("url.unknown-param", &[("name", &shown(name))])
            }
            UrlNotice::InvalidValue {
                param,
                value,
                reason,
            } => ui.fill(
                "url.invalid",
                &[
                    ("param", ui.text(param.noun())),
                    ("value", &shown(value)),
                    ("reason", ui.text(reason)),
                ],
            ),
            UrlNotice::Repeated { param } => ui.fill("url.repeated", &[("name", param.name())]),
            UrlNotice::NotUtf8 { name } => ui.fill("url.not-utf8", &[("name", &shown(name))]),
            UrlNotice::RangeSwapped { from, to } => ui.fill(
                "url.swapped",
                &[("from", &from.to_string()), ("to", &to.to_string())],
            ),
            UrlNotice::Shortened { param, max_chars } => ui.count(
                "url.shortened",
                *max_chars,
                &[("param", ui.text(param.noun()))],
            ),
            UrlNotice::Omitted { count } => more_line(*count, ui),
        }
    }
}

impl fmt::Display for UrlNotice {
    /// The English sentence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Ui::En))
    }
}

/// "…and 249,995 more".
fn more_line(count: usize, ui: Ui) -> String {
    ui.count("url.more", count, &[])
}

/// The notices a banner shows: see [`summarize_notices`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoticeSummary {
    /// The first notices' sentences, in order (at most the number asked for).
    pub shown: Vec<String>,
    /// How many more notices there are, those [`ViewState::parse`] only counted included.
    pub more: usize,
    /// The language of the sentences.
    pub ui: Ui,
}

impl NoticeSummary {
    /// "…and 249,995 more", or `None` when every notice is shown.
    pub fn more_line(&self) -> Option<String> {
        (self.more > 0).then(|| more_line(self.more, self.ui))
    }

    /// The lines to list: the shown sentences, then the "…and N more" line if any.
    pub fn lines(&self) -> Vec<String> {
        self.shown.iter().cloned().chain(self.more_line()).collect()
    }
}

/// The first `shown` notices as sentences and how many more there are, counting what a
/// [`UrlNotice::Omitted`] stands for (which is never itself listed). The app lists
/// `summarize_notices(&notices, SHOWN_NOTICES, ui).lines()` rather than every notice.
pub fn summarize_notices(notices: &[UrlNotice], shown: usize, ui: Ui) -> NoticeSummary {
    let mut summary = NoticeSummary {
        ui,
        ..NoticeSummary::default()
    };
    for notice in notices {
        match notice {
            UrlNotice::Omitted { count } => summary.more = summary.more.saturating_add(*count),
            _ if summary.shown.len() < shown => summary.shown.push(notice.message(ui)),
            _ => summary.more = summary.more.saturating_add(1),
        }
    }
    summary
}

/// The notices of one parse: the first [`MAX_URL_NOTICES`] kept, the rest counted.
#[derive(Default)]
struct Notices {
    kept: Vec<UrlNotice>,
    omitted: usize,
}

impl Notices {
    /// Keeps the notice `make` makes, or only counts it once the list is full (without making
    /// it: a dropped value is not copied).
    fn add(&mut self, make: impl FnOnce() -> UrlNotice) {
        if self.kept.len() < MAX_URL_NOTICES {
            self.kept.push(make());
        } else {
            self.omitted = self.omitted.saturating_add(1);
        }
    }

    fn finish(mut self) -> Vec<UrlNotice> {
        if self.omitted > 0 {
            self.kept.push(UrlNotice::Omitted {
                count: self.omitted,
            });
        }
        self.kept
    }
}

/// Everything the reader chose, as carried by the URL query string.
///
/// Fields are public for reading; build new states with [`ViewState::parse`] or the intent
/// methods, which keep the state normalised (see [`ViewState::normalized`]).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ViewState {
    /// The search text as typed (not trimmed), at most [`MAX_QUERY_CHARS`] characters; empty
    /// means no text query.
    pub q: String,
    /// Selected ISO 3166-1 alpha-2 codes: upper-case, sorted, no duplicates.
    pub countries: Vec<String>,
    /// Whether articles need any or all of `countries`.
    pub country_match: CountryMatch,
    /// Selected ISO 639-1 codes (or `und`): lower-case, sorted, no duplicates.
    pub langs: Vec<String>,
    /// Start of the date range (inclusive), if any.
    pub from: Option<DateBound>,
    /// End of the date range (inclusive), if any.
    pub to: Option<DateBound>,
    /// An explicit undated mode, or `None` for the default ([`ViewState::effective_undated`]).
    pub undated: Option<Undated>,
    /// An explicit sort, or `None` for the default ([`ViewState::effective_sort`]).
    pub sort: Option<Sort>,
    /// Id of the expanded article, if any (never empty).
    pub article: Option<String>,
    /// The interface language the reader chose, or `None` for the browser's preference.
    pub ui: Option<Ui>,
    /// Search only the words typed, not their names in other languages (`xlang=off`).
    pub xlang_off: bool,
    /// Match only words spelled as typed (`typo=off`).
    pub typo_off: bool,
    /// Selected places, people and organizations (ids, sorted, distinct): an article must name
    /// every one.
    pub places: Vec<String>,
    pub people: Vec<String>,
    pub orgs: Vec<String>,
    /// Queries compared over time with the view's own (`compare=`, at most [`MAX_COMPARED`],
    /// distinct, trimmed).
    pub compare: Vec<String>,
    /// Draw the compared queries as shares of each period's articles (`cshare=on`).
    pub cshare: bool,
    /// How the results are shown: cards, every match in its context (`view=kwic`), or a map
    /// (`view=map`).
    pub view: ResultsView,
    /// The order of the keyword-in-context lines.
    pub ksort: KwicSort,
    /// Names in other languages not to search: their search keys, sorted, at most
    /// [`MAX_SKIPS`].
    pub xskip: Vec<String>,
}

/// How a view shows its results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ResultsView {
    /// Cards (the default).
    #[default]
    List,
    /// Every match of the search in its context.
    Kwic,
    /// The countries and places on a map.
    Map,
}

impl ResultsView {
    /// Every value, in the tabs' order.
    pub const ALL: [ResultsView; 3] = [ResultsView::List, ResultsView::Kwic, ResultsView::Map];

    /// The URL spelling: `list`, `kwic` or `map`.
    pub fn as_str(self) -> &'static str {
        match self {
            ResultsView::List => "list",
            ResultsView::Kwic => "kwic",
            ResultsView::Map => "map",
        }
    }

    /// Parses the URL spelling, ASCII case-insensitively.
    pub fn parse(text: &str) -> Option<ResultsView> {
        ResultsView::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(text))
    }
}

/// The most places, people or organizations a view selects, of each kind.
pub const MAX_ENTITIES: usize = 32;

/// The longest entity id a URL may give.
pub const MAX_ENTITY_ID_CHARS: usize = 200;

/// The most names `xskip` holds.
pub const MAX_SKIPS: usize = 64;

/// Normalises a country code: two ASCII letters, upper-cased.
fn country_code(text: &str) -> Option<String> {
    let text = text.trim();
    (text.len() == 2 && text.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| text.to_ascii_uppercase())
}

/// Normalises a language code: two ASCII letters or `und`, lower-cased, optionally with a
/// four-letter script (`zh-Hant`, `zh-hans`), title-cased.
fn lang_code(text: &str) -> Option<String> {
    let text = text.trim();
    let letters = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_alphabetic());
    let (language, script) = match text.split_once('-') {
        Some((language, script)) => (language, Some(script)),
        None => (text, None),
    };
    if !(letters(language, 2) || language.eq_ignore_ascii_case("und")) {
        return None;
    }
    let mut code = language.to_ascii_lowercase();
    if let Some(script) = script {
        if !letters(script, 4) {
            return None;
        }
        code.push('-');
        code.push_str(&script[..1].to_ascii_uppercase());
        code.push_str(&script[1..].to_ascii_lowercase());
    }
    Some(code)
}

/// The codes a language code in a link selects: `zh` (from links made before Chinese had two
/// written forms) selects both `zh-Hans` and `zh-Hant`.
fn lang_codes_selected(code: String) -> Vec<String> {
    if code == "zh" {
        vec!["zh-Hans".to_owned(), "zh-Hant".to_owned()]
    } else {
        vec![code]
    }
}

fn normalize_codes(codes: &[String], normalize: fn(&str) -> Option<String>) -> Vec<String> {
    let mut out: Vec<String> = codes.iter().filter_map(|c| normalize(c)).collect();
    out.sort();
    out.dedup();
    out
}

/// Decodes `%XX` escapes and `+` (as a space) into bytes. Bad escapes are kept literally.
fn percent_decode_bytes(text: &str) -> Vec<u8> {
    fn hex(b: u8) -> Option<u8> {
        match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'a'..=b'f' => Some(b - b'a' + 10),
            b'A'..=b'F' => Some(b - b'A' + 10),
            _ => None,
        }
    }
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let [first, tail @ ..] = rest {
        rest = tail;
        match (*first, tail) {
            (b'%', [hi, lo, after @ ..]) => match (hex(*hi), hex(*lo)) {
                (Some(hi), Some(lo)) => {
                    out.push(hi * 16 + lo);
                    rest = after;
                }
                _ => out.push(b'%'),
            },
            (b'+', _) => out.push(b' '),
            (b, _) => out.push(b),
        }
    }
    out
}

/// `on` or `off` (ASCII case-insensitively) as a switch's state; `None` for anything else.
fn on_off(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "on" => Some(true),
        "off" => Some(false),
        _ => None,
    }
}

/// The items percent-encoded, joined with a literal `,` (a list parameter's value).
fn encoded_list(items: &[String]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        percent_encode_into(&mut out, item);
    }
    out
}

/// [`percent_decode_bytes`], then UTF-8; `None` when the decoded bytes are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    String::from_utf8(percent_decode_bytes(text)).ok()
}

/// Appends `text` percent-encoded: everything but RFC 3986 unreserved characters is escaped.
fn percent_encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
}

impl ViewState {
    /// Reads a query string (with or without the leading `?`). Never fails, never panics:
    /// unusable parts are dropped and reported, usable parts apply. The result is normalised.
    /// Its work and memory are linear in the query's length, its notices at most
    /// [`MAX_URL_NOTICES`] and one [`UrlNotice::Omitted`] (see the module documentation);
    /// show them with [`summarize_notices`].
    pub fn parse(query: &str) -> (ViewState, Vec<UrlNotice>) {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut state = ViewState::default();
        let mut notices = Notices::default();
        // Codes merge as they are read, so a long list holds each code once.
        let mut countries: BTreeSet<String> = BTreeSet::new();
        let mut langs: BTreeSet<String> = BTreeSet::new();
        let mut skips: BTreeSet<String> = BTreeSet::new();
        let mut seen = [false; Param::ALL.len()];
        for segment in query.split('&') {
            if segment.is_empty() {
                continue;
            }
            let (raw_name, raw_value) = segment.split_once('=').unwrap_or((segment, ""));
            let Some(name) = percent_decode(raw_name) else {
                notices.add(|| UrlNotice::UnknownParam {
                    name: String::from_utf8_lossy(&percent_decode_bytes(raw_name)).into_owned(),
                });
                continue;
            };
            let Some(param) = Param::from_name(&name) else {
                notices.add(|| UrlNotice::UnknownParam { name });
                continue;
            };
            let Some(value) = percent_decode(raw_value) else {
                notices.add(|| UrlNotice::NotUtf8 { name });
                continue;
            };
            if value.is_empty() {
                continue;
            }
            let invalid = |value: &str, reason: &'static str| UrlNotice::InvalidValue {
                param,
                value: value.to_owned(),
                reason,
            };
            // Lists accumulate across repeats.
            if matches!(param, Param::Place | Param::Person | Param::Org) {
                let list = match param {
                    Param::Place => &mut state.places,
                    Param::Person => &mut state.people,
                    _ => &mut state.orgs,
                };
                for item in value.split(',') {
                    let id = item.trim();
                    if id.is_empty() || list.iter().any(|known| known == id) {
                        continue;
                    }
                    if id.chars().count() > MAX_ENTITY_ID_CHARS || list.len() == MAX_ENTITIES {
                        notices.add(|| invalid(item, "reason.entity"));
                        continue;
                    }
                    list.push(id.to_owned());
                }
                continue;
            }
            if param == Param::Compare {
                let query = value.trim();
                if query.is_empty() || state.compare.iter().any(|q| q == query) {
                    continue;
                }
                if state.compare.len() == MAX_COMPARED {
                    notices.add(|| invalid(&value, "reason.compare"));
                    continue;
                }
                let kept = char_prefix(query, MAX_QUERY_CHARS).unwrap_or(query).trim();
                state.compare.push(kept.to_owned());
                continue;
            }
            if param == Param::Xskip {
                for item in value.split(',') {
                    let key = key_of(item);
                    if key.is_empty() {
                        continue;
                    }
                    if skips.len() < MAX_SKIPS || skips.contains(&key) {
                        skips.insert(key);
                    } else {
                        notices.add(|| invalid(item, "reason.xskip"));
                    }
                }
                continue;
            }
            if matches!(param, Param::Country | Param::Lang) {
                for item in value.split(',') {
                    if item.trim().is_empty() {
                        continue;
                    }
                    if param == Param::Country {
                        match country_code(item) {
                            Some(code) => {
                                countries.insert(code);
                            }
                            None => {
                                notices.add(|| invalid(item, "reason.country"));
                            }
                        }
                    } else {
                        match lang_code(item) {
                            Some(code) => {
                                langs.extend(lang_codes_selected(code));
                            }
                            None => {
                                notices.add(|| invalid(item, "reason.lang"));
                            }
                        }
                    }
                }
                continue;
            }
            let slot = Param::ALL.iter().position(|p| *p == param);
            if slot.and_then(|i| seen.get(i)).copied().unwrap_or(false) {
                notices.add(|| UrlNotice::Repeated { param });
                continue;
            }
            let applied = match param {
                Param::Q => {
                    state.q = match char_prefix(&value, MAX_QUERY_CHARS) {
                        Some(kept) => {
                            notices.add(|| UrlNotice::Shortened {
                                param,
                                max_chars: MAX_QUERY_CHARS,
                            });
                            kept.to_owned()
                        }
                        None => value,
                    };
                    Ok(())
                }
                Param::Article => {
                    // Ids are NFC (the build normalises file names), so a link typed or copied
                    // with decomposed accents still opens its article.
                    let nfc =
                        icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(&value);
                    state.article = Some(nfc.into_owned());
                    Ok(())
                }
                Param::Match => CountryMatch::parse(&value)
                    .map(|m| state.country_match = m)
                    .ok_or_else(|| invalid(&value, "reason.match")),
                Param::From | Param::To => match DateBound::parse(&value) {
                    Ok(bound) if param == Param::From => {
                        state.from = Some(bound);
                        Ok(())
                    }
                    Ok(bound) => {
                        state.to = Some(bound);
                        Ok(())
                    }
                    Err(e) => Err(invalid(&value, e.reason())),
                },
                Param::Undated => Undated::parse(&value)
                    .map(|u| state.undated = Some(u))
                    .ok_or_else(|| invalid(&value, "reason.undated")),
                Param::Sort => Sort::parse(&value)
                    .map(|s| state.sort = Some(s))
                    .ok_or_else(|| invalid(&value, "reason.sort")),
                Param::Ui => Ui::parse(&value)
                    .map(|ui| state.ui = Some(ui))
                    .ok_or_else(|| invalid(&value, "reason.ui")),
                Param::View => ResultsView::parse(&value)
                    .map(|v| state.view = v)
                    .ok_or_else(|| invalid(&value, "reason.view")),
                Param::Ksort => KwicSort::parse(&value)
                    .map(|k| state.ksort = k)
                    .ok_or_else(|| invalid(&value, "reason.ksort")),
                Param::Cshare => on_off(&value)
                    .map(|on| state.cshare = on)
                    .ok_or_else(|| invalid(&value, "reason.on-off")),
                Param::Typo => on_off(&value)
                    .map(|on| state.typo_off = !on)
                    .ok_or_else(|| invalid(&value, "reason.on-off")),
                Param::Xlang => on_off(&value)
                    .map(|on| state.xlang_off = !on)
                    .ok_or_else(|| invalid(&value, "reason.on-off")),
                Param::Country
                | Param::Lang
                | Param::Xskip
                | Param::Compare
                | Param::Place
                | Param::Person
                | Param::Org => Ok(()),
            };
            match applied {
                Ok(()) => {
                    if let Some(flag) = slot.and_then(|i| seen.get_mut(i)) {
                        *flag = true;
                    }
                }
                Err(notice) => notices.add(|| notice),
            }
        }
        state.countries = countries.into_iter().collect();
        state.langs = langs.into_iter().collect();
        state.xskip = skips.into_iter().collect();
        if let (Some(from), Some(to)) = (state.from, state.to) {
            if from.first_day() > to.last_day() {
                notices.add(|| UrlNotice::RangeSwapped { from, to });
            }
        }
        (state.normalized(), notices.finish())
    }

    /// The canonical query string, without the leading `?`: parameters in the order of
    /// [`Param::ALL`], defaults omitted, values percent-encoded (country and language lists
    /// joined with a literal `,`). The default state gives `""`. Written from the normalised
    /// state, so two states that normalise alike give the same string.
    pub fn to_query(&self) -> String {
        let state = self.normalized();
        let mut out = String::new();
        let mut put = |param: Param, value: &str, encode: bool| {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(param.name());
            out.push('=');
            if encode {
                percent_encode_into(&mut out, value);
            } else {
                out.push_str(value);
            }
        };
        if !state.q.is_empty() {
            put(Param::Q, &state.q, true);
        }
        if state.xlang_off {
            put(Param::Xlang, "off", false);
        }
        if state.typo_off {
            put(Param::Typo, "off", false);
        }
        for query in &state.compare {
            put(Param::Compare, query, true);
        }
        if state.cshare {
            put(Param::Cshare, "on", false);
        }
        if !state.xskip.is_empty() {
            put(Param::Xskip, &encoded_list(&state.xskip), false);
        }
        if !state.countries.is_empty() {
            put(Param::Country, &state.countries.join(","), false);
        }
        if state.country_match != CountryMatch::Any {
            put(Param::Match, state.country_match.as_str(), false);
        }
        if !state.langs.is_empty() {
            put(Param::Lang, &state.langs.join(","), false);
        }
        for (param, list) in [
            (Param::Place, &state.places),
            (Param::Person, &state.people),
            (Param::Org, &state.orgs),
        ] {
            if !list.is_empty() {
                put(param, &encoded_list(list), false);
            }
        }
        if let Some(from) = state.from {
            put(Param::From, &from.to_string(), false);
        }
        if let Some(to) = state.to {
            put(Param::To, &to.to_string(), false);
        }
        if let Some(undated) = state.undated {
            put(Param::Undated, undated.as_str(), false);
        }
        if let Some(sort) = state.sort {
            put(Param::Sort, sort.as_str(), false);
        }
        if state.view != ResultsView::List {
            put(Param::View, state.view.as_str(), false);
        }
        if state.ksort != KwicSort::default() {
            put(Param::Ksort, state.ksort.as_str(), false);
        }
        if let Some(article) = &state.article {
            put(Param::Article, article, true);
        }
        if let Some(ui) = state.ui {
            put(Param::Ui, ui.tag(), false);
        }
        out
    }

    /// The same view in canonical form: the search text cut to its first [`MAX_QUERY_CHARS`]
    /// characters, codes cased, sorted and deduplicated (invalid ones dropped), invalid bounds
    /// dropped, `from`/`to` swapped if reversed, `undated`/`sort` set to `None` when equal to
    /// their default, an empty `article` dropped.
    pub fn normalized(&self) -> ViewState {
        let mut state = self.clone();
        if let Some(kept) = char_prefix(&state.q, MAX_QUERY_CHARS) {
            state.q = kept.to_owned();
        }
        state.countries = normalize_codes(&self.countries, country_code);
        let mut xskip: Vec<String> = self
            .xskip
            .iter()
            .map(|k| key_of(k))
            .filter(|k| !k.is_empty())
            .collect();
        xskip.sort();
        xskip.dedup();
        xskip.truncate(MAX_SKIPS);
        state.xskip = xskip;
        let mut compare: Vec<String> = Vec::new();
        for query in &self.compare {
            let query = query.trim();
            let query = char_prefix(query, MAX_QUERY_CHARS).unwrap_or(query).trim();
            if !query.is_empty()
                && !compare.iter().any(|q| q == query)
                && compare.len() < MAX_COMPARED
            {
                compare.push(query.to_owned());
            }
        }
        state.compare = compare;
        for list in [&mut state.places, &mut state.people, &mut state.orgs] {
            list.retain(|id| !id.trim().is_empty() && id.chars().count() <= MAX_ENTITY_ID_CHARS);
            for id in list.iter_mut() {
                *id = id.trim().to_owned();
            }
            list.sort();
            list.dedup();
            list.truncate(MAX_ENTITIES);
        }
        let mut langs: Vec<String> = self
            .langs
            .iter()
            .filter_map(|c| lang_code(c))
            .flat_map(lang_codes_selected)
            .collect();
        langs.sort();
        langs.dedup();
        state.langs = langs;
        state.from = state.from.filter(|b| b.is_valid());
        state.to = state.to.filter(|b| b.is_valid());
        if let (Some(from), Some(to)) = (state.from, state.to) {
            if from.first_day() > to.last_day() {
                state.from = Some(to);
                state.to = Some(from);
            }
        }
        if state.undated == Some(state.default_undated()) {
            state.undated = None;
        }
        if state.sort == Some(state.default_sort()) {
            state.sort = None;
        }
        state.article = match state.article.as_deref() {
            None | Some("") => None,
            Some(id) => Some(nfc(id)),
        };
        state
    }

    /// True when there is search text (not just whitespace).
    pub fn has_query(&self) -> bool {
        !self.q.trim().is_empty()
    }

    /// True when `from` or `to` is set.
    pub fn has_range(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// True when any filter other than the text query is set (countries, languages, range, an
    /// explicit undated mode).
    pub fn has_filters(&self) -> bool {
        !self.countries.is_empty()
            || !self.langs.is_empty()
            || self.has_range()
            || self.undated.is_some()
    }

    /// The sort used when none is given: relevance with search text, newest otherwise.
    pub fn default_sort(&self) -> Sort {
        if self.has_query() {
            Sort::Relevance
        } else {
            Sort::Newest
        }
    }

    /// The sort in force. `relevance` without search text means newest (nothing to rank by).
    pub fn effective_sort(&self) -> Sort {
        match self.sort.unwrap_or_else(|| self.default_sort()) {
            Sort::Relevance if !self.has_query() => Sort::Newest,
            sort => sort,
        }
    }

    /// The undated mode used when none is given: exclude with a date range, include otherwise.
    pub fn default_undated(&self) -> Undated {
        if self.has_range() {
            Undated::Exclude
        } else {
            Undated::Include
        }
    }

    /// The undated mode in force.
    pub fn effective_undated(&self) -> Undated {
        self.undated.unwrap_or_else(|| self.default_undated())
    }

    /// The inclusive range of days the `from`/`to` bounds cover; `None` is open-ended.
    pub fn date_range(&self) -> (Option<Date>, Option<Date>) {
        (
            self.from.map(DateBound::first_day),
            self.to.map(DateBound::last_day),
        )
    }

    /// True when `code` (any case) is among the selected countries.
    pub fn has_country(&self, code: &str) -> bool {
        self.countries.iter().any(|c| c.eq_ignore_ascii_case(code))
    }

    /// True when `code` (any case) is among the selected languages.
    pub fn has_lang(&self, code: &str) -> bool {
        self.langs.iter().any(|c| c.eq_ignore_ascii_case(code))
    }

    /// Adds the country if absent, removes it if present. An invalid code changes nothing.
    pub fn toggle_country(&self, code: &str) -> ViewState {
        let mut state = self.clone();
        if let Some(code) = country_code(code) {
            if state.countries.contains(&code) {
                state.countries.retain(|c| *c != code);
            } else {
                state.countries.push(code);
            }
        }
        state.normalized()
    }

    /// Adds the language if absent, removes it if present. An invalid code changes nothing.
    pub fn toggle_lang(&self, code: &str) -> ViewState {
        let mut state = self.clone();
        if let Some(code) = lang_code(code) {
            if state.langs.contains(&code) {
                state.langs.retain(|c| *c != code);
            } else {
                state.langs.push(code);
            }
        }
        state.normalized()
    }

    /// Replaces the selected countries (invalid codes dropped).
    pub fn set_countries(&self, codes: &[String]) -> ViewState {
        ViewState {
            countries: codes.to_vec(),
            ..self.clone()
        }
        .normalized()
    }

    /// Replaces the selected languages (invalid codes dropped).
    pub fn set_langs(&self, codes: &[String]) -> ViewState {
        ViewState {
            langs: codes.to_vec(),
            ..self.clone()
        }
        .normalized()
    }

    /// Sets whether articles need any or all of the selected countries.
    pub fn set_country_match(&self, country_match: CountryMatch) -> ViewState {
        ViewState {
            country_match,
            ..self.clone()
        }
        .normalized()
    }

    /// Sets the search text, as typed (its first [`MAX_QUERY_CHARS`] characters). An explicit
    /// sort is kept; the default follows the text.
    pub fn set_query(&self, q: &str) -> ViewState {
        // Names skipped for one search mean nothing for another.
        let xskip = if q.trim() == self.q.trim() {
            self.xskip.clone()
        } else {
            Vec::new()
        };
        ViewState {
            q: q.to_owned(),
            xskip,
            ..self.clone()
        }
        .normalized()
    }

    /// Filters to the articles that name both countries (`match=all`), the other choices kept.
    pub fn both_countries(&self, a: &str, b: &str) -> ViewState {
        ViewState {
            countries: vec![a.to_owned(), b.to_owned()],
            country_match: CountryMatch::All,
            ..self.clone()
        }
        .normalized()
    }

    /// Adds or removes an entity of `kind` from the filters.
    pub fn toggle_entity(&self, kind: EntityKind, id: &str) -> ViewState {
        let mut next = self.clone();
        let list = match kind {
            EntityKind::Place => &mut next.places,
            EntityKind::Person => &mut next.people,
            EntityKind::Organization => &mut next.orgs,
        };
        match list.iter().position(|known| known == id) {
            Some(at) => {
                list.remove(at);
            }
            None => list.push(id.to_owned()),
        }
        next.normalized()
    }

    /// Whether the view selects the entity of `kind` with this id.
    pub fn has_entity(&self, kind: EntityKind, id: &str) -> bool {
        let list = match kind {
            EntityKind::Place => &self.places,
            EntityKind::Person => &self.people,
            EntityKind::Organization => &self.orgs,
        };
        list.iter().any(|known| known == id)
    }

    /// Adds a query to compare over time (a blank one, a repeat or a fifth is ignored).
    pub fn add_compared(&self, query: &str) -> ViewState {
        let query = query.trim();
        let mut compare = self.compare.clone();
        if !query.is_empty() && !compare.iter().any(|q| q == query) && compare.len() < MAX_COMPARED
        {
            compare.push(query.to_owned());
        }
        ViewState {
            compare,
            ..self.clone()
        }
        .normalized()
    }

    /// Removes compared query `index`.
    pub fn remove_compared(&self, index: usize) -> ViewState {
        let mut compare = self.compare.clone();
        if index < compare.len() {
            compare.remove(index);
        }
        ViewState {
            compare,
            ..self.clone()
        }
    }

    /// Makes series `index` of the comparison (0: the view's own search, then the compared
    /// queries) the view's search; the search it replaces is compared in its place.
    pub fn compared_as_main(&self, index: usize) -> ViewState {
        let has_main = self.has_query();
        let Some(at) = (if has_main {
            index.checked_sub(1)
        } else {
            Some(index)
        }) else {
            return self.clone();
        };
        let Some(chosen) = self.compare.get(at).cloned() else {
            return self.clone();
        };
        let mut compare = self.compare.clone();
        if has_main {
            if let Some(slot) = compare.get_mut(at) {
                *slot = self.q.trim().to_owned();
            }
        } else {
            compare.remove(at);
        }
        ViewState {
            compare,
            ..self.set_query(&chosen)
        }
        .normalized()
    }

    /// Draws the comparison as counts or as shares.
    pub fn set_cshare(&self, share: bool) -> ViewState {
        ViewState {
            cshare: share,
            ..self.clone()
        }
    }

    /// Matches words spelled one or two letters differently too, or not.
    pub fn set_typo_tolerance(&self, on: bool) -> ViewState {
        ViewState {
            typo_off: !on,
            ..self.clone()
        }
    }

    /// Shows the results as cards, every match in its context, or a map.
    pub fn set_view(&self, view: ResultsView) -> ViewState {
        ViewState {
            view,
            ..self.clone()
        }
    }

    /// Orders the keyword-in-context lines.
    pub fn set_ksort(&self, ksort: KwicSort) -> ViewState {
        ViewState {
            ksort,
            ..self.clone()
        }
    }

    /// Turns the search across languages on or off (skipped names are forgotten).
    pub fn set_cross_language(&self, on: bool) -> ViewState {
        ViewState {
            xlang_off: !on,
            xskip: Vec::new(),
            ..self.clone()
        }
    }

    /// Stops searching one name in another language (its search key).
    pub fn skip_variant(&self, key: &str) -> ViewState {
        let mut xskip = self.xskip.clone();
        if !xskip.iter().any(|k| k == key) && xskip.len() < MAX_SKIPS {
            xskip.push(key.to_owned());
            xskip.sort();
        }
        ViewState {
            xskip,
            ..self.clone()
        }
    }

    /// Sets both ends of the date range (`None` = open); reversed bounds are swapped.
    pub fn set_range(&self, from: Option<DateBound>, to: Option<DateBound>) -> ViewState {
        ViewState {
            from,
            to,
            ..self.clone()
        }
        .normalized()
    }

    /// The timeline's "zoom out": a range of days within one month becomes that month, a range
    /// within one year (days or months) that year, and any other range goes.
    pub fn zoom_out(&self) -> ViewState {
        let year = |y: u16| Some(DateBound::Year(y));
        match (self.from, self.to) {
            (Some(DateBound::Day(a)), Some(DateBound::Day(b)))
                if (a.year, a.month) == (b.year, b.month) =>
            {
                let month = Some(DateBound::Month(a.year, a.month));
                self.set_range(month, month)
            }
            (Some(DateBound::Day(a)), Some(DateBound::Day(b))) if a.year == b.year => {
                self.set_range(year(a.year), year(a.year))
            }
            (Some(DateBound::Month(y, _)), Some(DateBound::Month(y2, _))) if y == y2 => {
                self.set_range(year(y), year(y))
            }
            _ => self.clear_range(),
        }
    }

    /// Removes the date range (an explicit undated mode is kept unless it becomes the default).
    pub fn clear_range(&self) -> ViewState {
        self.set_range(None, None)
    }

    /// Sets the undated mode explicitly.
    pub fn set_undated(&self, undated: Undated) -> ViewState {
        ViewState {
            undated: Some(undated),
            ..self.clone()
        }
        .normalized()
    }

    /// Sets the sort explicitly.
    pub fn set_sort(&self, sort: Sort) -> ViewState {
        ViewState {
            sort: Some(sort),
            ..self.clone()
        }
        .normalized()
    }

    /// Expands the article with this id (an empty id closes it).
    pub fn open_article(&self, id: &str) -> ViewState {
        ViewState {
            article: Some(id.to_owned()),
            ..self.clone()
        }
        .normalized()
    }

    /// Collapses the expanded article.
    pub fn close_article(&self) -> ViewState {
        ViewState {
            article: None,
            ..self.clone()
        }
    }

    /// Removes countries, languages, the range and the undated mode; keeps the text query, the
    /// sort and the expanded article.
    pub fn clear_filters(&self) -> ViewState {
        ViewState {
            q: self.q.clone(),
            sort: self.sort,
            article: self.article.clone(),
            ..ViewState::default()
        }
        .normalized()
    }

    /// The empty view: nothing kept.
    pub fn clear_all(&self) -> ViewState {
        ViewState {
            ui: self.ui,
            ..ViewState::default()
        }
    }

    /// Sets the interface language (every other choice kept).
    pub fn set_ui(&self, ui: Ui) -> ViewState {
        ViewState {
            ui: Some(ui),
            ..self.clone()
        }
    }
}

/// Article ids are NFC (the build normalises file names), so a link typed or copied with
/// decomposed accents still opens its article.
fn nfc(id: &str) -> String {
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc()
        .normalize(id)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: u16, m: u8, d: u8) -> Date {
        Date::new(y, m, d).expect("valid date")
    }

    fn parsed(query: &str) -> ViewState {
        let (state, notices) = ViewState::parse(query);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        state
    }

    fn notices(query: &str) -> Vec<String> {
        ViewState::parse(query)
            .1
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn empty_and_default() {
        assert_eq!(ViewState::default().to_query(), "");
        assert_eq!(parsed(""), ViewState::default());
        assert_eq!(parsed("?"), ViewState::default());
        assert_eq!(parsed("?&&"), ViewState::default());
        assert_eq!(parsed("q=&country=&article="), ViewState::default());
    }

    #[test]
    fn parses_the_documented_examples() {
        let state = parsed(
            "?q=thai%20lan&country=kh,TH&match=all&lang=VI,und&from=2025-10&to=2025&undated=only&sort=oldest&article=001_ea81238345a38f58",
        );
        assert_eq!(state.q, "thai lan");
        assert_eq!(state.countries, ["KH", "TH"]);
        assert_eq!(state.country_match, CountryMatch::All);
        assert_eq!(state.langs, ["und", "vi"]);
        assert_eq!(state.from, Some(DateBound::Month(2025, 10)));
        assert_eq!(state.to, Some(DateBound::Year(2025)));
        assert_eq!(state.undated, Some(Undated::Only));
        assert_eq!(state.sort, Some(Sort::Oldest));
        assert_eq!(state.article.as_deref(), Some("001_ea81238345a38f58"));
        assert_eq!(
            state.to_query(),
            "q=thai%20lan&country=KH,TH&match=all&lang=und,vi&from=2025-10&to=2025&undated=only&sort=oldest&article=001_ea81238345a38f58"
        );
        assert_eq!(
            state.date_range(),
            (Some(date(2025, 10, 1)), Some(date(2025, 12, 31)))
        );
    }

    #[test]
    fn plus_and_escapes_decode() {
        assert_eq!(parsed("q=a+b%2Bc").q, "a b+c");
        assert_eq!(parsed("q=%E1%BB%87t").q, "ệt");
        assert_eq!(parsed("q=ệt").q, "ệt");
        // Bad escapes are kept literally.
        assert_eq!(parsed("q=100%").q, "100%");
        assert_eq!(parsed("q=%zz%4").q, "%zz%4");
        // %2C splits lists like a literal comma.
        assert_eq!(parsed("country=KH%2Cth").countries, ["KH", "TH"]);
        // Names match case-insensitively and may be escaped.
        assert_eq!(parsed("COUNTRY=vn&%71=x").countries, ["VN"]);
        assert_eq!(parsed("COUNTRY=vn&%71=x").q, "x");
    }

    #[test]
    fn encodes_canonically() {
        let state = ViewState::default().set_query("a&b=c, d+e/ü");
        assert_eq!(state.to_query(), "q=a%26b%3Dc%2C%20d%2Be%2F%C3%BC");
        assert_eq!(parsed(&state.to_query()), state);
        let state = ViewState::default().open_article("x y&z");
        assert_eq!(state.to_query(), "article=x%20y%26z");
    }

    #[test]
    fn lists_dedupe_sort_and_merge_repeats() {
        let state = parsed("country=TH,kh,th,&country=VN&lang=vi,VI");
        assert_eq!(state.countries, ["KH", "TH", "VN"]);
        assert_eq!(state.langs, ["vi"]);
        assert_eq!(state.to_query(), "country=KH,TH,VN&lang=vi");
    }

    #[test]
    fn chinese_written_forms_are_codes_and_plain_zh_selects_both() {
        let state = parsed("lang=ZH-HANT,zh-hans");
        assert_eq!(state.langs, ["zh-Hans", "zh-Hant"]);
        assert_eq!(parsed("lang=zh").langs, ["zh-Hans", "zh-Hant"]);
        assert_eq!(state.to_query(), "lang=zh-Hans,zh-Hant");
        assert_eq!(parsed(&state.to_query()), state);
        let (state, notices) = ViewState::parse("lang=zh-Han,zh-,-Hant");
        assert!(state.langs.is_empty());
        assert_eq!(notices.len(), 3);
    }

    #[test]
    fn defaults_are_omitted_and_follow_the_state() {
        let state = parsed("sort=newest&undated=include&match=any");
        assert_eq!(state, ViewState::default());
        assert_eq!(state.effective_sort(), Sort::Newest);
        assert_eq!(state.effective_undated(), Undated::Include);

        let state = parsed("q=x&sort=relevance&from=2020&undated=exclude");
        assert_eq!(state.sort, None);
        assert_eq!(state.undated, None);
        assert_eq!(state.effective_sort(), Sort::Relevance);
        assert_eq!(state.effective_undated(), Undated::Exclude);
        assert_eq!(state.to_query(), "q=x&from=2020");

        // Explicit non-defaults survive.
        let state = parsed("q=x&sort=newest&from=2020&undated=include");
        assert_eq!(state.sort, Some(Sort::Newest));
        assert_eq!(state.undated, Some(Undated::Include));
        assert_eq!(
            state.to_query(),
            "q=x&from=2020&undated=include&sort=newest"
        );

        // Relevance without text is kept in the URL but means newest.
        let state = parsed("sort=relevance");
        assert_eq!(state.sort, Some(Sort::Relevance));
        assert_eq!(state.effective_sort(), Sort::Newest);
        // Whitespace-only text is no query.
        assert_eq!(parsed("q=%20%20").effective_sort(), Sort::Newest);
    }

    #[test]
    fn date_bounds_parse_at_three_precisions() {
        assert_eq!(DateBound::parse("2025"), Ok(DateBound::Year(2025)));
        assert_eq!(DateBound::parse("2025-02"), Ok(DateBound::Month(2025, 2)));
        assert_eq!(
            DateBound::parse("2024-02-29"),
            Ok(DateBound::Day(date(2024, 2, 29)))
        );
        assert_eq!(DateBound::parse("2025-13"), Err(DateBoundError::Impossible));
        assert_eq!(DateBound::parse("2025-00"), Err(DateBoundError::Impossible));
        assert_eq!(DateBound::parse("0000"), Err(DateBoundError::Impossible));
        assert_eq!(
            DateBound::parse("2025-02-29"),
            Err(DateBoundError::Impossible)
        );
        for bad in [
            "",
            "25",
            "2025-1",
            "2025-10-1",
            "2025/10",
            "+025",
            "2025-10-16-",
            "２０２５",
        ] {
            assert_eq!(DateBound::parse(bad), Err(DateBoundError::Format), "{bad}");
        }
        assert_eq!(DateBound::Month(2024, 2).last_day(), date(2024, 2, 29));
        assert_eq!(DateBound::Month(2025, 2).last_day(), date(2025, 2, 28));
        assert_eq!(DateBound::Year(2025).first_day(), date(2025, 1, 1));
        assert_eq!(DateBound::Year(2025).last_day(), date(2025, 12, 31));
    }

    #[test]
    fn reversed_range_is_swapped_with_a_notice() {
        let (state, notices) = ViewState::parse("from=2025-11&to=2025-10");
        assert_eq!(state.from, Some(DateBound::Month(2025, 10)));
        assert_eq!(state.to, Some(DateBound::Month(2025, 11)));
        assert_eq!(
            notices,
            [UrlNotice::RangeSwapped {
                from: DateBound::Month(2025, 11),
                to: DateBound::Month(2025, 10)
            }]
        );
        // Same month at different precisions is not reversed.
        assert!(ViewState::parse("from=2025-10-31&to=2025-10").1.is_empty());
        assert!(ViewState::parse("from=2025&to=2025-01-01").1.is_empty());
        let state = ViewState::default().set_range(
            Some(DateBound::Day(date(2025, 12, 15))),
            Some(DateBound::Month(2025, 10)),
        );
        assert_eq!(state.to_query(), "from=2025-10&to=2025-12-15");
    }

    #[test]
    fn each_bad_parameter_gives_a_notice_and_the_rest_applies() {
        let (state, found) =
            ViewState::parse("country=KH,XYZ,1a&lang=vie&from=2025-13&to=2026&match=some&sort=x&undated=maybe&utm_source=mail&q=ok");
        assert_eq!(state.countries, ["KH"]);
        assert_eq!(state.to, Some(DateBound::Year(2026)));
        assert_eq!(state.q, "ok");
        let found: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "Ignored country “XYZ”: not a two-letter country code",
                "Ignored country “1a”: not a two-letter country code",
                "Ignored language “vie”: not a language code such as vi or zh-Hant",
                "Ignored start date “2025-13”: not a real calendar date",
                "Ignored country matching “some”: expected “any” or “all”",
                "Ignored sort order “x”: expected “relevance”, “newest” or “oldest”",
                "Ignored undated setting “maybe”: expected “include”, “exclude” or “only”",
                "Ignored unknown URL parameter “utm_source”",
            ]
        );
        assert_eq!(
            notices("from=20251"),
            ["Ignored start date “20251”: not a date in the form YYYY, YYYY-MM or YYYY-MM-DD"]
        );
    }

    #[test]
    fn repeats_keep_the_first_usable_value() {
        let (state, found) = ViewState::parse("sort=oldest&sort=newest&from=bad&from=2020");
        assert_eq!(state.sort, Some(Sort::Oldest));
        assert_eq!(state.from, Some(DateBound::Year(2020)));
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].to_string(),
            "Ignored a repeated “sort” parameter: the first one applies"
        );
    }

    #[test]
    fn invalid_utf8_is_dropped_with_a_notice() {
        let (state, found) = ViewState::parse("q=%FF%FE&country=VN");
        assert_eq!(state.q, "");
        assert_eq!(state.countries, ["VN"]);
        assert_eq!(found, [UrlNotice::NotUtf8 { name: "q".into() }]);
        let (_, found) = ViewState::parse("%FF=1");
        assert!(matches!(found.as_slice(), [UrlNotice::UnknownParam { .. }]));
    }

    #[test]
    fn long_values_are_shortened_in_notices() {
        let long = "x".repeat(200);
        let text = notices(&format!("{long}=1")).join("");
        assert!(text.chars().count() < 80, "{text}");
        assert!(text.ends_with("x…”"));
    }

    #[test]
    fn long_search_text_is_cut_with_a_notice() {
        let long = "ệ".repeat(MAX_QUERY_CHARS + 5);
        let (state, found) = ViewState::parse(&format!("q={long}&country=VN"));
        assert_eq!(state.q.chars().count(), MAX_QUERY_CHARS);
        assert!(long.starts_with(&state.q));
        assert_eq!(state.countries, ["VN"]);
        assert_eq!(
            found,
            [UrlNotice::Shortened {
                param: Param::Q,
                max_chars: MAX_QUERY_CHARS
            }]
        );
        assert_eq!(
            found[0].to_string(),
            "Shortened the search text to its first 1,000 characters"
        );
        // The cut state is canonical: it round-trips without a notice.
        assert_eq!(ViewState::parse(&state.to_query()), (state.clone(), vec![]));
        // Typing the same text gives the same state.
        assert_eq!(ViewState::default().set_query(&long).q, state.q);
        // At the cap exactly, nothing is cut.
        let exact = "a".repeat(MAX_QUERY_CHARS);
        assert_eq!(parsed(&format!("q={exact}")).q, exact);
    }

    /// A megabyte of bad codes: a bounded notice list that says how many it left out, and a
    /// banner's summary of the first few.
    #[test]
    fn a_megabyte_of_bad_codes_makes_a_short_notice_list() {
        let query = format!("country={}", "XYZ,".repeat(250_000));
        assert!(query.len() > 1_000_000);
        let (state, found) = ViewState::parse(&query);
        assert!(state.countries.is_empty());
        assert_eq!(found.len(), MAX_URL_NOTICES + 1);
        assert_eq!(
            found.last(),
            Some(&UrlNotice::Omitted {
                count: 250_000 - MAX_URL_NOTICES
            })
        );
        let summary = summarize_notices(&found, SHOWN_NOTICES, Ui::En);
        assert_eq!(summary.shown.len(), SHOWN_NOTICES);
        assert_eq!(
            summary.shown[0],
            "Ignored country “XYZ”: not a two-letter country code"
        );
        assert_eq!(summary.more, 249_995);
        let lines = summary.lines();
        assert_eq!(lines.len(), SHOWN_NOTICES + 1);
        assert_eq!(lines.last().map(String::as_str), Some("…and 249,995 more"));
        // Rendered whole, the list is still short.
        assert_eq!(found[MAX_URL_NOTICES].to_string(), "…and 249,980 more");

        // Valid codes, repeated: each kept once.
        let (state, found) = ViewState::parse(&format!("country={}", "kh,TH,".repeat(200_000)));
        assert_eq!(
            (state.countries, found),
            (vec!["KH".into(), "TH".into()], vec![])
        );
        // Unknown parameters are bounded the same way.
        let (_, found) = ViewState::parse(&"&x=1".repeat(100_000));
        assert_eq!(found.len(), MAX_URL_NOTICES + 1);
        assert_eq!(summarize_notices(&found, 3, Ui::En).more, 100_000 - 3);
    }

    #[test]
    fn summaries_of_short_lists_show_everything() {
        assert_eq!(
            summarize_notices(&[], SHOWN_NOTICES, Ui::En),
            NoticeSummary::default()
        );
        let (_, found) = ViewState::parse("country=XYZ&lang=vie&utm=1");
        let summary = summarize_notices(&found, SHOWN_NOTICES, Ui::En);
        assert_eq!(summary.shown.len(), 3);
        assert_eq!((summary.more, summary.more_line()), (0, None));
        assert_eq!(summary.lines(), summary.shown);
        let summary = summarize_notices(&found, 1, Ui::En);
        assert_eq!(summary.more, 2);
        assert_eq!(summary.lines()[1], "…and 2 more");
        assert_eq!(summarize_notices(&found, 0, Ui::En).shown.len(), 0);
    }

    #[test]
    fn intents_are_pure_and_normalised() {
        let start = ViewState::default();
        let one = start.toggle_country("th");
        assert_eq!(one.countries, ["TH"]);
        let two = one.toggle_country("KH");
        assert_eq!(two.countries, ["KH", "TH"]);
        assert_eq!(two.toggle_country("th").countries, ["KH"]);
        assert_eq!(two.toggle_country("nope"), two);
        assert_eq!(start, ViewState::default());

        let langs = start.toggle_lang("VI").toggle_lang("und");
        assert_eq!(langs.langs, ["und", "vi"]);
        assert_eq!(langs.toggle_lang("vi").langs, ["und"]);

        let searched = start.set_query("mekong");
        assert_eq!(searched.effective_sort(), Sort::Relevance);
        let oldest = searched.set_sort(Sort::Oldest);
        assert_eq!(oldest.set_query("").effective_sort(), Sort::Oldest);
        assert_eq!(searched.set_sort(Sort::Relevance).sort, None);

        let ranged = start.set_range(Some(DateBound::Year(2024)), None);
        assert_eq!(ranged.effective_undated(), Undated::Exclude);
        let with_undated = ranged.set_undated(Undated::Include);
        assert_eq!(with_undated.to_query(), "from=2024&undated=include");
        assert_eq!(with_undated.clear_range(), ViewState::default());
        assert_eq!(
            ranged.set_undated(Undated::Only).clear_range().undated,
            Some(Undated::Only)
        );

        let open = two.open_article("001_x");
        assert_eq!(open.article.as_deref(), Some("001_x"));
        assert_eq!(open.close_article(), two);
        assert_eq!(start.open_article(""), start);

        let full = open
            .set_query("q")
            .set_country_match(CountryMatch::All)
            .set_sort(Sort::Oldest);
        let cleared = full.clear_filters();
        assert_eq!(cleared.to_query(), "q=q&sort=oldest&article=001_x");
        assert_eq!(full.clear_all(), ViewState::default());
        assert_eq!(
            start.set_countries(&["vn".into(), "x".into()]).countries,
            ["VN"]
        );
        assert_eq!(start.set_langs(&["EN".into()]).langs, ["en"]);
        assert!(two.has_country("th") && !two.has_lang("vi"));
        assert!(two.has_filters() && !start.has_filters());
    }

    #[test]
    fn hand_written_states_round_trip() {
        let states = [
            ViewState::default(),
            ViewState::default().set_query("thai lan"),
            ViewState::default().set_query(" & = + % , ; # ? / \u{0} \n ệ 中 🙂 "),
            ViewState::default()
                .toggle_country("VN")
                .set_country_match(CountryMatch::All),
            ViewState::default()
                .toggle_lang("und")
                .set_undated(Undated::Only),
            ViewState::default().set_range(
                Some(DateBound::Day(date(2010, 1, 1))),
                Some(DateBound::Month(2026, 2)),
            ),
            ViewState::default().set_range(None, Some(DateBound::Year(1))),
            ViewState::default().set_range(Some(DateBound::Year(9999)), None),
            ViewState::default()
                .set_query("x")
                .set_sort(Sort::Newest)
                .open_article("001_ea81238345a38f58"),
            ViewState::default().set_sort(Sort::Relevance),
        ];
        for state in states {
            assert_eq!(state, state.normalized());
            let query = state.to_query();
            assert_eq!(ViewState::parse(&query), (state.clone(), vec![]), "{query}");
            assert_eq!(ViewState::parse(&format!("?{query}")).0, state);
        }
    }

    fn bound() -> impl Strategy<Value = DateBound> {
        prop_oneof![
            (1u16..=9999).prop_map(DateBound::Year),
            (1u16..=9999, 1u8..=12).prop_map(|(y, m)| DateBound::Month(y, m)),
            (1u16..=9999, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| {
                let d = d.min(days_in_month(y, m));
                DateBound::Day(Date {
                    year: y,
                    month: m,
                    day: d,
                })
            }),
        ]
    }

    fn state() -> impl Strategy<Value = ViewState> {
        (
            prop_oneof![Just(String::new()), any::<String>(), "[a-z ]{0,8}"],
            prop::collection::vec("[A-Za-z]{2}", 0..4),
            prop::sample::select(CountryMatch::ALL.to_vec()),
            prop::collection::vec(
                prop_oneof![
                    "[A-Za-z]{2}",
                    Just("und".to_owned()),
                    "[A-Za-z]{2}-[A-Za-z]{4}"
                ],
                0..3,
            ),
            prop::option::of(bound()),
            prop::option::of(bound()),
            prop::option::of(prop::sample::select(Undated::ALL.to_vec())),
            prop::option::of(prop::sample::select(Sort::ALL.to_vec())),
            prop::option::of(any::<String>()),
            prop::option::of(prop::sample::select(Ui::ALL.to_vec())),
            any::<bool>(),
            (
                prop::collection::vec("[a-zA-Zà-ỹ ,]{0,8}", 0..3),
                prop::sample::select(ResultsView::ALL.to_vec()),
                prop::sample::select(KwicSort::ALL.to_vec()),
                any::<bool>(),
                prop::collection::vec("[a-z ]{0,6}", 0..6),
                any::<bool>(),
                prop::collection::vec("[a-z:0-9 ]{1,8}", 0..3),
                prop::collection::vec("[A-Za-z ]{1,8}", 0..3),
            ),
        )
            .prop_map(
                |(
                    q,
                    countries,
                    country_match,
                    langs,
                    from,
                    to,
                    undated,
                    sort,
                    article,
                    ui,
                    xlang_off,
                    (xskip, view, ksort, typo_off, compare, cshare, places, people),
                )| {
                    ViewState {
                        q,
                        countries,
                        country_match,
                        langs,
                        from,
                        to,
                        undated,
                        sort,
                        article,
                        ui,
                        xlang_off,
                        xskip,
                        view,
                        ksort,
                        typo_off,
                        compare,
                        cshare,
                        places,
                        people,
                        orgs: Vec::new(),
                    }
                    .normalized()
                },
            )
    }

    fn query_like() -> impl Strategy<Value = String> {
        let name = prop_oneof![
            prop::sample::select(vec![
                "q", "country", "match", "lang", "from", "to", "undated", "sort", "article", "Q",
                "x", "",
            ])
            .prop_map(str::to_owned),
            "[a-z%0-9]{1,4}",
        ];
        let value = prop_oneof![
            "[A-Za-z0-9%,+=?-]{0,12}",
            "(19|20|00|99)[0-9]{2}(-[01][0-9](-[0-3][0-9])?)?",
            "[a-zA-Z]{2}(,[a-zA-Z]{2,3}){0,3}",
            "%[0-9A-Fa-f]{2}(%[0-9A-Fa-f]{2})?",
            prop::sample::select(vec![
                "all",
                "any",
                "only",
                "exclude",
                "include",
                "oldest",
                "newest",
                "relevance"
            ])
            .prop_map(str::to_owned),
        ];
        prop::collection::vec((name, prop::option::of(value)), 0..8).prop_map(|pairs| {
            let parts: Vec<String> = pairs
                .into_iter()
                .map(|(n, v)| match v {
                    Some(v) => format!("{n}={v}"),
                    None => n,
                })
                .collect();
            parts.join("&")
        })
    }

    fn assert_settles(query: &str) {
        let (state, _) = ViewState::parse(query);
        assert_eq!(state, state.normalized(), "{query}");
        let again = state.to_query();
        assert_eq!(
            ViewState::parse(&again),
            (state, vec![]),
            "{query} -> {again}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn valid_states_round_trip(state in state()) {
            prop_assert_eq!(&state, &state.normalized());
            let query = state.to_query();
            prop_assert_eq!(ViewState::parse(&query), (state, vec![]));
        }

        #[test]
        fn arbitrary_strings_parse_and_settle(query in any::<String>()) {
            assert_settles(&query);
        }

        #[test]
        fn query_like_strings_parse_and_settle(query in query_like()) {
            assert_settles(&query);
        }
    }
}
