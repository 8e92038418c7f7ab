//! The ECharts calls charming's `WasmRenderer` does not bind: `setOption` with options,
//! `dispose`, `on`, `getDataURL`. All go to the global `echarts` our page loads from its own
//! origin (`echarts.min.js`, built from npm).

use wasm_bindgen::prelude::*;

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
