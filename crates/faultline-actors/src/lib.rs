//! Actors: dictionaries, fast matching, and resolution of mentions to CAMEO
//! actor codes valid on the date of the event.
//!
//! - [`schema`]: faultline's own TOML dictionaries (countries, IGOs, groups,
//!   sectors, organisations, people with dated roles), embedded as defaults.
//! - [`petrarch`]: PETRARCH-2 actor and agent dictionaries, as an additional
//!   or alternative set.
//! - [`dict`] and [`matcher`]: every phrase of every source compiled into one
//!   Aho-Corasick automaton over normalised text, with exact offsets back.
//! - [`resolve`]: compounds, titles and appositions, context and
//!   coreference-lite, giving [`Mention`]s.

#![warn(clippy::too_many_lines)]

pub mod code;
pub mod dict;
pub mod error;
pub mod lexicon;
pub mod matcher;
pub mod petrarch;
pub mod resolve;
pub mod schema;

use std::path::{Path, PathBuf};

pub use dict::{ActorDict, DictBuilder, Entry, EntryKind};
pub use error::ActorError;
pub use petrarch::PetrarchStats;
pub use resolve::{Mention, SentenceRef, Via, resolve};
pub use schema::{Example, LoadReport};

/// Which dictionaries to load.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Leave out faultline's embedded default dictionaries.
    pub no_defaults: bool,
    /// More dictionaries: `.toml` files in faultline's format, PETRARCH actor
    /// or agent files, or directories holding them (`*.toml`,
    /// `*actors*.txt`, `*agents*.txt`).
    pub extra: Vec<PathBuf>,
}

/// Loaded, compiled dictionaries with the report of how loading went.
#[derive(Debug)]
pub struct Actors {
    /// The compiled dictionary.
    pub dict: ActorDict,
    /// Entries, examples and errors of the TOML dictionaries.
    pub report: LoadReport,
    /// Line accounting of each PETRARCH file read.
    pub petrarch: Vec<(PathBuf, PetrarchStats)>,
    /// Give role words with no country of their own the country of the
    /// context (default). Off, they get the null root `---` as PETRARCH
    /// does ("a senior official" → `---GOV`).
    pub context_countries: bool,
}

impl Actors {
    /// faultline's default dictionaries only.
    pub fn defaults() -> Result<Self, ActorError> {
        Self::load(&Options::default())
    }

    /// Loads and compiles the dictionaries `opts` names.
    ///
    /// Problems with single lines or entries do not fail the load: they are
    /// listed in `report.errors` with file and line. Only an unreadable
    /// matcher is an error.
    pub fn load(opts: &Options) -> Result<Self, ActorError> {
        let mut builder = DictBuilder::new();
        let mut report = LoadReport::default();
        let mut petrarch = Vec::new();
        if !opts.no_defaults {
            schema::load_defaults(&mut builder, &mut report);
        }
        for path in &opts.extra {
            load_path(&mut builder, path, &mut report, &mut petrarch);
        }
        Ok(Self {
            dict: builder.build()?,
            report,
            petrarch,
            context_countries: true,
        })
    }

    /// Resolves the actor mentions of a body (see [`resolve::resolve`]).
    pub fn resolve(&self, body: &str, sentences: &[SentenceRef]) -> Vec<Mention> {
        resolve::resolve_with(&self.dict, body, sentences, self.context_countries)
    }
}

fn load_path(
    builder: &mut DictBuilder,
    path: &Path,
    report: &mut LoadReport,
    petrarch: &mut Vec<(PathBuf, PetrarchStats)>,
) {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.flatten().map(|e| e.path()).collect(),
            Err(e) => {
                report.errors.push(ActorError::Io {
                    file: path.to_owned(),
                    message: e.to_string(),
                });
                return;
            }
        };
        files.sort();
        for f in files {
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if f.is_dir()
                || name.ends_with(".toml")
                || (name.ends_with(".txt") && (name.contains("actors") || name.contains("agents")))
            {
                load_path(builder, &f, report, petrarch);
            }
        }
        return;
    }
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            report.errors.push(ActorError::Io {
                file: path.to_owned(),
                message: e.to_string(),
            });
            return;
        }
    };
    if path.extension().is_some_and(|e| e == "toml") {
        schema::load_str(builder, path, &text, report);
    } else if petrarch::looks_like_agents(&text) {
        let stats = petrarch::load_agents(builder, path, &text, &mut report.errors);
        petrarch.push((path.to_owned(), stats));
    } else {
        let stats = petrarch::load_actors(builder, path, &text, &mut report.errors);
        petrarch.push((path.to_owned(), stats));
    }
}
