//! The stamp grammar: a small tokenizer (numbers, words, symbols with byte spans) and a
//! hand-written recursive-descent parser over its tokens, shared by `parse_stamp` (whole
//! string) and `find_stamp` (first stamp in a line). No regexes, no per-call compilation.

use std::ops::RangeInclusive;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};

use crate::DayMonthOrder;
use crate::error::DateError;
use crate::lexicon::{month_from_name, weekday_from_name};
use crate::stamp::Stamp;
use crate::zones::{Region, is_known_upper, zone_offset_at};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run of ASCII digits.
    Num,
    /// A run of alphabetic characters (any script).
    Word,
    /// Any other single non-space character.
    Sym(char),
}

/// A token with its byte span in the source.
#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    /// Whether whitespace (or the start of input) precedes the token.
    space_before: bool,
}

/// Splits `s` into number, word and symbol tokens; whitespace only separates.
fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(s.len() / 3 + 1);
    let mut space = true;
    let mut chars = s.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Sym(c)
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Sym(c) {
            while let Some(&(i, d)) = chars.peek() {
                let same = match kind {
                    Kind::Num => d.is_ascii_digit(),
                    _ => d.is_alphabetic(),
                };
                if !same {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
        }
        toks.push(Tok {
            kind,
            start,
            end,
            space_before: space,
        });
        space = false;
    }
    toks
}

/// `Ok(None)`: the tokens do not have this shape; `Ok(Some((value, next)))`: parsed, with the
/// index of the first unread token; `Err`: the shape matched but the values are impossible.
type Res<T> = Result<Option<(T, usize)>, DateError>;

/// A zone as read, resolved once the date and time are known.
#[derive(Debug, Clone, Copy)]
enum ZoneSpec {
    Offset(FixedOffset),
    /// Index of the token holding a zone abbreviation.
    Named(usize),
}

