//! Rewrites a model file of any readable format version in the current
//! one, without retraining (the weights are unchanged).
//!
//! ```sh
//! cargo run --release -p faultline-syntax --example resave -- IN.model OUT.model
//! ```

use faultline_syntax::Model;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        return Err("usage: resave IN.model OUT.model".into());
    };
    let model = Model::from_file(std::path::Path::new(input))?;
    let bytes = model.to_bytes();
    std::fs::write(output, &bytes).map_err(|e| format!("{output}: {e}"))?;
    eprintln!(
        "wrote {output} ({} bytes, format version {})",
        bytes.len(),
        faultline_syntax::model::VERSION
    );
    Ok(())
}
