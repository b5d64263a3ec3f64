//! Month and weekday names (English, full and abbreviated) shared by the stamp parser and,
//! later, by the resolution of event-date expressions in running text.

use chrono::Weekday;

/// Month names and abbreviations, lowercase, with their month number.
const MONTHS: &[(&str, u32)] = &[
    ("jan", 1),
    ("january", 1),
    ("feb", 2),
    ("february", 2),
    ("mar", 3),
    ("march", 3),
    ("apr", 4),
    ("april", 4),
    ("may", 5),
    ("jun", 6),
    ("june", 6),
    ("jul", 7),
    ("july", 7),
    ("aug", 8),
    ("august", 8),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("oct", 10),
    ("october", 10),
    ("nov", 11),
    ("november", 11),
    ("dec", 12),
    ("december", 12),
];

/// Weekday names and abbreviations, lowercase.
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("mon", Weekday::Mon),
    ("monday", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("tuesday", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("wednesday", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("thursday", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("friday", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("saturday", Weekday::Sat),
    ("sun", Weekday::Sun),
    ("sunday", Weekday::Sun),
];

/// The month number (1–12) of an English month name or abbreviation, ignoring ASCII case
/// ("Oct", "october", "SEPT"). A trailing period is not part of the name.
#[must_use]
pub fn month_from_name(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, m)| m)
}

/// The weekday of an English weekday name or abbreviation, ignoring ASCII case
/// ("Thu", "Thurs", "thursday").
#[must_use]
pub fn weekday_from_name(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays() {
        assert_eq!(month_from_name("Sept"), Some(9));
        assert_eq!(month_from_name("OCTOBER"), Some(10));
        assert_eq!(month_from_name("may"), Some(5));
        assert_eq!(month_from_name("octo"), None);
        assert_eq!(weekday_from_name("Thurs"), Some(Weekday::Thu));
        assert_eq!(weekday_from_name("sunday"), Some(Weekday::Sun));
        assert_eq!(weekday_from_name("s"), None);
    }
}
