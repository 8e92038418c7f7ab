//! The incidents the explorer filters: the compiled-in dataset, or — only in a build with the
//! `synthetic` feature, which `make bench` makes and production never ships — a deterministic
//! synthetic set whose size comes from the page's `#rows=N` fragment.

use crate::data::Incident;
use crate::query::RowIndex;
use std::sync::OnceLock;

/// The filter index over [`incidents`], built once.
pub fn index() -> &'static RowIndex<'static> {
    static INDEX: OnceLock<RowIndex<'static>> = OnceLock::new();
    INDEX.get_or_init(|| RowIndex::new(incidents()))
}

#[cfg(not(feature = "synthetic"))]
pub fn incidents() -> &'static [Incident] {
    crate::data::INCIDENTS
}

/// Same rows on every load, so benchmark runs compare like with like.
#[cfg(feature = "synthetic")]
const SYNTHETIC_SEED: u64 = 0x5eed;

#[cfg(feature = "synthetic")]
pub fn incidents() -> &'static [Incident] {
    static ROWS: OnceLock<Vec<Incident>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let count = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .and_then(|h| h.strip_prefix("#rows=").and_then(|n| n.parse().ok()))
            .unwrap_or(10_000usize)
            .min(1_000_000);
        crate::data::synthetic::generate(count, SYNTHETIC_SEED)
    })
}
