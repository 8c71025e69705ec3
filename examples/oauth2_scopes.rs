//! ex3: OAuth2 scopes: `/users/me` needs `me`, `/items/` needs `items`.
//!
//! `cargo run --example oauth2_scopes`, then
//! `curl -H 'Authorization: Bearer fake-token' http://127.0.0.1:8000/items/`.

use axum::Json;
use secured::routing::get;
use secured::{dependency, scheme, secured, HttpError, OAuth2PasswordBearer, SecurityScopes};
use serde::Serialize;
use serde_json::{json, Value};

#[scheme]
const OAUTH2_SCHEME: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token").scopes(&[
    ("me", "Read information about the current user"),
    ("items", "Access items"),
]);

#[derive(Serialize)]
struct User {
    username: &'static str,
    scopes: Vec<&'static str>,
}

#[dependency]
fn get_current_user(
    security_scopes: SecurityScopes,
    #[security(OAUTH2_SCHEME)] token: &str,
) -> Result<User, HttpError> {
    if token != "fake-token" {
        return Err(HttpError::unauthorized("Invalid token"));
    }
    // In a real app, decode the token and read its scopes.
    let token_scopes = vec!["me"];
    if !security_scopes
        .scopes
        .iter()
        .all(|scope| token_scopes.contains(scope))
    {
        return Err(HttpError::unauthorized("Not enough permissions"));
    }
    Ok(User {
        username: "john.doe",
        scopes: token_scopes,
    })
}

#[secured]
fn read_users_me(#[security(get_current_user, scopes = ["me"])] current_user: User) -> Json<User> {
    Json(current_user)
}

#[secured]
fn read_items(#[security(get_current_user, scopes = ["items"])] current_user: User) -> Json<Value> {
    Json(json!({"item": "Secure item", "user": current_user}))
}

/// The routes with their declarations, for the OpenAPI tests.
pub fn router() -> secured::Router {
    secured::Router::new()
        .route("/users/me", get(read_users_me))
        .route("/items/", get(read_items))
}

/// The application, for `main` and for the HTTP-level tests.
pub fn app() -> axum::Router {
    router().into_router()
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "8000".to_owned());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    axum::serve(listener, app()).await
}
