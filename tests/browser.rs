//! Components in a real browser (headless Chromium via wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use crypto_heist_explorer::charts::{self, ChartInput, Narrowing, Palette};
use crypto_heist_explorer::data::{INCIDENTS, REPORTED_FIGURES, TIMELINE_EVENTS};
use crypto_heist_explorer::query::{Breakdown, Filters};
use crypto_heist_explorer::state::View;
use crypto_heist_explorer::ui::{provide_explorer, App, ChartHost, FilterPanel, SharedChart};
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The runner's page serves only its own files: load the ECharts build we ship (bundled by
/// scripts/build-echarts.mjs, which `make lint` and `make build` run first) and give charts a
/// size.
fn prepare_page() {
    let window = web_sys::window().unwrap();
    if Reflect::get(&window, &"echarts".into())
        .unwrap()
        .is_undefined()
    {
        js_sys::eval(include_str!("../target/echarts/echarts.min.js")).unwrap();
    }
    let document = window.document().unwrap();
    if document.get_element_by_id("test-style").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("test-style");
        style.set_text_content(Some(".chart { width: 600px; height: 360px; }"));
        document.head().unwrap().append_child(&style).unwrap();
    }
}

fn fresh_container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// `echarts.getInstanceByDom(el).getOption()`.
fn chart_option(el: &web_sys::Element) -> JsValue {
    let echarts = Reflect::get(&web_sys::window().unwrap(), &"echarts".into()).unwrap();
    let get: Function = Reflect::get(&echarts, &"getInstanceByDom".into())
        .unwrap()
        .unchecked_into();
    let instance = get.call1(&echarts, el).unwrap();
    assert!(
        !instance.is_undefined(),
        "no ECharts instance on the chart element"
    );
    let get_option: Function = Reflect::get(&instance, &"getOption".into())
        .unwrap()
        .unchecked_into();
    get_option.call0(&instance).unwrap()
}

fn series_data(option: &JsValue, series: u32) -> Vec<f64> {
    let all: js_sys::Array = Reflect::get(option, &"series".into())
        .unwrap()
        .unchecked_into();
    let data: js_sys::Array = Reflect::get(&all.get(series), &"data".into())
        .unwrap()
        .unchecked_into();
    data.iter()
        .map(|v| v.as_f64().unwrap_or(f64::NAN))
        .collect()
}

/// Waits (without sleeping blindly) until `cond` holds, for up to ~2 s of animation frames.
async fn until(mut cond: impl FnMut() -> bool) {
    for _ in 0..120 {
        if cond() {
            return;
        }
        leptos::task::tick().await;
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
    panic!("condition not met in time");
}

#[wasm_bindgen_test]
async fn chart_host_mounts_and_draws_the_year_comparison() {
    prepare_page();
    let container = fresh_container();
    let breakdown = Breakdown::compute(INCIDENTS, &Filters::default());
    let expected_dprk: Vec<f64> = breakdown
        .by_year
        .iter()
        .map(|s| s.dprk.usd as f64)
        .collect();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        let chart = Memo::new(move |_| {
            charts::build(
                View::Overview,
                &ChartInput {
                    breakdown: &breakdown,
                    base: &breakdown,
                    incidents: INCIDENTS,
                    figures: REPORTED_FIGURES,
                    events: TIMELINE_EVENTS,
                    years: Default::default(),
                    basis: Default::default(),
                    palette: Palette::for_theme(crypto_heist_explorer::state::Theme::Light),
                },
            )
            .map(|built| SharedChart::new(built, View::Overview))
        });
        view! {
            <ChartHost chart=chart description="test chart".to_string() on_narrow=Callback::new(|_: Narrowing| {})/>
        }
    });
    let chart_el = || container.query_selector("[data-testid=chart]").unwrap();
    until(|| chart_el().is_some_and(|el| el.get_attribute("data-rendered").is_some())).await;
    let el = chart_el().unwrap();
    assert_eq!(
        el.get_attribute("aria-label").as_deref(),
        Some("test chart")
    );
    assert!(
        el.query_selector("canvas").unwrap().is_some(),
        "ECharts drew a canvas"
    );
    let option = chart_option(&el);
    assert_eq!(series_data(&option, 0), expected_dprk);
    drop(handle);
}

