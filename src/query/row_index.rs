//! A compact copy of the fields the filter-and-total loop reads, 16 bytes per row plus one
//! value per basis, built once per dataset. Scanning it instead of the full rows (strings and
//! all) is what keeps a million-row aggregation inside its budget.

use crate::data::{search_text, Attribution, Basis, Incident, IncidentDetails, FIRST_YEAR};
use chrono::{Datelike, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowKey {
    pub chains: u64,
    /// Days since 1 Jan of the first covered year, on a 366-day-per-year grid: ordered like
    /// dates, and `day % 366` is the day of the year.
    pub day: u16,
    pub month0: u8,
    pub year: u8,
    pub category: u8,
    pub vector: u8,
    pub attribution: u8,
    pub scope: u8,
}

/// The grid position of a date (dates before the covered years map to 0).
pub fn day_number(date: NaiveDate) -> u16 {
    let year = (date.year() - FIRST_YEAR).clamp(0, 100) as u16;
    year * 366 + date.ordinal0() as u16
}

impl RowKey {
    pub fn of(row: &Incident) -> RowKey {
        RowKey {
            chains: row.chains.bits(),
            day: day_number(row.date),
            month0: row.date.month0() as u8,
            year: row.year().index() as u8,
            category: row.category.index() as u8,
            vector: row.vector.index() as u8,
            attribution: row.attribution.index() as u8,
            scope: row.scope.index() as u8,
        }
    }

    /// DPRK-linked (confirmed or suspected), read from the attribution index.
    pub fn is_dprk(self) -> bool {
        Attribution::ALL
            .get(usize::from(self.attribution))
            .is_some_and(|a| a.is_dprk())
    }

    pub fn ordinal0(self) -> usize {
        usize::from(self.day % 366)
    }
}

/// The incidents with their keys, their value on every basis and their lower-cased search text.
pub struct RowIndex<'a> {
    pub incidents: &'a [Incident],
    pub keys: Vec<RowKey>,
    /// `values[basis.index()][row]`: what each row counts for on each basis, so switching the
    /// basis changes which column the loop reads, not the index.
    values: Vec<Vec<u64>>,
    /// `search_text(name, note)` per row: built here rather than compiled into the wasm, which
    /// would carry every name and note twice.
    pub texts: Vec<String>,
}

impl<'a> RowIndex<'a> {
    /// The index of `incidents`, searching their names and, when given (`details[i]` belongs
    /// to `incidents[i]`), their notes.
    pub fn new(incidents: &'a [Incident], details: Option<&[IncidentDetails]>) -> Self {
        let note = |i: usize| {
            details
                .and_then(|d| d.get(i))
                .map_or("", |d| d.note.as_ref())
        };
        RowIndex {
            incidents,
            keys: incidents.iter().map(RowKey::of).collect(),
            values: Basis::ALL
                .iter()
                .map(|basis| incidents.iter().map(|r| r.value(*basis)).collect())
                .collect(),
            texts: incidents
                .iter()
                .enumerate()
                .map(|(i, r)| search_text(&r.name, note(i)))
                .collect(),
        }
    }

    /// Every row's value on `basis`, in row order.
    pub fn values(&self, basis: Basis) -> &[u64] {
        &self.values[basis.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::INCIDENTS;

    #[test]
    fn keys_are_small_and_ordered_like_dates() {
        assert!(std::mem::size_of::<RowKey>() <= 16);
        let mut rows: Vec<_> = INCIDENTS.iter().collect();
        rows.sort_by_key(|r| r.date);
        assert!(rows
            .windows(2)
            .all(|w| day_number(w[0].date) <= day_number(w[1].date)));
        for r in INCIDENTS {
            assert_eq!(RowKey::of(r).ordinal0(), r.date.ordinal0() as usize);
        }
    }
}
