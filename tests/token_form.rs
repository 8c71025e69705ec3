//! The token request forms, `OAuth2PasswordRequestForm` and `OAuth2PasswordRequestFormStrict`
//! (REFERENCE.md §5, §7), through ex6's `POST /token` and `POST /token-strict`, which echo the
//! form they read, served on loopback.

mod support;

#[path = "../examples/all_schemes.rs"]
#[allow(dead_code, unreachable_pub)]
mod all_schemes;

use serde_json::{json, Value};
use support::Server;

const FORM: &str = "application/x-www-form-urlencoded";

/// Both token endpoints: the lenient form and the strict one.
const ENDPOINTS: [&str; 2] = ["/token", "/token-strict"];

/// The echo of a form with `grant_type=password`, these credentials and nothing else.
fn echoed(username: &str, password: &str) -> Value {
    json!({
        "grant_type": "password",
        "username": username,
        "password": password,
        "scopes": [],
        "client_id": null,
        "client_secret": null,
    })
}

fn missing(field: &str) -> Value {
    json!({"type": "missing", "loc": ["body", field], "msg": "Field required", "input": null})
}

fn pattern_mismatch(input: &str) -> Value {
    json!({
        "type": "string_pattern_mismatch",
        "loc": ["body", "grant_type"],
        "msg": "String should match pattern '^password$'",
        "input": input,
        "ctx": {"pattern": "^password$"},
    })
}

#[tokio::test]
async fn password_form_is_read_into_its_fields() {
    let server = Server::start(all_schemes::app()).await;
    let body = "grant_type=password&username=alice&password=secret&scope=me%20items\
                &client_id=cid&client_secret=csecret";
    let mut expected = echoed("alice", "secret");
    expected["scopes"] = json!(["me", "items"]);
    expected["client_id"] = json!("cid");
    expected["client_secret"] = json!("csecret");
    for path in ENDPOINTS {
        let response = server.post(path, FORM, body.as_bytes()).await;
        response.assert(200, None, expected.clone());
    }
}

#[tokio::test]
async fn lenient_form_accepts_a_missing_grant_type() {
    let server = Server::start(all_schemes::app()).await;
    let mut expected = echoed("alice", "secret");
    expected["grant_type"] = Value::Null;
    for body in [
        "username=alice&password=secret",
        "grant_type=&username=alice&password=secret",
    ] {
        let response = server.post("/token", FORM, body.as_bytes()).await;
        response.assert(200, None, expected.clone());
    }
}

#[tokio::test]
async fn strict_form_requires_grant_type() {
    let server = Server::start(all_schemes::app()).await;
    for body in [
        "username=alice&password=secret",
        "grant_type=&username=alice&password=secret",
    ] {
        let response = server.post("/token-strict", FORM, body.as_bytes()).await;
        response.assert(422, None, json!({"detail": [missing("grant_type")]}));
    }
}

#[tokio::test]
async fn missing_username_or_password_is_422_for_that_field() {
    let server = Server::start(all_schemes::app()).await;
    let cases = [
        ("grant_type=password&password=secret", missing("username")),
        ("grant_type=password&username=alice", missing("password")),
    ];
    for path in ENDPOINTS {
        for (body, error) in &cases {
            let response = server.post(path, FORM, body.as_bytes()).await;
            response.assert(422, None, json!({ "detail": [error] }));
        }
    }
}

#[tokio::test]
async fn empty_username_or_password_counts_as_missing() {
    let server = Server::start(all_schemes::app()).await;
    let cases = [
        (
            "grant_type=password&username=&password=secret",
            missing("username"),
        ),
        (
            "grant_type=password&username=alice&password=",
            missing("password"),
        ),
    ];
    for path in ENDPOINTS {
        for (body, error) in &cases {
            let response = server.post(path, FORM, body.as_bytes()).await;
            response.assert(422, None, json!({ "detail": [error] }));
        }
    }
}

