//! View state and its URL form.

pub mod links;
pub mod narrowing;
pub mod query_string;
pub mod range_input;
pub mod url_codec;
pub mod view_state;

pub use narrowing::Narrowing;
pub use query_string::{parse, serialize, Ignored, Parsed};
pub use range_input::Bound;
pub use view_state::{Sort, SortColumn, Theme, View, ViewState};
