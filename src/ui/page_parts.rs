//! Small pieces of the page: the empty state, links out of an embed, the theme switch, and the
//! test-only panic trigger.

use super::context::use_explorer;
use crate::query::Filters;
use crate::state::{links::explore_link, Theme};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn EmptyState() -> impl IntoView {
    let explorer = use_explorer();
    view! {
        <div class="empty-state" data-testid="empty-state" role="status">
            <p>"No incidents match these filters."</p>
            <button
                type="button"
                data-testid="empty-reset"
                on:click=move |_| explorer.update(false, |s| s.filters = Filters::default())
            >
                "Reset filters"
            </button>
        </div>
    }
}

/// The full explorer's URL for the current state (embed options dropped).
fn full_explorer_href() -> Memo<String> {
    let explorer = use_explorer();
    let location = use_location();
    Memo::new(move |_| {
        explorer
            .state
            .with(|s| explore_link(&location.pathname.get(), s))
    })
}

/// On a phone: opens the filters sheet, and says how many filters are on.
#[component]
pub fn FiltersButton(open: RwSignal<bool>) -> impl IntoView {
    let explorer = use_explorer();
    let active = Memo::new(move |_| explorer.state.with(|s| s.filters.active_count()));
    view! {
        <button
            type="button"
            class="filters-button"
            data-testid="open-filters"
            aria-haspopup="dialog"
            on:click=move |_| open.set(true)
        >
            {move || match active.get() {
                0 => "Filters".to_string(),
                n => format!("Filters ({n} on)"),
            }}
        </button>
    }
}

/// Opens the methodology panel in place.
#[component]
pub fn MethodologyButton(
    open: RwSignal<bool>,
    testid: &'static str,
    #[prop(optional)] class: &'static str,
    #[prop(default = "Methodology")] label: &'static str,
) -> impl IntoView {
    view! {
        <button type="button" class=class data-testid=testid on:click=move |_| open.set(true)>
            {label}
        </button>
    }
}

/// In embed mode: the methodology opens in the full explorer, in a new tab.
#[component]
pub fn MethodologyLink() -> impl IntoView {
    let href = full_explorer_href();
    view! {
        <a
            href=move || format!("{}#methodology", href.get())
            target="_blank"
            rel="noopener noreferrer"
            data-testid="source-methodology"
        >
            "Methodology"
        </a>
    }
}

/// In embed mode: a link to the full explorer with the same state, in a new tab.
#[component]
pub fn ExploreLink() -> impl IntoView {
    let href = full_explorer_href();
    view! {
        <a class="explore-link" data-testid="explore-link" href=href target="_blank" rel="noopener noreferrer">
            "Explore the data ↗"
        </a>
    }
}

/// Switches between light and dark; the choice goes into the URL (`theme=`).
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let explorer = use_explorer();
    let next = Memo::new(move |_| match explorer.theme.get() {
        Theme::Light => Theme::Dark,
        Theme::Dark => Theme::Light,
    });
    view! {
        <button
            type="button"
            class="theme-toggle"
            data-testid="theme-toggle"
            on:click=move |_| {
                let theme = next.get_untracked();
                explorer.update(false, |s| s.theme = Some(theme))
            }
        >
            {move || format!("{} theme", next.get().label())}
        </button>
    }
}

/// Only in builds with the `panic-trigger` feature (the E2E test build): a button that panics,
/// so the tests can prove the error panel replaces a blank page.
#[cfg(feature = "panic-trigger")]
pub fn panic_trigger() -> impl IntoView {
    view! {
        <button type="button" data-testid="panic-trigger" on:click=|_| panic!("test-only panic trigger")>
            "Trigger a panic (test build)"
        </button>
    }
}

#[cfg(not(feature = "panic-trigger"))]
pub fn panic_trigger() -> impl IntoView {}
