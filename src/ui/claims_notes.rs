//! Under the reports-vs-data chart: the misreported figures, each with where the wrong number
//! most likely came from, and who repeated each original figure, every one linked.

use super::context::use_explorer;
use super::rows::incidents;
use crate::data::REPORTED_FIGURES;
use crate::query::claims::{claim_notes, dollar_claims};
use crate::query::filters::shown_years;
use leptos::prelude::*;

#[component]
pub fn ClaimsNotes() -> impl IntoView {
    let explorer = use_explorer();
    // Open on the page; folded in an embed, where the frame's height belongs to the chart.
    let open = explorer.state.with_untracked(|s| !s.embed);
    let notes = Memo::new(move |_| {
        explorer.state.with(|s| {
            let shown = shown_years(s.filters.years);
            claim_notes(&dollar_claims(
                incidents(),
                REPORTED_FIGURES,
                s.filters.basis,
                &shown,
            ))
        })
    });
    view! {
        <Show when=move || notes.with(|n| !n.is_empty())>
            <details class="claim-notes" open=open>
            <summary>"Who repeated each figure, and who got it wrong"</summary>
            <ul data-testid="claim-notes">
                <For each=move || notes.get() key=|n| n.text.clone() let:note>
                    <li class:misreport=note.misreport>
                        {note.text.clone()} " "
                        {note
                            .links
                            .iter()
                            .enumerate()
                            .map(|(i, (name, url))| {
                                view! {
                                    {(i > 0).then_some(", ")}
                                    <a href=url.clone() rel="noopener" target="_blank">{name.clone()}</a>
                                }
                            })
                            .collect_view()}
                    </li>
                </For>
            </ul>
            </details>
        </Show>
    }
}
