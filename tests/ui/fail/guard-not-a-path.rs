use secured::{scheme, secured, ApiKeyHeader};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

#[secured("API_KEY")]
async fn read_items() {}

fn main() {}
