//! JSON Lines reader: one article per line.
//!
//! Fields read: `id`, `title`, `published` (or `date`), `modified`, `url`,
//! `source` (the publisher), `text` (or `body`, required), `byline`/`author`
//! (string or list), `kicker`/`section`, `subtitle`, `language`. All other
//! fields pass through untouched into `extra`. The text is split into
//! paragraphs at blank lines (or at single newlines when it has no blank
//! line) and goes through the same chrome filter as page dumps.

use std::path::Path;

use serde_json::{Map, Value};

use crate::article::{Article, Format, Kicker, Meta};
use crate::error::IngestError;
use crate::{chrome, plain};

/// Extracts the article of one JSON Lines record.
///
/// `line_no` is 1-based; `stem` names the file, for ids of records without one.
pub fn extract_record(
    path: &Path,
    stem: &str,
    line_no: usize,
    line: &str,
) -> Result<Article, IngestError> {
    let value: Value = serde_json::from_str(line).map_err(|e| IngestError::Json {
        path: path.to_owned(),
        line: line_no,
        message: e.to_string(),
    })?;
    let Value::Object(mut map) = value else {
        return Err(IngestError::Json {
            path: path.to_owned(),
            line: line_no,
            message: format!("found {}", kind(&value)),
        });
    };
    let record_err = |message: String| IngestError::Record {
        path: path.to_owned(),
        line: line_no,
        message,
    };
    let text = match take_any(&mut map, &["text", "body", "content"]) {
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(record_err(format!(
                "field \"text\" is {}; it must be a string",
                kind(&other)
            )));
        }
        None => {
            return Err(record_err(
                "missing \"text\" field; each record needs the article text".to_owned(),
            ));
        }
    };
    let id = match map.remove("id") {
        Some(Value::String(s)) if !s.is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(other @ (Value::Array(_) | Value::Object(_) | Value::Bool(_))) => {
            return Err(record_err(format!(
                "field \"id\" is {}; use a string or a number",
                kind(&other)
            )));
        }
        _ => format!("{stem}:{line_no}"),
    };

    let mut meta = Meta::default();
    let mut string_field = |map: &mut Map<String, Value>, keys: &[&str]| -> Option<String> {
        match take_any(map, keys) {
            Some(Value::String(s)) => Some(s),
            Some(Value::Null) | None => None,
            Some(other) => {
                meta.warnings.push(format!(
                    "field {:?} is {}, expected a string; ignored",
                    keys[0],
                    kind(&other)
                ));
                None
            }
        }
    };
    let title = string_field(&mut map, &["title", "headline"]);
    let published = string_field(
        &mut map,
        &["published", "date", "published_at", "datePublished"],
    );
    let modified = string_field(&mut map, &["modified", "updated", "dateModified"]);
    let url = string_field(&mut map, &["url", "link"]);
    let publisher = string_field(&mut map, &["source", "publisher"]);
    let kicker = string_field(&mut map, &["kicker", "section"]);
    let subtitle = string_field(&mut map, &["subtitle", "description", "deck"]);
    let language = string_field(&mut map, &["language", "lang"]);
    meta.title = title.filter(|t| !t.trim().is_empty());
    meta.subtitle = subtitle;
    meta.kicker = kicker.as_deref().and_then(Kicker::from_raw);
    meta.url = url;
    meta.declared_language = language;
    let mut warnings = std::mem::take(&mut meta.warnings);
    meta.published =
        published.and_then(|d| plain::parse_field_date(&d, "published", &mut warnings));
    meta.modified = modified.and_then(|d| plain::parse_field_date(&d, "modified", &mut warnings));
    meta.warnings = warnings;
    match take_any(&mut map, &["byline", "author", "authors"]) {
        Some(Value::String(s)) => {
            let names = chrome::byline_names(&s);
            meta.byline = if names.is_empty() { vec![s] } else { names };
        }
        Some(Value::Array(items)) => {
            meta.byline = items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect();
        }
        _ => {}
    }
    if let Some(p) = publisher {
        map.insert("source".to_owned(), Value::String(p));
    }
    meta.extra = map;

    let text = plain::normalize_newlines(&text);
    let paragraphs: Vec<&str> = if text.contains("\n\n") {
        text.lines().collect()
    } else {
        text.lines().flat_map(|l| [l, ""]).collect()
    };
    let lines: Vec<&str> = paragraphs.iter().map(|l| l.trim()).collect();
    let paragraphs = plain::clean_body(&lines, &plain::LineCounts::new(&lines), &mut meta);
    if paragraphs.is_empty() {
        return Err(record_err(
            "field \"text\" holds no article text".to_owned(),
        ));
    }
    let origin = format!("{}:{line_no}", path.display());
    Ok(Article::assemble(
        id,
        origin.clone(),
        origin,
        Format::Jsonl,
        meta,
        paragraphs,
    ))
}

fn take_any(map: &mut Map<String, Value>, keys: &[&str]) -> Option<Value> {
    keys.iter().find_map(|k| map.remove(*k))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("w.jsonl")
    }

    #[test]
    fn reads_record_and_passes_unknown_fields() {
        let a = extract_record(
            p(),
            "w",
            3,
            r#"{"id":"a1","title":"T","published":"2019-01-23","url":"https://x.example/a","source":"Wire","section":"World","text":"First para.\n\nSecond para.","tags":["x"]}"#,
        )
        .unwrap();
        assert_eq!(a.id, "a1");
        assert_eq!(a.source, "https://x.example/a");
        assert_eq!(a.origin, "w.jsonl:3");
        assert_eq!(a.published.unwrap().to_rfc3339(), "2019-01-23");
        assert_eq!(a.kicker.unwrap().label, "World");
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.extra["tags"], serde_json::json!(["x"]));
        assert_eq!(a.extra["source"], "Wire");
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = extract_record(p(), "w", 7, "{not json").unwrap_err();
        assert!(
            e.to_string().starts_with("w.jsonl:7: not a JSON object"),
            "{e}"
        );
        let e = extract_record(p(), "w", 8, "[1,2]").unwrap_err();
        assert!(e.to_string().contains("found an array"), "{e}");
        let e = extract_record(p(), "w", 9, r#"{"id":"x"}"#).unwrap_err();
        assert!(
            e.to_string().starts_with("w.jsonl:9: missing \"text\""),
            "{e}"
        );
        let e = extract_record(p(), "w", 10, r#"{"text":5}"#).unwrap_err();
        assert!(e.to_string().contains("must be a string"), "{e}");
    }

    #[test]
    fn missing_id_uses_stem_and_line_and_bad_date_warns() {
        let a = extract_record(
            p(),
            "w",
            2,
            r#"{"text":"Body text here.","published":"someday"}"#,
        )
        .unwrap();
        assert_eq!(a.id, "w:2");
        assert!(a.published.is_none());
        assert!(
            a.warnings.iter().any(|w| w.contains("unrecognised date")),
            "{:?}",
            a.warnings
        );
    }
}
