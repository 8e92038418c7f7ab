//! What every component reads from context: the state and how to change it ([`Explorer`]),
//! and the current chart with its words ([`Figure`]). Built once by the page.

use super::browser;
use super::chart_host::SharedChart;
use super::details::{provide_details, Details};
use super::rows::{incidents, index};
use crate::charts::{self, ChartInput, Palette};
use crate::data::{REPORTED_FIGURES, TIMELINE_EVENTS};
use crate::query::Breakdown;
use crate::state::{self, Parsed, Theme, ViewState};
use crate::summary;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

/// The current state and how to change it.
#[derive(Clone, Copy)]
pub struct Explorer {
    pub parsed: Memo<Parsed>,
    pub state: Memo<ViewState>,
    pub breakdown: Memo<Breakdown>,
    /// The same selection with any attribution, what every DPRK share is of; only computed
    /// when an attribution filter is set (otherwise it is `breakdown`: read it through
    /// [`Explorer::with_shown_and_base`]).
    pub base: Memo<Option<Breakdown>>,
    /// `(next state, replace)`: `replace` keeps typing in the search box from flooding history.
    pub set_state: Callback<(ViewState, bool)>,
    pub theme: Memo<Theme>,
    /// The incidents' notes and sources, loaded when first needed.
    pub details: Details,
}

impl Explorer {
    pub fn update(&self, replace: bool, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        self.set_state.run((next, replace));
    }

    /// Runs `f` on the selection's breakdown and the one its shares are of, without copying
    /// either.
    pub fn with_shown_and_base<R>(&self, f: impl FnOnce(&Breakdown, &Breakdown) -> R) -> R {
        self.breakdown.with(|shown| {
            self.base
                .with(|base| f(shown, base.as_ref().unwrap_or(shown)))
        })
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
    pub summary: Memo<String>,
    /// What the chart shows, counted, and whose reported figures it draws.
    pub source: Memo<String>,
    /// The incident whose page is open (`incident=`), for the panel and the page's title.
    pub incident: Memo<Option<crate::incident_detail::Detail>>,
}

pub fn use_figure() -> Figure {
    expect_context::<Figure>()
}

/// The URL is the state: reads it, and writes every change back as a history entry.
pub fn provide_explorer() -> Explorer {
    let location = use_location();
    let navigate = use_navigate();
    let parsed = Memo::new(move |_| state::parse(&location.search.get()));
    let state = Memo::new(move |_| parsed.with(|p| p.state.clone()));
    let filters = Memo::new(move |_| state.with(|s| s.filters.clone()));
    let details = provide_details();
    // A search looks in the notes: it asks for them, and until they arrive the numbers stay as
    // they were (a link with a search waits for them before the app starts, see `ui::start`).
    Effect::new(move |_| {
        if filters.with(|f| f.searches()) {
            details.request();
        }
    });
    let breakdown = Memo::new(move |shown: Option<&Breakdown>| {
        filters.with(|f| match details.index_for(f) {
            Some(index) => Breakdown::compute_indexed(index, f),
            None => shown
                .cloned()
                .unwrap_or_else(|| Breakdown::compute_indexed(index(), f)),
        })
    });
    // A second pass over the rows only when an attribution filter is set; never a copy.
    let base = Memo::new(move |shown: Option<&Option<Breakdown>>| {
        filters.with(|f| {
            (!f.attributions.is_empty()).then(|| {
                let f = f.without_attribution();
                match details.index_for(&f) {
                    Some(index) => Breakdown::compute_indexed(index, &f),
                    None => shown
                        .cloned()
                        .flatten()
                        .unwrap_or_else(|| Breakdown::compute_indexed(index(), &f)),
                }
            })
        })
    });
    let pathname = location.pathname;
    let set_state = Callback::new(move |(next, replace): (ViewState, bool)| {
        let url = state::links::view_link(&pathname.get_untracked(), &next);
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
    // A reader who switches the system theme sees the page follow, unless the link chose one.
    let prefers_dark = browser::prefers_dark_scheme();
    let theme = Memo::new(move |_| {
        state.with(|s| s.theme).unwrap_or(if prefers_dark.get() {
            Theme::Dark
        } else {
            Theme::Light
        })
    });
    let explorer = Explorer {
        parsed,
        state,
        breakdown,
        base,
        set_state,
        theme,
        details,
    };
    provide_context(explorer);
    explorer
}

/// The chart, its title, scope line and summary sentence for the current state.
pub fn provide_figure(explorer: Explorer) -> Figure {
    let Explorer {
        state,
        breakdown,
        theme,
        ..
    } = explorer;
    let filters = Memo::new(move |_| state.with(|s| s.filters.clone()));
    let chart = Memo::new(move |_| {
        let view = state.with(|s| s.view);
        let (years, basis) = filters.with(|f| (f.years, f.basis));
        explorer.with_shown_and_base(|b, base| {
            charts::build(
                view,
                &ChartInput {
                    breakdown: b,
                    base,
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
    let summary = Memo::new(move |_| {
        filters
            .with(|f| explorer.with_shown_and_base(|b, base| summary::summary_sentence(f, b, base)))
    });
    let title = Memo::new(move |_| {
        let view = state.with(|s| s.view);
        filters.with(|f| {
            explorer.with_shown_and_base(|b, base| summary::chart_title(view, f, b, base))
        })
    });
    let scope = Memo::new(move |_| filters.with(summary::scope_text));
    let source = Memo::new(move |_| {
        let view = state.with(|s| s.view);
        let years = filters.with(|f| crate::query::filters::shown_years(f.years));
        breakdown.with(|b| {
            charts::source_line(
                view,
                incidents(),
                &b.rows,
                REPORTED_FIGURES,
                &years,
                crate::data::DATA_VERSION,
            )
        })
    });
    let incident = Memo::new(move |_| {
        state.with(|s| {
            s.incident
                .and_then(|id| crate::incident_detail::detail(incidents(), id, s.filters.basis))
        })
    });
    let figure = Figure {
        chart,
        title,
        scope,
        summary,
        source,
        incident,
    };
    provide_context(figure);
    figure
}
