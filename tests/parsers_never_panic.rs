//! Property tests: whatever bytes a client puts where a scheme or a token form reads credentials,
//! the answer is a success or a client error with a JSON `detail`, never a server error or a
//! dropped connection. Each case is a real HTTP exchange with ex6 served on loopback.

mod support;

#[path = "../examples/all_schemes.rs"]
#[allow(dead_code, unreachable_pub)]
mod all_schemes;

use std::fmt;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use serde_json::Value;
use support::{Response, Server};

/// Cases per property: modest, since each one is one or more real requests.
const CASES: u32 = 64;

/// Bytes as generated, shown escaped when a case fails.
struct Bytes(Vec<u8>);

impl fmt::Debug for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "b\"{}\"", self.0.escape_ascii())
    }
}

/// One byte a header value may carry, mostly visible ASCII: HTTP forbids the other control
/// bytes, and the server refuses them before any scheme runs.
fn header_byte() -> impl Strategy<Value = u8> {
    prop_oneof![1 => Just(b'\t'), 30 => 0x20u8..=0x7E, 1 => 0x80u8..=0xFF]
}

fn header_text() -> impl Strategy<Value = Vec<u8>> {
    vec(header_byte(), 0..24)
}

/// Text that is mostly ASCII with some `:`, UTF-8 characters and stray bytes.
fn credential_text() -> impl Strategy<Value = Vec<u8>> {
    let unit = prop_oneof![
        8 => (0x20u8..=0x7E).prop_map(|byte| vec![byte]),
        2 => Just(b":".to_vec()),
        1 => any::<char>().prop_map(|c| c.to_string().into_bytes()),
        1 => any::<u8>().prop_map(|byte| vec![byte]),
    ];
    vec(unit, 0..16).prop_map(|units| units.concat())
}

/// Standard base64 with padding, to build Basic credentials that decode.
fn base64(bytes: &[u8]) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut encoded = Vec::new();
    for chunk in bytes.chunks(3) {
        let bits = chunk.iter().enumerate().fold(0u32, |bits, (i, &byte)| {
            bits | u32::from(byte) << (16 - 8 * i)
        });
        for i in 0..4 {
            encoded.push(if i <= chunk.len() {
                ALPHABET[(bits >> (18 - 6 * i)) as usize & 63]
            } else {
                b'='
            });
        }
    }
    encoded
}

/// An `Authorization` value: a scheme, a separator and arbitrary text, or Basic credentials
/// whose base64 is sometimes spoiled.
fn authorization() -> impl Strategy<Value = Bytes> {
    let scheme = select(&["", "Basic", "basic", "Bearer", "bEaReR", "Digest", "Token"][..]);
    let separator = select(&[" ", " ", "   ", "\t", ""][..]);
    let any_scheme = (scheme, separator, header_text()).prop_map(|(scheme, separator, text)| {
        [scheme.as_bytes(), separator.as_bytes(), &text].concat()
    });
    let suffix = select(&["", "", "", "=", "!", " x", "\u{e9}"][..]);
    let basic = (credential_text(), suffix)
        .prop_map(|(text, suffix)| [b"Basic ", &base64(&text)[..], suffix.as_bytes()].concat());
    prop_oneof![any_scheme, basic].prop_map(Bytes)
}

/// `name=value` pairs joined by `separator`.
fn pairs(
    names: &'static [&'static str],
    value: impl Strategy<Value = Vec<u8>>,
    separator: &'static [u8],
) -> impl Strategy<Value = Vec<u8>> {
    let pair =
        (select(names), value).prop_map(|(name, value)| [name.as_bytes(), b"=", &value].concat());
    vec(pair, 0..6).prop_map(move |pairs| pairs.join(separator))
}

/// A `Cookie` value: `name=value` pairs, some values quoted.
fn cookie() -> impl Strategy<Value = Bytes> {
    let value = (any::<bool>(), header_text()).prop_map(|(quoted, text)| {
        if quoted {
            [b"\"", &text[..], b"\""].concat()
        } else {
            text
        }
    });
    pairs(&["session", "SESSION", "other", ""], value, b"; ").prop_map(Bytes)
}

/// A query string whose bytes other than the syntax are percent-encoded.
fn query() -> impl Strategy<Value = Bytes> {
    let unit = prop_oneof![
        4 => any::<u8>().prop_map(|byte| {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                vec![byte]
            } else {
                format!("%{byte:02X}").into_bytes()
            }
        }),
        1 => select(&["+", "%", "%ZZ", "%e", "="][..]).prop_map(|word| word.as_bytes().to_vec()),
    ];
    let value = vec(unit, 0..12).prop_map(|units| units.concat());
    pairs(
        &["api_key", "API_KEY", "api%5Fkey", "other", ""],
        value,
        b"&",
    )
    .prop_map(Bytes)
}

