//! Dictionaries: triggers (`verbs`: faultline's TOML; `petrarch`: PETRARCH-2
//! and TABARI verb files), the CAMEO code table (`cameo`) and its recoding
//! tables (`recode`), the English word lists of the clause passes
//! (`lexicon`), PETRARCH discard lists (`discards`) and UniversalPetrarch's
//! negation pairs (`pico`).

pub mod cameo;
pub mod discards;
pub mod lexicon;
pub mod petrarch;
pub mod pico;
pub mod recode;
pub mod verbs;
