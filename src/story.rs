//! What the first screen leads with: the figure every report quotes — the newest Chainalysis
//! year-end report's DPRK total for the latest year shown — beside what our sourced rows add up
//! to for the same year and scope, with the gap said in one line.

use crate::data::{Attribution, ReportedFigure, ReportedValue, Year};
use crate::format;
use crate::query::reconcile::{chainalysis_edition, primary_reported};
use crate::query::{Breakdown, Filters};

#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    pub year: Year,
    /// "Chainalysis (2025 Crypto Crime Report): DPRK-linked hackers stole $1.34B in 47
    /// incidents in 2024, 61% of the $2.2B stolen."
    pub reported: String,
    /// "Our sourced list: $933.6M in 37 incidents, 70% of that figure."
    pub ours: String,
    pub gap: &'static str,
}

pub const GAP: &str = "Chainalysis counts every theft it traces on-chain, many never named in public; our list names each incident, with its sources, so any reader can check it.";

fn usd(figure: Option<&ReportedFigure>) -> Option<u64> {
    match figure?.value {
        ReportedValue::Usd(v) => Some(v),
        _ => None,
    }
}

/// `None` when the selection is not what the report counts (a filter other than years, the
/// basis, or attribution = DPRK-linked), or no shown year has a reported DPRK figure.
pub fn report_beside_rows(
    filters: &Filters,
    shown: &Breakdown,
    figures: &[ReportedFigure],
) -> Option<Story> {
    let attributions_ok =
        filters.attributions.is_empty() || filters.attributions == Attribution::dprk_linked();
    if !attributions_ok || !filters.only_years_and_attribution() {
        return None;
    }
    let years = crate::query::filters::shown_years(filters.years);
    let (year, dprk) = years
        .iter()
        .rev()
        .find_map(|y| primary_reported(figures, *y, "dprk_stolen_usd").map(|f| (*y, f)))?;
    let dprk_usd = usd(Some(dprk))?;
    let edition = chainalysis_edition(&dprk.source)?;
    let count = match primary_reported(figures, year, "dprk_incidents").map(|f| f.value) {
        Some(ReportedValue::Count(n)) => Some(n),
        _ => None,
    };
    let share = match primary_reported(figures, year, "dprk_share_pct").map(|f| f.value) {
        Some(ReportedValue::Percent(p)) => Some(p),
        _ => None,
    };
    let total = usd(primary_reported(figures, year, "total_stolen_usd"));
    let mut reported = format!(
        "Chainalysis ({edition} Crypto Crime Report): DPRK-linked hackers stole {}",
        format::usd(dprk_usd)
    );
    if let Some(n) = count {
        reported.push_str(&format!(" in {}", format::incidents(n)));
    }
    reported.push_str(&format!(" in {}", year.slug()));
    match (share, total) {
        (Some(p), Some(t)) => reported.push_str(&format!(
            ", {} of the {} stolen",
            format::percent(p),
            format::usd(t)
        )),
        (None, Some(t)) => reported.push_str(&format!(", of {} stolen in all", format::usd(t))),
        _ => {}
    }
    reported.push('.');
    let ours = shown.year(year).dprk;
    let basis = if filters.basis == crate::data::Basis::default() {
        String::new()
    } else {
        format!(" ({})", filters.basis.short())
    };
    let ours = format!(
        "Our sourced list: {} in {}{basis}, {} of that figure.",
        format::usd(ours.usd),
        format::incidents(u64::from(ours.count)),
        format::percent(ours.usd as f64 / dprk_usd as f64 * 100.0)
    );
    Some(Story {
        year,
        reported,
        ours,
        gap: GAP,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{INCIDENTS, REPORTED_FIGURES};

    fn story(query: &str) -> Option<Story> {
        let filters = crate::state::parse(query).state.filters;
        let shown = Breakdown::compute(INCIDENTS, &filters);
        report_beside_rows(&filters, &shown, REPORTED_FIGURES)
    }

    #[test]
    fn the_2023_24_view_leads_with_the_quoted_2024_figure_and_our_sum() {
        let s = story("year=2023,2024").expect("a report covers 2024");
        assert_eq!(s.year, Year::Y2024);
        assert_eq!(
            s.reported,
            "Chainalysis (2025 Crypto Crime Report): DPRK-linked hackers stole $1.34B in 47 incidents in 2024, 61% of the $2.2B stolen."
        );
        let rows: Vec<_> = INCIDENTS
            .iter()
            .filter(|r| {
                r.scope == crate::data::Scope::Theft
                    && r.year() == Year::Y2024
                    && r.attribution.is_dprk()
            })
            .collect();
        let sum: u64 = rows
            .iter()
            .map(|r| r.value(crate::data::Basis::Realised))
            .sum();
        assert_eq!(
            s.ours,
            format!(
                "Our sourced list: {} in {} incidents, {:.0}% of that figure.",
                format::usd(sum),
                rows.len(),
                sum as f64 / 1_340_000_000.0 * 100.0
            )
        );
        assert_eq!(story("year=2023,2024&attr=dprk"), Some(s));
    }

    #[test]
    fn the_latest_year_with_a_report_is_used_and_unmatched_selections_get_none() {
        let latest = story("").expect("the default view has a story");
        assert_eq!(latest.year, Year::latest());
        assert!(latest
            .reported
            .contains(&format!("in {}", Year::latest().slug())));
        assert_eq!(story("year=2023").map(|s| s.year), Some(Year::Y2023));
        for query in [
            "attr=other",
            "attr=dprk_confirmed",
            "cat=cex",
            "min=10m",
            "q=bybit",
        ] {
            assert_eq!(story(query), None, "{query}");
        }
        assert!(story("basis=reported")
            .unwrap()
            .ours
            .contains("(value as first reported)"));
    }
}
