use axum::http::HeaderMap;
use axum::Json;
use secured::secured;

#[secured]
async fn create_item(Json(_item): Json<serde_json::Value>, _headers: HeaderMap) {}

fn main() {}
