//! Puts each report's headline figure beside the dataset's own sum for the same scope, so the
//! gap between "what was reported" and "what we can name" is computed, never typed in.

use super::breakdown::Tally;
use crate::data::{Attribution, Basis, Incident, ReportedFigure, ReportedValue, Year};

/// The edition of a Chainalysis Crypto Crime Report source slug
/// (`chainalysis_2025_crypto_crime_report` → 2025), `None` for any other source.
pub fn chainalysis_edition(source: &str) -> Option<u32> {
    source
        .strip_prefix("chainalysis_")?
        .strip_suffix("_crypto_crime_report")?
        .parse()
        .ok()
}

/// The figure the headline numbers for a year are compared with: the newest Chainalysis Crypto
/// Crime Report edition that gives it. Chainalysis restates earlier years in later editions (its
/// 2023 DPRK figure went from about $1B to $660.5M), and the newest statement is the one to cite.
pub fn primary_reported<'a>(
    figures: &'a [ReportedFigure],
    year: Year,
    metric: &str,
) -> Option<&'a ReportedFigure> {
    newest_edition(
        figures
            .iter()
            .filter(|f| f.year == year.number() && f.metric == metric),
        |f| &f.source,
    )
}

/// Of `items`, the one from the newest Chainalysis edition (`source` names each one's report).
fn newest_edition<'a, T>(
    items: impl Iterator<Item = &'a T>,
    source: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    items
        .filter_map(|item| chainalysis_edition(source(item)).map(|edition| (edition, item)))
        .max_by_key(|(edition, _)| *edition)
        .map(|(_, item)| item)
}

/// Which incidents a reported figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    All,
    /// DPRK-linked: confirmed + suspected.
    Dprk,
}

impl Scope {
    pub const fn label(self) -> &'static str {
        match self {
            Scope::All => "All thefts",
            Scope::Dprk => "DPRK-linked",
        }
    }
}

/// Dollars or incidents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Usd,
    Count,
}

/// The `aggregates.csv` metrics that state whole-year totals, with what each counts; other
/// metrics (monthly, half-year, shares) have no dataset counterpart here.
const WHOLE_YEAR_METRICS: [(&str, Scope, Measure); 4] = [
    ("total_stolen_usd", Scope::All, Measure::Usd),
    ("incidents", Scope::All, Measure::Count),
    ("dprk_stolen_usd", Scope::Dprk, Measure::Usd),
    ("dprk_incidents", Scope::Dprk, Measure::Count),
];

/// The scope and measure of a whole-year metric.
pub fn metric_scope(metric: &str) -> Option<(Scope, Measure)> {
    WHOLE_YEAR_METRICS
        .iter()
        .find(|(name, _, _)| *name == metric)
        .map(|(_, scope, measure)| (*scope, *measure))
}

/// The whole-year metric that states a scope's total in a measure.
pub fn metric_name(scope: Scope, measure: Measure) -> &'static str {
    WHOLE_YEAR_METRICS
        .iter()
        .find(|(_, s, m)| *s == scope && *m == measure)
        .map_or("", |(name, _, _)| *name)
}

/// The dataset's totals for one year: thefts only (what the reports count), on one basis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct YearTotals {
    pub all: Tally,
    pub dprk_confirmed: Tally,
    /// Confirmed + suspected.
    pub dprk: Tally,
    /// Confirmed + suspected, leaving out attributions a credible party disputes.
    pub dprk_undisputed: Tally,
}

impl YearTotals {
    pub fn scope(&self, scope: Scope) -> Tally {
        match scope {
            Scope::All => self.all,
            Scope::Dprk => self.dprk,
        }
    }
}

/// Totals per covered year, indexed by `Year::index`. Rows outside the theft scope (market
/// manipulation, white-hat returns, rug pulls…) are left out, as the reports leave them out.
pub fn dataset_totals(incidents: &[Incident], basis: Basis) -> Vec<YearTotals> {
    let mut totals = vec![YearTotals::default(); Year::ALL.len()];
    for row in incidents
        .iter()
        .filter(|r| r.scope == crate::data::Scope::Theft)
    {
        let t = &mut totals[row.year().index()];
        let one = Tally {
            usd: row.value(basis),
            count: 1,
        };
        t.all = t.all.plus(one);
        if row.attribution.is_dprk() {
            t.dprk = t.dprk.plus(one);
            if !row.is_disputed() {
                t.dprk_undisputed = t.dprk_undisputed.plus(one);
            }
        }
        if row.attribution == Attribution::DprkConfirmed {
            t.dprk_confirmed = t.dprk_confirmed.plus(one);
        }
    }
    totals
}

/// One reported figure beside the dataset's figure for the same year, scope and measure.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub figure: &'static ReportedFigure,
    pub year: Year,
    pub scope: Scope,
    pub measure: Measure,
    pub reported: u64,
    pub dataset: u64,
}

