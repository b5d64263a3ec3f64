//! Time-zone abbreviations of the major news zones and their UTC offsets, including the
//! ambiguous ones (resolved by a [`Region`] hint) and the generic US zones ET/CT/MT/PT
//! (resolved by US daylight-saving rules for the date in question).

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, Weekday};

/// Where a page comes from, used only to resolve zone abbreviations that mean different
/// things in different places.
///
/// | abbrev | `Global` (default) | other regions |
/// | --- | --- | --- |
/// | CST | US Central −06:00 (as in RFC 2822) | `EastAsia`: China Standard Time +08:00 |
/// | AST | Arabia Standard Time +03:00 | `Americas`: Atlantic Standard Time −04:00 |
/// | IST | India Standard Time +05:30 | `MiddleEast`: Israel +02:00; `Europe`: Irish Standard Time +01:00 |
/// | BST | British Summer Time +01:00 | `SouthAsia`: Bangladesh Standard Time +06:00 |
/// | GST | Gulf Standard Time +04:00 | — |
///
/// `Global` picks the reading most common in international news stamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Region {
    /// No knowledge of the source; the defaults in the table above.
    #[default]
    Global,
    /// North, Central and South America and the Caribbean.
    Americas,
    /// Europe, including the UK and Ireland.
    Europe,
    /// The Middle East and North Africa.
    MiddleEast,
    /// South Asia (India, Pakistan, Bangladesh, ...).
    SouthAsia,
    /// East and South-East Asia and Oceania.
    EastAsia,
}

/// Unambiguous fixed zones: abbreviation (uppercase) → offset in minutes east of UTC.
const FIXED: &[(&str, i32)] = &[
    ("UTC", 0),
    ("UT", 0),
    ("GMT", 0),
    ("Z", 0),
    // East and South-East Asia, Oceania
    ("KST", 9 * 60),
    ("JST", 9 * 60),
    ("HKT", 8 * 60),
    ("SGT", 8 * 60),
    ("PHT", 8 * 60),
    ("PHST", 8 * 60),
    ("MYT", 8 * 60),
    ("AWST", 8 * 60),
    ("ICT", 7 * 60),
    ("WIB", 7 * 60),
    ("WITA", 8 * 60),
    ("WIT", 9 * 60),
    ("ACST", 9 * 60 + 30),
    ("ACDT", 10 * 60 + 30),
    ("AEST", 10 * 60),
    ("AEDT", 11 * 60),
    ("NZST", 12 * 60),
    ("NZDT", 13 * 60),
    // South and Central Asia
    ("PKT", 5 * 60),
    ("NPT", 5 * 60 + 45),
    ("AFT", 4 * 60 + 30),
    // Middle East
    ("IRST", 3 * 60 + 30),
    ("IRDT", 4 * 60 + 30),
    ("GST", 4 * 60),
    ("IDT", 3 * 60),
    ("TRT", 3 * 60),
    // Europe
    ("MSK", 3 * 60),
    ("EET", 2 * 60),
    ("EEST", 3 * 60),
    ("CET", 60),
    ("CEST", 2 * 60),
    ("WET", 0),
    ("WEST", 60),
    // Africa
    ("SAST", 2 * 60),
    ("CAT", 2 * 60),
    ("WAT", 60),
    ("EAT", 3 * 60),
    // Americas
    ("ADT", -3 * 60),
    ("EST", -5 * 60),
    ("EDT", -4 * 60),
    ("CDT", -5 * 60),
    ("MST", -7 * 60),
    ("MDT", -6 * 60),
    ("PST", -8 * 60),
    ("PDT", -7 * 60),
    ("AKST", -9 * 60),
    ("AKDT", -8 * 60),
    ("HST", -10 * 60),
    ("BRT", -3 * 60),
    ("ART", -3 * 60),
];

