//! The examples written by hand: the twins' handlers, whose bodies are the examples', on the
//! extractors of [`crate::extractors`].

use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::extractors::{AnyCaller, ApiKey, CurrentUser, Items, Me, User, Username};
use crate::Example;

/// The application of `example`, on the example's routes.
pub(crate) fn app(example: Example) -> Router {
    match example {
        Example::ApiKey => Router::new().route("/secure-data", get(secure_data)),
        Example::OAuth2Scopes => Router::new()
            .route("/users/me", get(read_users_me))
            .route("/items/", get(read_items)),
        Example::HttpBasic => Router::new().route("/basic-auth", get(basic_auth)),
        Example::MultiAuth => Router::new().route("/multi-auth", get(multi_auth)),
    }
}

async fn secure_data(ApiKey(api_key): ApiKey) -> Json<Value> {
    Json(json!({"message": "Access granted", "api_key": api_key}))
}

async fn read_users_me(CurrentUser(user, _): CurrentUser<Me>) -> Json<User> {
    Json(user)
}

async fn read_items(CurrentUser(user, _): CurrentUser<Items>) -> Json<Value> {
    Json(json!({"item": "Secure item", "user": user}))
}

async fn basic_auth(Username(username): Username) -> Json<Value> {
    Json(json!({"message": format!("Hello, {username}")}))
}

async fn multi_auth(AnyCaller(caller): AnyCaller) -> Json<Value> {
    Json(json!({"message": "Authenticated", "user": caller}))
}
