//! The incident table's parts that need no browser: how many rows a page holds and how many
//! are in the document at first, what a loss cell says on hover, and the table's first rows as
//! HTML for the pre-rendered first screen (`first_screen`), in the live table's markup
//! (`ui::incident_table`) so that the stylesheet lays both out alike.
//!
//! The first rows come without their sources, as the live table's do until the notes and
//! sources have loaded (`ui::details`): with them the page's HTML grew from 13.6 to 17.9 KB
//! brotli, past what a new connection's first round trip carries (about 14 KB), and in
//! Lighthouse's slow 4G the largest paint came 150 ms later (755 → 903 ms).

use crate::data::{Basis, Incident, Scope, Valuation};
use crate::format::{self, escape_html as esc};
use crate::query::{Breakdown, Sort, SortColumn};
use crate::source_links::{more_sources_label, source_names_html};
use crate::state::links::view_link;
use crate::state::ViewState;
use std::fmt::Write;

/// Rows in a page of the table, and added by its "Show more".
pub const PAGE: usize = 50;

/// Rows in the document while the table sits below the chart, before it nears the window
/// (`ui::rows_in_dom` adds the rest as it does); also the first screen's rows.
pub const FIRST_ROWS: usize = 10;

/// The loss cell's note: the value on the basis, and what else a reader needs to read it.
pub fn loss_detail(row: &Incident, basis: Basis) -> String {
    let mut parts = vec![format!(
        "As first reported: {}",
        format::usd_exact(row.loss_usd)
    )];
    if row.valuation == Valuation::FaceValue {
        parts.push(format!(
            "face value of minted or manipulated tokens; realised: {}",
            format::usd_exact(row.realised())
        ));
    }
    if let Some(recovered) = row.recovered_usd {
        parts.push(format!("recovered: {}", format::usd_exact(recovered)));
    }
    parts.push(format!("shown: {}", basis.short()));
    parts.join("; ")
}

/// "Showing 50 of 261": how much of the selection the table lists.
pub fn showing(listed: usize, total: usize) -> String {
    format!(
        "Showing {} of {}",
        format::grouped(listed as u64),
        format::grouped(total as u64)
    )
}

/// The explorer as it is, with this incident's page open: a plain link, so it can be opened in
/// a new tab, copied or bookmarked; the live app's router keeps a click inside it. `page` is
/// the page's address without its query ("" for a link relative to the page).
pub fn incident_href(page: &str, state: &ViewState, id: &'static str) -> String {
    let mut next = state.clone();
    next.incident = Some(id);
    view_link(page, &next)
}

/// A column header's `aria-sort` under `sort`.
pub fn aria_sort(sort: Sort, column: SortColumn) -> &'static str {
    if sort.column != column {
        "none"
    } else if sort.descending {
        "descending"
    } else {
        "ascending"
    }
}

/// The attribution badge's classes: DPRK-linked rows stand out.
pub fn attribution_badge(row: &Incident) -> &'static str {
    if row.attribution.is_dprk() {
        "badge dprk"
    } else {
        "badge"
    }
}

/// Whether the loss cell marks its figure as face value: a face-value row counted as first
/// reported.
pub fn marks_face_value(row: &Incident, basis: Basis) -> bool {
    row.valuation == Valuation::FaceValue && basis == Basis::Reported
}

/// The table as the live one first shows the default selection: its heading with the count,
/// the sortable headers, the first [`FIRST_ROWS`] rows of the default order (their sources
/// named, not yet linked), and the "Show more" line (saying how many rows are here). Its
/// links work without the app; its buttons name the live ones (`data-static-action`), which
/// the app clicks for a reader who clicked one before it had taken over.
pub fn first_rows_html(incidents: &'static [Incident], b: &Breakdown, state: &ViewState) -> String {
    let sort = state.sort;
    let basis = state.filters.basis;
    let page = crate::query::sort::sorted_page(incidents, &b.rows, sort, PAGE, basis);
    let total = b.rows.len();
    let mut html = String::new();
    let _ = write!(
        html,
        "<section class=\"table-section table-area static-default\" aria-label=\"Incidents\">\
         <div class=\"table-head\"><h2>Incidents <span class=\"muted\">({})</span></h2>\
         <p class=\"details-status muted\" role=\"status\">{}</p></div>\
         <div class=\"table-scroll\"><table class=\"incidents\"><thead><tr>",
        format::grouped(total as u64),
        crate::page_copy::LOADING_DETAILS
    );
    for column in SortColumn::ALL.iter().copied() {
        let aria = aria_sort(sort, column);
        let num = if column == SortColumn::Loss {
            " class=\"num\""
        } else {
            ""
        };
        let _ = write!(
            html,
            "<th scope=\"col\"{num} aria-sort=\"{aria}\"><button type=\"button\" data-static-action=\"sort-{}\">{}</button></th>",
            column.slug(),
            esc(column.label())
        );
    }
    html.push_str("</tr></thead><tbody>");
    for &index in page.iter().take(FIRST_ROWS) {
        row_html(&mut html, &incidents[index as usize], basis, state);
    }
    html.push_str("</tbody></table></div>");
    // The live table lists a page and adds its rows to the document as the reader nears them;
    // this one has only its first rows, and says so (a reader without script sees no more).
    let listed = page.len().min(FIRST_ROWS);
    if total > listed {
        let _ = write!(
            html,
            "<div class=\"table-more\"><span class=\"muted\">{}</span>\
             <button type=\"button\" data-static-action=\"table-more\">Show 50 more</button><button type=\"button\" data-static-action=\"table-all\">Show all</button></div>",
            showing(listed, total)
        );
    }
    html.push_str("</section>\n");
    html
}