/// Parser over the tokens of one input string.
pub(crate) struct Parser<'a> {
    src: &'a str,
    toks: Vec<Tok>,
    region: Region,
    /// How to read an all-numeric date whose first two numbers could both be months.
    order: DayMonthOrder,
    /// Whole-string mode (`parse_stamp`): allows compact `20141009` and lowercase zone names.
    whole: bool,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(src: &'a str, region: Region, order: DayMonthOrder, whole: bool) -> Self {
        Parser {
            src,
            toks: tokenize(src),
            region,
            order,
            whole,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// Byte offset where token `i` starts (or the end of input).
    pub(crate) fn byte_start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.src.len(), |t| t.start)
    }

    /// Byte offset where token `i - 1` ends, i.e. the end of a parse that stopped before `i`.
    pub(crate) fn byte_end_before(&self, i: usize) -> usize {
        i.checked_sub(1)
            .and_then(|j| self.toks.get(j))
            .map_or(0, |t| t.end)
    }

    // ---- token helpers ----

    fn text(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.src[t.start..t.end])
    }

    fn adjacent(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn sym(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Sym(c))
    }

    fn sym_adj(&self, i: usize, c: char) -> bool {
        self.sym(i, c) && self.adjacent(i)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| &self.src[t.start..t.end])
    }

    fn word_is(&self, i: usize, options: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|w| options.iter().any(|o| o.eq_ignore_ascii_case(w)))
    }

    fn digits(&self, i: usize) -> Option<&'a str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Num)
            .map(|t| &self.src[t.start..t.end])
    }

    /// The value of a number token with a digit count in `len`.
    fn num(&self, i: usize, len: RangeInclusive<usize>) -> Option<u32> {
        self.digits(i)
            .filter(|d| len.contains(&d.len()))
            .and_then(|d| d.parse().ok())
    }

    fn num_adj(&self, i: usize, len: RangeInclusive<usize>) -> Option<u32> {
        self.num(i, len).filter(|_| self.adjacent(i))
    }

    /// A separator that may stand between a date and its time: `,` `|` `/` `-` `–` `—` `·` `•`.
    fn is_joiner(&self, i: usize) -> bool {
        [',', '|', '/', '-', '\u{2013}', '\u{2014}', '·', '•']
            .iter()
            .any(|&c| self.sym(i, c))
    }

    /// Whether token `i` could start a stamp (a number, a month or a weekday).
    pub(crate) fn is_candidate(&self, i: usize) -> bool {
        match self.toks.get(i).map(|t| t.kind) {
            Some(Kind::Num) => true,
            Some(Kind::Word) => {
                let w = self.text(i);
                month_from_name(w).is_some() || weekday_from_name(w).is_some()
            }
            _ => false,
        }
    }

    // ---- grammar ----

    /// A stamp starting at token `i`: date first (optionally followed by time and zone), or
    /// time first ("1:55 PM EDT, Thu October 9, 2014").
    pub(crate) fn stamp_at(&self, i: usize) -> Res<Stamp> {
        if let Some(found) = self.date_first(i)? {
            return Ok(Some(found));
        }
        self.time_first(i)
    }

    /// Skips an optional weekday name with its period and comma.
    fn weekday(&self, mut i: usize) -> usize {
        if self.word(i).and_then(weekday_from_name).is_some() {
            i += 1;
            if self.sym_adj(i, '.') {
                i += 1;
            }
            if self.sym(i, ',') {
                i += 1;
            }
        }
        i
    }

    fn date_first(&self, i: usize) -> Res<Stamp> {
        let j = self.weekday(i);
        let Some(((date, iso), j)) = self.date(j)? else {
            return Ok(None);
        };
        let mut k = j;
        if iso
            && self.word_is(k, &["t"])
            && self.adjacent(k)
            && self.num_adj(k + 1, 1..=2).is_some()
        {
            k += 1;
        } else {
            for _ in 0..2 {
                if self.is_joiner(k) || self.sym(k, '@') || self.word_is(k, &["at"]) {
                    k += 1;
                }
            }
        }
        let Some((time, k)) = self.time(k)? else {
            return Ok(Some((Stamp::Date(date), j)));
        };
        let local = date.and_time(time);
        match self.zone(k)? {
            None => Ok(Some((Stamp::Local(local), k))),
            Some((zone, k)) => Ok(self.zoned(local, zone).map(|s| (s, k))),
        }
    }

    fn time_first(&self, i: usize) -> Res<Stamp> {
        let Some((time, mut j)) = self.time(i)? else {
            return Ok(None);
        };
        let zone = match self.zone(j)? {
            Some((z, next)) => {
                j = next;
                Some(z)
            }
            None => None,
        };
        for _ in 0..2 {
            if self.is_joiner(j) || self.word_is(j, &["on"]) {
                j += 1;
            }
        }
        let j = self.weekday(j);
        let Some(((date, _), end)) = self.date(j)? else {
            return Ok(None);
        };
        let local = date.and_time(time);
        Ok(match zone {
            None => Some((Stamp::Local(local), end)),
            Some(z) => self.zoned(local, z).map(|s| (s, end)),
        })
    }

    fn zoned(&self, local: NaiveDateTime, zone: ZoneSpec) -> Option<Stamp> {
        let offset = match zone {
            ZoneSpec::Offset(o) => o,
            ZoneSpec::Named(i) => zone_offset_at(self.text(i), local, self.region)?,
        };
        offset
            .from_local_datetime(&local)
            .single()
            .map(Stamp::Zoned)
    }

    /// A calendar date; the flag says whether it was ISO `YYYY-MM-DD` (so a `T` may follow).
    fn date(&self, i: usize) -> Res<(NaiveDate, bool)> {
        match self.toks.get(i).map(|t| (t.kind, t.end - t.start)) {
            Some((Kind::Num, 4)) => self.year_first(i),
            Some((Kind::Num, 8)) if self.whole => self.compact(i),
            Some((Kind::Num, 1 | 2)) => self.day_first(i),
            Some((Kind::Word, _)) => self.month_first(i),
            _ => Ok(None),
        }
    }

    /// `2014-10-09`, `2014.10.09`, `2014. 10. 09.`, `2014/10/09`, `2014년 10월 9일`, `2014年10月9日`.
    fn year_first(&self, i: usize) -> Res<(NaiveDate, bool)> {
        let Some(year) = self.num(i, 4..=4) else {
            return Ok(None);
        };
        if self.sym_adj(i + 1, '-')
            && let Some(month) = self.num_adj(i + 2, 1..=2)
            && self.sym_adj(i + 3, '-')
            && let Some(day) = self.num_adj(i + 4, 1..=2)
        {
            return ymd(year, month, day).map(|d| Some(((d, true), i + 5)));
        }
        for sep in ['.', '/'] {
            if self.sym_adj(i + 1, sep)
                && let Some(month) = self.num(i + 2, 1..=2)
                && self.sym_adj(i + 3, sep)
                && let Some(day) = self.num(i + 4, 1..=2)
            {
                let mut next = i + 5;
                if sep == '.' && self.sym_adj(next, '.') {
                    next += 1;
                }
                return ymd(year, month, day).map(|d| Some(((d, false), next)));
            }
        }
        if self.word_is(i + 1, &["년", "年"])
            && let Some(month) = self.num(i + 2, 1..=2)
            && self.word_is(i + 3, &["월", "月"])
            && let Some(day) = self.num(i + 4, 1..=2)
            && self.word_is(i + 5, &["일", "日"])
        {
            return ymd(year, month, day).map(|d| Some(((d, false), i + 6)));
        }
        Ok(None)
    }

    /// `20141009`, whole-string mode only, for years 1900–2100.
    fn compact(&self, i: usize) -> Res<(NaiveDate, bool)> {
        let Some(n) = self.num(i, 8..=8) else {
            return Ok(None);
        };
        let (year, month, day) = (n / 10_000, n / 100 % 100, n % 100);
        if !(1900..=2100).contains(&year) {
            return Ok(None);
        }
        ymd(year, month, day).map(|d| Some(((d, false), i + 1)))
    }

    /// Skips an English ordinal suffix glued to a day number ("9th").
    fn ordinal(&self, i: usize) -> usize {
        if self.adjacent(i) && self.word_is(i, &["st", "nd", "rd", "th"]) {
            i + 1
        } else {
            i
        }
    }

    fn month_word(&self, i: usize) -> Option<u32> {
        self.word(i).and_then(month_from_name)
    }

    /// `9 October 2014`, `9 Oct. 2014`, `9th Oct, 2014`, `09-Oct-2014`, and the numeric
    /// forms of [`Parser::numeric_date`].
    fn day_first(&self, i: usize) -> Res<(NaiveDate, bool)> {
        let Some(day) = self.num(i, 1..=2) else {
            return Ok(None);
        };
        if let Some(found) = self.numeric_date(i)? {
            return Ok(Some(found));
        }
        let j = self.ordinal(i + 1);
        if self.sym_adj(j, '-')
            && let Some(month) = self.month_word(j + 1).filter(|_| self.adjacent(j + 1))
            && self.sym_adj(j + 2, '-')
            && let Some(year) = self.num_adj(j + 3, 4..=4)
        {
            return ymd(year, month, day).map(|d| Some(((d, false), j + 4)));
        }
        let Some(month) = self.month_word(j) else {
            return Ok(None);
        };
        let mut j = j + 1;
        if self.sym_adj(j, '.') {
            j += 1;
        }
        if self.sym(j, ',') {
            j += 1;
        }
        let Some(year) = self.num(j, 4..=4) else {
            return Ok(None);
        };
        ymd(year, month, day).map(|d| Some(((d, false), j + 1)))
    }

    /// `08/06/2013`, `8-6-2013`, `08.06.2013`: two numbers and a four-digit year, with one
    /// separator repeated and no spaces. Dotted dates are day first (as everywhere they are
    /// used); with `/` or `-` a number above 12 decides, else [`DayMonthOrder`].
    fn numeric_date(&self, i: usize) -> Res<(NaiveDate, bool)> {
        let Some(a) = self.num(i, 1..=2) else {
            return Ok(None);
        };
        for sep in ['/', '-', '.'] {
            if self.sym_adj(i + 1, sep)
                && let Some(b) = self.num_adj(i + 2, 1..=2)
                && self.sym_adj(i + 3, sep)
                && let Some(year) = self.num_adj(i + 4, 4..=4)
                && !(self.sym_adj(i + 5, sep) && self.num_adj(i + 6, 1..=4).is_some())
            {
                let month_first = sep != '.'
                    && match (a > 12, b > 12) {
                        (true, _) => false,
                        (false, true) => true,
                        (false, false) => self.order.month_first(self.region),
                    };
                let (day, month) = if month_first { (b, a) } else { (a, b) };
                let mut next = i + 5;
                if sep == '.' && self.sym_adj(next, '.') {
                    next += 1;
                }
                return ymd(year, month, day).map(|d| Some(((d, false), next)));
            }
        }
        Ok(None)
    }

    /// True when the stamp at token `i` is an all-numeric date whose day and month could be
    /// read either way (`08/06/2013`, but not `13/06/2013`, `08/08/2013` or `08.06.2013`).
    pub(crate) fn numeric_order_ambiguous(&self, i: usize) -> bool {
        let j = self.weekday(i);
        let (Some(a), Some(b)) = (self.num(j, 1..=2), self.num_adj(j + 2, 1..=2)) else {
            return false;
        };
        (self.sym_adj(j + 1, '/') || self.sym_adj(j + 1, '-'))
            && self.sym_adj(j + 3, self.text(j + 1).chars().next().unwrap_or(' '))
            && self.num_adj(j + 4, 4..=4).is_some()
            && (1..=12).contains(&a)
            && (1..=12).contains(&b)
            && a != b
    }

    /// `October 9, 2014`, `Oct. 9, 2014`, `Sept. 9 2014`, `Oct 9th, 2014`.
    fn month_first(&self, i: usize) -> Res<(NaiveDate, bool)> {
        let Some(month) = self.month_word(i) else {
            return Ok(None);
        };
        let mut j = i + 1;
        if self.sym_adj(j, '.') {
            j += 1;
        }
        let Some(day) = self.num(j, 1..=2) else {
            return Ok(None);
        };
        j = self.ordinal(j + 1);
        if self.sym(j, ',') {
            j += 1;
        }
        let Some(year) = self.num(j, 4..=4) else {
            return Ok(None);
        };
        ymd(year, month, day).map(|d| Some(((d, false), j + 1)))
    }

    /// `13:55`, `13:55:00`, `13:55:00.123`, `13.55`, `1:55 p.m.`, `1:55PM`, `1 pm`.
    fn time(&self, i: usize) -> Res<NaiveTime> {
        let Some(hour) = self.num(i, 1..=2) else {
            return Ok(None);
        };
        let mut j = i + 1;
        let (mut minute, mut second, mut nanos) = (0, 0, 0);
        let mut has_minutes = false;
        if (self.sym_adj(j, ':') || self.sym_adj(j, '.'))
            && let Some(m) = self.num_adj(j + 1, 2..=2)
        {
            let colon = self.sym(j, ':');
            minute = m;
            has_minutes = true;
            j += 2;
            if colon
                && self.sym_adj(j, ':')
                && let Some(s) = self.num_adj(j + 1, 2..=2)
            {
                second = s;
                j += 2;
                if (self.sym_adj(j, '.') || self.sym_adj(j, ','))
                    && self.adjacent(j + 1)
                    && let Some(frac) = self.digits(j + 1)
                {
                    nanos = fraction_nanos(frac);
                    j += 2;
                }
            }
        }
        let mut hour24 = hour;
        if let Some((pm, next)) = self.am_pm(j) {
            if !(1..=12).contains(&hour) {
                return Err(DateError::InvalidTime {
                    hour,
                    minute,
                    second,
                });
            }
            hour24 = hour % 12 + if pm { 12 } else { 0 };
            j = next;
        } else if !has_minutes {
            return Ok(None);
        }
        let time = if second == 60 {
            NaiveTime::from_hms_nano_opt(hour24, minute, 59, 1_000_000_000 + nanos)
        } else {
            NaiveTime::from_hms_nano_opt(hour24, minute, second, nanos)
        };
        match time {
            Some(t) => Ok(Some((t, j))),
            None => Err(DateError::InvalidTime {
                hour,
                minute,
                second,
            }),
        }
    }

    /// `am`, `PM`, `a.m.`, `p.m` → (is pm, next token).
    fn am_pm(&self, i: usize) -> Option<(bool, usize)> {
        let w = self.word(i)?;
        if w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("pm") {
            return Some((w.eq_ignore_ascii_case("pm"), i + 1));
        }
        if (w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("p"))
            && self.sym_adj(i + 1, '.')
            && self.adjacent(i + 2)
            && self.word_is(i + 2, &["m"])
        {
            let next = if self.sym_adj(i + 3, '.') {
                i + 4
            } else {
                i + 3
            };
            return Some((w.eq_ignore_ascii_case("p"), next));
        }
        None
    }

    /// A zone after a time: `Z`, `+0900`, `+09:00`, `GMT`, `GMT+9`, `UTC-05:00`, `KST`,
    /// `(KST)`, optionally followed by a spelled-out name in parentheses.
    fn zone(&self, i: usize) -> Res<ZoneSpec> {
        let paren = self.sym(i, '(');
        let j = if paren { i + 1 } else { i };
        let Some((zone, mut k)) = self.zone_inner(j)? else {
            return Ok(None);
        };
        if paren {
            if !self.sym(k, ')') {
                return Ok(None);
            }
            k += 1;
        } else if self.sym(k, '(') {
            // "(Korean Standard Time)"
            let mut m = k + 1;
            while m < k + 8 && self.word(m).is_some() {
                m += 1;
            }
            if m > k + 1 && self.sym(m, ')') {
                k = m + 1;
            }
        }
        Ok(Some((zone, k)))
    }

    fn zone_inner(&self, i: usize) -> Res<ZoneSpec> {
        if let Some((off, next)) = self.numeric_offset(i, false)? {
            return Ok(Some((ZoneSpec::Offset(off), next)));
        }
        let Some(w) = self.word(i) else {
            return Ok(None);
        };
        if ["utc", "gmt", "ut", "z"]
            .iter()
            .any(|z| z.eq_ignore_ascii_case(w))
        {
            if !w.eq_ignore_ascii_case("z")
                && let Some((off, next)) = self.numeric_offset(i + 1, true)?
            {
                return Ok(Some((ZoneSpec::Offset(off), next)));
            }
            return Ok(Some((ZoneSpec::Offset(Utc.fix()), i + 1)));
        }
        let known = if self.whole {
            is_known_upper(&w.to_ascii_uppercase())
        } else {
            is_known_upper(w)
        };
        Ok(known.then_some((ZoneSpec::Named(i), i + 1)))
    }

    /// `+0900`, `+09:00`, `+09`, `-5` (single-digit hours only after GMT/UTC).
    fn numeric_offset(&self, i: usize, after_gmt: bool) -> Res<FixedOffset> {
        let sign = if self.sym(i, '+') {
            1
        } else if self.sym(i, '-') || self.sym(i, '\u{2212}') {
            -1
        } else {
            return Ok(None);
        };
        if !self.adjacent(i + 1) {
            return Ok(None);
        }
        let Some(d) = self.digits(i + 1) else {
            return Ok(None);
        };
        let (hh, mm, next) = match d.len() {
            4 => (
                d[..2].parse::<i32>().unwrap_or(99),
                d[2..].parse::<i32>().unwrap_or(99),
                i + 2,
            ),
            1 | 2 if d.len() == 2 || after_gmt => {
                let hh = d.parse::<i32>().unwrap_or(99);
                if self.sym_adj(i + 2, ':')
                    && let Some(mm) = self.num_adj(i + 3, 2..=2)
                {
                    (hh, i32::try_from(mm).unwrap_or(99), i + 4)
                } else {
                    (hh, 0, i + 2)
                }
            }
            _ => return Ok(None),
        };
        if hh > 23 || mm > 59 {
            let text = self.src[self.byte_start(i)..self.byte_end_before(next)].to_owned();
            return Err(DateError::InvalidOffset { text });
        }
        Ok(FixedOffset::east_opt(sign * (hh * 3600 + mm * 60)).map(|o| (o, next)))
    }
}

/// A calendar date, or the error naming the impossible one.
fn ymd(year: u32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    let year = i32::try_from(year).unwrap_or(i32::MAX);
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::InvalidDate { year, month, day })
}

/// Nanoseconds of a decimal fraction's digits (extra digits beyond nine are dropped).
fn fraction_nanos(digits: &str) -> u32 {
    let mut nanos = 0u32;
    for b in digits.bytes().chain(std::iter::repeat(b'0')).take(9) {
        nanos = nanos * 10 + u32::from(b - b'0');
    }
    nanos
}
