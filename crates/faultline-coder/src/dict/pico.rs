//! UniversalPetrarch's internal coding ontology
//! (`PETR.Internal.Coding.Ontology.txt`): every CAMEO code as a PICO value
//! (`050:0x0080`), and for a few codes the negation of another
//! (`110:…#0xFFFF+0x0080` — disapprove is "not diplomatic cooperation").
//! PETRARCH-2 codes a negated event as its opposite this way ("did not
//! clash over" → 050); [`negations`] reads those pairs.

use std::collections::HashMap;

/// The terms of one alternative ("-0xFFFF+0x2040") as (negative, value).
fn terms(alt: &str) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    for t in alt.split(['+', '-']).filter(|t| !t.trim().is_empty()) {
        let hex = t.trim().strip_prefix("0x")?;
        out.push(u32::from_str_radix(hex, 16).ok()?);
    }
    Some(out)
}

/// Code ↔ code pairs of negation, both ways: "110" → "050" and "050" →
/// "110". Lines that are not `CODE:VALUE#…` are skipped; a negation whose
/// value names no code is left out.
pub fn negations(text: &str) -> HashMap<String, String> {
    let mut value_of: HashMap<u32, String> = HashMap::new();
    let mut negated: Vec<(String, u32)> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let Some((code, rest)) = line.split_once(':') else {
            continue;
        };
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        for alt in rest.split('#') {
            let Some(t) = terms(alt) else { continue };
            match (t.contains(&0xFFFF), t.as_slice()) {
                (false, [v]) => {
                    value_of.entry(*v).or_insert_with(|| code.to_owned());
                }
                (true, _) => {
                    let v: u32 = t.iter().filter(|&&x| x != 0xFFFF).sum();
                    negated.push((code.to_owned(), v));
                }
                _ => {}
            }
        }
    }
    let mut out = HashMap::new();
    for (code, v) in negated {
        if let Some(other) = value_of.get(&v).filter(|o| **o != code) {
            out.insert(code.clone(), other.clone());
            out.entry(other.clone()).or_insert(code);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_pairs_both_ways() {
        let text = "# header: 0x1\n010:0x1000#Say\n011:0x1000-0xFFFF\n050:0x0080#Coop\n\
                    110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove\n120:-0xFFFF#Reject\n\
                    122:-0xFFFF+0x2040+0x300# note\n";
        let n = negations(text);
        assert_eq!(n.get("110").map(String::as_str), Some("050"));
        assert_eq!(n.get("050").map(String::as_str), Some("110"));
        assert_eq!(n.get("011").map(String::as_str), Some("010"));
        assert!(!n.contains_key("120") && !n.contains_key("122"), "{n:?}");
    }
}
