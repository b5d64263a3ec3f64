//! The CAMEO event-code table: names, Goldstein weights, quad classes and
//! the PLOVER type and mode of every code (data in `data/cameo.toml`).

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::recode::{Recode, recode};

/// What the table says about one code.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CodeInfo {
    /// The CAMEO code ("044").
    pub code: String,
    /// Its name.
    pub name: String,
    /// Goldstein conflict–cooperation weight, −10 … +10.
    pub goldstein: f64,
    /// PLOVER event type, "" when PLOVER has none.
    pub plover: String,
    /// PLOVER mode, "" when none.
    pub mode: String,
}

#[derive(Deserialize)]
struct File {
    code: Vec<CodeInfo>,
}

/// The table, by code.
#[derive(Debug, Default)]
pub struct CodeTable {
    map: FxHashMap<String, CodeInfo>,
    /// Recoding tables and mutual codes (`data/recode.toml` for the
    /// defaults). A coder for dictionaries whose codes are not CAMEO's
    /// clears `recode.kinds.mutual`.
    pub recode: Recode,
}

/// The two-digit root of a code ("0441" → "04").
pub fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// The quad class of a root: 1 verbal cooperation (01–05), 2 material
/// cooperation (06–08), 3 verbal conflict (09–13), 4 material conflict (14–20).
pub fn quad_class(code: &str) -> u8 {
    match root(code).parse::<u8>().unwrap_or(0) {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        14..=20 => 4,
        _ => 0,
    }
}

impl CodeTable {
    /// Parses a table in `cameo.toml` form.
    pub fn from_toml(text: &str) -> Result<Self, String> {
        let f: File = toml::from_str(text).map_err(|e| e.to_string())?;
        Ok(Self {
            map: f.code.into_iter().map(|c| (c.code.clone(), c)).collect(),
            recode: recode().clone(),
        })
    }

    /// The embedded default table.
    pub fn defaults() -> Self {
        let text = crate::DEFAULT_FILES
            .iter()
            .find(|(n, _)| *n == "cameo.toml")
            .map_or("", |(_, t)| *t);
        Self::from_toml(text).unwrap_or_default()
    }

    /// The entry of `code`, or of its nearest parent ("0441" → "044" → "040").
    pub fn get(&self, code: &str) -> Option<&CodeInfo> {
        let mut c = code;
        loop {
            if let Some(i) = self.map.get(c) {
                return Some(i);
            }
            if c.len() <= 2 {
                return self.map.get(&format!("{c}0"));
            }
            if c.len() == 3 {
                if let Some(i) = self.map.get(&format!("{}0", root(c))) {
                    return Some(i);
                }
                return None;
            }
            c = &c[..c.len() - 1];
        }
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Every code, in no particular order.
    pub fn codes(&self) -> impl Iterator<Item = &CodeInfo> {
        self.map.values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_complete_and_consistent() {
        let t = CodeTable::defaults();
        assert!(t.len() >= 290, "{} codes", t.len());
        for r in 1..=20 {
            let code = format!("{r:02}0");
            assert!(t.get(&code).is_some(), "root {code} missing");
        }
        for c in t.codes() {
            assert!((-10.0..=10.0).contains(&c.goldstein), "{}", c.code);
            if c.code.len() == 4 {
                assert!(
                    t.get(&c.code[..3]).is_some(),
                    "parent of {} missing",
                    c.code
                );
            }
        }
        // Anchors of the Goldstein scale.
        assert!((t.get("190").unwrap().goldstein - -10.0).abs() < 1e-9);
        assert!(t.get("057").unwrap().goldstein > 5.0);
        assert!(t.get("111").unwrap().goldstein < 0.0);
        assert_eq!(t.get("0441").map(|c| c.code.as_str()), Some("044"));
        assert_eq!(t.get("042").unwrap().plover, "CONSULT");
    }

    #[test]
    fn quad_classes() {
        assert_eq!(quad_class("044"), 1);
        assert_eq!(quad_class("062"), 2);
        assert_eq!(quad_class("112"), 3);
        assert_eq!(quad_class("1712"), 4);
        assert_eq!(quad_class("x"), 0);
    }
}
