//! OAuth2 bearer tokens and OpenID Connect (REFERENCE.md §1, §2, §7), through ex2, ex3 and ex6
//! served on loopback.

mod support;

#[path = "../examples/all_schemes.rs"]
#[allow(dead_code, unreachable_pub)]
mod all_schemes;
#[path = "../examples/oauth2_password.rs"]
#[allow(dead_code, unreachable_pub)]
mod oauth2_password;
#[path = "../examples/oauth2_scopes.rs"]
#[allow(dead_code, unreachable_pub)]
mod oauth2_scopes;

use serde_json::json;
use support::{not_authenticated, Server};

const FORM: &str = "application/x-www-form-urlencoded";

/// The OAuth2 bearer routes of ex6, which hand on the token as `{"token": ...}`.
const OAUTH2_ROUTES: &[&str] = &["/oauth2/password", "/oauth2/code"];

/// The OpenID Connect route of ex6, which hands on the whole header as `{"authorization": ...}`.
const OIDC_ROUTES: &[&str] = &["/oidc"];

/// Sends these `Authorization` values (in order; none for an absent header) to each route and
/// its `-optional` variant, and asserts that both hand on `value` under `key`, or, for `None`,
/// that the request carries no credentials: 401 with the `Bearer` challenge, and `null`.
async fn assert_handed_on(
    server: &Server,
    routes: &[&str],
    key: &str,
    authorization: &[&[u8]],
    value: Option<&str>,
) {
    for route in routes {
        let required = server.get_authorized(route, authorization).await;
        let optional_route = format!("{route}-optional");
        let optional = server.get_authorized(&optional_route, authorization).await;
        match value {
            Some(value) => required.assert(200, None, json!({ key: value })),
            None => required.assert(401, Some("Bearer"), not_authenticated()),
        }
        optional.assert(200, None, json!({ key: value }));
    }
}

async fn assert_token(server: &Server, authorization: &[&[u8]], token: Option<&str>) {
    assert_handed_on(server, OAUTH2_ROUTES, "token", authorization, token).await;
}

async fn assert_oidc(server: &Server, authorization: &[&[u8]], value: Option<&str>) {
    assert_handed_on(server, OIDC_ROUTES, "authorization", authorization, value).await;
}

// --- ex2: password flow ------------------------------------------------------------------------

#[tokio::test]
async fn ex2_token_endpoint_issues_the_token_for_a_password_form() {
    let server = Server::start(oauth2_password::app()).await;
    for body in [
        "username=john.doe&password=secret",
        "grant_type=password&username=john.doe&password=secret",
    ] {
        let response = server.post("/token", FORM, body.as_bytes()).await;
        response.assert(
            200,
            None,
            json!({"access_token": "fake-token", "token_type": "bearer"}),
        );
    }
}

#[tokio::test]
async fn ex2_token_endpoint_requires_username_and_password() {
    let server = Server::start(oauth2_password::app()).await;
    let missing = |field: &str| {
        json!({
            "type": "missing", "loc": ["body", field], "msg": "Field required", "input": null,
        })
    };
    let cases = [
        ("password=secret", vec![missing("username")]),
        ("username=john.doe", vec![missing("password")]),
        ("username=john.doe&password=", vec![missing("password")]),
        ("", vec![missing("username"), missing("password")]),
    ];
    for (body, errors) in cases {
        let response = server.post("/token", FORM, body.as_bytes()).await;
        response.assert(422, None, json!({ "detail": errors }));
    }
}

#[tokio::test]
async fn ex2_token_endpoint_rejects_a_grant_type_other_than_password() {
    let server = Server::start(oauth2_password::app()).await;
    let body = "grant_type=PASSWORD&username=john.doe&password=secret";
    let response = server.post("/token", FORM, body.as_bytes()).await;
    response.assert(
        422,
        None,
        json!({"detail": [{
            "type": "string_pattern_mismatch",
            "loc": ["body", "grant_type"],
            "msg": "String should match pattern '^password$'",
            "input": "PASSWORD",
            "ctx": {"pattern": "^password$"},
        }]}),
    );
}

#[tokio::test]
async fn ex2_token_endpoint_reads_only_url_encoded_bodies() {
    let server = Server::start(oauth2_password::app()).await;
    let multipart = "--b\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\njohn.doe\r\n\
                     --b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nsecret\r\n\
                     --b--\r\n";
    let cases = [
        (
            "application/json",
            r#"{"username": "john.doe", "password": "secret"}"#,
        ),
        ("multipart/form-data; boundary=b", multipart),
    ];
    for (content_type, body) in cases {
        let response = server.post("/token", content_type, body.as_bytes()).await;
        response.assert(
            422,
            None,
            json!({"detail": [
                {"type": "missing", "loc": ["body", "username"], "msg": "Field required", "input": null},
                {"type": "missing", "loc": ["body", "password"], "msg": "Field required", "input": null},
            ]}),
        );
    }
}

