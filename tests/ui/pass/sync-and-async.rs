use secured::routing::get;
use secured::{dependency, scheme, secured, ApiKeyHeader, Credential, HttpError};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

#[dependency]
fn sync_user(#[security(API_KEY)] key: Credential) -> String {
    key.into_string()
}

#[dependency]
async fn async_user(#[security(sync_user)] name: String) -> Result<String, HttpError> {
    Ok(name)
}

#[secured]
fn sync_handler(#[security(sync_user)] name: String) -> String {
    name
}

#[secured]
async fn async_handler(#[security(async_user)] name: String) -> String {
    name
}

fn main() {
    let _app: axum::Router = secured::Router::new()
        .route("/sync", get(sync_handler))
        .route("/async", get(async_handler))
        .into_router();
}
