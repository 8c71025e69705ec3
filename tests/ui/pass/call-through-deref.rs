use secured::{scheme, secured, ApiKeyHeader, Credential};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

#[secured]
async fn echo_key(#[security(API_KEY)] key: Credential) -> String {
    key.into_string()
}

#[secured]
fn shout(#[security(API_KEY)] key: Credential) -> String {
    key.to_uppercase()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    assert_eq!(echo_key(Credential::new("secret")).await, "secret");
    assert_eq!(shout(Credential::new("secret")), "SECRET");
}
