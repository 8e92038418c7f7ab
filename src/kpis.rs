//! The headline numbers for a selection, as the reader sees them: each value in words, its raw
//! value for `data-value`, and — where the selection is what a report counts — the reported
//! figure beside it.

use crate::data::{ReportedFigure, ReportedValue};
use crate::format;
use crate::query::reconcile::{metric_name, primary_reported, Measure, Scope};
use crate::query::{report_scope, Breakdown, Filters};
use crate::summary::{change_pct, change_years};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kpi {
    pub label: String,
    pub value: String,
    /// Machine-readable value: dollars, a count, or a percentage with two decimals.
    pub raw: String,
    /// "Chainalysis: $1.34B" where a report gives the same figure for the same scope.
    pub reported: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kpis {
    pub stolen: Kpi,
    pub incidents: Kpi,
    pub dprk_share: Kpi,
    pub change: Kpi,
}

fn reported_note(
    figures: &[ReportedFigure],
    filters: &Filters,
    measure: Measure,
) -> Option<String> {
    let (year, scope) = report_scope(filters)?;
    match primary_reported(figures, year, metric_name(scope, measure)).map(|f| f.value) {
        Some(ReportedValue::Usd(usd)) => Some(format!("Chainalysis: {}", format::usd(usd))),
        Some(ReportedValue::Count(n)) => Some(format!("Chainalysis: {}", format::incidents(n))),
        // A dollar figure without a count: say so rather than leave a gap that reads as zero.
        None if measure == Measure::Count
            && primary_reported(figures, year, metric_name(scope, Measure::Usd)).is_some() =>
        {
            Some("Chainalysis: count not published".to_string())
        }
        _ => None,
    }
}

fn reported_share(figures: &[ReportedFigure], filters: &Filters) -> Option<String> {
    let (year, Scope::All) = report_scope(filters)? else {
        return None;
    };
    match primary_reported(figures, year, "dprk_share_pct")?.value {
        ReportedValue::Percent(p) => Some(format!("Chainalysis: {}", format::percent(p))),
        _ => None,
    }
}

/// `b` is the selection; `base` the same selection with any attribution, which a share is of.
pub fn kpis(
    filters: &Filters,
    b: &Breakdown,
    base: &Breakdown,
    figures: &[ReportedFigure],
) -> Kpis {
    let total = b.total.total();
    let share = base.total.dprk_share();
    let share_label = if filters.attributions.is_empty() {
        "DPRK-linked share of value"
    } else {
        // The filter keeps one side; the share is of every attribution, and says so.
        "DPRK-linked share of value, all attributions"
    };
    let pair = change_years(filters);
    let change = pair.and_then(|(before, after)| {
        change_pct(b.year(before).total().usd, b.year(after).total().usd)
    });
    Kpis {
        stolen: Kpi {
            label: "Stolen".to_string(),
            value: format::usd(total.usd),
            raw: total.usd.to_string(),
            reported: reported_note(figures, filters, Measure::Usd),
        },
        incidents: Kpi {
            label: "Incidents".to_string(),
            value: format::incidents(u64::from(total.count)),
            raw: total.count.to_string(),
            reported: reported_note(figures, filters, Measure::Count),
        },
        dprk_share: Kpi {
            label: share_label.to_string(),
            value: share.map_or("–".into(), |s| format::percent(s.value_pct)),
            raw: share.map_or(String::new(), |s| format!("{:.2}", s.value_pct)),
            reported: reported_share(figures, filters),
        },
        change: Kpi {
            label: match pair {
                // Says what changed: beside a chart titled by DPRK-linked theft alone, a bare
                // "Change" read as that series' change, not the selection's total.
                Some((before, after)) => {
                    format!("Stolen, change {} → {}", before.slug(), after.slug())
                }
                None => "Stolen, change on the year before".to_string(),
            },
            value: change.map_or("–".into(), format::change_percent),
            raw: change.map_or(String::new(), |c| format!("{c:.2}")),
            reported: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Basis, Year, INCIDENTS, REPORTED_FIGURES};

    fn for_query(query: &str) -> Kpis {
        let filters = crate::state::parse(query).state.filters;
        let b = Breakdown::compute(INCIDENTS, &filters);
        let base = Breakdown::compute(INCIDENTS, &filters.without_attribution());
        kpis(&filters, &b, &base, REPORTED_FIGURES)
    }

    fn thefts(year: Option<Year>, dprk: bool) -> (u64, usize) {
        let rows: Vec<_> = INCIDENTS
            .iter()
            .filter(|r| r.scope == crate::data::Scope::Theft)
            .filter(|r| year.is_none_or(|y| r.year() == y))
            .filter(|r| !dprk || r.attribution.is_dprk())
            .collect();
        (
            rows.iter().map(|r| r.value(Basis::Realised)).sum(),
            rows.len(),
        )
    }

    #[test]
    fn a_report_year_sets_chainalysis_beside_our_sums() {
        let k = for_query("year=2024");
        let (usd, count) = thefts(Some(Year::Y2024), false);
        assert_eq!(k.stolen.raw, usd.to_string());
        assert_eq!(k.incidents.raw, count.to_string());
        assert_eq!(k.stolen.reported.as_deref(), Some("Chainalysis: $2.2B"));
        assert_eq!(
            k.incidents.reported.as_deref(),
            Some("Chainalysis: 303 incidents")
        );
        assert_eq!(k.dprk_share.reported.as_deref(), Some("Chainalysis: 61%"));
        let dprk = for_query("year=2024&attr=dprk");
        assert_eq!(dprk.stolen.reported.as_deref(), Some("Chainalysis: $1.34B"));
        assert_eq!(
            dprk.incidents.reported.as_deref(),
            Some("Chainalysis: 47 incidents")
        );
        assert_eq!(dprk.dprk_share.reported, None);
    }

    #[test]
    fn no_report_figure_for_a_selection_no_report_counts() {
        for query in ["", "year=2024&min=10m", "year=2023,2024"] {
            let k = for_query(query);
            assert_eq!(k.stolen.reported, None, "{query}");
            assert_eq!(k.incidents.reported, None, "{query}");
        }
    }

    #[test]
    fn the_change_compares_the_last_two_years_shown() {
        let k = for_query("year=2023,2024");
        assert_eq!(k.change.label, "Stolen, change 2023 → 2024");
        let (before, _) = thefts(Some(Year::Y2023), false);
        let (after, _) = thefts(Some(Year::Y2024), false);
        let expected = (after as f64 - before as f64) / before as f64 * 100.0;
        assert_eq!(k.change.raw, format!("{expected:.2}"));
        let one = for_query("year=2024");
        assert_eq!(
            (one.change.value.as_str(), one.change.raw.as_str()),
            ("–", "")
        );
    }

    #[test]
    fn a_side_filter_keeps_the_share_of_all_attributions() {
        let all = for_query("year=2024");
        for query in ["year=2024&attr=dprk", "year=2024&attr=other,unknown"] {
            let k = for_query(query);
            assert_eq!(k.dprk_share.raw, all.dprk_share.raw, "{query}");
            assert_ne!(k.dprk_share.value, "100%", "{query}");
            assert!(k.dprk_share.label.ends_with("all attributions"), "{query}");
        }
    }
}
