//! The ECharts calls charming's `WasmRenderer` does not bind (`setOption` with settings,
//! `dispose`, `on`, `getDataURL`), the settings objects they take as typed structs, and whether
//! the library itself loaded. All calls go to the global `echarts` our page loads from its own
//! origin (`echarts.min.js`, built from npm).

use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance (`echarts.init` result).
    #[derive(Clone)]
    pub type EchartsInstance;

    /// Throws on an option ECharts cannot use; the error is returned, not raised.
    #[wasm_bindgen(method, catch, js_name = setOption)]
    fn set_option_raw(
        this: &EchartsInstance,
        option: &JsValue,
        settings: &JsValue,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    pub fn resize(this: &EchartsInstance);

    #[wasm_bindgen(method, js_name = getWidth)]
    pub fn width(this: &EchartsInstance) -> f64;

    #[wasm_bindgen(method, js_name = getHeight)]
    pub fn height(this: &EchartsInstance) -> f64;

    #[wasm_bindgen(method)]
    pub fn dispose(this: &EchartsInstance);

    /// ECharts returns `undefined` (not `false`) before the instance is disposed.
    #[wasm_bindgen(method, js_name = isDisposed)]
    fn is_disposed_raw(this: &EchartsInstance) -> JsValue;

    #[wasm_bindgen(method)]
    pub fn on(this: &EchartsInstance, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(method, catch, js_name = getDataURL)]
    fn get_data_url_raw(this: &EchartsInstance, settings: &JsValue) -> Result<String, JsValue>;

    /// Only on instances created with the SVG renderer.
    #[wasm_bindgen(method, catch, js_name = renderToSVGString)]
    pub fn render_to_svg_string(this: &EchartsInstance) -> Result<String, JsValue>;

    /// The instance drawn on `el`, or `undefined`.
    #[wasm_bindgen(catch, js_namespace = echarts, js_name = getInstanceByDom)]
    fn instance_by_dom(el: &web_sys::Element) -> Result<JsValue, JsValue>;

    /// Throws when the element has no size it can use or the canvas cannot be created.
    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn init_raw(
        el: &web_sys::Element,
        theme: &JsValue,
        settings: &JsValue,
    ) -> Result<EchartsInstance, JsValue>;
}

/// How `setOption` treats the previous option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merge {
    /// A new option replaces the old one, so series removed by a filter do not linger
    /// (ECharts merges by default).
    Replace,
    /// For an option of the same shape as the last: series are replaced (none linger) and
    /// everything else is merged instead of rebuilt, which ECharts redraws faster.
    ReplaceSeries,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SetOptionSettings {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    not_merge: bool,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    replace_merge: &'static [&'static str],
}

/// `echarts.init(el, null, {renderer, width, height})`; size fields absent follow the element.
#[derive(Serialize, Default)]
pub struct InitSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renderer: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

/// `getDataURL` settings for a PNG export.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageSettings<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub pixel_ratio: u32,
    pub background_color: &'a str,
}

fn to_js(value: &impl Serialize) -> JsValue {
    serde_wasm_bindgen::to_value(value).unwrap_or(JsValue::UNDEFINED)
}

/// Why a call failed, in words for the reader ("TypeError: …").
pub fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.to_string()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

pub fn init(el: &web_sys::Element, settings: &InitSettings) -> Result<EchartsInstance, String> {
    init_raw(el, &JsValue::NULL, &to_js(settings)).map_err(|e| describe(&e))
}

/// Where ECharts writes the id `getInstanceByDom` looks up.
pub const INSTANCE_ATTRIBUTE: &str = "_echarts_instance_";

/// The chart scripts/early-chart.js drew, now driven by the app.
pub struct Adopted {
    pub instance: EchartsInstance,
    /// The early chart's own box, now inside the app's chart element.
    pub root: web_sys::Element,
    /// The option's JSON text it was drawn from, as the first screen's data block holds it.
    pub drawn: Option<String>,
}

