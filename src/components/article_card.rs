//! One article as a card: title, date or "Undated", language, country chips, source, caption and
//! the passage around the best match; expanded, the full text. Matches are marked with `<mark>`.
//! Corpus text is only ever rendered as text nodes.

use std::rc::Rc;

use corpus::i18n::Ui;
use corpus::search::{highlight, Query};
use corpus::store::catalog::EntityKind;
use corpus::view::card::{card_passage, SHOWN_CHIPS};
use corpus::view::results::SNIPPET_CHARS;
use corpus::view::state::ViewState;
use corpus::Date;
use yew::{classes, component, html, Callback, Html, KeyboardEvent, MouseEvent, Properties};

use crate::components::copy_link::CopyLink;
use crate::components::facet_chips::{local_if_on_page, local_name};
use crate::components::marked_text::marked_text;
use crate::data::Corpus;
use crate::intent::Intent;
use crate::locale::{self, use_ui};
use crate::view_url::ViewHandle;

/// Only what the card shows: when a view change leaves these equal (a chip elsewhere, a page
/// of more results), the card is not rendered again.
#[derive(Properties, PartialEq, Debug)]
pub struct ArticleCardProps {
    pub corpus: Corpus,
    /// Position of the article in the embedded corpus.
    pub index: u32,
    pub expanded: bool,
    /// Whether the article's text (and its other versions') is here: a sharded corpus fetches
    /// it when the card is shown, and the card is a placeholder until then.
    pub has_text: bool,
    /// Per country of the article, in its order: whether the view filters by it.
    pub selected_countries: Rc<[bool]>,
    pub query: Rc<Query>,
    /// Near-duplicate versions of this article's story that the view also matches (article
    /// indices), folded into this card.
    pub other_versions: Rc<[u32]>,
    /// The view's selected places, people and organizations (`(kind, id)`).
    pub state_entities: Rc<[(EntityKind, String)]>,
    /// Stable across renders (it reads the current view when called).
    pub on_intent: Callback<Intent>,
}

/// How many entity chips a closed card shows.
const SHOWN_ENTITIES: usize = 4;

/// The places, people and organizations the article names, as chips that add the filter.
fn entity_chips(
    corpus: &Corpus,
    index: u32,
    expanded: bool,
    selected: &[(EntityKind, String)],
    on_intent: &Callback<Intent>,
    ui: Ui,
) -> Html {
    let catalog = corpus.catalog();
    let entities: Vec<_> = catalog.entities(index as usize).collect();
    if entities.is_empty() {
        return Html::default();
    }
    // A name in its own script shows on a card whose article is written in it.
    let article_lang = catalog.lang(index as usize);
    let shown = if expanded {
        entities.len()
    } else {
        SHOWN_ENTITIES
    };
    html! {
        <ul class="chips entity-chips" aria-label={ui.text("card.entities")}>
            { for entities.into_iter().take(shown).map(|entity| {
                let (kind, id) = (entity.kind, entity.id.clone());
                let pressed = selected.iter().any(|(k, i)| *k == kind && *i == id);
                let onclick = on_intent.reform(move |_: MouseEvent| Intent::ToggleEntity(kind, id.clone()));
                let class = match kind {
                    EntityKind::Place => "chip entity place",
                    EntityKind::Person => "chip entity person",
                    EntityKind::Organization => "chip entity org",
                };
                html! {
                    <li>
                        <button type="button" {class} data-card-entity={entity.id.clone()} aria-pressed={pressed.to_string()} {onclick}>
                            { &entity.name }{ local_name(local_if_on_page(entity.local.as_deref(), |lang| lang == article_lang)) }
                        </button>
                    </li>
                }
            }) }
        </ul>
    }
}

