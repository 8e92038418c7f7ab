//! What an incident's own page says: its facts, its amount under each way of counting, who
//! blamed whom and who disputes it, where it sits in its year ([`detail`], from the row), and
//! every source with what it supports ([`sources`], from its details, which load later).
//! Every sentence with a number is made here.

use crate::data::{Basis, Incident, IncidentDetails, Scope, Source, SourceKind, Valuation};
use crate::format;

#[derive(Clone, Debug, PartialEq)]
pub struct SourceEntry {
    pub publisher: String,
    pub kind: &'static str,
    /// "date, amount, attribution", or "context".
    pub supports: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Detail {
    pub id: &'static str,
    /// The row's position among the incidents: where its note and sources are.
    pub index: usize,
    pub name: String,
    pub date: String,
    /// (label, value), e.g. ("As first reported", "$305M").
    pub amounts: Vec<(&'static str, String)>,
    /// (label, value): victim, vector, chains, kind of incident.
    pub facts: Vec<(&'static str, String)>,
    /// "DPRK (confirmed), by FBI, DC3 and Japan NPA joint statement".
    pub attribution: String,
    pub dispute: Option<String>,
    /// "The 2nd largest theft of 2024 in our list, 19% of the $1.58B stolen that year."
    pub standing: Option<String>,
    /// For the page's title and description.
    pub headline: String,
}

/// "official", "victim"…: the kind of a source as a short tag beside its publisher.
pub fn kind_label(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Official => "official",
        SourceKind::Victim => "victim",
        SourceKind::Investigator => "investigator",
        SourceKind::Press => "press",
        SourceKind::Aggregator => "list",
        SourceKind::Relay => "relay",
    }
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// An incident's sources as its page lists them, best first.
pub fn sources(details: &IncidentDetails) -> Vec<SourceEntry> {
    details
        .sources
        .iter()
        .map(|s| SourceEntry {
            publisher: s.publisher.to_string(),
            kind: kind_label(s.kind),
            supports: supports_phrase(s),
            url: s.url.to_string(),
        })
        .collect()
}

/// Which facts a source states, "date, amount, attribution", or "context" when it states none.
pub fn supports_phrase(source: &Source) -> String {
    let supports: Vec<&str> = source.supports.iter().map(|x| x.slug()).collect();
    if supports.is_empty() {
        "context".to_string()
    } else {
        supports.join(", ")
    }
}

/// The detail of incident `id` among `incidents`, its rank and share on `basis`.
pub fn detail(incidents: &'static [Incident], id: &str, basis: Basis) -> Option<Detail> {
    let index = incidents.iter().position(|r| r.id == id)?;
    let row = &incidents[index];
    let mut amounts = vec![("As first reported", format::usd_exact(row.loss_usd))];
    if row.valuation == Valuation::FaceValue {
        amounts.push((
            "Realised (what could be sold)",
            format::usd_exact(row.realised()),
        ));
    }
    if let Some(recovered) = row.recovered_usd {
        amounts.push(("Recovered", format::usd_exact(recovered)));
        amounts.push((
            "Net of recoveries",
            format::usd_exact(row.value(Basis::Net)),
        ));
    }
    let chains: Vec<&str> = row.chains.iter().map(|c| c.label()).collect();
    let facts = vec![
        ("Victim", row.category.label().to_string()),
        ("How", row.vector.label().to_string()),
        ("Chains", chains.join(", ")),
        ("Kind", row.scope.label().to_string()),
    ];
    let attribution = if row.attribution_by.is_empty() {
        row.attribution.label().to_string()
    } else {
        format!("{}, by {}", row.attribution.label(), row.attribution_by)
    };
    let dispute = row
        .is_disputed()
        .then(|| format!("Disputed: {}", row.disputed_by));
    let standing = (row.scope == Scope::Theft).then(|| {
        let year = row.year();
        let same_year: Vec<&Incident> = incidents
            .iter()
            .filter(|r| r.scope == Scope::Theft && r.year() == year)
            .collect();
        let value = row.value(basis);
        let rank = 1 + same_year.iter().filter(|r| r.value(basis) > value).count();
        let total: u64 = same_year.iter().map(|r| r.value(basis)).sum();
        let which = if rank == 1 {
            "The largest".to_string()
        } else {
            format!("The {} largest", ordinal(rank))
        };
        format!(
            "{which} of the {} thefts of {} in our list, {} of the {} stolen that year ({}).",
            same_year.len(),
            year.slug(),
            format::percent(value as f64 / total.max(1) as f64 * 100.0),
            format::usd(total),
            basis.short()
        )
    });
    let headline = format!(
        "{}: {} stolen on {}",
        row.name,
        format::usd(row.value(basis)),
        format::date(row.date)
    );
    Some(Detail {
        id: row.id.as_ref(),
        index,
        name: row.name.to_string(),
        date: format::date(row.date),
        amounts,
        facts,
        attribution,
        dispute,
        standing,
        headline,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{host_details, INCIDENTS};

    #[test]
    fn dmm_bitcoin_reads_from_its_row_with_sources_by_publisher() {
        let d = detail(INCIDENTS, "dmm-bitcoin-2024", Basis::Realised).expect("in the data");
        let row = INCIDENTS
            .iter()
            .find(|r| r.id == "dmm-bitcoin-2024")
            .unwrap();
        assert_eq!(d.name, "DMM Bitcoin");
        assert_eq!(d.date, "31 May 2024");
        assert_eq!(
            d.amounts[0],
            ("As first reported", format::usd_exact(row.loss_usd))
        );
        assert!(
            d.attribution.starts_with("DPRK (confirmed), by "),
            "{}",
            d.attribution
        );
        assert_eq!(INCIDENTS[d.index].id, row.id);
        let listed = sources(&host_details()[d.index]);
        assert_eq!(listed.len(), row.source_keys.len());
        assert_eq!(
            listed[0].publisher,
            host_details()[d.index].sources[0].publisher.as_ref()
        );
        assert!(!listed.iter().any(|s| s.publisher.contains("://")));
        // Its place in 2024, counted from the rows directly.
        let year: Vec<u64> = INCIDENTS
            .iter()
            .filter(|r| r.scope == Scope::Theft && r.year() == row.year())
            .map(|r| r.realised())
            .collect();
        let rank = 1 + year.iter().filter(|v| **v > row.realised()).count();
        let which = if rank == 1 {
            "The largest".to_string()
        } else {
            format!("The {} largest", ordinal(rank))
        };
        let standing = d.standing.unwrap();
        assert!(
            standing.starts_with(&format!("{which} of the {} thefts of 2024", year.len())),
            "{standing}"
        );
        assert!(
            d.headline
                .starts_with("DMM Bitcoin: $305M stolen on 31 May 2024"),
            "{}",
            d.headline
        );
    }

    #[test]
    fn unknown_ids_have_no_page_and_ordinals_read_right() {
        assert_eq!(detail(INCIDENTS, "no-such-incident", Basis::Realised), None);
        let words: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal).to_vec();
        assert_eq!(
            words,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]
        );
    }
}
