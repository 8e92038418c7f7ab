//! The numbers and sentences of the methodology panel, computed from the data: what the
//! totals leave out, which rows count at a realised value, how many rows each attribution level
//! has, how Chainalysis restated its own figures, the reconciliation table's cells, and the
//! citation.

use crate::data::{Attribution, Incident, ReportedFigure, Scope, Valuation};
use crate::format;
use crate::query::reconcile::{restatements, Measure, ReconciliationRow, Scope as ReportScope};
use chrono::NaiveDate;

pub fn count_kind(incidents: &[Incident], kind: Scope) -> usize {
    incidents.iter().filter(|r| r.scope == kind).count()
}

pub fn count_attribution(incidents: &[Incident], attribution: Attribution) -> usize {
    incidents
        .iter()
        .filter(|r| r.attribution == attribution)
        .count()
}

pub fn count_disputed(incidents: &[Incident]) -> usize {
    incidents.iter().filter(|r| r.is_disputed()).count()
}

/// "3 × white-hat or research exploit; 1 × rug pull…": the kinds left out of the totals.
pub fn kinds_left_out(incidents: &[Incident]) -> String {
    Scope::ALL
        .iter()
        .copied()
        .filter(|k| *k != Scope::Theft)
        .map(|k| {
            format!(
                "{} × {}",
                count_kind(incidents, k),
                k.label().to_ascii_lowercase()
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The incidents whose face value no market would pay, by name.
pub fn face_value_names(incidents: &[Incident]) -> String {
    incidents
        .iter()
        .filter(|r| r.valuation == Valuation::FaceValue)
        .map(|r| r.name.as_ref())
        .collect::<Vec<_>>()
        .join(", ")
}

fn reported_value(measure: Measure, value: u64) -> String {
    match measure {
        Measure::Usd => format::usd(value),
        Measure::Count => format::incidents(value),
    }
}

/// "Chainalysis has also restated earlier years: its 2023 DPRK-linked figure went from $1B
/// (2024 report) to $660.5M (2025 report); …", or nothing when no figure changed.
pub fn restatement_sentence(figures: &[ReportedFigure]) -> Option<String> {
    let clauses: Vec<String> = restatements(figures)
        .iter()
        .map(|r| {
            let what = match (r.scope, r.measure) {
                (ReportScope::Dprk, Measure::Usd) => "DPRK-linked dollar figure",
                (ReportScope::Dprk, Measure::Count) => "DPRK-linked incident count",
                (ReportScope::All, Measure::Usd) => "total stolen",
                (ReportScope::All, Measure::Count) => "incident count",
            };
            format!(
                "its {} {what} went from {} ({} report) to {} ({} report)",
                r.year,
                reported_value(r.measure, r.first.1),
                r.first.0,
                reported_value(r.measure, r.newest.1),
                r.newest.0
            )
        })
        .collect();
    (!clauses.is_empty()).then(|| {
        format!(
            "Chainalysis also restates earlier years in later reports: {}. We compare with the newest statement.",
            clauses.join("; ")
        )
    })
}

/// The reconciliation table's cells for one row: our sum, the report's figure, ours as a share.
pub fn reconciliation_cells(row: &ReconciliationRow) -> [String; 3] {
    let ours = format!(
        "{} · {}",
        format::usd(row.ours.usd),
        format::incidents(u64::from(row.ours.count))
    );
    let reported = match row.reported_usd {
        Some(usd) => format!(
            "{} · {}",
            format::usd(usd),
            row.reported_count.map_or(
                "incident count not published".to_string(),
                format::incidents
            )
        ),
        None => "–".to_string(),
    };
    let coverage = row.coverage_pct().map_or("–".to_string(), format::percent);
    [ours, reported, coverage]
}

/// `Crypto Heist Explorer, “Title” (data version abcd1234), https://…. Accessed 24 Nov 2026.`
pub fn citation(
    title: &str,
    data_version: &str,
    link: &str,
    accessed: Option<NaiveDate>,
) -> String {
    let version = data_version.get(..8).unwrap_or(data_version);
    let accessed = accessed.map_or(String::new(), |d| format!(" Accessed {}.", format::date(d)));
    format!("Crypto Heist Explorer, “{title}” (data version {version}), {link}.{accessed}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Basis, Year, INCIDENTS, REPORTED_FIGURES};
    use crate::query::reconcile::reconciliation_rows;

    #[test]
    fn counts_add_up_to_the_dataset() {
        let kinds: usize = Scope::ALL.iter().map(|k| count_kind(INCIDENTS, *k)).sum();
        assert_eq!(kinds, INCIDENTS.len());
        let levels: usize = Attribution::ALL
            .iter()
            .map(|a| count_attribution(INCIDENTS, *a))
            .sum();
        assert_eq!(levels, INCIDENTS.len());
        let left_out = kinds_left_out(INCIDENTS);
        assert_eq!(left_out.matches(" × ").count(), Scope::ALL.len() - 1);
        assert!(!left_out.to_lowercase().contains("theft ×"), "{left_out}");
    }

    #[test]
    fn face_value_rows_are_named() {
        let names = face_value_names(INCIDENTS);
        for row in INCIDENTS
            .iter()
            .filter(|r| r.valuation == Valuation::FaceValue)
        {
            assert!(names.contains(row.name.as_ref()), "{names}");
        }
    }

    #[test]
    fn the_restatement_sentence_reads_from_the_figures() {
        let sentence = restatement_sentence(REPORTED_FIGURES).expect("2023 was restated");
        assert!(
            sentence.contains(
                "its 2023 DPRK-linked dollar figure went from $1B (2024 report) to $660.5M (2025 report)"
            ),
            "{sentence}"
        );
        assert_eq!(restatement_sentence(&[]), None);
    }

    #[test]
    fn reconciliation_cells_show_a_dash_where_no_report_counts() {
        let rows = reconciliation_rows(INCIDENTS, REPORTED_FIGURES, Basis::Realised);
        let dprk_2024 = rows
            .iter()
            .find(|r| r.year == Year::Y2024 && r.label == "DPRK confirmed + suspected")
            .unwrap();
        let [_, reported, coverage] = reconciliation_cells(dprk_2024);
        assert_eq!(reported, "$1.34B · 47 incidents");
        assert!(coverage.ends_with('%'), "{coverage}");
        let confirmed = rows.iter().find(|r| r.label == "DPRK confirmed").unwrap();
        let [_, reported, coverage] = reconciliation_cells(confirmed);
        assert_eq!((reported.as_str(), coverage.as_str()), ("–", "–"));
    }

    #[test]
    fn a_citation_names_title_version_link_and_date() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 24);
        assert_eq!(
            citation("T", "0123456789abcdef", "https://x.org/?year=2024", day),
            "Crypto Heist Explorer, “T” (data version 01234567), https://x.org/?year=2024. Accessed 24 Nov 2026."
        );
        assert!(!citation("T", "abc", "l", None).contains("Accessed"));
    }
}
