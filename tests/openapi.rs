//! The OpenAPI 3.1 document and the documentation pages (REFERENCE.md §6), read over HTTP from
//! the examples and from small routers built here: the security extracts of the conformance
//! suite, FastAPI's default names, the router's settings, and the requirement semantics.

mod support;

#[path = "../examples/all_schemes.rs"]
#[allow(dead_code, unreachable_pub)]
mod all_schemes;
#[path = "../examples/api_key.rs"]
#[allow(dead_code, unreachable_pub)]
mod api_key;
#[path = "../examples/http_basic.rs"]
#[allow(dead_code, unreachable_pub)]
mod http_basic;
#[path = "../examples/multi_auth.rs"]
#[allow(dead_code, unreachable_pub)]
mod multi_auth;
#[path = "../examples/oauth2_password.rs"]
#[allow(dead_code, unreachable_pub)]
mod oauth2_password;
#[path = "../examples/oauth2_scopes.rs"]
#[allow(dead_code, unreachable_pub)]
mod oauth2_scopes;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use secured::docs::SwaggerUi;
use secured::openapi::OpenApiError;
use secured::routing::get;
use secured::{
    dependency, scheme, secured, ApiKeyHeader, Credential, Either, HttpAuthorizationCredentials,
    HttpBasic, HttpBasicCredentials, HttpBearer, OAuth2PasswordBearer,
};
use serde_json::{json, Value};
use support::{Response, Server};

// --- helpers -----------------------------------------------------------------------------------

/// `GET /openapi.json` of `app`, checked to be a JSON answer.
async fn document(app: axum::Router) -> Value {
    let server = Server::start(app).await;
    let response = server.get("/openapi.json", &[]).await;
    assert_eq!(response.status, 200, "GET /openapi.json");
    assert_eq!(
        response.header("content-type").as_deref(),
        Some("application/json")
    );
    response.json()
}

/// A JSON file of the conformance material, relative to the workspace root.
fn load(relative: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("{} is not JSON: {error}", path.display()))
}

/// Every operation of the document as `METHOD /path`, with the operation object.
fn operations(document: &Value) -> Vec<(String, &Value)> {
    let mut found = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("path item") {
            found.push((format!("{} {path}", method.to_ascii_uppercase()), operation));
        }
    }
    found
}

/// A security list in an order-insensitive form, each scope list sorted, as the conformance
/// runner compares them.
fn normalized(requirements: &Value) -> Vec<String> {
    let mut objects: Vec<String> = requirements
        .as_array()
        .expect("a list of requirement objects")
        .iter()
        .map(|requirement| {
            let mut sorted: Vec<(String, Vec<String>)> = requirement
                .as_object()
                .expect("a requirement object")
                .iter()
                .map(|(name, scopes)| {
                    let mut scopes: Vec<String> = scopes
                        .as_array()
                        .expect("a scope list")
                        .iter()
                        .map(|scope| scope.as_str().expect("a scope").to_owned())
                        .collect();
                    scopes.sort();
                    (name.clone(), scopes)
                })
                .collect();
            sorted.sort();
            format!("{sorted:?}")
        })
        .collect();
    objects.sort();
    objects
}

/// Compares the document with a security extract (`securitySchemes` and each operation's
/// `security`), as `run.py --openapi` does: requirement lists in any order, and every
/// operation the extract does not name without security.
#[track_caller]
fn assert_matches_extract(document: &Value, extract: &Value) {
    assert_eq!(
        document["components"]["securitySchemes"], extract["securitySchemes"],
        "components.securitySchemes"
    );
    let expected = extract["operations"].as_object().expect("operations");
    let actual = operations(document);
    for (operation, want) in expected {
        let (_, found) = actual
            .iter()
            .find(|(name, _)| name == operation)
            .unwrap_or_else(|| panic!("{operation} is missing from paths"));
        let got = found.get("security").cloned().unwrap_or_else(|| json!([]));
        assert_eq!(
            normalized(&got),
            normalized(want),
            "security of {operation}: {got}"
        );
    }
    for (operation, found) in &actual {
        if !expected.contains_key(operation) {
            assert!(
                found.get("security").is_none(),
                "unexpected security on {operation}"
            );
        }
    }
}

/// The `security` of one operation, `METHOD /path`.
#[track_caller]
fn security<'d>(document: &'d Value, operation: &str) -> &'d Value {
    let (method, path) = operation.split_once(' ').expect("METHOD /path");
    let found = &document["paths"][path][method.to_ascii_lowercase()];
    assert!(found.is_object(), "{operation} is missing from paths");
    &found["security"]
}

