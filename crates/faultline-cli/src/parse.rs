//! `faultline parse`: part-of-speech tags and dependency trees for every
//! sentence of any input the other commands read, as CoNLL-U or JSON Lines,
//! with byte spans into the article body (so a user can see why an event
//! was or was not coded). `faultline parse-eval`: accuracy on a treebank.

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::{Args, ValueEnum};
use faultline_ingest::Article;
use faultline_syntax::{Model, ParsedWord, conllu, eval};
use faultline_text::Span;
use serde::Serialize;

use crate::docs::{self, InputArgs};

/// Output formats of `faultline parse`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ParseFormat {
    /// CoNLL-U, one block per sentence; MISC holds `TokenRange=start:end` into the body.
    Conllu,
    /// One JSON object per document.
    Json,
}

/// Arguments of `faultline parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long = "format", value_enum, default_value_t = ParseFormat::Conllu)]
    output: ParseFormat,
    /// A model file to use instead of the embedded UD English EWT model.
    #[arg(long, value_name = "PATH")]
    model: Option<PathBuf>,
}

/// Arguments of `faultline parse-eval`.
#[derive(Debug, Args)]
pub struct ParseEvalArgs {
    /// A CoNLL-U treebank file (e.g. ../shared/treebanks/UD_English-EWT/en_ewt-ud-test.conllu).
    treebank: PathBuf,
    /// A model file to use instead of the embedded one.
    #[arg(long, value_name = "PATH")]
    model: Option<PathBuf>,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

/// Loads `--model`, or borrows the embedded model.
fn load(path: Option<&PathBuf>) -> anyhow::Result<Cow<'static, Model>> {
    match path {
        Some(p) => Ok(Cow::Owned(Model::from_file(p)?)),
        None => Ok(Cow::Borrowed(faultline_syntax::embedded()?)),
    }
}

#[derive(Serialize)]
struct JsonWord<'a> {
    id: usize,
    text: &'a str,
    start: usize,
    end: usize,
    token: u32,
    upos: &'a str,
    head: usize,
    deprel: &'a str,
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    index: usize,
    start: usize,
    end: usize,
    text: &'a str,
    words: Vec<JsonWord<'a>>,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    id: &'a str,
    sentences: Vec<JsonSentence<'a>>,
}

fn json_words<'a>(body: &'a str, words: &[ParsedWord<'a>]) -> Vec<JsonWord<'a>> {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| JsonWord {
            id: i + 1,
            text: w.span.slice(body),
            start: w.span.start,
            end: w.span.end,
            token: w.token,
            upos: w.upos,
            head: w.head.map_or(0, |h| h as usize + 1),
            deprel: w.deprel,
        })
        .collect()
}

fn write_conllu(out: &mut dyn Write, article: &Article, model: &Model) -> anyhow::Result<()> {
    writeln!(out, "# newdoc id = {}", article.id)?;
    for (k, s) in article.sentences.iter().enumerate() {
        let span = Span::new(s.start, s.end);
        let words = model.parse_span(&article.body, span);
        let rows: Vec<conllu::Row<'_>> = words
            .iter()
            .enumerate()
            .map(|(i, w)| conllu::Row {
                form: w.span.slice(&article.body),
                upos: w.upos,
                head: w.head.map_or(0, |h| h as usize + 1),
                deprel: w.deprel,
                span: (w.span.start, w.span.end),
                no_space_after: words.get(i + 1).is_some_and(|n| n.span.start == w.span.end),
            })
            .collect();
        let id = format!("{}:{k}", article.id);
        out.write_all(conllu::write_sentence(&id, span.slice(&article.body), &rows).as_bytes())?;
    }
    Ok(())
}

/// Runs `faultline parse`.
pub fn run(args: &ParseArgs) -> anyhow::Result<ExitCode> {
    let model = load(args.model.as_ref())?;
    docs::run(&args.input, |article, out| match args.output {
        ParseFormat::Conllu => write_conllu(out, article, &model),
        ParseFormat::Json => {
            let body = article.body.as_str();
            let sentences = article
                .sentences
                .iter()
                .enumerate()
                .map(|(index, s)| {
                    let span = Span::new(s.start, s.end);
                    let words = model.parse_span(body, span);
                    JsonSentence {
                        index,
                        start: s.start,
                        end: s.end,
                        text: span.slice(body),
                        words: json_words(body, &words),
                    }
                })
                .collect();
            docs::write_json(
                out,
                &JsonDoc {
                    id: &article.id,
                    sentences,
                },
                args.input.pretty,
            )
        }
    })
}

#[derive(Serialize)]
struct EvalFigures {
    treebank: String,
    sentences: usize,
    words: usize,
    upos: f64,
    uas: f64,
    las: f64,
    las_with_subtypes: f64,
    uas_gold_tags: f64,
    las_gold_tags: f64,
    sentences_per_second: f64,
}

fn pct(x: f64) -> f64 {
    (x * 10_000.0).round() / 100.0
}

/// Runs `faultline parse-eval`.
#[allow(clippy::cast_precision_loss)]
pub fn run_eval(args: &ParseEvalArgs) -> anyhow::Result<ExitCode> {
    let model = load(args.model.as_ref())?;
    let name = args.treebank.display().to_string();
    let text = std::fs::read_to_string(&args.treebank)
        .with_context(|| format!("{name}: cannot read the treebank"))?;
    let gold = conllu::parse(&name, &text)?;
    let started = Instant::now();
    let auto = eval::evaluate(&model, &gold, false);
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let with_gold = eval::evaluate(&model, &gold, true);
    let f = EvalFigures {
        treebank: name,
        sentences: auto.sentences,
        words: auto.words,
        upos: pct(auto.upos),
        uas: pct(auto.uas),
        las: pct(auto.las),
        las_with_subtypes: pct(auto.las_full),
        uas_gold_tags: pct(with_gold.uas),
        las_gold_tags: pct(with_gold.las),
        sentences_per_second: (auto.sentences as f64 / secs).round(),
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&f)?)?;
    } else {
        writeln!(
            out,
            "{} ({} sentences, {} words, gold tokenisation)",
            f.treebank, f.sentences, f.words
        )?;
        writeln!(
            out,
            "  predicted tags: UPOS {:.2}%  UAS {:.2}%  LAS {:.2}%  (LAS with subtypes {:.2}%)",
            f.upos, f.uas, f.las, f.las_with_subtypes
        )?;
        writeln!(
            out,
            "  gold tags:      UAS {:.2}%  LAS {:.2}%",
            f.uas_gold_tags, f.las_gold_tags
        )?;
        writeln!(
            out,
            "  speed: {} sentences/s (tag, parse, label; one core)",
            f.sentences_per_second
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
