use secured::{scheme, secured, ApiKeyHeader};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

#[secured]
fn read_me(#[security(API_KEY)] key: &str) -> String {
    key.to_owned()
}

fn main() {}
