//! Validates `data/*.csv` and compiles them into the app as static Rust data: no parsing at
//! start-up, and a bad row fails the build as `data/incidents.csv:LINE: …`. The incidents'
//! notes and sources, which the first screen does not need, go to `OUT_DIR/details.json`
//! instead (`src/data/details.rs`): the build ships it beside the app, which loads it later.
//! `HEIST_DATA_DIR` points the build at another copy of the data (used by the tests).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/data/csv_reader.rs"]
#[allow(dead_code)]
mod csv_reader;
#[path = "src/data/dates.rs"]
#[allow(dead_code)]
mod dates;
#[path = "src/data/details.rs"]
#[allow(dead_code)]
mod details;
#[path = "src/data/schema.rs"]
#[allow(dead_code)]
mod schema;
#[path = "src/data/sourcing.rs"]
#[allow(dead_code)]
mod sourcing;
#[path = "src/data/validate.rs"]
#[allow(dead_code)]
mod validate;

use chrono::Datelike;
use schema::{Incident, ReportedFigure, ReportedValue, TimelineEvent};

/// Every file the build reads; the fingerprint cited with the data covers all of them.
const DATA_FILES: [&str; 4] = [
    "incidents.csv",
    "sources.csv",
    "aggregates.csv",
    "events.csv",
];

fn main() {
    println!("cargo:rerun-if-env-changed=HEIST_DATA_DIR");
    let dir = std::env::var("HEIST_DATA_DIR").unwrap_or_else(|_| "data".to_string());
    let dir = PathBuf::from(dir);
    for name in DATA_FILES {
        println!("cargo:rerun-if-changed={}", dir.join(name).display());
    }

    let mut errors = Vec::new();
    let sourcing::Dataset {
        incidents,
        details,
        publishers,
    } = load_incidents(&dir, &mut errors);
    let figures = load(
        &dir,
        "aggregates.csv",
        validate::parse_aggregates,
        &mut errors,
    );
    let events = load(&dir, "events.csv", validate::parse_events, &mut errors);
    if let Some((first, _)) = covered_years(&incidents) {
        for event in &events {
            if event.date.year() < first {
                errors.push(format!(
                    "{}: event {} ({}) is before the first covered year, {first}",
                    dir.join("events.csv").display(),
                    event.date,
                    event.label
                ));
            }
        }
    } else if errors.is_empty() {
        errors.push("the dataset has no incidents, so it covers no year".into());
    }
    if !errors.is_empty() {
        for error in &errors {
            eprintln!("{error}");
        }
        eprintln!(
            "{} problem(s) in the dataset; the build stops here.",
            errors.len()
        );
        std::process::exit(1);
    }

    let version = format!("{:016x}", fingerprint(&dir));
    let details_json = details::to_json(&version, &incidents, &details);
    let mut out = String::new();
    writeln!(
        out,
        "/// Fingerprint of the data CSVs (FNV-1a), cited with the data.\npub const DATA_VERSION: &str = \"{version}\";\n\
         /// Where the incidents' notes and sources are, beside `index.html` (`data::details`).\n\
         pub const DETAILS_FILE: &str = \"{}\";",
        details::file_name(&details_json)
    )
    .unwrap();
    write_publishers(&mut out, &publishers);
    write_incidents(&mut out, &incidents);
    write_figures(&mut out, &figures);
    write_events(&mut out, &events);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("dataset.rs"), out).expect("write generated dataset");
    std::fs::write(out_dir.join("details.json"), details_json).expect("write the details file");
    std::fs::write(out_dir.join("years.rs"), years_source(&incidents)).expect("write years");
}

/// A validator from `src/data/validate.rs`: (file label, text) → rows or every error.
type Parser<T> = fn(&str, &str) -> Result<Vec<T>, Vec<validate::DataError>>;

fn load<T>(dir: &Path, name: &str, parse: Parser<T>, errors: &mut Vec<String>) -> Vec<T> {
    let path = dir.join(name);
    let label = path.display().to_string();
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&label, &text).unwrap_or_else(|errs| {
            errors.extend(errs.iter().map(ToString::to_string));
            Vec::new()
        }),
        Err(e) => {
            errors.push(format!("{label}: cannot read: {e}"));
            Vec::new()
        }
    }
}

/// The first and last year of any incident.
fn covered_years(incidents: &[Incident]) -> Option<(i32, i32)> {
    let years = incidents.iter().map(|r| r.date.year());
    Some((years.clone().min()?, years.max()?))
}

/// The covered years as a `Year` enum, from the first to the last year of any incident (a year
/// without rows inside that run is still covered: it reads as zero, not as missing).
fn years_source(incidents: &[Incident]) -> String {
    let (first, last) = covered_years(incidents).unwrap_or((0, 0));
    let variants: Vec<String> = (first..=last)
        .map(|y| format!("        Y{y} = \"{y}\" / \"{y}\","))
        .collect();
    format!(
        "slug_enum! {{\n    /// The years the dataset covers.\n    Year {{\n{}\n    }}\n}}\n\n\
         /// The first covered year.\npub const FIRST_YEAR: i32 = {first};\n\
         /// The last covered year.\npub const LAST_YEAR: i32 = {last};\n",
        variants.join("\n")
    )
}

