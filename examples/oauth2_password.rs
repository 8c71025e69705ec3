//! ex2: OAuth2 password bearer: `POST /token` takes the form, `GET /users/me` the token.
//!
//! `cargo run --example oauth2_password`, then
//! `curl -H 'Authorization: Bearer fake-token' http://127.0.0.1:8000/users/me`.

use axum::Json;
use secured::routing::{get, post};
use secured::{
    dependency, scheme, secured, Credential, HttpError, OAuth2PasswordBearer,
    OAuth2PasswordRequestForm,
};
use serde::Serialize;
use serde_json::{json, Value};

#[scheme]
const OAUTH2_SCHEME: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token");

#[derive(Serialize)]
struct User {
    username: &'static str,
}

#[dependency]
fn get_current_user(#[security(OAUTH2_SCHEME)] token: Credential) -> Result<User, HttpError> {
    if &*token != "fake-token" {
        return Err(HttpError::unauthorized(
            "Invalid authentication credentials",
        ));
    }
    Ok(User {
        username: "john.doe",
    })
}

/// In a real application, authenticate the user and issue a token.
#[secured]
fn login(_form_data: OAuth2PasswordRequestForm) -> Json<Value> {
    Json(json!({"access_token": "fake-token", "token_type": "bearer"}))
}

#[secured]
fn read_users_me(#[security(get_current_user)] current_user: User) -> Json<User> {
    Json(current_user)
}

/// The application, for `main` and for the HTTP-level tests.
pub fn app() -> axum::Router {
    secured::Router::new()
        .route("/token", post(login))
        .route("/users/me", get(read_users_me))
        .into_router()
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "8000".to_owned());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    axum::serve(listener, app()).await
}
