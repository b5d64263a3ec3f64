//! Time per stage (tagger, parser, labeller) on a CoNLL-U file, to see
//! where parsing time goes.
//!
//! ```sh
//! cargo run --release -p faultline-syntax --example profile -- MODEL CONLLU [REPEAT]
//! ```

use std::time::Instant;

use faultline_syntax::lexical::Atoms;
use faultline_syntax::{Model, conllu};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(model), Some(gold)) = (args.first(), args.get(1)) else {
        return Err("usage: profile MODEL CONLLU [REPEAT]".into());
    };
    let repeat: usize = args.get(2).map_or(Ok(5), |r| r.parse())?;
    let t = Instant::now();
    let model = Model::from_file(std::path::Path::new(model))?;
    println!("model load {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let text = std::fs::read_to_string(gold)?;
    let sents = conllu::parse(gold, &text)?;
    let forms: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let n = (sents.len() * repeat) as f64;
    let t = Instant::now();
    let mut atoms = Vec::new();
    for _ in 0..repeat {
        atoms = forms
            .iter()
            .map(|f| f.iter().map(|w| Atoms::of(w)).collect::<Vec<_>>())
            .collect();
    }
    let t_atoms = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut tags = Vec::new();
    for _ in 0..repeat {
        tags = atoms.iter().map(|a| model.tagger.tag(a)).collect();
    }
    let t_tag = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut heads = Vec::new();
    for _ in 0..repeat {
        heads = atoms
            .iter()
            .zip(&tags)
            .map(|(a, g)| model.parser.parse(a, g, &model.tagger.classes(a)))
            .collect();
    }
    let t_parse = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut labels = 0;
    for _ in 0..repeat {
        for ((a, g), h) in atoms.iter().zip(&tags).zip(&heads) {
            labels += model.labeler.label(a, g, h).len();
        }
    }
    let t_label = t.elapsed().as_secs_f64();
    let us = |s: f64| s / n * 1e6;
    println!(
        "per sentence: atoms {:.1} µs, tagger {:.1} µs, parser {:.1} µs, labeller {:.1} µs ({labels} labels)",
        us(t_atoms),
        us(t_tag),
        us(t_parse),
        us(t_label)
    );
    println!(
        "total {:.0} sentences/s",
        n / (t_atoms + t_tag + t_parse + t_label)
    );
    Ok(())
}
