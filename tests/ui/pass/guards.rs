use secured::routing::get;
use secured::{
    dependency, scheme, secured, ApiKeyHeader, Credential, HttpError, OAuth2PasswordBearer,
};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

#[scheme]
const OAUTH2: OAuth2PasswordBearer =
    OAuth2PasswordBearer::new("token").scopes(&[("items", "Read items"), ("admin", "Administer")]);

#[dependency]
fn known_key(#[security(API_KEY)] key: Credential) -> Result<(), HttpError> {
    match &*key {
        "secret" => Ok(()),
        _ => Err(HttpError::forbidden("Unknown key")),
    }
}

#[secured(known_key)]
async fn one_guard() -> &'static str {
    "one"
}

#[secured(known_key)]
#[secured(OAUTH2, scopes = ["items"])]
#[secured(OAUTH2, scopes = ["admin"])]
async fn stacked_guards() -> &'static str {
    "stacked"
}

fn main() {
    let _app: axum::Router = secured::Router::new()
        .route("/one", get(one_guard))
        .route("/stacked", get(stacked_guards))
        .into_router();
}
