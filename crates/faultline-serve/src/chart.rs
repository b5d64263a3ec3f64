//! The dyad chart, drawn on the server as SVG: the tension index as a line
//! over −100…+100, and under it the events of each quad class as stacked
//! bars. Each period is a link (to the same page narrowed to that period's
//! events), so clicking a point lists its events without any script.

use std::fmt::Write;

use chrono::NaiveDate;
use faultline_store::query::Point;

use crate::html::esc;

const WIDTH: f64 = 960.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
/// Height of the tension panel.
const TENSION_H: f64 = 180.0;
/// Gap between the panels.
const GAP: f64 = 24.0;
/// Height of the count panel.
const BARS_H: f64 = 110.0;
const BOTTOM: f64 = 28.0;

/// The names of the quad classes, for the legend and tooltips.
pub const QUAD_NAMES: [&str; 4] = [
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
];

/// The chart of `points`, with the periods in `alerts` (first day, z-score)
/// ringed and the `selected` period (whose events the page lists) shaded;
/// `link(start)` gives the URL of a period's events.
pub fn series_svg(
    points: &[Point],
    alerts: &[(NaiveDate, f64)],
    selected: Option<NaiveDate>,
    link: impl Fn(NaiveDate) -> String,
) -> String {
    let height = TOP + TENSION_H + GAP + BARS_H + BOTTOM;
    let mut s = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-label=\"tension and events per period\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    if points.is_empty() {
        s.push_str("<text x=\"480\" y=\"100\" class=\"label\" text-anchor=\"middle\">no data in this range</text></svg>");
        return s;
    }
    let n = points.len() as f64;
    let step = (WIDTH - LEFT - RIGHT) / n;
    let x = |i: usize| LEFT + step * (i as f64 + 0.5);
    let ty = |t: f64| TOP + TENSION_H / 2.0 - t.clamp(-100.0, 100.0) / 100.0 * TENSION_H / 2.0;
    let bars_top = TOP + TENSION_H + GAP;
    let max = points
        .iter()
        .map(|p| p.totals.total)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    axes(&mut s, max, bars_top);
    for (i, p) in points.iter().enumerate() {
        bars(
            &mut s,
            p,
            x(i) - step * 0.4,
            (step * 0.8).max(0.5),
            bars_top,
            max,
        );
    }
    let line: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{:.1},{:.1}", x(i), ty(p.totals.tension)))
        .collect();
    let _ = write!(
        s,
        "<polyline class=\"tension\" fill=\"none\" points=\"{}\"/>",
        line.join(" ")
    );
    for (i, p) in points.iter().enumerate() {
        let t = &p.totals;
        if t.total > 0 {
            let _ = write!(
                s,
                "<circle class=\"point\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\"/>",
                x(i),
                ty(t.tension)
            );
        }
        if let Some((_, z)) = alerts.iter().find(|(d, _)| *d == p.period) {
            let _ = write!(
                s,
                "<circle class=\"alert\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"7\"><title>alert: tension {:.1}, z = {z:+.1}</title></circle>",
                x(i),
                ty(t.tension),
                t.tension
            );
        }
        let _ = write!(
            s,
            "<a href=\"{href}\"><rect class=\"hit{sel}\" x=\"{:.1}\" y=\"{TOP}\" width=\"{:.1}\" height=\"{:.1}\">\
             <title>{period}: {n} events ({q0} {n0}, {q1} {n1}, {q2} {n2}, {q3} {n3}); tension {tension:.1}</title></rect></a>",
            x(i) - step / 2.0,
            step,
            TENSION_H + GAP + BARS_H,
            href = esc(&link(p.period)),
            sel = if selected == Some(p.period) {
                " selected"
            } else {
                ""
            },
            period = p.period,
            n = t.total,
            q0 = QUAD_NAMES[0],
            q1 = QUAD_NAMES[1],
            q2 = QUAD_NAMES[2],
            q3 = QUAD_NAMES[3],
            n0 = t.quad[0],
            n1 = t.quad[1],
            n2 = t.quad[2],
            n3 = t.quad[3],
            tension = t.tension,
        );
    }
    let last = points.len() - 1;
    let baseline = height - 8.0;
    let _ = write!(
        s,
        "<text class=\"label\" x=\"{:.1}\" y=\"{baseline}\">{}</text>\
         <text class=\"label\" x=\"{:.1}\" y=\"{baseline}\" text-anchor=\"end\">{}</text></svg>",
        LEFT,
        points[0].period,
        WIDTH - RIGHT,
        points[last].period
    );
    s
}

/// Frames, the zero line and the scale labels.
fn axes(s: &mut String, max: f64, bars_top: f64) {
    let right = WIDTH - RIGHT;
    let mid = TOP + TENSION_H / 2.0;
    let _ = write!(
        s,
        "<rect class=\"frame\" x=\"{LEFT}\" y=\"{TOP}\" width=\"{w}\" height=\"{TENSION_H}\"/>\
         <line class=\"zero\" x1=\"{LEFT}\" y1=\"{mid}\" x2=\"{right}\" y2=\"{mid}\"/>\
         <text class=\"label\" x=\"{lx}\" y=\"{t1}\" text-anchor=\"end\">+100</text>\
         <text class=\"label\" x=\"{lx}\" y=\"{t2}\" text-anchor=\"end\">0</text>\
         <text class=\"label\" x=\"{lx}\" y=\"{t3}\" text-anchor=\"end\">−100</text>\
         <rect class=\"frame\" x=\"{LEFT}\" y=\"{bars_top}\" width=\"{w}\" height=\"{BARS_H}\"/>\
         <text class=\"label\" x=\"{lx}\" y=\"{b1}\" text-anchor=\"end\">{max}</text>\
         <text class=\"label\" x=\"{lx}\" y=\"{b2}\" text-anchor=\"end\">0</text>",
        w = right - LEFT,
        lx = LEFT - 6.0,
        t1 = TOP + 10.0,
        t2 = mid + 4.0,
        t3 = TOP + TENSION_H,
        b1 = bars_top + 10.0,
        b2 = bars_top + BARS_H,
    );
}

/// One period's stacked bars, quad class 1 at the bottom.
fn bars(s: &mut String, p: &Point, x: f64, w: f64, top: f64, max: f64) {
    let mut y = top + BARS_H;
    for (q, &n) in p.totals.quad.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let h = n as f64 / max * BARS_H;
        y -= h;
        let _ = write!(
            s,
            "<rect class=\"q{}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\"/>",
            q + 1
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use faultline_store::query::Totals;

    #[test]
    fn one_link_per_period_and_a_line_through_all() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2024, 1, d).unwrap_or_default();
        let points: Vec<Point> = (1..=3)
            .map(|d| Point {
                period: day(d),
                totals: Totals::default(),
            })
            .collect();
        let svg = series_svg(&points, &[(day(2), 4.2)], Some(day(3)), |p| {
            format!("/x?from={p}&to={p}")
        });
        assert_eq!(svg.matches("class=\"hit selected\"").count(), 1);
        assert_eq!(svg.matches("<a href=").count(), 3);
        assert!(svg.contains("/x?from=2024-01-02&amp;to=2024-01-02"));
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert_eq!(svg.matches("<circle class=\"alert\"").count(), 1);
        assert!(svg.contains("z = +4.2"));
        assert!(svg.ends_with("</svg>"));
        assert!(series_svg(&[], &[], None, |_| String::new()).contains("no data"));
    }
}
