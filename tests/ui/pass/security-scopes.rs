use secured::routing::get;
use secured::{
    dependency, scheme, secured, Credential, OAuth2PasswordBearer, OpenIdConnect, SecurityScopes,
};

#[scheme]
const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token")
    .scopes(&[("me", "Read your profile"), ("items", "Read items")]);

#[scheme]
const OIDC: OpenIdConnect =
    OpenIdConnect::new("https://example.com/.well-known/openid-configuration");

#[dependency]
fn required(
    scopes: SecurityScopes,
    #[security(OAUTH2, scopes = ["me"])] _token: Credential,
) -> String {
    scopes.scope_str()
}

#[dependency]
fn through(#[security(required, scopes = ["items"])] scopes: String) -> String {
    scopes
}

#[secured]
fn handler(
    scopes: SecurityScopes,
    #[security(through)] required: String,
    #[security(OIDC, scopes = ["openid", "profile"])] _id_token: Credential,
) -> String {
    format!("{} / {required}", scopes.scope_str())
}

fn main() {
    let _app: axum::Router = secured::Router::new()
        .route("/", get(handler))
        .into_router();
}
