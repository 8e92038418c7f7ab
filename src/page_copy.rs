//! The page's fixed words, shared by the live masthead (`ui::masthead`) and the pre-rendered
//! first screen (`first_screen`), so the two never drift apart.

use crate::data::{years_phrase, Year};

pub const KICKER: &str = "Crypto Heist Explorer";

pub const DEK: &str = "Every hack and theft of $1M or more we could source, with who is blamed and how sure the record is. Filter, compare and share any view.";

/// "Crypto theft from 2023 to 2025: North Korea vs everyone else" (two years read "in 2023
/// and 2024").
pub fn masthead_title() -> String {
    let phrase = years_phrase(Year::ALL);
    let years = if Year::ALL.len() > 2 {
        format!("from {phrase}")
    } else {
        format!("in {phrase}")
    };
    format!("Crypto theft {years}: North Korea vs everyone else")
}

/// The story lead's link to the reconciliation.
pub const STORY_LINK: &str = "How the figures compare";

/// What the table (and an incident's page) says while the sources and notes are on their way.
pub const LOADING_DETAILS: &str = "Loading the sources and notes…";

/// What the chart's box says until a chart is drawn in it: the live chart host's while ECharts
/// loads, and the first screen's reserved frame for a link it has no drawing for.
pub const LOADING_CHART: &str = "Loading the chart…";

/// Said to a screen reader when a first-screen button is clicked before the app has started,
/// which will carry the click out (scripts/first-view.js).
pub const PENDING_ACTION: &str = "Still loading: this happens as soon as the explorer is ready.";
