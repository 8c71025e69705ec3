use axum::http::HeaderMap;
use axum::Json;
use secured::routing::post;
use secured::{
    scheme, secured, Credential, HttpAuthorizationCredentials, HttpBearer,
    OAuth2PasswordRequestForm,
};
use serde_json::Value;

#[scheme]
const BEARER: HttpBearer = HttpBearer::new();

#[secured]
async fn create_item(
    #[security(BEARER)] _credentials: HttpAuthorizationCredentials,
    _headers: HeaderMap,
    Json(item): Json<Value>,
) -> Json<Value> {
    Json(item)
}

#[secured]
fn login(form: OAuth2PasswordRequestForm) -> String {
    let _password: &Credential = &form.password;
    form.username
}

fn main() {
    let _app: axum::Router = secured::Router::new()
        .route("/items", post(create_item))
        .route("/token", post(login))
        .into_router();
}