#[tokio::test]
async fn ex2_valid_token_reads_the_current_user() {
    let server = Server::start(oauth2_password::app()).await;
    for authorization in ["Bearer fake-token", "bearer fake-token"] {
        let response = server
            .get("/users/me", &[("Authorization", authorization)])
            .await;
        response.assert(200, None, json!({"username": "john.doe"}));
    }
}

#[tokio::test]
async fn ex2_wrong_token_is_401_from_the_dependency_without_challenge() {
    let server = Server::start(oauth2_password::app()).await;
    let response = server
        .get("/users/me", &[("Authorization", "Bearer wrong-token")])
        .await;
    response.assert(
        401,
        None,
        json!({"detail": "Invalid authentication credentials"}),
    );
}

#[tokio::test]
async fn ex2_missing_token_is_401_with_bearer_challenge() {
    let server = Server::start(oauth2_password::app()).await;
    let cases: [&[&[u8]]; 6] = [
        &[],
        &[b""],
        &[b"Basic am9obi5kb2U6c2VjcmV0"],
        &[b"Bearer"],
        &[b"Bearer\tfake-token"],
        &[b"Bearer fake-token\xff"],
    ];
    for authorization in cases {
        let response = server.get_authorized("/users/me", authorization).await;
        response.assert(401, Some("Bearer"), not_authenticated());
    }
}

// --- ex3: scopes -------------------------------------------------------------------------------

#[tokio::test]
async fn ex3_token_with_scope_me_reads_the_current_user() {
    let server = Server::start(oauth2_scopes::app()).await;
    let response = server
        .get("/users/me", &[("Authorization", "Bearer fake-token")])
        .await;
    response.assert(200, None, json!({"username": "john.doe", "scopes": ["me"]}));
}

#[tokio::test]
async fn ex3_token_without_scope_items_is_401_not_enough_permissions() {
    let server = Server::start(oauth2_scopes::app()).await;
    let response = server
        .get("/items/", &[("Authorization", "Bearer fake-token")])
        .await;
    response.assert(401, None, json!({"detail": "Not enough permissions"}));
}

#[tokio::test]
async fn ex3_invalid_token_is_401_before_the_scope_check() {
    let server = Server::start(oauth2_scopes::app()).await;
    for path in ["/users/me", "/items/"] {
        let response = server
            .get(path, &[("Authorization", "Bearer wrong-token")])
            .await;
        response.assert(401, None, json!({"detail": "Invalid token"}));
    }
}

#[tokio::test]
async fn ex3_missing_token_is_401_with_bearer_challenge() {
    let server = Server::start(oauth2_scopes::app()).await;
    for path in ["/users/me", "/items/"] {
        let response = server.get(path, &[]).await;
        response.assert(401, Some("Bearer"), not_authenticated());
        for authorization in ["", "Token fake-token", "Bearer"] {
            let response = server.get(path, &[("Authorization", authorization)]).await;
            response.assert(401, Some("Bearer"), not_authenticated());
        }
    }
}

// --- ex6: OAuth2PasswordBearer and OAuth2AuthorizationCodeBearer --------------------------------

#[tokio::test]
async fn bearer_token_is_handed_on() {
    let server = Server::start(all_schemes::app()).await;
    assert_token(&server, &[b"Bearer fake-token"], Some("fake-token")).await;
}

#[tokio::test]
async fn missing_or_blank_authorization_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_token(&server, &[], None).await;
    assert_token(&server, &[b""], None).await;
    assert_token(&server, &[b"   "], None).await;
}

#[tokio::test]
async fn other_scheme_or_no_scheme_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_token(&server, &[b"Token fake-token"], None).await;
    assert_token(&server, &[b"Basic dXNlcjpwYXNz"], None).await;
    assert_token(&server, &[b"fake-token"], None).await;
}

#[tokio::test]
async fn bearer_without_token_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_token(&server, &[b"Bearer"], None).await;
    assert_token(&server, &[b"Bearer   "], None).await;
}

#[tokio::test]
async fn bearer_scheme_compares_case_insensitively() {
    let server = Server::start(all_schemes::app()).await;
    for authorization in [
        "bearer fake-token",
        "BEARER fake-token",
        "BeArEr fake-token",
    ] {
        assert_token(&server, &[authorization.as_bytes()], Some("fake-token")).await;
    }
}

#[tokio::test]
async fn token_is_split_at_the_first_space_and_trimmed() {
    let server = Server::start(all_schemes::app()).await;
    assert_token(&server, &[b"Bearer     tok   "], Some("tok")).await;
    assert_token(&server, &[b"  Bearer tok  "], Some("tok")).await;
    assert_token(&server, &[b"Bearer a b"], Some("a b")).await;
    assert_token(&server, &[b"Bearer a\tb"], Some("a\tb")).await;
}

