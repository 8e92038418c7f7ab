//! Typed rows, their validation, and the compiled-in dataset.

pub mod csv_reader;
pub mod dataset;
pub mod dates;
pub mod schema;
pub mod sourcing;
pub mod synthetic;
pub mod validate;
pub mod years;

pub use dataset::{DATA_VERSION, INCIDENTS, REPORTED_FIGURES, TIMELINE_EVENTS};
pub use dates::parse_iso_date;
pub use schema::*;
pub use years::{years_phrase, years_span, Year, FIRST_YEAR, LAST_YEAR};
