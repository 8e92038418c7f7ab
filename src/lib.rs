//! Crypto Heist Explorer: cryptocurrency theft year by year, North Korea (DPRK) vs everyone
//! else.
//!
//! Layers, each depending only on those above it: `data` (typed rows, compiled in) → `query`
//! (filter, aggregate, reconcile) → `state` (view state ↔ URL) → `format`, `summary`, `kpis`, `methodology` →
//! `charts` (aggregates → ECharts options) → `ui` (Leptos components, wasm only).
//! Everything but `ui` is plain Rust, unit-tested on the host.

pub mod canonical;
pub mod charts;
pub mod data;
pub mod embed;
pub mod export;
// Build-time only: the host binary writes the pre-rendered pages from these.
#[cfg(not(target_arch = "wasm32"))]
pub mod first_screen;
pub mod format;
pub mod incident_detail;
pub mod kpis;
pub mod methodology;
pub mod oembed;
pub mod page_copy;
pub mod query;
pub mod source_links;
pub mod state;
#[cfg(not(target_arch = "wasm32"))]
pub mod static_charts;
#[cfg(not(target_arch = "wasm32"))]
pub mod static_filters;
pub mod story;
pub mod summary;
pub mod table;

#[cfg(target_arch = "wasm32")]
pub mod ui;
