use secured::{dependency, scheme, secured, Credential, HttpAuthorizationCredentials, HttpBearer};

#[scheme]
const BEARER: HttpBearer = HttpBearer::new();

struct User {
    name: String,
}

#[dependency]
fn current_user(#[security(BEARER)] credentials: HttpAuthorizationCredentials) -> User {
    User {
        name: credentials.credentials.into_string(),
    }
}

#[secured]
async fn read_me(#[security(current_user)] user: Credential) -> String {
    user.into_string()
}

fn main() {}