/// Asserts an HTML page: status 200, `text/html`, and every fragment in the body.
#[track_caller]
fn assert_page(response: &Response, fragments: &[&str]) -> String {
    assert_eq!(response.status, 200);
    assert_eq!(
        response.header("content-type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    let body = String::from_utf8(response.body.clone()).expect("UTF-8 page");
    for fragment in fragments {
        assert!(body.contains(fragment), "page lacks {fragment:?}:\n{body}");
    }
    body
}

// --- the examples against the conformance extracts ---------------------------------------------

const SHARED_OPENAPI: &str = "../shared/conformance/openapi";

/// Asserts that the document of `app` states what the shared extract of `example` expects.
async fn assert_matches_shared_extract(app: axum::Router, example: &str) {
    let document = document(app).await;
    let extract = load(&format!("{SHARED_OPENAPI}/{example}.security.json"));
    assert_matches_extract(&document, &extract);
}

#[tokio::test]
async fn ex1_api_key_document_matches_the_shared_extract() {
    assert_matches_shared_extract(api_key::app(), "ex1").await;
}

#[tokio::test]
async fn ex2_oauth2_password_document_matches_the_shared_extract() {
    assert_matches_shared_extract(oauth2_password::app(), "ex2").await;
}

#[tokio::test]
async fn ex3_oauth2_scopes_document_matches_the_shared_extract() {
    assert_matches_shared_extract(oauth2_scopes::app(), "ex3").await;
}

#[tokio::test]
async fn ex4_http_basic_document_matches_the_shared_extract() {
    assert_matches_shared_extract(http_basic::app(), "ex4").await;
}

#[tokio::test]
async fn ex5_multi_auth_document_matches_the_shared_extract() {
    assert_matches_shared_extract(multi_auth::app(), "ex5").await;
}

#[tokio::test]
async fn ex6_all_schemes_document_matches_the_recorded_extract() {
    let document = document(all_schemes::app()).await;
    assert_matches_extract(
        &document,
        &load("tests/conformance/openapi/ex6.security.json"),
    );
}

#[tokio::test]
async fn ex6_security_schemes_equal_the_reference_document_field_for_field() {
    let document = document(all_schemes::app()).await;
    let reference = load("tests/conformance/openapi/ex6.openapi.json");
    let ours = &document["components"]["securitySchemes"];
    let theirs = &reference["components"]["securitySchemes"];
    assert_eq!(ours, theirs);
    // Same names in the same order, and the same field order in each object.
    assert_eq!(ours.to_string(), theirs.to_string());
}

#[tokio::test]
async fn ex6_operation_ids_and_summaries_follow_fastapi_defaults() {
    let document = document(all_schemes::app()).await;
    let reference = load("tests/conformance/openapi/ex6.openapi.json");
    let ours = operations(&document);
    let theirs = operations(&reference);
    let names = |found: &[(String, &Value)]| -> Vec<String> {
        found.iter().map(|(name, _)| name.clone()).collect()
    };
    assert_eq!(names(&ours), names(&theirs), "operations, in order");
    for ((name, ours), (_, theirs)) in ours.iter().zip(&theirs) {
        assert_eq!(
            ours["operationId"], theirs["operationId"],
            "operationId of {name}"
        );
        assert_eq!(ours["summary"], theirs["summary"], "summary of {name}");
    }
}

#[tokio::test]
async fn token_forms_document_their_body_and_422_as_fastapi_does() {
    let document = document(all_schemes::app()).await;
    let reference = load("tests/conformance/openapi/ex6.openapi.json");
    for (path, schema_name) in [
        ("/token", "Body_token_token_post"),
        ("/token-strict", "Body_token_strict_token_strict_post"),
    ] {
        let ours = &document["paths"][path]["post"];
        let mut theirs = reference["components"]["schemas"][schema_name].clone();
        // FastAPI names the schema after the route; ours is inline and untitled.
        theirs.as_object_mut().unwrap().remove("title");
        assert_eq!(
            ours["requestBody"],
            json!({
                "content": {"application/x-www-form-urlencoded": {"schema": theirs}},
                "required": true,
            }),
            "requestBody of {path}"
        );
        assert_eq!(
            ours["responses"]["422"], reference["paths"][path]["post"]["responses"]["422"],
            "422 of {path}"
        );
    }
    for schema in ["HTTPValidationError", "ValidationError"] {
        assert_eq!(
            document["components"]["schemas"][schema], reference["components"]["schemas"][schema],
            "{schema}"
        );
    }
}

#[tokio::test]
async fn default_info_is_fastapis_and_openapi_is_3_1() {
    let document = document(api_key::app()).await;
    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(
        document["info"],
        json!({"title": "FastAPI", "version": "0.1.0"})
    );
    assert!(document.get("servers").is_none(), "no servers unless set");
    assert_eq!(
        document["paths"]["/secure-data"]["get"]["operationId"],
        "secure_data_secure_data_get"
    );
    assert_eq!(
        document["paths"]["/secure-data"]["get"]["summary"],
        "Secure Data"
    );
}

// --- schemes and handlers of the small routers -------------------------------------------------

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

/// The same scheme as `API_KEY`, declared again: one entry in the document.
#[scheme]
const API_KEY_AGAIN: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

/// A different scheme under `API_KEY`'s default name.
#[scheme]
const OTHER_KEY: ApiKeyHeader = ApiKeyHeader::new("X-Other-Key");

#[scheme]
const BEARER: HttpBearer = HttpBearer::new();

#[scheme]
const BEARER_OPT: HttpBearer = HttpBearer::new()
    .scheme_name("HTTPBearerOptional")
    .auto_error(false);

#[scheme]
const BASIC_OPT: HttpBasic = HttpBasic::new()
    .scheme_name("HTTPBasicOptional")
    .auto_error(false);

#[scheme]
const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token").scopes(&[
    ("a", "Scope a"),
    ("b", "Scope b"),
    ("c", "Scope c"),
    ("d", "Scope d"),
]);

