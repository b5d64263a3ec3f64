//! The coder's view of an article read by faultline-ingest, for the
//! snapshot test (`tests/snapshots.rs`) and the coding benchmark
//! (`benches/code.rs`): the conversion `faultline_serve::write::coder_doc`
//! makes for the binary, which this crate cannot depend on.

use chrono::NaiveDate;
use faultline_coder::Doc;
use faultline_ingest::Article;

/// Article `a` as the coder takes it, dated `date`.
pub fn doc_of(a: &Article, date: NaiveDate, date_known: bool) -> Doc<'_> {
    Doc {
        id: &a.id,
        body: &a.body,
        sentences: a
            .sentences
            .iter()
            .map(|s| (s.start, s.end, s.paragraph))
            .collect(),
        quotes: a
            .quotes
            .iter()
            .map(|q| (q.start, q.end, q.inner_start, q.inner_end))
            .collect(),
        date,
        date_known,
    }
}
