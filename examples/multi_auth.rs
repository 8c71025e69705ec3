//! ex5: an API key or a bearer token, both optional, combined in one dependency.
//!
//! `cargo run --example multi_auth`, then
//! `curl -H 'X-API-Key: secret-api-key' http://127.0.0.1:8000/multi-auth`.

use axum::Json;
use secured::routing::get;
use secured::{dependency, scheme, secured, ApiKeyHeader, HttpError, OAuth2PasswordBearer};
use serde::Serialize;
use serde_json::{json, Value};

#[scheme]
const API_KEY_HEADER: ApiKeyHeader = ApiKeyHeader::new("X-API-Key").auto_error(false);

#[scheme]
const OAUTH2_SCHEME: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token").auto_error(false);

#[derive(Serialize)]
struct User {
    auth_method: &'static str,
    user: &'static str,
}

#[dependency]
fn get_current_user(
    #[security(API_KEY_HEADER)] api_key: Option<&str>,
    #[security(OAUTH2_SCHEME)] token: Option<&str>,
) -> Result<User, HttpError> {
    if api_key == Some("secret-api-key") {
        return Ok(User {
            auth_method: "api_key",
            user: "api_user",
        });
    }
    if token == Some("secret-oauth-token") {
        return Ok(User {
            auth_method: "oauth2",
            user: "oauth_user",
        });
    }
    Err(HttpError::unauthorized("Could not validate credentials"))
}

#[secured]
fn multi_auth(#[security(get_current_user)] current_user: User) -> Json<Value> {
    Json(json!({"message": "Authenticated", "user": current_user}))
}

/// The application, for `main` and for the HTTP-level tests.
pub fn app() -> axum::Router {
    secured::Router::new()
        .route("/multi-auth", get(multi_auth))
        .into_router()
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "8000".to_owned());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    axum::serve(listener, app()).await
}
