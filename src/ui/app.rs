//! The page: contexts, the order in which parts mount, and the layout.

use super::browser;
use super::context::{provide_explorer, provide_figure};
use super::document::sync_document;
use super::embed_resize::post_height_changes;
use super::figure::ChartFigure;
use super::filter_panel::FilterPanel;
use super::headline::Headline;
use super::incident_panel::{IncidentCard, IncidentPanel};
use super::incident_table::IncidentTable;
use super::masthead::Masthead;
use super::methodology::Methodology;
use super::modal::Modal;
use super::notice::Notice;
use super::page_parts::{panic_trigger, FiltersButton};
use super::share_menu::ShareMenu;
use super::story::Story;
use super::timing::{delay_ms, next_frame, next_task};
use super::view_tabs::ViewTabs;
use crate::state::View;
use leptos::prelude::*;
use leptos_router::components::Router;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Page/>
        </Router>
    }
}

/// The filter panel, table and dialogs mount once the first chart is drawn (or has failed, or
/// the view has no chart), so the chart is on screen first. Their space is laid out so that
/// nothing above them moves when they arrive.
fn settle_after_first_chart(chartless_mounted: Memo<bool>) -> (ReadSignal<bool>, Callback<()>) {
    let (settled, set_settled) = signal(false);
    let on_settled = Callback::new(move |()| {
        if settled.get_untracked() {
            return;
        }
        // After the chart's frame is painted: the next animation frame, then a fresh task.
        leptos::task::spawn_local(async move {
            next_frame().await;
            next_task().await;
            set_settled.set(true);
        });
    });
    Effect::new(move |_| {
        if chartless_mounted.get() && !settled.get_untracked() {
            set_settled.set(true);
        }
    });
    leptos::task::spawn_local(async move {
        // However long the chart takes, the rest of the page comes up.
        delay_ms(2000).await;
        set_settled.set(true);
    });
    (settled, on_settled)
}

/// How much of the page above the table is mounted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Words,
    Controls,
    Figure,
}

impl Stage {
    fn shows(self, part: Stage) -> bool {
        self >= part
    }
}

/// The page above the table mounts in three tasks: the masthead, story and headline numbers,
/// then the view tabs and share menu, then the figure (whose chart is drawn, or adopted, a task
/// later still). One task for all of it blocked input for longer than Lighthouse's 50 ms. The
/// app is hidden behind the first screen until its chart is drawn (`browser::end_boot`), so no
/// reader sees it arrive in parts.
fn mount_in_stages() -> ReadSignal<Stage> {
    let (stage, set_stage) = signal(Stage::Words);
    leptos::task::spawn_local(async move {
        next_task().await;
        set_stage.set(Stage::Controls);
        next_task().await;
        set_stage.set(Stage::Figure);
    });
    stage
}

/// Must match the phone breakpoint in style/main.css.
const PHONE: &str = "(max-width: 699px)";

