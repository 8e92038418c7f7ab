//! CSV text → typed, validated rows. `build.rs` runs this on `data/*.csv` so a bad row fails the
//! build as `data/incidents.csv:LINE: what is wrong`; the tests run it on broken copies.

use super::csv_reader::{read_records, Record};
use super::schema::*;
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

pub const AGGREGATES_HEADER: &[&str] = &[
    "source", "year", "metric", "value", "url", "note", "repeats", "error",
];
pub const EVENTS_HEADER: &[&str] = &["date", "label", "url", "key"];

/// A problem in one row of a data file.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Collects every error of a file instead of stopping at the first, so one build run lists
/// everything a data editor has to fix.
pub(crate) struct Checker<'a> {
    file: &'a str,
    errors: Vec<DataError>,
}

impl<'a> Checker<'a> {
    pub(crate) fn new(file: &'a str) -> Self {
        Self {
            file,
            errors: Vec::new(),
        }
    }

    pub(crate) fn error(&mut self, line: usize, message: impl Into<String>) {
        self.errors.push(DataError {
            file: self.file.to_string(),
            line,
            message: message.into(),
        });
    }

    /// Splits the file, checks the header and the field count; returns the data records.
    pub(crate) fn records(&mut self, text: &str, header: &[&str]) -> Vec<Record> {
        let mut records = match read_records(text) {
            Ok(records) => records,
            Err(e) => {
                self.error(e.line, e.message);
                return Vec::new();
            }
        };
        if records.is_empty() {
            self.error(1, "file is empty (expected a header row)");
            return Vec::new();
        }
        let head = records.remove(0);
        if head.fields != header {
            self.error(
                head.line,
                format!(
                    "header must be `{}`, found `{}`",
                    header.join(","),
                    head.fields.join(",")
                ),
            );
            return Vec::new();
        }
        records.retain(|r| {
            let ok = r.fields.len() == header.len();
            if !ok {
                self.error(
                    r.line,
                    format!("expected {} fields, found {}", header.len(), r.fields.len()),
                );
            }
            ok
        });
        records
    }

    pub(crate) fn finish<T>(self, rows: Vec<T>) -> Result<Vec<T>, Vec<DataError>> {
        if self.errors.is_empty() {
            Ok(rows)
        } else {
            Err(self.errors)
        }
    }
}

pub(crate) fn parse_enum<T: Slug>(value: &str, what: &str) -> Result<T, String> {
    T::from_slug(value).ok_or_else(|| {
        let expected: Vec<&str> = T::ALL.iter().map(|v| v.slug()).collect();
        format!(
            "unknown {what} '{value}' (expected one of: {})",
            expected.join(", ")
        )
    })
}

pub(crate) fn parse_date(value: &str, what: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| format!("{what} '{value}' is not a date in YYYY-MM-DD form"))
}

/// Whole, non-negative dollars; a decimal point or a sign is an error, not something to round.
pub fn parse_usd(value: &str, what: &str) -> Result<u64, String> {
    if value.starts_with('-') {
        return Err(format!("{what} '{value}' is negative"));
    }
    if value.contains('.') || value.contains(',') {
        return Err(format!("{what} '{value}' is not a whole number of dollars"));
    }
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{what} '{value}' is not a number"));
    }
    value
        .parse()
        .map_err(|_| format!("{what} '{value}' is too large"))
}

pub(crate) fn is_slug_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub(crate) fn check_urls(urls: &str, what: &str) -> Result<(), String> {
    let mut any = false;
    for url in urls.split(';').map(str::trim).filter(|u| !u.is_empty()) {
        any = true;
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(format!("{what} '{url}' is not an http(s) URL"));
        }
    }
    if any {
        Ok(())
    } else {
        Err(format!("missing {what}"))
    }
}

/// An incident as `incidents.csv` states it, before its sources are attached.
#[derive(Clone, Debug, PartialEq)]
pub struct IncidentRow {
    pub line: usize,
    /// `source_keys` is empty until [`join_sources`].
    pub incident: Incident,
    pub note: String,
    /// The `source_url` column: the incident's source URLs in `sources.csv` order, `;`-separated.
    pub source_url: String,
}

/// Parses and validates `incidents.csv`. `file` is the path used in messages.
pub fn parse_incidents(file: &str, text: &str) -> Result<Vec<IncidentRow>, Vec<DataError>> {
    let mut check = Checker::new(file);
    let records = check.records(text, INCIDENTS_HEADER);
    let mut first_line_of_id: HashMap<String, usize> = HashMap::new();
    let mut rows = Vec::with_capacity(records.len());
    for record in records {
        let line = record.line;
        if let Some(first) = first_line_of_id.get(&record.fields[0]) {
            check.error(
                line,
                format!(
                    "duplicate id '{}' (first on line {first})",
                    record.fields[0]
                ),
            );
            continue;
        }
        first_line_of_id.insert(record.fields[0].clone(), line);
        match incident_from_fields(&record.fields) {
            Ok(incident) => rows.push(IncidentRow {
                line,
                incident,
                note: record.fields[11].clone(),
                source_url: record.fields[10].clone(),
            }),
            Err(message) => check.error(line, message),
        }
    }
    check.finish(rows)
}

