//! Dependencies that await: an async dependency using a scheme, and sync dependencies above it,
//! which then resolve through futures too, and an async dependency that borrows its credential,
//! served on loopback. (The examples' dependencies are
//! all sync and resolve without a future.)

mod support;

use axum::Json;
use secured::routing::get;
use secured::{
    dependency, scheme, secured, Credential, HttpError, OAuth2PasswordBearer, SecurityScopes,
};
use serde_json::{json, Value};
use support::{not_authenticated, Server};

#[scheme]
const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token")
    .scopes(&[("me", "Read your profile"), ("items", "Read items")]);

/// Looks the token up as a database would: the future is pending once before it answers.
#[dependency]
async fn load_user(
    #[security(OAUTH2)] token: Credential,
    scopes: SecurityScopes,
) -> Result<String, HttpError> {
    tokio::task::yield_now().await;
    match &*token {
        "alice-token" => Ok(format!("alice ({})", scopes.scope_str())),
        _ => Err(HttpError::unauthorized("Invalid token")),
    }
}

/// Holds its token borrowed from the request across an `.await`.
#[dependency]
async fn check_token(#[security(OAUTH2)] token: &str) -> Result<String, HttpError> {
    tokio::task::yield_now().await;
    match token {
        "alice-token" => Ok("alice".to_owned()),
        _ => Err(HttpError::unauthorized("Invalid token")),
    }
}

/// A sync dependency on the async one.
#[dependency]
fn profile(#[security(load_user, scopes = ["me"])] user: String) -> String {
    format!("profile of {user}")
}

#[secured]
async fn direct(#[security(load_user, scopes = ["items"])] user: String) -> Json<Value> {
    Json(json!({"user": user}))
}

#[secured]
fn nested(
    #[security(OAUTH2)] token: Credential,
    #[security(profile, scopes = ["items"])] profile: String,
) -> Json<Value> {
    Json(json!({"token": token, "profile": profile}))
}

#[secured]
fn borrowed(#[security(check_token)] user: String) -> Json<Value> {
    Json(json!({"user": user}))
}

fn app() -> axum::Router {
    secured::Router::new()
        .route("/direct", get(direct))
        .route("/borrowed", get(borrowed))
        .route("/nested", get(nested))
        .into_router()
}

#[tokio::test]
async fn async_dependency_resolves_its_scheme_and_scopes() {
    let server = Server::start(app()).await;
    let response = server
        .get("/direct", &[("Authorization", "Bearer alice-token")])
        .await;
    response.assert(200, None, json!({"user": "alice (items)"}));
}

#[tokio::test]
async fn sync_dependency_above_an_async_one_sees_its_output() {
    let server = Server::start(app()).await;
    let response = server
        .get("/nested", &[("Authorization", "Bearer alice-token")])
        .await;
    response.assert(
        200,
        None,
        json!({"token": "alice-token", "profile": "profile of alice (items me)"}),
    );
}

#[tokio::test]
async fn async_dependency_holds_a_borrowed_credential_across_an_await() {
    let server = Server::start(app()).await;
    let response = server
        .get("/borrowed", &[("Authorization", "Bearer alice-token")])
        .await;
    response.assert(200, None, json!({"user": "alice"}));
}

#[tokio::test]
async fn failures_below_an_async_dependency_are_the_answer() {
    let server = Server::start(app()).await;
    for path in ["/direct", "/nested", "/borrowed"] {
        let missing = server.get(path, &[]).await;
        missing.assert(401, Some("Bearer"), not_authenticated());
        let wrong = server
            .get(path, &[("Authorization", "Bearer mallory-token")])
            .await;
        wrong.assert(401, None, json!({"detail": "Invalid token"}));
    }
}
