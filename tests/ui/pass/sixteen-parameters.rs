//! The most a handler resolves before its last extractor: 16 guards and parameters.
use axum::Json;
use secured::{scheme, secured, ApiKeyHeader, Credential};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

#[secured(API_KEY)]
async fn crowded(
    #[security(API_KEY)] _key1: Credential,
    #[security(API_KEY)] _key2: Credential,
    #[security(API_KEY)] _key3: Credential,
    #[security(API_KEY)] _key4: Credential,
    #[security(API_KEY)] _key5: Credential,
    #[security(API_KEY)] _key6: Credential,
    #[security(API_KEY)] _key7: Credential,
    #[security(API_KEY)] _key8: Credential,
    #[security(API_KEY)] _key9: Credential,
    #[security(API_KEY)] _key10: Credential,
    #[security(API_KEY)] _key11: Credential,
    #[security(API_KEY)] _key12: Credential,
    #[security(API_KEY)] _key13: Credential,
    #[security(API_KEY)] _key14: Credential,
    #[security(API_KEY)] _key15: Credential,
    Json(body): Json<String>,
) -> String {
    body
}

fn main() {
    let _: secured::Router = secured::Router::new().route("/", secured::routing::post(crowded));
}
