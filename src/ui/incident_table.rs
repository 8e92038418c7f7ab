//! Every filtered incident: sortable, with sources, attribution confidence and who made it,
//! and CSV/JSON downloads of exactly these rows. The sources arrive with the notes, after the
//! table (`super::details`).

use super::after_paint::after_paint;
use super::context::use_explorer;
use super::details::{Details, DetailsStatus};
use super::rows::incidents;
use super::rows_in_dom::rows_in_dom;
use crate::data::{Basis, Incident, Scope};
use crate::format;
use crate::source_links::{more_sources_label, source_links_html, source_names_html};
use crate::state::{SortColumn, View, ViewState};
use crate::table::{
    aria_sort, attribution_badge, incident_href, loss_detail, marks_face_value, showing, PAGE,
};
use leptos::prelude::*;

/// What the table shows: the selection's rows and the state its links carry, both as they
/// were when the chart last painted (see [`after_paint`]).
type Shown = (Vec<u32>, ViewState);

#[component]
fn Row(
    index: usize,
    basis: Basis,
    details: Details,
    shown: ReadSignal<Shown>,
    page: StoredValue<String>,
) -> impl IntoView {
    let row: &'static Incident = &incidents()[index];
    let badge = attribution_badge(row);
    // The incident's page, from its name and from its "more sources" link.
    let href = move || {
        page.with_value(|page| shown.with(|(_, state)| incident_href(page, state, row.id.as_ref())))
    };
    view! {
        <tr data-testid="incident-row" data-id=row.id.as_ref()>
            <td class="nowrap">{format::date(row.date)}</td>
            <th scope="row">
                <a class="incident-name" data-testid="incident-link" href=href>
                    {row.name.as_ref()}
                </a>
                {(row.scope != Scope::Theft)
                    .then(|| {
                        view! {
                            <span class="scope-tag" data-testid="scope-tag" title=row.scope.label()>
                                {row.scope.tag()}
                            </span>
                        }
                    })}
                <span class="row-sources">
                    <span
                        class="sources"
                        inner_html=move || {
                            details
                                .of(index)
                                .map(|d| source_links_html(&d.sources))
                                .unwrap_or_else(|| source_names_html(row))
                        }
                    ></span>
                    {more_sources_label(row.source_names.len()).map(|label| view! {
                        <a class="sources-more" href=href>
                            {label}
                        </a>
                    })}
                </span>
            </th>
            <td>{row.category.label()}</td>
            <td>{row.vector.label()}</td>
            <td>
                <span class=badge>{row.attribution.label()}</span>
                {row
                    .is_disputed()
                    .then(|| {
                        view! {
                            <span class="badge disputed" data-testid="disputed" title=row.disputed_by.to_string()>
                                "disputed"
                            </span>
                            <span class="disputed-by">{row.disputed_by.to_string()}</span>
                        }
                    })}
                <span class="attributed-by">{row.attribution_by.as_ref()}</span>
            </td>
            <td class="num" title=loss_detail(row, basis) data-value=row.value(basis).to_string()>
                {format::usd(row.value(basis))}
                {marks_face_value(row, basis)
                    .then(|| view! { <span class="muted small">" face value"</span> })}
            </td>
        </tr>
    }
}

#[component]
pub fn IncidentTable() -> impl IntoView {
    let explorer = use_explorer();
    let details = explorer.details;
    let sort = Memo::new(move |_| explorer.state.with(|s| s.sort));
    // The selection, its basis and the rows' links reach the table after the chart has painted
    // them; a sort or a "Show more" changes only the table, so it applies at once, and so does
    // everything on the table view, which draws no chart ahead of the table.
    let shown = after_paint(
        move || {
            (
                explorer.breakdown.with(|b| b.rows.clone()),
                explorer.state.get(),
            )
        },
        move || explorer.state.with_untracked(|s| s.view != View::Table),
    );
    let basis = Memo::new(move |_| shown.with(|(_, state)| state.filters.basis));
    // The page's address without its query: the same for every row and every state (the app
    // changes only the query), so read from the browser once, not per row per change.
    let page = StoredValue::new(super::browser::page_url());
    let limit = RwSignal::new(PAGE);
    let total = Memo::new(move |_| shown.with(|(rows, _)| rows.len()));
    let rows = Memo::new(move |_| {
        let sort = sort.get();
        let limit = limit.get();
        let basis = basis.get();
        shown.with(|(rows, _)| {
            crate::query::sort::sorted_page(incidents(), rows, sort, limit, basis)
        })
    });
    let section = NodeRef::<leptos::html::Section>::new();
    // Below a chart the rows follow as the table nears the window; the table view has no chart
    // ahead of them: they are its first screen, all at once.
    let in_dom: Signal<usize> = if explorer.state.with_untracked(|s| s.view == View::Table) {
        Signal::stored(usize::MAX)
    } else {
        rows_in_dom(section, move || rows.try_with_untracked(Vec::len)).into()
    };
    // Keyed by basis too, so switching it redraws the loss cells.
    let rows_on_basis = move || {
        let basis = basis.get();
        let in_dom = in_dom.get();
        rows.with(|rows| {
            rows.iter()
                .take(in_dom)
                .map(|row| (*row as usize, basis))
                .collect::<Vec<_>>()
        })
    };
    let header = move |column: SortColumn, numeric: bool| {
        let aria = move || aria_sort(sort.get(), column);
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
        <section class="table-section table-area" aria-labelledby="table-title" node_ref=section>
            // The sources' loading line sits beside the heading, so that neither its coming nor
            // its going moves the rows (a reader may be looking at them: the first screen has
            // the first ten).
            <div class="table-head">
                <h2 id="table-title">
                    "Incidents " <span class="muted">{move || format!("({})", crate::format::grouped(total.get() as u64))}</span>
                </h2>
                <DetailsStatus requests=true/>
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
                        <For each=rows_on_basis key=|(row, basis)| (*row, *basis) let:item>
                            <Row index=item.0 basis=item.1 details=details shown=shown page=page/>
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || { total.get() > rows.with(Vec::len) }>
                <div class="table-more">
                    <span class="muted">
                        {move || showing(rows.with(Vec::len), total.get())}
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