#[tokio::test]
async fn whitespace_username_is_not_empty() {
    let server = Server::start(all_schemes::app()).await;
    for path in ENDPOINTS {
        let body = "grant_type=password&username=%20&password=secret";
        let response = server.post(path, FORM, body.as_bytes()).await;
        response.assert(200, None, echoed(" ", "secret"));
    }
}

#[tokio::test]
async fn grant_type_other_than_password_is_a_pattern_mismatch() {
    let server = Server::start(all_schemes::app()).await;
    for path in ENDPOINTS {
        for grant_type in ["PASSWORD", "client_credentials"] {
            let body = format!("grant_type={grant_type}&username=alice&password=secret");
            let response = server.post(path, FORM, body.as_bytes()).await;
            response.assert(422, None, json!({"detail": [pattern_mismatch(grant_type)]}));
        }
    }
}

#[tokio::test]
async fn errors_are_listed_in_order_grant_type_username_password() {
    let server = Server::start(all_schemes::app()).await;
    for path in ENDPOINTS {
        let response = server.post(path, FORM, b"grant_type=PASSWORD").await;
        response.assert(
            422,
            None,
            json!({"detail": [pattern_mismatch("PASSWORD"), missing("username"), missing("password")]}),
        );
    }
    let response = server.post("/token", FORM, b"").await;
    response.assert(
        422,
        None,
        json!({"detail": [missing("username"), missing("password")]}),
    );
    let response = server.post("/token-strict", FORM, b"").await;
    response.assert(
        422,
        None,
        json!({"detail": [missing("grant_type"), missing("username"), missing("password")]}),
    );
}

#[tokio::test]
async fn scope_is_split_on_any_whitespace_with_duplicates_kept() {
    let server = Server::start(all_schemes::app()).await;
    let cases = [
        (
            "%20me%20%20items%09admin%0Aread%20",
            json!(["me", "items", "admin", "read"]),
        ),
        ("me+items", json!(["me", "items"])),
        ("me+me+items", json!(["me", "me", "items"])),
        ("", json!([])),
        ("%20%20", json!([])),
    ];
    for path in ENDPOINTS {
        for (scope, scopes) in &cases {
            let body = format!("grant_type=password&username=alice&password=secret&scope={scope}");
            let mut expected = echoed("alice", "secret");
            expected["scopes"] = scopes.clone();
            let response = server.post(path, FORM, body.as_bytes()).await;
            response.assert(200, None, expected);
        }
    }
}

#[tokio::test]
async fn repeated_field_takes_the_last_value() {
    let server = Server::start(all_schemes::app()).await;
    let cases = [
        (
            "grant_type=password&username=first&username=last&password=one&password=two",
            echoed("last", "two"),
        ),
        (
            "grant_type=PASSWORD&grant_type=password&username=alice&password=secret",
            echoed("alice", "secret"),
        ),
    ];
    for path in ENDPOINTS {
        for (body, expected) in &cases {
            let response = server.post(path, FORM, body.as_bytes()).await;
            response.assert(200, None, expected.clone());
        }
    }
}

#[tokio::test]
async fn values_are_percent_decoded_with_plus_as_space() {
    let server = Server::start(all_schemes::app()).await;
    let cases = [
        ("j%40doe%2Fx", "p%26ss%3D%25", echoed("j@doe/x", "p&ss=%")),
        ("john+doe", "a+b", echoed("john doe", "a b")),
        ("%ZZ", "secret", echoed("%ZZ", "secret")),
        ("j%C3%B6rg", "secret", echoed("jörg", "secret")),
        ("alice", "%FF", echoed("alice", "\u{fffd}")),
    ];
    for path in ENDPOINTS {
        for (username, password, expected) in &cases {
            let body = format!("grant_type=password&username={username}&password={password}");
            let response = server.post(path, FORM, body.as_bytes()).await;
            response.assert(200, None, expected.clone());
        }
    }
}