/// The default view's chart that scripts/early-chart.js drew into the first screen before the
/// wasm ran, moved into `element` to be driven from here on: the reader keeps the chart they may
/// already be hovering, and ECharts' costly first draw is not done twice.
pub fn adopt_early_chart(element: &web_sys::Element) -> Option<Adopted> {
    let document = web_sys::window()?.document()?;
    let early = document.query_selector("#boot .early-chart").ok()??;
    let instance = instance_by_dom(&early).ok()?;
    if !instance.is_object() {
        return None;
    }
    let instance: EchartsInstance = instance.unchecked_into();
    if instance.is_disposed() {
        return None;
    }
    element.append_child(&early).ok()?;
    // `echarts.getInstanceByDom(chart element)` finds the instance, as it does for one the app
    // created there itself (tests and readers' scripts ask the chart element, not its child).
    if let Some(id) = early.get_attribute(INSTANCE_ATTRIBUTE) {
        let _ = element.set_attribute(INSTANCE_ATTRIBUTE, &id);
    }
    let drawn = early_option_text(&document, &early);
    Some(Adopted {
        instance,
        root: early,
        drawn,
    })
}

/// The option text the early chart marked as drawn (`data-drawn`: which theme's), read from the
/// first screen's data block (src/first_screen.rs `early_chart_data`).
fn early_option_text(document: &web_sys::Document, early: &web_sys::Element) -> Option<String> {
    let theme = early.get_attribute("data-drawn")?;
    let block = document.get_element_by_id("early-chart")?.text_content()?;
    let data = js_sys::JSON::parse(&block).ok()?;
    js_sys::Reflect::get(&data, &JsValue::from_str(&theme))
        .ok()?
        .as_string()
}

impl EchartsInstance {
    pub fn is_disposed(&self) -> bool {
        self.is_disposed_raw().is_truthy()
    }

    pub fn set_option(&self, option: &JsValue, merge: Merge) -> Result<(), String> {
        let settings = match merge {
            Merge::Replace => SetOptionSettings {
                not_merge: true,
                replace_merge: &[],
            },
            Merge::ReplaceSeries => SetOptionSettings {
                not_merge: false,
                replace_merge: &["series"],
            },
        };
        self.set_option_raw(option, &to_js(&settings))
            .map_err(|e| describe(&e))
    }

    pub fn data_url(&self, settings: &ImageSettings) -> Result<String, String> {
        self.get_data_url_raw(&to_js(settings))
            .map_err(|e| describe(&e))
    }
}

/// Whether `echarts.min.js` has run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Library {
    Loading,
    Ready,
    Failed,
}

fn library_present() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"echarts".into()).ok())
        .is_some_and(|e| e.is_object())
}

/// The library's state as the page starts. scripts/first-view.js requests `echarts.min.js`
/// once the first screen has painted and publishes its outcome as `window.echartsLoad`; the
/// wasm loader starts the app only once that has settled, so by the time any Rust runs the
/// library has either run or failed for good.
pub fn library_status() -> RwSignal<Library> {
    RwSignal::new(if library_present() {
        Library::Ready
    } else {
        Library::Failed
    })
}

/// Loads `echarts.min.js` again (the reader pressed "Try again") and reports the outcome in
/// `status`. The handlers are the promise's own resolve and reject, so nothing is leaked.
pub fn reload_library(status: RwSignal<Library>) {
    status.set(Library::Loading);
    leptos::task::spawn_local(async move {
        let loaded = async {
            let document = web_sys::window()?.document()?;
            let old = document.get_element_by_id("echarts-script");
            let src = old
                .as_ref()
                .and_then(|s| s.get_attribute("src"))
                .unwrap_or_else(|| "echarts.min.js".to_string());
            let script: web_sys::HtmlScriptElement =
                document.create_element("script").ok()?.dyn_into().ok()?;
            script.set_src(&src);
            let promise = js_sys::Promise::new(&mut |resolve, reject| {
                script.set_onload(Some(&resolve));
                script.set_onerror(Some(&reject));
            });
            if let Some(old) = old {
                old.remove();
            }
            script.set_id("echarts-script");
            document.head()?.append_child(&script).ok()?;
            JsFuture::from(promise).await.ok()
        }
        .await;
        status.set(if loaded.is_some() && library_present() {
            Library::Ready
        } else {
            Library::Failed
        });
    });
}
