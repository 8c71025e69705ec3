//! ex6: every scheme, required and optional, scope accumulation, and both token forms; each
//! route echoes what the scheme extracted.
//!
//! `cargo run --example all_schemes`, then
//! `curl -u user:pass http://127.0.0.1:8000/basic`.

use axum::Json;
use secured::http::{header, HeaderValue};
use secured::routing::{get, post};
use secured::{
    dependency, scheme, secured, ApiKeyCookie, ApiKeyHeader, ApiKeyQuery, Credential,
    HttpAuthorizationCredentials, HttpBasic, HttpBasicCredentials, HttpBearer, HttpDigest,
    HttpError, OAuth2AuthorizationCodeBearer, OAuth2PasswordBearer, OAuth2PasswordRequestForm,
    OAuth2PasswordRequestFormStrict, OpenIdConnect, SecurityScopes,
};
use serde_json::{json, Value};

const SCOPES: secured::Scopes = &[
    ("me", "Read information about the current user"),
    ("items", "Access items"),
    ("admin", "Administer"),
    ("write", "Write"),
    ("read", "Read"),
];

const OIDC_URL: &str = "https://example.com/.well-known/openid-configuration";

#[scheme]
const API_KEY_HEADER: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");
#[scheme]
const API_KEY_HEADER_OPT: ApiKeyHeader = ApiKeyHeader::new("X-API-Key")
    .auto_error(false)
    .scheme_name("APIKeyHeaderOptional");
#[scheme]
const API_KEY_QUERY: ApiKeyQuery = ApiKeyQuery::new("api_key");
#[scheme]
const API_KEY_QUERY_OPT: ApiKeyQuery = ApiKeyQuery::new("api_key")
    .auto_error(false)
    .scheme_name("APIKeyQueryOptional");
#[scheme]
const API_KEY_COOKIE: ApiKeyCookie = ApiKeyCookie::new("session");
#[scheme]
const API_KEY_COOKIE_OPT: ApiKeyCookie = ApiKeyCookie::new("session")
    .auto_error(false)
    .scheme_name("APIKeyCookieOptional");

#[scheme]
const BASIC: HttpBasic = HttpBasic::new().realm("ex6 realm");
#[scheme]
const BASIC_OPT: HttpBasic = HttpBasic::new()
    .realm("optional realm")
    .auto_error(false)
    .scheme_name("HTTPBasicOptional");
#[scheme]
const BEARER: HttpBearer = HttpBearer::new()
    .bearer_format("JWT")
    .description("JWT bearer token");
#[scheme]
const BEARER_OPT: HttpBearer = HttpBearer::new()
    .bearer_format("JWT")
    .auto_error(false)
    .scheme_name("HTTPBearerOptional");
#[scheme]
const DIGEST: HttpDigest = HttpDigest::new();
#[scheme]
const DIGEST_OPT: HttpDigest = HttpDigest::new()
    .auto_error(false)
    .scheme_name("HTTPDigestOptional");

#[scheme]
const OAUTH2_PASSWORD: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token")
    .scopes(SCOPES)
    .refresh_url("refresh");
#[scheme]
const OAUTH2_PASSWORD_OPT: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token")
    .auto_error(false)
    .scheme_name("OAuth2PasswordBearerOptional");
#[scheme]
const OAUTH2_CODE: OAuth2AuthorizationCodeBearer =
    OAuth2AuthorizationCodeBearer::new("authorize", "token")
        .refresh_url("refresh")
        .scopes(&[
            ("me", "Read information about the current user"),
            ("items", "Access items"),
        ]);
#[scheme]
const OAUTH2_CODE_OPT: OAuth2AuthorizationCodeBearer =
    OAuth2AuthorizationCodeBearer::new("authorize", "token")
        .auto_error(false)
        .scheme_name("OAuth2AuthorizationCodeBearerOptional");
#[scheme]
const OIDC: OpenIdConnect = OpenIdConnect::new(OIDC_URL);
#[scheme]
const OIDC_OPT: OpenIdConnect = OpenIdConnect::new(OIDC_URL)
    .auto_error(false)
    .scheme_name("OpenIdConnectOptional");

// --- API keys ------------------------------------------------------------------------------

#[secured]
fn apikey_header(#[security(API_KEY_HEADER)] key: Credential) -> Json<Value> {
    Json(json!({"api_key": key}))
}

#[secured]
fn apikey_header_optional(#[security(API_KEY_HEADER_OPT)] key: Option<Credential>) -> Json<Value> {
    Json(json!({"api_key": key}))
}

