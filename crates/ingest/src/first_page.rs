//! The default view's first page of cards as static HTML, written by `corpus pack --first-page`
//! into the page's shell (`scripts/corpus-data.mjs`), so that a link without a view shows
//! articles before any script runs. The app replaces it with the same cards, live, once it has
//! started; a link with a view hides it (a script in `index.html`) until then.
//!
//! The markup mirrors the app's result list and closed cards (`src/views/explorer/result_list.rs`,
//! `src/components/article_card.rs`: count, title, date, language, source, country chips, the
//! passage; `corpus::view::card` decides the passage and the chips for both), its controls as inert look-alikes, so the page does not move when the
//! app takes over. Every text is escaped: corpus text is text, never HTML.

use corpus::languages::language_name;
use corpus::search::Query;
use corpus::view::card::{card_passage, SHOWN_CHIPS};
use corpus::view::results::{PAGE_SIZE, SNIPPET_CHARS};
use corpus::view::state::{Sort, ViewState};
use corpus::CorpusBlob;

/// The first page of the default view (newest first), as a `<div data-prerendered>` fragment.
pub fn first_page_html(blob: &CorpusBlob) -> String {
    let answer = corpus::view::answer(blob, &ViewState::default());
    let count = answer.results.len();
    let noun = if count == 1 { "article" } else { "articles" };
    // The controls are inert look-alikes (the app brings the working ones), there so that the
    // cards do not move when it does.
    let sort = escape(Sort::Newest.label());
    let mut html = format!(
        "<div data-prerendered=\"\"><div class=\"summary-bar\"><span class=\"button filters-toggle\">Filters</span><span class=\"copy-link\"><span class=\"button\">Copy link to this view</span></span></div>\
         <h2 class=\"visually-hidden\">Results</h2>\
         <div class=\"segmented view-tabs\"><button type=\"button\" class=\"segment\" aria-pressed=\"true\" disabled=\"\">Articles</button><button type=\"button\" class=\"segment\" aria-pressed=\"false\" disabled=\"\">Map</button></div>\
         <div class=\"results-head\"><p class=\"result-count\">{count} {noun}</p>\
         <label class=\"sort\">Sort <select disabled=\"\"><option>{sort}</option></select></label>\
         <span class=\"export\"><span class=\"summary\">Compare over time</span></span><span class=\"export\"><span class=\"summary\">Export</span></span></div>\n<ol class=\"cards\">\n"
    );
    for index in answer.results.first(PAGE_SIZE) {
        let Some(article) = blob.article(index) else {
            continue;
        };
        let lang = escape(&article.lang);
        html.push_str("<li><article class=\"card\">");
        let derived = if article.title_derived {
            " derived"
        } else {
            ""
        };
        let untitled = if article.title_derived {
            "<span class=\"untitled\" aria-hidden=\"true\">untitled</span>"
        } else {
            ""
        };
        html.push_str(&format!(
            "<h3 class=\"card-title{derived}\" lang=\"{lang}\">{untitled}{}</h3>",
            escape(&article.title)
        ));
        html.push_str("<p class=\"card-meta\">");
        match article.date {
            Some(date) => html.push_str(&format!(
                "<time datetime=\"{date}\">{}</time>",
                date.label()
            )),
            None => html.push_str("<span class=\"undated\">Undated</span>"),
        }
        html.push_str(&format!(
            "<span class=\"lang\">{}</span>",
            escape(language_name(&article.lang))
        ));
        if let Some(source) = &article.source {
            html.push_str(&format!(
                "<span class=\"source\" lang=\"{lang}\">{}</span>",
                escape(source)
            ));
        }
        html.push_str("</p>");
        if !article.countries.is_empty() {
            html.push_str("<ul class=\"chips\">");
            for mention in article.countries.iter().take(SHOWN_CHIPS) {
                html.push_str(&format!(
                    "<li><span class=\"chip\">{}</span></li>",
                    escape(blob.country_name(&mention.code))
                ));
            }
            if let Some(more) = article.countries.len().checked_sub(SHOWN_CHIPS) {
                if more > 0 {
                    html.push_str(&format!(
                        "<li><span class=\"chip more\">+{more}</span></li>"
                    ));
                }
            }
            html.push_str("</ul>");
        }
        let passage = card_passage(article, &Query::default(), SNIPPET_CHARS);
        html.push_str(&format!(
            "<div class=\"card-body\" lang=\"{lang}\"><p class=\"snippet\">{}</p></div>",
            escape(&passage.text)
        ));
        html.push_str(
            "<div class=\"card-actions\"><span class=\"button expand\">Read full text</span>\
             <span class=\"copy-link\"><span class=\"button\">Copy link</span></span></div>",
        );
        html.push_str("</article></li>\n");
    }
    html.push_str("</ol></div>");
    html
}

/// `text` with `&`, `<`, `>`, `"` and `'` as character references.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus::{Article, CountryMention};

    fn article(id: &str, date: Option<&str>, title: &str, body: &str) -> Article {
        Article {
            id: id.into(),
            file: format!("{id}.txt"),
            date: date.and_then(|d| corpus::Date::parse(d).ok()),
            title: title.into(),
            title_derived: false,
            lang: "en".into(),
            countries: vec![CountryMention {
                code: "KH".into(),
                mentions: 1,
            }],
            source: Some("<b>Wire</b>".into()),
            captions: vec![],
            paragraphs: vec![body.into()],
            warnings: vec![],
        }
    }

    #[test]
    fn the_first_page_is_newest_first_and_escaped() {
        let articles = vec![
            article(
                "b",
                Some("2025-02-01"),
                "Newer <script>alert(1)</script>",
                "Body & more",
            ),
            article("a", Some("2025-01-01"), "Older", "Second"),
        ];
        let blob =
            CorpusBlob::new(&articles, vec![("KH".into(), "Cambodia".into())]).expect("blob");
        let html = first_page_html(&blob);
        assert!(html.starts_with("<div data-prerendered=\"\">"));
        assert!(html.contains("2 articles"));
        assert!(!html.contains("<script>") && !html.contains("<b>"));
        assert!(html.contains("Newer &lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("Body &amp; more") && html.contains("&lt;b&gt;Wire&lt;/b&gt;"));
        assert!(html.find("Newer").expect("newer") < html.find("Older").expect("older"));
        assert!(html.contains("<span class=\"chip\">Cambodia</span>"));
        assert!(!html.contains("data-result-count") && !html.contains("data-article-id"));
    }
}
