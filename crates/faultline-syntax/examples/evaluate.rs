//! Scores a model file on a CoNLL-U file (a quick check while training;
//! `faultline parse-eval` is the user-facing command).
//!
//! ```sh
//! cargo run --release -p faultline-syntax --example evaluate -- MODEL CONLLU
//! ```

use faultline_syntax::{Model, conllu, eval};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model, gold] = args.as_slice() else {
        return Err("usage: evaluate MODEL CONLLU".into());
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
    Ok(())
}
