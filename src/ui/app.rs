//! The page: URL ⇄ state, the memos every component reads, and the layout.

use super::chart_host::ChartHost;
use super::filter_panel::FilterPanel;
use super::headline::Headline;
use super::incident_table::IncidentTable;
use super::notice::Notice;
use super::view_tabs::ViewTabs;
use crate::charts::{self, ChartInput, Narrowing, Palette};
use crate::data::{INCIDENTS, REPORTED_FIGURES, TIMELINE_EVENTS};
use crate::query::{Breakdown, Filters};
use crate::state::{self, Parsed, Theme, View, ViewState};
use crate::summary;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

/// What every component gets from context: the current state and how to change it.
#[derive(Clone, Copy)]
pub struct Explorer {
    pub parsed: Memo<Parsed>,
    pub state: Memo<ViewState>,
    pub breakdown: Memo<Breakdown>,
    /// `(next state, replace)`: `replace` keeps typing in the search box from flooding history.
    pub set_state: Callback<(ViewState, bool)>,
    pub theme: Memo<Theme>,
}

impl Explorer {
    pub fn update(&self, replace: bool, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        self.set_state.run((next, replace));
    }
}

pub fn use_explorer() -> Explorer {
    expect_context::<Explorer>()
}

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Page/>
        </Router>
    }
}

fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

#[component]
fn Page() -> impl IntoView {
    let location = use_location();
    let navigate = use_navigate();
    let parsed = Memo::new(move |_| state::parse(&location.search.get()));
    let state = Memo::new(move |_| parsed.with(|p| p.state.clone()));
    let filters = Memo::new(move |_| state.with(|s| s.filters.clone()));
    let breakdown = Memo::new(move |_| filters.with(|f| Breakdown::compute(INCIDENTS, f)));
    let pathname = location.pathname;
    let set_state = Callback::new(move |(next, replace): (ViewState, bool)| {
        let query = state::serialize(&next);
        let path = pathname.get_untracked();
        let url = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        navigate(
            &url,
            NavigateOptions {
                resolve: false,
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    });
    let prefers_dark = system_prefers_dark();
    let theme = Memo::new(move |_| {
        state.with(|s| s.theme).unwrap_or(if prefers_dark {
            Theme::Dark
        } else {
            Theme::Light
        })
    });
    let explorer = Explorer {
        parsed,
        state,
        breakdown,
        set_state,
        theme,
    };
    provide_context(explorer);

    Effect::new(move |_| {
        let theme = theme.get();
        let embed = state.with(|s| s.embed);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme.slug());
            let _ = root.set_attribute("data-embed", if embed { "1" } else { "0" });
        }
    });
    Effect::new(move |_| {
        let title = state.with(|s| {
            if s.view == View::Overview {
                "Crypto Heist Explorer: crypto theft 2023 vs 2024, North Korea vs everyone else"
                    .to_string()
            } else {
                format!("{} · Crypto Heist Explorer", s.view.label())
            }
        });
        document().set_title(&title);
    });

    let chart = Memo::new(move |_| {
        let view = state.with(|s| s.view);
        let years = filters.with(|f| f.years);
        breakdown.with(|b| {
            charts::build(
                view,
                &ChartInput {
                    breakdown: b,
                    incidents: INCIDENTS,
                    figures: REPORTED_FIGURES,
                    events: TIMELINE_EVENTS,
                    years,
                    palette: Palette::for_theme(theme.get()),
                },
            )
        })
    });
    let summary_text =
        Memo::new(move |_| filters.with(|f| breakdown.with(|b| summary::summary_sentence(f, b))));
    let title = Memo::new(move |_| {
        let view = state.with(|s| s.view);
        filters.with(|f| breakdown.with(|b| summary::chart_title(view, f, b)))
    });
    let scope = Memo::new(move |_| filters.with(summary::scope_text));
    let on_narrow = Callback::new(move |narrowing: Narrowing| {
        let next = narrowing.apply(&state.get_untracked());
        set_state.run((next, false));
    });
    let embed = Memo::new(move |_| state.with(|s| s.embed));
    let controls = Memo::new(move |_| state.with(|s| s.controls));
    let empty = Memo::new(move |_| breakdown.with(|b| b.rows.is_empty()));
    let is_table = Memo::new(move |_| state.with(|s| s.view == View::Table));

    view! {
        <div class="page" class:embed=embed>
            <Show when=move || !embed.get()>
                <header class="masthead">
                    <div class="masthead-bar">
                        <p class="kicker">"Crypto Heist Explorer"</p>
                        <ThemeToggle/>
                    </div>
                    <h1>"Crypto theft in 2023 and 2024: North Korea vs everyone else"</h1>
                    <p class="dek">
                        "Every hack and theft of $1M or more we could source, with who is blamed and how sure the record is. Filter, compare and share any view."
                    </p>
                </header>
            </Show>
            <Notice/>
            <div class="layout" class:with-panel=move || !embed.get() || controls.get()>
                <Show when=move || !embed.get() || controls.get()>
                    <FilterPanel compact=embed/>
                </Show>
                <main class="main" id="main">
                    <Show when=move || !embed.get()>
                        <Headline/>
                        <ViewTabs/>
                    </Show>
                    <figure class="figure" data-testid="figure">
                        <h2 class="chart-title" data-testid="chart-title">{move || title.get()}</h2>
                        <p class="chart-subtitle" data-testid="chart-scope">{move || scope.get()}</p>
                        <Show when=move || empty.get()>
                            <EmptyState/>
                        </Show>
                        <Show when=move || !is_table.get() && !empty.get()>
                            <ChartHost chart=chart description=summary_text on_narrow=on_narrow/>
                        </Show>
                        <p class="summary" data-testid="summary">{move || summary_text.get()}</p>
                        <figcaption class="source-line" data-testid="source-line">
                            {summary::SOURCE_LINE}
                        </figcaption>
                        <Show when=move || embed.get()>
                            <ExploreLink/>
                        </Show>
                    </figure>
                    <Show when=move || !embed.get()>
                        <IncidentTable/>
                    </Show>
                </main>
            </div>
        </div>
    }
}

#[component]
fn EmptyState() -> impl IntoView {
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

/// In embed mode: a link to the full explorer with the same state, in a new tab.
#[component]
fn ExploreLink() -> impl IntoView {
    let explorer = use_explorer();
    let location = use_location();
    let href = Memo::new(move |_| {
        let mut full = explorer.state.get();
        full.embed = false;
        full.controls = false;
        let query = state::serialize(&full);
        let path = location.pathname.get();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    });
    view! {
        <a class="explore-link" data-testid="explore-link" href=href target="_blank" rel="noopener noreferrer">
            "Explore the data ↗"
        </a>
    }
}

/// Switches between light and dark; the choice goes into the URL (`theme=`).
#[component]
fn ThemeToggle() -> impl IntoView {
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
