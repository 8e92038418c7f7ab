//! Share: copy link (with a visible fallback field), chart as PNG/SVG, data as CSV/JSON, and the
//! embed code dialog. Every action degrades where a sandboxed frame blocks it.

use super::app::{use_explorer, use_figure};
use super::chart_export::{render_image, ImageFormat};
use super::download::{click_link, download_text};
use super::embed_dialog::EmbedDialog;
use super::rows::incidents;
use crate::charts::{Caption, Palette};
use crate::export;
use crate::summary::SOURCE_LINE;
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// `navigator.clipboard.writeText`; false when the API is missing or the write is refused.
pub async fn copy_to_clipboard(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = Reflect::get(&window.navigator(), &"clipboard".into()).unwrap_or_default();
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    let Ok(write) = Reflect::get(&clipboard, &"writeText".into()) else {
        return false;
    };
    let Ok(write) = write.dyn_into::<Function>() else {
        return false;
    };
    let Ok(promise) = write.call1(&clipboard, &text.into()) else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .is_ok()
}

/// The link to this view with its years written out ([`crate::state::ViewState::pinned`]).
pub fn shareable_href(state: &crate::state::ViewState) -> String {
    let (page, _) = super::embed_dialog::page_base();
    let query = crate::state::serialize(&state.pinned());
    if query.is_empty() {
        page
    } else {
        format!("{page}?{query}")
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
        let href = explorer.state.with_untracked(shareable_href);
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
        let caption = Caption {
            title: &title,
            subtitle: &scope,
            source: SOURCE_LINE,
        };
        let palette = Palette::for_theme(explorer.theme.get_untracked());
        let (name, ok) = match format {
            ImageFormat::Png => {
                match render_image(&built.built, &caption, &palette, ImageFormat::Png) {
                    Some(url) => ("PNG", click_link("crypto-heists.png", &url)),
                    None => ("PNG", false),
                }
            }
            ImageFormat::Svg => {
                match render_image(&built.built, &caption, &palette, ImageFormat::Svg) {
                    Some(svg) => (
                        "SVG",
                        download_text("crypto-heists.svg", "image/svg+xml", &svg),
                    ),
                    None => ("SVG", false),
                }
            }
        };
        status.set(if ok {
            format!("{name} downloaded")
        } else {
            format!("{name} download is blocked here")
        });
    };
    let data = move |json: bool| {
        let basis = explorer.state.with_untracked(|s| s.filters.basis);
        let rows: Vec<_> = explorer.breakdown.with_untracked(|b| {
            b.rows
                .iter()
                .filter_map(|i| incidents().get(*i as usize))
                .collect()
        });
        let ok = if json {
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
        status.set(
            if ok {
                "Data downloaded"
            } else {
                "Downloads are blocked here"
            }
            .into(),
        );
    };

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
