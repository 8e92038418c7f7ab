//! Every filtered incident: sortable, with sources, attribution confidence and who made it,
//! and CSV/JSON downloads of exactly these rows.

use super::app::use_explorer;
use super::rows::incidents;
use crate::data::Incident;
use crate::format;
use crate::state::SortColumn;
use leptos::prelude::*;

/// Rows shown at first and added per "Show more".
const PAGE: usize = 50;

fn sorted_rows(indices: &[u32], sort: crate::state::Sort, limit: usize) -> Vec<&'static Incident> {
    let mut rows: Vec<&'static Incident> = indices
        .iter()
        .filter_map(|i| incidents().get(*i as usize))
        .collect();
    sort.top(&mut rows, limit);
    rows
}

fn host_of(url: &str) -> String {
    url.split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .map(|h| h.trim_start_matches("www.").to_string())
        .unwrap_or_else(|| "source".into())
}

#[component]
fn Row(row: &'static Incident) -> impl IntoView {
    let badge = if row.attribution.is_dprk() {
        "badge dprk"
    } else {
        "badge"
    };
    view! {
        <tr data-testid="incident-row" data-id=row.id.as_ref()>
            <td class="nowrap">{format::date(row.date)}</td>
            <th scope="row">
                <span class="incident-name">{row.name.as_ref()}</span>
                <span class="sources">
                    {row
                        .sources()
                        .map(|url| {
                            let safe = url.starts_with("https://") || url.starts_with("http://");
                            view! {
                                <a href=safe.then(|| url.to_string()) target="_blank" rel="noopener noreferrer">
                                    {host_of(url)}
                                </a>
                            }
                        })
                        .collect_view()}
                </span>
            </th>
            <td>{row.category.label()}</td>
            <td>{row.vector.label()}</td>
            <td>
                <span class=badge>{row.attribution.label()}</span>
                <span class="attributed-by">{row.attribution_by.as_ref()}</span>
            </td>
            <td class="num" title=format::usd_exact(row.loss_usd)>{format::usd(row.loss_usd)}</td>
        </tr>
    }
}

#[component]
pub fn IncidentTable() -> impl IntoView {
    let explorer = use_explorer();
    let sort = Memo::new(move |_| explorer.state.with(|s| s.sort));
    let limit = RwSignal::new(PAGE);
    let total = Memo::new(move |_| explorer.breakdown.with(|b| b.rows.len()));
    let rows = Memo::new(move |_| {
        let sort = sort.get();
        let limit = limit.get();
        explorer
            .breakdown
            .with(|b| sorted_rows(&b.rows, sort, limit))
    });
    let header = move |column: SortColumn, numeric: bool| {
        let aria = move || {
            let s = sort.get();
            if s.column != column {
                "none"
            } else if s.descending {
                "descending"
            } else {
                "ascending"
            }
        };
        view! {
            <th scope="col" class:num=numeric aria-sort=aria>
                <button
                    type="button"
                    data-testid=format!("sort-{}", column.slug())
                    on:click=move |_| explorer.update(false, |s| s.sort = s.sort.clicked(column))
                >
                    {column.label()}
                </button>
            </th>
        }
    };
    view! {
        <section class="table-section table-area" aria-labelledby="table-title">
            <div class="table-head">
                <h2 id="table-title">
                    "Incidents " <span class="muted">{move || format!("({})", crate::format::grouped(total.get() as u64))}</span>
                </h2>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Incident table (scrolls sideways)">
                <table class="incidents" data-testid="incident-table">
                    <thead>
                        <tr>
                            {header(SortColumn::Date, false)}
                            {header(SortColumn::Name, false)}
                            {header(SortColumn::Category, false)}
                            {header(SortColumn::Vector, false)}
                            {header(SortColumn::Attribution, false)}
                            {header(SortColumn::Loss, true)}
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| row.id.as_ref() let:row>
                            <Row row=row/>
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || { total.get() > rows.with(Vec::len) }>
                <div class="table-more">
                    <span class="muted">
                        {move || format!("Showing {} of {}", rows.with(Vec::len), crate::format::grouped(total.get() as u64))}
                    </span>
                    <button type="button" data-testid="table-more" on:click=move |_| limit.update(|l| *l += PAGE)>
                        "Show 50 more"
                    </button>
                    <button type="button" data-testid="table-all" on:click=move |_| limit.set(usize::MAX)>
                        "Show all"
                    </button>
                </div>
            </Show>
        </section>
    }
}
