//! Event-date expressions in running text, resolved against the article date.
//!
//! Recognised (the anchor is the article's date):
//! - full and partial calendar dates: "Oct. 7, 2014", "on Oct. 7", "7 October",
//!   "June 9", "2019-01-23" — a date without a year is the latest such date not
//!   more than a week after the anchor;
//! - months: "In Oct. 2010", "February of 2011", "in June", "since February",
//!   "early/mid-/late June" — a month without a year is the latest such month
//!   not after the anchor's month; "in June last year", "March 3 of this
//!   year" name the year relative to the anchor's;
//! - years: "in 2011", "since 2011", "by 2015", "between 1998 and 2000" (its start);
//! - weekdays: "Saturday", "on Monday" — the latest such day on or before the
//!   anchor; "last Tuesday" — the Tuesday of the week before the anchor's
//!   (weeks begin on Monday: on a Friday, "last Thursday" is eight days
//!   back, since the day before would be "yesterday" or "on Thursday");
//!   "next Monday" looks forward;
//! - relative: "yesterday", "today", "tomorrow", "last week/month/year",
//!   "this week/month/year", "earlier this month", "three months ago",
//!   "two years ago";
//! - fixed-date holidays (`data/holidays.txt`): "on New Year's Day",
//!   "Christmas Eve" — the latest such day not more than a week after the
//!   anchor;
//! - weekends: "over the weekend", "at the weekend", "last weekend" — the
//!   Saturday of the latest weekend begun on or before the anchor; "this
//!   weekend" on a weekday and "next weekend" look forward.
//!
//! Month and weekday names must be capitalised, so "may" the modal is not May.
//!
//! Intervals ("three months after", "two days before") are found apart
//! ([`find_intervals`]): they place the event of the clause they introduce
//! against the date of the clause around it, which only the coder knows.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::{Regex, RegexSet};

use crate::PartialDate;

/// A date expression found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDate {
    /// Byte offset of the expression in the text.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The resolved date.
    pub date: PartialDate,
    /// True when the expression points after the anchor ("tomorrow", "next week").
    pub future: bool,
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/// "… last year", "… of this year" after a month or a date: the year named
/// relative to the anchor's ("in June last year" is June a year back).
const YEAR_REL: &str = r"(?:,?\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year\b)";
const NUMBER: &str = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|several|a few)";

/// Compiles a date pattern whose word boundaries `\b` are ASCII ones: a
/// Unicode boundary makes the regex engine leave its fast DFA for a slower
/// one on any text with a non-ASCII character near a match (curly quotes,
/// dashes, accented names: most news), and dates are ASCII words. `\s`
/// and `\d` stay Unicode (a no-break space between "May" and "5").
fn date_regex(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("event-date pattern is valid")
}

/// All of [`PATTERNS`] at once: one scan of a sentence says which of them
/// match anywhere, and only those are run (most sentences hold no date).
static ANY: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(PATTERNS.iter().map(|(_, re)| re.as_str()))
        .expect("event-date patterns are valid")
});

static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let r = |s: String| date_regex(&s);
    vec![
        (Kind::Iso, r(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b".to_owned())),
        (
            Kind::MonthDay,
            r(format!(r"\b(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d{{2}})\b|{YEAR_REL})?")),
        ),
        (
            Kind::DayMonth,
            r(format!(r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>(?:19|20)\d{{2}})\b|{YEAR_REL})?")),
        ),
        (Kind::MonthYear, r(format!(r"\b(?P<mon>{MONTH})(?:\s+of)?,?\s+(?P<y>(?:19|20)\d{{2}})\b"))),
        (
            Kind::Month,
            r(format!(
                r"\b(?:[Ii]n|[Ss]ince|[Bb]etween|[Dd]uring|[Uu]ntil|[Bb]y|[Ff]rom|[Ll]ast|[Tt]his|[Tt]hrough|[Bb]efore|[Aa]fter|[Ee]arly|[Ll]ate|[Mm]id-?)\s+(?:(?:early|late|mid-)\s*)?(?P<mon>{MONTH})(?:(?P<tail>\s+\d)|{YEAR_REL})?"
            )),
        ),
        (Kind::Year, r(r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Ff]rom|[Uu]ntil|[Bb]efore|[Aa]fter|[Oo]f|[Ee]arly|[Ll]ate)\s+(?P<y>(?:19|20)\d{2})\b(?P<tail>-\d|s\b)?".to_owned())),
        // "between 1998 and 2000": a span of years, dated by its start
        // (not "between 2000 and 3000 protesters").
        (Kind::Year, r(r"\b[Bb]etween\s+(?P<y>(?:19|20)\d{2})\s+and\s+(?:19|20)\d{2}\b".to_owned())),
        (Kind::Weekday, r(format!(r"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Oo]n|[Ee]arly|[Ll]ate)\s+)?(?P<wd>{WEEKDAY})\b"))),
        (Kind::Ago, r(format!(r"(?i)\b(?P<n>{NUMBER})\s+(?P<u>day|week|month|year|decade)s?\s+ago\b"))),
        (
            Kind::Relative,
            r(r"(?i)\b(?P<rel>last|this|next|earlier this|later this|earlier in the|late last|early last|earlier last|the previous|the past)\s+(?P<u>week|month|year)\b".to_owned()),
        ),
        (Kind::Deictic, r(r"(?i)\b(?P<w>yesterday|today|tonight|tomorrow|overnight)\b".to_owned())),
        (
            Kind::Weekend,
            r(r"(?i)\b(?P<rel>over the|at the|on the|during the|last|this|next)\s+weekend\b".to_owned()),
        ),
        (Kind::Holiday, r(holiday_pattern())),
    ]
});

