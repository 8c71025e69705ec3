use secured::routing::get;
use secured::{scheme, secured, ApiKeyHeader, Credential};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key").auto_error(false);

#[secured(anonymous)]
fn greeting(#[security(API_KEY)] key: Option<Credential>) -> &'static str {
    match key {
        Some(_) => "hello, member",
        None => "hello, stranger",
    }
}

#[secured(anonymous)]
#[secured(API_KEY)]
fn open_door() {}

fn main() {
    let _app: axum::Router = secured::Router::new()
        .route("/greeting", get(greeting))
        .route("/door", get(open_door))
        .into_router();
}
