//! Scores a model file on a CoNLL-U file (a quick check while training;
//! `faultline parse-eval` is the user-facing command).
//!
//! ```sh
//! cargo run --release -p faultline-syntax --example evaluate -- MODEL CONLLU [ARCS]
//! ```
//! With `ARCS` (e.g. `crates/faultline-syntax/tests/data/news-arcs.txt`), it
//! also scores the hand-written gold arcs of that file and lists the misses.

use faultline_syntax::{Model, arcs, conllu, eval};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(model), Some(gold)) = (args.first(), args.get(1)) else {
        return Err("usage: evaluate MODEL CONLLU [ARCS]".into());
    };
    let model = Model::from_file(std::path::Path::new(model))?;
    let text = std::fs::read_to_string(gold).map_err(|e| format!("{gold}: {e}"))?;
    let gold = conllu::parse(gold, &text)?;
    for (name, gold_tags) in [("predicted tags", false), ("gold tags", true)] {
        let s = eval::evaluate(&model, &gold, gold_tags);
        println!(
            "{name}: UPOS {:.2}  UAS {:.2}  LAS {:.2}  LAS+subtypes {:.2}  ({} words)",
            s.upos * 100.0,
            s.uas * 100.0,
            s.las * 100.0,
            s.las_full * 100.0,
            s.words
        );
    }
    if std::env::var_os("CONFUSIONS").is_some() {
        for (g, p, n) in eval::label_confusions(&model, &gold, 25) {
            println!("{n:>5}  {g} -> {p}");
        }
    }
    if let Some(path) = args.get(2) {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let s = arcs::score(&model, path, &arcs::read(path, &text)?)?;
        for m in &s.misses {
            println!("  missed {m}");
        }
        #[allow(clippy::cast_precision_loss)]
        let share = |k: usize| k as f64 * 100.0 / s.arcs as f64;
        println!(
            "arcs of {path}: {} checked, attached {:.1}, labelled {:.1}",
            s.arcs,
            share(s.attached),
            share(s.labelled)
        );
    }
    Ok(())
}
