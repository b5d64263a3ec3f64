//! Dictionaries: triggers (`verbs`: faultline's TOML; `petrarch`: PETRARCH-2
//! and TABARI verb files), the CAMEO code table (`cameo`) and the English
//! word lists of the clause passes (`lexicon`).

pub mod cameo;
pub mod lexicon;
pub mod petrarch;
pub mod verbs;
