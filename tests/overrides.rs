//! `DependencyOverrides`, FastAPI's `app.dependency_overrides`: stand-ins for a dependency or a
//! scheme in one router, served on loopback.

mod support;

use axum::Json;
use secured::routing::get;
use secured::{
    dependency, scheme, secured, Credential, DependencyOverrides, HttpError, OAuth2PasswordBearer,
    SecurityScopes,
};
use serde_json::{json, Value};
use support::{not_authenticated, Server};

#[scheme]
const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token")
    .scopes(&[("me", "Read your profile"), ("items", "Read items")]);

/// The user a token belongs to.
fn user_of(token: &str) -> Result<String, HttpError> {
    match token {
        "alice-token" => Ok("alice".to_owned()),
        _ => Err(HttpError::unauthorized("Invalid token")),
    }
}

#[dependency]
fn current_user(#[security(OAUTH2)] token: Credential) -> Result<String, HttpError> {
    user_of(&token)
}

/// Borrows the token: with overrides installed, it borrows the credential resolved owned,
/// a stand-in's or the request's.
#[dependency]
fn borrowing_user(#[security(OAUTH2)] token: &str) -> Result<String, HttpError> {
    user_of(token)
}

#[secured]
fn me(#[security(current_user, scopes = ["me", "items"])] user: String) -> Json<Value> {
    Json(json!({"user": user}))
}

#[secured]
fn borrowed(#[security(borrowing_user)] user: String) -> Json<Value> {
    Json(json!({"user": user}))
}

fn app(overrides: DependencyOverrides) -> axum::Router {
    secured::Router::new()
        .route("/me", get(me))
        .route("/borrowed", get(borrowed))
        .dependency_overrides(overrides)
        .into_router()
}

#[tokio::test]
async fn dependency_stand_in_answers_without_credentials() {
    let overrides = DependencyOverrides::new().set::<current_user>(|_: SecurityScopes| async {
        Ok::<_, HttpError>("stand-in".to_owned())
    });
    let server = Server::start(app(overrides)).await;
    let response = server.get("/me", &[]).await;
    response.assert(200, None, json!({"user": "stand-in"}));
}

#[tokio::test]
async fn stand_in_receives_the_accumulated_security_scopes() {
    let overrides =
        DependencyOverrides::new().set::<current_user>(|scopes: SecurityScopes| async move {
            Ok::<_, HttpError>(scopes.scope_str())
        });
    let server = Server::start(app(overrides)).await;
    let response = server.get("/me", &[]).await;
    response.assert(200, None, json!({"user": "me items"}));
}

#[tokio::test]
async fn stand_in_error_is_the_answer() {
    let overrides = DependencyOverrides::new().set::<current_user>(|_: SecurityScopes| async {
        Err::<String, _>(HttpError::forbidden("Stand-in refuses"))
    });
    let server = Server::start(app(overrides)).await;
    let response = server.get("/me", &[]).await;
    response.assert(403, None, json!({"detail": "Stand-in refuses"}));
}

#[tokio::test]
async fn router_without_overrides_keeps_the_real_dependency() {
    let overrides = DependencyOverrides::new().set::<current_user>(|_: SecurityScopes| async {
        Ok::<_, HttpError>("stand-in".to_owned())
    });
    let overridden = Server::start(app(overrides)).await;
    let real = Server::start(app(DependencyOverrides::new())).await;

    overridden
        .get("/me", &[])
        .await
        .assert(200, None, json!({"user": "stand-in"}));
    answers_as_the_real_dependency(&real, "/me").await;
    answers_as_the_real_dependency(&real, "/borrowed").await;
}

/// `path` of `server` runs the real `user_of`: no token, alice's, and an unknown one.
async fn answers_as_the_real_dependency(server: &Server, path: &str) {
    let response = server.get(path, &[]).await;
    response.assert(401, Some("Bearer"), not_authenticated());
    let response = server
        .get(path, &[("Authorization", "Bearer alice-token")])
        .await;
    response.assert(200, None, json!({"user": "alice"}));
    let response = server
        .get(path, &[("Authorization", "Bearer mallory-token")])
        .await;
    response.assert(401, None, json!({"detail": "Invalid token"}));
}

#[tokio::test]
async fn scheme_stand_in_feeds_the_real_dependencies() {
    let overrides = DependencyOverrides::new().set::<OAUTH2>(|_: SecurityScopes| async {
        Ok::<_, HttpError>(Credential::new("alice-token"))
    });
    let server = Server::start(app(overrides)).await;
    // The borrowing dependency borrows the stand-in's credential.
    for path in ["/me", "/borrowed"] {
        let response = server.get(path, &[]).await;
        response.assert(200, None, json!({"user": "alice"}));
    }
}