/// The offset of a zone abbreviation whose meaning depends on the [`Region`].
fn ambiguous(abbrev: &str, region: Region) -> Option<i32> {
    let minutes = match abbrev {
        "CST" => match region {
            Region::EastAsia => 8 * 60,
            _ => -6 * 60,
        },
        "AST" => match region {
            Region::Americas => -4 * 60,
            _ => 3 * 60,
        },
        "IST" => match region {
            Region::MiddleEast => 2 * 60,
            Region::Europe => 60,
            _ => 5 * 60 + 30,
        },
        "BST" => match region {
            Region::SouthAsia => 6 * 60,
            _ => 60,
        },
        _ => return None,
    };
    Some(minutes)
}

/// Generic US zones (no standard/daylight letter): standard offset in minutes.
fn generic_us(abbrev: &str) -> Option<i32> {
    match abbrev {
        "ET" => Some(-5 * 60),
        "CT" => Some(-6 * 60),
        "MT" => Some(-7 * 60),
        "PT" => Some(-8 * 60),
        _ => None,
    }
}

fn minutes_to_offset(minutes: i32) -> Option<FixedOffset> {
    FixedOffset::east_opt(minutes * 60)
}

/// The UTC offset of a time-zone abbreviation ("KST" → +09:00), ignoring ASCII case.
///
/// Ambiguous abbreviations take their [`Region::Global`] reading (CST is US Central); use
/// [`zone_offset_in`] to resolve them for a known source. The generic US zones ET, CT, MT and
/// PT return `None` because their offset depends on the date; use [`zone_offset_at`].
#[must_use]
pub fn zone_offset(abbrev: &str) -> Option<FixedOffset> {
    zone_offset_in(abbrev, Region::Global)
}

/// The UTC offset of a time-zone abbreviation, resolving ambiguous ones for `region`.
#[must_use]
pub fn zone_offset_in(abbrev: &str, region: Region) -> Option<FixedOffset> {
    let upper = abbrev.trim().to_ascii_uppercase();
    let minutes = FIXED
        .iter()
        .find(|(name, _)| *name == upper)
        .map(|&(_, m)| m)
        .or_else(|| ambiguous(&upper, region))?;
    minutes_to_offset(minutes)
}

/// The UTC offset of a zone abbreviation at a given local date and time.
///
/// Besides everything [`zone_offset_in`] knows, this resolves the generic US zones ET, CT, MT
/// and PT: daylight time (one hour ahead) applies from 02:00 local on the second Sunday of
/// March to 02:00 local on the first Sunday of November (since 2007); from the first Sunday of
/// April to the last Sunday of October (1987–2006); from the last Sunday of April to the last
/// Sunday of October before that. Arizona and Hawaii exceptions are ignored.
#[must_use]
pub fn zone_offset_at(abbrev: &str, local: NaiveDateTime, region: Region) -> Option<FixedOffset> {
    if let Some(off) = zone_offset_in(abbrev, region) {
        return Some(off);
    }
    let standard = generic_us(&abbrev.trim().to_ascii_uppercase())?;
    let dst = if us_daylight_time(local) { 60 } else { 0 };
    minutes_to_offset(standard + dst)
}

/// Whether US daylight-saving time is in force at this local wall-clock time.
fn us_daylight_time(local: NaiveDateTime) -> bool {
    let year = local.year();
    let (start, end) = if year >= 2007 {
        (nth_sunday(year, 3, 2), nth_sunday(year, 11, 1))
    } else if year >= 1987 {
        (nth_sunday(year, 4, 1), last_sunday(year, 10))
    } else {
        (last_sunday(year, 4), last_sunday(year, 10))
    };
    let (Some(start), Some(end)) = (start, end) else {
        return false;
    };
    let two = chrono::NaiveTime::from_hms_opt(2, 0, 0).unwrap_or_default();
    local >= start.and_time(two) && local < end.and_time(two)
}

/// The `n`th Sunday (1-based) of a month.
fn nth_sunday(year: i32, month: u32, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, n)
}

/// The last Sunday of a month.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    nth_sunday(year, month, 5).or_else(|| nth_sunday(year, month, 4))
}

