//! The dataset, compiled in by `build.rs` from `data/*.csv` after validation: the incidents
//! (without their notes and sources, which the app loads from `DETAILS_FILE`, see
//! `data::details`), the reported figures and the timeline events.

use super::schema::*;
use chrono::NaiveDate;
use std::borrow::Cow;

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("build.rs wrote an invalid date"),
    }
}

const fn name(publisher: u16, kind: SourceKind) -> SourceName {
    SourceName { publisher, kind }
}

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// Every publisher the compiled-in rows cite, in the order `SourceName::publisher` counts.
pub fn publishers() -> &'static [&'static str] {
    static LIST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| PUBLISHER_LINES.split('\n').collect())
}

/// The compiled-in row's sources as the table names them, best first: publisher and kind.
/// A row from elsewhere (synthetic rows) names none.
pub fn source_names(row: &Incident) -> impl Iterator<Item = (&'static str, SourceKind)> + '_ {
    row.source_names.iter().filter_map(|n| {
        publishers()
            .get(usize::from(n.publisher))
            .map(|p| (*p, n.kind))
    })
}

/// The text of `DETAILS_FILE`, which the build writes beside the app (the host binary's
/// `details` command); on the host (and in unit tests) only: the app loads the file.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub const DETAILS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/details.json"));

/// Every incident's note and sources, in the order of [`INCIDENTS`]: on the host, read once
/// from the compiled-in [`DETAILS_JSON`]; the app loads the same file at run time.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn host_details() -> &'static [IncidentDetails] {
    static DETAILS: std::sync::OnceLock<Vec<IncidentDetails>> = std::sync::OnceLock::new();
    DETAILS.get_or_init(|| {
        super::details::parse(DETAILS_JSON, INCIDENTS)
            .unwrap_or_else(|e| panic!("build.rs wrote {DETAILS_FILE} for these rows: {e}"))
    })
}