#[secured]
fn apikey_query(#[security(API_KEY_QUERY)] key: Credential) -> Json<Value> {
    Json(json!({"api_key": key}))
}

#[secured]
fn apikey_query_optional(#[security(API_KEY_QUERY_OPT)] key: Option<Credential>) -> Json<Value> {
    Json(json!({"api_key": key}))
}

#[secured]
fn apikey_cookie(#[security(API_KEY_COOKIE)] key: Credential) -> Json<Value> {
    Json(json!({"api_key": key}))
}

#[secured]
fn apikey_cookie_optional(#[security(API_KEY_COOKIE_OPT)] key: Option<Credential>) -> Json<Value> {
    Json(json!({"api_key": key}))
}

// --- HTTP schemes --------------------------------------------------------------------------

#[secured]
fn basic_route(#[security(BASIC)] creds: HttpBasicCredentials) -> Json<Value> {
    Json(json!({"credentials": creds}))
}

#[secured]
fn basic_optional(#[security(BASIC_OPT)] creds: Option<HttpBasicCredentials>) -> Json<Value> {
    Json(json!({"credentials": creds}))
}

#[secured]
fn bearer_route(#[security(BEARER)] creds: HttpAuthorizationCredentials) -> Json<Value> {
    Json(json!({"credentials": creds}))
}

#[secured]
fn bearer_optional(
    #[security(BEARER_OPT)] creds: Option<HttpAuthorizationCredentials>,
) -> Json<Value> {
    Json(json!({"credentials": creds}))
}

#[secured]
fn digest_route(#[security(DIGEST)] creds: HttpAuthorizationCredentials) -> Json<Value> {
    Json(json!({"credentials": creds}))
}

#[secured]
fn digest_optional(
    #[security(DIGEST_OPT)] creds: Option<HttpAuthorizationCredentials>,
) -> Json<Value> {
    Json(json!({"credentials": creds}))
}

// --- OAuth2 / OpenID Connect ---------------------------------------------------------------

#[secured]
fn oauth2_password_route(#[security(OAUTH2_PASSWORD)] bearer: Credential) -> Json<Value> {
    Json(json!({"token": bearer}))
}

#[secured]
fn oauth2_password_optional(
    #[security(OAUTH2_PASSWORD_OPT)] bearer: Option<Credential>,
) -> Json<Value> {
    Json(json!({"token": bearer}))
}

#[secured]
fn oauth2_code_route(#[security(OAUTH2_CODE)] bearer: Credential) -> Json<Value> {
    Json(json!({"token": bearer}))
}

#[secured]
fn oauth2_code_optional(#[security(OAUTH2_CODE_OPT)] bearer: Option<Credential>) -> Json<Value> {
    Json(json!({"token": bearer}))
}

#[secured]
fn oidc_route(#[security(OIDC)] authorization: Credential) -> Json<Value> {
    Json(json!({"authorization": authorization}))
}

#[secured]
fn oidc_optional(#[security(OIDC_OPT)] authorization: Option<Credential>) -> Json<Value> {
    Json(json!({"authorization": authorization}))
}

#[secured]
fn combined(
    #[security(API_KEY_HEADER_OPT)] key: Option<Credential>,
    #[security(BEARER_OPT)] bearer_creds: Option<HttpAuthorizationCredentials>,
    #[security(BASIC_OPT)] basic_creds: Option<HttpBasicCredentials>,
) -> Json<Value> {
    Json(json!({"api_key": key, "bearer": bearer_creds, "basic": basic_creds}))
}

// --- SecurityScopes accumulation -----------------------------------------------------------
// Each level echoes the SecurityScopes it receives; the scopes of a `#[security(...)]` add to
// those of every enclosing one.

fn echo(security_scopes: &SecurityScopes, key: &str, inner: Value) -> Value {
    json!({
        "scopes": security_scopes.scopes,
        "scope_str": security_scopes.scope_str(),
        key: inner,
    })
}

#[dependency]
fn level3(
    security_scopes: SecurityScopes,
    #[security(OAUTH2_PASSWORD, scopes = ["read"])] bearer: Credential,
) -> Value {
    echo(&security_scopes, "token", json!(bearer))
}

#[dependency]
fn level2(
    security_scopes: SecurityScopes,
    #[security(level3, scopes = ["write"])] inner: Value,
) -> Value {
    echo(&security_scopes, "inner", inner)
}

#[dependency]
fn level1(
    security_scopes: SecurityScopes,
    #[security(level2, scopes = ["admin"])] inner: Value,
) -> Value {
    echo(&security_scopes, "inner", inner)
}

