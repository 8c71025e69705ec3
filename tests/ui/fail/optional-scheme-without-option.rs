use secured::{scheme, secured, ApiKeyHeader, Credential};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key").auto_error(false);

#[secured]
async fn read_me(#[security(API_KEY)] _key: Credential) {}

fn main() {}
