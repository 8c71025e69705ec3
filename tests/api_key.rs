//! API keys in a header, a query parameter and a cookie (REFERENCE.md §1, §2), through ex1 and
//! ex6 served on loopback.

mod support;

#[path = "../examples/all_schemes.rs"]
#[allow(dead_code, unreachable_pub)]
mod all_schemes;
#[path = "../examples/api_key.rs"]
#[allow(dead_code, unreachable_pub)]
mod api_key;

use serde_json::json;
use support::{not_authenticated, Server};

#[tokio::test]
async fn valid_api_key_is_handed_to_the_dependency() {
    let server = Server::start(api_key::app()).await;
    let response = server
        .get("/secure-data", &[("X-API-Key", "secret-key")])
        .await;
    response.assert(
        200,
        None,
        json!({"message": "Access granted", "api_key": "secret-key"}),
    );
}

#[tokio::test]
async fn wrong_api_key_is_403_from_the_dependency_without_challenge() {
    let server = Server::start(api_key::app()).await;
    let response = server
        .get("/secure-data", &[("X-API-Key", "wrong-key")])
        .await;
    response.assert(403, None, json!({"detail": "Could not validate API key"}));
}

#[tokio::test]
async fn missing_api_key_header_is_401_with_apikey_challenge() {
    let server = Server::start(api_key::app()).await;
    let response = server.get("/secure-data", &[]).await;
    response.assert(401, Some("APIKey"), not_authenticated());
}

#[tokio::test]
async fn blank_api_key_header_is_missing() {
    let server = Server::start(all_schemes::app()).await;
    for blank in ["", "   "] {
        let response = server.get("/apikey/header", &[("X-API-Key", blank)]).await;
        response.assert(401, Some("APIKey"), not_authenticated());
    }
}

#[tokio::test]
async fn api_key_header_name_is_case_insensitive_and_value_trimmed() {
    let server = Server::start(all_schemes::app()).await;
    let response = server
        .get("/apikey/header", &[("x-api-key", "  a\tb c  ")])
        .await;
    response.assert(200, None, json!({"api_key": "a\tb c"}));
}

#[tokio::test]
async fn first_api_key_header_wins() {
    let server = Server::start(all_schemes::app()).await;
    let response = server
        .get(
            "/apikey/header",
            &[("X-API-Key", "first"), ("X-API-Key", "second")],
        )
        .await;
    response.assert(200, None, json!({"api_key": "first"}));
}

#[tokio::test]
async fn non_utf8_api_key_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    let headers: [(&str, &[u8]); 1] = [("X-API-Key", b"caf\xe9")];
    let response = server.send("GET", "/apikey/header", &headers, None).await;
    response.assert(401, Some("APIKey"), not_authenticated());
    let response = server
        .send("GET", "/apikey/header-optional", &headers, None)
        .await;
    response.assert(200, None, json!({"api_key": null}));
}

#[tokio::test]
async fn utf8_api_key_is_decoded_as_utf8() {
    let server = Server::start(all_schemes::app()).await;
    let response = server.get("/apikey/header", &[("X-API-Key", "clé")]).await;
    response.assert(200, None, json!({"api_key": "clé"}));
}

#[tokio::test]
async fn eight_kilobyte_api_key_is_accepted() {
    let server = Server::start(all_schemes::app()).await;
    let key = "k".repeat(8192);
    let response = server.get("/apikey/header", &[("X-API-Key", &key)]).await;
    response.assert(200, None, json!({"api_key": key}));
}

#[tokio::test]
async fn optional_api_key_header_hands_on_null_when_missing() {
    let server = Server::start(all_schemes::app()).await;
    let response = server.get("/apikey/header-optional", &[]).await;
    response.assert(200, None, json!({"api_key": null}));
    let response = server
        .get("/apikey/header-optional", &[("X-API-Key", "k")])
        .await;
    response.assert(200, None, json!({"api_key": "k"}));
}

#[tokio::test]
async fn query_key_last_occurrence_wins_and_is_percent_decoded() {
    let server = Server::start(all_schemes::app()).await;
    let cases = [
        ("/apikey/query?api_key=a&api_key=b", json!("b")),
        ("/apikey/query?api_key=a+b%20c", json!("a b c")),
        ("/apikey/query?api_key=%ZZ", json!("%ZZ")),
        ("/apikey/query?api%5Fkey=named", json!("named")),
        ("/apikey/query?api_key=+", json!(" ")),
    ];
    for (path, key) in cases {
        let response = server.get(path, &[]).await;
        response.assert(200, None, json!({"api_key": key}));
    }
}

#[tokio::test]
async fn query_key_absent_or_empty_is_missing() {
    let server = Server::start(all_schemes::app()).await;
    for path in [
        "/apikey/query",
        "/apikey/query?api_key=",
        "/apikey/query?api_key",
        "/apikey/query?API_KEY=x",
        "/apikey/query?api_key=x&api_key=",
    ] {
        let response = server.get(path, &[]).await;
        response.assert(401, Some("APIKey"), not_authenticated());
    }
    let response = server.get("/apikey/query-optional?api_key=", &[]).await;
    response.assert(200, None, json!({"api_key": null}));
}

#[tokio::test]
async fn cookie_key_is_read_across_cookie_headers_last_wins() {
    let server = Server::start(all_schemes::app()).await;
    let response = server
        .get(
            "/apikey/cookie",
            &[("Cookie", "session=a; other=x"), ("Cookie", "session=b")],
        )
        .await;
    response.assert(200, None, json!({"api_key": "b"}));
}

#[tokio::test]
async fn cookie_key_is_trimmed_and_unquoted_but_not_decoded() {
    let server = Server::start(all_schemes::app()).await;
    let cases = [
        ("a=1;  session = tok ;b=2", "tok"),
        ("session=\"quoted\"", "quoted"),
        ("session=\"a\\054b\"", "a\\054b"),
        ("session=a%20b", "a%20b"),
    ];
    for (cookie, key) in cases {
        let response = server.get("/apikey/cookie", &[("Cookie", cookie)]).await;
        response.assert(200, None, json!({"api_key": key}));
    }
}

#[tokio::test]
async fn cookie_key_absent_empty_or_bare_is_missing() {
    let server = Server::start(all_schemes::app()).await;
    for cookie in [
        "other=x",
        "session=",
        "session",
        "SESSION=x",
        "session=\"\"",
    ] {
        let response = server.get("/apikey/cookie", &[("Cookie", cookie)]).await;
        response.assert(401, Some("APIKey"), not_authenticated());
    }
    let response = server
        .get("/apikey/cookie-optional", &[("Cookie", "session=")])
        .await;
    response.assert(200, None, json!({"api_key": null}));
}
