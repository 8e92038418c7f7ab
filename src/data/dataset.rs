//! The dataset, compiled in by `build.rs` from `data/*.csv` after validation.

use super::schema::*;
use chrono::NaiveDate;
use std::borrow::Cow;

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("build.rs wrote an invalid date"),
    }
}

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));
