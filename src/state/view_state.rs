//! Everything a shared link restores: filters, the active view, table sort and display options.
//! The sort itself (columns, order, comparing rows) is query logic: `crate::query::sort`.

use crate::data::schema::{impl_slug, slug_enum, Slug};
pub use crate::query::sort::{Sort, SortColumn};
use crate::query::Filters;

slug_enum! {
    /// The chart (or table) shown; `view=` in the URL.
    View {
        Overview = "overview" / "Overview",
        Compare = "compare" / "Year vs year",
        Share = "share" / "DPRK share",
        Cumulative = "cumulative" / "Over the year",
        Monthly = "monthly" / "By month",
        Sizes = "sizes" / "By size",
        Category = "category" / "By victim",
        Vector = "vector" / "By attack vector",
        Claims = "claims" / "Reports vs data",
        Table = "table" / "Incident table",
    }
}

slug_enum! {
    /// Colour theme; absent means "follow the reader's system setting".
    Theme {
        Light = "light" / "Light",
        Dark = "dark" / "Dark",
    }
}

impl_slug!(View, Theme);

/// The whole state of the explorer, as read from and written to the URL.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    pub view: View,
    pub filters: Filters,
    pub sort: Sort,
    /// Embed mode: chart, title, summary and credit only.
    pub embed: bool,
    /// In embed mode, show a compact filter panel.
    pub controls: bool,
    pub theme: Option<Theme>,
    /// An incident opened in its detail panel (`incident=<id>`); ids are published and never
    /// renamed.
    pub incident: Option<&'static str>,
}

impl ViewState {
    /// The state as a shared link, an embed or a citation should record it: with the covered
    /// years written out, so that a view shared today does not change when a year is added.
    pub fn pinned(&self) -> ViewState {
        let mut pinned = self.clone();
        if pinned.filters.years.is_empty() {
            pinned.filters.years = crate::data::Year::ALL.iter().copied().collect();
        }
        pinned
    }
}

#[allow(clippy::derivable_impls)]
impl Default for View {
    fn default() -> Self {
        View::Overview
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinned_links_write_out_the_covered_years_and_keep_a_chosen_one() {
        use crate::data::Year;
        let pinned = ViewState::default().pinned();
        assert_eq!(pinned.filters.years.len(), Year::ALL.len());
        let query = crate::state::serialize(&pinned);
        for year in Year::ALL {
            assert!(query.contains(year.slug()), "{query}");
        }
        let mut one = ViewState::default();
        one.filters.years = [Year::latest()].into_iter().collect();
        assert_eq!(one.pinned(), one);
    }
}
