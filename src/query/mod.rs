//! Filtering and aggregation: pure functions over the incident slice.

pub mod breakdown;
pub mod claims;
pub mod filters;
pub mod reconcile;
pub mod report_scope;
pub mod row_index;
pub mod sort;

pub use breakdown::{Breakdown, FacetCounts, FacetValue, Share, SizeBucket, Split, Tally};
pub use filters::{AttributionSide, Facet, Filters};
pub use report_scope::report_scope;
pub use row_index::RowIndex;
pub use sort::{Sort, SortColumn};