fn optional_usd(value: &str, what: &str) -> Result<Option<u64>, String> {
    if value.is_empty() {
        Ok(None)
    } else {
        parse_usd(value, what).map(Some)
    }
}

fn incident_from_fields(f: &[String]) -> Result<Incident, String> {
    let [id, date, name, category, chains, loss, recovered, vector, attribution, attribution_by, source_url, _note, valuation, realised, disputed_by, scope] =
        f
    else {
        return Err("wrong number of fields".into());
    };
    if !is_slug_id(id) {
        return Err(format!(
            "id '{id}' must be a non-empty slug of a-z, 0-9 and '-'"
        ));
    }
    let date = parse_date(date, "date")?;
    if !PLAUSIBLE_YEARS.contains(&date.year()) {
        return Err(format!(
            "date {date} is outside {}-01-01..{}-12-31",
            PLAUSIBLE_YEARS.start(),
            PLAUSIBLE_YEARS.end()
        ));
    }
    if name.trim().is_empty() {
        return Err("missing name".into());
    }
    let category: Category = parse_enum(category, "category")?;
    let mut chain_set = ChainSet::EMPTY;
    for chain in chains.split(';') {
        chain_set.insert(parse_enum::<Chain>(chain.trim(), "chain")?);
    }
    let loss_usd = parse_usd(loss, "loss_usd")?;
    let recovered_usd = optional_usd(recovered, "recovered_usd")?;
    if let Some(recovered) = recovered_usd {
        if recovered > loss_usd {
            return Err(format!(
                "recovered_usd {recovered} exceeds loss_usd {loss_usd}"
            ));
        }
    }
    let vector: Vector = parse_enum(vector, "vector")?;
    let attribution: Attribution = parse_enum(attribution, "attribution")?;
    if attribution != Attribution::Unknown && attribution_by.trim().is_empty() {
        return Err(format!(
            "attribution '{}' needs attribution_by (who attributed it)",
            attribution.slug()
        ));
    }
    if !disputed_by.trim().is_empty() && !attribution.is_dprk() {
        return Err(format!(
            "disputed_by is for disputed DPRK attributions, but attribution is '{}'",
            attribution.slug()
        ));
    }
    check_urls(source_url, "source_url")?;
    let valuation: Valuation = parse_enum(valuation, "valuation")?;
    let realised_usd = optional_usd(realised, "realised_usd")?;
    match (valuation, realised_usd) {
        (Valuation::FaceValue, None) => {
            return Err(
                "valuation 'face_value' needs realised_usd (what the thief actually got out)"
                    .into(),
            )
        }
        (Valuation::FaceValue, Some(realised)) if realised > loss_usd => {
            return Err(format!(
                "realised_usd {realised} exceeds loss_usd {loss_usd}"
            ))
        }
        (Valuation::Market, Some(_)) => {
            return Err(
                "realised_usd is only for valuation 'face_value' (market rows realise loss_usd)"
                    .into(),
            )
        }
        _ => {}
    }
    let scope: Scope = parse_enum(scope, "scope")?;
    Ok(Incident {
        id: Cow::Owned(id.clone()),
        date,
        name: Cow::Owned(name.clone()),
        category,
        chains: chain_set,
        loss_usd,
        recovered_usd,
        realised_usd,
        valuation,
        scope,
        vector,
        attribution,
        attribution_by: Cow::Owned(attribution_by.clone()),
        disputed_by: Cow::Owned(disputed_by.clone()),
        source_keys: Cow::Owned(Vec::new()),
        source_names: Cow::Owned(Vec::new()),
    })
}

/// The unit of a metric follows from its name: `…_usd` dollars, `…_pct` a percentage,
/// `incidents…` / `…_incidents…` a count.
fn reported_value(metric: &str, value: &str) -> Result<ReportedValue, String> {
    if metric.ends_with("_usd") || metric.contains("_usd_") {
        parse_usd(value, "value").map(ReportedValue::Usd)
    } else if metric.ends_with("_pct") {
        value
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(ReportedValue::Percent)
            .ok_or_else(|| format!("value '{value}' is not a percentage"))
    } else if metric.starts_with("incidents") || metric.contains("_incidents") {
        parse_usd(value, "value").map(ReportedValue::Count)
    } else {
        Err(format!(
            "metric '{metric}' has no known unit (name it …_usd, …_pct or …incidents…)"
        ))
    }
}

