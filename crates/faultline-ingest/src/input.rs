//! Turning raw bytes into text: binary sniffing, encoding detection, format detection.
//!
//! Policy on invalid UTF-8 (documented in the README): a file that is not
//! valid UTF-8 and declares no other encoding is decoded **lossily**; invalid
//! bytes become U+FFFD and the article carries a warning naming the byte offset
//! and line of the first bad sequence. Nothing is silently dropped. Files with
//! a UTF-16 byte-order mark, and HTML pages that declare a legacy charset
//! (`<meta charset="euc-kr">`), are decoded with `encoding_rs`.

use std::path::Path;

use crate::Format;
use crate::error::IngestError;

/// How many leading bytes the binary sniffer inspects.
const SNIFF_BYTES: usize = 8192;

/// Text decoded from an input, with any warnings about the decoding.
#[derive(Debug)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// Notes such as lossy decoding.
    pub warnings: Vec<String>,
}

/// Names well-known binary formats by their magic numbers.
fn magic(bytes: &[u8]) -> Option<&'static str> {
    const MAGICS: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document; convert it to text first"),
        (
            b"PK\x03\x04",
            "a ZIP archive (or DOCX/EPUB); unpack or convert it first",
        ),
        (b"\x1f\x8b", "gzip-compressed data; decompress it first"),
        (b"BZh", "bzip2-compressed data; decompress it first"),
        (b"\xfd7zXZ\x00", "xz-compressed data; decompress it first"),
        (
            b"\x28\xb5\x2f\xfd",
            "zstd-compressed data; decompress it first",
        ),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x7fELF", "an executable"),
        (b"SQLite format 3\x00", "an SQLite database"),
        (b"PAR1", "a Parquet file"),
    ];
    MAGICS
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|(_, what)| *what)
}

/// Decodes `bytes` read from `path`, refusing binary and empty inputs.
pub fn decode(
    path: &Path,
    bytes: &[u8],
    format_hint: Option<Format>,
) -> Result<Decoded, IngestError> {
    let mut warnings = Vec::new();
    // Byte-order marks decide the encoding outright.
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = &bytes[bom_len..];
        let text = if enc == encoding_rs::UTF_8 {
            utf8_lossy(rest, &mut warnings)
        } else {
            let (text, had_errors) = enc.decode_without_bom_handling(rest);
            if had_errors {
                warnings.push(format!(
                    "input has invalid {} sequences; they were replaced with U+FFFD",
                    enc.name()
                ));
            }
            text.into_owned()
        };
        return non_empty(path, text, warnings);
    }
    if let Some(what) = magic(bytes) {
        return Err(IngestError::Binary {
            path: path.to_owned(),
            what: format!("looks like {what}"),
        });
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Some(pos) = memchr::memchr(0, head) {
        return Err(IngestError::Binary {
            path: path.to_owned(),
            what: format!("binary data (NUL byte at offset {pos})"),
        });
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if !head.is_empty() && controls * 20 > head.len() {
        return Err(IngestError::Binary {
            path: path.to_owned(),
            what: format!(
                "binary data ({controls} control bytes in the first {} bytes)",
                head.len()
            ),
        });
    }
    if (format_hint == Some(Format::Html) || looks_like_html(head))
        && let Some(enc) = declared_charset(head)
        && enc != encoding_rs::UTF_8
    {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        warnings.push(format!(
            "decoded from the page's declared charset {}",
            enc.name()
        ));
        if had_errors {
            warnings.push(format!(
                "input has invalid {} sequences; they were replaced with U+FFFD",
                enc.name()
            ));
        }
        return non_empty(path, text.into_owned(), warnings);
    }
    let text = utf8_lossy(bytes, &mut warnings);
    non_empty(path, text, warnings)
}

fn non_empty(path: &Path, text: String, warnings: Vec<String>) -> Result<Decoded, IngestError> {
    if text.trim().is_empty() {
        return Err(IngestError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(Decoded { text, warnings })
}

/// Decodes UTF-8, replacing invalid sequences and noting the first one.
fn utf8_lossy(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + memchr::memchr_iter(b'\n', &bytes[..at]).count();
            let text = String::from_utf8_lossy(bytes).into_owned();
            let replaced = text.matches('\u{fffd}').count();
            warnings.push(format!(
                "invalid utf-8 at byte {at} (line {line}); decoded lossily, {replaced} invalid sequence(s) replaced with U+FFFD; re-save the file as utf-8 to avoid this"
            ));
            text
        }
    }
}

/// True when the leading bytes look like markup rather than prose.
pub fn looks_like_html(head: &[u8]) -> bool {
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    if head.first() != Some(&b'<') {
        return false;
    }
    let lower: Vec<u8> = head.iter().take(2048).map(u8::to_ascii_lowercase).collect();
    [
        &b"<!doctype"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
        b"<article",
        b"<div",
        b"<p",
        b"<?xml",
        b"<!--",
        b"<title",
    ]
    .iter()
    .any(|tag| lower.starts_with(tag))
}

/// Reads `<meta charset=...>` or `http-equiv` content-type from the first bytes of a page.
fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower: Vec<u8> = head.iter().take(4096).map(u8::to_ascii_lowercase).collect();
    let at = memchr::memmem::find(&lower, b"charset=")?;
    let rest = &lower[at + 8..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest[..end])
}

