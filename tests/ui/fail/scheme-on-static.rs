use secured::{scheme, ApiKeyHeader};

#[scheme]
static API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

fn main() {}
