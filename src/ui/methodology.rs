//! Methodology and citation: what was counted, what the attribution levels mean, why our sums
//! differ from Chainalysis' (computed), known gaps, how to cite, licence, full downloads.

use super::browser;
use super::context::{use_explorer, use_figure};
use super::modal::Modal;
use crate::data::{Attribution, Basis, Scope as Kind, DATA_VERSION, INCIDENTS, REPORTED_FIGURES};
use crate::methodology::{
    citation, count_attribution, count_disputed, count_kind, face_value_names, kinds_left_out,
    reconciliation_cells, restatement_sentence,
};
use crate::query::reconcile::reconciliation_rows;
use leptos::prelude::*;

#[component]
fn Reconciliation() -> impl IntoView {
    let explorer = use_explorer();
    // Only a change of basis changes these rows: a memo keeps every other change from
    // rebuilding the table.
    let basis = Memo::new(move |_| explorer.state.with(|s| s.filters.basis));
    move || reconciliation_table(basis.get())
}

fn reconciliation_table(basis: Basis) -> impl IntoView {
    let rows = reconciliation_rows(INCIDENTS, REPORTED_FIGURES, basis)
        .into_iter()
        .map(|row| {
            let [ours, reported, coverage] = reconciliation_cells(&row);
            view! {
                <tr>
                    <th scope="row">{row.year.slug()} " · " {row.label}</th>
                    <td class="num">{ours}</td>
                    <td class="num">{reported}</td>
                    <td class="num">{coverage}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="muted">"Thefts only, counted as " {basis.phrase()} " (change it with “Count losses as”)."</p>
        <table class="incidents reconciliation" data-testid="reconciliation">
            <thead>
                <tr>
                    <th scope="col">"Scope"</th>
                    <th scope="col" class="num">"Our rows"</th>
                    <th scope="col" class="num">"Chainalysis (newest year-end report)"</th>
                    <th scope="col" class="num">"Ours as share"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
pub fn Methodology(open: RwSignal<bool>) -> impl IntoView {
    let figure = use_figure();
    let explorer = use_explorer();
    let count = |a: Attribution| count_attribution(INCIDENTS, a);
    let cite = move || {
        let link = explorer
            .state
            .with(|s| crate::state::links::share_link(&browser::page_url(), s));
        citation(&figure.title.get(), DATA_VERSION, &link, browser::today())
    };
    view! {
        <Modal open=open title_id="methodology-title" title="Methodology and sources" class="methodology" testid="methodology">
            <h3>"What counts as an incident"</h3>
            <p>
                "The data covers " {crate::data::years_phrase(crate::data::Year::ALL)} ". One row per theft of crypto assets — a hack, smart-contract exploit, key compromise, phishing or insider theft — dated to the day of the theft (not its disclosure), with a dollar loss stated by a public source at the time. We aimed for every theft of $1M or more that a public source documents; "
                {INCIDENTS.len()} " incidents are listed, "
                {count_kind(INCIDENTS, Kind::Theft)} " of them thefts. The others are kept, marked and left out of every total unless you tick them under “What counts”: "
                {kinds_left_out(INCIDENTS)} "."
            </p>
            <h3>"Counting losses"</h3>
            <ul>
                <li><strong>"Realised"</strong> " (the default): what the thieves could actually sell. A few thefts minted or manipulated tokens whose face value no market would pay ("
                    {face_value_names(INCIDENTS)} "); these count at the amount a source says was cashed out."</li>
                <li><strong>"As first reported"</strong> ": the loss as first reported, face values included."</li>
                <li><strong>"Net of recoveries"</strong> ": realised minus funds returned, frozen or refunded where a source states an amount, never below zero."</li>
            </ul>
            <h3>"What “DPRK-linked” means"</h3>
            <ul>
                <li><strong>"DPRK (confirmed)"</strong> " (" {count(Attribution::DprkConfirmed)} " incidents): attributed by a government, a court filing, a sanctions body or office (the UN Panel of Experts; the 11-government Multilateral Sanctions Monitoring Team report), or by the victim's own forensic investigation."</li>
                <li><strong>"DPRK (suspected)"</strong> " (" {count(Attribution::DprkSuspected)} "): attributed by a named investigator or analytics firm (for example ZachXBT, Taylor Monahan, Elliptic, Chainalysis, TRM Labs)."</li>
                <li><strong>"Disputed"</strong> " (" {count_disputed(INCIDENTS)} "): a credible party rejects the attribution, for example an official listing that a leading investigator rejects. The row says who and why; both sides stay in the table."</li>
                <li><strong>"Other actor"</strong> " (" {count(Attribution::Other)} ") and " <strong>"unattributed"</strong> " (" {count(Attribution::Unknown)} ")."</li>
            </ul>
            <p>"“DPRK-linked” in charts and numbers means confirmed + suspected. Each row in the table says who made the attribution and links its sources, best first: official documents and the victim's own statements, then investigators and newsrooms, then lists and sites that repeat them."</p>
            <h3>"Why our sums differ from Chainalysis"</h3>
            <Reconciliation/>
            <p>
                "Chainalysis counts every incident it sees, most of them small or never named publicly; its DPRK attribution is partly proprietary. Our list names the incidents a reader can check."
            </p>
            <p data-testid="restatements">{restatement_sentence(REPORTED_FIGURES)}</p>
            <h3>"How to cite"</h3>
            <p class="citation" data-testid="citation">{cite}</p>
            <h3>"Data and licence"</h3>
            <p>
                "The compiled dataset is free to reuse under CC BY 4.0 (credit “Crypto Heist Explorer”); the facts come from the sources linked on each row. Download the full dataset: "
                <a href="data/incidents.csv" download>"incidents.csv"</a> ", its "
                <a href="data/sources.csv" download>"sources"</a> ", "
                <a href="data/aggregates.csv" download>"reported figures"</a> ", "
                <a href="data/events.csv" download>"events"</a> ", and the "
                <a href="data/SOURCES.md">"sources and method notes"</a> "."
            </p>
        </Modal>
    }
}
