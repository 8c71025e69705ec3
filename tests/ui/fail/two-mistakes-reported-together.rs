use secured::{scheme, secured, Credential, OAuth2PasswordBearer};

#[scheme]
const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token")
    .scopes(&[("me", "Read your profile"), ("items", "Read items")]);

#[secured(OAUTH2, scope = ["items"])]
async fn read_items<T>(#[security(OAUTH2, scopes = ["me items"])] _token: Credential) {}

fn main() {}