#[component]
pub fn ArticleCard(props: &ArticleCardProps) -> Html {
    let corpus = props.corpus;
    let ui = use_ui();
    let Some(article) = corpus.article(props.index) else {
        return placeholder(corpus, props.index, ui);
    };
    let query = &props.query;
    let expanded = props.expanded;
    let body_id = format!("body-{}", article.id);
    let title_id = format!("title-{}", article.id);

    let toggle = {
        let id = article.id.clone();
        props.on_intent.reform(move |_: MouseEvent| {
            if expanded {
                Intent::CloseArticle
            } else {
                Intent::OpenArticle(id.clone())
            }
        })
    };
    let onkeydown = {
        let on_intent = props.on_intent.clone();
        Callback::from(move |event: KeyboardEvent| {
            if expanded && event.key() == "Escape" {
                on_intent.emit(Intent::CloseArticle);
            }
        })
    };
    let article_url = {
        let id = article.id.clone();
        Callback::from(move |()| ViewHandle::href(&ViewState::default().open_article(&id)))
    };

    let body = if expanded {
        html! {
            { for article.paragraphs.iter().map(|p| html! { <p>{ marked_text(p, &highlight(p, query)) }</p> }) }
        }
    } else {
        let passage = card_passage(article, query, SNIPPET_CHARS);
        html! { <p class="snippet">{ marked_text(&passage.text, &passage.highlights) }</p> }
    };

    html! {
        <article class="card" data-article-id={article.id.clone()} data-expanded={expanded.then_some("true")}
                 aria-labelledby={title_id.clone()} tabindex="-1" {onkeydown}>
            <h3 id={title_id} class={classes!("card-title", article.title_derived.then_some("derived"))} lang={article.lang.clone()}>
                if article.title_derived {
                    <span class="untitled" aria-hidden="true">{ ui.text("card.untitled") }</span>
                }
                { marked_text(&article.title, &highlight(&article.title, query)) }
                if article.title_derived {
                    <span class="visually-hidden">{ " " }{ ui.text("card.untitled.note") }</span>
                }
            </h3>
            <p class="card-meta">
                { date_html(article.date, ui) }
                <span class="lang">{ ui.language_name(&article.lang) }</span>
                if let Some(source) = &article.source {
                    <span class="source" lang={article.lang.clone()}>{ source }</span>
                }
            </p>
            if !article.countries.is_empty() {
                <ul class="chips" aria-label={ui.text("card.countries")}>
                    { for article.countries.iter().enumerate().take(if expanded { usize::MAX } else { SHOWN_CHIPS }).map(|(i, c)| {
                        let selected = props.selected_countries.get(i).copied().unwrap_or(false);
                        // A pressed chip does nothing: the view filters by it already.
                        let (on_intent, code) = (props.on_intent.clone(), c.code.clone());
                        let onclick = Callback::from(move |_: MouseEvent| {
                            if !selected {
                                on_intent.emit(Intent::AddCountry(code.clone()));
                            }
                        });

                        html! {
                            <li>
                                <button type="button" class="chip" data-card-country={c.code.clone()} aria-pressed={selected.to_string()}
                                        title={ui.count("card.country.title", c.mentions as usize, &[])} {onclick}>
                                    { locale::country(ui, &c.code, corpus.country_name(&c.code)) }
                                </button>
                            </li>
                        }
                    }) }
                    if !expanded && article.countries.len() > SHOWN_CHIPS {
                        <li>
                            <button type="button" class="chip more" data-more-countries={(article.countries.len() - SHOWN_CHIPS).to_string()}
                                    title={ui.text("card.more-countries")} onclick={toggle.clone()}>
                                { format!("+{}", article.countries.len() - SHOWN_CHIPS) }
                            </button>
                        </li>
                    }
                </ul>
            }
            { entity_chips(&corpus, props.index, expanded, &props.state_entities, &props.on_intent, ui) }
            if !props.other_versions.is_empty() {
                <details class="versions" data-versions={props.other_versions.len().to_string()}>
                    <summary>{ ui.count("card.versions", props.other_versions.len() + 1, &[]) }</summary>
                    <ul>
                        { for props.other_versions.iter().filter_map(|&other| corpus.article(other)).map(|version| {
                            let id = version.id.clone();
                            let onclick = props.on_intent.reform(move |_: MouseEvent| Intent::OpenArticle(id.clone()));
                            let date = version.date.map_or_else(|| ui.text("card.undated").to_owned(), |d| locale::day(ui, d));
                            html! {
                                <li>
                                    <button type="button" class="link-button" data-version-of={article.id.clone()} data-version={version.id.clone()} {onclick}>
                                        <span lang={version.lang.clone()}>{ version.title.clone() }</span>
                                        { format!(" · {date}") }
                                        if let Some(source) = &version.source { { format!(" · {source}") } }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </details>
            }
            // Captions (under photos, on the page the text came from) only with the full text.
            if expanded {
                { for article.captions.iter().map(|caption| html! { <p class="caption" lang={article.lang.clone()}>{ caption }</p> }) }
            }
            <div class="card-body" id={body_id.clone()} lang={article.lang.clone()}>{ body }</div>
            <div class="card-actions">
                <button type="button" class="button expand" aria-expanded={expanded.to_string()} aria-controls={body_id} onclick={toggle}>
                    { ui.text(if expanded { "card.close" } else { "card.read" }) }
                </button>
                <CopyLink url={article_url} label={ui.text("card.copy-link")} />
            </div>
        </article>
    }
}

/// A card whose text is on its way: what the catalog knows (date, language), at about a card's
/// height, in the same element the card will fill.
fn placeholder(corpus: Corpus, index: u32, ui: Ui) -> Html {
    let catalog = corpus.catalog();
    let i = index as usize;
    let lang = catalog.lang(i).to_owned();
    html! {
        <article class="card loading" data-article-id={catalog.id(i).to_owned()} aria-busy="true" tabindex="-1">
            <p class="card-meta">
                { date_html(catalog.date(i), ui) }
                <span class="lang">{ ui.language_name(&lang) }</span>
            </p>
            <p class="snippet">{ ui.text("card.loading") }</p>
        </article>
    }
}

/// A card's date as the page writes dates (ISO in `datetime`), or "Undated".
fn date_html(date: Option<Date>, ui: Ui) -> Html {
    match date {
        Some(date) => html! { <time datetime={date.to_string()}>{ locale::day(ui, date) }</time> },
        None => html! { <span class="undated">{ ui.text("card.undated") }</span> },
    }
}
