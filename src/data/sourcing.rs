//! `sources.csv` and the rules that join it to the incidents: every fact a row states is
//! backed by a source that states it, and big rows rest on more than relays. `build.rs` runs
//! this too, so a row that breaks a rule fails the build as `data/incidents.csv:LINE: …`.

use super::schema::*;
use super::validate::{
    check_urls, is_slug_id, parse_date, parse_enum, parse_incidents, Checker, DataError,
    IncidentRow,
};
use std::borrow::Cow;
use std::collections::HashMap;

pub const SOURCES_HEADER: &[&str] = &[
    "incident_id",
    "url",
    "publisher",
    "kind",
    "supports",
    "published",
    "note",
];

/// A row of `sources.csv`.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceRow {
    pub line: usize,
    pub incident_id: String,
    pub source: Source,
}

/// Parses and validates `sources.csv` on its own (that incidents exist is checked by
/// [`join_sources`]).
pub fn parse_sources(file: &str, text: &str) -> Result<Vec<SourceRow>, Vec<DataError>> {
    let mut check = Checker::new(file);
    let records = check.records(text, SOURCES_HEADER);
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    let mut rows = Vec::with_capacity(records.len());
    for record in records {
        // The note is for whoever checks the row; nothing in the app shows it, so it is not kept.
        let [incident_id, url, publisher, kind, supports, published, _note] = &record.fields[..]
        else {
            continue;
        };
        let key = (incident_id.clone(), url.clone());
        if let Some(first) = seen.get(&key) {
            check.error(
                record.line,
                format!("'{incident_id}' lists {url} twice (first on line {first})"),
            );
            continue;
        }
        seen.insert(key, record.line);
        let row = (|| {
            if !is_slug_id(incident_id) {
                return Err(format!("incident_id '{incident_id}' is not an id"));
            }
            if url.contains(';') || url.trim() != url {
                return Err(format!("url '{url}' must be one URL without spaces"));
            }
            check_urls(url, "url")?;
            if publisher.trim().is_empty() {
                return Err("missing publisher (a name a reader knows, not a domain)".into());
            }
            if looks_like_domain(publisher) {
                return Err(format!(
                    "publisher '{publisher}' is a domain; name the publisher as readers know it"
                ));
            }
            let kind: SourceKind = parse_enum(kind, "kind")?;
            let mut support_set = SlugSet::EMPTY;
            for item in supports.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                support_set.insert(parse_enum::<Support>(item, "supports value")?);
            }
            let published = if published.is_empty() {
                None
            } else {
                Some(parse_date(published, "published")?)
            };
            Ok(SourceRow {
                line: record.line,
                incident_id: incident_id.clone(),
                source: Source {
                    url: Cow::Owned(url.clone()),
                    publisher: Cow::Owned(publisher.clone()),
                    kind,
                    supports: support_set,
                    published,
                },
            })
        })();
        match row {
            Ok(row) => rows.push(row),
            Err(message) => check.error(record.line, message),
        }
    }
    check.finish(rows)
}

/// "theblock.co" is a domain; "The Block", "Chainalysis" and a brand like "NetSec.news" are
/// names.
fn looks_like_domain(publisher: &str) -> bool {
    let p = publisher.trim();
    !p.contains(' ')
        && !p.starts_with(|c: char| c.is_uppercase())
        && [
            ".com", ".co", ".io", ".org", ".net", ".news", ".xyz", ".finance",
        ]
        .iter()
        .any(|tld| p.to_ascii_lowercase().ends_with(tld))
}

/// Losses from which a row needs two independent publishers (or one primary source).
pub const CORROBORATION_USD: u64 = 10_000_000;
/// Losses from which the first source must be a primary document, a newsroom or an
/// investigator, not a list or a relay.
pub const PRIMARY_FIRST_USD: u64 = 50_000_000;

/// The validated dataset: the incidents, and their notes and sources in the same order.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub incidents: Vec<Incident>,
    pub details: Vec<IncidentDetails>,
    /// Every publisher, in order of first citation: what each row's `source_names` index.
    pub publishers: Vec<String>,
}

