//! The ECharts calls charming's `WasmRenderer` does not bind: `setOption` with options,
//! `dispose`, `on`, `getDataURL`. All go to the global `echarts` our page loads from its own
//! origin (`echarts.min.js`, built from npm).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance (`echarts.init` result).
    #[derive(Clone)]
    pub type EchartsInstance;

    #[wasm_bindgen(method, js_name = setOption)]
    pub fn set_option(this: &EchartsInstance, option: &JsValue, settings: &JsValue);

    #[wasm_bindgen(method)]
    pub fn resize(this: &EchartsInstance);

    #[wasm_bindgen(method)]
    pub fn dispose(this: &EchartsInstance);

    /// ECharts returns `undefined` (not `false`) before the instance is disposed.
    #[wasm_bindgen(method, js_name = isDisposed)]
    fn is_disposed_raw(this: &EchartsInstance) -> JsValue;

    #[wasm_bindgen(method)]
    pub fn on(this: &EchartsInstance, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(method, js_name = getDataURL)]
    pub fn get_data_url(this: &EchartsInstance, settings: &JsValue) -> String;

    /// Only on instances created with the SVG renderer.
    #[wasm_bindgen(method, js_name = renderToSVGString)]
    pub fn render_to_svg_string(this: &EchartsInstance) -> String;

    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    pub fn init_with(el: &web_sys::Element, theme: &JsValue, settings: &JsValue)
        -> EchartsInstance;
}

/// `{ replaceMerge: ["series"] }`: for an option of the same shape as the last, series are
/// replaced (none linger) and everything else is merged instead of rebuilt.
pub fn update_settings() -> JsValue {
    let settings = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &settings,
        &"replaceMerge".into(),
        &js_sys::Array::of1(&"series".into()),
    );
    settings.into()
}

/// `{ notMerge: true }`: a new option replaces the old one, so series removed by a filter do not
/// linger (ECharts merges by default).
pub fn replace_settings() -> JsValue {
    let settings = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&settings, &"notMerge".into(), &true.into());
    settings.into()
}

impl EchartsInstance {
    pub fn is_disposed(&self) -> bool {
        self.is_disposed_raw().is_truthy()
    }
}

/// Whether the global `echarts` exists yet. The page loads ECharts with `async` so that its
/// parsing overlaps the wasm's download and compilation; the chart waits for its `load` event.
pub fn echarts_ready() -> leptos::prelude::ReadSignal<bool> {
    use leptos::prelude::*;
    let window = web_sys::window();
    let present = window
        .as_ref()
        .and_then(|w| js_sys::Reflect::get(w, &"echarts".into()).ok())
        .is_some_and(|e| !e.is_undefined());
    let (ready, set_ready) = signal(present);
    if !present {
        let script = window
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("echarts-script"));
        if let Some(script) = script {
            let on_load = Closure::<dyn Fn()>::new(move || set_ready.set(true));
            let _ =
                script.add_event_listener_with_callback("load", on_load.as_ref().unchecked_ref());
            // One listener per page, for the page's lifetime.
            on_load.forget();
        }
    }
    ready
}
