use axum::extract::State;
use secured::secured;

#[secured]
async fn list_items<S: Clone + Send + Sync>(State(_state): State<S>) {}

fn main() {}
