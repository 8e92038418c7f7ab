//! Owns one ECharts instance: created once the library is there, updated in place on every
//! state change, resized with the container, disposed on unmount. Clicks become filter
//! narrowings. When the library did not load, or ECharts throws, the reader sees why in place
//! of the chart, with a way to try again; everything else on the page keeps working.
//!
//! charming builds every option; the instance is driven through our own bindings
//! (`super::echarts`) rather than charming's `WasmRenderer`, which re-initialises on render,
//! merges options, has no dispose or events, and would ship a second serializer for every
//! chart type (about 60 KB of wasm).

use super::echarts::{
    adopt_early_chart, init, library_status, reload_library, EchartsInstance, InitSettings,
    Library, Merge, INSTANCE_ATTRIBUTE,
};
use super::formatters::Formatters;
use super::timing::next_task;
use crate::charts::{BuiltChart, ClickTarget, Narrowing};
use crate::state::View;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A built chart shared without copying; two are equal only if they are the same build, so a
/// memo holding one never compares or clones whole ECharts options. `view` tells the host
/// whether the next option has the same shape as the last.
#[derive(Clone, Debug)]
pub struct SharedChart {
    pub built: Arc<BuiltChart>,
    pub view: View,
}

impl SharedChart {
    pub fn new(built: BuiltChart, view: View) -> Self {
        SharedChart {
            built: Arc::new(built),
            view,
        }
    }

    /// Same view and same number of series: only data and labels differ.
    fn same_shape(&self, other: &SharedChart) -> bool {
        self.view == other.view && self.built.units == other.built.units
    }
}

impl PartialEq for SharedChart {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.built, &other.built)
    }
}

#[derive(Default)]
struct Host {
    instance: Option<EchartsInstance>,
    formatters: Option<Formatters>,
    current: Option<SharedChart>,
    _on_click: Option<Closure<dyn Fn(JsValue)>>,
    observer: Option<(web_sys::ResizeObserver, Closure<dyn Fn()>)>,
    /// The early chart's own box and the chart element it was moved into, when the instance
    /// was adopted (`adopt_early_chart`).
    adopted: Option<(web_sys::Element, web_sys::Element)>,
    /// The option text the adopted chart shows, until the first draw has compared it.
    drawn_early: Option<String>,
}

impl Host {
    fn dispose(&mut self) {
        if let Some((observer, _)) = self.observer.take() {
            observer.disconnect();
        }
        if let Some(instance) = self.instance.take() {
            if !instance.is_disposed() {
                instance.dispose();
            }
        }
        if let Some((root, element)) = self.adopted.take() {
            root.remove();
            let _ = element.remove_attribute(INSTANCE_ATTRIBUTE);
        }
        self.current = None;
        self.drawn_early = None;
    }

    /// Creates the instance on `element`, with click and resize handling.
    fn start(
        &mut self,
        element: &web_sys::Element,
        this: &Rc<RefCell<Host>>,
        on_narrow: Callback<Narrowing>,
    ) -> Result<(), String> {
        let instance = match adopt_early_chart(element) {
            Some(adopted) => {
                self.adopted = Some((adopted.root, element.clone()));
                self.drawn_early = adopted.drawn;
                adopted.instance
            }
            None => init(element, &InitSettings::default())?,
        };
        let click_host = this.clone();
        let on_click = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
            let Ok(target) = serde_wasm_bindgen::from_value::<ClickTarget>(params) else {
                return;
            };
            let narrowing = click_host
                .try_borrow()
                .ok()
                .and_then(|h| h.current.as_ref()?.built.clicked(&target).cloned());
            if let Some(narrowing) = narrowing {
                on_narrow.run(narrowing);
            }
        });
        instance.on("click", on_click.as_ref().unchecked_ref());
        let resize_target = instance.clone();
        let resized = element.clone();
        // The observer also reports the size the chart was just drawn at; ECharts would lay the
        // whole chart out again for it (a third of a first draw's time), so only a new size
        // resizes.
        let on_resize = Closure::<dyn Fn()>::new(move || {
            let same = f64::from(resized.client_width()) == resize_target.width()
                && f64::from(resized.client_height()) == resize_target.height();
            if !same && !resize_target.is_disposed() {
                resize_target.resize();
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(element);
            self.observer = Some((observer, on_resize));
        }
        self.instance = Some(instance);
        self.formatters = Some(Formatters::new());
        self._on_click = Some(on_click);
        Ok(())
    }

    fn draw(&mut self, chart: SharedChart) -> Result<(), String> {
        let json = chart.built.option_json().to_string();
        let drawn_early = self.drawn_early.take();
        let (Some(instance), Some(formatters)) = (&self.instance, &self.formatters) else {
            return Err("the chart is not set up".to_string());
        };
        *formatters.units.borrow_mut() = chart.built.units.clone();
        // The adopted early chart shows this very option, with formatters that write what ours
        // write (scripts/chart-format.mjs, checked against ours at every build): setting it
        // again would lay out and render the same chart a second time while the page starts.
        if drawn_early.is_some_and(|drawn| drawn == json) {
            self.current = Some(chart);
            return Ok(());
        }
        // One JSON.parse crosses into JS once, where building the object field by field would
        // cross once per field.
        let option = js_sys::JSON::parse(&json).map_err(|e| super::echarts::describe(&e))?;
        formatters.install(&option);
        let same_shape = self.current.as_ref().is_some_and(|c| c.same_shape(&chart));
        let merge = if same_shape {
            Merge::ReplaceSeries
        } else {
            Merge::Replace
        };
        instance.set_option(&option, merge)?;
        self.current = Some(chart);
        Ok(())
    }
}

