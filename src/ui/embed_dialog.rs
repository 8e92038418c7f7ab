//! The embed code generator: three kinds of code for the current view — responsive (iframe and
//! the resize script), fixed (iframe alone, sized for the article's column) and a link with a
//! preview image for newsletters — each shown, copyable and previewed live. A native `<dialog>`:
//! Escape closes it and focus returns to the button that opened it.

use super::browser::{copy_to_clipboard, page_url};
use super::context::{use_explorer, use_figure};
use super::modal::Modal;
use crate::embed::{fixed_height, fixed_snippet, link_snippet, snippet, COLUMN_WIDTHS};
use crate::state::links::{embed_link, image_beside, script_beside, share_link};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Responsive,
    Fixed,
    Link,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Responsive, Kind::Fixed, Kind::Link];

    fn slug(self) -> &'static str {
        match self {
            Kind::Responsive => "responsive",
            Kind::Fixed => "fixed",
            Kind::Link => "link",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Kind::Responsive => "Responsive: grows to its content (iframe + script)",
            Kind::Fixed => "Fixed size: iframe alone, for pages that allow no script",
            Kind::Link => "Link with preview image, for newsletters",
        }
    }
}

#[component]
pub fn EmbedDialog(open: RwSignal<bool>) -> impl IntoView {
    let explorer = use_explorer();
    let figure = use_figure();
    let kind = RwSignal::new(Kind::Responsive);
    let column = RwSignal::new(COLUMN_WIDTHS[3]);
    let copied = RwSignal::new(String::new());
    let embed_url = Memo::new(move |_| explorer.state.with(|s| embed_link(&page_url(), s)));
    let code = Memo::new(move |_| {
        let page = page_url();
        let title = format!("{} — Crypto Heist Explorer", figure.title.get());
        match kind.get() {
            Kind::Responsive => snippet(
                &embed_url.get(),
                &title,
                Some(script_beside(&page).as_str()),
            ),
            Kind::Fixed => fixed_snippet(&embed_url.get(), &title, column.get()),
            Kind::Link => link_snippet(
                &explorer.state.with(|s| share_link(&page, s)),
                &title,
                &image_beside(&page),
            ),
        }
    });
    let copy = move |_| {
        let text = code.get_untracked();
        spawn_local(async move {
            let ok = copy_to_clipboard(text).await;
            copied.set(
                if ok {
                    "Code copied"
                } else {
                    "Copying is blocked: select the code and copy it"
                }
                .into(),
            );
        });
    };
    let kinds = move || {
        Kind::ALL
            .map(|k| {
                view! {
                    <label class="option" data-testid=format!("embed-kind-{}", k.slug())>
                        <input
                            type="radio"
                            name="embed-kind"
                            prop:checked=move || kind.get() == k
                            on:change=move |_| {
                                kind.set(k);
                                copied.set(String::new());
                            }
                        />
                        <span>{k.label()}</span>
                    </label>
                }
            })
            .collect_view()
    };
    let widths = move || {
        COLUMN_WIDTHS
            .map(|w| view! { <option value=w.to_string() selected=w == column.get_untracked()>{format!("{w} px")}</option> })
            .collect_view()
    };
    view! {
        <Modal open=open title_id="embed-title" title="Embed this chart" class="embed-dialog" testid="embed-dialog">
            <p>"Paste this code into your article. The chart keeps the filters you chose and links back to the full explorer."</p>
            <fieldset class="embed-kinds">
                <legend>"Kind of code"</legend>
                {kinds()}
            </fieldset>
            <Show when=move || kind.get() == Kind::Fixed>
                <label class="embed-width">
                    <span>"Your article's column is about "</span>
                    <select
                        data-testid="embed-width"
                        on:change=move |ev| {
                            if let Ok(w) = event_target_value(&ev).parse() {
                                column.set(w);
                            }
                        }
                    >
                        {widths()}
                    </select>
                    <span>{move || format!(" wide: the frame is {} px high, and the chart fits itself to it.", fixed_height(column.get()))}</span>
                </label>
            </Show>
            <textarea readonly rows="5" data-testid="embed-code" prop:value=move || code.get()></textarea>
            <div class="dialog-actions">
                <button type="button" data-testid="embed-copy" on:click=copy>"Copy code"</button>
                <span role="status">{move || copied.get()}</span>
            </div>
            <Show when=move || open.get()>
                <h3>"Preview"</h3>
                {move || match kind.get() {
                    Kind::Responsive | Kind::Fixed => {
                        // The fixed snippet at its own size; the responsive one at full width.
                        let fixed = kind.get() == Kind::Fixed;
                        view! {
                            <iframe
                                class=if fixed { "embed-preview-fixed" } else { "embed-preview" }
                                data-testid="embed-preview"
                                src=move || embed_url.get()
                                title="Preview of the embedded chart"
                                width=move || fixed.then(|| column.get().to_string())
                                height=move || fixed.then(|| fixed_height(column.get()).to_string())
                            ></iframe>
                        }
                        .into_any()
                    }
                    Kind::Link => view! {
                        <a
                            class="embed-link-preview"
                            data-testid="embed-link-preview"
                            href=move || explorer.state.with(|s| share_link(&page_url(), s))
                            target="_blank"
                            rel="noopener noreferrer"
                        >
                            <img src="og-image.png" alt=move || figure.title.get() width="600"/>
                            <span>{move || figure.title.get()}</span>
                        </a>
                    }
                    .into_any(),
                }}
            </Show>
        </Modal>
    }
}