/// Chooses a reader from the file name, then from the content.
pub fn detect_format(path: &Path, head: &[u8]) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml" | "shtml") => return Format::Html,
        Some("jsonl" | "ndjson") => return Format::Jsonl,
        _ => {}
    }
    if looks_like_html(head) {
        return Format::Html;
    }
    let first = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|i| head[i]);
    if first == Some(b'{') {
        return Format::Jsonl;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("t.txt")
    }

    #[test]
    fn refuses_nul_bytes() {
        let e = decode(p(), b"abc\0def", None).unwrap_err();
        assert!(e.to_string().contains("NUL byte at offset 3"), "{e}");
        assert!(e.to_string().starts_with("t.txt: "), "{e}");
    }

    #[test]
    fn names_known_formats() {
        let e = decode(p(), b"%PDF-1.7\n...", None).unwrap_err();
        assert!(e.to_string().contains("PDF"), "{e}");
        let e = decode(p(), b"\x1f\x8b\x08\x00", None).unwrap_err();
        assert!(e.to_string().contains("gzip"), "{e}");
    }

    #[test]
    fn refuses_empty_and_blank() {
        assert!(matches!(
            decode(p(), b"", None),
            Err(IngestError::Empty { .. })
        ));
        assert!(matches!(
            decode(p(), b" \n\t\n", None),
            Err(IngestError::Empty { .. })
        ));
        assert!(matches!(
            decode(p(), b"\xef\xbb\xbf  \n", None),
            Err(IngestError::Empty { .. })
        ));
    }

    #[test]
    fn invalid_utf8_is_lossy_with_warning() {
        let d = decode(p(), b"Seoul said\nit \xffwill talk.", None).unwrap();
        assert_eq!(d.text, "Seoul said\nit \u{fffd}will talk.");
        assert_eq!(d.warnings.len(), 1);
        assert!(
            d.warnings[0].contains("byte 14 (line 2)"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn strips_bom_and_decodes_utf16() {
        let d = decode(p(), b"\xef\xbb\xbfHello.", None).unwrap();
        assert_eq!(d.text, "Hello.");
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Hi.".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(p(), &utf16, None).unwrap().text, "Hi.");
    }

    #[test]
    fn honours_declared_legacy_charset() {
        let (bytes, _, _) = encoding_rs::EUC_KR
            .encode("<html><head><meta charset=\"euc-kr\"></head><body><p>서울</p></body></html>");
        let d = decode(Path::new("k.html"), &bytes, Some(Format::Html)).unwrap();
        assert!(d.text.contains("서울"));
        assert!(d.warnings[0].contains("EUC-KR"), "{:?}", d.warnings);
    }

    #[test]
    fn detects_formats() {
        assert_eq!(detect_format(Path::new("a.HTML"), b"x"), Format::Html);
        assert_eq!(
            detect_format(Path::new("a"), b"  <!DOCTYPE html>"),
            Format::Html
        );
        assert_eq!(detect_format(Path::new("a"), b"{\"id\":1}"), Format::Jsonl);
        assert_eq!(detect_format(Path::new("a.jsonl"), b"x"), Format::Jsonl);
        assert_eq!(
            detect_format(Path::new("a.txt"), b"Seoul -- talks"),
            Format::Text
        );
        assert_eq!(
            detect_format(Path::new("a.txt"), b"<Analysis> ok"),
            Format::Text
        );
    }
}