#[secured]
fn scopes_nested(
    security_scopes: SecurityScopes,
    #[security(level1, scopes = ["me"])] data: Value,
) -> Json<Value> {
    Json(echo(&security_scopes, "inner", data))
}

#[dependency]
fn dup_inner(
    security_scopes: SecurityScopes,
    #[security(OAUTH2_PASSWORD, scopes = ["me"])] bearer: Credential,
) -> Value {
    echo(&security_scopes, "token", json!(bearer))
}

#[dependency]
fn dup_middle(
    security_scopes: SecurityScopes,
    #[security(dup_inner, scopes = ["me"])] inner: Value,
) -> Value {
    echo(&security_scopes, "inner", inner)
}

#[secured]
fn scopes_dup(
    #[security(dup_middle, scopes = ["items", "me", "items"])] data: Value,
) -> Json<Value> {
    Json(json!({"inner": data}))
}

#[dependency]
fn sibling(
    security_scopes: SecurityScopes,
    #[security(OAUTH2_PASSWORD)] bearer: Credential,
) -> Value {
    echo(&security_scopes, "token", json!(bearer))
}

#[secured(OAUTH2_PASSWORD, scopes = ["admin"])]
fn scopes_siblings(
    #[security(sibling, scopes = ["me"])] a: Value,
    #[security(sibling, scopes = ["items"])] b: Value,
) -> Json<Value> {
    Json(json!({"a": a, "b": b}))
}

/// The token is the comma-separated list of granted scopes, such as `me,items`.
#[dependency]
fn require_scopes(
    security_scopes: SecurityScopes,
    #[security(OAUTH2_PASSWORD)] bearer: Credential,
) -> Result<Value, HttpError> {
    // `token` names the token endpoint's handler, a unit struct: bindings take other names.
    let granted: Vec<&str> = bearer.split(',').collect();
    if let Some(_missing) = security_scopes
        .scopes
        .iter()
        .find(|scope| !granted.contains(scope))
    {
        let challenge = if security_scopes.scopes.is_empty() {
            HeaderValue::from_static("Bearer")
        } else {
            HeaderValue::try_from(format!("Bearer scope=\"{}\"", security_scopes.scope_str()))
                .map_err(|_| HttpError::unauthorized("Not enough permissions"))?
        };
        return Err(HttpError::unauthorized("Not enough permissions")
            .header(header::WWW_AUTHENTICATE, challenge));
    }
    Ok(json!({"granted": granted, "required": security_scopes.scopes}))
}

#[secured]
fn scopes_check(
    #[security(require_scopes, scopes = ["items", "me"])] result: Value,
) -> Json<Value> {
    Json(result)
}

// --- Token endpoints -----------------------------------------------------------------------

#[secured]
fn token(form: OAuth2PasswordRequestForm) -> Json<OAuth2PasswordRequestForm> {
    Json(form)
}

#[secured]
fn token_strict(form: OAuth2PasswordRequestFormStrict) -> Json<OAuth2PasswordRequestFormStrict> {
    Json(form)
}

/// The application, for `main` and for the HTTP-level tests.
pub fn app() -> axum::Router {
    secured::Router::new()
        .route("/apikey/header", get(apikey_header))
        .route("/apikey/header-optional", get(apikey_header_optional))
        .route("/apikey/query", get(apikey_query))
        .route("/apikey/query-optional", get(apikey_query_optional))
        .route("/apikey/cookie", get(apikey_cookie))
        .route("/apikey/cookie-optional", get(apikey_cookie_optional))
        .route("/basic", get(basic_route))
        .route("/basic-optional", get(basic_optional))
        .route("/bearer", get(bearer_route))
        .route("/bearer-optional", get(bearer_optional))
        .route("/digest", get(digest_route))
        .route("/digest-optional", get(digest_optional))
        .route("/oauth2/password", get(oauth2_password_route))
        .route("/oauth2/password-optional", get(oauth2_password_optional))
        .route("/oauth2/code", get(oauth2_code_route))
        .route("/oauth2/code-optional", get(oauth2_code_optional))
        .route("/oidc", get(oidc_route))
        .route("/oidc-optional", get(oidc_optional))
        .route("/combined", get(combined))
        .route("/scopes/nested", get(scopes_nested))
        .route("/scopes/dup", get(scopes_dup))
        .route("/scopes/siblings", get(scopes_siblings))
        .route("/scopes/check", get(scopes_check))
        .route("/token", post(token))
        .route("/token-strict", post(token_strict))
        .into_router()
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "8000".to_owned());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    axum::serve(listener, app()).await
}
