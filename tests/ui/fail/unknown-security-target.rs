use secured::{scheme, secured, Credential, OAuth2PasswordBearer};

#[scheme]
const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token");

#[secured]
async fn read_me(#[security(OAUTH)] _token: Credential) {}

fn main() {}
