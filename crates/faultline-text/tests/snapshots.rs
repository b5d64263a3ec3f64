//! Snapshot tests: sentences and quotations of original wire-style stories
//! (written for this repository), reviewed by hand and stored with `insta`.

mod common;

use serde::Serialize;

#[derive(Serialize)]
struct QuoteView<'a> {
    text: &'a str,
    inner: &'a str,
    closed: bool,
    kind: faultline_text::QuoteKind,
}

#[derive(Serialize)]
struct View<'a> {
    paragraphs: usize,
    sentences: Vec<(usize, &'a str)>,
    quotes: Vec<QuoteView<'a>>,
}

fn view(body: &str) -> View<'_> {
    let layer = common::check_all(body);
    View {
        paragraphs: layer.paragraphs.len(),
        sentences: layer
            .sentences
            .iter()
            .map(|s| (s.paragraph, s.span.slice(body)))
            .collect(),
        quotes: layer
            .quotes
            .iter()
            .map(|q| QuoteView {
                text: q.span.slice(body),
                inner: q.inner.slice(body),
                closed: q.closed,
                kind: q.kind,
            })
            .collect(),
    }
}

const BORDER_TALKS: &str = "PANMUNJOM, Korea, Sept. 14 (Faultline) - Military officers from the two Koreas met on Friday for the first time in 11 months, agreeing to restore a hotline that was cut in April.

Maj. Gen. Ahn Sang-min, who led the South Korean delegation, told reporters the talks had been \"frank and useful.\" He said the North's side, headed by Lt. Gen. An Ik-san, had raised the issue of joint drills with the U.S. The next round was set for Oct. 2.

\"We did not agree on everything,\" Ahn said. \"But both sides understand the cost of a mistake along the border. Nobody wants a repeat of 2015.

\"We will meet again, and we will keep the line open.\"

Asked whether the U.N. Command had been informed, he said: \"Of course. They were briefed at 9 a.m. Friday.\" The U.N. Command did not respond to a request for comment.
";

const SANCTIONS: &str = "WASHINGTON (Faultline) - The U.S. Treasury on Tuesday imposed sanctions on three shipping firms, including Acme Maritime Co. Ltd. of Hong Kong, accusing them of moving oil to North Korea in violation of U.N. resolutions.

\u{201c}These companies helped the regime evade the rules,\u{201d} Treasury Secretary Jane Doe said in a statement. \u{201c}Will others follow? We will find out.\u{201d}

The measures freeze any assets the firms hold under U.S. jurisdiction. Officials estimated the shipments at approx. 1.5 million barrels, worth about $96.4 million, between Jan. 1 and Aug. 31.

A spokesman for Acme Maritime Co. called the move \u{2018}baseless\u{2019} and said the firm would appeal. The firm's lawyer, John Q. Public of Smith & Jones LLP, said: \u{201c}We have never shipped anything to the D.P.R.K., and we can prove it.\u{201d}

The decision follows a report by a U.N. panel of experts, released in March, that named 49 vessels. Read it at www.example.org/panel-report.
";

const PROTEST: &str = "Crowds gathered outside the parliament in the capital for a third day on Sunday, demanding the resignation of Prime Minister Ali Reza.

\"Why should we wait?\" asked Sara Khan, 34, a teacher. \"They promised reform in the '90s. They promised it again in 2019. Nothing happened.\"

Police said 1,200 people attended; organizers put the number at 10,000. Dr. Omar Farouk, of the city's main hospital, said 14 people were treated for minor injuries... none of them serious.

Demands listed by the organizers:
1. Early elections.
2. Release of detained activists.
3. An independent inquiry

The government called the protests 'illegal' and said talks were possible \"if the violence stops.\" The Koreas' envoys, in town for an unrelated meeting, declined to comment.
";

#[test]
fn snapshot_border_talks() {
    insta::assert_yaml_snapshot!(view(BORDER_TALKS));
}

#[test]
fn snapshot_sanctions() {
    insta::assert_yaml_snapshot!(view(SANCTIONS));
}

#[test]
fn snapshot_protest() {
    insta::assert_yaml_snapshot!(view(PROTEST));
}
