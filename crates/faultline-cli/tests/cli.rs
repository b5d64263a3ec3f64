//! End-to-end tests of `faultline extract`: bundled examples, bad input in a
//! batch, `--fail-fast`, standard input, and a 50 MB file in bounded memory.

#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_faultline"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn docs(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is JSON"))
        .collect()
}

/// Checks that every span in an output document slices its body.
fn check_spans(doc: &Value) {
    let body = doc["body"].as_str().unwrap();
    let slice = |s: &Value, a: &str, b: &str| -> String {
        let (start, end) = (
            s[a].as_u64().unwrap() as usize,
            s[b].as_u64().unwrap() as usize,
        );
        body.get(start..end)
            .expect("span on char boundaries")
            .to_owned()
    };
    for p in doc["paragraphs"].as_array().unwrap() {
        let t = slice(p, "start", "end");
        assert!(!t.is_empty() && !t.contains("\n\n"));
    }
    for s in doc["sentences"].as_array().unwrap() {
        let t = slice(s, "start", "end");
        assert_eq!(t.trim(), t);
    }
    for q in doc["quotes"].as_array().unwrap() {
        slice(q, "start", "end");
        slice(q, "inner_start", "inner_end");
    }
    if let Some(tokens) = doc["tokens"].as_array() {
        for t in tokens {
            let text = slice(&t["span"], "start", "end");
            assert!(!text.is_empty());
        }
    }
}

#[test]
fn extracts_bundled_examples() {
    let out = bin()
        .arg("extract")
        .arg("--tokens")
        .arg(root().join("examples"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = docs(&out);
    assert!(docs.len() >= 5, "{} documents", docs.len());
    for d in &docs {
        check_spans(d);
        assert!(d["title"].is_string(), "{d}");
        assert!(d["published"].is_string());
        assert_eq!(d["language"], "en");
    }
    let dump = docs
        .iter()
        .find(|d| d["id"] == "seoul-tokyo-defence-talks")
        .expect("the text dump");
    assert_eq!(dump["published"], "2014-10-09T13:55:00+09:00");
    assert_eq!(dump["kicker"]["label"], "Analysis");
    assert!(!dump["body"].as_str().unwrap().contains("Most viewed"));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn bad_input_is_reported_and_the_batch_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a_binary.bin",
        &[0x00, 0x01, 0x02, 0xff, 0x10, 0x00, 0x42],
    );
    write(d, "b_empty.txt", b"");
    write(
        d,
        "c_invalid.txt",
        b"Talks resume in Geneva\n\nThe envoys met on Monday \xff\xfe and agreed to meet again.\n",
    );
    write(d, "d_broken.html", b"<html><head><title>Envoys meet | X</title></head><body><div><p>The envoys met on Monday in Geneva and agreed to meet again next week, officials said.<p>They gave no details of the agenda.</span></div></div></body>");
    write(
        d,
        "e_deep.html",
        format!(
            "<html><body>{}<p>Deep.</p></body></html>",
            "<div>".repeat(200_000)
        )
        .as_bytes(),
    );
    write(
        d,
        "f_records.jsonl",
        b"{\"id\":\"r1\",\"title\":\"T1\",\"published\":\"2019-01-23\",\"text\":\"The envoys met on Monday.\"}\nnot json at all\n{\"id\":\"r3\",\"text\":\"They met again on Tuesday.\"}\n",
    );
    write(d, "g_good.txt", b"Envoys meet in Geneva\nBy Jane Roe\nOct. 9, 2014\n\nThe envoys met on Monday, officials said.\n");
    write(d, "h_archive.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");

    let out = bin().arg("extract").arg(d).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for needle in [
        "a_binary.bin: binary data",
        "b_empty.txt: empty input",
        "e_deep.html: no article text found",
        "f_records.jsonl:2: not a JSON object",
        "h_archive.pdf: looks like a PDF",
        "c_invalid.txt: invalid utf-8 at byte",
    ] {
        assert!(stderr.contains(needle), "missing {needle:?} in:\n{stderr}");
    }
    let docs = docs(&out);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["c_invalid", "d_broken", "r1", "r3", "g_good"]);
    for doc in &docs {
        check_spans(doc);
    }
    assert!(
        docs[0]["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().contains("lossily"))
    );
    assert!(docs[0]["body"].as_str().unwrap().contains('\u{fffd}'));
    assert_eq!(docs[1]["title"], "Envoys meet");
    assert!(stderr.contains("read 5 document(s), 5 failed"), "{stderr}");
}

#[test]
fn fail_fast_stops_at_the_first_failure() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"");
    write(dir.path(), "b.txt", b"");
    write(dir.path(), "c.txt", b"A story.\n\nWith text.\n");
    let out = bin()
        .args(["extract", "--fail-fast"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_path_is_an_error_naming_it() {
    let out = bin()
        .args(["extract", "/no/such/file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt: cannot read"));
}

/// Runs the binary with `args`, `input` on its standard input.
fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn reads_standard_input() {
    let out = with_stdin(
        &["extract", "-"],
        b"Envoys meet in Geneva\n\nThe envoys met on Monday. Mr. Li said talks went well.\n",
    );
    assert!(out.status.success());
    let docs = docs(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "stdin");
    assert_eq!(docs[0]["title"], "Envoys meet in Geneva");
    assert_eq!(docs[0]["sentences"].as_array().unwrap().len(), 2);
    check_spans(&docs[0]);
}

/// A 50 MB plain-text file finishes, and peak memory stays a small multiple of its size.
#[test]
fn fifty_megabyte_file_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, "A very long file\n").unwrap();
    let mut written = 0;
    let mut i = 0u64;
    while written < 50 * 1024 * 1024 {
        // Distinct paragraphs: identical repeated lines are treated as captions.
        let para = format!(
            "The defence ministers met in Seoul on Oct. 7 for round {i} and agreed to expand joint drills, \
             officials said. \"We will keep talking,\" said Dr. Kim, a professor at Yonsei University.\n\n"
        );
        f.write_all(para.as_bytes()).unwrap();
        written += para.len();
        i += 1;
    }
    drop(f);
    let status = bin()
        .args(["extract", "--quiet"])
        .arg(&path)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .status()
        .unwrap();
    assert!(status.success());
    let usage =
        nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN).unwrap();
    let peak_mib = usage.max_rss() / 1024; // kilobytes on Linux
    assert!(
        peak_mib < 1024,
        "peak resident memory {peak_mib} MiB for a 50 MiB input"
    );
}

