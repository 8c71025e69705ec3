//! The `utoipa` feature: the security of `#[secured]` handlers lands in a document described
//! with utoipa, next to what utoipa describes.

#[path = "../examples/oauth2_scopes.rs"]
#[allow(dead_code, unreachable_pub)]
mod oauth2_scopes;

use secured::routing::get;
use secured::{scheme, secured, ApiKeyHeader, Credential};
use serde_json::json;
use utoipa::OpenApi;

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

/// Lists the items.
#[utoipa::path(get, path = "/items", responses((status = 200, description = "The items")))]
#[allow(dead_code)]
async fn items_doc() {}

#[secured]
async fn list_items(#[security(API_KEY)] _key: Credential) -> &'static str {
    "items"
}

#[secured]
async fn health() -> &'static str {
    "ok"
}

#[derive(OpenApi)]
#[openapi(paths(items_doc))]
struct ApiDoc;

#[test]
fn schemes_and_requirements_are_merged_into_the_utoipa_document() {
    let router: secured::Router = secured::Router::new()
        .route("/items", get(list_items))
        .route("/health", get(health));
    let merged = router.merge_into_utoipa(ApiDoc::openapi()).unwrap();
    let document = serde_json::to_value(&merged).unwrap();

    assert_eq!(
        document["components"]["securitySchemes"],
        json!({"APIKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"}})
    );
    let items = &document["paths"]["/items"]["get"];
    assert_eq!(items["security"], json!([{"APIKeyHeader": []}]));
    assert_eq!(items["summary"], "Lists the items.");
    assert_eq!(items["responses"]["200"]["description"], "The items");
    assert_eq!(
        items["responses"]["401"]["description"],
        "Not authenticated"
    );
    assert!(document["paths"].get("/health").is_none());
}

#[test]
fn accumulated_scopes_reach_the_utoipa_document() {
    let merged = oauth2_scopes::router()
        .merge_into_utoipa(utoipa::openapi::OpenApiBuilder::new().build())
        .unwrap();
    let document = serde_json::to_value(&merged).unwrap();
    assert_eq!(
        document["paths"]["/users/me"]["get"]["security"],
        json!([{"OAuth2PasswordBearer": ["me"]}])
    );
    assert_eq!(
        document["paths"]["/items/"]["get"]["security"],
        json!([{"OAuth2PasswordBearer": ["items"]}])
    );
    assert_eq!(
        document["components"]["securitySchemes"]["OAuth2PasswordBearer"]["flows"]["password"]
            ["tokenUrl"],
        "token"
    );
}
