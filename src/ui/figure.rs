//! The figure: the chart's title (the page's h1 in an embed), its scope line, the chart or the
//! empty state, the summary sentence and the source line.

use super::chart_host::ChartHost;
use super::claims_notes::ClaimsNotes;
use super::context::{use_explorer, use_figure};
use super::details::DetailsStatus;
use super::event_key::EventKey;
use super::page_parts::{EmptyState, ExploreLink, MethodologyButton, MethodologyLink};
use super::rows::{incidents, index};
use crate::charts::Narrowing;
use crate::query::Breakdown;
use crate::state::View;
use leptos::prelude::*;

#[component]
pub fn ChartFigure(
    methodology_open: RwSignal<bool>,
    /// Called once the chart is drawn or has failed (see [`ChartHost`]).
    on_settled: Callback<()>,
) -> impl IntoView {
    let explorer = use_explorer();
    let figure = use_figure();
    let state = explorer.state;
    let embed = Memo::new(move |_| state.with(|s| s.embed));
    let empty = Memo::new(move |_| explorer.breakdown.with(|b| b.rows.is_empty()));
    let is_table = Memo::new(move |_| state.with(|s| s.view == View::Table));
    let is_claims = Memo::new(move |_| state.with(|s| s.view == View::Claims));
    // A mark that stands for one incident opens that incident's page as it narrows to it.
    let on_narrow = Callback::new(move |narrowing: Narrowing| {
        let mut next = narrowing.apply(&state.get_untracked());
        let index = explorer
            .details
            .index_for(&next.filters)
            .unwrap_or_else(index);
        let rows = Breakdown::compute_indexed(index, &next.filters).rows;
        if let [only] = rows[..] {
            next.incident = incidents().get(only as usize).map(|r| r.id.as_ref());
        }
        explorer.set_state.run((next, false));
    });
    let is_cumulative = Memo::new(move |_| state.with(|s| s.view == View::Cumulative));
    // Outside an embed the table says it; an embed has no table, so a search says it here.
    let searching_embed = Memo::new(move |_| state.with(|s| s.embed && s.filters.searches()));
    let title = figure.title;
    view! {
        <figure class="figure" data-testid="figure">
            // In an embed the chart title is the page's only heading, so it is the h1.
            <Show
                when=move || embed.get()
                fallback=move || view! { <h2 class="chart-title" data-testid="chart-title">{move || title.get()}</h2> }
            >
                <h1 class="chart-title" data-testid="chart-title">{move || title.get()}</h1>
            </Show>
            <p class="chart-subtitle" data-testid="chart-scope">{move || figure.scope.get()}</p>
            <Show when=move || empty.get()>
                <EmptyState/>
            </Show>
            <Show when=move || !is_table.get() && !empty.get()>
                <ChartHost chart=figure.chart description=figure.summary on_narrow=on_narrow on_settled=on_settled/>
            </Show>
            <p class="summary" data-testid="summary">{move || figure.summary.get()}</p>
            <Show when=move || searching_embed.get()>
                <DetailsStatus/>
            </Show>
            <Show when=move || is_claims.get() && !empty.get()>
                <ClaimsNotes/>
            </Show>
            <Show when=move || is_cumulative.get() && !empty.get()>
                <EventKey/>
            </Show>
            <figcaption class="source-line" data-testid="source-line">
                {move || figure.source.get()}
                " See the "
                <Show
                    when=move || embed.get()
                    fallback=move || {
                        view! {
                            <MethodologyButton open=methodology_open testid="source-methodology" class="link-button"/>
                        }
                    }
                >
                    <MethodologyLink/>
                </Show>
            </figcaption>
            <Show when=move || embed.get()>
                <ExploreLink/>
            </Show>
        </figure>
    }
}
