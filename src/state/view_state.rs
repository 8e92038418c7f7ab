//! Everything a shared link restores: filters, the active view, table sort and display options.

use crate::data::schema::{impl_slug, slug_enum, Slug};
use crate::query::Filters;

slug_enum! {
    /// The chart (or table) shown; `view=` in the URL.
    View {
        Overview = "overview" / "Overview",
        Compare = "compare" / "2023 vs 2024",
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
    /// Incident-table columns that can be sorted; `sort=` in the URL.
    SortColumn {
        Date = "date" / "Date",
        Name = "name" / "Incident",
        Category = "category" / "Victim",
        Vector = "vector" / "Vector",
        Attribution = "attribution" / "Attribution",
        Loss = "loss" / "Loss",
    }
}

slug_enum! {
    /// Colour theme; absent means "follow the reader's system setting".
    Theme {
        Light = "light" / "Light",
        Dark = "dark" / "Dark",
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: SortColumn,
    pub descending: bool,
}

impl Default for Sort {
    /// Largest losses first: what a reader scanning the table wants to see.
    fn default() -> Self {
        Sort {
            column: SortColumn::Loss,
            descending: true,
        }
    }
}

impl Sort {
    /// Clicking a header: the same column flips direction, a new one starts at its natural
    /// direction (text ascending, amounts and dates descending).
    pub fn clicked(self, column: SortColumn) -> Sort {
        if self.column == column {
            Sort {
                column,
                descending: !self.descending,
            }
        } else {
            Sort {
                column,
                descending: matches!(column, SortColumn::Loss | SortColumn::Date),
            }
        }
    }
}

impl_slug!(View, SortColumn, Theme);

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
}

#[allow(clippy::derivable_impls)]
impl Default for View {
    fn default() -> Self {
        View::Overview
    }
}

impl Sort {
    /// Orders rows for the table; ties keep dataset order (stable sort), then by id.
    pub fn apply(self, rows: &mut [&crate::data::Incident]) {
        use std::cmp::Ordering;
        rows.sort_by(|a, b| {
            let order = match self.column {
                SortColumn::Date => a.date.cmp(&b.date),
                SortColumn::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
                SortColumn::Category => a.category.label().cmp(b.category.label()),
                SortColumn::Vector => a.vector.label().cmp(b.vector.label()),
                SortColumn::Attribution => a.attribution.cmp(&b.attribution),
                SortColumn::Loss => a.loss_usd.cmp(&b.loss_usd),
            };
            let order = if self.descending {
                order.reverse()
            } else {
                order
            };
            match order {
                Ordering::Equal => a.id.cmp(&b.id),
                other => other,
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::INCIDENTS;

    #[test]
    fn default_sort_puts_the_largest_loss_first() {
        let mut rows: Vec<_> = INCIDENTS.iter().collect();
        Sort::default().apply(&mut rows);
        assert!(rows.windows(2).all(|w| w[0].loss_usd >= w[1].loss_usd));
    }

    #[test]
    fn clicking_a_header_twice_flips_direction() {
        let s = Sort::default().clicked(SortColumn::Name);
        assert_eq!(
            s,
            Sort {
                column: SortColumn::Name,
                descending: false
            }
        );
        assert!(s.clicked(SortColumn::Name).descending);
        let mut rows: Vec<_> = INCIDENTS.iter().collect();
        s.apply(&mut rows);
        assert!(rows
            .windows(2)
            .all(|w| w[0].name.to_lowercase() <= w[1].name.to_lowercase()));
    }
}
