//! The incidents' notes and sources as one JSON file beside the app (`data/details-<hash>.json`,
//! the hash of its text, so a host may cache it for good): `build.rs` writes it with
//! [`to_json`], the app fetches it after its first chart and reads it with [`parse`]. Keeping
//! them out of the wasm saves it about 60 KB brotli. `build.rs` includes this file too, so it
//! depends on nothing but `std`, `chrono` and the schema.
//!
//! Shape: `{"data": <fingerprint>, "incidents": [[id, note, [[url, publisher, kind, supports,
//! published], …]], …]}`, every value a string (`supports` as in `sources.csv`, `a;b`;
//! `published` empty when unknown), incidents in the order of the compiled-in rows.

use super::dates::parse_iso_date;
use super::schema::{Incident, IncidentDetails, SlugSet, Source, SourceKind, Support};
use std::borrow::Cow;
use std::fmt;

/// Why a details file cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum DetailsError {
    /// Not the JSON this module writes; `at` is a byte offset.
    Syntax { at: usize },
    /// JSON, but not in this shape: what was expected.
    Shape(&'static str),
    /// The file lists other incidents than the app has (a file from another build).
    OtherData { expected: String, found: String },
}

impl fmt::Display for DetailsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DetailsError::Syntax { at } => write!(f, "the file is not valid JSON (byte {at})"),
            DetailsError::Shape(what) => {
                write!(f, "the file is not in the expected shape ({what})")
            }
            DetailsError::OtherData { expected, found } => write!(
                f,
                "the file is for other data (incident '{found}' where '{expected}' was expected)"
            ),
        }
    }
}

/// The file's path beside `index.html` for its text: named by an FNV-1a hash of it.
pub fn file_name(json: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in json.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("data/details-{hash:016x}.json")
}

fn push_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The file's text: `details[i]` belongs to `incidents[i]`.
pub fn to_json(data_version: &str, incidents: &[Incident], details: &[IncidentDetails]) -> String {
    let mut out = String::from("{\"data\":");
    push_string(&mut out, data_version);
    out.push_str(",\"incidents\":[");
    for (i, (incident, detail)) in incidents.iter().zip(details).enumerate() {
        out.push_str(if i == 0 { "\n[" } else { ",\n[" });
        push_string(&mut out, &incident.id);
        out.push(',');
        push_string(&mut out, &detail.note);
        out.push_str(",[");
        for (j, s) in detail.sources.iter().enumerate() {
            out.push_str(if j == 0 { "[" } else { ",[" });
            let supports: Vec<&str> = s.supports.iter().map(Support::slug).collect();
            let published = s.published.map(|d| d.to_string()).unwrap_or_default();
            for (k, field) in [
                s.url.as_ref(),
                s.publisher.as_ref(),
                s.kind.slug(),
                &supports.join(";"),
                &published,
            ]
            .iter()
            .enumerate()
            {
                if k > 0 {
                    out.push(',');
                }
                push_string(&mut out, field);
            }
            out.push(']');
        }
        out.push_str("]]");
    }
    out.push_str("\n]}\n");
    out
}

/// The JSON this module writes: strings, arrays and objects only.
enum Json {
    Str(String),
    List(Vec<Json>),
    Object(Vec<(String, Json)>),
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn skip_space(&mut self) {
        let rest = &self.text[self.at..];
        self.at += rest.len() - rest.trim_start_matches([' ', '\n', '\r', '\t']).len();
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.text.as_bytes().get(self.at) == Some(&byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn error(&self) -> DetailsError {
        DetailsError::Syntax { at: self.at }
    }

    fn value(&mut self) -> Result<Json, DetailsError> {
        if self.eat(b'"') {
            return self.string().map(Json::Str);
        }
        let (open, close) = if self.eat(b'[') {
            (b'[', b']')
        } else if self.eat(b'{') {
            (b'{', b'}')
        } else {
            return Err(self.error());
        };
        let mut items = Vec::new();
        let mut fields = Vec::new();
        if !self.eat(close) {
            loop {
                if open == b'{' {
                    if !self.eat(b'"') {
                        return Err(self.error());
                    }
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return Err(self.error());
                    }
                    fields.push((key, self.value()?));
                } else {
                    items.push(self.value()?);
                }
                if self.eat(close) {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.error());
                }
            }
        }
        Ok(if open == b'{' {
            Json::Object(fields)
        } else {
            Json::List(items)
        })
    }

    /// After the opening quote: the string up to its closing quote, unescaped.
    fn string(&mut self) -> Result<String, DetailsError> {
        let mut out = String::new();
        let mut chars = self.text[self.at..].char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.at += i + 1;
                    return Ok(out);
                }
                '\\' => {
                    let escaped = match chars.next().map(|(_, e)| e) {
                        Some('n') => '\n',
                        Some('r') => '\r',
                        Some('t') => '\t',
                        Some('u') => {
                            let hex = chars.by_ref().take(4).map(|(_, h)| h).collect::<String>();
                            u32::from_str_radix(&hex, 16)
                                .ok()
                                .and_then(char::from_u32)
                                .ok_or(DetailsError::Syntax { at: self.at + i })?
                        }
                        Some(c @ ('"' | '\\' | '/')) => c,
                        _ => return Err(DetailsError::Syntax { at: self.at + i }),
                    };
                    out.push(escaped);
                }
                c => out.push(c),
            }
        }
        Err(DetailsError::Syntax {
            at: self.text.len(),
        })
    }
}