/// One row, as `ui::incident_table::Row` writes it.
fn row_html(html: &mut String, row: &'static Incident, basis: Basis, state: &ViewState) {
    let href = incident_href("", state, row.id.as_ref());
    let _ = write!(
        html,
        "<tr data-id=\"{id}\"><td class=\"nowrap\">{date}</td><th scope=\"row\">\
         <a class=\"incident-name\" href=\"{href}\">{name}</a>",
        id = esc(&row.id),
        date = esc(&format::date(row.date)),
        href = esc(&href),
        name = esc(&row.name),
    );
    if row.scope != Scope::Theft {
        let _ = write!(
            html,
            "<span class=\"scope-tag\" title=\"{}\">{}</span>",
            esc(row.scope.label()),
            esc(row.scope.tag())
        );
    }
    let more = more_sources_label(row.source_names.len())
        .map(|label| {
            format!(
                "<a class=\"sources-more\" href=\"{}\">{}</a>",
                esc(&href),
                esc(&label)
            )
        })
        .unwrap_or_default();
    let _ = write!(
        html,
        "<span class=\"row-sources\"><span class=\"sources\">{sources}</span>{more}</span></th>\
         <td>{category}</td><td>{vector}</td><td><span class=\"{badge}\">{attribution}</span>",
        sources = source_names_html(row),
        badge = attribution_badge(row),
        category = esc(row.category.label()),
        vector = esc(row.vector.label()),
        attribution = esc(row.attribution.label()),
    );
    if row.is_disputed() {
        let _ = write!(
            html,
            "<span class=\"badge disputed\" title=\"{by}\">disputed</span><span class=\"disputed-by\">{by}</span>",
            by = esc(&row.disputed_by)
        );
    }
    let value = row.value(basis);
    let _ = write!(
        html,
        "<span class=\"attributed-by\">{by}</span></td>\
         <td class=\"num\" title=\"{detail}\" data-value=\"{value}\">{usd}",
        by = esc(&row.attribution_by),
        detail = esc(&loss_detail(row, basis)),
        usd = esc(&format::usd(value)),
    );
    if marks_face_value(row, basis) {
        html.push_str("<span class=\"muted small\"> face value</span>");
    }
    html.push_str("</td></tr>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::INCIDENTS;
    use crate::query::Filters;

    #[test]
    fn the_first_rows_are_the_live_tables_first_rows() {
        let b = crate::canonical::breakdown();
        let html = first_rows_html(INCIDENTS, &b, &ViewState::default());
        let page = crate::query::sort::sorted_page(
            INCIDENTS,
            &b.rows,
            Sort::default(),
            PAGE,
            Filters::default().basis,
        );
        let ids: Vec<&str> = html
            .split("<tr data-id=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').expect("the id ends")])
            .collect();
        let expected: Vec<String> = page
            .iter()
            .take(FIRST_ROWS)
            .map(|&i| esc(&INCIDENTS[i as usize].id))
            .collect();
        assert_eq!(ids, expected);
        assert_eq!(ids.len(), FIRST_ROWS);
        // The largest loss first, as the live table's default order has it.
        let first = &INCIDENTS[page[0] as usize];
        assert!(html.contains(&format!(">{}</a>", esc(&first.name))));
        assert!(html.contains(&format!("href=\"?incident={}\"", esc(&first.id))));
        // The sources named without their links, as in the live table until they have loaded.
        for &i in page.iter().take(FIRST_ROWS) {
            let row = &INCIDENTS[i as usize];
            let names = source_names_html(row);
            assert!(!names.is_empty(), "{}", row.id);
            let more = more_sources_label(row.source_names.len()).map_or(String::new(), |label| {
                format!(
                    "<a class=\"sources-more\" href=\"?incident={}\">{label}</a>",
                    row.id
                )
            });
            assert!(
                html.contains(&format!(
                    "<span class=\"sources\">{names}</span>{more}</span>"
                )),
                "{}",
                row.id
            );
        }
        // The largest thefts have the most sources: some row leaves some to its page.
        assert!(html.contains(" more sources</a>"));
        assert!(!html.contains("https://"));
        // The live table's loading line, which on a phone takes a line of its own.
        assert!(html.contains(crate::page_copy::LOADING_DETAILS));
        assert!(html.contains(&format!("({})", format::grouped(b.rows.len() as u64))));
        assert!(html.contains(&showing(FIRST_ROWS, b.rows.len())));
        assert_eq!(html.matches("aria-sort=\"descending\"").count(), 1);
        assert!(!html.contains("data-testid"));
    }

    #[test]
    fn a_loss_cell_says_what_was_reported_realised_and_recovered() {
        let face = INCIDENTS
            .iter()
            .find(|r| r.valuation == Valuation::FaceValue && r.recovered_usd.is_some())
            .or_else(|| {
                INCIDENTS
                    .iter()
                    .find(|r| r.valuation == Valuation::FaceValue)
            })
            .expect("a face-value row");
        let detail = loss_detail(face, Basis::Realised);
        assert!(detail.starts_with(&format!(
            "As first reported: {}",
            format::usd_exact(face.loss_usd)
        )));
        assert!(detail.contains(&format!("realised: {}", format::usd_exact(face.realised()))));
        assert!(detail.ends_with(&format!("shown: {}", Basis::Realised.short())));
    }
}
