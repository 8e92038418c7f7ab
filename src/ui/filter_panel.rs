//! Filters, each option with the count of rows the reader would see after picking it.

use super::context::use_explorer;
use crate::data::{
    Attribution, Basis, Category, Chain, Scope, SlugSet, Vector, Year, FIRST_YEAR, LAST_YEAR,
};
use crate::query::{FacetValue, Filters};
use crate::state::{Bound, ViewState};
use chrono::NaiveDate;
use leptos::prelude::*;

/// One checkbox list for a facet. `field` picks the facet's set out of the filters.
#[component]
fn FacetList<T: FacetValue + Send + Sync>(
    legend: &'static str,
    key: &'static str,
    field: fn(&mut Filters) -> &mut SlugSet<T>,
    /// Options offered; a chain list would be long, so it hides empty, unselected ones.
    #[prop(optional)]
    hide_empty: bool,
) -> impl IntoView {
    let explorer = use_explorer();
    let selected = Memo::new(move |_| {
        let mut filters = explorer.state.with(|s| s.filters.clone());
        *field(&mut filters)
    });
    // A memo, so that a selection which leaves the same options offered (nearly every one)
    // updates their counts in place instead of rebuilding the list. It holds positions in
    // `T::ALL`, so every facet shares one memo type (wasm bytes).
    let offered = Memo::new(move |_| {
        T::ALL
            .iter()
            .enumerate()
            .filter(|(_, v)| {
                !hide_empty
                    || selected.get().contains(**v)
                    || explorer.breakdown.with(|b| b.facet_counts.of(**v)) > 0
            })
            .map(|(i, _)| i)
            .collect::<Vec<usize>>()
    });
    let options = move || {
        offered
            .get()
            .into_iter()
            .map(|i| {
                let value = T::ALL[i];
                // Plain closures, not memos: seventy options would otherwise add 140 graph nodes
                // to the first mount for values that are cheaper to recompute than to cache.
                let count = move || explorer.breakdown.with(|b| b.facet_counts.of(value));
                let checked = move || selected.get().contains(value);
                view! {
                    <label class="option" data-testid=format!("filter-{key}-{}", value.slug())>
                        <input
                            type="checkbox"
                            prop:checked=checked
                            on:change=move |_| {
                                explorer.update(false, |s: &mut ViewState| {
                                    let set = field(&mut s.filters);
                                    *set = set.toggled(value);
                                })
                            }
                        />
                        <span class="option-label">{value.label()}</span>
                        <span class="count" aria-label=move || format!("{} incidents", count())>
                            {count}
                        </span>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="facet" data-testid=format!("facet-{key}")>
            <legend>{legend}</legend>
            {options}
        </fieldset>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum BoundKind {
    Amount,
    Date,
}

/// A labelled amount or date input bound to one end of a range filter. Input the URL would
/// refuse is refused here too: the message appears under the input, the typed text stays, and
/// the filters and the link are left as they were.
#[component]
fn BoundInput(
    label: &'static str,
    testid: &'static str,
    kind: BoundKind,
    field: Bound,
) -> impl IntoView {
    let explorer = use_explorer();
    let date = kind == BoundKind::Date;
    let error = RwSignal::new(None::<String>);
    let day = |year, month, day| {
        NaiveDate::from_ymd_opt(year, month, day)
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let error_id = format!("{testid}-error");
    view! {
        <label>
            <span>{label}</span>
            <input
                type=if date { "date" } else { "text" }
                min=date.then(|| day(FIRST_YEAR, 1, 1))
                max=date.then(|| day(LAST_YEAR, 12, 31))
                inputmode=(!date).then_some("decimal")
                placeholder=(!date).then_some("e.g. 1m")
                autocomplete="off"
                data-testid=testid
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=error_id.clone()
                prop:value=move || explorer.state.with(|s| field.text(&s.filters))
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    let mut filters = explorer.state.with_untracked(|s| s.filters.clone());
                    match field.apply(&mut filters, &text) {
                        Ok(()) => {
                            error.set(None);
                            explorer.update(false, move |s| s.filters = filters);
                        }
                        Err(reason) => error.set(Some(format!("“{}”: {reason}", text.trim()))),
                    }
                }
            />
            <span class="input-error" id=error_id role="alert" data-testid=format!("{testid}-error")>
                {move || error.get().unwrap_or_default()}
            </span>
        </label>
    }
}

/// Which kinds of incident count. Thefts are counted unless the reader unticks them; the
/// rest (white-hat returns, rug pulls…) are listed so a reader can see what was left out.
#[component]
fn ScopeList() -> impl IntoView {
    let explorer = use_explorer();
    let selected = Memo::new(move |_| explorer.state.with(|s| s.filters.effective_scopes()));
    let options = Scope::ALL
        .iter()
        .copied()
        .map(|scope| {
            let count = move || explorer.breakdown.with(|b| b.facet_counts.of(scope));
            view! {
                <label class="option" data-testid=format!("filter-scope-{}", scope.slug())>
                    <input
                        type="checkbox"
                        prop:checked=move || selected.get().contains(scope)
                        on:change=move |_| {
                            explorer
                                .update(false, |s| {
                                    let next = s.filters.effective_scopes().toggled(scope);
                                    s.filters.set_scopes(next);
                                })
                        }
                    />
                    <span class="option-label">{scope.label()}</span>
                    <span class="count" aria-label=move || format!("{} incidents", count())>
                        {count}
                    </span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="facet" data-testid="facet-scope">
            <legend>"What counts"</legend>
            {options}
        </fieldset>
    }
}

/// How losses are counted: one choice of three, kept in the URL as `basis`.
#[component]
fn BasisChoice() -> impl IntoView {
    let explorer = use_explorer();
    let current = Memo::new(move |_| explorer.state.with(|s| s.filters.basis));
    let options = Basis::ALL
        .iter()
        .copied()
        .map(|basis| {
            view! {
                <label class="option" data-testid=format!("filter-basis-{}", basis.slug())>
                    <input
                        type="radio"
                        name="basis"
                        prop:checked=move || current.get() == basis
                        on:change=move |_| explorer.update(false, |s| s.filters.basis = basis)
                    />
                    <span class="option-label">{basis.label()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="facet basis" data-testid="filter-basis">
            <legend>"Count losses as"</legend>
            {options}
        </fieldset>
    }
}

#[component]
pub fn FilterPanel(
    /// Compact layout for embeds with `controls=1`.
    #[prop(into)]
    compact: Signal<bool>,
) -> impl IntoView {
    let explorer = use_explorer();
    let filters = Memo::new(move |_| explorer.state.with(|s| s.filters.clone()));
    let dprk_only =
        Memo::new(move |_| filters.with(|f| f.attributions == Attribution::dprk_linked()));
    view! {
        <aside class="filters" class:compact=compact aria-label="Filters">
            <div class="filters-head">
                <h2>"Filters"</h2>
                <button
                    type="button"
                    class="reset"
                    data-testid="reset"
                    disabled=move || filters.with(Filters::is_empty)
                    on:click=move |_| {
                        explorer
                            .update(false, |s| {
                                s.filters = Filters {
                                    basis: s.filters.basis,
                                    ..Filters::default()
                                }
                            })
                    }
                >
                    "Reset all"
                </button>
            </div>
            <label class="search">
                <span>"Search names and notes"</span>
                <input
                    type="search"
                    data-testid="search"
                    maxlength="100"
                    prop:value=move || filters.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        explorer.update(true, |s| s.filters.text = text)
                    }
                />
            </label>
            <label class="option dprk-shortcut" data-testid="filter-attr-dprk">
                <input
                    type="checkbox"
                    prop:checked=dprk_only
                    on:change=move |_| {
                        explorer.update(false, |s| {
                            s.filters.attributions = if s.filters.attributions == Attribution::dprk_linked() {
                                SlugSet::EMPTY
                            } else {
                                Attribution::dprk_linked()
                            };
                        })
                    }
                />
                <span class="option-label">"DPRK-linked only (confirmed + suspected)"</span>
            </label>
            <BasisChoice/>
            <FacetList<Year> legend="Year" key="year" field=|f| &mut f.years/>
            <FacetList<Attribution> legend="Attribution" key="attr" field=|f| &mut f.attributions/>
            <FacetList<Category> legend="Kind of victim" key="cat" field=|f| &mut f.categories/>
            <FacetList<Vector> legend="Attack vector" key="vec" field=|f| &mut f.vectors/>
            <ScopeList/>
            <details class="more-filters">
                <summary>"Chain, size and dates"</summary>
                <FacetList<Chain> legend="Chain" key="chain" field=|f| &mut f.chains hide_empty=true/>
                <fieldset class="facet range">
                    <legend>"Loss (USD)"</legend>
                    <BoundInput label="At least" testid="filter-min" kind=BoundKind::Amount field=Bound::MinUsd/>
                    <BoundInput label="At most" testid="filter-max" kind=BoundKind::Amount field=Bound::MaxUsd/>
                </fieldset>
                <fieldset class="facet range">
                    <legend>"Date"</legend>
                    <BoundInput label="From" testid="filter-from" kind=BoundKind::Date field=Bound::From/>
                    <BoundInput label="To" testid="filter-to" kind=BoundKind::Date field=Bound::To/>
                </fieldset>
            </details>
        </aside>
    }
}
