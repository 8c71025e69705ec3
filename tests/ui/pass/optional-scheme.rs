use secured::routing::get;
use secured::{
    dependency, scheme, secured, Credential, HttpBasic, HttpBasicCredentials, OAuth2PasswordBearer,
};

#[scheme]
const BASIC: HttpBasic = HttpBasic::new().auto_error(false);

#[scheme]
const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token")
    .scopes(&[("me", "Read your profile")])
    .auto_error(false);

#[dependency]
fn user_name(
    #[security(BASIC)] basic: Option<HttpBasicCredentials>,
    #[security(OAUTH2, scopes = ["me"])] token: Option<Credential>,
) -> Option<String> {
    basic
        .map(|credentials| credentials.username)
        .or(token.map(Credential::into_string))
}

#[secured]
fn whoami(#[security(user_name)] name: Option<String>) -> String {
    name.unwrap_or_default()
}

fn main() {
    let _app: axum::Router = secured::Router::new()
        .route("/me", get(whoami))
        .into_router();
}
