use axum::extract::State;
use axum::http::HeaderMap;
use secured::routing::get;
use secured::{dependency, scheme, secured, ApiKeyHeader, Credential, HttpError};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

#[derive(Clone)]
struct Keys {
    valid: &'static [&'static str],
}

#[dependency]
async fn known_key(
    State(keys): State<Keys>,
    #[security(API_KEY)] key: Credential,
    _headers: HeaderMap,
) -> Result<Credential, HttpError> {
    if keys.valid.contains(&&*key) {
        Ok(key)
    } else {
        Err(HttpError::forbidden("Unknown key"))
    }
}

#[secured]
async fn items(#[security(known_key)] _key: Credential, State(keys): State<Keys>) -> String {
    keys.valid.join(",")
}

fn main() {
    let _app: axum::Router = secured::Router::new()
        .route("/items", get(items))
        .with_state(Keys { valid: &["secret"] })
        .into_router();
}