#[component]
fn Page() -> impl IntoView {
    let explorer = provide_explorer();
    let figure = provide_figure(explorer);
    sync_document(explorer, figure);
    let state = explorer.state;
    let embed = Memo::new(move |_| state.with(|s| s.embed));
    if embed.get_untracked() {
        post_height_changes();
    }
    let methodology_open = RwSignal::new(browser::fragment() == "#methodology");
    // An embedded incident is a card in place of the chart.
    let incident_card = Memo::new(move |_| embed.get() && figure.incident.with(Option::is_some));
    let stage = mount_in_stages();
    // A view without a chart has settled once its figure (words, an empty state or a card) is
    // mounted: taking over the first screen earlier showed the page without it for a task, and
    // the table below moved down when it came.
    let chartless_mounted = Memo::new(move |_| {
        (incident_card.get()
            || figure.chart.with(Option::is_none)
            || explorer.breakdown.with(|b| b.rows.is_empty()))
            && stage.get().shows(Stage::Figure)
    });
    let (settled, on_chart_settled) = settle_after_first_chart(chartless_mounted);
    // The pre-rendered first screen gives way once the live chart is drawn (or, with no chart,
    // once the page has settled), in the same frame as the app appears in its place.
    let on_settled = Callback::new(move |()| {
        browser::end_boot();
        on_chart_settled.run(());
    });
    // The table, the largest part below, mounts one task after the filters, and the dialogs
    // (methodology, incident panel) one after the table: shorter tasks instead of one long one
    // that would block input (Lighthouse's total blocking time).
    let (table_ready, set_table_ready) = signal(false);
    let (dialogs_ready, set_dialogs_ready) = signal(false);
    Effect::new(move |_| {
        if settled.get() {
            browser::end_boot();
            leptos::task::spawn_local(async move {
                next_task().await;
                set_table_ready.set(true);
                next_task().await;
                set_dialogs_ready.set(true);
                next_task().await;
                browser::replay_static_action();
            });
        }
    });
    // On a phone the filters open in a sheet from a "Filters" button, so the chart is on the
    // first screen; wider screens keep them in a column beside it.
    let narrow = browser::media_query(PHONE);
    let filters_open = RwSignal::new(false);
    let in_sheet = Memo::new(move |_| narrow.get() && !embed.get());
    let with_panel = Memo::new(move |_| state.with(|s| !s.embed || s.controls));
    let is_table = Memo::new(move |_| state.with(|s| s.view == View::Table));
    // What cannot be cut to a frame's height (a table, a chart of labelled rows, an incident)
    // scrolls inside an embed instead; everything else lays itself out to its frame
    // (style/main.css) when the embed has no controls.
    let scrolls = Memo::new(move |_| {
        is_table.get()
            || incident_card.get()
            || figure
                .chart
                .with(|c| c.as_ref().is_some_and(|c| c.built.rows.is_some()))
    });
    let fits_frame = Memo::new(move |_| state.with(|s| s.embed && !s.controls) && !scrolls.get());

    view! {
        <div class="page" class:embed=embed class:fit=fits_frame class:scrolls=scrolls>
            <Show when=move || !embed.get()>
                <Masthead methodology_open=methodology_open/>
            </Show>
            <Notice/>
            <div class="layout" class:with-panel=with_panel class:table-first=is_table>
                <Show when=move || with_panel.get() && !in_sheet.get()>
                    <Show
                        when=move || settled.get()
                        fallback=|| view! { <div class="filters filters-placeholder"></div> }
                    >
                        <FilterPanel compact=embed/>
                    </Show>
                </Show>
                <main class="main" id="main">
                    <Show when=move || !embed.get()>
                        <Story methodology_open=methodology_open/>
                        <Headline/>
                        <Show when=move || in_sheet.get()>
                            <FiltersButton open=filters_open/>
                        </Show>
                        <Show when=move || stage.get().shows(Stage::Controls)>
                            <ViewTabs/>
                            <ShareMenu/>
                        </Show>
                    </Show>
                    <Show when=move || stage.get().shows(Stage::Figure)>
                        <Show
                            when=move || incident_card.get()
                            fallback=move || view! { <ChartFigure methodology_open=methodology_open on_settled=on_settled/> }
                        >
                            <IncidentCard/>
                        </Show>
                    </Show>
                </main>
                // An embed shows the table only as its view ("Every incident in the selection").
                <Show when=move || !embed.get() || is_table.get()>
                    <Show when=move || table_ready.get() fallback=|| view! { <div class="table-area table-placeholder"></div> }>
                        <IncidentTable/>
                    </Show>
                </Show>
            </div>
            <Show when=move || dialogs_ready.get()>
                <Methodology open=methodology_open/>
                <IncidentPanel/>
            </Show>
            <Show when=move || in_sheet.get() && settled.get()>
                <Modal open=filters_open title_id="filters-sheet-title" title="Filters" class="filters-sheet" testid="filters-sheet">
                    <FilterPanel compact=Signal::stored(false)/>
                </Modal>
            </Show>
            {panic_trigger()}
        </div>
    }
}
