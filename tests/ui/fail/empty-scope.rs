use secured::{scheme, secured, Credential, OAuth2PasswordBearer};

#[scheme]
const OAUTH2: OAuth2PasswordBearer =
    OAuth2PasswordBearer::new("token").scopes(&[("me", "Read your profile")]);

#[secured]
async fn read_me(#[security(OAUTH2, scopes = ["me", ""])] _token: Credential) {}

fn main() {}
