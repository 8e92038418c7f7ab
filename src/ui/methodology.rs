//! Methodology and citation: what was counted, what the attribution levels mean, why our sums
//! differ from Chainalysis' (computed), known gaps, how to cite, licence, full downloads.

use super::app::use_figure;
use super::modal::Modal;
use crate::data::{Attribution, Year, DATA_VERSION, INCIDENTS, REPORTED_FIGURES};
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
    let totals = dataset_totals(INCIDENTS);
    let comparisons = reconcile(INCIDENTS, REPORTED_FIGURES);
    let rows = Year::ALL
        .iter()
        .flat_map(|year| {
            let t = totals[year.index()];
            [
                (*year, "All thefts", t.all, Some(Scope::All)),
                (*year, "DPRK confirmed", t.dprk_confirmed, None),
                (*year, "DPRK confirmed + suspected", t.dprk, Some(Scope::Dprk)),
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
                        "{}{}",
                        format::usd(usd),
                        count.map(|c| format!(" · {}", format::incidents(c))).unwrap_or_default()
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
        <table class="incidents reconciliation" data-testid="reconciliation">
            <thead>
                <tr>
                    <th scope="col">"Scope"</th>
                    <th scope="col" class="num">"Our rows"</th>
                    <th scope="col" class="num">"Chainalysis (Dec 2024)"</th>
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
    let count = |a: Attribution| INCIDENTS.iter().filter(|r| r.attribution == a).count();
    let citation = move || {
        format!(
            "Crypto Heist Explorer, “{}” (data version {}), {}. Accessed {}.",
            figure.title.get(),
            &DATA_VERSION[..8],
            super::share_menu::current_href(),
            today()
        )
    };
    view! {
        <Modal open=open title_id="methodology-title" title="Methodology and sources" class="methodology" testid="methodology">
            <h3>"What counts as an incident"</h3>
            <p>
                "One row per theft of crypto assets in 2023 or 2024 — a hack, smart-contract exploit, key compromise, phishing or insider theft — dated to the day of the theft (not its disclosure), with a dollar loss stated by a public source at the time. We aimed for every theft of $1M or more that a public source documents; "
                {INCIDENTS.len()} " incidents are listed. Amounts are as reported, not adjusted for later price moves or recoveries (recovered amounts are shown where a source states them)."
            </p>
            <h3>"What “DPRK-linked” means"</h3>
            <ul>
                <li><strong>"DPRK (confirmed)"</strong> " (" {count(Attribution::DprkConfirmed)} " incidents): attributed by a government (FBI, the US–Japan–South Korea joint statement, Japan's NPA), by the victim's own forensic investigation, or by strong public on-chain evidence."</li>
                <li><strong>"DPRK (suspected)"</strong> " (" {count(Attribution::DprkSuspected)} "): attributed by analysts and researchers (ZachXBT, Elliptic, Cyvers, Taylor Monahan's Lazarus research, the multilateral sanctions monitoring report as reported)."</li>
                <li><strong>"Other actor"</strong> " (" {count(Attribution::Other)} ") and " <strong>"unattributed"</strong> " (" {count(Attribution::Unknown)} ")."</li>
            </ul>
            <p>"“DPRK-linked” in charts and numbers means confirmed + suspected. Each row in the table says who made the attribution."</p>
            <h3>"Why our sums differ from Chainalysis"</h3>
            <Reconciliation/>
            <p>
                "Chainalysis counts 303 incidents in 2024 and 282 in 2023, most of them small or never named publicly; its DPRK attribution is partly proprietary. Our list names the incidents a reader can check. Some rows carry the face value of minted or manipulated tokens (PlayDapp, BonqDAO, Shido) or funds that were later returned (Euler, Munchables), which inflates sums; search “nominal” or “returned” to see them. Chainalysis also revised its own 2023 DPRK figure from about $1B to $660.5M."
            </p>
            <h3>"How to cite"</h3>
            <p class="citation" data-testid="citation">{citation}</p>
            <h3>"Data and licence"</h3>
            <p>
                "The compiled dataset is free to reuse under CC BY 4.0 (credit “Crypto Heist Explorer”); the facts come from the sources linked on each row. Download the full dataset: "
                <a href="data/incidents.csv" download>"incidents.csv"</a> ", "
                <a href="data/aggregates.csv" download>"reported figures"</a> ", "
                <a href="data/events.csv" download>"events"</a> ", and the "
                <a href="data/SOURCES.md">"sources and method notes"</a> "."
            </p>
        </Modal>
    }
}
