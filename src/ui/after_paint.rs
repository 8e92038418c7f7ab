//! A value that follows another one frame late, for the parts of the page below the chart.
//!
//! A filter change re-renders the chart and, in the same task, up to fifty table rows. The
//! rows cost the browser far more than the chart does (on the bench machine, 15–40 ms of style
//! and table layout against about 7 ms for ECharts), and all of it had to finish before the
//! frame that shows the new chart. Read through [`after_paint`], the table updates in the task
//! after that frame: the chart answers the click first and the rows follow a frame later.

use super::timing::{next_frame, next_task};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// `source`'s value now, then each later value once the frame that follows its change has been
/// painted. Changes that arrive while one is waiting are coalesced into the newest one. When
/// `wait` says no at the time of a change (nothing is drawn ahead of this part), the change
/// applies at once.
pub fn after_paint<T>(
    source: impl Fn() -> T + 'static,
    wait: impl Fn() -> bool + 'static,
) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let (settled, set_settled) = signal(untrack(&source));
    let newest: Rc<RefCell<Option<T>>> = Rc::default();
    let waiting = Rc::new(Cell::new(false));
    Effect::new(move |_| {
        let value = source();
        if !untrack(&wait) {
            // A change still waiting is overtaken by this one.
            newest.borrow_mut().take();
            if settled.with_untracked(|s| *s != value) {
                set_settled.set(value);
            }
            return;
        }
        let unchanged = settled.with_untracked(|s| *s == value);
        if unchanged && !waiting.get() {
            return;
        }
        *newest.borrow_mut() = Some(value);
        if waiting.replace(true) {
            return;
        }
        let (newest, waiting) = (newest.clone(), waiting.clone());
        leptos::task::spawn_local(async move {
            next_frame().await;
            next_task().await;
            waiting.set(false);
            if let Some(value) = newest.borrow_mut().take() {
                // The table may have been unmounted meanwhile: then there is nothing to update.
                if settled.try_with_untracked(|s| *s != value) == Some(true) {
                    set_settled.set(value);
                }
            }
        });
    });
    settled
}
