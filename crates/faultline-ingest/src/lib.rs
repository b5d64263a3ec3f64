//! Article ingestion: from files, directories and standard input to clean,
//! structured [`Article`]s whose every span indexes into `body`.
//!
//! Readers:
//! - plain-text page dumps and `key: value`-header files ([`plain`]);
//! - HTML pages ([`html`]);
//! - JSON Lines, one article per line, streamed ([`jsonl`]).
//!
//! The entry points ([`extract_path`], [`extract_reader`]) report each
//! document to a sink as `Result<Article, IngestError>`; a failure never stops
//! the batch unless the sink says so. Memory stays bounded: JSON Lines are
//! streamed line by line, and other files are refused above
//! [`Options::max_bytes`].

pub mod article;
pub mod authors;
pub mod chrome;
pub mod credit;
pub mod error;
pub mod headline;
pub mod html;
pub mod input;
pub mod jsonl;
pub mod lang;
pub mod plain;

use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

pub use article::{Article, Dateline, Format, Kicker, Meta, QuoteSpan, SentenceSpan};
pub use error::IngestError;

/// Settings for reading inputs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Largest single document (or JSON Lines line) read, in bytes.
    pub max_bytes: u64,
    /// Force a reader instead of detecting one.
    pub format: Option<Format>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_bytes: 256 * 1024 * 1024,
            format: None,
        }
    }
}

/// The result of one document, handed to the caller's sink.
pub type Outcome = Result<Article, IngestError>;

/// Expands command-line paths: directories are walked recursively (sorted;
/// hidden entries, READMEs, licences and Markdown files skipped), `-` stands
/// for standard input.
///
/// Paths that cannot be read are returned as errors alongside the rest.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<Result<PathBuf, IngestError>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" || !p.is_dir() {
            out.push(Ok(p.clone()));
            continue;
        }
        let walker = walkdir::WalkDir::new(p)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || !is_skipped_in_walk(&e.file_name().to_string_lossy())
            });
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => out.push(Ok(e.into_path())),
                Ok(_) => {}
                Err(e) => {
                    let path = e.path().map_or_else(|| p.clone(), Path::to_path_buf);
                    out.push(Err(IngestError::Io {
                        path,
                        source: e
                            .into_io_error()
                            .unwrap_or_else(|| std::io::Error::other("directory loop")),
                    }));
                }
            }
        }
    }
    out
}

/// Names a directory walk passes over: hidden entries and project paperwork
/// (README, LICENSE, CHANGELOG, Markdown). Named explicitly, they are read.
fn is_skipped_in_walk(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    name.starts_with('.')
        || upper.ends_with(".MD")
        || ["README", "LICENSE", "LICENCE", "CHANGELOG", "COPYING"]
            .iter()
            .any(|p| upper.starts_with(p))
}

/// The id of a document read from `path`: its file stem.
fn stem(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "stdin".to_owned();
    }
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Reads one path (a file or `-`) and hands every document in it to `sink`.
///
/// Returns `Break` when the sink asked to stop.
pub fn extract_path(
    path: &Path,
    opts: &Options,
    sink: &mut dyn FnMut(Outcome) -> ControlFlow<()>,
) -> ControlFlow<()> {
    if path.as_os_str() == "-" {
        let stdin = std::io::stdin();
        return extract_reader(path, stdin.lock(), opts, sink);
    }
    let io_err = |source| IngestError::Io {
        path: path.to_owned(),
        source,
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return sink(Err(io_err(e))),
    };
    let md = file.metadata().ok();
    if md.as_ref().is_some_and(std::fs::Metadata::is_dir) {
        return sink(Err(io_err(std::io::Error::other("is a directory"))));
    }
    // A regular file's size is known before reading: an over-long one is
    // refused after reading only its head.
    let size = md.filter(std::fs::Metadata::is_file).map(|m| m.len());
    let reader = BufReader::with_capacity(64 * 1024, file);
    extract_sized(path, reader, size, opts, sink)
}

/// Reads documents from `reader`, named `path` in messages and ids.
pub fn extract_reader(
    path: &Path,
    reader: impl BufRead,
    opts: &Options,
    sink: &mut dyn FnMut(Outcome) -> ControlFlow<()>,
) -> ControlFlow<()> {
    extract_sized(path, reader, None, opts, sink)
}

/// [`extract_reader`] with the input's size when it is known (a regular
/// file): a document over [`Options::max_bytes`] is then refused after
/// reading only the head that tells its format (JSON Lines, read line by
/// line, have no limit on the whole file).
fn extract_sized(
    path: &Path,
    mut reader: impl BufRead,
    size: Option<u64>,
    opts: &Options,
    sink: &mut dyn FnMut(Outcome) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let io_err = |source| IngestError::Io {
        path: path.to_owned(),
        source,
    };
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => return sink(Err(io_err(e))),
    };
    let format = opts
        .format
        .unwrap_or_else(|| input::detect_format(path, &head));
    if format == Format::Jsonl {
        return stream_jsonl(path, reader, opts, sink);
    }
    if let Some(size) = size.filter(|&n| n > opts.max_bytes) {
        return sink(Err(IngestError::TooLarge {
            path: path.to_owned(),
            size,
            limit: opts.max_bytes,
        }));
    }
    let mut bytes = Vec::new();
    if let Err(e) = reader
        .by_ref()
        .take(opts.max_bytes + 1)
        .read_to_end(&mut bytes)
    {
        return sink(Err(io_err(e)));
    }
    if bytes.len() as u64 > opts.max_bytes {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return sink(Err(IngestError::TooLarge {
            path: path.to_owned(),
            size,
            limit: opts.max_bytes,
        }));
    }
    sink(extract_bytes(path, &bytes, format))
}

