//! Filtering and aggregation: pure functions over the incident slice.

pub mod breakdown;
pub mod filters;
pub mod reconcile;
pub mod row_index;

pub use breakdown::{Breakdown, FacetCounts, FacetValue, Share, SizeBucket, Split, Tally};
pub use filters::{Facet, Filters};
pub use row_index::RowIndex;
