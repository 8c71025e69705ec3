use secured::{dependency, scheme, ApiKeyHeader, Credential};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

#[dependency]
fn api_key(#[security(API_KEY)] key: Credential) -> Credential {
    key
}

#[dependency]
fn key_length(#[security(api_key)] key: &str) -> usize {
    key.len()
}

fn main() {}
