//! Helpers of the server tests that run a real listener: a database
//! ingested from the development corpus through the server's own writer,
//! and a server on a free loopback port that stops when dropped.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use faultline_serve::write::{PostReport, Token, Writer};
use faultline_serve::{AppState, Limits};
use faultline_store::Store;

/// The development corpus beside the project (`../shared/corpus/dev`), if there.
pub fn dev_corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev");
    dir.is_dir().then_some(dir)
}

/// The first `n` articles of `corpus`, sorted by name.
pub fn articles(corpus: &Path, n: usize) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)
        .expect("read the corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    files.truncate(n);
    files
}

/// A new database at `path` and a writer to it (the default coder).
pub fn writer(path: &Path) -> Writer {
    drop(Store::open(path).expect("create the database"));
    let coder = faultline_coder::Coder::defaults().expect("coder");
    Writer::open(path, coder, None, 16 << 20).expect("writer")
}

/// Stores each file through `writer`, as `POST /api/documents` would.
pub fn ingest_files(writer: &Writer, files: &[PathBuf]) -> Vec<PostReport> {
    files
        .iter()
        .map(|f| {
            let bytes = std::fs::read(f).expect("read an article");
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            writer.post(&name, &bytes, None).expect("post")
        })
        .collect()
}

/// A server on a free loopback port; stopped (gracefully) when dropped.
pub struct Server {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Server {
    /// Serves `state` on 127.0.0.1 in the current runtime.
    pub async fn start(state: AppState) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(faultline_serve::serve(listener, state, async {
            let _ = stopped.await;
        }));
        Self {
            addr,
            stop: Some(stop),
        }
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

/// The state over `path` with writes enabled for `token`.
pub fn state(path: &Path, writer: Writer, token: &str) -> AppState {
    AppState::open(path, Limits::default())
        .expect("state")
        .with_writer(Token::new(token).expect("token"), writer)
}
