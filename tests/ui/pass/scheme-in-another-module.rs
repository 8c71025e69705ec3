mod auth {
    use secured::{dependency, scheme, Credential, OAuth2PasswordBearer};

    #[scheme]
    pub const OAUTH2: OAuth2PasswordBearer =
        OAuth2PasswordBearer::new("token").scopes(&[("me", "Read your profile")]);

    #[dependency]
    pub fn current_user(#[security(OAUTH2)] token: Credential) -> String {
        token.into_string()
    }
}

use secured::routing::get;
use secured::{secured, Credential};

#[secured(auth::OAUTH2, scopes = ["me"])]
fn me(
    #[security(self::auth::current_user, scopes = ["me"])] name: String,
    #[security(auth::OAUTH2)] _token: Credential,
) -> String {
    name
}

fn main() {
    let _app: axum::Router = secured::Router::new().route("/me", get(me)).into_router();
}