#[test]
fn over_the_limit_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "big.txt", &b"Word word word.\n".repeat(1000));
    let out = bin()
        .args(["extract", "--max-bytes", "1K"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("over the limit of 1024 bytes") && stderr.contains("--max-bytes"),
        "{stderr}"
    );
}

/// `--date` on undated input is the article date the coder resolves
/// against and knows: an intent due years ahead is dated when stated.
#[test]
fn a_given_date_is_the_known_article_date() {
    for (body, want) in [
        (
            "Chile will sign a trade pact with Peru in 2030.\n",
            "2021-03-04",
        ),
        (
            "Greece will meet Turkish officials next week.\n",
            "2021-03-04",
        ),
    ] {
        let out = with_stdin(
            &["code", "-q", "--date", "2021-03-04", "--format", "tsv", "-"],
            body.as_bytes(),
        );
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        let dates: Vec<&str> = text
            .lines()
            .skip(1)
            .filter_map(|l| l.split('\t').nth(1))
            .collect();
        assert!(
            !dates.is_empty() && dates.iter().all(|d| *d == want),
            "{body}: {text}"
        );
    }
}

#[test]
fn a_syntax_model_file_replaces_the_embedded_one() {
    let model = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../faultline-syntax/data/en_ewt.model"
    );
    for body in [
        "Chile signed a trade pact with Peru on Monday.\n",
        "Greek officials met Turkish envoys in Athens.\n",
    ] {
        let args = ["code", "-q", "--date", "2021-03-04", "--format", "tsv", "-"];
        let embedded = with_stdin(&args, body.as_bytes());
        let mut with_file = args.to_vec();
        with_file.splice(1..1, ["--syntax-model", model]);
        let from_file = with_stdin(&with_file, body.as_bytes());
        assert!(embedded.status.success() && from_file.status.success());
        // The shipped file is the embedded model: the same events.
        assert!(
            String::from_utf8_lossy(&embedded.stdout).lines().count() > 1,
            "{body}"
        );
        assert_eq!(embedded.stdout, from_file.stdout, "{body}");
    }
    let out = with_stdin(
        &["code", "--syntax-model", "/nonexistent/x.model", "-"],
        b"x",
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/x.model"), "{err}");
}
