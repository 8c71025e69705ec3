use secured::{scheme, secured, ApiKeyHeader};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key").auto_error(false);

#[secured(anonymous, API_KEY)]
async fn read_items() {}

fn main() {}
