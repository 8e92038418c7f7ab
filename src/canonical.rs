//! The canonical views: each chart view at default filters. They are what the build describes
//! without the wasm — an oEmbed response per view (`oembed`), a static chart per view
//! (`static_charts`) — so both read the views and the selection from here.

use crate::data::INCIDENTS;
use crate::query::{Breakdown, Filters};
use crate::state::View;

/// The views that have a chart (the table is no embed of its own).
pub fn views() -> impl Iterator<Item = View> {
    View::ALL.iter().copied().filter(|v| *v != View::Table)
}

/// The default selection's breakdown. No attribution filter is set, so it is also what every
/// share is of (the `base` of `summary` and `charts`): one computation serves every view.
pub fn breakdown() -> Breakdown {
    Breakdown::compute(INCIDENTS, &Filters::default())
}
