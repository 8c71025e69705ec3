use secured::{dependency, scheme, secured, Credential, OAuth2PasswordBearer};

#[scheme]
const OAUTH2: OAuth2PasswordBearer =
    OAuth2PasswordBearer::new("token").scopes(&[("me", "Read your profile")]);

#[dependency]
fn current_user(#[security(OAUTH2, scopes = ["profile"])] token: Credential) -> String {
    token.into_string()
}

#[secured]
async fn read_me(#[security(current_user)] _user: String) {}

fn main() {}
