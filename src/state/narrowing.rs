//! What a click on a chart element does to the view: narrow the filters to the rows behind it.
//! The charts say which rows a mark stands for; this is the state change that follows.

use super::ViewState;
use crate::data::{Attribution, Category, SlugSet, Vector, Year};
use chrono::NaiveDate;

/// Filters to add when a data point is clicked; `None` leaves a filter as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Narrowing {
    pub year: Option<Year>,
    /// `Some(true)`: DPRK-linked only; `Some(false)`: everyone else.
    pub dprk: Option<bool>,
    pub category: Option<Category>,
    pub vector: Option<Vector>,
    /// Inclusive loss range.
    pub loss: Option<(u64, Option<u64>)>,
    /// Inclusive date range.
    pub dates: Option<(NaiveDate, NaiveDate)>,
}

fn dprk_side(dprk: bool) -> SlugSet<Attribution> {
    Attribution::ALL
        .iter()
        .copied()
        .filter(|a| a.is_dprk() == dprk)
        .collect()
}

/// Keeps the reader's own narrower choice when it fits inside the clicked element
/// (`attr=dprk_confirmed` stays when clicking the DPRK bar).
fn narrowed<T: crate::data::Slug>(current: SlugSet<T>, target: SlugSet<T>) -> SlugSet<T> {
    let both = SlugSet::from_bits(current.bits() & target.bits());
    if both.is_empty() {
        target
    } else {
        both
    }
}

impl Narrowing {
    pub fn apply(&self, state: &ViewState) -> ViewState {
        let mut next = state.clone();
        let f = &mut next.filters;
        if let Some(year) = self.year {
            f.years = [year].into_iter().collect();
        }
        if let Some(dprk) = self.dprk {
            f.attributions = narrowed(f.attributions, dprk_side(dprk));
        }
        if let Some(category) = self.category {
            f.categories = [category].into_iter().collect();
        }
        if let Some(vector) = self.vector {
            f.vectors = [vector].into_iter().collect();
        }
        if let Some((min, max)) = self.loss {
            f.min_usd = (min > 0).then_some(min);
            f.max_usd = max;
        }
        if let Some((from, to)) = self.dates {
            f.from = Some(from);
            f.to = Some(to);
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicking_the_dprk_bar_of_2024_selects_that_year_and_side() {
        let click = Narrowing {
            year: Some(Year::Y2024),
            dprk: Some(true),
            ..Narrowing::default()
        };
        let next = click.apply(&ViewState::default());
        assert_eq!(next.filters.years, [Year::Y2024].into_iter().collect());
        assert_eq!(
            next.filters.attributions,
            [Attribution::DprkConfirmed, Attribution::DprkSuspected]
                .into_iter()
                .collect()
        );
    }

    #[test]
    fn a_narrower_attribution_choice_survives_the_click() {
        let mut state = ViewState::default();
        state.filters.attributions = [Attribution::DprkConfirmed].into_iter().collect();
        let click = Narrowing {
            dprk: Some(true),
            ..Narrowing::default()
        };
        assert_eq!(
            click.apply(&state).filters.attributions,
            [Attribution::DprkConfirmed].into_iter().collect()
        );
        let others = Narrowing {
            dprk: Some(false),
            ..Narrowing::default()
        };
        assert_eq!(
            others.apply(&state).filters.attributions,
            [Attribution::Other, Attribution::Unknown]
                .into_iter()
                .collect()
        );
    }
}
