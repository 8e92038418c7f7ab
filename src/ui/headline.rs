//! Headline numbers for the current selection, each with its raw value in `data-value` and,
//! where a report covers the same scope, the reported figure beside it (`crate::kpis`).

use super::context::use_explorer;
use crate::data::REPORTED_FIGURES;
use crate::kpis::{kpis, Kpi, Kpis};
use leptos::prelude::*;

#[component]
fn KpiCard(testid: &'static str, kpi: Signal<Kpi>) -> impl IntoView {
    view! {
        <div class="kpi" data-testid=testid data-value=move || kpi.with(|k| k.raw.clone())>
            <p class="kpi-label">{move || kpi.with(|k| k.label.clone())}</p>
            <p class="kpi-value">{move || kpi.with(|k| k.value.clone())}</p>
            <p class="kpi-reported">{move || kpi.with(|k| k.reported.clone().unwrap_or_default())}</p>
        </div>
    }
}

#[component]
pub fn Headline() -> impl IntoView {
    let explorer = use_explorer();
    let all = Memo::new(move |_| {
        explorer.state.with(|s| {
            explorer.with_shown_and_base(|b, base| kpis(&s.filters, b, base, REPORTED_FIGURES))
        })
    });

    let one = |pick: fn(&Kpis) -> &Kpi| Signal::derive(move || all.with(|k| pick(k).clone()));
    view! {
        <section class="kpis" aria-label="Headline numbers">
            <KpiCard testid="kpi-stolen" kpi=one(|k| &k.stolen)/>
            <KpiCard testid="kpi-incidents" kpi=one(|k| &k.incidents)/>
            <KpiCard testid="kpi-dprk-share" kpi=one(|k| &k.dprk_share)/>
            <KpiCard testid="kpi-change" kpi=one(|k| &k.change)/>
        </section>
    }
}