#[secured]
async fn open() -> &'static str {
    "open"
}

#[secured]
async fn key_only(#[security(API_KEY)] _key: Credential) -> &'static str {
    "key"
}

#[secured]
async fn key_again(#[security(API_KEY_AGAIN)] _key: Credential) -> &'static str {
    "key"
}

#[secured]
async fn other_key(#[security(OTHER_KEY)] _key: Credential) -> &'static str {
    "other"
}

#[secured]
async fn two_required(
    #[security(API_KEY)] _key: Credential,
    #[security(BEARER)] _bearer: HttpAuthorizationCredentials,
) -> &'static str {
    "both"
}

#[secured]
async fn required_and_two_optional(
    #[security(API_KEY)] _key: Credential,
    #[security(BEARER_OPT)] _bearer: Option<HttpAuthorizationCredentials>,
    #[security(BASIC_OPT)] _basic: Option<HttpBasicCredentials>,
) -> &'static str {
    "mixed"
}

#[secured(any(API_KEY, BEARER))]
async fn any_guard() -> &'static str {
    "either"
}

#[secured]
async fn any_param(
    #[security(any(API_KEY, BEARER))] _who: Either<Credential, HttpAuthorizationCredentials>,
) -> &'static str {
    "either"
}

#[secured(OAUTH2, scopes = ["b"])]
async fn any_beside_required(
    #[security(any(API_KEY, BEARER))] _who: Either<Credential, HttpAuthorizationCredentials>,
) -> &'static str {
    "both"
}

#[secured(anonymous)]
async fn anonymous_too(
    #[security(BEARER_OPT)] _bearer: Option<HttpAuthorizationCredentials>,
) -> &'static str {
    "maybe"
}

#[dependency]
fn inner_token(#[security(OAUTH2, scopes = ["b", "a"])] bearer: Credential) -> Credential {
    bearer
}

#[dependency]
fn outer_token(#[security(inner_token, scopes = ["c", "b"])] bearer: Credential) -> Credential {
    bearer
}

/// The guard asks for `d`; `outer_token` for `a` and `c`, then `c` and `b` on its own way
/// down, then `b` and `a`; `inner_token` used directly asks for `b` and `a`.
#[secured(OAUTH2, scopes = ["d"])]
async fn scoped(
    #[security(outer_token, scopes = ["a", "c"])] _outer: Credential,
    #[security(inner_token)] _inner: Credential,
) -> &'static str {
    "scoped"
}

#[secured]
async fn read_v2items() -> &'static str {
    "items"
}

/// Lists the items.
#[secured]
async fn list_items() -> &'static str {
    "items"
}

// --- router settings ---------------------------------------------------------------------------

