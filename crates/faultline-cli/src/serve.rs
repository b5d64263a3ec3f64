//! `faultline serve`: the HTTP API and dashboard (`faultline-serve`) on a
//! local address, with request logs on standard error and a graceful stop
//! on Ctrl-C (or SIGTERM): open requests finish, then the process exits.
//! Writes (`POST /api/documents`) are enabled only with a token, from
//! `--token-file` or `FAULTLINE_TOKEN`; the coder is then loaded as
//! `faultline ingest` loads it.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::Args;
use faultline_serve::write::{Token, Writer};
use faultline_serve::{AppState, Limits};

use crate::actors::DictArgs;
use crate::code::VerbArgs;
use crate::docs::parse_size;
use crate::dyad::DbArgs;

/// The environment variable holding the write token, when no file is given.
const TOKEN_VAR: &str = "FAULTLINE_TOKEN";

/// Arguments of `faultline serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Address and port to listen on (loopback by default: only this machine can connect).
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Longest time a request may take, in seconds, before it is answered 503.
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    timeout: u64,
    /// File holding the bearer token that enables POST /api/documents
    /// (else the FAULTLINE_TOKEN variable; with neither, writes are refused).
    #[arg(long, value_name = "FILE")]
    token_file: Option<std::path::PathBuf>,
    /// Largest request body, e.g. 16M (413 above it).
    #[arg(long, default_value = "16M", value_parser = parse_size)]
    max_body: u64,
    #[command(flatten)]
    dict: DictArgs,
    #[command(flatten)]
    verbs: VerbArgs,
}

/// The write token from `--token-file` or the environment, if any.
fn token(args: &ServeArgs) -> anyhow::Result<Option<Token>> {
    let (text, from) = match &args.token_file {
        Some(path) => (
            std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the token file {}", path.display()))?,
            path.display().to_string(),
        ),
        None => match std::env::var(TOKEN_VAR) {
            Ok(t) => (t, TOKEN_VAR.to_owned()),
            Err(_) => return Ok(None),
        },
    };
    Token::new(&text)
        .map(Some)
        .map_err(|e| anyhow::anyhow!("{from}: {e}"))
}

/// Runs the subcommand until Ctrl-C.
pub fn run(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    // The aggregate the pages answer from is checked once, at start.
    drop(args.db.open_for_analytics()?);
    let limits = Limits {
        timeout: Duration::from_secs(args.timeout.max(1)),
        body_bytes: args.max_body,
    };
    let mut state = AppState::open(&args.db.db, limits)?;
    let writes = match token(args)? {
        Some(token) => {
            let coder = args.verbs.coder(&args.dict, false)?;
            let writer = Writer::open(&args.db.db, coder, args.dict.date, args.max_body)?;
            state = state.with_writer(token, writer);
            "writes need the bearer token"
        }
        None => "read only: no --token-file or FAULTLINE_TOKEN",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| {
                format!("cannot listen on {}: choose another with --addr", args.addr)
            })?;
        eprintln!(
            "faultline: serving {} on http://{} ({writes}; Ctrl-C to stop)",
            args.db.db.display(),
            listener.local_addr().unwrap_or(args.addr)
        );
        faultline_serve::serve(listener, state, stop_signal())
            .await
            .context("the server stopped with an error")
    })?;
    eprintln!("faultline: server stopped");
    Ok(ExitCode::SUCCESS)
}

/// Completes on Ctrl-C or, on Unix, SIGTERM.
async fn stop_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
