//! The key to the numbered event markers of the running total: each event's number, date and
//! text, linked to its source. The same numbers are drawn on the chart and given in its tooltip.

use super::context::use_explorer;
use crate::charts::events::numbered_events;
use crate::data::TIMELINE_EVENTS;
use crate::query::filters::shown_years;
use leptos::prelude::*;

#[component]
pub fn EventKey() -> impl IntoView {
    let explorer = use_explorer();
    // Open on the page; folded in an embed, where the frame's height belongs to the chart.
    let open = explorer.state.with_untracked(|s| !s.embed);
    let events = Memo::new(move |_| {
        explorer.state.with(|s| {
            numbered_events(TIMELINE_EVENTS, &shown_years(s.filters.years))
                .into_iter()
                .map(|n| {
                    (
                        n.number,
                        crate::format::date(n.event.date),
                        n.event.label.to_string(),
                        n.event.url.to_string(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || events.with(|e| !e.is_empty())>
            <details class="event-key" data-testid="event-key" open=open>
                <summary>"Events on the chart"</summary>
                <ol>
                    <For each=move || events.get() key=|e| e.0 let:event>
                        <li value=event.0.to_string()>
                            <span class="event-number" aria-hidden="true">{event.0}</span>
                            <time>{event.1.clone()}</time>
                            ": "
                            {event.2.clone()}
                            " "
                            <a href=event.3.split(';').next().unwrap_or_default().to_string() rel="noopener" target="_blank">"source"</a>
                        </li>
                    </For>
                </ol>
            </details>
        </Show>
    }
}
