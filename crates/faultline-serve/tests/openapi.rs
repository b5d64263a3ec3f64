//! The API against its own OpenAPI document: a property test sends
//! generated requests (valid and invalid paths, parameters and bodies) to
//! every operation of `/api/openapi.json`, over a database ingested from
//! development-corpus articles, and checks that each answer's status is one
//! the document lists for that operation and that its JSON body validates
//! against the schema the document gives for that status.

mod common;

use std::cell::RefCell;
use std::collections::HashMap;

use axum::body::Body;
use axum::http::{Method, Request, header};
use common::{articles, dev_corpus, ingest_files, state, writer};
use faultline_serve::{ApiDoc, app};
use http_body_util::BodyExt;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;
use tower::ServiceExt;
use utoipa::OpenApi;

const TOKEN: &str = "openapi-test-token-0123456789";

/// A generated request: method, path template (as the document names it),
/// the concrete URI, and a body and token for posts.
#[derive(Debug, Clone)]
struct Call {
    method: Method,
    template: &'static str,
    uri: String,
    body: Option<(String, Option<&'static str>)>,
}

/// An optional query value from `values` (`None` leaves the parameter out).
fn opt(values: &[&'static str]) -> impl Strategy<Value = Option<&'static str>> + use<> {
    let v: Vec<&'static str> = values.to_vec();
    prop_oneof![Just(None), proptest::sample::select(v).prop_map(Some)]
}

/// `name=value&…` of the parameters that are set, values percent-encoded.
fn query(pairs: &[(&str, Option<&str>)]) -> String {
    let set: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| v.map(|v| format!("{k}={}", faultline_serve::views::encode(v))))
        .collect();
    if set.is_empty() {
        String::new()
    } else {
        format!("?{}", set.join("&"))
    }
}

const DATES: &[&str] = &[
    "2019-01-01",
    "2019-09-30",
    "2020-06-15",
    "2024-02-30",
    "yesterday",
    "",
];
const BY: &[&str] = &["day", "week", "month", "year"];
const NUMBERS: &[&str] = &["0", "1", "3", "10", "100", "1000", "-1", "x"];

fn dyad_call(roots: Vec<&'static str>) -> impl Strategy<Value = Call> {
    let roots2 = roots.clone();
    (
        proptest::sample::select(roots),
        proptest::sample::select(roots2),
        opt(BY),
        opt(DATES),
        opt(DATES),
        opt(&["forward", "backward", "both", "sideways"]),
    )
        .prop_map(|(a, b, by, from, to, dir)| Call {
            method: Method::GET,
            template: "/api/dyads/{a}/{b}",
            uri: format!(
                "/api/dyads/{a}/{b}{}",
                query(&[("by", by), ("from", from), ("to", to), ("direction", dir)])
            ),
            body: None,
        })
}

fn list_calls() -> impl Strategy<Value = Call> {
    prop_oneof![
        (opt(DATES), opt(DATES), opt(NUMBERS)).prop_map(|(f, t, l)| Call {
            method: Method::GET,
            template: "/api/top",
            uri: format!("/api/top{}", query(&[("from", f), ("to", t), ("limit", l)])),
            body: None,
        }),
        (
            opt(DATES),
            opt(DATES),
            opt(DATES),
            opt(NUMBERS),
            opt(NUMBERS)
        )
            .prop_map(|(f, t, s, l, m)| Call {
                method: Method::GET,
                template: "/api/movers",
                uri: format!(
                    "/api/movers{}",
                    query(&[
                        ("from", f),
                        ("to", t),
                        ("split", s),
                        ("limit", l),
                        ("min_events", m)
                    ])
                ),
                body: None,
            }),
        (opt(DATES), opt(BY)).prop_map(|(s, by)| Call {
            method: Method::GET,
            template: "/api/alerts",
            uri: format!("/api/alerts{}", query(&[("since", s), ("by", by)])),
            body: None,
        }),
        opt(&["1", "2", "5", "999", "-3", "one"]).prop_map(|id| Call {
            method: Method::GET,
            template: "/api/documents/{id}",
            uri: format!("/api/documents/{}", id.unwrap_or("1")),
            body: None,
        }),
    ]
}

fn event_call(roots: Vec<&'static str>) -> impl Strategy<Value = Call> {
    let dyads: Vec<String> = roots
        .iter()
        .flat_map(|a| roots.iter().map(move |b| format!("{a}-{b}")))
        .collect();
    (
        proptest::option::of(proptest::sample::select(roots)),
        proptest::option::of(proptest::sample::select(dyads)),
        opt(&["04", "19", "4", "21"]),
        opt(&["asserted", "negated", "future", "maybe"]),
        (opt(DATES), opt(DATES)),
        opt(&[
            "minister",
            "talks border",
            "\"(*",
            "a b c d e f g h i j k l m n o p q",
        ]),
        opt(NUMBERS),
    )
        .prop_map(|(actor, dyad, root, fact, (from, to), q, page)| Call {
            method: Method::GET,
            template: "/api/events",
            uri: format!(
                "/api/events{}",
                query(&[
                    ("actor", actor),
                    ("dyad", dyad.as_deref()),
                    ("root", root),
                    ("factuality", fact),
                    ("from", from),
                    ("to", to),
                    ("q", q),
                    ("page", page),
                ])
            ),
            body: None,
        })
}

fn post_call() -> impl Strategy<Value = Call> {
    (
        opt(&[TOKEN, "not-the-token-0123456789"]),
        proptest::sample::select(vec![
            "Spain thanked Portugal for its help on Sunday.".to_owned(),
            "{\"id\": \"p1\", \"text\": \"Chile praised Peru on Monday.\"}\n{bad".to_owned(),
            "   ".to_owned(),
        ]),
        opt(&["text", "jsonl", "pdf"]),
    )
        .prop_map(|(token, text, format)| Call {
            method: Method::POST,
            template: "/api/documents",
            uri: format!("/api/documents{}", query(&[("format", format)])),
            body: Some((text, token)),
        })
}

/// Validators of each operation's answers, by (template, method, status).
struct Contract {
    validators: HashMap<(String, String, u16), jsonschema::Validator>,
}

impl Contract {
    fn new() -> Self {
        let doc = serde_json::to_value(ApiDoc::openapi()).expect("openapi json");
        let components = doc["components"].clone();
        let mut validators = HashMap::new();
        for (path, item) in doc["paths"].as_object().expect("paths") {
            for (method, op) in item.as_object().expect("operations") {
                for (status, resp) in op["responses"].as_object().expect("responses") {
                    let schema = &resp["content"]["application/json"]["schema"];
                    if schema.is_null() {
                        continue;
                    }
                    let root = serde_json::json!({
                        "$schema": "https://json-schema.org/draft/2020-12/schema",
                        "components": components,
                        "allOf": [schema],
                    });
                    let v = jsonschema::validator_for(&root)
                        .unwrap_or_else(|e| panic!("{method} {path} {status}: bad schema: {e}"));
                    let status: u16 = status.parse().expect("numeric status");
                    validators.insert((path.clone(), method.to_uppercase(), status), v);
                }
            }
        }
        Self { validators }
    }

    /// Checks one answer; the error says what broke the contract.
    fn check(&self, call: &Call, status: u16, body: &[u8]) -> Result<(), String> {
        let key = (call.template.to_owned(), call.method.to_string(), status);
        let Some(v) = self.validators.get(&key) else {
            return Err(format!(
                "{} {}: status {status} is not in the document",
                call.method, call.uri
            ));
        };
        let json: Value = serde_json::from_slice(body)
            .map_err(|e| format!("{} {}: not JSON ({e})", call.method, call.uri))?;
        let errors: Vec<String> = v
            .iter_errors(&json)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "{} {} ({status}): {errors:?}",
                call.method, call.uri
            ))
        }
    }
}

