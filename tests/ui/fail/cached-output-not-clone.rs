use secured::{dependency, scheme, Credential, HttpAuthorizationCredentials, HttpBearer};

#[scheme]
const BEARER: HttpBearer = HttpBearer::new();

struct Session {
    token: Credential,
}

#[dependency(cache)]
fn session(#[security(BEARER)] credentials: HttpAuthorizationCredentials) -> Session {
    Session {
        token: credentials.credentials,
    }
}

fn main() {}
