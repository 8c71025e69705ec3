//! ex1: an API key in a header, validated by a dependency (403 on a wrong key).
//!
//! `cargo run --example api_key`, then
//! `curl -H 'X-API-Key: secret-key' http://127.0.0.1:8000/secure-data`.

use axum::Json;
use secured::routing::get;
use secured::{dependency, scheme, secured, ApiKeyHeader, Credential, HttpError};
use serde_json::{json, Value};

#[scheme]
const API_KEY_HEADER: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

#[dependency]
fn get_api_key(#[security(API_KEY_HEADER)] api_key: Credential) -> Result<Credential, HttpError> {
    if !secured::compare_digest(&*api_key, "secret-key") {
        return Err(HttpError::forbidden("Could not validate API key"));
    }
    Ok(api_key)
}

#[secured]
fn secure_data(#[security(get_api_key)] api_key: Credential) -> Json<Value> {
    Json(json!({"message": "Access granted", "api_key": api_key}))
}

/// The application, for `main` and for the HTTP-level tests.
pub fn app() -> axum::Router {
    secured::Router::new()
        .route("/secure-data", get(secure_data))
        .into_router()
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "8000".to_owned());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    axum::serve(listener, app()).await
}