#[tokio::test]
async fn raw_non_ascii_body_bytes_are_read_as_latin1() {
    let server = Server::start(all_schemes::app()).await;
    let body = "grant_type=password&username=jörg&password=secret";
    for path in ENDPOINTS {
        let response = server.post(path, FORM, body.as_bytes()).await;
        response.assert(200, None, echoed("j\u{c3}\u{b6}rg", "secret"));
    }
}

#[tokio::test]
async fn empty_client_id_and_client_secret_are_null() {
    let server = Server::start(all_schemes::app()).await;
    let body = "grant_type=password&username=alice&password=secret&client_id=&client_secret=";
    for path in ENDPOINTS {
        let response = server.post(path, FORM, body.as_bytes()).await;
        response.assert(200, None, echoed("alice", "secret"));
    }
}

#[tokio::test]
async fn unknown_fields_are_ignored() {
    let server = Server::start(all_schemes::app()).await;
    let body = "grant_type=password&username=alice&password=secret&extra=1";
    for path in ENDPOINTS {
        let response = server.post(path, FORM, body.as_bytes()).await;
        response.assert(200, None, echoed("alice", "secret"));
    }
}

#[tokio::test]
async fn form_content_type_is_case_insensitive_and_may_carry_a_charset() {
    let server = Server::start(all_schemes::app()).await;
    let body = b"grant_type=password&username=alice&password=secret";
    for content_type in [
        "application/x-www-form-urlencoded; charset=utf-8",
        "APPLICATION/X-WWW-FORM-URLENCODED",
    ] {
        for path in ENDPOINTS {
            let response = server.post(path, content_type, body).await;
            response.assert(200, None, echoed("alice", "secret"));
        }
    }
}

#[tokio::test]
async fn body_that_is_not_url_encoded_has_no_fields() {
    let server = Server::start(all_schemes::app()).await;
    let form = b"grant_type=password&username=alice&password=secret";
    let json_body = br#"{"grant_type": "password", "username": "alice", "password": "secret"}"#;
    let requests: [(Option<&str>, &[u8]); 3] = [
        (Some("application/json"), json_body),
        (Some("text/plain"), form),
        (None, form),
    ];
    for (content_type, body) in requests {
        let headers: Vec<(&str, &[u8])> = content_type
            .map(|content_type| ("Content-Type", content_type.as_bytes()))
            .into_iter()
            .collect();
        let response = server.send("POST", "/token", &headers, Some(body)).await;
        response.assert(
            422,
            None,
            json!({"detail": [missing("username"), missing("password")]}),
        );
        let response = server
            .send("POST", "/token-strict", &headers, Some(body))
            .await;
        response.assert(
            422,
            None,
            json!({"detail": [missing("grant_type"), missing("username"), missing("password")]}),
        );
    }
}

#[tokio::test]
async fn multipart_token_request_is_refused() {
    let server = Server::start(all_schemes::app()).await;
    let body = "--b\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\npassword\r\n\
                --b\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nalice\r\n\
                --b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nsecret\r\n\
                --b--\r\n";
    let content_type = "multipart/form-data; boundary=b";
    let response = server.post("/token", content_type, body.as_bytes()).await;
    response.assert(
        422,
        None,
        json!({"detail": [missing("username"), missing("password")]}),
    );
    let response = server
        .post("/token-strict", content_type, body.as_bytes())
        .await;
    response.assert(
        422,
        None,
        json!({"detail": [missing("grant_type"), missing("username"), missing("password")]}),
    );
}

#[tokio::test]
async fn body_over_the_default_limit_is_413() {
    let server = Server::start(all_schemes::app()).await;
    // axum's default body limit is 2 MiB.
    let body = format!("username={}&password=secret", "a".repeat(2 * 1024 * 1024));
    for path in ENDPOINTS {
        let response = server.post(path, FORM, body.as_bytes()).await;
        response.assert(
            413,
            None,
            json!({"detail": "Failed to buffer the request body: length limit exceeded"}),
        );
    }
}