#[tokio::test]
async fn title_version_and_servers_are_set_on_the_router() {
    let app = secured::Router::new()
        .title("Items API")
        .version("2.1.0")
        .server("https://api.example.com", Some("Production"))
        .server("/v1", None)
        .route("/open", get(open))
        .into_router();
    let document = document(app).await;
    assert_eq!(
        document["info"],
        json!({"title": "Items API", "version": "2.1.0"})
    );
    assert_eq!(
        document["servers"],
        json!([
            {"url": "https://api.example.com", "description": "Production"},
            {"url": "/v1"},
        ])
    );
}

#[tokio::test]
async fn operation_without_security_has_no_security_key_and_no_components() {
    let app = secured::Router::new()
        .route("/open", get(open))
        .into_router();
    let document = document(app).await;
    let operation = &document["paths"]["/open"]["get"];
    assert_eq!(operation["operationId"], "open_open_get");
    assert_eq!(operation["summary"], "Open");
    assert!(operation.get("security").is_none());
    assert!(document.get("components").is_none());
}

#[tokio::test]
async fn default_names_follow_python_title_and_word_characters() {
    let app = secured::Router::new()
        .route("/v2/items/{item_id}", get(read_v2items))
        .into_router();
    let document = document(app).await;
    let operation = &document["paths"]["/v2/items/{item_id}"]["get"];
    assert_eq!(operation["summary"], "Read V2Items");
    assert_eq!(
        operation["operationId"],
        "read_v2items_v2_items__item_id__get"
    );
    assert_eq!(
        operation["parameters"],
        json!([{"name": "item_id", "in": "path", "required": true, "schema": {"type": "string"}}])
    );
}

#[tokio::test]
async fn doc_comment_is_the_description_and_the_summary_stays_the_name() {
    let app = secured::Router::new()
        .route("/items", get(list_items))
        .into_router();
    let items = document(app).await;
    let operation = &items["paths"]["/items"]["get"];
    assert_eq!(operation["summary"], "List Items");
    assert_eq!(operation["description"], "Lists the items.");
    let ex2 = document(oauth2_password::app()).await;
    assert_eq!(ex2["paths"]["/token"]["post"]["summary"], "Login");
}

#[tokio::test]
async fn openapi_url_none_serves_neither_the_document_nor_the_pages() {
    let app = secured::Router::new()
        .openapi_url(None)
        .route("/open", get(open))
        .into_router();
    let server = Server::start(app).await;
    for path in ["/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"] {
        assert_eq!(server.get(path, &[]).await.status, 404, "{path}");
    }
    assert_eq!(server.get("/open", &[]).await.status, 200);
}

