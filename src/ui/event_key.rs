//! The key to the numbered event markers of the running total: each event's number, date and
//! text, linked to its source. The same numbers are drawn on the chart and given in its tooltip.

use super::context::use_explorer;
use crate::charts::events::numbered_events;
use crate::data::{first_url, TIMELINE_EVENTS};
use crate::format;
use crate::query::filters::shown_years;
use leptos::prelude::*;

#[component]
pub fn EventKey() -> impl IntoView {
    let explorer = use_explorer();
    // Open on the page; folded in an embed, where the frame's height belongs to the chart.
    let open = explorer.state.with_untracked(|s| !s.embed);
    let events = Memo::new(move |_| {
        explorer
            .state
            .with(|s| numbered_events(TIMELINE_EVENTS, &shown_years(s.filters.years)))
    });
    view! {
        <Show when=move || events.with(|e| !e.is_empty())>
            <details class="event-key" data-testid="event-key" open=open>
                <summary>"Events on the chart"</summary>
                <ol>
                    <For each=move || events.get() key=|n| n.number let:n>
                        <li value=n.number.to_string()>
                            <span class="event-number" aria-hidden="true">{n.number}</span>
                            <time>{format::date(n.event.date)}</time>
                            ": "
                            {n.event.label.to_string()}
                            " "
                            <a href=first_url(&n.event.url).to_string() rel="noopener" target="_blank">"source"</a>
                        </li>
                    </For>
                </ol>
            </details>
        </Show>
    }
}
