use secured::{scheme, secured, ApiKeyHeader, Credential};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

#[secured]
async fn read_me(#[security(API_KEY, scopes = ["me"])] _key: Credential) {}

fn main() {}
