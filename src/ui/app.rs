//! The page: URL ⇄ state, the memos every component reads, and the layout.

use super::chart_host::{ChartHost, SharedChart};
use super::embed_resize::post_height_changes;
use super::filter_panel::FilterPanel;
use super::headline::Headline;
use super::incident_table::IncidentTable;
use super::methodology::Methodology;
use super::notice::Notice;
use super::page_parts::{panic_trigger, EmptyState, ExploreLink, MethodologyLink, ThemeToggle};
use super::rows::{incidents, index};
use super::share_menu::ShareMenu;
use super::timing::{delay_ms, next_frame, next_task};
use super::view_tabs::ViewTabs;
use crate::charts::{self, ChartInput, Narrowing, Palette};
use crate::data::{REPORTED_FIGURES, TIMELINE_EVENTS};
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

/// The chart of the current view and its words, for the share menu, embed dialog and
/// methodology panel.
#[derive(Clone, Copy)]
pub struct Figure {
    pub chart: Memo<Option<SharedChart>>,
    pub title: Memo<String>,
    pub scope: Memo<String>,
}

pub fn use_figure() -> Figure {
    expect_context::<Figure>()
}

/// "in 2023 and 2024", "from 2023 to 2025": the covered years for the masthead.
fn covered_years_in_words() -> String {
    let phrase = crate::data::years_phrase(crate::data::Year::ALL);
    if crate::data::Year::ALL.len() > 2 {
        format!("from {phrase}")
    } else {
        format!("in {phrase}")
    }
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
    let breakdown = Memo::new(move |_| filters.with(|f| Breakdown::compute_indexed(index(), f)));
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
    let chart = Memo::new(move |_| {
        let view = state.with(|s| s.view);
        let (years, basis) = filters.with(|f| (f.years, f.basis));
        breakdown.with(|b| {
            charts::build(
                view,
                &ChartInput {
                    breakdown: b,
                    incidents: incidents(),
                    figures: REPORTED_FIGURES,
                    events: TIMELINE_EVENTS,
                    years,
                    basis,
                    palette: Palette::for_theme(theme.get()),
                },
            )
            .map(|built| SharedChart::new(built, view))
        })
    });
    let summary_text =
        Memo::new(move |_| filters.with(|f| breakdown.with(|b| summary::summary_sentence(f, b))));
    let title = Memo::new(move |_| {
        let view = state.with(|s| s.view);
        filters.with(|f| breakdown.with(|b| summary::chart_title(view, f, b)))
    });
    let scope = Memo::new(move |_| filters.with(summary::scope_text));
    // Title and description per view, for tabs, bookmarks and link previews.
    Effect::new(move |_| {
        let view = state.with(|s| s.view);
        let page_title = if view == View::Overview && filters.with(Filters::is_empty) {
            format!(
                "Crypto Heist Explorer: crypto theft {}, North Korea vs everyone else",
                crate::data::years_phrase(crate::data::Year::ALL)
            )
        } else {
            format!("{} — {} · Crypto Heist Explorer", title.get(), scope.get())
        };
        document().set_title(&page_title);
        if let Ok(Some(meta)) = document().query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", &summary_text.get());
        }
    });
    provide_context(Figure {
        chart,
        title,
        scope,
    });
    let methodology_open = RwSignal::new(
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .is_some_and(|h| h == "#methodology"),
    );
    // The observer lives as long as the page; an embed is never unmounted.
    if state.get_untracked().embed {
        if let Some(observer) = post_height_changes() {
            std::mem::forget(observer);
        }
    }
    let on_narrow = Callback::new(move |narrowing: Narrowing| {
        let next = narrowing.apply(&state.get_untracked());
        set_state.run((next, false));
    });
    // The filter panel, table and dialogs mount once the first chart is drawn (or at once when
    // the view has no chart), so the chart is on screen first. Their space is laid out so that
    // nothing above them moves when they arrive.
    let settled = RwSignal::new(false);
    let on_drawn = Callback::new(move |()| {
        if settled.get_untracked() {
            return;
        }
        // After the chart's frame is painted: the next animation frame, then a fresh task.
        leptos::task::spawn_local(async move {
            next_frame().await;
            next_task().await;
            settled.set(true);
        });
    });
    Effect::new(move |_| {
        let chartless = chart.with(Option::is_none) || breakdown.with(|b| b.rows.is_empty());
        if chartless && !settled.get_untracked() {
            settled.set(true);
        }
    });
    leptos::task::spawn_local(async move {
        // Should ECharts never load, the rest of the page still comes up.
        delay_ms(2000).await;
        settled.set(true);
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
                        <div class="masthead-actions">
                            <button
                                type="button"
                                data-testid="open-methodology"
                                on:click=move |_| methodology_open.set(true)
                            >
                                "Methodology"
                            </button>
                            <ThemeToggle/>
                        </div>
                    </div>
                    <h1>{format!("Crypto theft {}: North Korea vs everyone else", covered_years_in_words())}</h1>
                    <p class="dek">
                        "Every hack and theft of $1M or more we could source, with who is blamed and how sure the record is. Filter, compare and share any view."
                    </p>
                </header>
            </Show>
            <Notice/>
            <div
                class="layout"
                class:with-panel=move || !embed.get() || controls.get()
                class:table-first=is_table
            >
                <Show when=move || !embed.get() || controls.get()>
                    <Show
                        when=move || settled.get()
                        fallback=|| view! { <div class="filters filters-placeholder"></div> }
                    >
                        <FilterPanel compact=embed/>
                    </Show>
                </Show>
                <main class="main" id="main">
                    <Show when=move || !embed.get()>
                        <Headline/>
                        <ViewTabs/>
                        <ShareMenu/>
                    </Show>
                    <figure class="figure" data-testid="figure">
                        // In an embed the chart title is the page's only heading, so it is the h1.
                        <Show
                            when=move || embed.get()
                            fallback=move || view! { <h2 class="chart-title" data-testid="chart-title">{move || title.get()}</h2> }
                        >
                            <h1 class="chart-title" data-testid="chart-title">{move || title.get()}</h1>
                        </Show>
                        <p class="chart-subtitle" data-testid="chart-scope">{move || scope.get()}</p>
                        <Show when=move || empty.get()>
                            <EmptyState/>
                        </Show>
                        <Show when=move || !is_table.get() && !empty.get()>
                            <ChartHost chart=chart description=summary_text on_narrow=on_narrow on_drawn=on_drawn/>
                        </Show>
                        <p class="summary" data-testid="summary">{move || summary_text.get()}</p>
                        <figcaption class="source-line" data-testid="source-line">
                            {summary::SOURCE_CREDIT}
                            " — see "
                            <Show
                                when=move || embed.get()
                                fallback=move || {
                                    view! {
                                        <button
                                            type="button"
                                            class="link-button"
                                            data-testid="source-methodology"
                                            on:click=move |_| methodology_open.set(true)
                                        >
                                            "Methodology"
                                        </button>
                                    }
                                }
                            >
                                <MethodologyLink/>
                            </Show>
                        </figcaption>
                        <Show when=move || embed.get()>
                            <ExploreLink/>
                        </Show>
                    </figure>
                </main>
                <Show when=move || !embed.get()>
                    <Show when=move || settled.get() fallback=|| view! { <div class="table-area table-placeholder"></div> }>
                        <IncidentTable/>
                    </Show>
                </Show>
            </div>
            <Show when=move || settled.get()>
                <Methodology open=methodology_open/>
            </Show>
            {panic_trigger()}
        </div>
    }
}
