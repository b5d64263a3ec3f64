//! The actor network of a period, drawn on the server as SVG: each actor
//! root (a country or an organisation) is a node on a circle, each dyad an
//! edge whose width follows its number of events and whose colour its mean
//! Goldstein weight (red for conflict, grey for neutral, blue for
//! cooperation). Edges link to the dyad's page and nodes to the actor's
//! events; colours are presentation attributes, so the page needs no
//! inline style and no script.

use std::collections::BTreeMap;
use std::fmt::Write;

use faultline_store::query::DyadTotal;

use crate::html::esc;

const SIZE: f64 = 720.0;
const RADIUS: f64 = 290.0;

/// The colour of a mean Goldstein weight (−10…+10): red, grey, blue.
pub fn goldstein_colour(mean: f64) -> String {
    let t = (mean / 10.0).clamp(-1.0, 1.0);
    let grey = (150.0, 150.0, 150.0);
    let end = if t < 0.0 {
        (192.0, 57.0, 43.0)
    } else {
        (33.0, 102.0, 172.0)
    };
    let a = t.abs();
    let mix = |g: f64, e: f64| (g + (e - g) * a).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(grey.0, end.0),
        mix(grey.1, end.1),
        mix(grey.2, end.2)
    )
}

/// Each node's total events, heaviest first (ties by code, so the layout
/// is the same for the same data).
fn nodes(edges: &[DyadTotal]) -> Vec<(&str, i64)> {
    let mut weight: BTreeMap<&str, i64> = BTreeMap::new();
    for e in edges {
        *weight.entry(e.pair.a.as_str()).or_default() += e.totals.total;
        *weight.entry(e.pair.b.as_str()).or_default() += e.totals.total;
    }
    let mut v: Vec<(&str, i64)> = weight.into_iter().collect();
    v.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    v
}

/// The network of `edges`; `dyad_link(a, b)` and `actor_link(a)` give the
/// URLs of a dyad and of an actor's events.
pub fn network_svg(
    edges: &[DyadTotal],
    dyad_link: impl Fn(&str, &str) -> String,
    actor_link: impl Fn(&str) -> String,
) -> String {
    let mut s = format!(
        "<svg class=\"network\" viewBox=\"0 0 {SIZE} {SIZE}\" role=\"img\" \
         aria-label=\"actors and the events between them\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    let nodes = nodes(edges);
    if nodes.is_empty() {
        s.push_str("<text x=\"360\" y=\"360\" class=\"label\" text-anchor=\"middle\">no dyadic events in this period</text></svg>");
        return s;
    }
    let n = nodes.len() as f64;
    let c = SIZE / 2.0;
    let at: BTreeMap<&str, (f64, f64)> = nodes
        .iter()
        .enumerate()
        .map(|(i, (code, _))| {
            let angle = std::f64::consts::TAU * i as f64 / n - std::f64::consts::FRAC_PI_2;
            (*code, (c + RADIUS * angle.cos(), c + RADIUS * angle.sin()))
        })
        .collect();
    let most = edges
        .iter()
        .map(|e| e.totals.total)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    for e in edges {
        let (Some(&(x1, y1)), Some(&(x2, y2))) =
            (at.get(e.pair.a.as_str()), at.get(e.pair.b.as_str()))
        else {
            continue;
        };
        let t = &e.totals;
        let mean = t.goldstein_mean.unwrap_or(0.0);
        let _ = write!(
            s,
            "<a href=\"{href}\"><line class=\"edge\" x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" \
             y2=\"{y2:.1}\" stroke=\"{colour}\" stroke-width=\"{w:.1}\"><title>{a} – {b}: {n} events, \
             mean Goldstein {mean:+.1}, tension {tension:.1}</title></line></a>",
            href = esc(&dyad_link(&e.pair.a, &e.pair.b)),
            colour = goldstein_colour(mean),
            w = 1.0 + 9.0 * (t.total as f64 / most).sqrt(),
            a = esc(&e.pair.a),
            b = esc(&e.pair.b),
            n = t.total,
            tension = t.tension,
        );
    }
    let heaviest = nodes.first().map_or(1, |x| x.1).max(1) as f64;
    for (code, weight) in &nodes {
        let Some(&(x, y)) = at.get(code) else {
            continue;
        };
        let r = 4.0 + 10.0 * (*weight as f64 / heaviest).sqrt();
        let (lx, anchor) = if x < c - 1.0 {
            (x - r - 4.0, "end")
        } else {
            (x + r + 4.0, "start")
        };
        let _ = write!(
            s,
            "<a href=\"{href}\"><circle class=\"node\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\">\
             <title>{code}: {weight} events</title></circle>\
             <text class=\"node-label\" x=\"{lx:.1}\" y=\"{ty:.1}\" text-anchor=\"{anchor}\">{code}</text></a>",
            href = esc(&actor_link(code)),
            code = esc(code),
            ty = y + 4.0,
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use faultline_store::query::{Pair, Totals};

    fn edge(a: &str, b: &str, total: i64, mean: f64) -> DyadTotal {
        let mut totals = Totals::default();
        totals.total = total;
        totals.goldstein_mean = Some(mean);
        DyadTotal {
            pair: Pair {
                a: a.into(),
                b: b.into(),
            },
            totals,
        }
    }

    #[test]
    fn colours_run_from_red_through_grey_to_blue() {
        assert_eq!(goldstein_colour(-10.0), "#c0392b");
        assert_eq!(goldstein_colour(0.0), "#969696");
        assert_eq!(goldstein_colour(25.0), "#2166ac");
    }

    #[test]
    fn one_node_per_actor_and_one_link_per_edge() {
        let edges = [
            edge("KOR", "PRK", 9, -6.0),
            edge("JPN", "KOR", 4, 3.0),
            edge("<X>", "JPN", 1, 0.0),
        ];
        let svg = network_svg(
            &edges,
            |a, b| format!("/d/{a}/{b}"),
            |a| format!("/e?a={a}"),
        );
        assert_eq!(svg.matches("<circle class=\"node\"").count(), 4);
        assert_eq!(svg.matches("<line class=\"edge\"").count(), 3);
        assert!(svg.contains("href=\"/d/KOR/PRK\""));
        assert!(svg.contains(&format!("stroke=\"{}\"", goldstein_colour(-6.0))));
        assert!(svg.contains("&lt;X&gt;") && !svg.contains("<X>"));
        // The widest edge is the busiest dyad.
        assert!(svg.contains("stroke-width=\"10.0\""));
        assert!(network_svg(&[], |_, _| String::new(), |_| String::new()).contains("no dyadic"));
    }
}
