use secured::routing::get;
use secured::{dependency, scheme, secured, Credential, HttpAuthorizationCredentials, HttpBearer};

#[scheme]
const BEARER: HttpBearer = HttpBearer::new();

#[dependency(cache)]
async fn session(#[security(BEARER)] credentials: HttpAuthorizationCredentials) -> Credential {
    credentials.credentials
}

#[dependency(cache)]
fn nothing() {}

#[secured(nothing)]
fn twice(
    #[security(session)] first: Credential,
    #[security(session)] second: Credential,
) -> String {
    format!("{} {}", &*first, &*second)
}

fn main() {
    let _app: axum::Router = secured::Router::new()
        .route("/twice", get(twice))
        .into_router();
}
