//! Typed rows, their validation, and the compiled-in dataset.

// Reading and checking the CSVs happens at build time and in the host tests; the app ships
// the compiled rows and none of this.
#[cfg(not(target_arch = "wasm32"))]
pub mod csv_reader;
pub mod dataset;
pub mod dates;
pub mod details;
pub mod schema;
#[cfg(not(target_arch = "wasm32"))]
pub mod sourcing;
pub mod synthetic;
#[cfg(not(target_arch = "wasm32"))]
pub mod validate;
pub mod years;

#[cfg(any(test, not(target_arch = "wasm32")))]
pub use dataset::{host_details, DETAILS_JSON};
pub use dataset::{
    publishers, source_names, DATA_VERSION, DETAILS_FILE, INCIDENTS, REPORTED_FIGURES,
    TIMELINE_EVENTS,
};
pub use dates::parse_iso_date;
pub use schema::*;
pub use years::{years_phrase, years_span, Year, FIRST_YEAR, LAST_YEAR};
