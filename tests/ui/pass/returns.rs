use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use secured::routing::get;
use secured::{secured, HttpError};
use serde_json::{json, Value};

#[secured]
fn unit() {}

#[secured]
fn plain() -> Json<Value> {
    Json(json!({"plain": true}))
}

#[secured]
async fn result(ok: axum::extract::Query<Value>) -> Result<Json<Value>, HttpError> {
    Ok(Json(ok.0))
}

#[secured]
fn sync_impl() -> impl IntoResponse {
    StatusCode::NO_CONTENT
}

#[secured]
async fn async_impl() -> impl IntoResponse {
    (StatusCode::CREATED, "created")
}

fn main() {
    let _app: axum::Router = secured::Router::new()
        .route("/unit", get(unit))
        .route("/plain", get(plain))
        .route("/result", get(result))
        .route("/sync-impl", get(sync_impl))
        .route("/async-impl", get(async_impl))
        .into_router();
}