impl Comparison {
    /// Dataset as a percentage of the reported figure.
    pub fn coverage_pct(&self) -> f64 {
        if self.reported == 0 {
            0.0
        } else {
            self.dataset as f64 / self.reported as f64 * 100.0
        }
    }
}

/// Every whole-year figure of a covered year, beside the dataset's sum on `basis`.
pub fn reconcile(
    incidents: &[Incident],
    figures: &'static [ReportedFigure],
    basis: Basis,
) -> Vec<Comparison> {
    let totals = dataset_totals(incidents, basis);
    figures
        .iter()
        .filter_map(|figure| {
            let year = Year::from_number(figure.year)?;
            let (scope, measure) = metric_scope(&figure.metric)?;
            let reported = match (figure.value, measure) {
                (ReportedValue::Usd(v), Measure::Usd)
                | (ReportedValue::Count(v), Measure::Count) => v,
                _ => return None,
            };
            let tally = totals[year.index()].scope(scope);
            let dataset = match measure {
                Measure::Usd => tally.usd,
                Measure::Count => u64::from(tally.count),
            };
            Some(Comparison {
                figure,
                year,
                scope,
                measure,
                reported,
                dataset,
            })
        })
        .collect()
}

/// The primary report's figure for a year, scope and measure (see [`primary_reported`]).
pub fn primary_figure(
    comparisons: &[Comparison],
    year: Year,
    scope: Scope,
    measure: Measure,
) -> Option<&Comparison> {
    newest_edition(
        comparisons
            .iter()
            .filter(|c| c.year == year && c.scope == scope && c.measure == measure),
        |c| &c.figure.source,
    )
}

/// One line of the methodology's reconciliation table: our rows for a year and scope, and the
/// primary report's figures where it gives them.
#[derive(Clone, Debug, PartialEq)]
pub struct ReconciliationRow {
    pub year: Year,
    pub label: &'static str,
    pub ours: Tally,
    /// The primary report's dollars and incident count for this scope, where it has one.
    pub reported_usd: Option<u64>,
    pub reported_count: Option<u64>,
}

impl ReconciliationRow {
    /// Our dollars as a percentage of the reported dollars.
    pub fn coverage_pct(&self) -> Option<f64> {
        let reported = self.reported_usd.filter(|usd| *usd > 0)?;
        Some(self.ours.usd as f64 / reported as f64 * 100.0)
    }
}

/// Per covered year: all thefts, DPRK confirmed, DPRK-linked and DPRK-linked leaving out
/// disputed attributions, each beside the report figure of the same scope.
pub fn reconciliation_rows(
    incidents: &[Incident],
    figures: &'static [ReportedFigure],
    basis: Basis,
) -> Vec<ReconciliationRow> {
    let totals = dataset_totals(incidents, basis);
    let comparisons = reconcile(incidents, figures, basis);
    let reported = |year, scope, measure| {
        primary_figure(&comparisons, year, scope, measure).map(|c| c.reported)
    };
    Year::ALL
        .iter()
        .flat_map(|&year| {
            let t = totals[year.index()];
            [
                ("All thefts", t.all, Some(Scope::All)),
                ("DPRK confirmed", t.dprk_confirmed, None),
                ("DPRK confirmed + suspected", t.dprk, Some(Scope::Dprk)),
                (
                    "… leaving out disputed attributions",
                    t.dprk_undisputed,
                    Some(Scope::Dprk),
                ),
            ]
            .map(|(label, ours, scope)| ReconciliationRow {
                year,
                label,
                ours,
                reported_usd: scope.and_then(|s| reported(year, s, Measure::Usd)),
                reported_count: scope.and_then(|s| reported(year, s, Measure::Count)),
            })
        })
        .collect()
}

/// A whole-year figure that a later Chainalysis edition restated.
#[derive(Clone, Debug, PartialEq)]
pub struct Restatement {
    pub year: i32,
    pub scope: Scope,
    pub measure: Measure,
    /// `(edition, value)`: the first and the newest statement.
    pub first: (u32, u64),
    pub newest: (u32, u64),
}

