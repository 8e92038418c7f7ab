//! The incidents' notes and sources (`data::details`): not in the wasm, but loaded once, from
//! the file the build writes beside the page, when the table, an incident's page, a download or
//! a search first needs them. A failure is shown where they were needed, with a retry.

use super::rows::{fetch_details, index, index_with_notes};
use crate::data::IncidentDetails;
use crate::query::{Filters, RowIndex};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};

/// Where the notes and sources are.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    /// Nothing has needed them yet.
    Idle,
    Loading,
    /// In the order of the incidents.
    Ready(&'static [IncidentDetails]),
    /// Why they could not be loaded, in words for the reader.
    Failed(String),
}

thread_local! {
    /// Kept for the page's lifetime once loaded (also by a load before the app mounted).
    static LOADED: Cell<Option<&'static [IncidentDetails]>> = const { Cell::new(None) };
    /// Why the last attempt failed, if it did.
    static FAILED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Fetches and reads the notes and sources, or returns them if a load already has.
pub async fn load() -> Result<&'static [IncidentDetails], String> {
    if let Some(loaded) = LOADED.get() {
        return Ok(loaded);
    }
    match fetch_details().await {
        Ok(details) => {
            // Once per page: the app reads them until it is closed.
            let loaded: &'static [IncidentDetails] = Vec::leak(details);
            LOADED.set(Some(loaded));
            FAILED.with_borrow_mut(|f| *f = None);
            Ok(loaded)
        }
        Err(why) => {
            FAILED.with_borrow_mut(|f| *f = Some(why.clone()));
            Err(why)
        }
    }
}

/// The notes and sources as the components see them.
#[derive(Clone, Copy)]
pub struct Details {
    state: RwSignal<Load>,
}

impl Details {
    /// Starts loading them unless they are loaded or loading: what a part that shows them calls
    /// when it appears, and "Try again" after a failure.
    pub fn request(self) {
        if !matches!(self.state.get_untracked(), Load::Idle | Load::Failed(_)) {
            return;
        }
        self.state.set(Load::Loading);
        let state = self.state;
        spawn_local(async move {
            let loaded = load().await;
            // Reading the file and showing what it holds (every row's sources) are two tasks,
            // not one long one that would block input.
            super::timing::next_task().await;
            state.set(match loaded {
                Ok(details) => Load::Ready(details),
                Err(why) => Load::Failed(why),
            });
        });
    }

    pub fn state(self) -> Load {
        self.state.get()
    }

    pub fn state_untracked(self) -> Load {
        self.state.get_untracked()
    }

    /// Incident `index`'s note and sources, once loaded.
    pub fn of(self, index: usize) -> Option<&'static IncidentDetails> {
        self.state.with(|s| match s {
            Load::Ready(details) => details.get(index),
            _ => None,
        })
    }

    /// The index that answers `filters`. A search looks in the notes, so it waits for them
    /// (`None`: the caller keeps what it showed); if they cannot be loaded it looks in the
    /// names only, and the page says so ([`DetailsStatus`]).
    pub fn index_for(self, filters: &Filters) -> Option<&'static RowIndex<'static>> {
        if !filters.searches() {
            return Some(index());
        }
        self.state.with(|s| match s {
            Load::Ready(details) => Some(index_with_notes(details)),
            Load::Failed(_) => Some(index()),
            Load::Idle | Load::Loading => None,
        })
    }
}

/// The notes and sources for the page: ready if a load before the app mounted got them, failed
/// if it could not.
pub fn provide_details() -> Details {
    let state = match (LOADED.get(), FAILED.with_borrow(Clone::clone)) {
        (Some(loaded), _) => Load::Ready(loaded),
        (None, Some(why)) => Load::Failed(why),
        (None, None) => Load::Idle,
    };
    let details = Details {
        state: RwSignal::new(state),
    };
    provide_context(details);
    details
}

pub fn use_details() -> Details {
    expect_context::<Details>()
}

/// Says that the sources and notes are loading, or why they could not be loaded, with "Try
/// again"; nothing once they are there. `requests`: start loading them when this appears.
#[component]
pub fn DetailsStatus(#[prop(optional)] requests: bool) -> impl IntoView {
    let details = use_details();
    if requests {
        details.request();
    }
    // Both parts stay in the page and are shown or hidden: cheaper in the wasm than views
    // made and dropped as the state changes.
    let failure = move || match details.state() {
        Load::Failed(why) => Some(why),
        _ => None,
    };
    view! {
        <p class="details-status muted" role="status" data-testid="details-loading" hidden=move || details.state() != Load::Loading>
            {crate::page_copy::LOADING_DETAILS}
        </p>
        <div class="details-failed" role="alert" data-testid="details-failed" hidden=move || failure().is_none()>
            <p>
                "The incidents’ sources and notes could not be loaded (" {move || failure().unwrap_or_default()}
                "), so sources are not listed and a search looks in names only."
            </p>
            <button type="button" data-testid="details-retry" on:click=move |_| details.request()>
                "Try again"
            </button>
        </div>
    }
}