/// Whether `abbrev` (exact case) is an abbreviation this module knows, fixed, ambiguous or generic.
pub(crate) fn is_known_upper(abbrev: &str) -> bool {
    FIXED.iter().any(|(name, _)| *name == abbrev)
        || ambiguous(abbrev, Region::Global).is_some()
        || generic_us(abbrev).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(off: Option<FixedOffset>) -> Option<f64> {
        off.map(|o| f64::from(o.local_minus_utc()) / 3600.0)
    }

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .expect("valid test datetime")
    }

    #[test]
    fn fixed_zones() {
        let table = [
            ("KST", 9.0),
            ("kst", 9.0),
            ("JST", 9.0),
            ("HKT", 8.0),
            ("IST", 5.5),
            ("ACST", 9.5),
            ("NPT", 5.75),
            ("IRST", 3.5),
            ("EDT", -4.0),
            ("PST", -8.0),
            ("GMT", 0.0),
            ("Z", 0.0),
            ("CST", -6.0),
            ("AST", 3.0),
            ("BST", 1.0),
            ("NZDT", 13.0),
        ];
        for (abbrev, h) in table {
            assert_eq!(hours(zone_offset(abbrev)), Some(h), "{abbrev}");
        }
        assert_eq!(zone_offset("XYZ"), None);
        assert_eq!(zone_offset("ET"), None);
    }

    #[test]
    fn regions_resolve_ambiguous_zones() {
        assert_eq!(hours(zone_offset_in("CST", Region::EastAsia)), Some(8.0));
        assert_eq!(hours(zone_offset_in("AST", Region::Americas)), Some(-4.0));
        assert_eq!(hours(zone_offset_in("IST", Region::MiddleEast)), Some(2.0));
        assert_eq!(hours(zone_offset_in("IST", Region::Europe)), Some(1.0));
        assert_eq!(hours(zone_offset_in("BST", Region::SouthAsia)), Some(6.0));
        assert_eq!(hours(zone_offset_in("KST", Region::Americas)), Some(9.0));
    }

    #[test]
    fn generic_us_zones_follow_dst() {
        let g = Region::Global;
        assert_eq!(
            hours(zone_offset_at("ET", at(2014, 10, 9, 13), g)),
            Some(-4.0)
        );
        assert_eq!(
            hours(zone_offset_at("ET", at(2014, 12, 9, 13), g)),
            Some(-5.0)
        );
        assert_eq!(
            hours(zone_offset_at("PT", at(2014, 7, 1, 0), g)),
            Some(-7.0)
        );
        // 2014: DST from Sun 9 March 02:00 to Sun 2 November 02:00.
        assert_eq!(
            hours(zone_offset_at("CT", at(2014, 3, 9, 1), g)),
            Some(-6.0)
        );
        assert_eq!(
            hours(zone_offset_at("CT", at(2014, 3, 9, 3), g)),
            Some(-5.0)
        );
        assert_eq!(
            hours(zone_offset_at("MT", at(2014, 11, 2, 1), g)),
            Some(-6.0)
        );
        assert_eq!(
            hours(zone_offset_at("MT", at(2014, 11, 2, 2), g)),
            Some(-7.0)
        );
        // 2005: first Sunday of April (3rd) to last Sunday of October (30th).
        assert_eq!(
            hours(zone_offset_at("ET", at(2005, 4, 2, 12), g)),
            Some(-5.0)
        );
        assert_eq!(
            hours(zone_offset_at("ET", at(2005, 4, 3, 12), g)),
            Some(-4.0)
        );
        assert_eq!(
            hours(zone_offset_at("ET", at(2005, 10, 30, 12), g)),
            Some(-5.0)
        );
        // Fixed zones pass through.
        assert_eq!(
            hours(zone_offset_at("EST", at(2014, 7, 1, 0), g)),
            Some(-5.0)
        );
        assert!(is_known_upper("ET") && is_known_upper("CST") && !is_known_upper("kst"));
    }
}
