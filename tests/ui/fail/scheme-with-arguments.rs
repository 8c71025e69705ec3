use secured::{scheme, ApiKeyHeader};

#[scheme(name = "ApiKey")]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

fn main() {}
