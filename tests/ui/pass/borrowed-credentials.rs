use axum::extract::State;
use secured::routing::get;
use secured::{
    dependency, scheme, secured, ApiKeyCookie, ApiKeyHeader, OAuth2PasswordBearer, OpenIdConnect,
};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

#[scheme]
const SESSION: ApiKeyCookie = ApiKeyCookie::new("session").auto_error(false);

#[scheme]
const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token").auto_error(false);

#[scheme]
const OIDC: OpenIdConnect = OpenIdConnect::new("https://example.com/.well-known/openid");

#[dependency]
fn sync_key(
    #[security(API_KEY)] key: &str,
    #[security(SESSION)] session: Option<&'_ str>,
) -> usize {
    key.len() + session.map_or(0, str::len)
}

#[dependency]
async fn async_token(
    State(prefix): State<&'static str>,
    #[security(OAUTH2)] token: Option<&str>,
) -> String {
    format!("{prefix}{}", token.unwrap_or_default())
}

#[dependency(cache)]
fn cached_oidc(#[security(OIDC)] authorization: &str) -> String {
    authorization.to_owned()
}

#[secured]
fn handler(
    #[security(sync_key)] length: usize,
    #[security(async_token)] token: String,
    #[security(cached_oidc)] authorization: String,
) -> String {
    format!("{length} {token} {authorization}")
}

fn main() {
    let _app: axum::Router = secured::Router::new()
        .route("/", get(handler))
        .with_state("prefix:")
        .into_router();
}
