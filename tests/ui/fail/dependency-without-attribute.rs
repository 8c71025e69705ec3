use secured::{scheme, secured, ApiKeyHeader, Credential};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

fn current_user(key: Credential) -> String {
    key.into_string()
}

#[secured]
async fn read_me(#[security(current_user)] _user: String) {}

fn main() {}