/// Every whole-year figure whose value changed between Chainalysis editions, oldest year
/// first: why a number quoted from an older report differs from ours.
pub fn restatements(figures: &[ReportedFigure]) -> Vec<Restatement> {
    let mut found: Vec<Restatement> = Vec::new();
    for figure in figures {
        let (Some(edition), Some((scope, measure))) = (
            chainalysis_edition(&figure.source),
            metric_scope(&figure.metric),
        ) else {
            continue;
        };
        let value = match figure.value {
            ReportedValue::Usd(v) | ReportedValue::Count(v) => v,
            _ => continue,
        };
        let same = |r: &&mut Restatement| {
            r.year == figure.year && r.scope == scope && r.measure == measure
        };
        match found.iter_mut().find(|r| same(r)) {
            Some(r) => {
                if edition < r.first.0 {
                    r.first = (edition, value);
                }
                if edition > r.newest.0 {
                    r.newest = (edition, value);
                }
            }
            None => found.push(Restatement {
                year: figure.year,
                scope,
                measure,
                first: (edition, value),
                newest: (edition, value),
            }),
        }
    }
    found.retain(|r| r.first.1 != r.newest.1);
    super::sort::sort_short_by_key(&mut found, |r| {
        (r.year, r.scope != Scope::Dprk, r.measure == Measure::Count)
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{INCIDENTS, REPORTED_FIGURES};

    #[test]
    fn dataset_side_is_the_sum_of_the_matching_thefts_on_each_basis() {
        for basis in Basis::ALL.iter().copied() {
            let comparisons = reconcile(INCIDENTS, REPORTED_FIGURES, basis);
            assert!(!comparisons.is_empty());
            for c in &comparisons {
                let rows = INCIDENTS.iter().filter(|r| {
                    r.scope == crate::data::Scope::Theft
                        && r.year() == c.year
                        && (c.scope == Scope::All || r.attribution.is_dprk())
                });
                let expected = match c.measure {
                    Measure::Usd => rows.map(|r| r.value(basis)).sum::<u64>(),
                    Measure::Count => rows.count() as u64,
                };
                assert_eq!(c.dataset, expected, "{basis:?} {:?}", c.figure);
            }
        }
    }

    #[test]
    fn chainalysis_headline_figures_are_present_for_both_years() {
        let comparisons = reconcile(INCIDENTS, REPORTED_FIGURES, Basis::Realised);
        let get = |year, scope, measure| {
            primary_figure(&comparisons, year, scope, measure)
                .map(|c| c.reported)
                .unwrap_or_else(|| panic!("missing {year:?} {scope:?} {measure:?}"))
        };
        assert_eq!(get(Year::Y2024, Scope::Dprk, Measure::Usd), 1_340_000_000);
        assert_eq!(get(Year::Y2024, Scope::Dprk, Measure::Count), 47);
        assert_eq!(get(Year::Y2024, Scope::All, Measure::Usd), 2_200_000_000);
        assert_eq!(get(Year::Y2024, Scope::All, Measure::Count), 303);
        assert_eq!(get(Year::Y2023, Scope::Dprk, Measure::Usd), 660_500_000);
        assert_eq!(get(Year::Y2023, Scope::Dprk, Measure::Count), 20);
    }

    #[test]
    fn confirmed_is_a_subset_of_dprk_which_is_a_subset_of_all() {
        for t in dataset_totals(INCIDENTS, Basis::Realised) {
            assert!(t.dprk_confirmed.usd <= t.dprk.usd && t.dprk.usd <= t.all.usd);
            assert!(t.dprk_undisputed.usd <= t.dprk.usd);
            assert!(t.dprk_confirmed.count <= t.dprk.count && t.dprk.count <= t.all.count);
        }
    }

    #[test]
    fn metric_names_and_scopes_are_one_table_read_both_ways() {
        for scope in [Scope::All, Scope::Dprk] {
            for measure in [Measure::Usd, Measure::Count] {
                let name = metric_name(scope, measure);
                assert!(!name.is_empty());
                assert_eq!(metric_scope(name), Some((scope, measure)));
            }
        }
        assert_eq!(metric_scope("dprk_share_pct"), None);
    }

    #[test]
    fn reconciliation_rows_carry_the_report_figures_of_their_scope() {
        let rows = reconciliation_rows(INCIDENTS, REPORTED_FIGURES, Basis::Realised);
        assert_eq!(rows.len(), 4 * Year::ALL.len());
        let dprk_2024 = rows
            .iter()
            .find(|r| r.year == Year::Y2024 && r.label == "DPRK confirmed + suspected")
            .unwrap();
        assert_eq!(dprk_2024.reported_usd, Some(1_340_000_000));
        assert_eq!(dprk_2024.reported_count, Some(47));
        let expected = dprk_2024.ours.usd as f64 / 1_340_000_000.0 * 100.0;
        assert_eq!(dprk_2024.coverage_pct(), Some(expected));
        let confirmed = rows
            .iter()
            .find(|r| r.year == Year::Y2024 && r.label == "DPRK confirmed")
            .unwrap();
        assert_eq!(
            (confirmed.reported_usd, confirmed.coverage_pct()),
            (None, None)
        );
    }

    #[test]
    fn restatements_are_the_figures_a_later_edition_changed() {
        let found = restatements(REPORTED_FIGURES);
        let dprk_2023 = found
            .iter()
            .find(|r| r.year == 2023 && r.scope == Scope::Dprk && r.measure == Measure::Usd)
            .expect("the 2023 DPRK figure was restated");
        assert_eq!(dprk_2023.first, (2024, 1_000_000_000));
        assert_eq!(dprk_2023.newest, (2025, 660_500_000));
        // Unchanged between editions (2023 DPRK incidents: 20 in both) is not a restatement.
        assert!(!found
            .iter()
            .any(|r| r.year == 2023 && r.scope == Scope::Dprk && r.measure == Measure::Count));
    }
}