/// Extracts one document from the whole bytes of a file.
pub fn extract_bytes(path: &Path, bytes: &[u8], format: Format) -> Outcome {
    let decoded = input::decode(path, bytes, Some(format))?;
    let meta = Meta {
        warnings: decoded.warnings,
        ..Meta::default()
    };
    let id = stem(path);
    let origin = path.display().to_string();
    let source = origin.clone();
    match format {
        Format::Html => html::extract_html(id, source, origin, &decoded.text, meta),
        Format::Jsonl => Err(IngestError::Record {
            path: path.to_owned(),
            line: 1,
            message: "json lines must be read with extract_reader".to_owned(),
        }),
        Format::Text | Format::Header => {
            let text = plain::normalize_newlines(&decoded.text);
            let article = match plain::split_header(&text) {
                Some((fields, body)) => {
                    plain::extract_with_header(id, source, origin, &fields, body, meta)
                }
                None => plain::extract_dump(id, source, origin, &text, meta),
            };
            if article.body.is_empty() {
                return Err(IngestError::NoText {
                    path: path.to_owned(),
                    detail: "; every line was header or site chrome".to_owned(),
                });
            }
            Ok(article)
        }
    }
}

/// Streams a JSON Lines input, one record per line, in bounded memory.
fn stream_jsonl(
    path: &Path,
    mut reader: impl BufRead,
    opts: &Options,
    sink: &mut dyn FnMut(Outcome) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let stem = stem(path);
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    let mut any = false;
    loop {
        buf.clear();
        line_no += 1;
        let limit = opts.max_bytes + 1;
        match reader.by_ref().take(limit).read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                return sink(Err(IngestError::Io {
                    path: path.to_owned(),
                    source: e,
                }));
            }
        }
        if buf.len() as u64 >= limit && buf.last() != Some(&b'\n') {
            // Skip the rest of an over-long line, then report it.
            let mut skip = Vec::new();
            let _ = reader.read_until(b'\n', &mut skip);
            any = true;
            sink(Err(IngestError::Record {
                path: path.to_owned(),
                line: line_no,
                message: format!(
                    "line is longer than {} bytes; raise the limit with --max-bytes",
                    opts.max_bytes
                ),
            }))?;
            continue;
        }
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        any = true;
        sink(jsonl::extract_record(path, &stem, line_no, line))?;
    }
    if !any {
        return sink(Err(IngestError::Empty {
            path: path.to_owned(),
        }));
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io;

    /// A reader that gives `head` and then fails: reading past the head
    /// is an error the test can see.
    struct HeadOnly {
        head: &'static [u8],
        pos: usize,
    }

    impl Read for HeadOnly {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = {
                let avail = self.fill_buf()?;
                let n = avail.len().min(buf.len());
                buf[..n].copy_from_slice(&avail[..n]);
                n
            };
            self.consume(n);
            Ok(n)
        }
    }

    impl BufRead for HeadOnly {
        fn fill_buf(&mut self) -> io::Result<&[u8]> {
            if self.pos < self.head.len() {
                Ok(&self.head[self.pos..])
            } else {
                Err(io::Error::other("read past the head"))
            }
        }
        fn consume(&mut self, n: usize) {
            self.pos += n;
        }
    }

    fn outcomes(
        path: &Path,
        reader: impl BufRead,
        size: Option<u64>,
        opts: &Options,
    ) -> Vec<Outcome> {
        let mut out = Vec::new();
        let _ = extract_sized(path, reader, size, opts, &mut |o| {
            out.push(o);
            ControlFlow::Continue(())
        });
        out
    }

    #[test]
    fn known_size_over_the_limit_is_refused_before_reading() {
        let opts = Options {
            max_bytes: 1024,
            format: None,
        };
        let reader = HeadOnly {
            head: b"<html><body><p>The talks resumed.</p>",
            pos: 0,
        };
        let got = outcomes(Path::new("big.html"), reader, Some(461_000_000), &opts);
        assert!(
            matches!(
                got.as_slice(),
                [Err(IngestError::TooLarge {
                    size: 461_000_000,
                    limit: 1024,
                    ..
                })]
            ),
            "{got:?}"
        );
    }

    #[test]
    fn over_long_file_reports_its_size_from_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.txt");
        let file = std::fs::File::create(&path).unwrap();
        io::Write::write_all(
            &mut &file,
            b"Talks resume\n\nThe talks resumed on Monday.\n",
        )
        .unwrap();
        // Sparse: no disk is used, and only the head is ever read.
        file.set_len(5 << 30).unwrap();
        let opts = Options::default();
        let mut got = Vec::new();
        let _ = extract_path(&path, &opts, &mut |o| {
            got.push(o);
            ControlFlow::Continue(())
        });
        assert!(
            matches!(got.as_slice(), [Err(IngestError::TooLarge { size, .. })] if *size == 5 << 30),
            "{got:?}"
        );
        // JSON Lines are read line by line: the whole file has no limit.
        let jsonl = dir.path().join("lines.jsonl");
        let line = "{\"text\": \"The talks resumed on Monday.\"}\n";
        std::fs::write(&jsonl, line.repeat(2)).unwrap();
        let small = Options {
            max_bytes: line.len() as u64 + 4,
            format: None,
        };
        let mut lines = Vec::new();
        let _ = extract_path(&jsonl, &small, &mut |o| {
            lines.push(o);
            ControlFlow::Continue(())
        });
        assert!(
            lines.len() == 2 && lines.iter().all(Result::is_ok),
            "{lines:?}"
        );
    }
}
