//! The model file: a versioned container of the tagger, parser and
//! labeller sections, zlib-compressed. Layout: the magic `FLSYNTAX`, a
//! little-endian `u32` format version, then the compressed payload.
//! A file of another version is refused with a message saying to retrain.

use crate::bytes::{Reader, Writer};
use crate::error::SyntaxError;
use crate::labeler::Labeler;
use crate::lexical::Atoms;
use crate::parser::Parser;
use crate::tagger::Tagger;

/// The magic bytes every model file starts with.
pub const MAGIC: &[u8; 8] = b"FLSYNTAX";
/// The format version this build writes. Version 3 stores weight rows
/// sparse; version 2 (dense rows) is still read.
pub const VERSION: u32 = 3;
/// The oldest format version this build reads.
pub const OLDEST_READABLE: u32 = 2;
const MAX_PAYLOAD: usize = 256 << 20;

/// A loaded tagger, parser and labeller.
#[derive(Debug, Clone)]
pub struct Model {
    /// Part-of-speech tagger.
    pub tagger: Tagger,
    /// Head finder.
    pub parser: Parser,
    /// Relation labeller.
    pub labeler: Labeler,
}

/// The analysis of one sentence of words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// UPOS index of each word (see [`crate::tagger::UPOS`]).
    pub tags: Vec<u8>,
    /// Head of each word as a 0-based word index; `None` for the root.
    pub heads: Vec<Option<u32>>,
    /// Relation label index of each word (see [`Model::label_name`]).
    pub labels: Vec<u16>,
}

impl Model {
    /// Tags, parses and labels a sentence given as word atoms.
    #[must_use]
    pub fn analyze_atoms(&self, atoms: &[Atoms]) -> Analysis {
        let tags = self.tagger.tag(atoms);
        self.analyze_tagged(atoms, tags)
    }

    /// Parses and labels a sentence whose tags are given.
    #[must_use]
    pub fn analyze_tagged(&self, atoms: &[Atoms], tags: Vec<u8>) -> Analysis {
        if atoms.is_empty() {
            return Analysis {
                tags,
                heads: Vec::new(),
                labels: Vec::new(),
            };
        }
        let classes = self.tagger.classes(atoms);
        let heads1 = self.parser.parse(atoms, &tags, &classes);
        let labels1 = self.labeler.label(atoms, &tags, &heads1);
        let heads = heads1[1..].iter().map(|&h| h.checked_sub(1)).collect();
        Analysis {
            tags,
            heads,
            labels: labels1[1..].to_vec(),
        }
    }

    /// Tags, parses and labels a sentence of word forms.
    #[must_use]
    pub fn analyze(&self, words: &[&str]) -> Analysis {
        let atoms: Vec<Atoms> = words.iter().map(|w| Atoms::of(w)).collect();
        self.analyze_atoms(&atoms)
    }

    /// The name of a label index.
    #[must_use]
    pub fn label_name(&self, i: u16) -> &str {
        self.labeler.name(i)
    }

    /// Serialises the model.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        self.tagger.write(&mut w);
        self.parser.write(&mut w);
        self.labeler.write(&mut w);
        let payload = w.into_inner();
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&miniz_oxide::deflate::compress_to_vec_zlib(&payload, 9));
        out
    }

    /// Reads a model; `name` is the file named in errors.
    ///
    /// # Errors
    /// Not a model file, another format version, or a damaged file.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Self, SyntaxError> {
        let bad = |m: &str| SyntaxError::Model {
            file: name.to_owned(),
            message: m.to_owned(),
        };
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| bad("not a faultline syntax model (wrong magic bytes)"))?;
        let (version, payload) = rest
            .split_at_checked(4)
            .ok_or_else(|| bad("the model file is truncated"))?;
        let version = u32::from_le_bytes([version[0], version[1], version[2], version[3]]);
        if !(OLDEST_READABLE..=VERSION).contains(&version) {
            return Err(bad(&format!(
                "model format version {version}, but this build reads versions {OLDEST_READABLE} to {VERSION}; retrain with `cargo run --release -p faultline-syntax --example train`"
            )));
        }
        let payload = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(payload, MAX_PAYLOAD)
            .map_err(|_| {
                bad("the model payload is damaged (decompression failed); restore or retrain it")
            })?;
        let mut r = Reader::new(name, &payload);
        r.sparse_rows = version >= 3;
        let model = Self {
            tagger: Tagger::read(&mut r)?,
            parser: Parser::read(&mut r)?,
            labeler: Labeler::read(&mut r)?,
        };
        if !r.at_end() {
            return Err(r.error("trailing bytes after the model sections; restore or retrain it"));
        }
        Ok(model)
    }

    /// Reads a model file.
    ///
    /// # Errors
    /// As [`Model::from_bytes`], or when the file cannot be read.
    pub fn from_file(path: &std::path::Path) -> Result<Self, SyntaxError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| SyntaxError::Io {
            file: name.clone(),
            source,
        })?;
        Self::from_bytes(&name, &bytes)
    }
}
