//! The canonical views: each chart view at default filters. They are what the build describes
//! without the wasm — an oEmbed response per view (`oembed`), a static chart per view
//! (`static_charts`) — so both read the views and the selection from here.

use crate::data::INCIDENTS;
use crate::query::{Breakdown, Filters};
use crate::state::{Theme, View};

/// The views that have a chart (the table is no embed of its own).
pub fn views() -> impl Iterator<Item = View> {
    View::ALL.iter().copied().filter(|v| *v != View::Table)
}

/// The default selection's breakdown. No attribution filter is set, so it is also what every
/// share is of (the `base` of `summary` and `charts`): one computation serves every view.
pub fn breakdown() -> Breakdown {
    Breakdown::compute(INCIDENTS, &Filters::default())
}

/// A canonical view's chart in a palette, from the default selection's breakdown (the base of
/// its own shares: no attribution filter is set).
pub fn chart(
    view: View,
    palette: crate::charts::Palette,
    breakdown: &Breakdown,
) -> Option<crate::charts::BuiltChart> {
    let filters = Filters::default();
    crate::charts::build(
        view,
        &crate::charts::ChartInput {
            breakdown,
            base: breakdown,
            incidents: INCIDENTS,
            figures: crate::data::REPORTED_FIGURES,
            events: crate::data::TIMELINE_EVENTS,
            years: filters.years,
            basis: filters.basis,
            palette,
        },
    )
}

/// A view's static chart, relative to index.html: `static/<view>.svg` (light),
/// `static/<view>-dark.svg`.
pub fn static_chart_path(view: View, theme: Theme) -> String {
    match theme {
        Theme::Light => format!("static/{}.svg", view.slug()),
        Theme::Dark => format!("static/{}-dark.svg", view.slug()),
    }
}

/// A view's static chart drawn for a phone's chart box ([`NARROW_CHART_BOX`]):
/// `static/<view>-narrow.svg`, `static/<view>-narrow-dark.svg`.
pub fn narrow_chart_path(view: View, theme: Theme) -> String {
    match theme {
        Theme::Light => format!("static/{}-narrow.svg", view.slug()),
        Theme::Dark => format!("static/{}-narrow-dark.svg", view.slug()),
    }
}

/// The chart box on a 360 px phone (style/main.css: 12 px page padding each side, `.chart`'s
/// height clamp(300px, 55vw, 440px) at its minimum), in CSS px.
pub const NARROW_CHART_BOX: (u32, u32) = (336, 300);

/// A view's 1200×630 preview image, relative to index.html.
pub fn preview_image_path(view: View) -> String {
    format!("og/{}.png", view.slug())
}

/// The preview image's size in px (Open Graph's recommended card).
pub const PREVIEW_IMAGE_SIZE: (u32, u32) = (1200, 630);