/// One alternation of every holiday name, an apostrophe matching either form.
fn holiday_pattern() -> String {
    let names: Vec<String> = HOLIDAYS
        .days
        .iter()
        .map(|(name, _, _)| regex::escape(name).replace('\'', "['’]"))
        .collect();
    format!(r"\b(?P<h>{})\b", names.join("|"))
}

/// An interval that places one event against another: "three months
/// after", "two days before". The event of the clause it introduces lies
/// `n` units before ("after") or after ("before") the event around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    /// Byte offset of the expression in the text.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// How many units.
    pub n: i64,
    /// The unit: a day, a week, a month or a year.
    pub unit: Unit,
    /// True for "after": the introduced event came first.
    pub after: bool,
}

/// The unit of an [`Interval`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

static INTERVAL: LazyLock<Regex> = LazyLock::new(|| {
    date_regex(&format!(
        r"(?i)\b(?P<n>{NUMBER})\s+(?P<u>day|week|month|year)s?\s+(?P<d>after|before)\b"
    ))
});

/// Finds every interval expression in `text` ("three months after").
#[must_use]
pub fn find_intervals(text: &str) -> Vec<Interval> {
    INTERVAL
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let unit = match c.name("u")?.as_str().to_lowercase().as_str() {
                "day" => Unit::Day,
                "week" => Unit::Week,
                "month" => Unit::Month,
                _ => Unit::Year,
            };
            Some(Interval {
                start: whole.start(),
                end: whole.end(),
                n: number_of(c.name("n")?.as_str())?,
                unit,
                after: c.name("d")?.as_str().eq_ignore_ascii_case("after"),
            })
        })
        .collect()
}

