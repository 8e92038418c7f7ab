//! An incident's own page, `?incident=<id>`: a dialog over the explorer with everything the
//! row says (`crate::incident_detail`), its link and its citation. Closing it leaves the id out
//! of the URL again.

use super::browser::{copy_to_clipboard, page_url, today};
use super::context::{use_explorer, use_figure};
use super::modal::Modal;
use crate::data::DATA_VERSION;
use crate::methodology::citation;
use crate::state::links::share_link;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn IncidentPanel() -> impl IntoView {
    let explorer = use_explorer();
    let state = explorer.state;
    let id = Memo::new(move |_| state.with(|s| s.incident));
    let shown = use_figure().incident;
    let open = RwSignal::new(false);
    Effect::new(move |_| open.set(shown.with(Option::is_some)));
    // The reader closed it (Escape, ×): the URL drops the id.
    Effect::new(move |was_open: Option<bool>| {
        let now = open.get();
        if was_open == Some(true) && !now && id.get_untracked().is_some() {
            explorer.update(false, |s| s.incident = None);
        }
        now
    });
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
    let title = Signal::derive(move || {
        shown.with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default())
    });
    view! {
        <Modal open=open title_id="incident-title" title=move || title.get() class="incident-panel" testid="incident-panel">
            {move || {
                shown.get().map(|d| {
                    let cite = citation(&d.headline, DATA_VERSION, &link(), today());
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
                        {(!d.note.is_empty()).then(|| view! { <p class="muted">{d.note.clone()}</p> })}
                        <h3>"Sources, best first"</h3>
                        <ol class="incident-sources" data-testid="incident-sources">
                            {d.sources.iter().map(|s| {
                                let safe = s.url.starts_with("https://") || s.url.starts_with("http://");
                                view! {
                                    <li>
                                        <a href=safe.then(|| s.url.clone()) target="_blank" rel="noopener noreferrer">{s.publisher.clone()}</a>
                                        " " <span class="source-kind">{s.kind}</span>
                                        <span class="muted">" — states: " {s.supports.clone()}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        <h3>"Link and citation"</h3>
                        <div class="dialog-actions">
                            <button type="button" data-testid="incident-copy-link" on:click=copy>"Copy link"</button>
                            <span role="status">{move || status.get()}</span>
                        </div>
                        <p class="citation" data-testid="incident-citation">{cite}</p>
                    }
                })
            }}
        </Modal>
    }
}
