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

/// The user a token belongs to, looked up as a database would: the future is pending once
/// before it answers.
async fn look_up(token: &str) -> Result<&'static str, HttpError> {
    tokio::task::yield_now().await;
    match token {
        "alice-token" => Ok("alice"),
        _ => Err(HttpError::unauthorized("Invalid token")),
    }
}

#[dependency]
async fn load_user(
    #[security(OAUTH2)] token: Credential,
    scopes: SecurityScopes,
) -> Result<String, HttpError> {
    let user = look_up(&token).await?;
    Ok(format!("{user} ({})", scopes.scope_str()))
}

/// Holds its token borrowed from the request across an `.await`.
#[dependency]
async fn check_token(#[security(OAUTH2)] token: &str) -> Result<String, HttpError> {
    Ok(look_up(token).await?.to_owned())
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
async fn async_dependencies_answer_with_their_scopes_and_credentials() {
    let server = Server::start(app()).await;
    let cases = [
        // The async dependency resolves its scheme and its use's scopes.
        ("/direct", json!({"user": "alice (items)"})),
        // A sync dependency above it sees its output, and the scopes of both uses.
        (
            "/nested",
            json!({"token": "alice-token", "profile": "profile of alice (items me)"}),
        ),
        // A credential borrowed from the request, held across an `.await`.
        ("/borrowed", json!({"user": "alice"})),
    ];
    for (path, body) in cases {
        let response = server
            .get(path, &[("Authorization", "Bearer alice-token")])
            .await;
        response.assert(200, None, body);
    }
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
