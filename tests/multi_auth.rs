//! Several optional schemes on one route (REFERENCE.md §1), through ex5 (an API key or a bearer
//! token, checked by one dependency) and ex6's `/combined`, served on loopback.

mod support;

#[path = "../examples/all_schemes.rs"]
#[allow(dead_code, unreachable_pub)]
mod all_schemes;
#[path = "../examples/multi_auth.rs"]
#[allow(dead_code, unreachable_pub)]
mod multi_auth;

use serde_json::{json, Value};
use support::{not_authenticated, Server};

fn authenticated_by_api_key() -> Value {
    json!({"message": "Authenticated", "user": {"auth_method": "api_key", "user": "api_user"}})
}

fn authenticated_by_oauth2() -> Value {
    json!({"message": "Authenticated", "user": {"auth_method": "oauth2", "user": "oauth_user"}})
}

fn could_not_validate() -> Value {
    json!({"detail": "Could not validate credentials"})
}

// --- ex5: API key or bearer token --------------------------------------------------------------

#[tokio::test]
async fn ex5_valid_api_key_alone_authenticates() {
    let server = Server::start(multi_auth::app()).await;
    let response = server
        .get("/multi-auth", &[("X-API-Key", "secret-api-key")])
        .await;
    response.assert(200, None, authenticated_by_api_key());
}

#[tokio::test]
async fn ex5_valid_token_alone_authenticates() {
    let server = Server::start(multi_auth::app()).await;
    for authorization in ["Bearer secret-oauth-token", "bearer secret-oauth-token"] {
        let response = server
            .get("/multi-auth", &[("Authorization", authorization)])
            .await;
        response.assert(200, None, authenticated_by_oauth2());
    }
}

#[tokio::test]
async fn ex5_valid_api_key_is_checked_before_the_token() {
    let server = Server::start(multi_auth::app()).await;
    for authorization in ["Bearer secret-oauth-token", "Bearer wrong-token"] {
        let headers = [
            ("X-API-Key", "secret-api-key"),
            ("Authorization", authorization),
        ];
        let response = server.get("/multi-auth", &headers).await;
        response.assert(200, None, authenticated_by_api_key());
    }
}

#[tokio::test]
async fn ex5_wrong_api_key_falls_back_to_a_valid_token() {
    let server = Server::start(multi_auth::app()).await;
    let headers = [
        ("X-API-Key", "wrong-key"),
        ("Authorization", "Bearer secret-oauth-token"),
    ];
    let response = server.get("/multi-auth", &headers).await;
    response.assert(200, None, authenticated_by_oauth2());
}

#[tokio::test]
async fn ex5_non_utf8_api_key_is_absent_and_a_valid_token_authenticates() {
    let server = Server::start(multi_auth::app()).await;
    let headers: [(&str, &[u8]); 2] = [
        ("X-API-Key", b"\xff"),
        ("Authorization", b"Bearer secret-oauth-token"),
    ];
    let response = server.send("GET", "/multi-auth", &headers, None).await;
    response.assert(200, None, authenticated_by_oauth2());
}

#[tokio::test]
async fn ex5_both_wrong_is_401_from_the_dependency_without_challenge() {
    let server = Server::start(multi_auth::app()).await;
    let headers = [
        ("X-API-Key", "wrong-key"),
        ("Authorization", "Bearer wrong-token"),
    ];
    let response = server.get("/multi-auth", &headers).await;
    response.assert(401, None, could_not_validate());
}

#[tokio::test]
async fn ex5_neither_is_401_from_the_dependency_without_challenge() {
    let server = Server::start(multi_auth::app()).await;
    let response = server.get("/multi-auth", &[]).await;
    response.assert(401, None, could_not_validate());
    let headers = [("X-API-Key", ""), ("Authorization", "")];
    let response = server.get("/multi-auth", &headers).await;
    response.assert(401, None, could_not_validate());
}

#[tokio::test]
async fn ex5_unusable_authorization_is_no_token_for_the_dependency() {
    let server = Server::start(multi_auth::app()).await;
    for authorization in [
        "Token secret-oauth-token",
        "Bearer",
        "Bearer\tsecret-oauth-token",
    ] {
        let response = server
            .get("/multi-auth", &[("Authorization", authorization)])
            .await;
        response.assert(401, None, could_not_validate());
    }
}

