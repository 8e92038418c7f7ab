//! Owns one ECharts instance: created through charming's `WasmRenderer`, updated in place with
//! `setOption(…, {notMerge: true})` on every state change, resized with the container, disposed
//! on unmount. Clicks are turned into filter narrowings.

use super::echarts::{replace_settings, EchartsInstance};
use super::formatters::Formatters;
use crate::charts::{BuiltChart, Narrowing};
use charming::{Chart, WasmRenderer};
use js_sys::Reflect;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

#[derive(Default)]
struct Host {
    instance: Option<EchartsInstance>,
    formatters: Option<Formatters>,
    current: Option<BuiltChart>,
    _on_click: Option<Closure<dyn Fn(JsValue)>>,
    observer: Option<(web_sys::ResizeObserver, Closure<dyn Fn()>)>,
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
    }
}

fn set_option(host: &Host, built: &BuiltChart) {
    let (Some(instance), Some(formatters)) = (&host.instance, &host.formatters) else {
        return;
    };
    let json = built.option_json().to_string();
    let Ok(option) = js_sys::JSON::parse(&json) else {
        return;
    };
    *formatters.units.borrow_mut() = built.units.clone();
    formatters.install(&option);
    instance.set_option(&option, &replace_settings());
}

/// Draws `chart`; `on_narrow` receives the filters behind a clicked bar or point.
#[component]
pub fn ChartHost(
    chart: Memo<Option<BuiltChart>>,
    /// Accessible description (the generated summary sentence).
    #[prop(into)]
    description: Signal<String>,
    on_narrow: Callback<Narrowing>,
) -> impl IntoView {
    let id = format!("chart-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let node = NodeRef::<leptos::html::Div>::new();
    let host: Rc<RefCell<Host>> = Rc::default();

    let effect_host = host.clone();
    let effect_id = id.clone();
    Effect::new(move |_| {
        let built = chart.get();
        let Some(element) = node.get() else { return };
        let mut h = effect_host.borrow_mut();
        let Some(built) = built else {
            h.dispose();
            return;
        };
        if h.instance.is_none() {
            // charming's renderer creates the instance (sized by the container); everything
            // after goes through our own bindings.
            let Ok(instance) = WasmRenderer::new_opt(None, None).render(&effect_id, &Chart::new())
            else {
                return;
            };
            let instance: EchartsInstance = JsValue::from(instance).unchecked_into();
            let click_host = effect_host.clone();
            let on_click = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
                let index = |key: &str| {
                    Reflect::get(&params, &key.into())
                        .ok()
                        .and_then(|v| v.as_f64())
                        .map(|v| v as usize)
                };
                let (Some(series), Some(data)) = (index("seriesIndex"), index("dataIndex")) else {
                    return;
                };
                let narrowing = click_host
                    .try_borrow()
                    .ok()
                    .and_then(|h| h.current.as_ref()?.narrowing(series, data).cloned());
                if let Some(narrowing) = narrowing {
                    on_narrow.run(narrowing);
                }
            });
            instance.on("click", on_click.as_ref().unchecked_ref());
            let resize_target = instance.clone();
            let on_resize = Closure::<dyn Fn()>::new(move || {
                if !resize_target.is_disposed() {
                    resize_target.resize();
                }
            });
            if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
                observer.observe(&element);
                h.observer = Some((observer, on_resize));
            }
            h.instance = Some(instance);
            h.formatters = Some(Formatters::new());
            h._on_click = Some(on_click);
        }
        set_option(&h, &built);
        h.current = Some(built);
        let _ = element.set_attribute("data-rendered", "true");
    });

    let cleanup_host = SendWrapper::new(host);
    on_cleanup(move || cleanup_host.borrow_mut().dispose());

    view! {
        <div
            class="chart"
            id=id
            node_ref=node
            role="img"
            aria-label=move || description.get()
            data-testid="chart"
        ></div>
    }
}
