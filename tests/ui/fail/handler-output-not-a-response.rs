use secured::{scheme, secured, ApiKeyHeader, Credential};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

struct Report;

#[secured]
async fn report(#[security(API_KEY)] _key: Credential) -> Report {
    Report
}

fn main() {}
