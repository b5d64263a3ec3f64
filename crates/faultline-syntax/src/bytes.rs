//! Little-endian byte writer and bounds-checked reader for the model file.

use crate::error::SyntaxError;

/// Appends values to a byte buffer.
#[derive(Debug, Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    /// The bytes written.
    #[must_use]
    pub fn into_inner(self) -> Vec<u8> {
        self.buf
    }

    /// A `u32`, little-endian.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// An `f32`, little-endian.
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// An unsigned LEB128 integer.
    pub fn varint(&mut self, mut v: u64) {
        loop {
            #[allow(clippy::cast_possible_truncation)]
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(byte);
                return;
            }
            self.buf.push(byte | 0x80);
        }
    }

    /// A signed integer, zigzag-encoded as a varint.
    #[allow(clippy::cast_sign_loss)]
    pub fn zigzag(&mut self, v: i64) {
        self.varint(((v << 1) ^ (v >> 63)) as u64);
    }

    /// A length-prefixed UTF-8 string.
    pub fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// Raw bytes.
    pub fn raw(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }
}

/// Reads values back; every read checks the bounds.
#[derive(Debug)]
pub struct Reader<'a> {
    name: &'a str,
    buf: &'a [u8],
    pos: usize,
    /// The format version of the file (see [`crate::model::VERSION`]).
    pub version: u32,
}

impl<'a> Reader<'a> {
    /// A reader over `buf`; `name` is the file named in errors.
    #[must_use]
    pub fn new(name: &'a str, buf: &'a [u8]) -> Self {
        Self {
            name,
            buf,
            pos: 0,
            version: crate::model::VERSION,
        }
    }

    /// An error about this file.
    #[must_use]
    pub fn error(&self, message: &str) -> SyntaxError {
        SyntaxError::Model {
            file: self.name.to_owned(),
            message: format!("{message} (at byte {})", self.pos),
        }
    }

    /// Takes `n` raw bytes.
    ///
    /// # Errors
    /// When fewer than `n` bytes are left.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], SyntaxError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        let Some(end) = end else {
            return Err(self.error("the model file is truncated; retrain or restore it"));
        };
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    /// A little-endian `u32`.
    ///
    /// # Errors
    /// When the buffer is exhausted.
    pub fn u32(&mut self) -> Result<u32, SyntaxError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A little-endian `f32`.
    ///
    /// # Errors
    /// When the buffer is exhausted.
    pub fn f32(&mut self) -> Result<f32, SyntaxError> {
        Ok(f32::from_bits(self.u32()?))
    }

    /// An unsigned LEB128 integer.
    ///
    /// # Errors
    /// When the buffer is exhausted or the integer is over-long.
    pub fn varint(&mut self) -> Result<u64, SyntaxError> {
        let mut v = 0u64;
        let rest = self.buf.get(self.pos..).unwrap_or_default();
        for (i, &b) in rest.iter().take(10).enumerate() {
            v |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                self.pos += i + 1;
                return Ok(v);
            }
        }
        if rest.len() < 10 {
            self.pos = self.buf.len();
            return Err(self.error("the model file is truncated; retrain or restore it"));
        }
        Err(self.error("an integer in the model file is over-long"))
    }

    /// A zigzag-encoded signed integer.
    ///
    /// # Errors
    /// As [`Reader::varint`].
    #[allow(clippy::cast_possible_wrap)]
    pub fn zigzag(&mut self) -> Result<i64, SyntaxError> {
        let u = self.varint()?;
        Ok((u >> 1) as i64 ^ -((u & 1) as i64))
    }

    /// A length-prefixed UTF-8 string.
    ///
    /// # Errors
    /// When truncated or not UTF-8.
    pub fn str(&mut self) -> Result<String, SyntaxError> {
        let n = usize::try_from(self.varint()?)
            .map_err(|_| self.error("a string length is too large"))?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec())
            .map_err(|_| self.error("a string in the model file is not UTF-8"))
    }

    /// True when every byte has been read.
    #[must_use]
    pub fn at_end(&self) -> bool {
        self.pos == self.buf.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        let mut w = Writer::default();
        w.u32(7);
        w.f32(1.5);
        w.varint(300);
        w.zigzag(-5);
        w.zigzag(i64::from(i16::MIN));
        w.str("nsubj:pass");
        let b = w.into_inner();
        let mut r = Reader::new("t", &b);
        assert_eq!(r.u32().unwrap(), 7);
        assert!((r.f32().unwrap() - 1.5).abs() < f32::EPSILON);
        assert_eq!(r.varint().unwrap(), 300);
        assert_eq!(r.zigzag().unwrap(), -5);
        assert_eq!(r.zigzag().unwrap(), i64::from(i16::MIN));
        assert_eq!(r.str().unwrap(), "nsubj:pass");
        assert!(r.at_end());
        assert!(r.u32().unwrap_err().to_string().contains("truncated"));
    }
}
