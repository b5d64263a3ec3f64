//! Helpers shared by the store's integration tests: events and documents
//! built by hand, without the coder.

#![allow(dead_code, missing_docs)]

use faultline_coder::{Factuality, PartialDate};
use faultline_store::{ActorView, DocRecord, EventRecord};

/// An owned event description, turned into an [`EventRecord`] on demand.
#[derive(Debug, Clone)]
pub struct Ev {
    pub src: &'static str,
    pub tgt: &'static str,
    pub cameo: &'static str,
    pub quad: u8,
    pub goldstein: f64,
    pub date: String,
    pub factuality: Factuality,
    pub sentence: usize,
    pub text: String,
}

pub fn ev(src: &'static str, tgt: &'static str, cameo: &'static str, date: &str) -> Ev {
    let (quad, goldstein) = match &cameo[..2] {
        "01" | "02" | "03" | "04" | "05" => (1, 3.0),
        "06" | "07" | "08" => (2, 6.0),
        "09" | "10" | "11" | "12" | "13" => (3, -4.0),
        _ => (4, -9.0),
    };
    Ev {
        src,
        tgt,
        cameo,
        quad,
        goldstein,
        date: date.to_owned(),
        factuality: Factuality::Asserted,
        sentence: 0,
        text: format!("{src} did {cameo} to {tgt} on {date}."),
    }
}

impl Ev {
    pub fn record(&self) -> EventRecord<'_> {
        let actor = |code: &'static str| ActorView {
            text: code,
            code,
            country: code.get(..3),
        };
        EventRecord {
            coder_id: "doc:0:1",
            source: actor(self.src),
            target: (!self.tgt.is_empty()).then(|| actor(self.tgt)),
            cameo: self.cameo,
            root: &self.cameo[..2],
            quad: self.quad,
            goldstein: self.goldstein,
            plover: if self.cameo.starts_with("01") {
                ""
            } else if self.quad < 3 {
                "CONSULT"
            } else {
                "ACCUSE"
            },
            mode: "",
            date: partial_date(&self.date),
            date_source: "article",
            factuality: self.factuality,
            cue: None,
            sentence: self.sentence,
            sentence_start: 0,
            sentence_end: self.text.len(),
            sentence_text: &self.text,
            trigger: "did",
            rule: "test",
            confidence: 0.5,
        }
    }

    pub fn at(mut self, sentence: usize) -> Self {
        self.sentence = sentence;
        self
    }

    pub fn fact(mut self, f: Factuality) -> Self {
        self.factuality = f;
        self
    }
}

pub fn doc<'a>(id: &'a str, url: &'a str, body: &str) -> DocRecord<'a> {
    DocRecord {
        id,
        source: url,
        publisher: "",
        title: Some("Title"),
        published: None,
        hash: DocRecord::content_hash(body),
        lead_sentences: 1,
        ..DocRecord::default()
    }
}

pub fn records(evs: &[Ev]) -> Vec<EventRecord<'_>> {
    evs.iter().map(Ev::record).collect()
}

/// A test date written YYYY, YYYY-MM or YYYY-MM-DD.
pub fn partial_date(s: &str) -> PartialDate {
    let num = |p: Option<&str>| p.and_then(|p| p.parse::<u32>().ok()).unwrap_or(1);
    let mut parts = s.split('-');
    let year = num(parts.next()) as i32;
    match (parts.next(), parts.next()) {
        (None, _) => PartialDate::Year(year),
        (Some(m), None) => PartialDate::YearMonth {
            year,
            month: num(Some(m)),
        },
        (Some(m), Some(d)) => chrono::NaiveDate::from_ymd_opt(year, num(Some(m)), num(Some(d)))
            .map_or(PartialDate::Year(year), PartialDate::Date),
    }
}