#[wasm_bindgen_test]
async fn app_mounts_with_headline_numbers_and_chart() {
    prepare_page();
    let container = fresh_container();
    let handle = leptos::mount::mount_to(container.clone(), App);
    until(|| {
        container
            .query_selector("[data-testid=chart][data-rendered]")
            .unwrap()
            .is_some()
    })
    .await;
    let stolen = container
        .query_selector("[data-testid=kpi-stolen]")
        .unwrap()
        .expect("kpi-stolen")
        .get_attribute("data-value")
        .unwrap();
    // The default view: thefts only, counted at what the thieves could realise.
    let expected: u64 = INCIDENTS
        .iter()
        .filter(|r| r.scope == crypto_heist_explorer::data::Scope::Theft)
        .map(|r| r.value(crypto_heist_explorer::data::Basis::Realised))
        .sum();
    assert_eq!(stolen, expected.to_string());
    // The table mounts after the first chart frame, showing the 50 largest first: below the
    // chart, ten of them until the table nears the window, then the rest (ui::rows_in_dom).
    let rows = || {
        container
            .query_selector_all("[data-testid=incident-row]")
            .unwrap()
            .length() as usize
    };
    until(|| rows() > 0).await;
    assert!(rows() >= INCIDENTS.len().min(10), "{} rows", rows());
    container
        .query_selector(".table-section")
        .unwrap()
        .expect("the table")
        .scroll_into_view();
    until(|| rows() == INCIDENTS.len().min(50)).await;
    drop(handle);
}

fn click(container: &web_sys::HtmlElement, selector: &str) {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

/// Types `text` into an input and commits it as a reader does (a `change` event).
fn type_into(container: &web_sys::HtmlElement, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .unchecked_into();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

#[wasm_bindgen_test]
async fn filter_panel_clicks_and_typed_bounds_change_the_state_and_the_link() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let start = window.location().href().unwrap();
    let base = start.split('?').next().unwrap().to_string();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&base))
        .unwrap();
    let container = fresh_container();
    let explorer = StoredValue::new_local(None);
    let handle = leptos::mount::mount_to(container.clone(), move || {
        view! {
            <leptos_router::components::Router>
                {move || {
                    explorer.set_value(Some(provide_explorer()));
                    view! { <FilterPanel compact=Signal::stored(false)/> }
                }}
            </leptos_router::components::Router>
        }
    });
    let state = || explorer.get_value().unwrap().state.get_untracked();
    leptos::task::tick().await;

    click(&container, "[data-testid=filter-year-2024] input");
    leptos::task::tick().await;
    until(|| search().contains("year=2024")).await;
    assert_eq!(
        state().filters.years,
        [crypto_heist_explorer::data::Year::Y2024]
            .into_iter()
            .collect()
    );
    let checked = container
        .query_selector("[data-testid=filter-year-2024] input")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlInputElement>()
        .checked();
    assert!(checked, "the box shows the state");

    type_into(&container, "[data-testid=filter-min]", "2.5m");
    leptos::task::tick().await;
    until(|| search().contains("min=2500000")).await;
    assert_eq!(state().filters.min_usd, Some(2_500_000));

    // Refused input: said at the input, and neither the state nor the link changes.
    type_into(&container, "[data-testid=filter-min]", "-5");
    leptos::task::tick().await;
    let input = container
        .query_selector("[data-testid=filter-min]")
        .unwrap()
        .unwrap();
    until(|| input.get_attribute("aria-invalid").as_deref() == Some("true")).await;
    assert_eq!(state().filters.min_usd, Some(2_500_000));
    assert!(search().contains("min=2500000"));
    let message = container
        .query_selector("[data-testid=filter-min-error]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(message.contains("-5"), "{message}");

    drop(handle);
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&start))
        .unwrap();
}
