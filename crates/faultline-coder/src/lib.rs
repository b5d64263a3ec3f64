//! Event coder: raw article text to dated, sourced CAMEO/PLOVER events with
//! factuality and quotes (work in progress).

pub mod error;
pub mod verbs;

pub use error::CoderError;
pub mod conformance;
pub mod petrarch;
