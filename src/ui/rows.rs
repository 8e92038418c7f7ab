//! The incidents the explorer filters: the compiled-in dataset and its notes and sources (the
//! file the build writes beside the page), or — only in a build with the `synthetic` feature,
//! which `make bench` makes and production never ships — a deterministic synthetic set whose
//! size comes from the page's `#rows=N` fragment.

use crate::data::{Incident, IncidentDetails};
use crate::query::RowIndex;
use std::sync::OnceLock;

/// The filter index over [`incidents`], built once; a search looks in names only.
pub fn index() -> &'static RowIndex<'static> {
    static INDEX: OnceLock<RowIndex<'static>> = OnceLock::new();
    INDEX.get_or_init(|| RowIndex::new(incidents(), None))
}

/// The filter index whose search looks in the notes too, built once they are loaded.
pub fn index_with_notes(details: &'static [IncidentDetails]) -> &'static RowIndex<'static> {
    static INDEX: OnceLock<RowIndex<'static>> = OnceLock::new();
    INDEX.get_or_init(|| RowIndex::new(incidents(), Some(details)))
}

#[cfg(not(feature = "synthetic"))]
pub fn incidents() -> &'static [Incident] {
    crate::data::INCIDENTS
}

/// Fetches `DETAILS_FILE` (relative to the page, so any sub-path works) and reads it; the error
/// is for the reader ("HTTP 404", "TypeError: Failed to fetch").
#[cfg(not(feature = "synthetic"))]
pub async fn fetch_details() -> Result<Vec<IncidentDetails>, String> {
    use super::echarts::describe;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(crate::data::DETAILS_FILE))
            .await
            .map_err(|e| describe(&e))?
            .dyn_into()
            .map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| describe(&e))?)
        .await
        .map_err(|e| describe(&e))?
        .as_string()
        .ok_or("not text")?;
    crate::data::details::parse(&text, incidents()).map_err(|e| e.to_string())
}

/// Same rows on every load, so benchmark runs compare like with like.
#[cfg(feature = "synthetic")]
const SYNTHETIC_SEED: u64 = 0x5eed;

#[cfg(feature = "synthetic")]
pub fn incidents() -> &'static [Incident] {
    static ROWS: OnceLock<Vec<Incident>> = OnceLock::new();
    ROWS.get_or_init(|| crate::data::synthetic::generate(synthetic_count(), SYNTHETIC_SEED))
}

#[cfg(feature = "synthetic")]
fn synthetic_count() -> usize {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .and_then(|h| h.strip_prefix("#rows=").and_then(|n| n.parse().ok()))
        .unwrap_or(10_000usize)
        .min(1_000_000)
}

/// The synthetic rows' notes and sources, made in place (there is no file to fetch).
#[cfg(feature = "synthetic")]
pub async fn fetch_details() -> Result<Vec<IncidentDetails>, String> {
    Ok(crate::data::synthetic::details(
        incidents().len(),
        SYNTHETIC_SEED,
    ))
}
