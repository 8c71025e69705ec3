use secured::{dependency, scheme, ApiKeyHeader};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key").auto_error(false);

#[dependency]
fn key_length(#[security(API_KEY)] key: &str) -> usize {
    key.len()
}

fn main() {}
