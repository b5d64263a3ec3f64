//! Query and path parameters: an extractor whose failures are
//! [`AppError::BadRequest`] (JSON, naming the parameter), and the checks
//! that turn raw strings into dates, codes and periods.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use chrono::NaiveDate;
use faultline_store::query::Bucket;
use faultline_store::record::factuality_from_name;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// The most periods one series may span (a day-by-day series of 50 years).
pub const MAX_PERIODS: i64 = 20_000;

/// Query parameters of type `T`; unknown or malformed ones are a 400.
#[derive(Debug)]
pub struct Params<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(q)| Self(q))
            .map_err(|e| AppError::BadRequest(format!("query parameters: {}", e.body_text())))
    }
}

/// A date parameter, YYYY-MM-DD.
pub fn date(name: &str, v: Option<&str>) -> Result<Option<NaiveDate>, AppError> {
    v.map(|s| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
            AppError::BadRequest(format!("{name}: '{s}' is not a date; use YYYY-MM-DD"))
        })
    })
    .transpose()
}

/// A `from`–`to` range, checked to be in order.
pub fn range(
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>), AppError> {
    let (f, t) = (date("from", from)?, date("to", to)?);
    if let (Some(a), Some(b)) = (f, t)
        && a > b
    {
        return Err(AppError::BadRequest(format!("from {a} is after to {b}")));
    }
    Ok((f, t))
}

/// An actor root or code: 3 to 15 capital letters or digits.
pub fn code(name: &str, s: &str) -> Result<String, AppError> {
    let ok = (3..=15).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if ok {
        Ok(s.to_owned())
    } else {
        Err(AppError::BadRequest(format!(
            "{name}: '{s}' is not an actor code; use 3 to 15 capital letters or digits, like KOR or USAGOV"
        )))
    }
}

/// A period length: `day`, `week` or `month` (default `day`).
pub fn bucket(v: Option<&str>) -> Result<Bucket, AppError> {
    match v.unwrap_or("day") {
        "day" => Ok(Bucket::Day),
        "week" => Ok(Bucket::Week),
        "month" => Ok(Bucket::Month),
        other => Err(AppError::BadRequest(format!(
            "by: '{other}' is not a period; use day, week or month"
        ))),
    }
}

/// The name of a period length, for links.
pub fn bucket_name(b: Bucket) -> &'static str {
    match b {
        Bucket::Day => "day",
        Bucket::Week => "week",
        Bucket::Month => "month",
    }
}

/// Refuses a range that would give more than [`MAX_PERIODS`] periods.
pub fn check_span(
    by: Bucket,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(), AppError> {
    let (Some(f), Some(t)) = (from, to) else {
        return Ok(());
    };
    let days = (t - f).num_days() + 1;
    let periods = match by {
        Bucket::Day => days,
        Bucket::Week => days / 7,
        Bucket::Month => days / 28,
    };
    if periods > MAX_PERIODS {
        return Err(AppError::BadRequest(format!(
            "from {f} to {t} is {periods} periods, more than {MAX_PERIODS}; use a longer period (by=week or month) or a shorter range"
        )));
    }
    Ok(())
}

/// A two-digit CAMEO root, 01 to 20.
pub fn cameo_root(s: &str) -> Result<String, AppError> {
    match s.parse::<u8>() {
        Ok(1..=20) if s.len() == 2 => Ok(s.to_owned()),
        _ => Err(AppError::BadRequest(format!(
            "root: '{s}' is not a CAMEO root; use two digits from 01 to 20"
        ))),
    }
}

/// A factuality name, as its stored code.
pub fn factuality(s: &str) -> Result<i64, AppError> {
    factuality_from_name(s).ok_or_else(|| {
        AppError::BadRequest(format!(
            "factuality: '{s}' is not one of asserted, negated, hypothetical, conditional, future"
        ))
    })
}

/// A dyad written `A-B`.
pub fn dyad(s: &str) -> Result<(String, String), AppError> {
    let Some((a, b)) = s.split_once('-') else {
        return Err(AppError::BadRequest(format!(
            "dyad: '{s}' is not a dyad; write two actor codes joined by '-', like KOR-JPN"
        )));
    };
    Ok((code("dyad", a)?, code("dyad", b)?))
}

/// A full-text search: at most 200 bytes and
/// [`faultline_store::browse::MAX_SEARCH_WORDS`] words.
pub fn search(s: &str) -> Result<String, AppError> {
    if s.len() > 200 {
        return Err(AppError::BadRequest(format!(
            "q: {} bytes is too long; search with at most 200 bytes",
            s.len()
        )));
    }
    faultline_store::browse::search_terms(s)
        .map_err(|e| AppError::BadRequest(format!("q: {e}")))?;
    Ok(s.to_owned())
}

/// A bounded integer with a default.
pub fn number(name: &str, v: Option<u32>, default: u32, max: u32) -> Result<u32, AppError> {
    match v.unwrap_or(default) {
        n @ 1.. if n <= max => Ok(n),
        n => Err(AppError::BadRequest(format!(
            "{name}: {n} is out of range; use 1 to {max}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail(e: AppError) -> String {
        e.to_string()
    }

    #[test]
    fn checks_name_the_parameter() {
        assert!(detail(date("from", Some("2024-13-01")).unwrap_err()).starts_with("from:"));
        assert!(
            detail(range(Some("2024-02-01"), Some("2024-01-01")).unwrap_err()).contains("after")
        );
        assert!(detail(code("a", "kor").unwrap_err()).contains("not an actor code"));
        assert!(code("a", "KOR'--").is_err());
        assert_eq!(code("a", "USAGOV").ok().as_deref(), Some("USAGOV"));
        assert!(detail(bucket(Some("year")).unwrap_err()).starts_with("by:"));
        assert_eq!(cameo_root("04").ok().as_deref(), Some("04"));
        assert!(cameo_root("4").is_err() && cameo_root("21").is_err());
        assert_eq!(factuality("negated").ok(), Some(1));
        assert!(factuality("maybe").is_err());
        assert_eq!(dyad("KOR-JPN").ok(), Some(("KOR".into(), "JPN".into())));
        assert!(dyad("KOR").is_err());
        assert!(number("page", Some(0), 1, 10).is_err());
        assert_eq!(number("page", None, 3, 10).ok(), Some(3));
    }

    #[test]
    fn long_day_series_are_refused() {
        let f = date("from", Some("1900-01-01")).ok().flatten();
        let t = date("to", Some("2020-01-01")).ok().flatten();
        assert!(check_span(Bucket::Day, f, t).is_err());
        assert!(check_span(Bucket::Month, f, t).is_ok());
    }
}
