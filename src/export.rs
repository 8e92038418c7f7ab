//! The filtered rows as CSV and JSON files, in the same columns as `data/incidents.csv` (so a
//! download can be checked against the source data line by line) plus the basis the reader
//! chose and what each row counts for on it. Each row comes with its note and sources
//! ([`IncidentDetails`]).

use crate::data::INCIDENTS_HEADER;
use crate::data::{Basis, Incident, IncidentDetails, Slug};

/// Appended after the `incidents.csv` columns.
pub const COUNTED_COLUMNS: [&str; 2] = ["basis", "counted_usd"];
use serde_json::json;

fn csv_field(text: &str) -> String {
    // A leading =, +, - or @ would run as a formula in a spreadsheet.
    let guarded = match text.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{text}"),
        _ => text.to_string(),
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn chains(row: &Incident) -> String {
    row.chains
        .iter()
        .map(Slug::slug)
        .collect::<Vec<_>>()
        .join(";")
}

pub fn to_csv<'a>(
    rows: impl IntoIterator<Item = (&'a Incident, &'a IncidentDetails)>,
    basis: Basis,
) -> String {
    let mut out = INCIDENTS_HEADER
        .iter()
        .chain(COUNTED_COLUMNS.iter())
        .copied()
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for (r, d) in rows {
        let fields = [
            r.id.to_string(),
            r.date.to_string(),
            r.name.to_string(),
            r.category.slug().to_string(),
            chains(r),
            r.loss_usd.to_string(),
            r.recovered_usd.map(|v| v.to_string()).unwrap_or_default(),
            r.vector.slug().to_string(),
            r.attribution.slug().to_string(),
            r.attribution_by.to_string(),
            d.source_urls().collect::<Vec<_>>().join(";"),
            d.note.to_string(),
            r.valuation.slug().to_string(),
            r.realised_usd.map(|v| v.to_string()).unwrap_or_default(),
            r.disputed_by.to_string(),
            r.scope.slug().to_string(),
            basis.slug().to_string(),
            r.value(basis).to_string(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

pub fn to_json<'a>(
    rows: impl IntoIterator<Item = (&'a Incident, &'a IncidentDetails)>,
    basis: Basis,
) -> String {
    let rows: Vec<serde_json::Value> = rows
        .into_iter()
        .map(|(r, d)| {
            json!({
                "id": r.id,
                "date": r.date.to_string(),
                "name": r.name,
                "category": r.category.slug(),
                "chains": r.chains.iter().map(Slug::slug).collect::<Vec<_>>(),
                "loss_usd": r.loss_usd,
                "recovered_usd": r.recovered_usd,
                "vector": r.vector.slug(),
                "attribution": r.attribution.slug(),
                "attribution_by": r.attribution_by,
                "sources": d.sources.iter().map(|s| json!({
                    "url": s.url,
                    "publisher": s.publisher,
                    "kind": s.kind.slug(),
                    "supports": s.supports.iter().map(Slug::slug).collect::<Vec<_>>(),
                    "published": s.published.map(|d| d.to_string()),
                })).collect::<Vec<_>>(),
                "note": d.note,
                "valuation": r.valuation.slug(),
                "realised_usd": r.realised_usd,
                "disputed_by": r.disputed_by,
                "scope": r.scope.slug(),
                "basis": basis.slug(),
                "counted_usd": r.value(basis),
            })
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into())
}

// Reads the export back with the host-only CSV reader.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::validate::parse_incidents;
    use crate::data::{host_details, INCIDENTS};

    fn all() -> impl Iterator<Item = (&'static Incident, &'static IncidentDetails)> {
        INCIDENTS.iter().zip(host_details())
    }

    #[test]
    fn csv_export_parses_back_to_the_same_rows() {
        let csv = to_csv(all(), Basis::Net);
        // Without the two counted columns, the export is data/incidents.csv's format.
        let plain: String = crate::data::csv_reader::read_records(&csv)
            .unwrap()
            .iter()
            .map(|r| {
                let keep = &r.fields[..r.fields.len() - COUNTED_COLUMNS.len()];
                keep.iter()
                    .map(|f| csv_field(f))
                    .collect::<Vec<_>>()
                    .join(",")
                    + "\n"
            })
            .collect();
        let parsed = parse_incidents("export.csv", &plain).expect("export is valid data");
        assert_eq!(parsed.len(), INCIDENTS.len());
        for (a, (b, d)) in parsed.iter().zip(all()) {
            let urls: Vec<&str> = d.source_urls().collect();
            assert_eq!(a.source_url, urls.join(";"));
            assert_eq!(a.note, d.note);
            let without_sources = crate::data::Incident {
                source_keys: std::borrow::Cow::Owned(Vec::new()),
                source_names: std::borrow::Cow::Owned(Vec::new()),
                ..b.clone()
            };
            assert_eq!(a.incident, without_sources);
        }
    }

    #[test]
    fn counted_column_follows_the_basis() {
        for basis in Basis::ALL.iter().copied() {
            let csv = to_csv(all(), basis);
            let records = crate::data::csv_reader::read_records(&csv).unwrap();
            assert_eq!(records[0].fields.last().unwrap(), "counted_usd");
            for (record, row) in records[1..].iter().zip(INCIDENTS) {
                assert_eq!(record.fields[record.fields.len() - 2], basis.slug());
                assert_eq!(record.fields.last().unwrap(), &row.value(basis).to_string());
            }
        }
    }

    #[test]
    fn json_export_has_one_object_per_row() {
        let json: serde_json::Value =
            serde_json::from_str(&to_json(all().take(3), Basis::Reported)).unwrap();
        assert_eq!(json[0]["counted_usd"], INCIDENTS[0].loss_usd);
        assert_eq!(json.as_array().unwrap().len(), 3);
        assert_eq!(json[0]["id"], INCIDENTS[0].id.as_ref());
        assert_eq!(
            json[0]["sources"][0]["publisher"],
            host_details()[0].sources[0].publisher.as_ref()
        );
    }

    #[test]
    fn spreadsheet_formulas_are_neutralised() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