/// Why there is no chart, in words for the reader.
#[derive(Clone, Debug, PartialEq)]
enum Failure {
    Library,
    Chart(String),
}

impl Failure {
    fn message(&self) -> String {
        match self {
            Failure::Library => "The chart could not be drawn: the charting library \
                                 (echarts.min.js) did not load. The figures, summary and table \
                                 still work."
                .to_string(),
            Failure::Chart(why) => format!(
                "The chart could not be drawn ({why}). The figures, summary and table still work."
            ),
        }
    }
}

/// Draws `chart`; `on_narrow` receives the filters behind a clicked bar or point.
#[component]
pub fn ChartHost(
    chart: Memo<Option<SharedChart>>,
    /// Accessible description (the generated summary sentence).
    #[prop(into)]
    description: Signal<String>,
    on_narrow: Callback<Narrowing>,
    /// Called once a chart is drawn, or has failed for good (the page uses the first call to
    /// mount what is below).
    #[prop(optional)]
    on_settled: Option<Callback<()>>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let host: Rc<RefCell<Host>> = Rc::default();
    let library = library_status();
    let failure = RwSignal::new(None::<Failure>);
    // Bumped by "Try again" after ECharts itself threw, to run the effect once more.
    let attempt = RwSignal::new(0u32);
    let settled = move || {
        if let Some(on_settled) = on_settled {
            on_settled.run(());
        }
    };

    // The first draw waits for a task of its own: mounting the page and drawing the chart in
    // one go made one long task that blocked input (Lighthouse's total blocking time).
    let after_mount = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        next_task().await;
        after_mount.set(true);
    });

    let effect_host = SendWrapper::new(host.clone());
    Effect::new(move |_| {
        attempt.track();
        let next = chart.get();
        if !after_mount.get() {
            return;
        }
        let Some(element) = node.get() else { return };
        match library.get() {
            Library::Loading => return,
            Library::Failed => {
                failure.set(Some(Failure::Library));
                settled();
                return;
            }
            Library::Ready => {}
        }
        let this: &Rc<RefCell<Host>> = &effect_host;
        let mut h = this.borrow_mut();
        let Some(next) = next else {
            h.dispose();
            return;
        };
        let drawn = if h.instance.is_none() {
            h.start(&element, this, on_narrow)
        } else {
            Ok(())
        }
        .and_then(|()| h.draw(next));
        match drawn {
            Ok(()) => {
                failure.set(None);
                let _ = element.set_attribute("data-rendered", "true");
            }
            Err(why) => {
                h.dispose();
                failure.set(Some(Failure::Chart(why)));
                let _ = element.remove_attribute("data-rendered");
            }
        }
        drop(h);
        settled();
    });

    let retry = move |_| match failure.get_untracked() {
        Some(Failure::Library) => {
            failure.set(None);
            reload_library(library);
        }
        Some(Failure::Chart(_)) => {
            failure.set(None);
            attempt.update(|n| *n += 1);
        }
        None => {}
    };

    let cleanup_host = SendWrapper::new(host);
    on_cleanup(move || cleanup_host.borrow_mut().dispose());

    // A chart of labelled rows is as tall as its rows (the CSS reads the custom property).
    let rows_height = move || {
        chart.with(|c| {
            c.as_ref()
                .and_then(|c| c.built.min_height_px())
                .map(|px| format!("{px}px"))
        })
    };
    view! {
        <div class="chart-box">
            <div
                class="chart"
                class:rows=move || rows_height().is_some()
                style:--rows-height=rows_height
                node_ref=node
                role="img"
                aria-label=move || description.get()
                data-testid="chart"
            ></div>
            <Show when=move || library.get() == Library::Loading>
                <p class="chart-status" role="status" data-testid="chart-loading">{crate::page_copy::LOADING_CHART}</p>
            </Show>
            <Show when=move || failure.with(Option::is_some)>
                <div class="chart-failed" role="alert" data-testid="chart-failed">
                    <p>{move || failure.get().map(|f| f.message()).unwrap_or_default()}</p>
                    <button type="button" data-testid="chart-retry" on:click=retry>"Try again"</button>
                </div>
            </Show>
        </div>
    }
}
