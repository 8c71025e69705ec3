//! `SecurityScopes` accumulated along chains of dependencies (REFERENCE.md §4, §7), through
//! ex6's `/scopes/*` routes served on loopback. The bearer token is echoed by the innermost
//! dependency; `/scopes/check` reads it as the comma-separated list of granted scopes.

mod support;

#[path = "../examples/all_schemes.rs"]
#[allow(dead_code, unreachable_pub)]
mod all_schemes;

use serde_json::json;
use support::{not_authenticated, Server};

#[tokio::test]
async fn nested_dependencies_see_their_parents_scopes_first() {
    let server = Server::start(all_schemes::app()).await;
    let response = server
        .get("/scopes/nested", &[("Authorization", "Bearer tok")])
        .await;
    response.assert(
        200,
        None,
        json!({
            "scopes": [], "scope_str": "",
            "inner": {
                "scopes": ["me"], "scope_str": "me",
                "inner": {
                    "scopes": ["me", "admin"], "scope_str": "me admin",
                    "inner": {
                        "scopes": ["me", "admin", "write"], "scope_str": "me admin write",
                        "token": "tok",
                    },
                },
            },
        }),
    );
}

#[tokio::test]
async fn duplicated_scopes_are_removed_consistently_at_every_level() {
    let server = Server::start(all_schemes::app()).await;
    let response = server
        .get("/scopes/dup", &[("Authorization", "Bearer tok")])
        .await;
    response.assert(
        200,
        None,
        json!({"inner": {
            "scopes": ["items", "me"], "scope_str": "items me",
            "inner": {"scopes": ["items", "me"], "scope_str": "items me", "token": "tok"},
        }}),
    );
}

#[tokio::test]
async fn sibling_uses_of_one_dependency_each_see_their_own_scopes() {
    let server = Server::start(all_schemes::app()).await;
    let response = server
        .get("/scopes/siblings", &[("Authorization", "Bearer tok")])
        .await;
    response.assert(
        200,
        None,
        json!({
            "a": {"scopes": ["me"], "scope_str": "me", "token": "tok"},
            "b": {"scopes": ["items"], "scope_str": "items", "token": "tok"},
        }),
    );
}

#[tokio::test]
async fn token_granting_every_required_scope_passes_the_check() {
    let server = Server::start(all_schemes::app()).await;
    let cases = [
        ("me,items", json!(["me", "items"])),
        ("items,me", json!(["items", "me"])),
        ("me,items,admin", json!(["me", "items", "admin"])),
    ];
    for (granted, granted_json) in cases {
        let authorization = format!("Bearer {granted}");
        let response = server
            .get("/scopes/check", &[("Authorization", &authorization)])
            .await;
        response.assert(
            200,
            None,
            json!({"granted": granted_json, "required": ["items", "me"]}),
        );
    }
}

#[tokio::test]
async fn token_missing_a_required_scope_is_401_with_the_required_scopes_in_the_challenge() {
    let server = Server::start(all_schemes::app()).await;
    for granted in ["me", "items", "admin"] {
        let authorization = format!("Bearer {granted}");
        let response = server
            .get("/scopes/check", &[("Authorization", &authorization)])
            .await;
        response.assert(
            401,
            Some(r#"Bearer scope="items me""#),
            json!({"detail": "Not enough permissions"}),
        );
    }
}

#[tokio::test]
async fn missing_token_is_the_schemes_401_before_any_scope_check() {
    let server = Server::start(all_schemes::app()).await;
    for path in [
        "/scopes/nested",
        "/scopes/dup",
        "/scopes/siblings",
        "/scopes/check",
    ] {
        let response = server.get(path, &[]).await;
        response.assert(401, Some("Bearer"), not_authenticated());
        for authorization in ["Bearer", "Token me,items"] {
            let response = server.get(path, &[("Authorization", authorization)]).await;
            response.assert(401, Some("Bearer"), not_authenticated());
        }
    }
}
