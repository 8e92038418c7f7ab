//! Headline numbers for the current selection, each with its raw value in `data-value` and,
//! where a report covers the same scope, the reported figure beside it.

use super::app::use_explorer;
use crate::data::ReportedValue;
use crate::data::{Attribution, Basis, Year};
use crate::data::{INCIDENTS, REPORTED_FIGURES};
use crate::format;
use crate::query::reconcile::{
    primary_figure, primary_reported, reconcile, Comparison, Measure, Scope,
};
use crate::summary::{change_pct, change_years};
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
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] raw: Signal<String>,
    #[prop(into)] reported: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="kpi" data-testid=testid data-value=move || raw.get()>
            <p class="kpi-label">{move || label.get()}</p>
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
                match primary_figure(c, year, scope, measure) {
                    Some(figure) => {
                        let value = match measure {
                            Measure::Usd => format::usd(figure.reported),
                            Measure::Count => format::incidents(figure.reported),
                        };
                        Some(format!("Chainalysis: {value}"))
                    }
                    // A dollar figure without a count: say so rather than leave a gap that
                    // reads as zero.
                    None if measure == Measure::Count
                        && primary_figure(c, year, scope, Measure::Usd).is_some() =>
                    {
                        Some("Chainalysis: count not published".to_string())
                    }
                    None => None,
                }
            })
        })
    };
    let total = Memo::new(move |_| b.with(|b| b.total.total()));
    let share = Memo::new(move |_| b.with(|b| b.total.dprk_share()));
    // Change between the last two years in view.
    let pair = Memo::new(move |_| explorer.state.with(|s| change_years(&s.filters)));
    let change = Memo::new(move |_| {
        let (before, after) = pair.get()?;
        b.with(|b| change_pct(b.year(before).total().usd, b.year(after).total().usd))
    });
    let change_label = Signal::derive(move || match pair.get() {
        Some((before, after)) => format!("Change {} → {}", before.slug(), after.slug()),
        None => "Change on the year before".to_string(),
    });
    view! {
        <section class="kpis" aria-label="Headline numbers">
            <Kpi
                testid="kpi-stolen"
                label="Stolen".to_string()
                value=Signal::derive(move || format::usd(total.get().usd))
                raw=Signal::derive(move || total.get().usd.to_string())
                reported=reported(Measure::Usd)
            />
            <Kpi
                testid="kpi-incidents"
                label="Incidents".to_string()
                value=Signal::derive(move || format::incidents(u64::from(total.get().count)))
                raw=Signal::derive(move || total.get().count.to_string())
                reported=reported(Measure::Count)
            />
            <Kpi
                testid="kpi-dprk-share"
                label="DPRK-linked share of value".to_string()
                value=Signal::derive(move || share.get().map_or("–".into(), |s| format::percent(s.value_pct)))
                raw=Signal::derive(move || share.get().map_or(String::new(), |s| format!("{:.2}", s.value_pct)))
                reported=Signal::derive(move || {
                    let (year, scope) = scope.get()?;
                    if scope != Scope::All {
                        return None;
                    }
                    primary_reported(REPORTED_FIGURES, year, "dprk_share_pct")
                        .and_then(|f| match f.value {
                            ReportedValue::Percent(p) => Some(format!("Chainalysis: {}", format::percent(p))),
                            _ => None,
                        })
                })
            />
            <Kpi
                testid="kpi-change"
                label=change_label
                value=Signal::derive(move || change.get().map_or("–".into(), format::change_percent))
                raw=Signal::derive(move || change.get().map_or(String::new(), |c| format!("{c:.2}")))
                reported=Signal::derive(|| None::<String>)
            />
        </section>
    }
}
