//! `#[dependency(cache)]`, FastAPI's `use_cache`: one run per request for each set of scopes,
//! counted through the router's state and served on loopback.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use secured::routing::get;
use secured::{dependency, secured, SecurityScopes};
use serde_json::{json, Value};
use support::Server;

type Runs = Arc<AtomicUsize>;

#[dependency(cache)]
fn counted(State(runs): State<Runs>, scopes: SecurityScopes) -> String {
    runs.fetch_add(1, Ordering::SeqCst);
    scopes.scope_str()
}

#[secured]
fn same_scopes(
    #[security(counted, scopes = ["read", "write"])] first: String,
    #[security(counted, scopes = ["write", "read"])] second: String,
) -> Json<Value> {
    Json(json!([first, second]))
}

#[secured]
fn different_scopes(
    #[security(counted, scopes = ["read"])] first: String,
    #[security(counted, scopes = ["write"])] second: String,
) -> Json<Value> {
    Json(json!([first, second]))
}

/// Runs of `counted_without_state`, which only `stateless_dependency_is_cached_too` requests.
static STATELESS_RUNS: AtomicUsize = AtomicUsize::new(0);

/// Sync and without extractors, which would resolve without a future if it were not cached:
/// its output is stored in the request all the same.
#[dependency(cache)]
fn counted_without_state(scopes: SecurityScopes) -> String {
    STATELESS_RUNS.fetch_add(1, Ordering::SeqCst);
    scopes.scope_str()
}

#[secured]
fn stateless(
    #[security(counted_without_state, scopes = ["read"])] first: String,
    #[security(counted_without_state, scopes = ["read"])] second: String,
) -> Json<Value> {
    Json(json!([first, second]))
}

async fn serve() -> (Server, Runs) {
    let runs = Runs::default();
    let app = secured::Router::new()
        .route("/same", get(same_scopes))
        .route("/different", get(different_scopes))
        .route("/stateless", get(stateless))
        .with_state(Arc::clone(&runs))
        .into_router();
    (Server::start(app).await, runs)
}

#[tokio::test]
async fn same_scopes_in_any_order_run_once_per_request() {
    let (server, runs) = serve().await;
    let response = server.get("/same", &[]).await;
    response.assert(200, None, json!(["read write", "read write"]));
    assert_eq!(runs.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn different_scopes_run_once_each() {
    let (server, runs) = serve().await;
    let response = server.get("/different", &[]).await;
    response.assert(200, None, json!(["read", "write"]));
    assert_eq!(runs.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn next_request_runs_again() {
    let (server, runs) = serve().await;
    for _ in 0..2 {
        let response = server.get("/same", &[]).await;
        response.assert(200, None, json!(["read write", "read write"]));
    }
    assert_eq!(runs.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn stateless_dependency_is_cached_too() {
    let (server, _) = serve().await;
    for _ in 0..2 {
        let response = server.get("/stateless", &[]).await;
        response.assert(200, None, json!(["read", "read"]));
    }
    assert_eq!(STATELESS_RUNS.load(Ordering::SeqCst), 2);
}