/// Parses and validates `aggregates.csv`.
pub fn parse_aggregates(file: &str, text: &str) -> Result<Vec<ReportedFigure>, Vec<DataError>> {
    let mut check = Checker::new(file);
    let records = check.records(text, AGGREGATES_HEADER);
    let mut rows = Vec::with_capacity(records.len());
    for record in records {
        // The note is for whoever checks the figure; nothing in the app shows it.
        let [source, year, metric, value, url, _note, repeats, error] = &record.fields[..] else {
            continue;
        };
        let row = (|| {
            if source.trim().is_empty() {
                return Err("missing source".to_string());
            }
            let year: i32 = year
                .parse()
                .ok()
                .filter(|y| (2009..=2100).contains(y))
                .ok_or_else(|| format!("year '{year}' is not a year"))?;
            let value = reported_value(metric, value)?;
            check_urls(url, "url")?;
            Ok(ReportedFigure {
                source: Cow::Owned(source.clone()),
                year,
                metric: Cow::Owned(metric.clone()),
                value,
                url: Cow::Owned(url.clone()),
                repeats: Cow::Owned(repeats.trim().to_string()),
                error: Cow::Owned(error.trim().to_string()),
            })
        })();
        match row {
            Ok(row) => rows.push((record.line, row)),
            Err(message) => check.error(record.line, message),
        }
    }
    for (line, message) in repeat_errors(&rows) {
        check.error(line, message);
    }
    check.finish(rows.into_iter().map(|(_, row)| row).collect())
}

/// A repeat must name a figure that exists (same year and metric, from an original), and it is
/// a misreport, with its likely origin in `error`, exactly when it does not state the original
/// to the precision it is printed with.
fn repeat_errors(rows: &[(usize, ReportedFigure)]) -> Vec<(usize, String)> {
    let mut errors = Vec::new();
    for (line, row) in rows {
        if !row.is_repeat() {
            if row.is_misreport() {
                errors.push((
                    *line,
                    "error is set but repeats is empty: a misreport names the figure it gets wrong"
                        .to_string(),
                ));
            }
            continue;
        }
        let original = rows
            .iter()
            .map(|(_, r)| r)
            .find(|r| r.source == row.repeats && r.year == row.year && r.metric == row.metric);
        let Some(original) = original else {
            errors.push((
                *line,
                format!(
                    "repeats '{}' has no {} figure for {}",
                    row.repeats, row.metric, row.year
                ),
            ));
            continue;
        };
        if original.is_repeat() {
            errors.push((
                *line,
                format!(
                    "repeats '{}', which is itself a repeat: name the original",
                    row.repeats
                ),
            ));
            continue;
        }
        let agrees = match (row.value, original.value) {
            (ReportedValue::Usd(a), ReportedValue::Usd(b))
            | (ReportedValue::Count(a), ReportedValue::Count(b)) => {
                states_to_printed_precision(a, b)
            }
            (ReportedValue::Percent(a), ReportedValue::Percent(b)) => (a - b).abs() < 0.5,
            _ => false,
        };
        match (agrees, row.is_misreport()) {
            (true, true) => errors.push((*line, format!("error is set, but the value states {}' figure to the precision printed", row.repeats))),
            (false, false) => errors.push((*line, format!("the value does not state {}' figure to the precision printed: say in `error` where it most likely came from", row.repeats))),
            _ => {}
        }
    }
    errors
}

/// Parses and validates `events.csv`. Events may fall after the covered years (later
/// attributions), but not before them: `build.rs` checks that against the incidents.
pub fn parse_events(file: &str, text: &str) -> Result<Vec<TimelineEvent>, Vec<DataError>> {
    let mut check = Checker::new(file);
    let records = check.records(text, EVENTS_HEADER);
    let mut rows = Vec::with_capacity(records.len());
    for record in records {
        let [date, label, url, key] = &record.fields[..] else {
            continue;
        };
        let row = (|| {
            let date = parse_date(date, "date")?;
            if !PLAUSIBLE_YEARS.contains(&date.year()) {
                return Err(format!("date {date} is not a plausible year"));
            }
            if label.trim().is_empty() {
                return Err("missing label".to_string());
            }
            check_urls(url, "url")?;
            let key = match key.as_str() {
                "" => false,
                "1" => true,
                other => return Err(format!("key '{other}' must be 1 or empty")),
            };
            Ok(TimelineEvent {
                date,
                label: Cow::Owned(label.clone()),
                url: Cow::Owned(url.clone()),
                key,
            })
        })();
        match row {
            Ok(row) => rows.push(row),
            Err(message) => check.error(record.line, message),
        }
    }
    check.finish(rows)
}
