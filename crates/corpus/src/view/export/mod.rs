//! Export: what a view shows, as files a reader downloads and opens elsewhere. The results as
//! CSV and JSON (id, date, language, title, source, countries, and a link to the article's
//! view), the timeline and the facet counts as CSV, and the results as a Markdown list of
//! citations. Rows follow the view's display order, one per result (a story's other versions
//! are folded into it, as on the page).
//!
//! CSV is UTF-8 with a byte-order mark (so spreadsheet programs read Thai and Vietnamese right),
//! a header row, CRLF line ends and RFC 4180 quoting. JSON is written here, without a
//! serializer crate in the wasm.

use crate::search::expand::key_of;
use crate::store::CorpusBlob;
use crate::view::answer::Answer;
use crate::view::facets::Facets;
use crate::view::state::ViewState;
use crate::view::timeline::Timeline;

/// One result as exported.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: String,
    /// `YYYY-MM-DD`, or empty when undated.
    pub date: String,
    pub language: String,
    /// Empty when the article's text is not loaded.
    pub title: String,
    pub source: String,
    /// Country codes, most mentioned first.
    pub countries: Vec<String>,
    /// The article's own view.
    pub link: String,
}

/// The view's results as rows, in display order; `link` makes an article's URL from its id.
pub fn rows(corpus: &CorpusBlob, answer: &Answer, link: impl Fn(&str) -> String) -> Vec<Row> {
    let catalog = corpus.catalog();
    answer
        .results
        .all()
        .into_iter()
        .map(|index| {
            let i = index as usize;
            let article = corpus.article(index);
            Row {
                id: catalog.id(i).to_owned(),
                date: catalog.date(i).map(|d| d.to_string()).unwrap_or_default(),
                language: catalog.lang(i).to_owned(),
                title: article.map(|a| a.title.clone()).unwrap_or_default(),
                source: article.and_then(|a| a.source.clone()).unwrap_or_default(),
                countries: catalog.countries(i).map(str::to_owned).collect(),
                link: link(catalog.id(i)),
            }
        })
        .collect()
}

/// The byte-order mark that starts every CSV file.
const BOM: char = '\u{feff}';

/// One CSV field, quoted when it holds a comma, a quote or a line break.
fn field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// A CSV file of `header` and `records`.
fn csv(header: &[&str], records: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    out.push(BOM);
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        for (n, cell) in cells.enumerate() {
            if n > 0 {
                out.push(',');
            }
            field(&mut out, cell);
        }
        out.push_str("\r\n");
    };
    line(&mut header.iter().copied());
    for record in records {
        line(&mut record.iter().map(String::as_str));
    }
    out
}

/// The results as CSV.
pub fn results_csv(rows: &[Row]) -> String {
    csv(
        &[
            "id",
            "date",
            "language",
            "title",
            "source",
            "countries",
            "link",
        ],
        rows.iter().map(|r| {
            vec![
                r.id.clone(),
                r.date.clone(),
                r.language.clone(),
                r.title.clone(),
                r.source.clone(),
                r.countries.join(" "),
                r.link.clone(),
            ]
        }),
    )
}

/// A JSON string literal.
fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The results as a JSON array of objects, one per line.
pub fn results_json(rows: &[Row]) -> String {
    let mut out = String::from("[\n");
    for (n, r) in rows.iter().enumerate() {
        out.push_str(if n == 0 { "  {" } else { ",\n  {" });
        let texts = [
            ("id", &r.id),
            ("date", &r.date),
            ("language", &r.language),
            ("title", &r.title),
            ("source", &r.source),
        ];
        for (key, value) in texts {
            json_string(&mut out, key);
            out.push_str(": ");
            if key == "date" && value.is_empty() {
                out.push_str("null");
            } else {
                json_string(&mut out, value);
            }
            out.push_str(", ");
        }
        json_string(&mut out, "countries");
        out.push_str(": [");
        for (i, code) in r.countries.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            json_string(&mut out, code);
        }
        out.push_str("], ");
        json_string(&mut out, "link");
        out.push_str(": ");
        json_string(&mut out, &r.link);
        out.push('}');
    }
    out.push_str(if rows.is_empty() { "]\n" } else { "\n]\n" });
    out
}

/// The results as a Markdown list of citations: `- Title. Source, 2025-10-16. <link>`.
pub fn citations_markdown(rows: &[Row]) -> String {
    let mut out = String::new();
    for r in rows {
        let title = if r.title.is_empty() { &r.id } else { &r.title };
        // Markdown's own characters in a title are escaped, so the list stays a list.
        let escaped: String = title
            .chars()
            .flat_map(|c| {
                let escape = matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#');
                escape.then_some('\\').into_iter().chain([c])
            })
            .map(|c| if c == '\n' { ' ' } else { c })
            .collect();
        out.push_str("- ");
        out.push_str(&escaped);
        out.push('.');
        let details: Vec<&str> = [r.source.as_str(), r.date.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !details.is_empty() {
            out.push(' ');
            out.push_str(&details.join(", "));
            out.push('.');
        }
        out.push_str(" <");
        out.push_str(&r.link);
        out.push_str(">\n");
    }
    out
}

/// The timeline as CSV: each period's first and last day and its count, then the undated.
pub fn timeline_csv(timeline: &Timeline) -> String {
    let rows = timeline
        .buckets
        .iter()
        .map(|b| {
            vec![
                b.label.clone(),
                b.start.to_string(),
                b.end.to_string(),
                b.count.to_string(),
            ]
        })
        .chain([vec![
            "undated".to_owned(),
            String::new(),
            String::new(),
            timeline.undated.to_string(),
        ]]);
    csv(&["period", "from", "to", "articles"], rows)
}

/// The facet counts as CSV: `facet,code,name,articles` for each country and language.
pub fn facets_csv(
    facets: &Facets,
    country_name: impl Fn(&str) -> String,
    language_name: impl Fn(&str) -> String,
) -> String {
    let countries = facets.countries.iter().map(|(code, n)| {
        vec![
            "country".to_owned(),
            code.clone(),
            country_name(code),
            n.to_string(),
        ]
    });
    let langs = facets.langs.iter().map(|(code, n)| {
        vec![
            "language".to_owned(),
            code.clone(),
            language_name(code),
            n.to_string(),
        ]
    });
    csv(
        &["facet", "code", "name", "articles"],
        countries.chain(langs),
    )
}

/// A file name that says what the view was: `borderlines-cambodia-2025.csv` for a search for
/// Cambodia in 2025; `what` (`timeline`, `counts`, `citations`, or empty for the results) goes
/// before the extension.
pub fn file_name(
    state: &ViewState,
    country_name: impl Fn(&str) -> String,
    what: &str,
    extension: &str,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(key_of(&state.q).split(' ').map(str::to_owned));
    parts.extend(state.countries.iter().map(|c| key_of(&country_name(c))));
    parts.extend(state.langs.iter().cloned());
    match (state.from, state.to) {
        (Some(from), Some(to)) if from == to => parts.push(from.to_string()),
        (from, to) => parts.extend(from.into_iter().chain(to).map(|b| b.to_string())),
    }
    parts.push(what.to_owned());
    let mut name = String::from("borderlines");
    for part in parts {
        let slug: String = part
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let slug = slug.trim_matches('-');
        if !slug.is_empty() && name.chars().count() + slug.chars().count() < 80 {
            name.push('-');
            name.push_str(slug);
        }
    }
    format!("{name}.{extension}")
}

#[cfg(test)]
mod tests;
