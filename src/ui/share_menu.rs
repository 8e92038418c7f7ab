//! Share: copy link (with a visible fallback field), chart as PNG/SVG, data as CSV/JSON, and the
//! embed code dialog. Every action degrades where a sandboxed frame blocks it.

use super::browser::{copy_to_clipboard, download_text, download_url, page_url};
use super::chart_export::{render_image, ImageFormat};
use super::context::{use_explorer, use_figure};
use super::details::Load;
use super::embed_dialog::EmbedDialog;
use super::rows::incidents;
use crate::charts::{Caption, Palette};
use crate::data::IncidentDetails;
use crate::export;
use crate::state::links::share_link;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// What the status line says after a download was asked for. A browser reports neither
/// success nor a silent refusal (a sandboxed frame without `allow-downloads`), so a download
/// is only ever "started".
fn download_status(what: &str, asked: bool) -> String {
    if asked {
        format!("{what} download started. Nothing arriving? This page may be in a frame that blocks downloads: open the full explorer.")
    } else {
        format!("{what} download is blocked here: open the full explorer.")
    }
}

#[component]
pub fn ShareMenu() -> impl IntoView {
    let explorer = use_explorer();
    let figure = use_figure();
    let status = RwSignal::new(String::new());
    let fallback = RwSignal::new(None::<String>);
    let embed_open = RwSignal::new(false);

    let copy_link = move |_| {
        let href = explorer
            .state
            .with_untracked(|s| share_link(&page_url(), s));
        spawn_local(async move {
            if copy_to_clipboard(href.clone()).await {
                fallback.set(None);
                status.set("Link copied".into());
            } else {
                status.set("Copying is blocked here: select the link below and copy it.".into());
                fallback.set(Some(href));
            }
        });
    };
    let image = move |format: ImageFormat| {
        let Some(built) = figure.chart.get_untracked() else {
            status.set("This view has no chart to download; use the data downloads.".into());
            return;
        };
        let title = figure.title.get_untracked();
        let scope = figure.scope.get_untracked();
        let source = format!(
            "{} Methodology: see the explorer.",
            figure.source.get_untracked()
        );
        let caption = Caption {
            title: &title,
            subtitle: &scope,
            source: &source,
        };
        let palette = Palette::for_theme(explorer.theme.get_untracked());
        match render_image(&built.built, &caption, &palette, format) {
            Ok(image) => {
                let asked = match format {
                    ImageFormat::Png => download_url("crypto-heists.png", &image),
                    ImageFormat::Svg => download_text("crypto-heists.svg", "image/svg+xml", &image),
                };
                status.set(download_status(format.name(), asked));
            }
            Err(why) => status.set(format!("The {} could not be drawn ({why}).", format.name())),
        }
    };
    let download_data = move |json: bool, details: &'static [IncidentDetails]| {
        let basis = explorer.state.with_untracked(|s| s.filters.basis);
        let rows: Vec<_> = explorer.breakdown.with_untracked(|b| {
            b.rows
                .iter()
                .filter_map(|i| Some((incidents().get(*i as usize)?, details.get(*i as usize)?)))
                .collect()
        });
        let asked = if json {
            download_text(
                "crypto-heists.json",
                "application/json",
                &export::to_json(rows, basis),
            )
        } else {
            download_text(
                "crypto-heists.csv",
                "text/csv",
                &export::to_csv(rows, basis),
            )
        };
        status.set(download_status(if json { "JSON" } else { "CSV" }, asked));
    };
    // The downloads carry each row's note and sources, loaded first if need be: the download
    // asked for (JSON or not) waits here for them.
    let pending = RwSignal::new(None::<bool>);
    let data = move |json: bool| {
        if let Load::Ready(details) = explorer.details.state_untracked() {
            download_data(json, details);
        } else {
            status.set("Loading the sources and notes for the download…".into());
            pending.set(Some(json));
            explorer.details.request();
        }
    };
    Effect::new(move |_| {
        let Some(json) = pending.get() else {
            return;
        };
        match explorer.details.state() {
            Load::Ready(details) => {
                pending.set(None);
                download_data(json, details);
            }
            Load::Failed(why) => {
                pending.set(None);
                status.set(format!(
                    "The {} download needs the sources and notes, which could not be loaded ({why}): press it again to retry.",
                    if json { "JSON" } else { "CSV" }
                ));
            }
            Load::Idle | Load::Loading => {}
        }
    });

    view! {
        <div class="share" data-testid="share-menu">
            <button type="button" data-testid="share-copy-link" on:click=copy_link>"Copy link"</button>
            <button type="button" data-testid="share-png" on:click=move |_| image(ImageFormat::Png)>"PNG"</button>
            <button type="button" data-testid="share-svg" on:click=move |_| image(ImageFormat::Svg)>"SVG"</button>
            <button type="button" data-testid="download-csv" on:click=move |_| data(false)>"CSV"</button>
            <button type="button" data-testid="download-json" on:click=move |_| data(true)>"JSON"</button>
            <button type="button" data-testid="share-embed" on:click=move |_| embed_open.set(true)>"Embed"</button>
            <p class="share-status" role="status" data-testid="share-status">{move || status.get()}</p>
            <Show when=move || fallback.get().is_some()>
                <label class="share-fallback">
                    <span>"Link to this view"</span>
                    <input
                        type="text"
                        readonly
                        data-testid="share-fallback"
                        prop:value=move || fallback.get().unwrap_or_default()
                        on:focus=move |ev| {
                            if let Some(input) = ev
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                            {
                                input.select();
                            }
                        }
                    />
                </label>
            </Show>
            <EmbedDialog open=embed_open/>
        </div>
    }
}
