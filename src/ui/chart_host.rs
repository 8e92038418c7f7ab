//! Owns one ECharts instance: created once the ECharts script has run (it loads `async`, in
//! parallel with the wasm), updated in place with `setOption(…, {notMerge: true})` on every
//! state change, resized with the container, disposed on unmount. Clicks become filter
//! narrowings.
//!
//! charming builds every option; the instance is driven through our own bindings
//! (`super::echarts`) rather than charming's `WasmRenderer`, which re-initialises on render,
//! merges options, has no dispose or events, and would ship a second serializer for every
//! chart type (about 60 KB of wasm).

use super::echarts::{
    echarts_ready, init_with, replace_settings, update_settings, EchartsInstance,
};
use super::formatters::Formatters;
use crate::charts::{BuiltChart, Narrowing};
use crate::state::View;
use js_sys::Reflect;
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

fn set_option(host: &Host, built: &BuiltChart, same_shape: bool) {
    let (Some(instance), Some(formatters)) = (&host.instance, &host.formatters) else {
        return;
    };
    let json = built.option_json().to_string();
    let Ok(option) = js_sys::JSON::parse(&json) else {
        return;
    };
    *formatters.units.borrow_mut() = built.units.clone();
    formatters.install(&option);
    // A new view replaces the whole option (nothing lingers); a filter change on the same view
    // replaces only the series, which ECharts redraws several times faster.
    let settings = if same_shape {
        update_settings()
    } else {
        replace_settings()
    };
    instance.set_option(&option, &settings);
}

/// Draws `chart`; `on_narrow` receives the filters behind a clicked bar or point.
#[component]
pub fn ChartHost(
    chart: Memo<Option<SharedChart>>,
    /// Accessible description (the generated summary sentence).
    #[prop(into)]
    description: Signal<String>,
    on_narrow: Callback<Narrowing>,
    /// Called after each option is drawn (the page uses the first to mount what is below).
    #[prop(optional)]
    on_drawn: Option<Callback<()>>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let host: Rc<RefCell<Host>> = Rc::default();

    let effect_host = host.clone();
    let ready = echarts_ready();
    Effect::new(move |_| {
        let built = chart.get();
        let Some(element) = node.get() else { return };
        if !ready.get() {
            return;
        }
        let mut h = effect_host.borrow_mut();
        let Some(built) = built else {
            h.dispose();
            return;
        };
        if h.instance.is_none() {
            let instance = init_with(&element, &JsValue::NULL, &JsValue::UNDEFINED);
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
                    .and_then(|h| h.current.as_ref()?.built.narrowing(series, data).cloned());
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
        let same_shape = h.current.as_ref().is_some_and(|c| c.same_shape(&built));
        set_option(&h, &built.built, same_shape);
        h.current = Some(built);
        let _ = element.set_attribute("data-rendered", "true");
        drop(h);
        if let Some(on_drawn) = on_drawn {
            on_drawn.run(());
        }
    });

    let cleanup_host = SendWrapper::new(host);
    on_cleanup(move || cleanup_host.borrow_mut().dispose());

    view! {
        <div
            class="chart"
            node_ref=node
            role="img"
            aria-label=move || description.get()
            data-testid="chart"
        ></div>
    }
}
