//! Headline numbers for the current selection, each with its raw value in `data-value` and,
//! where a report covers the same scope, the reported figure beside it.

use super::app::use_explorer;
use crate::data::ReportedValue;
use crate::data::{Attribution, Basis, Year};
use crate::data::{INCIDENTS, REPORTED_FIGURES};
use crate::format;
use crate::query::reconcile::{
    primary_figure, reconcile, Comparison, Measure, Scope, PRIMARY_SOURCE,
};
use crate::summary::change_pct;
use leptos::prelude::*;

/// The report scope the selection matches, if any: exactly one year, and no filter but
/// attribution = everyone or DPRK (confirmed + suspected).
fn reported_scope(state: &crate::state::ViewState) -> Option<(Year, Scope)> {
    let f = &state.filters;
    let year = match f.years.iter().collect::<Vec<_>>().as_slice() {
        [one] => *one,
        _ => return None,
    };
    let others_empty = f.categories.is_empty()
        && f.vectors.is_empty()
        && f.chains.is_empty()
        && f.min_usd.is_none()
        && f.max_usd.is_none()
        && f.from.is_none()
        && f.to.is_none()
        && f.text.trim().is_empty()
        && f.effective_scopes() == crate::data::Scope::default_set();
    let scope = if f.attributions.is_empty() {
        Scope::All
    } else if f.attributions == Attribution::dprk_linked() {
        Scope::Dprk
    } else {
        return None;
    };
    others_empty.then_some((year, scope))
}

#[component]
fn Kpi(
    testid: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] raw: Signal<String>,
    #[prop(into)] reported: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="kpi" data-testid=testid data-value=move || raw.get()>
            <p class="kpi-label">{label}</p>
            <p class="kpi-value">{move || value.get()}</p>
            <p class="kpi-reported">{move || reported.get().unwrap_or_default()}</p>
        </div>
    }
}

#[component]
pub fn Headline() -> impl IntoView {
    let explorer = use_explorer();
    let b = explorer.breakdown;
    let comparisons: StoredValue<Vec<Comparison>> =
        // Only the reported side is read here, and it does not depend on the basis.
        StoredValue::new(reconcile(INCIDENTS, REPORTED_FIGURES, Basis::default()));
    let scope = Memo::new(move |_| explorer.state.with(reported_scope));
    let reported = move |measure: Measure| {
        Signal::derive(move || {
            let (year, scope) = scope.get()?;
            comparisons.with_value(|c| {
                primary_figure(c, year, scope, measure).map(|c| {
                    let value = match measure {
                        Measure::Usd => format::usd(c.reported),
                        Measure::Count => format::incidents(c.reported),
                    };
                    format!("Chainalysis: {value}")
                })
            })
        })
    };
    let total = Memo::new(move |_| b.with(|b| b.total.total()));
    let share = Memo::new(move |_| b.with(|b| b.total.dprk_share()));
    // Change between the two years of the selection (both years must be in view).
    let change = Memo::new(move |_| {
        let years = explorer.state.with(|s| s.filters.years);
        if !(years.is_empty() || years.len() == 2) {
            return None;
        }
        b.with(|b| {
            change_pct(
                b.year(Year::Y2023).total().usd,
                b.year(Year::Y2024).total().usd,
            )
        })
    });
    view! {
        <section class="kpis" aria-label="Headline numbers">
            <Kpi
                testid="kpi-stolen"
                label="Stolen"
                value=Signal::derive(move || format::usd(total.get().usd))
                raw=Signal::derive(move || total.get().usd.to_string())
                reported=reported(Measure::Usd)
            />
            <Kpi
                testid="kpi-incidents"
                label="Incidents"
                value=Signal::derive(move || format::incidents(u64::from(total.get().count)))
                raw=Signal::derive(move || total.get().count.to_string())
                reported=reported(Measure::Count)
            />
            <Kpi
                testid="kpi-dprk-share"
                label="DPRK-linked share of value"
                value=Signal::derive(move || share.get().map_or("–".into(), |s| format::percent(s.value_pct)))
                raw=Signal::derive(move || share.get().map_or(String::new(), |s| format!("{:.2}", s.value_pct)))
                reported=Signal::derive(move || {
                    let (year, scope) = scope.get()?;
                    if scope != Scope::All {
                        return None;
                    }
                    REPORTED_FIGURES
                        .iter()
                        .find(|f| {
                            f.source == PRIMARY_SOURCE
                                && f.year == year.number()
                                && f.metric == "dprk_share_pct"
                        })
                        .and_then(|f| match f.value {
                            ReportedValue::Percent(p) => Some(format!("Chainalysis: {}", format::percent(p))),
                            _ => None,
                        })
                })
            />
            <Kpi
                testid="kpi-change"
                label="Change 2023 → 2024"
                value=Signal::derive(move || change.get().map_or("–".into(), format::change_percent))
                raw=Signal::derive(move || change.get().map_or(String::new(), |c| format!("{c:.2}")))
                reported=Signal::derive(|| None::<String>)
            />
        </section>
    }
}
