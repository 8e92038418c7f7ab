//! An incident's own page, `?incident=<id>`: a dialog over the explorer with everything the
//! row says (`crate::incident_detail`), its link, citation and embed code. Closing it leaves
//! the id out of the URL again. Embedded (`&embed=1`), the incident is the page itself.

use super::browser::{copy_to_clipboard, page_url, today};
use super::context::{use_explorer, use_figure};
use super::details::{use_details, DetailsStatus};
use super::modal::Modal;
use super::page_parts::ExploreLink;
use crate::data::DATA_VERSION;
use crate::embed::snippet;
use crate::methodology::citation;
use crate::state::links::{embed_link, script_beside, share_link};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn IncidentPanel() -> impl IntoView {
    let explorer = use_explorer();
    let state = explorer.state;
    let id = Memo::new(move |_| state.with(|s| s.incident));
    let shown = use_figure().incident;
    let open = RwSignal::new(false);
    // In an embed the incident is the page itself (`IncidentCard`), not a dialog over it.
    Effect::new(move |_| open.set(shown.with(Option::is_some) && !state.with(|s| s.embed)));
    // The reader closed it (Escape, ×): the URL drops the id.
    Effect::new(move |was_open: Option<bool>| {
        let now = open.get();
        if was_open == Some(true) && !now && id.get_untracked().is_some() {
            explorer.update(false, |s| s.incident = None);
        }
        now
    });
    let title = Signal::derive(move || {
        shown.with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default())
    });
    view! {
        <Modal open=open title_id="incident-title" title=move || title.get() class="incident-panel" testid="incident-panel">
            <IncidentBody/>
            <IncidentShare/>
        </Modal>
    }
}

/// An embedded incident (`?incident=<id>&embed=1`): the detail as the page, under its own
/// heading, with the link back to the explorer.
#[component]
pub fn IncidentCard() -> impl IntoView {
    let shown = use_figure().incident;
    view! {
        <article class="incident-card" data-testid="incident-card">
            <h1 class="chart-title">{move || shown.with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default())}</h1>
            <IncidentBody/>
            <ExploreLink/>
        </article>
    }
}

/// The incident's note and its sources, best first: they arrive after the page
/// (`super::details`), which says so while they load or if they cannot.
#[component]
fn IncidentSources(index: usize) -> impl IntoView {
    let details = use_details();
    view! {
        {move || details.of(index).and_then(|d| {
            (!d.note.is_empty()).then(|| view! { <p class="muted" data-testid="incident-note">{d.note.to_string()}</p> })
        })}
        <h3>"Sources, best first"</h3>
        <DetailsStatus requests=true/>
        <ol class="incident-sources" data-testid="incident-sources">
            {move || details.of(index).map(|d| {
                crate::incident_detail::sources(d).into_iter().map(|s| {
                    let safe = crate::source_links::linkable(&s.url);
                    view! {
                        <li>
                            <a href=safe.then(|| s.url.clone()) target="_blank" rel="noopener noreferrer">{s.publisher}</a>
                            " " <span class="source-kind">{s.kind}</span>
                            <span class="muted">" — states: " {s.supports}</span>
                        </li>
                    }
                }).collect_view()
            })}
        </ol>
    }
}

/// Everything the row says: amounts, facts, attribution, standing in its year, sources.
#[component]
fn IncidentBody() -> impl IntoView {
    let shown = use_figure().incident;
    move || {
        shown.get().map(|d| {
            view! {
                <p class="incident-date" data-testid="incident-date">{d.date.clone()}</p>
                <dl class="incident-facts" data-testid="incident-amounts">
                    {d.amounts.iter().chain(d.facts.iter()).map(|(label, value)| view! {
                        <div><dt>{*label}</dt><dd>{value.clone()}</dd></div>
                    }).collect_view()}
                </dl>
                <p data-testid="incident-attribution"><strong>"Attribution: "</strong>{d.attribution.clone()}</p>
                {d.dispute.clone().map(|text| view! { <p class="disputed-by" data-testid="incident-dispute">{text}</p> })}
                {d.standing.clone().map(|text| view! { <p data-testid="incident-standing">{text}</p> })}
                <IncidentSources index=d.index/>
            }
        })
    }
}

/// Copy link, the citation and the embed code of the open incident.
#[component]
fn IncidentShare() -> impl IntoView {
    let explorer = use_explorer();
    let state = explorer.state;
    let shown = use_figure().incident;
    let status = RwSignal::new(String::new());
    let link = move || state.with(|s| share_link(&page_url(), s));
    let copy = move |_| {
        let href = link();
        spawn_local(async move {
            status.set(if copy_to_clipboard(href).await {
                "Link copied".into()
            } else {
                "Copying is blocked here: select the link below".into()
            });
        });
    };
    let cite = move || {
        shown.with(|d| {
            d.as_ref()
                .map(|d| citation(&d.headline, DATA_VERSION, &link(), today()))
                .unwrap_or_default()
        })
    };
    let embed_code = move || {
        let page = page_url();
        let title = shown.with(|d| d.as_ref().map(|d| d.headline.clone()).unwrap_or_default());
        state.with(|s| snippet(&embed_link(&page, s), &title, Some(&script_beside(&page))))
    };
    view! {
        <h3>"Link, citation and embed"</h3>
        <div class="dialog-actions">
            <button type="button" data-testid="incident-copy-link" on:click=copy>"Copy link"</button>
            <span role="status">{move || status.get()}</span>
        </div>
        <p class="citation" data-testid="incident-citation">{cite}</p>
        <label for="incident-embed-code">"Embed this incident in an article"</label>
        <textarea id="incident-embed-code" readonly rows="4" data-testid="incident-embed-code" prop:value=embed_code></textarea>
    }
}
