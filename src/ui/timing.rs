//! Awaiting the browser's clock from async Rust: the next animation frame, the next task, a
//! delay. Used to let a frame paint before heavier work.

use wasm_bindgen_futures::JsFuture;

async fn wait(schedule: impl FnOnce(&web_sys::Window, &js_sys::Function)) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut schedule = Some(schedule);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(schedule) = schedule.take() {
            schedule(&window, &resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

pub async fn next_frame() {
    wait(|w, f| {
        let _ = w.request_animation_frame(f);
    })
    .await;
}

pub async fn next_task() {
    wait(|w, f| {
        let _ = w.set_timeout_with_callback(f);
    })
    .await;
}

pub async fn delay_ms(ms: i32) {
    wait(|w, f| {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(f, ms);
    })
    .await;
}
