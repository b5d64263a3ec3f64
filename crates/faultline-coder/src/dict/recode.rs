//! CAMEO recoding tables (`data/recode.toml`): the intent a cooperative code
//! becomes when it is announced ("will meet" → 036), the threat an announced
//! conflict becomes ("will retaliate" → 138), the rejection a stated refusal
//! becomes ("will not meet" → 125), and which codes are mutual or joint.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::cameo;

/// The recoding file, embedded.
pub const RECODE_TOML: &str = include_str!("../../data/recode.toml");

/// Which codes are mutual and which roots joint.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kinds {
    /// Codes whose events go both ways ("040").
    pub mutual: Vec<String>,
    /// Roots whose coordinated subjects act on each other ("03").
    pub joint_roots: Vec<String>,
    /// Codes of those roots whose coordinated subjects act together on a
    /// third party, not on each other ("A and B mediated", "A and B
    /// visited Kyiv").
    #[serde(default)]
    pub not_joint: Vec<String>,
    /// Codes whose coordinated subjects act on one another only when the
    /// complement names their partnership ("vowed to deepen their ties").
    #[serde(default)]
    pub joint_if_reciprocal: Vec<String>,
    /// Codes of meeting someone ("040", "042").
    #[serde(default)]
    pub meetings: Vec<String>,
    /// Roots of statements addressed to the party met when they name no
    /// one ("A met B and apologised").
    #[serde(default)]
    pub addressed_at_meetings: Vec<String>,
    /// Roots of verbal conflict aimed at the targets of a conflict act
    /// before it when they name no one ("A expelled B's envoy and warned
    /// of sanctions").
    #[serde(default)]
    pub addressed_after_conflict: Vec<String>,
    /// Codes of acts only a host country does to another's envoy: passive
    /// with no agent, the host did them ("the ambassador was summoned").
    #[serde(default)]
    pub hosted_acts: Vec<String>,
    /// Codes whose coordinated subjects act on one another when no one
    /// else is named ("Iran and Bahrain cut ties").
    #[serde(default)]
    pub coordinated_reciprocal: Vec<String>,
    /// The code of a statement about someone that reports a hostile act of
    /// theirs ("said Peru's army had shelled the village": an accusation).
    #[serde(default)]
    pub accusation: String,
    /// The least quad class of the reported act that makes an accusation.
    #[serde(default)]
    pub accusation_quad: u8,
    /// Code prefixes of acts done by announcing them ("said it would cut
    /// ties" is the cut): no threat when stated plainly.
    #[serde(default)]
    pub announced_acts: Vec<String>,
}

/// The tables, one field per table of `data/recode.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recode {
    /// Code prefix → intent code ("=" keeps the code).
    pub intent: HashMap<String, String>,
    /// Code prefix → threat code.
    pub threat: HashMap<String, String>,
    /// Code prefix → rejection code.
    pub refusal: HashMap<String, String>,
    /// Mutual codes and joint roots.
    pub kinds: Kinds,
}

/// The value of the longest prefix of `code` that is a key of `table`.
fn longest<'t>(table: &'t HashMap<String, String>, code: &str) -> Option<&'t str> {
    (1..=code.len())
        .rev()
        .filter_map(|n| code.get(..n))
        .find_map(|p| table.get(p))
        .map(String::as_str)
}

impl Recode {
    /// Parses a table in `recode.toml` form.
    pub fn from_toml(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The intent a cooperative `code` states when announced ("046" → "036").
    pub fn intent(&self, code: &str) -> Option<String> {
        longest(&self.intent, code).map(|c| {
            if c == "=" {
                code.to_owned()
            } else {
                c.to_owned()
            }
        })
    }

    /// The threat an announced conflict `code` makes ("190" → "138").
    pub fn threat(&self, code: &str) -> Option<&str> {
        longest(&self.threat, code)
    }

    /// The rejection a stated refusal of `code` is ("040" → "125").
    pub fn refusal(&self, code: &str) -> Option<&str> {
        longest(&self.refusal, code)
    }

    /// True when announcing `code` plainly is doing it ("1612" cut ties).
    pub fn is_announced_act(&self, code: &str) -> bool {
        self.kinds
            .announced_acts
            .iter()
            .any(|p| code.starts_with(p.as_str()))
    }

    /// True when coordinated subjects of `code` with no target act on one
    /// another ("161": "Iran and Bahrain cut ties").
    pub fn is_coordinated_reciprocal(&self, code: &str) -> bool {
        self.kinds.coordinated_reciprocal.iter().any(|c| c == code)
    }

    /// True when events of `code` go both ways.
    pub fn is_mutual(&self, code: &str) -> bool {
        self.kinds.mutual.iter().any(|c| c == code)
    }

    /// True when coordinated subjects of `code` act on each other.
    pub fn is_joint(&self, code: &str) -> bool {
        let root = cameo::root(code);
        self.kinds.joint_roots.iter().any(|r| r == root)
            && !self.kinds.not_joint.iter().any(|c| c == code)
    }

    /// True when coordinated subjects of `code` act on one another only if
    /// its complement says so ("030").
    pub fn is_joint_if_reciprocal(&self, code: &str) -> bool {
        self.kinds.joint_if_reciprocal.iter().any(|c| c == code)
    }
}

/// The embedded tables, read on first use (checked by `the_tables_load`).
pub fn recode() -> &'static Recode {
    static RECODE: OnceLock<Recode> = OnceLock::new();
    RECODE.get_or_init(|| Recode::from_toml(RECODE_TOML).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_load() {
        let r = Recode::from_toml(RECODE_TOML).unwrap_or_else(|e| panic!("recode.toml: {e}"));
        assert!(!r.intent.is_empty() && !r.kinds.mutual.is_empty());
    }

    #[test]
    fn the_longest_prefix_decides() {
        let r = recode();
        assert_eq!(r.intent("046").as_deref(), Some("036"));
        assert_eq!(r.intent("0451").as_deref(), Some("039"));
        assert_eq!(r.intent("062").as_deref(), Some("0312"));
        assert_eq!(r.intent("023").as_deref(), Some("023"));
        assert_eq!(r.intent("111").as_deref(), Some("111"));
        assert_eq!(r.intent("141"), None);
        assert_eq!(r.threat("1712"), Some("137"));
        assert_eq!(r.threat("057"), None);
        assert_eq!(r.refusal("014"), Some("120"));
        assert_eq!(r.refusal("010"), None);
        assert_eq!(r.refusal("0431"), Some("125"));
        assert!(r.is_mutual("046") && !r.is_mutual("042"));
        assert!(r.is_joint("0311") && !r.is_joint("111"));
    }
}