#[tokio::test]
async fn tab_is_not_a_scheme_separator() {
    let server = Server::start(all_schemes::app()).await;
    assert_token(&server, &[b"Bearer\tfake-token"], None).await;
}

#[tokio::test]
async fn scheme_run_into_the_token_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_token(&server, &[b"Bearerfake-token"], None).await;
}

#[tokio::test]
async fn first_authorization_header_wins() {
    let server = Server::start(all_schemes::app()).await;
    assert_token(&server, &[b"Bearer first", b"Bearer second"], Some("first")).await;
    assert_token(&server, &[b"Token first", b"Bearer second"], None).await;
}

#[tokio::test]
async fn eight_kilobyte_token_is_accepted() {
    let server = Server::start(all_schemes::app()).await;
    let token = "k".repeat(8192);
    let authorization = format!("Bearer {token}");
    assert_token(&server, &[authorization.as_bytes()], Some(&token)).await;
}

#[tokio::test]
async fn non_utf8_authorization_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_token(&server, &[b"Bearer caf\xe9"], None).await;
}

#[tokio::test]
async fn utf8_token_is_decoded_as_utf8() {
    let server = Server::start(all_schemes::app()).await;
    assert_token(&server, &["Bearer tökén".as_bytes()], Some("tökén")).await;
}

#[tokio::test]
async fn token_is_not_percent_decoded() {
    let server = Server::start(all_schemes::app()).await;
    assert_token(&server, &[b"Bearer a%20b"], Some("a%20b")).await;
}

#[tokio::test]
async fn authorization_header_name_is_case_insensitive() {
    let server = Server::start(all_schemes::app()).await;
    for route in OAUTH2_ROUTES {
        let response = server
            .get(route, &[("authorization", "Bearer fake-token")])
            .await;
        response.assert(200, None, json!({"token": "fake-token"}));
    }
}

#[tokio::test]
async fn unrelated_non_utf8_header_is_ignored() {
    let server = Server::start(all_schemes::app()).await;
    let headers: [(&str, &[u8]); 2] = [("X-Other", b"\xff"), ("Authorization", b"Bearer tok")];
    for route in OAUTH2_ROUTES {
        let response = server.send("GET", route, &headers, None).await;
        response.assert(200, None, json!({"token": "tok"}));
    }
}

// --- ex6: OpenIdConnect ------------------------------------------------------------------------

#[tokio::test]
async fn oidc_hands_on_the_whole_value_whatever_the_scheme() {
    let server = Server::start(all_schemes::app()).await;
    let cases = [
        ("Bearer fake-token", "Bearer fake-token"),
        ("BeArEr fake-token", "BeArEr fake-token"),
        ("Token fake-token", "Token fake-token"),
        ("Basic dXNlcjpwYXNz", "Basic dXNlcjpwYXNz"),
        ("fake-token", "fake-token"),
        ("Bearer", "Bearer"),
        ("Bearerfake-token", "Bearerfake-token"),
        ("Bearer\tfake-token", "Bearer\tfake-token"),
        ("Bearer a%20b", "Bearer a%20b"),
        ("Bearer tökén", "Bearer tökén"),
    ];
    for (authorization, value) in cases {
        assert_oidc(&server, &[authorization.as_bytes()], Some(value)).await;
    }
}

#[tokio::test]
async fn oidc_value_is_trimmed_but_inner_spaces_kept() {
    let server = Server::start(all_schemes::app()).await;
    assert_oidc(
        &server,
        &[b"  Bearer fake-token  "],
        Some("Bearer fake-token"),
    )
    .await;
    assert_oidc(&server, &[b"Bearer     tok   "], Some("Bearer     tok")).await;
    assert_oidc(&server, &[b"Bearer   "], Some("Bearer")).await;
}

#[tokio::test]
async fn oidc_missing_or_blank_authorization_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_oidc(&server, &[], None).await;
    assert_oidc(&server, &[b""], None).await;
    assert_oidc(&server, &[b"   "], None).await;
}

#[tokio::test]
async fn oidc_first_authorization_header_wins() {
    let server = Server::start(all_schemes::app()).await;
    assert_oidc(
        &server,
        &[b"Token first", b"Bearer second"],
        Some("Token first"),
    )
    .await;
}

#[tokio::test]
async fn oidc_non_utf8_authorization_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_oidc(&server, &[b"Bearer caf\xe9"], None).await;
}

#[tokio::test]
async fn oidc_eight_kilobyte_value_is_accepted() {
    let server = Server::start(all_schemes::app()).await;
    let authorization = format!("Bearer {}", "k".repeat(8192));
    assert_oidc(&server, &[authorization.as_bytes()], Some(&authorization)).await;
}
