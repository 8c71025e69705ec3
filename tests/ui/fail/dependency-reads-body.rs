use axum::Json;
use secured::dependency;
use serde_json::Value;

#[dependency]
fn item_owner(Json(item): Json<Value>) -> String {
    item["owner"].to_string()
}

fn main() {}
