//! The model file: a versioned container of the tagger, parser and
//! labeller sections. Layout (formats 4 and 5): the magic `FLSYNTAX`, a
//! little-endian `u32` format version, then each section as a method byte
//! (0 stored, 1 zlib), its `u32` length once read, its `u32` length in the
//! file, and its bytes. A section is compressed only when zlib saves a
//! fifth of it: the parser's near-random keys and codes compress by less,
//! and reading them straight from the file (the embedded bytes) spares a
//! decompression and a copy. The sections load on threads of their own.
//! Format 5 adds a fourth section, the labeller's second pass (read on a
//! fourth thread); a model without one is written as format 4, so the
//! default training still writes the shipped file byte for byte. Formats 2 and 3 (one zlib payload) are still read. A file of another
//! version is refused with a message saying to retrain.

use crate::bytes::{Reader, Writer};
use crate::error::SyntaxError;
use crate::labeler::Labeler;
use crate::lexical::Atoms;
use crate::parser::Parser;
use crate::perceptron::Linear;
use crate::tagger::Tagger;

/// The magic bytes every model file starts with.
pub const MAGIC: &[u8; 8] = b"FLSYNTAX";
/// The format version this build writes. Version 5 adds the labeller's
/// second pass as a fourth section (a model without one is still written
/// as version 4);
/// version 4 stores 8-bit weight codes (see [`crate::linear`]); versions 2
/// and 3 (16-bit weights, dense and sparse rows) are still read.
pub const VERSION: u32 = 5;
/// The oldest format version this build reads.
pub const OLDEST_READABLE: u32 = 2;
const MAX_PAYLOAD: usize = 256 << 20;
const STORED: u8 = 0;
const ZLIB: u8 = 1;

fn bad(name: &str, message: &str) -> SyntaxError {
    SyntaxError::Model {
        file: name.to_owned(),
        message: message.to_owned(),
    }
}

fn inflate(name: &str, packed: &[u8]) -> Result<Vec<u8>, SyntaxError> {
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(packed, MAX_PAYLOAD).map_err(|_| {
        bad(
            name,
            "the model payload is damaged (decompression failed); restore or retrain it",
        )
    })
}

/// The result of a loading thread (its panic goes on in the caller).
fn join<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// One section of a format-4 file, as stored.
#[derive(Debug, Clone, Copy)]
struct Section<'a> {
    method: u8,
    len: usize,
    body: &'a [u8],
}

impl Section<'_> {
    /// Decompresses the section if needed and reads it with `read`, which
    /// must consume it exactly.
    fn read<T>(
        self,
        name: &str,
        version: u32,
        read: impl FnOnce(&mut Reader<'_>) -> Result<T, SyntaxError>,
    ) -> Result<T, SyntaxError> {
        let inflated;
        let bytes = if self.method == ZLIB {
            inflated = inflate(name, self.body)?;
            inflated.as_slice()
        } else {
            self.body
        };
        if bytes.len() != self.len {
            return Err(bad(
                name,
                "a model section has the wrong length; restore or retrain the model",
            ));
        }
        let mut r = Reader::new(name, bytes);
        r.version = version;
        let value = read(&mut r)?;
        if !r.at_end() {
            return Err(r.error("trailing bytes after a model section; restore or retrain it"));
        }
        Ok(value)
    }
}