/// Incidents joined with their sources: both files are read, and the sourcing rules checked.
fn load_incidents(dir: &Path, errors: &mut Vec<String>) -> sourcing::Dataset {
    let read = |name: &str, errors: &mut Vec<String>| {
        let path = dir.join(name);
        let label = path.display().to_string();
        let text = std::fs::read_to_string(&path)
            .map_err(|e| errors.push(format!("{label}: cannot read: {e}")))
            .ok();
        (label, text)
    };
    let (incidents_label, incidents_text) = read("incidents.csv", errors);
    let (sources_label, sources_text) = read("sources.csv", errors);
    let empty = || sourcing::Dataset {
        incidents: Vec::new(),
        details: Vec::new(),
        publishers: Vec::new(),
    };
    let (Some(incidents_text), Some(sources_text)) = (incidents_text, sources_text) else {
        return empty();
    };
    sourcing::parse_dataset(
        &incidents_label,
        &incidents_text,
        &sources_label,
        &sources_text,
    )
    .unwrap_or_else(|errs| {
        errors.extend(errs.iter().map(ToString::to_string));
        empty()
    })
}

fn fingerprint(dir: &Path) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for name in DATA_FILES {
        for byte in std::fs::read(dir.join(name)).unwrap_or_default() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

fn date(d: chrono::NaiveDate) -> String {
    format!("date({}, {}, {})", d.year(), d.month(), d.day())
}

fn option_usd(value: Option<u64>) -> String {
    match value {
        Some(v) => format!("Some({v})"),
        None => "None".into(),
    }
}

fn write_incidents(out: &mut String, rows: &[Incident]) {
    out.push_str("pub static INCIDENTS: &[Incident] = &[\n");
    for r in rows {
        writeln!(
            out,
            "Incident {{ id: Cow::Borrowed({:?}), date: {}, name: Cow::Borrowed({:?}), \
             category: Category::{:?}, chains: ChainSet::from_bits({}), loss_usd: {}, \
             recovered_usd: {}, realised_usd: {}, valuation: Valuation::{:?}, scope: Scope::{:?}, \
             vector: Vector::{:?}, attribution: Attribution::{:?}, \
             attribution_by: Cow::Borrowed({:?}), disputed_by: Cow::Borrowed({:?}), \
             source_keys: Cow::Borrowed(&{:?}), source_names: Cow::Borrowed(&[{}]) }},",
            r.id,
            date(r.date),
            r.name,
            r.category,
            r.chains.bits(),
            r.loss_usd,
            option_usd(r.recovered_usd),
            option_usd(r.realised_usd),
            r.valuation,
            r.scope,
            r.vector,
            r.attribution,
            r.attribution_by,
            r.disputed_by,
            r.source_keys,
            r.source_names
                .iter()
                .map(|n| format!("name({}, SourceKind::{:?})", n.publisher, n.kind))
                .collect::<Vec<_>>()
                .join(", "),
        )
        .unwrap();
    }
    out.push_str("];\n");
}

/// One string, a publisher per line: a table of `&str`s would add a pointer and a length per
/// publisher to the wasm, which compress far worse than the names.
fn write_publishers(out: &mut String, publishers: &[String]) {
    writeln!(
        out,
        "pub static PUBLISHER_LINES: &str = {:?};",
        publishers.join("\n")
    )
    .unwrap();
}

fn write_figures(out: &mut String, rows: &[ReportedFigure]) {
    out.push_str("pub static REPORTED_FIGURES: &[ReportedFigure] = &[\n");
    for r in rows {
        let value = match r.value {
            ReportedValue::Usd(v) => format!("ReportedValue::Usd({v})"),
            ReportedValue::Count(v) => format!("ReportedValue::Count({v})"),
            ReportedValue::Percent(v) => format!("ReportedValue::Percent({v:?})"),
        };
        writeln!(
            out,
            "ReportedFigure {{ source: Cow::Borrowed({:?}), year: {}, metric: Cow::Borrowed({:?}), \
             value: {value}, url: Cow::Borrowed({:?}), \
             repeats: Cow::Borrowed({:?}), error: Cow::Borrowed({:?}) }},",
            r.source, r.year, r.metric, r.url, r.repeats, r.error
        )
        .unwrap();
    }
    out.push_str("];\n");
}

fn write_events(out: &mut String, rows: &[TimelineEvent]) {
    out.push_str("pub static TIMELINE_EVENTS: &[TimelineEvent] = &[\n");
    for r in rows {
        writeln!(
            out,
            "TimelineEvent {{ date: {}, label: Cow::Borrowed({:?}), url: Cow::Borrowed({:?}), key: {} }},",
            date(r.date),
            r.label,
            r.url,
            r.key
        )
        .unwrap();
    }
    out.push_str("];\n");
}
