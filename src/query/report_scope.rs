//! Which reported figure a selection can be set beside. A report states whole-year totals for
//! all thefts or for DPRK-linked thefts, so only a selection of exactly that kind matches one:
//! one year, thefts only, and no filter but attribution = everyone or DPRK-linked.

use super::filters::Filters;
use super::reconcile::Scope;
use crate::data::{Attribution, Year};

pub fn report_scope(filters: &Filters) -> Option<(Year, Scope)> {
    let mut years = filters.years.iter();
    let (Some(year), None) = (years.next(), years.next()) else {
        return None;
    };
    if !filters.only_years_and_attribution() {
        return None;
    }
    if filters.attributions.is_empty() {
        Some((year, Scope::All))
    } else if filters.attributions == Attribution::dprk_linked() {
        Some((year, Scope::Dprk))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Category, Scope as Kind};

    fn parse(query: &str) -> Filters {
        crate::state::parse(query).state.filters
    }

    #[test]
    fn one_year_for_everyone_or_for_the_dprk_matches_a_report() {
        assert_eq!(
            report_scope(&parse("year=2024")),
            Some((Year::Y2024, Scope::All))
        );
        assert_eq!(
            report_scope(&parse("year=2023&attr=dprk")),
            Some((Year::Y2023, Scope::Dprk))
        );
        // The text box with only spaces is no filter.
        let mut spaces = parse("year=2024");
        spaces.text = "  ".into();
        assert_eq!(report_scope(&spaces), Some((Year::Y2024, Scope::All)));
    }

    #[test]
    fn any_other_selection_matches_no_report() {
        for query in [
            "",
            "year=2023,2024",
            "year=2024&attr=dprk_confirmed",
            "year=2024&attr=other",
            "year=2024&min=10m",
            "year=2024&max=10m",
            "year=2024&from=2024-02-01",
            "year=2024&to=2024-11-30",
            "year=2024&q=bybit",
            "year=2024&chain=ethereum",
            "year=2024&vec=phishing",
            "year=2024&cat=cex",
        ] {
            assert_eq!(report_scope(&parse(query)), None, "{query}");
        }
        let mut category = parse("year=2024");
        category.categories = [Category::ALL[0]].into_iter().collect();
        assert_eq!(report_scope(&category), None);
        let mut wider = parse("year=2024");
        wider.scopes = Kind::ALL.iter().copied().collect();
        assert_eq!(report_scope(&wider), None);
    }
}
