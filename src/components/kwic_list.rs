//! The keyword-in-context view (`view=kwic`): every match of the query in the results, one row
//! each (the words before it, the match, the words after it, the article), in the order the
//! reader picks, a page at a time. A row's match opens its article scrolled to that match.

use std::rc::Rc;

use corpus::view::kwic::{kwic, KwicSort, LINES_PER_PAGE, MAX_ARTICLES};
use corpus::view::state::ViewState;
use corpus::view::Answer;
use web_sys::HtmlSelectElement;
use yew::{
    component, html, use_memo, use_state_eq, Callback, Event, Html, MouseEvent, Properties,
    TargetCast,
};

use crate::data::Corpus;
use crate::hooks::show_match_when_open;
use crate::intent::Intent;
use crate::locale::{self, use_ui};

#[derive(Properties, PartialEq, Debug)]
pub struct KwicListProps {
    pub corpus: Corpus,
    pub answer: Rc<Answer>,
    pub state: Rc<ViewState>,
    pub on_intent: Callback<Intent>,
}

#[component]
pub fn KwicList(props: &KwicListProps) -> Html {
    let ui = use_ui();
    let corpus = props.corpus;
    let sort = props.state.ksort;
    // Recomputed as a sharded corpus's texts arrive.
    let lines = use_memo(
        (props.answer.clone(), sort, corpus.chunks_here()),
        move |(answer, sort, _)| kwic(&corpus, answer, *sort),
    );
    let shown = use_state_eq(|| LINES_PER_PAGE);
    if props.answer.query.is_empty() {
        return html! {
            <p class="muted" data-kwic-empty="" data-result-count={props.answer.results.len().to_string()}>{ ui.text("kwic.no-query") }</p>
        };
    }
    let on_sort = props.on_intent.reform(|event: Event| {
        let value = event.target_unchecked_into::<HtmlSelectElement>().value();
        Intent::SetKwicSort(KwicSort::parse(&value).unwrap_or_default())
    });
    let sorts = KwicSort::ALL.iter().map(|&option| {
        let key = match option {
            KwicSort::Results => "kwic.sort.results",
            KwicSort::Left => "kwic.sort.left",
            KwicSort::Right => "kwic.sort.right",
            KwicSort::Date => "kwic.sort.date",
        };
        html! { <option value={option.as_str()} selected={option == sort}>{ ui.text(key) }</option> }
    });
    let catalog = corpus.catalog();
    let total = lines.lines.len();
    let rows = lines.lines.iter().take(*shown).map(|line| {
        let index = line.article as usize;
        let article = corpus.article(line.article);
        let title = article.map(|a| a.title.clone()).unwrap_or_default();
        let lang = catalog.lang(index).to_owned();
        let date = catalog
            .date(index)
            .map_or_else(|| ui.text("card.undated").to_owned(), |d| locale::day(ui, d));
        let id = catalog.id(index).to_owned();
        let (paragraph, nth) = (line.paragraph, line.nth);
        let onclick = {
            let id = id.clone();
            props.on_intent.reform(move |_: MouseEvent| {
                show_match_when_open(&id, paragraph, nth);
                Intent::OpenMatch(id.clone())
            })
        };
        html! {
            <tr data-kwic-line="" data-kwic-article={id.clone()}>
                <td class="kwic-left" lang={lang.clone()}>{ &line.left }</td>
                <td class="kwic-hit" lang={lang.clone()}>
                    <button type="button" class="link-button" {onclick}>
                        <mark>{ &line.hit }</mark>
                        <span class="visually-hidden">{ " " }{ ui.fill("kwic.open", &[("title", &title)]) }</span>
                    </button>
                </td>
                <td class="kwic-right" lang={lang.clone()}>{ &line.right }</td>
                <td class="kwic-source"><span lang={lang}>{ title }</span>{ " · " }{ date }</td>
            </tr>
        }
    });
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + LINES_PER_PAGE))
    };
    html! {
        <section class="kwic" data-kwic="" data-result-count={props.answer.results.len().to_string()}>
            <div class="results-head">
                <p class="result-count" data-kwic-count={total.to_string()} aria-live="polite">{ ui.count("kwic.count", total, &[]) }</p>
                <label class="sort">{ ui.text("kwic.sort") }{ " " }<select data-kwic-sort="" onchange={on_sort}>{ for sorts }</select></label>
            </div>
            if lines.texts_missing > 0 {
                <p class="muted" role="status">{ ui.count("kwic.loading", lines.texts_missing, &[]) }</p>
            }
            if lines.cut_short {
                <p class="notice" role="status">{ ui.count("kwic.cut", MAX_ARTICLES, &[]) }</p>
            }
            <div class="kwic-scroll">
                <table class="kwic-table">
                    <thead class="visually-hidden">
                        <tr>
                            <th scope="col">{ ui.text("kwic.sort.left") }</th>
                            <th scope="col">{ ui.text("kwic.tab.kwic") }</th>
                            <th scope="col">{ ui.text("kwic.sort.right") }</th>
                            <th scope="col">{ ui.text("kwic.title") }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if total > *shown {
                <button type="button" class="button more" data-kwic-more="" onclick={more}>
                    { ui.count("kwic.more", total, &[("shown", &ui.number(*shown))]) }
                </button>
            }
        </section>
    }
}