#[test]
fn every_answer_matches_the_openapi_document() {
    let Some(corpus) = dev_corpus() else {
        eprintln!("skipped: the development corpus ../shared/corpus/dev is not there");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("openapi.db");
    let w = writer(&db);
    ingest_files(&w, &articles(&corpus, 12));
    let router = app(state(&db, w, TOKEN));
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let contract = Contract::new();
    // Roots of the data, and codes that are unknown or malformed.
    let roots = vec!["USA", "IRN", "UKR", "RUS", "FRA", "XYZ", "usa", "U'S"];
    let strategy = prop_oneof![
        3 => dyad_call(roots.clone()),
        3 => list_calls(),
        3 => event_call(roots),
        1 => post_call(),
    ];
    let mut runner = TestRunner::new(Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    });
    let statuses: RefCell<HashMap<u16, usize>> = RefCell::new(HashMap::new());
    let result = runner.run(&strategy, |call| {
        let mut req = Request::builder()
            .method(call.method.clone())
            .uri(&call.uri);
        let body = match &call.body {
            Some((text, token)) => {
                if let Some(t) = token {
                    req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
                }
                Body::from(text.clone())
            }
            None => Body::empty(),
        };
        let req = req.body(body).expect("request");
        let (status, bytes) = rt.block_on(async {
            let resp = router.clone().oneshot(req).await.expect("response");
            let status = resp.status().as_u16();
            (
                status,
                resp.into_body().collect().await.expect("body").to_bytes(),
            )
        });
        *statuses.borrow_mut().entry(status).or_default() += 1;
        contract
            .check(&call, status, &bytes)
            .map_err(TestCaseError::fail)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let statuses = statuses.into_inner();
    eprintln!("statuses seen: {statuses:?}");
    // The generators reach both the answers and the errors.
    for s in [200, 400, 404] {
        assert!(
            statuses.contains_key(&s),
            "no {s} answer was generated: {statuses:?}"
        );
    }
}

#[test]
fn the_contract_catches_wrong_answers() {
    let contract = Contract::new();
    let call = |template: &'static str, uri: &str| Call {
        method: Method::GET,
        template,
        uri: uri.into(),
        body: None,
    };
    let top = call("/api/top", "/api/top");
    assert!(contract.check(&top, 200, b"[]").is_ok());
    let wrong = br#"[{"a": "KOR", "b": 7}]"#;
    assert!(
        contract.check(&top, 200, wrong).is_err(),
        "a number where a code belongs"
    );
    assert!(
        contract.check(&top, 404, b"{}").is_err(),
        "404 is not listed for /api/top"
    );
    let err = br#"{"error": "bad request"}"#;
    assert!(
        contract.check(&top, 400, err).is_err(),
        "detail is required"
    );
    let ok = br#"{"error": "bad request", "detail": "limit: 0 is out of range"}"#;
    assert!(contract.check(&top, 400, ok).is_ok());
}
