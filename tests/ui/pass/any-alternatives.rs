use secured::routing::get;
use secured::{
    scheme, secured, ApiKeyCookie, ApiKeyHeader, Credential, Either, HttpBasic,
    HttpBasicCredentials,
};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

#[scheme]
const COOKIE: ApiKeyCookie = ApiKeyCookie::new("session");

#[scheme]
const BASIC: HttpBasic = HttpBasic::new();

#[secured]
fn two(#[security(any(API_KEY, BASIC))] who: Either<Credential, HttpBasicCredentials>) -> String {
    match who {
        Either::Left(key) => key.into_string(),
        Either::Right(credentials) => credentials.username,
    }
}

#[secured(any(API_KEY, COOKIE))]
fn guarded() {}

#[secured]
fn three(
    #[security(any(API_KEY, COOKIE, BASIC))] _who: Either<
        Credential,
        Either<Credential, HttpBasicCredentials>,
    >,
) {
}

fn main() {
    let _app: axum::Router = secured::Router::new()
        .route("/two", get(two))
        .route("/guarded", get(guarded))
        .route("/three", get(three))
        .into_router();
}
