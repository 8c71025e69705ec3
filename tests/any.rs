//! `any(A, B, ...)`: alternatives tried in order, the first that succeeds wins; when all fail, the
//! most telling failure answers. Small routers served on loopback.

mod support;

use axum::Json;
use secured::http::header::WWW_AUTHENTICATE;
use secured::http::HeaderValue;
use secured::routing::get;
use secured::{
    dependency, scheme, secured, ApiKeyHeader, Credential, Either, HttpAuthorizationCredentials,
    HttpBasic, HttpBasicCredentials, HttpBearer, HttpError,
};
use serde_json::{json, Value};
use support::{not_authenticated, Server};

#[scheme]
const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");

#[scheme]
const BEARER: HttpBearer = HttpBearer::new();

#[scheme]
const BASIC: HttpBasic = HttpBasic::new().realm("any realm");

/// 403 on a wrong key, as ex1's dependency.
#[dependency]
fn valid_key(#[security(API_KEY)] key: Credential) -> Result<Credential, HttpError> {
    if !secured::compare_digest(&*key, "secret-key") {
        return Err(HttpError::forbidden("Could not validate API key"));
    }
    Ok(key)
}

/// 401 with its own challenge on a wrong token.
#[dependency]
fn valid_token(
    #[security(BEARER)] bearer: HttpAuthorizationCredentials,
) -> Result<&'static str, HttpError> {
    if !secured::compare_digest(&*bearer.credentials, "secret-token") {
        return Err(HttpError::unauthorized("Invalid token").header(
            WWW_AUTHENTICATE,
            HeaderValue::from_static(r#"Bearer error="invalid_token""#),
        ));
    }
    Ok("token_user")
}

#[secured]
async fn whoami(
    #[security(any(valid_key, valid_token))] who: Either<Credential, &'static str>,
) -> Json<Value> {
    match who {
        Either::Left(_key) => Json(json!({"by": "api_key"})),
        Either::Right(user) => Json(json!({"by": "bearer", "user": user})),
    }
}

#[secured(any(API_KEY, BEARER, BASIC))]
async fn guarded() -> Json<Value> {
    Json(json!({"ok": true}))
}

#[secured]
async fn which_scheme(
    #[security(any(API_KEY, BEARER, BASIC))] who: Either<
        Credential,
        Either<HttpAuthorizationCredentials, HttpBasicCredentials>,
    >,
) -> Json<Value> {
    let by = match who {
        Either::Left(_) => "api_key",
        Either::Right(Either::Left(_)) => "bearer",
        Either::Right(Either::Right(_)) => "basic",
    };
    Json(json!({"by": by}))
}

async fn server() -> Server {
    let app = secured::Router::new()
        .route("/whoami", get(whoami))
        .route("/guarded", get(guarded))
        .route("/which", get(which_scheme))
        .into_router();
    Server::start(app).await
}

#[tokio::test]
async fn first_alternative_that_succeeds_wins() {
    let server = server().await;
    let response = server.get("/whoami", &[("X-API-Key", "secret-key")]).await;
    response.assert(200, None, json!({"by": "api_key"}));
    let both = [
        ("X-API-Key", "secret-key"),
        ("Authorization", "Bearer secret-token"),
    ];
    let response = server.get("/whoami", &both).await;
    response.assert(200, None, json!({"by": "api_key"}));
}

#[tokio::test]
async fn later_alternative_succeeds_when_the_first_has_no_credentials() {
    let server = server().await;
    let response = server
        .get("/whoami", &[("Authorization", "Bearer secret-token")])
        .await;
    response.assert(200, None, json!({"by": "bearer", "user": "token_user"}));
}

#[tokio::test]
async fn later_alternative_succeeds_when_the_first_check_fails() {
    let server = server().await;
    let headers = [
        ("X-API-Key", "wrong-key"),
        ("Authorization", "Bearer secret-token"),
    ];
    let response = server.get("/whoami", &headers).await;
    response.assert(200, None, json!({"by": "bearer", "user": "token_user"}));
}

#[tokio::test]
async fn failed_check_beats_missing_credentials_whichever_comes_first() {
    let server = server().await;
    let response = server.get("/whoami", &[("X-API-Key", "wrong-key")]).await;
    response.assert(403, None, json!({"detail": "Could not validate API key"}));
    let response = server
        .get("/whoami", &[("Authorization", "Bearer wrong-token")])
        .await;
    response.assert(
        401,
        Some(r#"Bearer error="invalid_token""#),
        json!({"detail": "Invalid token"}),
    );
}

#[tokio::test]
async fn first_failed_check_answers_when_every_check_fails() {
    let server = server().await;
    let headers = [
        ("X-API-Key", "wrong-key"),
        ("Authorization", "Bearer wrong-token"),
    ];
    let response = server.get("/whoami", &headers).await;
    response.assert(403, None, json!({"detail": "Could not validate API key"}));
}

#[tokio::test]
async fn all_missing_is_401_with_every_alternatives_challenge() {
    let server = server().await;
    let response = server.get("/whoami", &[]).await;
    response.assert(401, Some("APIKey, Bearer"), not_authenticated());
    let response = server.get("/guarded", &[]).await;
    response.assert(
        401,
        Some(r#"APIKey, Bearer, Basic realm="any realm""#),
        not_authenticated(),
    );
}

#[tokio::test]
async fn unusable_credentials_count_as_missing_for_every_alternative() {
    let server = server().await;
    let headers = [("X-API-Key", "  "), ("Authorization", "Token abc")];
    let response = server.get("/whoami", &headers).await;
    response.assert(401, Some("APIKey, Bearer"), not_authenticated());
}

#[tokio::test]
async fn guard_lets_any_one_scheme_through() {
    let server = server().await;
    for header in [
        ("X-API-Key", "any-key"),
        ("Authorization", "Bearer any-token"),
        ("Authorization", "Basic dXNlcjpwYXNz"),
    ] {
        let response = server.get("/guarded", &[header]).await;
        response.assert(200, None, json!({"ok": true}));
    }
}

#[tokio::test]
async fn nested_either_tells_which_alternative_succeeded() {
    let server = server().await;
    let cases = [
        (("X-API-Key", "k"), "api_key"),
        (("Authorization", "Bearer t"), "bearer"),
        (("Authorization", "Basic dXNlcjpwYXNz"), "basic"),
    ];
    for (header, by) in cases {
        let response = server.get("/which", &[header]).await;
        response.assert(200, None, json!({"by": by}));
    }
}