fn strings<'a, const N: usize>(
    item: &'a Json,
    what: &'static str,
) -> Result<[&'a str; N], DetailsError> {
    let Json::List(items) = item else {
        return Err(DetailsError::Shape(what));
    };
    let texts: Vec<&str> = items
        .iter()
        .filter_map(|i| match i {
            Json::Str(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    texts.try_into().map_err(|_| DetailsError::Shape(what))
}

fn source(item: &Json) -> Result<Source, DetailsError> {
    const WHAT: &str = "a source is [url, publisher, kind, supports, published]";
    let [url, publisher, kind, supports, published] = strings(item, WHAT)?;
    let mut support_set = SlugSet::EMPTY;
    for slug in supports.split(';').filter(|s| !s.is_empty()) {
        support_set.insert(Support::from_slug(slug).ok_or(DetailsError::Shape(WHAT))?);
    }
    Ok(Source {
        url: Cow::Owned(url.to_string()),
        publisher: Cow::Owned(publisher.to_string()),
        kind: SourceKind::from_slug(kind).ok_or(DetailsError::Shape(WHAT))?,
        supports: support_set,
        published: match published {
            "" => None,
            date => Some(parse_iso_date(date).ok_or(DetailsError::Shape(WHAT))?),
        },
    })
}

/// Reads a file [`to_json`] wrote for exactly `incidents` (same ids, same order).
pub fn parse(text: &str, incidents: &[Incident]) -> Result<Vec<IncidentDetails>, DetailsError> {
    let mut reader = Reader { text, at: 0 };
    let root = reader.value()?;
    reader.skip_space();
    if reader.at != text.len() {
        return Err(reader.error());
    }
    let Json::Object(fields) = root else {
        return Err(DetailsError::Shape("an object"));
    };
    let Some((_, Json::List(rows))) = fields.iter().find(|(key, _)| key == "incidents") else {
        return Err(DetailsError::Shape("a list of incidents"));
    };
    if rows.len() != incidents.len() {
        return Err(DetailsError::OtherData {
            expected: format!("{} incidents", incidents.len()),
            found: format!("{} incidents", rows.len()),
        });
    }
    rows.iter()
        .zip(incidents)
        .map(|(row, incident)| {
            const WHAT: &str = "an incident is [id, note, sources]";
            let Json::List(parts) = row else {
                return Err(DetailsError::Shape(WHAT));
            };
            let [Json::Str(id), Json::Str(note), Json::List(sources)] = &parts[..] else {
                return Err(DetailsError::Shape(WHAT));
            };
            if *id != incident.id {
                return Err(DetailsError::OtherData {
                    expected: incident.id.to_string(),
                    found: id.clone(),
                });
            }
            Ok(IncidentDetails {
                sources: Cow::Owned(sources.iter().map(source).collect::<Result<_, _>>()?),
                note: Cow::Owned(note.clone()),
            })
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::{host_details, DETAILS_FILE, DETAILS_JSON, INCIDENTS};

    #[test]
    fn the_shipped_file_reads_back_to_every_note_and_source_and_is_named_by_its_text() {
        assert_eq!(DETAILS_FILE, file_name(DETAILS_JSON));
        let read = parse(DETAILS_JSON, INCIDENTS).expect("the build's file parses");
        assert_eq!(read, host_details());
        assert_eq!(
            to_json("x", INCIDENTS, &read),
            to_json("x", INCIDENTS, host_details())
        );
        assert!(read.iter().all(|d| !d.sources.is_empty()));
        for (row, detail) in INCIDENTS.iter().zip(&read) {
            assert_eq!(row.source_keys.len(), detail.sources.len(), "{}", row.id);
        }
    }

    #[test]
    fn quotes_backslashes_control_characters_and_non_ascii_survive() {
        let row = &INCIDENTS[..1];
        let note = "a \"quoted\" \\ back\\slash,\nnew line\ttab \u{1} — ünïcode ✓";
        let detail = IncidentDetails {
            note: Cow::Borrowed(note),
            sources: Cow::Owned(vec![Source {
                url: Cow::Borrowed("https://example.org/?a=1&b=\"2\""),
                publisher: Cow::Borrowed("Ex\\ample"),
                kind: SourceKind::Press,
                supports: SlugSet::EMPTY,
                published: None,
            }]),
        };
        let json = to_json("v", row, std::slice::from_ref(&detail));
        assert_eq!(parse(&json, row), Ok(vec![detail]));
    }

    #[test]
    fn a_file_for_other_data_or_a_broken_one_is_refused_with_a_reason() {
        let json = to_json("v", &INCIDENTS[..2], &host_details()[..2]);
        let refused = parse(&json, &INCIDENTS[1..3]).unwrap_err();
        assert!(
            matches!(refused, DetailsError::OtherData { .. }),
            "{refused}"
        );
        assert!(parse(&json, &INCIDENTS[..3]).is_err());
        let cut = &json[..json.len() / 2];
        assert!(matches!(
            parse(cut, &INCIDENTS[..2]),
            Err(DetailsError::Syntax { .. })
        ));
        assert_eq!(
            parse("[]", &INCIDENTS[..2]),
            Err(DetailsError::Shape("an object"))
        );
        assert!(parse("<!doctype html>", &INCIDENTS[..2])
            .unwrap_err()
            .to_string()
            .contains("not valid JSON"));
    }
}
