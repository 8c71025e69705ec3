//! ex4: HTTP Basic authentication with a constant-time comparison.
//!
//! `cargo run --example http_basic`, then
//! `curl -u admin:secret http://127.0.0.1:8000/basic-auth`.

use axum::Json;
use secured::http::{header, HeaderValue};
use secured::routing::get;
use secured::{
    compare_digest, dependency, scheme, secured, HttpBasic, HttpBasicCredentials, HttpError,
};
use serde_json::{json, Value};

#[scheme]
const SECURITY: HttpBasic = HttpBasic::new();

#[dependency]
fn get_current_username(
    #[security(SECURITY)] credentials: HttpBasicCredentials,
) -> Result<String, HttpError> {
    // Both comparisons always run, so the time taken does not tell which one failed.
    let correct_username = compare_digest(&credentials.username, "admin");
    let correct_password = compare_digest(&*credentials.password, "secret");
    if !(correct_username & correct_password) {
        return Err(HttpError::unauthorized("Incorrect username or password")
            .header(header::WWW_AUTHENTICATE, HeaderValue::from_static("Basic")));
    }
    Ok(credentials.username)
}

#[secured]
fn basic_auth(#[security(get_current_username)] username: String) -> Json<Value> {
    Json(json!({"message": format!("Hello, {username}")}))
}

/// The application, for `main` and for the HTTP-level tests.
pub fn app() -> axum::Router {
    secured::Router::new()
        .route("/basic-auth", get(basic_auth))
        .into_router()
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "8000".to_owned());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    axum::serve(listener, app()).await
}