impl Interval {
    /// The date of the event the interval introduces, given the date of
    /// the event around it: "arrived on June 25, three months after the
    /// premier resigned" puts the resignation in March. Never finer than
    /// `date`, nor than the unit allows (months and years lose the day).
    #[must_use]
    pub fn clause_date(&self, date: PartialDate) -> PartialDate {
        let n = if self.after { self.n } else { -self.n };
        match (self.unit, date) {
            (Unit::Day | Unit::Week, PartialDate::Date(d)) => {
                let days = if self.unit == Unit::Week { 7 * n } else { n };
                d.checked_sub_signed(Duration::days(days))
                    .map_or(date, PartialDate::Date)
            }
            (Unit::Month, PartialDate::Date(d)) => {
                let (y, m) = shift_months(d.year(), d.month(), n);
                PartialDate::year_month(y, m).unwrap_or(date)
            }
            (Unit::Month, PartialDate::YearMonth { year, month }) => {
                let (y, m) = shift_months(year, month, n);
                PartialDate::year_month(y, m).unwrap_or(date)
            }
            (Unit::Year, d) => PartialDate::Year(d.year() - i32::try_from(n).unwrap_or(0)),
            (_, d) => d,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Iso,
    MonthDay,
    DayMonth,
    MonthYear,
    Month,
    Year,
    Weekday,
    Ago,
    Relative,
    Deictic,
    Weekend,
    Holiday,
}

/// `data/holidays.txt`, read once: the holidays (name, month, day),
/// longest names first so "Christmas Day" wins over "Christmas", and the
/// prepositions of time a holiday takes as a date (its `before` line).
struct Holidays {
    days: Vec<(String, u32, u32)>,
    before: Vec<&'static str>,
}

static HOLIDAYS: LazyLock<Holidays> = LazyLock::new(|| {
    let lines = include_str!("../data/holidays.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let mut days = Vec::new();
    let mut before = Vec::new();
    for l in lines {
        let Some((key, rest)) = l.split_once('\t') else {
            continue;
        };
        if key == "before" {
            before.extend(rest.split_whitespace());
        } else if let Some((m, d)) = key.split_once('-')
            && let (Ok(m), Ok(d)) = (m.parse(), d.parse())
        {
            days.push((rest.trim().to_owned(), m, d));
        }
    }
    days.sort_by_key(|(name, _, _)| std::cmp::Reverse(name.len()));
    Holidays { days, before }
});

/// True when the word ending `before` (a "the" skipped) is a preposition of
/// time a holiday takes as a date ("on Christmas Eve"; not "the Christmas
/// market").
fn holiday_preposition(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let mut w = words.next().unwrap_or("");
    if w.eq_ignore_ascii_case("the") {
        w = words.next().unwrap_or("");
    }
    HOLIDAYS.before.iter().any(|p| p.eq_ignore_ascii_case(w))
}

/// The month and day of the holiday named `text` (either apostrophe).
fn holiday_of(text: &str) -> Option<(u32, u32)> {
    let text = text.replace('’', "'");
    HOLIDAYS
        .days
        .iter()
        .find(|(name, _, _)| *name == text)
        .map(|&(_, m, d)| (m, d))
}

fn month_of(name: &str) -> Option<u32> {
    crate::month_from_name(name.trim_end_matches('.'))
}

fn number_of(s: &str) -> Option<i64> {
    let l = s.to_lowercase();
    Some(match l.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" | "a few" | "several" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => l.parse().ok()?,
    })
}

fn shift_months(year: i32, month: u32, back: i64) -> (i32, u32) {
    let total = i64::from(year) * 12 + i64::from(month) - 1 - back;
    let y = total.div_euclid(12);
    (
        i32::try_from(y).unwrap_or(year),
        u32::try_from(total.rem_euclid(12)).unwrap_or(0) + 1,
    )
}

/// The year that "last year", "this year" or "next year" names.
fn relative_year(anchor: NaiveDate, rel: &str, future: &mut bool) -> Option<i32> {
    match rel {
        "last" => Some(anchor.year() - 1),
        "this" => Some(anchor.year()),
        "next" => {
            *future = true;
            Some(anchor.year() + 1)
        }
        _ => None,
    }
}

/// The latest `month`/`day` not more than a week after `anchor`.
fn nearest_past_date(anchor: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(anchor.year(), month, day);
    match this_year {
        Some(d) if d <= anchor + Duration::days(7) => Some(d),
        _ => NaiveDate::from_ymd_opt(anchor.year() - 1, month, day),
    }
}

/// How many days before `anchor` "last `wd`" lies: `wd` of the week
/// (Monday to Sunday) before the anchor's week.
fn last_week_back(anchor: NaiveDate, wd: Weekday) -> u32 {
    anchor.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()
}

/// Finds and resolves every event-date expression in `text` against `anchor`.
pub fn find_event_dates(text: &str, anchor: NaiveDate) -> Vec<EventDate> {
    let mut found: Vec<EventDate> = Vec::new();
    let which = ANY.matches(text);
    for (_, (kind, re)) in PATTERNS
        .iter()
        .enumerate()
        .filter(|(i, _)| which.matched(*i))
    {
        for caps in re.captures_iter(text) {
            let Some(whole) = caps.get(0) else { continue };
            if found
                .iter()
                .any(|f| f.start < whole.end() && whole.start() < f.end)
            {
                continue;
            }
            let get = |n: &str| caps.name(n).map(|m| m.as_str());
            let mut future = false;
            // Not a possessive ("on March 3, last year's envoy …").
            let possessive = text[whole.end()..].starts_with(['\'', '’']);
            let year = get("y").and_then(|y| y.parse::<i32>().ok()).or_else(|| {
                let rel = get("yrel").filter(|_| !possessive)?;
                relative_year(anchor, rel, &mut future)
            });
            let date = match kind {
                Kind::Iso => {
                    let (Some(y), Some(m), Some(d)) = (
                        year,
                        get("m").and_then(|m| m.parse().ok()),
                        get("d").and_then(|d| d.parse().ok()),
                    ) else {
                        continue;
                    };
                    NaiveDate::from_ymd_opt(y, m, d).map(PartialDate::Date)
                }
                Kind::MonthDay | Kind::DayMonth => {
                    let (Some(m), Some(d)) = (
                        get("mon").and_then(month_of),
                        get("d").and_then(|d| d.parse::<u32>().ok()),
                    ) else {
                        continue;
                    };
                    match year {
                        Some(y) => NaiveDate::from_ymd_opt(y, m, d),
                        None => nearest_past_date(anchor, m, d),
                    }
                    .map(PartialDate::Date)
                }
                Kind::MonthYear => {
                    let (Some(m), Some(y)) = (get("mon").and_then(month_of), year) else {
                        continue;
                    };
                    PartialDate::year_month(y, m)
                }
                Kind::Month => {
                    if get("tail").is_some() {
                        continue;
                    }
                    let Some(m) = get("mon").and_then(month_of) else {
                        continue;
                    };
                    // "May" alone is too often the modal; accept it only after a preposition.
                    let y = if let Some(y) = year {
                        y
                    } else if m <= anchor.month() {
                        anchor.year()
                    } else {
                        anchor.year() - 1
                    };
                    PartialDate::year_month(y, m)
                }
                Kind::Year => {
                    if get("tail").is_some() {
                        continue;
                    }
                    year.map(PartialDate::Year)
                }
                Kind::Weekday => {
                    let Some(wd) = get("wd").and_then(crate::weekday_from_name) else {
                        continue;
                    };
                    let rel = get("rel").map(str::to_lowercase);
                    let back = (7 + anchor.weekday().num_days_from_monday()
                        - wd.num_days_from_monday())
                        % 7;
                    let d = match rel.as_deref() {
                        Some("next") => {
                            future = true;
                            anchor + Duration::days(i64::from(7 - back))
                        }
                        Some("last") => {
                            anchor - Duration::days(i64::from(last_week_back(anchor, wd)))
                        }
                        _ => anchor - Duration::days(i64::from(back)),
                    };
                    Some(PartialDate::Date(d))
                }
                Kind::Ago => {
                    let (Some(n), Some(u)) = (get("n").and_then(number_of), get("u")) else {
                        continue;
                    };
                    match u.to_lowercase().as_str() {
                        "day" => Some(PartialDate::Date(anchor - Duration::days(n))),
                        "week" => Some(PartialDate::Date(anchor - Duration::days(7 * n))),
                        "month" => {
                            let (y, m) = shift_months(anchor.year(), anchor.month(), n);
                            PartialDate::year_month(y, m)
                        }
                        "year" => Some(PartialDate::Year(
                            anchor.year() - i32::try_from(n).unwrap_or(0),
                        )),
                        _ => Some(PartialDate::Year(
                            anchor.year() - 10 * i32::try_from(n).unwrap_or(0),
                        )),
                    }
                }
                Kind::Relative => {
                    let (Some(rel), Some(u)) = (
                        get("rel").map(str::to_lowercase),
                        get("u").map(str::to_lowercase),
                    ) else {
                        continue;
                    };
                    let back: i64 =
                        if rel.contains("last") || rel.contains("previous") || rel.contains("past")
                        {
                            1
                        } else if rel == "next" {
                            future = true;
                            -1
                        } else {
                            0
                        };
                    match u.as_str() {
                        "week" => Some(PartialDate::Date(anchor - Duration::days(7 * back))),
                        "month" => {
                            let (y, m) = shift_months(anchor.year(), anchor.month(), back);
                            PartialDate::year_month(y, m)
                        }
                        _ => Some(PartialDate::Year(
                            anchor.year() - i32::try_from(back).unwrap_or(0),
                        )),
                    }
                }
                Kind::Weekend => {
                    let rel = get("rel").map(str::to_lowercase).unwrap_or_default();
                    let (day, ahead) = weekend_saturday(anchor, &rel);
                    future = ahead;
                    Some(PartialDate::Date(day))
                }
                Kind::Holiday => {
                    // "Christmas Island", "the Christmas market attack": a
                    // name or a modifier, no day.
                    let names_more = text[whole.end()..]
                        .trim_start()
                        .starts_with(char::is_uppercase);
                    let day = holiday_preposition(&text[..whole.start()]) && !names_more;
                    let Some((m, d)) = get("h").and_then(holiday_of).filter(|_| day) else {
                        continue;
                    };
                    nearest_past_date(anchor, m, d).map(PartialDate::Date)
                }
                Kind::Deictic => match get("w").map(str::to_lowercase).as_deref() {
                    Some("yesterday") => Some(PartialDate::Date(anchor - Duration::days(1))),
                    Some("tomorrow") => {
                        future = true;
                        Some(PartialDate::Date(anchor + Duration::days(1)))
                    }
                    _ => Some(PartialDate::Date(anchor)),
                },
            };
            if let Some(date) = date {
                found.push(EventDate {
                    start: whole.start(),
                    end: whole.end(),
                    date,
                    future,
                });
            }
        }
    }
    found.sort_by_key(|f| f.start);
    found
}

/// The Saturday a weekend phrase names, and whether it lies ahead: "over
/// the weekend", "at the weekend" and "last weekend" the latest weekend
/// begun on or before the anchor; "this weekend" the anchor's own weekend,
/// or the coming one on a weekday; "next weekend" the one after.
fn weekend_saturday(anchor: NaiveDate, rel: &str) -> (NaiveDate, bool) {
    let since_saturday = (anchor.weekday().num_days_from_monday() + 2) % 7;
    let past = anchor - Duration::days(i64::from(since_saturday));
    let on_weekend = since_saturday <= 1;
    match rel {
        "this" if on_weekend => (past, false),
        "this" => (past + Duration::days(7), true),
        "next" => (past + Duration::days(if on_weekend { 14 } else { 7 }), true),
        _ => (past, false),
    }
}

/// The weekday of a date, for callers that report it.
pub fn weekday(d: NaiveDate) -> Weekday {
    d.weekday()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor() -> NaiveDate {
        NaiveDate::from_ymd_opt(2014, 10, 9).unwrap() // a Thursday
    }

    fn one(text: &str) -> String {
        let f = find_event_dates(text, anchor());
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert!(text.get(f[0].start..f[0].end).is_some());
        f[0].date.to_string()
    }

    #[test]
    fn an_interval_dates_the_event_it_introduces_from_the_one_around_it() {
        let day = |y, m, d| PartialDate::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let cases = [
            (
                "arrived on Tuesday, three months after the premier resigned",
                day(2024, 6, 25),
                "2024-03",
            ),
            (
                "seized a tanker two days after London threatened sanctions",
                day(2024, 6, 24),
                "2024-06-22",
            ),
            (
                "a week before the vote was held",
                day(2024, 6, 24),
                "2024-07-01",
            ),
            (
                "signed in 2019, two years after the war ended",
                PartialDate::Year(2019),
                "2017",
            ),
            (
                "met in May, 3 months after Kenya protested",
                PartialDate::YearMonth {
                    year: 2024,
                    month: 5,
                },
                "2024-02",
            ),
        ];
        for (text, around, want) in cases {
            let found = find_intervals(text);
            assert_eq!(found.len(), 1, "{text}");
            let i = found[0];
            assert!(
                text[i.start..i.end].ends_with("after") || text[i.start..i.end].ends_with("before")
            );
            assert_eq!(i.clause_date(around).to_string(), want, "{text}");
        }
        assert!(find_intervals("two days of talks after the vote").is_empty());
    }

    #[test]
    fn resolves_the_forms_news_uses() {
        let cases = [
            ("the two countries announced on Oct. 7 that", "2014-10-07"),
            ("In Oct. 2010, the US and South Korea specified", "2010-10"),
            ("met during the Shangri-La Dialogue in June.", "2014-06"),
            ("Protesters gathered on Saturday.", "2014-10-04"),
            ("The envoy visited last week.", "2014-10-02"),
            ("The deal was signed three months ago.", "2014-07"),
            ("sanctions in place since February of 2011", "2011-02"),
            ("The talks resumed June 9.", "2014-06-09"),
            ("It was founded in 1992.", "1992"),
            ("Last year the US withdrew.", "2013"),
            ("The minister arrived yesterday.", "2014-10-08"),
            ("The attack on Dec. 3 killed four.", "2013-12-03"),
            ("signed on 7 October 2014", "2014-10-07"),
            ("earlier this month", "2014-10"),
            (
                "Mahan has been the subject of sanctions since 2011.",
                "2011",
            ),
            ("in early June", "2014-06"),
            ("two years ago", "2012"),
            ("Police detained him over the weekend.", "2014-10-04"),
            ("the talks held at the weekend", "2014-10-04"),
            // a span is dated by its start
            ("the two armies fought between 1980 and 1988", "1980"),
            ("talks ran between March and May", "2014-03"),
            // a month or date placed in a year named relative to the anchor's
            ("the envoy was expelled in June last year", "2013-06"),
            ("a pact agreed in November of last year", "2013-11"),
            ("troops withdrew on March 3 last year", "2013-03-03"),
            ("the summit set for 12 May next year", "2015-05-12"),
            // a possessive names no year of the date before it
            ("recalled on March 3, last year's envoy gone", "2014-03-03"),
        ];
        // a count is no span of years
        assert!(
            find_event_dates("between 2000 and 3000 protesters gathered", anchor()).is_empty(),
            "a count"
        );
        for (text, want) in cases {
            assert_eq!(one(text), want, "{text}");
        }
    }

    #[test]
    fn a_weekend_is_its_saturday() {
        // Thursday 2014-10-09: the weekend past, and the one to come.
        assert_eq!(one("They met last weekend."), "2014-10-04");
        let f = find_event_dates("They will meet this weekend.", anchor());
        assert_eq!(f[0].date.to_string(), "2014-10-11");
        assert!(f[0].future);
        // On a Sunday, "this weekend" is the one under way.
        let sunday = NaiveDate::from_ymd_opt(2014, 10, 12).unwrap();
        let f = find_event_dates("Protests spread this weekend.", sunday);
        assert_eq!(
            (f[0].date.to_string(), f[0].future),
            ("2014-10-11".to_owned(), false)
        );
        let f = find_event_dates("Talks resume next weekend.", sunday);
        assert_eq!(f[0].date.to_string(), "2014-10-25");
    }

    #[test]
    fn a_fixed_holiday_is_its_day() {
        // Anchor Thursday 2014-10-09: a holiday is its latest day not more
        // than a week ahead, so Christmas is last year's.
        assert_eq!(one("The pipeline was shut on Christmas Day."), "2013-12-25");
        assert_eq!(one("Shelling resumed on New Year’s Eve."), "2013-12-31");
        let jan = NaiveDate::from_ymd_opt(2009, 1, 6).unwrap();
        let f = find_event_dates(
            "The row boiled over on New Year's Day, when talks broke down.",
            jan,
        );
        assert_eq!(f[0].date.to_string(), "2009-01-01");
        // Not inside another word or name, nor with no preposition of time.
        for text in [
            "the Christmasville parade",
            "boats towed to Christmas Island",
            "the man behind the Christmas market attack",
            "at Christmas Island the navy waited",
        ] {
            assert!(find_event_dates(text, anchor()).is_empty(), "{text}");
        }
    }

    #[test]
    fn dates_beside_non_ascii_text_are_found() {
        // curly quotes, a dash and a no-break space around the date
        assert_eq!(
            one("\u{201c}We signed it on Oct.\u{a0}7,\u{201d} she said."),
            "2014-10-07"
        );
        assert_eq!(
            one("The talks\u{2014}held on Friday\u{2014}failed."),
            "2014-10-03"
        );
        assert_eq!(
            one("Über 40 Leute kamen three days ago \u{e0} Paris."),
            "2014-10-06"
        );
        // a word boundary is an ASCII one: no date inside a longer ASCII
        // word (beside a non-ASCII letter, "éin May" would match)
        assert!(find_event_dates("Éon1990s Junea", anchor()).is_empty());
    }

    #[test]
    fn modal_may_is_not_a_month() {
        assert!(find_event_dates("China may retaliate, he said.", anchor()).is_empty());
        assert_eq!(one("The vote was held in May."), "2014-05");
        assert_eq!(one("The vote was held May 3."), "2014-05-03");
    }

    #[test]
    fn last_weekday_is_in_the_week_before() {
        // The anchor, 2014-10-09, is a Thursday.
        let cases = [
            // On a Thursday, "last Wednesday" is not the day before.
            ("The envoys talked last Wednesday.", "2014-10-01"),
            ("Troops left their bases last Monday.", "2014-09-29"),
            ("The embassy reopened last Friday.", "2014-10-03"),
            ("On last Thursday the court ruled.", "2014-10-02"),
        ];
        for (text, want) in cases {
            assert_eq!(one(text), want, "{text}");
        }
        // On a Monday, "last Thursday" is four days back.
        let monday = NaiveDate::from_ymd_opt(2014, 10, 13).unwrap();
        let f = find_event_dates("The minister resigned last Thursday.", monday);
        assert_eq!(f[0].date.to_string(), "2014-10-09");
    }

    #[test]
    fn next_is_future() {
        let f = find_event_dates("They will meet next Monday.", anchor());
        assert!(f[0].future);
        assert_eq!(f[0].date.to_string(), "2014-10-13");
    }
}