/// Attaches each incident's sources (in file order) and enforces the sourcing rules:
/// every fact a row states is backed by a source that states it, and big rows rest on more
/// than relays. Each distinct URL gets one source key, in order of first citation.
pub fn join_sources(
    incidents_file: &str,
    sources_file: &str,
    rows: Vec<IncidentRow>,
    sources: Vec<SourceRow>,
) -> Result<Dataset, Vec<DataError>> {
    let mut errors = Vec::new();
    let line_of: HashMap<&str, usize> = rows
        .iter()
        .map(|r| (r.incident.id.as_ref(), r.line))
        .collect();
    let mut by_incident: HashMap<String, Vec<Source>> = HashMap::new();
    for s in sources {
        if !line_of.contains_key(s.incident_id.as_str()) {
            errors.push(DataError {
                file: sources_file.to_string(),
                line: s.line,
                message: format!("incident_id '{}' is not in incidents.csv", s.incident_id),
            });
            continue;
        }
        by_incident.entry(s.incident_id).or_default().push(s.source);
    }
    let mut out = Dataset {
        incidents: Vec::with_capacity(rows.len()),
        details: Vec::with_capacity(rows.len()),
        publishers: Vec::new(),
    };
    let mut keys: HashMap<String, u16> = HashMap::new();
    let mut publishers: HashMap<String, u16> = HashMap::new();
    for row in rows {
        let mut incident = row.incident;
        let list = by_incident.remove(incident.id.as_ref()).unwrap_or_default();
        for message in sourcing_problems(&incident, &list, &row.source_url) {
            errors.push(DataError {
                file: incidents_file.to_string(),
                line: row.line,
                message,
            });
        }
        let mut source_keys = Vec::with_capacity(list.len());
        for source in &list {
            let next = keys.len();
            let key = *keys.entry(source.url.to_string()).or_insert_with(|| {
                u16::try_from(next).unwrap_or_else(|_| {
                    errors.push(DataError {
                        file: sources_file.to_string(),
                        line: 0,
                        message: format!("more than {} distinct source URLs", u16::MAX),
                    });
                    u16::MAX
                })
            });
            source_keys.push(key);
        }
        incident.source_keys = Cow::Owned(source_keys);
        incident.source_names = list
            .iter()
            .map(|source| SourceName {
                publisher: publisher_index(&mut out.publishers, &mut publishers, &source.publisher)
                    .unwrap_or_else(|| {
                        errors.push(DataError {
                            file: sources_file.to_string(),
                            line: 0,
                            message: format!("more than {} distinct publishers", u16::MAX),
                        });
                        u16::MAX
                    }),
                kind: source.kind,
            })
            .collect();
        out.incidents.push(incident);
        out.details.push(IncidentDetails {
            sources: Cow::Owned(list),
            note: Cow::Owned(row.note),
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Err(errors)
    }
}

/// The publisher's place in `list`, added at its end on its first citation; `None` past
/// what a `u16` indexes.
fn publisher_index(
    list: &mut Vec<String>,
    index: &mut HashMap<String, u16>,
    publisher: &str,
) -> Option<u16> {
    if let Some(&i) = index.get(publisher) {
        return Some(i);
    }
    let i = u16::try_from(list.len()).ok()?;
    list.push(publisher.to_string());
    index.insert(publisher.to_string(), i);
    Some(i)
}

/// Every way an incident's sources fail the rules, as messages naming the incident.
pub fn sourcing_problems(incident: &Incident, sources: &[Source], source_url: &str) -> Vec<String> {
    let id = incident.id.as_ref();
    let mut problems = Vec::new();
    if sources.is_empty() {
        problems.push(format!("'{id}' has no row in sources.csv"));
        return problems;
    }
    let listed: Vec<&str> = source_url
        .split(';')
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .collect();
    let urls: Vec<&str> = sources.iter().map(|s| s.url.as_ref()).collect();
    if listed != urls {
        problems.push(format!(
            "'{id}': source_url must list the sources.csv URLs in the same order ({})",
            urls.join(";")
        ));
    }
    let backed = |fact: Support| sources.iter().any(|s| s.supports.contains(fact));
    let backed_by = |fact: Support, kinds: &[SourceKind]| {
        sources
            .iter()
            .any(|s| s.supports.contains(fact) && kinds.contains(&s.kind))
    };
    for fact in [Support::Date, Support::Amount] {
        if !backed(fact) {
            problems.push(format!("'{id}': no source supports its {}", fact.slug()));
        }
    }
    if incident.recovered_usd.is_some() && !backed(Support::Recovery) {
        problems.push(format!(
            "'{id}': recovered_usd is set but no source supports the recovery"
        ));
    }
    let not_relay = [
        SourceKind::Official,
        SourceKind::Victim,
        SourceKind::Investigator,
        SourceKind::Press,
        SourceKind::Aggregator,
    ];
    match incident.attribution {
        // A government statement read through a newsroom's report of it still counts: the
        // attribution is the government's, the newsroom only carries it.
        Attribution::DprkConfirmed
            if !backed_by(
                Support::Attribution,
                &[SourceKind::Official, SourceKind::Victim, SourceKind::Press],
            ) =>
        {
            problems.push(format!(
                "'{id}': dprk_confirmed needs an official, victim or newsroom source supporting the attribution"
            ))
        }
        Attribution::DprkSuspected if !backed_by(Support::Attribution, &not_relay) => problems
            .push(format!(
                "'{id}': dprk_suspected needs a source other than a relay supporting the attribution"
            )),
        _ => {}
    }
    if incident.loss_usd >= CORROBORATION_USD {
        let primary = sources
            .iter()
            .any(|s| matches!(s.kind, SourceKind::Official | SourceKind::Victim));
        let mut publishers: Vec<String> = sources
            .iter()
            .filter(|s| s.kind.is_independent())
            .map(|s| s.publisher.trim().to_lowercase())
            .collect();
        publishers.sort();
        publishers.dedup();
        if !primary && publishers.len() < 2 {
            problems.push(format!(
                "'{id}': a loss of $10M or more needs two independent publishers (not relays) or one official or victim source"
            ));
        }
    }
    if incident.loss_usd >= PRIMARY_FIRST_USD
        && matches!(sources[0].kind, SourceKind::Relay | SourceKind::Aggregator)
    {
        problems.push(format!(
            "'{id}': a loss of $50M or more must not list a {} first",
            sources[0].kind.slug()
        ));
    }
    problems
}

/// Parses both files and joins them: what `build.rs` and the tests run.
pub fn parse_dataset(
    incidents_file: &str,
    incidents_text: &str,
    sources_file: &str,
    sources_text: &str,
) -> Result<Dataset, Vec<DataError>> {
    let rows = parse_incidents(incidents_file, incidents_text);
    let sources = parse_sources(sources_file, sources_text);
    match (rows, sources) {
        (Ok(rows), Ok(sources)) => join_sources(incidents_file, sources_file, rows, sources),
        (rows, sources) => {
            let mut errors = rows.err().unwrap_or_default();
            errors.extend(sources.err().unwrap_or_default());
            Err(errors)
        }
    }
}
