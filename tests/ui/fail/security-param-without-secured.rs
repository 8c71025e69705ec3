use secured::{scheme, ApiKeyHeader, Credential};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

async fn read_me(#[security(API_KEY)] _key: Credential) {}

fn main() {}