/// Splits a format-4 or 5 payload into its `count` sections.
fn split_sections<'a>(
    name: &str,
    mut rest: &'a [u8],
    count: usize,
) -> Result<Vec<Section<'a>>, SyntaxError> {
    let truncated = || bad(name, "the model file is truncated; restore or retrain it");
    let mut out = vec![
        Section {
            method: STORED,
            len: 0,
            body: &[],
        };
        count
    ];
    for s in &mut out {
        let (head, tail) = rest.split_at_checked(9).ok_or_else(truncated)?;
        let word = |i: usize| {
            u32::from_le_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]) as usize
        };
        if head[0] > ZLIB || word(1) > MAX_PAYLOAD {
            return Err(bad(
                name,
                "a model section has an unknown method or size; restore or retrain the model",
            ));
        }
        let (body, tail) = tail.split_at_checked(word(5)).ok_or_else(truncated)?;
        *s = Section {
            method: head[0],
            len: word(1),
            body,
        };
        rest = tail;
    }
    if !rest.is_empty() {
        return Err(bad(
            name,
            "trailing bytes after the model sections; restore or retrain it",
        ));
    }
    Ok(out)
}

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
        self.analyze_atoms_fixing(atoms, |_| {})
    }

    /// Tags a sentence, lets `fix` mend the tags, then parses and labels it.
    #[must_use]
    pub fn analyze_atoms_fixing(&self, atoms: &[Atoms], fix: impl FnOnce(&mut [u8])) -> Analysis {
        let (mut tags, classes) = self.tagger.tag_and_classes(atoms);
        fix(&mut tags);
        self.analyze_with(atoms, tags, &classes)
    }

    /// Parses and labels a sentence whose tags are given.
    #[must_use]
    pub fn analyze_tagged(&self, atoms: &[Atoms], tags: Vec<u8>) -> Analysis {
        self.analyze_with(atoms, tags, &self.tagger.classes(atoms))
    }

    fn analyze_with(&self, atoms: &[Atoms], tags: Vec<u8>, classes: &[u64]) -> Analysis {
        if atoms.is_empty() {
            return Analysis {
                tags,
                heads: Vec::new(),
                labels: Vec::new(),
            };
        }
        let heads1 = self.parser.parse(atoms, &tags, classes);
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

    /// Bytes of the weight tables in memory.
    #[must_use]
    pub fn table_bytes(&self) -> usize {
        self.tagger.table_bytes() + self.parser.table_bytes() + self.labeler.table_bytes()
    }

    /// The name of a label index.
    #[must_use]
    pub fn label_name(&self, i: u16) -> &str {
        self.labeler.name(i)
    }

    /// Serialises the model.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        // a labeller without a second pass is written as format 4, which
        // older builds read
        let version = if self.labeler.has_second_pass() {
            VERSION
        } else {
            4
        };
        out.extend_from_slice(&version.to_le_bytes());
        let mut sections = vec![Writer::default(), Writer::default(), Writer::default()];
        self.tagger.write(&mut sections[0]);
        self.parser.write(&mut sections[1]);
        self.labeler.write(&mut sections[2]);
        if self.labeler.has_second_pass() {
            let mut w = Writer::default();
            self.labeler.write_second(&mut w);
            sections.push(w);
        }
        for w in sections {
            let raw = w.into_inner();
            let packed = miniz_oxide::deflate::compress_to_vec_zlib(&raw, 9);
            let (method, body) = if packed.len() * 5 <= raw.len() * 4 {
                (ZLIB, packed.as_slice())
            } else {
                (STORED, raw.as_slice())
            };
            out.push(method);
            for len in [raw.len(), body.len()] {
                out.extend_from_slice(&u32::try_from(len).unwrap_or(u32::MAX).to_le_bytes());
            }
            out.extend_from_slice(body);
        }
        out
    }

    /// Reads a model; `name` is the file named in errors.
    ///
    /// # Errors
    /// Not a model file, another format version, or a damaged file.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Self, SyntaxError> {
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| bad(name, "not a faultline syntax model (wrong magic bytes)"))?;
        let (version, payload) = rest
            .split_at_checked(4)
            .ok_or_else(|| bad(name, "the model file is truncated"))?;
        let version = u32::from_le_bytes([version[0], version[1], version[2], version[3]]);
        if !(OLDEST_READABLE..=VERSION).contains(&version) {
            return Err(bad(
                name,
                &format!(
                    "model format version {version}, but this build reads versions {OLDEST_READABLE} to {VERSION}; retrain with `cargo run --release -p faultline-syntax --example train`"
                ),
            ));
        }
        if version < 4 {
            return Self::from_one_payload(name, version, payload);
        }
        let count = if version >= 5 { 4 } else { 3 };
        let sections = split_sections(name, payload, count)?;
        let (t, p, l) = (sections[0], sections[1], sections[2]);
        std::thread::scope(|scope| {
            let tagger = scope.spawn(|| t.read(name, version, Tagger::read));
            let labeler = scope.spawn(|| l.read(name, version, Labeler::read));
            let second = sections
                .get(3)
                .map(|&s| scope.spawn(move || s.read(name, version, Linear::read)));
            let parser = p.read(name, version, Parser::read);
            let mut labeler = join(labeler)?;
            if let Some(second) = second
                && !labeler.set_second(join(second)?)
            {
                return Err(bad(
                    name,
                    "the labeller's second pass does not match its label list; retrain the model",
                ));
            }
            Ok(Self {
                tagger: join(tagger)?,
                parser: parser?,
                labeler,
            })
        })
    }

    /// Reads formats 2 and 3: the three sections in one zlib payload.
    fn from_one_payload(name: &str, version: u32, packed: &[u8]) -> Result<Self, SyntaxError> {
        let payload = inflate(name, packed)?;
        let mut r = Reader::new(name, &payload);
        r.version = version;
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