// --- ex6: /combined, optional API key, bearer and basic ----------------------------------------

/// What `/combined` hands on: the API key, then the bearer scheme and credentials, then the
/// basic user name and password, each `None` when absent.
fn combined(
    api_key: Option<&str>,
    bearer: Option<(&str, &str)>,
    basic: Option<(&str, &str)>,
) -> Value {
    json!({
        "api_key": api_key,
        "bearer": bearer.map(|(scheme, credentials)| json!({"scheme": scheme, "credentials": credentials})),
        "basic": basic.map(|(username, password)| json!({"username": username, "password": password})),
    })
}

const BEARER_TOK: Option<(&str, &str)> = Some(("Bearer", "tok"));
const BASIC_USER: Option<(&str, &str)> = Some(("user", "pass"));

#[tokio::test]
async fn combined_without_credentials_hands_on_nothing() {
    let server = Server::start(all_schemes::app()).await;
    let response = server.get("/combined", &[]).await;
    response.assert(200, None, combined(None, None, None));
}

#[tokio::test]
async fn combined_hands_on_each_scheme_alone() {
    let server = Server::start(all_schemes::app()).await;
    let cases = [
        (("X-API-Key", "k1"), combined(Some("k1"), None, None)),
        (
            ("Authorization", "Bearer tok"),
            combined(None, BEARER_TOK, None),
        ),
        (
            ("Authorization", "Basic dXNlcjpwYXNz"),
            combined(None, None, BASIC_USER),
        ),
    ];
    for (header, body) in cases {
        let response = server.get("/combined", &[header]).await;
        response.assert(200, None, body);
    }
}

#[tokio::test]
async fn combined_hands_on_an_api_key_beside_either_authorization_scheme() {
    let server = Server::start(all_schemes::app()).await;
    let cases = [
        ("Bearer tok", combined(Some("k1"), BEARER_TOK, None)),
        ("Basic dXNlcjpwYXNz", combined(Some("k1"), None, BASIC_USER)),
        ("Token tok", combined(Some("k1"), None, None)),
    ];
    for (authorization, body) in cases {
        let headers = [("X-API-Key", "k1"), ("Authorization", authorization)];
        let response = server.get("/combined", &headers).await;
        response.assert(200, None, body);
    }
}

#[tokio::test]
async fn combined_first_authorization_header_decides_between_bearer_and_basic() {
    let server = Server::start(all_schemes::app()).await;
    let cases = [
        (
            ["Bearer tok", "Basic dXNlcjpwYXNz"],
            combined(None, BEARER_TOK, None),
        ),
        (
            ["Basic dXNlcjpwYXNz", "Bearer tok"],
            combined(None, None, BASIC_USER),
        ),
    ];
    for ([first, second], body) in cases {
        let headers = [("Authorization", first), ("Authorization", second)];
        let response = server.get("/combined", &headers).await;
        response.assert(200, None, body);
    }
}

#[tokio::test]
async fn combined_empty_api_key_or_bare_bearer_is_absent() {
    let server = Server::start(all_schemes::app()).await;
    let headers = [("X-API-Key", ""), ("Authorization", "Bearer tok")];
    let response = server.get("/combined", &headers).await;
    response.assert(200, None, combined(None, BEARER_TOK, None));
    let response = server
        .get("/combined", &[("Authorization", "Bearer")])
        .await;
    response.assert(200, None, combined(None, None, None));
}

#[tokio::test]
async fn combined_undecodable_basic_is_401_despite_a_valid_api_key() {
    let server = Server::start(all_schemes::app()).await;
    let challenge = Some(r#"Basic realm="optional realm""#);
    let headers = [("X-API-Key", "k1"), ("Authorization", "Basic dXNlcjpwYXN")];
    let response = server.get("/combined", &headers).await;
    response.assert(401, challenge, not_authenticated());
    let response = server.get("/combined", &[("Authorization", "Basic")]).await;
    response.assert(401, challenge, not_authenticated());
}

#[tokio::test]
async fn combined_non_utf8_authorization_is_absent_for_every_scheme() {
    let server = Server::start(all_schemes::app()).await;
    let response = server.get_authorized("/combined", &[b"Basic \xff"]).await;
    response.assert(200, None, combined(None, None, None));
}
