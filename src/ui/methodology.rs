//! Methodology and citation: what was counted, what the attribution levels mean, why our sums
//! differ from Chainalysis' (computed), known gaps, how to cite, licence, full downloads.

use super::app::{use_explorer, use_figure};
use super::modal::Modal;
use crate::data::{
    Attribution, Basis, Scope as Kind, Year, DATA_VERSION, INCIDENTS, REPORTED_FIGURES,
};
use crate::format;
use crate::query::reconcile::{dataset_totals, primary_figure, reconcile, Measure, Scope};
use leptos::prelude::*;

fn today() -> String {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .map(format::date)
        .unwrap_or_default()
}

#[component]
fn Reconciliation() -> impl IntoView {
    let explorer = use_explorer();
    move || {
        let basis = explorer.state.with(|s| s.filters.basis);
        reconciliation_table(basis)
    }
}

fn reconciliation_table(basis: Basis) -> impl IntoView {
    let totals = dataset_totals(INCIDENTS, basis);
    let comparisons = reconcile(INCIDENTS, REPORTED_FIGURES, basis);
    let rows = Year::ALL
        .iter()
        .flat_map(|year| {
            let t = totals[year.index()];
            [
                (*year, "All thefts", t.all, Some(Scope::All)),
                (*year, "DPRK confirmed", t.dprk_confirmed, None),
                (*year, "DPRK confirmed + suspected", t.dprk, Some(Scope::Dprk)),
                (*year, "… leaving out disputed attributions", t.dprk_undisputed, Some(Scope::Dprk)),
            ]
        })
        .map(|(year, label, tally, scope)| {
            let reported = scope.map(|scope| {
                let usd = primary_figure(&comparisons, year, scope, Measure::Usd).map(|c| c.reported);
                let count = primary_figure(&comparisons, year, scope, Measure::Count).map(|c| c.reported);
                (usd, count)
            });
            let (reported_text, coverage) = match reported {
                Some((Some(usd), count)) => (
                    format!(
                        "{} · {}",
                        format::usd(usd),
                        count.map_or("incident count not published".to_string(), format::incidents)
                    ),
                    format::percent(tally.usd as f64 / usd as f64 * 100.0),
                ),
                _ => ("–".to_string(), "–".to_string()),
            };
            view! {
                <tr>
                    <th scope="row">{year.slug()} " · " {label}</th>
                    <td class="num">{format::usd(tally.usd)} " · " {format::incidents(u64::from(tally.count))}</td>
                    <td class="num">{reported_text}</td>
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

fn count_kind(kind: Kind) -> usize {
    INCIDENTS.iter().filter(|r| r.scope == kind).count()
}

/// "3 white-hat or research exploits, 1 rug pull…": the kinds left out of the totals.
fn other_kinds() -> String {
    let parts: Vec<String> = Kind::ALL
        .iter()
        .copied()
        .filter(|k| *k != Kind::Theft)
        .map(|k| format!("{} × {}", count_kind(k), k.label().to_lowercase()))
        .collect();
    parts.join("; ")
}

fn face_value_names() -> String {
    let names: Vec<&str> = INCIDENTS
        .iter()
        .filter(|r| r.valuation == crate::data::Valuation::FaceValue)
        .map(|r| r.name.as_ref())
        .collect();
    names.join(", ")
}

fn disputed_count() -> usize {
    INCIDENTS.iter().filter(|r| r.is_disputed()).count()
}

#[component]
pub fn Methodology(open: RwSignal<bool>) -> impl IntoView {
    let figure = use_figure();
    let explorer = use_explorer();
    let count = |a: Attribution| INCIDENTS.iter().filter(|r| r.attribution == a).count();
    let citation = move || {
        format!(
            "Crypto Heist Explorer, “{}” (data version {}), {}. Accessed {}.",
            figure.title.get(),
            &DATA_VERSION[..8],
            explorer.state.with(super::share_menu::shareable_href),
            today()
        )
    };
    view! {
        <Modal open=open title_id="methodology-title" title="Methodology and sources" class="methodology" testid="methodology">
            <h3>"What counts as an incident"</h3>
            <p>
                "The data covers " {crate::data::years_phrase(crate::data::Year::ALL)} ". One row per theft of crypto assets — a hack, smart-contract exploit, key compromise, phishing or insider theft — dated to the day of the theft (not its disclosure), with a dollar loss stated by a public source at the time. We aimed for every theft of $1M or more that a public source documents; "
                {INCIDENTS.len()} " incidents are listed, "
                {count_kind(Kind::Theft)} " of them thefts. The others are kept, marked and left out of every total unless you tick them under “What counts”: "
                {other_kinds()} "."
            </p>
            <h3>"Counting losses"</h3>
            <ul>
                <li><strong>"Realised"</strong> " (the default): what the thieves could actually sell. A few thefts minted or manipulated tokens whose face value no market would pay ("
                    {face_value_names()} "); these count at the amount a source says was cashed out."</li>
                <li><strong>"As first reported"</strong> ": the loss as first reported, face values included."</li>
                <li><strong>"Net of recoveries"</strong> ": realised minus funds returned, frozen or refunded where a source states an amount, never below zero."</li>
            </ul>
            <h3>"What “DPRK-linked” means"</h3>
            <ul>
                <li><strong>"DPRK (confirmed)"</strong> " (" {count(Attribution::DprkConfirmed)} " incidents): attributed by a government, a court filing, a sanctions body or office (the UN Panel of Experts; the 11-government Multilateral Sanctions Monitoring Team report), or by the victim's own forensic investigation."</li>
                <li><strong>"DPRK (suspected)"</strong> " (" {count(Attribution::DprkSuspected)} "): attributed by a named investigator or analytics firm (for example ZachXBT, Taylor Monahan, Elliptic, Chainalysis, TRM Labs)."</li>
                <li><strong>"Disputed"</strong> " (" {disputed_count()} "): a credible party rejects the attribution, for example an official listing that a leading investigator rejects. The row says who and why; both sides stay in the table."</li>
                <li><strong>"Other actor"</strong> " (" {count(Attribution::Other)} ") and " <strong>"unattributed"</strong> " (" {count(Attribution::Unknown)} ")."</li>
            </ul>
            <p>"“DPRK-linked” in charts and numbers means confirmed + suspected. Each row in the table says who made the attribution and links its sources, best first: official documents and the victim's own statements, then investigators and newsrooms, then lists and sites that repeat them."</p>
            <h3>"Why our sums differ from Chainalysis"</h3>
            <Reconciliation/>
            <p>
                "Chainalysis counts every incident it sees, most of them small or never named publicly; its DPRK attribution is partly proprietary. Our list names the incidents a reader can check. Chainalysis also revised its own 2023 DPRK figure from about $1B to $660.5M."
            </p>
            <h3>"How to cite"</h3>
            <p class="citation" data-testid="citation">{citation}</p>
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