#[tokio::test]
async fn openapi_url_moves_the_document_and_the_pages_follow() {
    let app = secured::Router::new()
        .openapi_url(Some("/api/v1/openapi.json"))
        .route("/open", get(open))
        .into_router();
    let server = Server::start(app).await;
    assert_eq!(server.get("/openapi.json", &[]).await.status, 404);
    let response = server.get("/api/v1/openapi.json", &[]).await;
    assert_eq!(response.status, 200);
    assert_eq!(response.json()["openapi"], "3.1.0");
    assert_page(
        &server.get("/docs", &[]).await,
        &[r#""url":"/api/v1/openapi.json""#],
    );
    assert_page(
        &server.get("/redoc", &[]).await,
        &[r#"<redoc spec-url="/api/v1/openapi.json"></redoc>"#],
    );
}

#[tokio::test]
async fn docs_url_none_turns_off_swagger_ui_only() {
    let app = secured::Router::new()
        .docs_url(None)
        .route("/open", get(open))
        .into_router();
    let server = Server::start(app).await;
    assert_eq!(server.get("/docs", &[]).await.status, 404);
    assert_eq!(server.get("/docs/oauth2-redirect", &[]).await.status, 404);
    assert_eq!(server.get("/openapi.json", &[]).await.status, 200);
    assert_eq!(server.get("/redoc", &[]).await.status, 200);
}

#[tokio::test]
async fn redoc_url_none_turns_off_redoc_only() {
    let app = secured::Router::new()
        .redoc_url(None)
        .route("/open", get(open))
        .into_router();
    let server = Server::start(app).await;
    assert_eq!(server.get("/redoc", &[]).await.status, 404);
    assert_eq!(server.get("/docs", &[]).await.status, 200);
    assert_eq!(server.get("/openapi.json", &[]).await.status, 200);
}

#[tokio::test]
async fn docs_url_moves_swagger_ui_and_its_redirect_page() {
    let app = secured::Router::new()
        .docs_url(Some("/swagger/"))
        .route("/open", get(open))
        .into_router();
    let server = Server::start(app).await;
    assert_eq!(server.get("/docs", &[]).await.status, 404);
    assert_page(
        &server.get("/swagger/", &[]).await,
        &[r#"window.location.origin + "/swagger/oauth2-redirect""#],
    );
    assert_page(
        &server.get("/swagger/oauth2-redirect", &[]).await,
        &["swaggerUIRedirectOauth2"],
    );
}

// --- the documentation pages -------------------------------------------------------------------

#[tokio::test]
async fn docs_serves_swagger_ui_pointing_at_the_document() {
    let server = Server::start(api_key::app()).await;
    let page = assert_page(
        &server.get("/docs", &[]).await,
        &[
            "<title>FastAPI - Swagger UI</title>",
            r#"<div id="swagger-ui">"#,
            r#"<script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"></script>"#,
            r#"href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css""#,
            r#""url":"/openapi.json""#,
            r##""dom_id":"#swagger-ui""##,
            r#"config.oauth2RedirectUrl = window.location.origin + "/docs/oauth2-redirect";"#,
            "SwaggerUIBundle(config)",
        ],
    );
    assert!(
        !page.contains("initOAuth"),
        "no OAuth settings unless given"
    );
}

#[tokio::test]
async fn docs_oauth2_redirect_serves_the_redirect_page() {
    let server = Server::start(oauth2_password::app()).await;
    assert_page(
        &server.get("/docs/oauth2-redirect", &[]).await,
        &[
            "<!doctype html>",
            "window.opener.swaggerUIRedirectOauth2",
            "window.close()",
        ],
    );
}

#[tokio::test]
async fn redoc_serves_redoc_pointing_at_the_document() {
    let server = Server::start(api_key::app()).await;
    assert_page(
        &server.get("/redoc", &[]).await,
        &[
            "<title>FastAPI - ReDoc</title>",
            r#"<redoc spec-url="/openapi.json"></redoc>"#,
            r#"<script src="https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js"></script>"#,
        ],
    );
}

#[tokio::test]
async fn swagger_ui_settings_show_up_in_the_page() {
    let ui = SwaggerUi::new()
        .js_url("/static/swagger-ui-bundle.js")
        .css_url("/static/swagger-ui.css")
        .favicon_url("/static/favicon.png")
        .oauth_client_id("docs-client")
        .oauth_use_pkce(true)
        .init_oauth("appName", "Items");
    let app = secured::Router::new()
        .title("Items <API>")
        .swagger_ui(ui)
        .route("/open", get(open))
        .into_router();
    let server = Server::start(app).await;
    let page = assert_page(
        &server.get("/docs", &[]).await,
        &[
            "<title>Items &lt;API&gt; - Swagger UI</title>",
            r#"<script src="/static/swagger-ui-bundle.js"></script>"#,
            r#"href="/static/swagger-ui.css""#,
            r#"href="/static/favicon.png""#,
            r#"ui.initOAuth({"clientId":"docs-client","usePkceWithAuthorizationCodeGrant":true,"appName":"Items"})"#,
        ],
    );
    assert!(
        !page.contains("cdn.jsdelivr.net"),
        "no CDN asset left:\n{page}"
    );
}

#[tokio::test]
async fn swagger_ui_settings_cannot_close_the_script_element() {
    let ui = SwaggerUi::new().oauth_client_id("</script><script>alert(1)</script>");
    let app = secured::Router::new()
        .swagger_ui(ui)
        .route("/open", get(open))
        .into_router();
    let server = Server::start(app).await;
    let page = assert_page(
        &server.get("/docs", &[]).await,
        &[r#""clientId":"<\/script><script>alert(1)<\/script>""#],
    );
    assert_eq!(
        page.matches("</script>").count(),
        2,
        "only the page's own scripts close"
    );
}

// --- requirement semantics ---------------------------------------------------------------------

#[tokio::test]
async fn two_required_schemes_form_one_requirement_object() {
    let app = secured::Router::new()
        .route("/both", get(two_required))
        .into_router();
    let document = document(app).await;
    assert_eq!(
        security(&document, "GET /both"),
        &json!([{"APIKeyHeader": [], "HTTPBearer": []}])
    );
    let operation = &document["paths"]["/both"]["get"];
    assert_eq!(
        operation["responses"]["401"]["description"],
        "Not authenticated"
    );
}

#[tokio::test]
async fn each_optional_scheme_is_an_alternative_with_the_required_ones() {
    let app = secured::Router::new()
        .route("/mixed", get(required_and_two_optional))
        .into_router();
    let document = document(app).await;
    assert_eq!(
        security(&document, "GET /mixed"),
        &json!([
            {"APIKeyHeader": [], "HTTPBearerOptional": []},
            {"APIKeyHeader": [], "HTTPBasicOptional": []},
        ])
    );
    let schemes = document["components"]["securitySchemes"]
        .as_object()
        .unwrap();
    let names: Vec<&String> = schemes.keys().collect();
    assert_eq!(
        names,
        ["APIKeyHeader", "HTTPBearerOptional", "HTTPBasicOptional"]
    );
}

#[tokio::test]
async fn any_as_guard_or_parameter_is_one_alternative_each() {
    let app = secured::Router::new()
        .route("/guard", get(any_guard))
        .route("/param", get(any_param))
        .into_router();
    let document = document(app).await;
    let either = json!([{"APIKeyHeader": []}, {"HTTPBearer": []}]);
    assert_eq!(security(&document, "GET /guard"), &either);
    assert_eq!(security(&document, "GET /param"), &either);
}

#[tokio::test]
async fn any_beside_a_required_scheme_combines_with_it() {
    let app = secured::Router::new()
        .route("/both", get(any_beside_required))
        .into_router();
    let document = document(app).await;
    assert_eq!(
        security(&document, "GET /both"),
        &json!([
            {"OAuth2PasswordBearer": ["b"], "APIKeyHeader": []},
            {"OAuth2PasswordBearer": ["b"], "HTTPBearer": []},
        ])
    );
}

#[tokio::test]
async fn anonymous_appends_an_empty_requirement() {
    let app = secured::Router::new()
        .route("/maybe", get(anonymous_too))
        .into_router();
    let document = document(app).await;
    assert_eq!(
        security(&document, "GET /maybe"),
        &json!([{"HTTPBearerOptional": []}, {}])
    );
}

#[tokio::test]
async fn scopes_are_accumulated_along_every_path_once_parents_first() {
    let app = secured::Router::new()
        .route("/scoped", get(scoped))
        .into_router();
    let document = document(app).await;
    // Guard first, then each parameter's path top-down; every scope once.
    assert_eq!(
        security(&document, "GET /scoped"),
        &json!([{"OAuth2PasswordBearer": ["d", "a", "c", "b"]}])
    );
}

#[tokio::test]
async fn one_scheme_declared_twice_alike_is_one_entry() {
    let app = secured::Router::new()
        .route("/key", get(key_only))
        .route("/again", get(key_again))
        .into_router();
    let document = document(app).await;
    assert_eq!(
        document["components"]["securitySchemes"],
        json!({"APIKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"}})
    );
    assert_eq!(
        security(&document, "GET /again"),
        &json!([{"APIKeyHeader": []}])
    );
}

fn conflicting_router() -> secured::Router {
    secured::Router::new()
        .route("/key", get(key_only))
        .route("/other", get(other_key))
}

#[test]
fn two_schemes_under_one_name_is_an_error_naming_both() {
    let error = conflicting_router()
        .try_into_router()
        .expect_err("a conflict");
    assert_eq!(
        error,
        OpenApiError::SchemeNameConflict {
            name: "APIKeyHeader",
            first: "API_KEY",
            second: "OTHER_KEY",
        }
    );
    assert_eq!(
        error.to_string(),
        "two different schemes, `API_KEY` and `OTHER_KEY`, are both named `APIKeyHeader` in the \
         OpenAPI document; give one its own `.scheme_name(...)`"
    );
    assert_eq!(conflicting_router().openapi(), Err(error));
}

#[test]
fn into_router_panics_on_two_schemes_under_one_name() {
    let panic = catch_unwind(AssertUnwindSafe(|| conflicting_router().into_router()))
        .expect_err("into_router panics");
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .expect("a text message");
    assert_eq!(
        message,
        "secured::Router: two different schemes, `API_KEY` and `OTHER_KEY`, are both named \
         `APIKeyHeader` in the OpenAPI document; give one its own `.scheme_name(...)`"
    );
}

#[tokio::test]
async fn the_served_document_is_the_one_openapi_returns() {
    let router = || secured::Router::new().route("/both", get(two_required));
    let built = router().openapi().expect("a document");
    assert_eq!(document(router().into_router()).await, built);
}