/// A token form body: a complete password grant with extra fields, form fields with mostly
/// plausible values, or raw bytes.
fn form_body() -> impl Strategy<Value = Bytes> {
    let unit = prop_oneof![
        8 => (0x20u8..=0x7E).prop_map(|byte| vec![byte]),
        2 => any::<u8>().prop_map(|byte| format!("%{byte:02X}").into_bytes()),
        1 => any::<u8>().prop_map(|byte| vec![byte]),
    ];
    let text = vec(unit, 0..12).prop_map(|units| units.concat());
    let value = prop_oneof![1 => Just(b"password".to_vec()), 3 => text.clone()];
    let fields = &[
        "grant_type",
        "username",
        "password",
        "scope",
        "client_id",
        "client_secret",
        "other",
    ];
    let grant = (text.clone(), text, pairs(fields, value.clone(), b"&")).prop_map(
        |(username, password, extra)| {
            [
                b"grant_type=password&username=",
                &username[..],
                b"&password=",
                &password,
                b"&",
                &extra,
            ]
            .concat()
        },
    );
    prop_oneof![
        2 => grant,
        2 => pairs(fields, value, b"&"),
        1 => vec(any::<u8>(), 0..64),
    ]
    .prop_map(Bytes)
}

/// A request a property sends.
struct Request {
    method: &'static str,
    path: String,
    headers: Vec<(&'static str, Vec<u8>)>,
    body: Option<Vec<u8>>,
}

impl Request {
    fn get(path: impl Into<String>) -> Self {
        Self {
            method: "GET",
            path: path.into(),
            headers: Vec::new(),
            body: None,
        }
    }

    fn post_form(path: &str, body: &[u8]) -> Self {
        Self {
            method: "POST",
            path: path.to_owned(),
            headers: vec![(
                "Content-Type",
                b"application/x-www-form-urlencoded".to_vec(),
            )],
            body: Some(body.to_vec()),
        }
    }

    fn header(mut self, name: &'static str, value: &[u8]) -> Self {
        self.headers.push((name, value.to_vec()));
        self
    }

    async fn send(&self, server: &Server) -> Response {
        let headers: Vec<(&str, &[u8])> = self
            .headers
            .iter()
            .map(|(name, value)| (*name, value.as_slice()))
            .collect();
        server
            .send(self.method, &self.path, &headers, self.body.as_deref())
            .await
    }
}

/// Fails the case unless the answer is a success, or a client error whose body is JSON with a
/// `detail`.
fn assert_handled(request: &Request, response: &Response) -> Result<(), TestCaseError> {
    let answer = format!(
        "{} {} answered {}: {}",
        request.method,
        request.path,
        response.status,
        String::from_utf8_lossy(&response.body)
    );
    prop_assert!(
        (200..300).contains(&response.status) || (400..500).contains(&response.status),
        "{}",
        answer
    );
    if response.status >= 400 {
        let body: Value = serde_json::from_slice(&response.body)
            .map_err(|_| TestCaseError::fail(format!("not JSON: {answer}")))?;
        prop_assert!(body.get("detail").is_some(), "no detail: {}", answer);
    }
    Ok(())
}

/// Serves ex6 once on one runtime, then, for each generated value, sends the requests
/// `requests` makes of it and asserts that each is handled.
fn assert_always_handled<S>(values: S, requests: impl Fn(&[u8]) -> Vec<Request>)
where
    S: Strategy<Value = Bytes>,
{
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    let server = runtime.block_on(Server::start(all_schemes::app()));
    proptest!(ProptestConfig::with_cases(CASES), |(value in values)| {
        for request in requests(&value.0) {
            let response = runtime.block_on(request.send(&server));
            assert_handled(&request, &response)?;
        }
    });
}

#[test]
fn any_authorization_header_is_handled_by_every_scheme() {
    assert_always_handled(authorization(), |value| {
        ["/basic", "/bearer", "/digest", "/oauth2/password", "/oidc"]
            .into_iter()
            .map(|path| Request::get(path).header("Authorization", value))
            .collect()
    });
}

#[test]
fn any_api_key_header_is_handled() {
    assert_always_handled(header_text().prop_map(Bytes), |value| {
        vec![Request::get("/apikey/header").header("X-API-Key", value)]
    });
}

#[test]
fn any_cookie_header_is_handled() {
    assert_always_handled(cookie(), |value| {
        vec![Request::get("/apikey/cookie").header("Cookie", value)]
    });
}

#[test]
fn any_escaped_query_string_is_handled() {
    assert_always_handled(query(), |value| {
        // Every byte outside the query syntax is escaped, so the value is ASCII.
        let query = String::from_utf8_lossy(value);
        vec![Request::get(format!("/apikey/query?{query}"))]
    });
}

#[test]
fn any_token_form_body_is_handled() {
    assert_always_handled(form_body(), |value| {
        ["/token", "/token-strict"]
            .into_iter()
            .map(|path| Request::post_form(path, value))
            .collect()
    });
}
