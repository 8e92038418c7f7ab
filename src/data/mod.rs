//! Typed rows, their validation, and the compiled-in dataset.

pub mod csv_reader;
pub mod dataset;
pub mod schema;
pub mod synthetic;
pub mod validate;

pub use dataset::{DATA_VERSION, INCIDENTS, REPORTED_FIGURES, TIMELINE_EVENTS};
pub use schema::*;
