use secured::routing::get;

async fn health() -> &'static str {
    "ok"
}

fn main() {
    let _app = secured::Router::<()>::new().route("/health", get(health));
}
