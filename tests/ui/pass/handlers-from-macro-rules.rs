// Handlers written by a `macro_rules!` keep its hygiene: the macro's local `count` and the
// caller's `count` (the fn below) stay apart, whatever the attribute writes around them.
use secured::routing::get;
use secured::{scheme, secured, ApiKeyHeader, Credential};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

fn count() -> &'static str {
    "the caller's"
}

macro_rules! counting_handler {
    ($name:ident, $answer:expr) => {
        #[secured]
        fn $name(#[security(API_KEY)] key: Credential) -> String {
            let count = key.len();
            format!("{count} {}", $answer)
        }
    };
}

macro_rules! fixed_handler {
    () => {
        #[secured]
        fn fixed(#[security(API_KEY)] key: Credential) -> String {
            key.into_string()
        }
    };
}

counting_handler!(counted, count());
fixed_handler!();

fn main() {
    let _app: axum::Router = secured::Router::new()
        .route("/counted", get(counted))
        .route("/fixed", get(fixed))
        .into_router();
}
