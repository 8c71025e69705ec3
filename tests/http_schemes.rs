//! HTTP Basic, Bearer and Digest (REFERENCE.md §1, §2, §3, §7), through ex4 and ex6 served on
//! loopback.

mod support;

#[path = "../examples/all_schemes.rs"]
#[allow(dead_code, unreachable_pub)]
mod all_schemes;
#[path = "../examples/http_basic.rs"]
#[allow(dead_code, unreachable_pub)]
mod http_basic;

use serde_json::json;
use support::{not_authenticated, Server};

/// What ex6's `/basic` and `/basic-optional` make of an `Authorization` header.
enum Basic<'a> {
    /// Decoded into this user name and password.
    Credentials(&'a str, &'a str),
    /// No Basic credentials: 401 with the realm's challenge, `null` when optional.
    Missing,
    /// Basic credentials that cannot be decoded: 401 even when optional.
    Undecodable,
}

/// Sends these `Authorization` values (in order; none for an absent header) to `/basic` and
/// `/basic-optional` and asserts both answers.
async fn assert_basic(server: &Server, authorization: &[&[u8]], expected: Basic<'_>) {
    let required = server.get_authorized("/basic", authorization).await;
    let optional = server
        .get_authorized("/basic-optional", authorization)
        .await;
    match expected {
        Basic::Credentials(username, password) => {
            let body = json!({"credentials": {"username": username, "password": password}});
            required.assert(200, None, body.clone());
            optional.assert(200, None, body);
        }
        Basic::Missing => {
            required.assert(401, Some(r#"Basic realm="ex6 realm""#), not_authenticated());
            optional.assert(200, None, json!({"credentials": null}));
        }
        Basic::Undecodable => {
            required.assert(401, Some(r#"Basic realm="ex6 realm""#), not_authenticated());
            optional.assert(
                401,
                Some(r#"Basic realm="optional realm""#),
                not_authenticated(),
            );
        }
    }
}

/// Sends these `Authorization` values to `route` and `route-optional` (ex6's `/bearer` or
/// `/digest`) and asserts that both hand on `(scheme, credentials)`, or, for `None`, that the
/// request carries no credentials: 401 with `challenge`, and `null`.
async fn assert_scheme_credentials(
    server: &Server,
    route: &str,
    challenge: &str,
    authorization: &[&[u8]],
    expected: Option<(&str, &str)>,
) {
    let required = server.get_authorized(route, authorization).await;
    let optional_route = format!("{route}-optional");
    let optional = server.get_authorized(&optional_route, authorization).await;
    let credentials =
        expected.map(|(scheme, credentials)| json!({"scheme": scheme, "credentials": credentials}));
    match &credentials {
        Some(credentials) => required.assert(200, None, json!({"credentials": credentials})),
        None => required.assert(401, Some(challenge), not_authenticated()),
    }
    optional.assert(200, None, json!({"credentials": credentials}));
}

async fn assert_bearer(server: &Server, authorization: &[&[u8]], expected: Option<(&str, &str)>) {
    assert_scheme_credentials(server, "/bearer", "Bearer", authorization, expected).await;
}

async fn assert_digest(server: &Server, authorization: &[&[u8]], expected: Option<(&str, &str)>) {
    assert_scheme_credentials(server, "/digest", "Digest", authorization, expected).await;
}

// --- ex4: HTTP Basic checked by the application ------------------------------------------------

#[tokio::test]
async fn ex4_valid_credentials_greet_the_user() {
    let server = Server::start(http_basic::app()).await;
    for authorization in [
        "Basic YWRtaW46c2VjcmV0",
        "basic YWRtaW46c2VjcmV0",
        "BASIC YWRtaW46c2VjcmV0",
        "Basic    YWRtaW46c2VjcmV0   ",
    ] {
        let response = server
            .get("/basic-auth", &[("Authorization", authorization)])
            .await;
        response.assert(200, None, json!({"message": "Hello, admin"}));
    }
}

#[tokio::test]
async fn ex4_wrong_credentials_are_401_from_the_dependency_with_basic_challenge() {
    let server = Server::start(http_basic::app()).await;
    for authorization in [
        // admin:wrong, root:secret, admin:secret:x
        "Basic YWRtaW46d3Jvbmc=",
        "Basic cm9vdDpzZWNyZXQ=",
        "Basic YWRtaW46c2VjcmV0Ong=",
        // admin:sécret, decoded as UTF-8 (REFERENCE.md §7) and so reaching the check
        "Basic YWRtaW46c8OpY3JldA==",
    ] {
        let response = server
            .get("/basic-auth", &[("Authorization", authorization)])
            .await;
        response.assert(
            401,
            Some("Basic"),
            json!({"detail": "Incorrect username or password"}),
        );
    }
}

#[tokio::test]
async fn ex4_missing_credentials_are_401_with_basic_challenge() {
    let server = Server::start(http_basic::app()).await;
    let response = server.get("/basic-auth", &[]).await;
    response.assert(401, Some("Basic"), not_authenticated());
    for authorization in ["", "Basic", "Bearer YWRtaW46c2VjcmV0"] {
        let response = server
            .get("/basic-auth", &[("Authorization", authorization)])
            .await;
        response.assert(401, Some("Basic"), not_authenticated());
    }
}

#[tokio::test]
async fn ex4_undecodable_credentials_are_401_not_authenticated() {
    let server = Server::start(http_basic::app()).await;
    for authorization in [
        "Basic YWRtaW5zZWNyZXQ=",
        "Basic YWRtaW46c2VjcmV",
        "Basic YWRtaW46c2VjcmV0!",
        "Basic YWRtaW46/w==",
    ] {
        let response = server
            .get("/basic-auth", &[("Authorization", authorization)])
            .await;
        response.assert(401, Some("Basic"), not_authenticated());
    }
}

// --- ex6: HTTPBasic with a realm ---------------------------------------------------------------

#[tokio::test]
async fn basic_credentials_are_decoded() {
    let server = Server::start(all_schemes::app()).await;
    assert_basic(
        &server,
        &[b"Basic dXNlcjpwYXNz"],
        Basic::Credentials("user", "pass"),
    )
    .await;
    // `+` and `/` of the standard alphabet: user:>>>?
    assert_basic(
        &server,
        &[b"Basic dXNlcjo+Pj4/"],
        Basic::Credentials("user", ">>>?"),
    )
    .await;
}

#[tokio::test]
async fn basic_missing_credentials_challenge_with_the_realm() {
    let server = Server::start(all_schemes::app()).await;
    assert_basic(&server, &[], Basic::Missing).await;
    assert_basic(&server, &[b""], Basic::Missing).await;
    assert_basic(&server, &[b"   "], Basic::Missing).await;
}

#[tokio::test]
async fn basic_other_scheme_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_basic(&server, &[b"Bearer dXNlcjpwYXNz"], Basic::Missing).await;
    assert_basic(&server, &[b"BasicdXNlcjpwYXNz"], Basic::Missing).await;
    assert_basic(&server, &[b"Basic\tdXNlcjpwYXNz"], Basic::Missing).await;
}

#[tokio::test]
async fn basic_scheme_compares_case_insensitively() {
    let server = Server::start(all_schemes::app()).await;
    for authorization in [
        "basic dXNlcjpwYXNz",
        "BASIC dXNlcjpwYXNz",
        "bAsIc dXNlcjpwYXNz",
    ] {
        let expected = Basic::Credentials("user", "pass");
        assert_basic(&server, &[authorization.as_bytes()], expected).await;
    }
}

#[tokio::test]
async fn basic_credentials_are_trimmed() {
    let server = Server::start(all_schemes::app()).await;
    let authorization = b"Basic     dXNlcjpwYXNz   ";
    assert_basic(
        &server,
        &[authorization],
        Basic::Credentials("user", "pass"),
    )
    .await;
}

#[tokio::test]
async fn basic_empty_username_or_password_is_accepted() {
    let server = Server::start(all_schemes::app()).await;
    assert_basic(
        &server,
        &[b"Basic OnBhc3M="],
        Basic::Credentials("", "pass"),
    )
    .await;
    assert_basic(
        &server,
        &[b"Basic dXNlcjo="],
        Basic::Credentials("user", ""),
    )
    .await;
    assert_basic(&server, &[b"Basic Og=="], Basic::Credentials("", "")).await;
}

#[tokio::test]
async fn basic_password_is_split_at_the_first_colon() {
    let server = Server::start(all_schemes::app()).await;
    let expected = Basic::Credentials("user", "pa:ss");
    assert_basic(&server, &[b"Basic dXNlcjpwYTpzcw=="], expected).await;
}

#[tokio::test]
async fn basic_spaces_in_credentials_are_kept() {
    let server = Server::start(all_schemes::app()).await;
    let expected = Basic::Credentials(" user name ", " pass word ");
    assert_basic(
        &server,
        &[b"Basic IHVzZXIgbmFtZSA6IHBhc3Mgd29yZCA="],
        expected,
    )
    .await;
}

#[tokio::test]
async fn basic_utf8_credentials_are_decoded_as_utf8() {
    let server = Server::start(all_schemes::app()).await;
    let expected = Basic::Credentials("jösé", "pässwörd");
    assert_basic(&server, &[b"Basic asO2c8OpOnDDpHNzd8O2cmQ="], expected).await;
}

#[tokio::test]
async fn basic_invalid_utf8_credentials_are_not_authenticated_even_when_optional() {
    let server = Server::start(all_schemes::app()).await;
    // user:\xff\xfe
    assert_basic(&server, &[b"Basic dXNlcjr//g=="], Basic::Undecodable).await;
}

#[tokio::test]
async fn basic_without_colon_is_not_authenticated_even_when_optional() {
    let server = Server::start(all_schemes::app()).await;
    assert_basic(&server, &[b"Basic dXNlcnBhc3M="], Basic::Undecodable).await;
}

#[tokio::test]
async fn basic_bad_base64_is_not_authenticated_even_when_optional() {
    let server = Server::start(all_schemes::app()).await;
    assert_basic(&server, &[b"Basic dXNlcjpwYXN"], Basic::Undecodable).await;
    assert_basic(&server, &[b"Basic !!!!"], Basic::Undecodable).await;
}

#[tokio::test]
async fn basic_characters_outside_the_base64_alphabet_are_rejected() {
    let server = Server::start(all_schemes::app()).await;
    assert_basic(&server, &[b"Basic dXNlcjpwYXNz!"], Basic::Undecodable).await;
    assert_basic(&server, &[b"Basic dXNl cjpwYXNz"], Basic::Undecodable).await;
    assert_basic(
        &server,
        &["Basic dXNlcjpwYXNzé".as_bytes()],
        Basic::Undecodable,
    )
    .await;
}

#[tokio::test]
async fn basic_surplus_base64_padding_is_rejected() {
    let server = Server::start(all_schemes::app()).await;
    assert_basic(&server, &[b"Basic dXNlcjpwYXNz=="], Basic::Undecodable).await;
}

#[tokio::test]
async fn bare_basic_is_not_authenticated_even_when_optional() {
    let server = Server::start(all_schemes::app()).await;
    assert_basic(&server, &[b"Basic"], Basic::Undecodable).await;
    assert_basic(&server, &[b"Basic   "], Basic::Undecodable).await;
}

#[tokio::test]
async fn basic_first_authorization_header_wins() {
    let server = Server::start(all_schemes::app()).await;
    let headers: &[&[u8]] = &[b"Basic dXNlcjpwYXNz", b"Basic b3RoZXI6eA=="];
    assert_basic(&server, headers, Basic::Credentials("user", "pass")).await;
    assert_basic(
        &server,
        &[b"Bearer x", b"Basic dXNlcjpwYXNz"],
        Basic::Missing,
    )
    .await;
}

#[tokio::test]
async fn basic_non_utf8_header_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_basic(&server, &[b"Basic dXNlcjpwYXNz\xff"], Basic::Missing).await;
}

#[tokio::test]
async fn basic_eight_kilobyte_password_is_accepted() {
    let server = Server::start(all_schemes::app()).await;
    // base64 of `user:k` then of `kkk` 2730 times then of `k`: user and 8192 k.
    let authorization = format!("Basic dXNlcjpr{}aw==", "a2tr".repeat(2730));
    let password = "k".repeat(8192);
    let expected = Basic::Credentials("user", &password);
    assert_basic(&server, &[authorization.as_bytes()], expected).await;
}

// --- ex6: HTTPBearer ---------------------------------------------------------------------------

#[tokio::test]
async fn bearer_hands_on_the_scheme_as_sent_and_the_credentials() {
    let server = Server::start(all_schemes::app()).await;
    for scheme in ["Bearer", "bearer", "BEARER", "BeArEr"] {
        let authorization = format!("{scheme} fake-token");
        let expected = Some((scheme, "fake-token"));
        assert_bearer(&server, &[authorization.as_bytes()], expected).await;
    }
}

#[tokio::test]
async fn bearer_missing_or_blank_authorization_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_bearer(&server, &[], None).await;
    assert_bearer(&server, &[b""], None).await;
    assert_bearer(&server, &[b"   "], None).await;
}

#[tokio::test]
async fn bearer_other_scheme_or_no_scheme_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_bearer(&server, &[b"Token fake-token"], None).await;
    assert_bearer(&server, &[b"Basic dXNlcjpwYXNz"], None).await;
    assert_bearer(&server, &[b"fake-token"], None).await;
    assert_bearer(&server, &[b"Bearerfake-token"], None).await;
}

#[tokio::test]
async fn bearer_without_token_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_bearer(&server, &[b"Bearer"], None).await;
    assert_bearer(&server, &[b"Bearer   "], None).await;
}

#[tokio::test]
async fn bearer_credentials_are_split_at_the_first_space_and_trimmed() {
    let server = Server::start(all_schemes::app()).await;
    assert_bearer(&server, &[b"Bearer     tok   "], Some(("Bearer", "tok"))).await;
    assert_bearer(&server, &[b"  Bearer tok  "], Some(("Bearer", "tok"))).await;
    assert_bearer(&server, &[b"Bearer a b"], Some(("Bearer", "a b"))).await;
    assert_bearer(&server, &[b"Bearer a\tb"], Some(("Bearer", "a\tb"))).await;
}

#[tokio::test]
async fn bearer_tab_is_not_a_scheme_separator() {
    let server = Server::start(all_schemes::app()).await;
    assert_bearer(&server, &[b"Bearer\tfake-token"], None).await;
}

#[tokio::test]
async fn bearer_first_authorization_header_wins() {
    let server = Server::start(all_schemes::app()).await;
    let expected = Some(("Bearer", "first"));
    assert_bearer(&server, &[b"Bearer first", b"Bearer second"], expected).await;
    assert_bearer(&server, &[b"Token first", b"Bearer second"], None).await;
}

#[tokio::test]
async fn bearer_credentials_are_not_percent_decoded() {
    let server = Server::start(all_schemes::app()).await;
    assert_bearer(&server, &[b"Bearer a%20b"], Some(("Bearer", "a%20b"))).await;
}

#[tokio::test]
async fn bearer_non_utf8_header_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_bearer(&server, &[b"Bearer caf\xe9"], None).await;
}

#[tokio::test]
async fn bearer_utf8_credentials_are_decoded_as_utf8() {
    let server = Server::start(all_schemes::app()).await;
    let authorization = "Bearer tökén".as_bytes();
    assert_bearer(&server, &[authorization], Some(("Bearer", "tökén"))).await;
}

#[tokio::test]
async fn bearer_eight_kilobyte_credentials_are_accepted() {
    let server = Server::start(all_schemes::app()).await;
    let token = "k".repeat(8192);
    let authorization = format!("Bearer {token}");
    assert_bearer(
        &server,
        &[authorization.as_bytes()],
        Some(("Bearer", &token)),
    )
    .await;
}

// --- ex6: HTTPDigest ---------------------------------------------------------------------------

const DIGEST_PARAMS: &str = r#"username="u", realm="r", nonce="n""#;

#[tokio::test]
async fn digest_hands_on_the_scheme_as_sent_and_unparsed_credentials() {
    let server = Server::start(all_schemes::app()).await;
    for scheme in ["Digest", "digest", "DIGEST", "DiGeSt"] {
        let authorization = format!("{scheme} {DIGEST_PARAMS}");
        let expected = Some((scheme, DIGEST_PARAMS));
        assert_digest(&server, &[authorization.as_bytes()], expected).await;
    }
}

#[tokio::test]
async fn digest_missing_or_blank_authorization_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_digest(&server, &[], None).await;
    assert_digest(&server, &[b""], None).await;
    assert_digest(&server, &[b"   "], None).await;
}

#[tokio::test]
async fn digest_other_scheme_or_no_scheme_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    for authorization in [
        format!("Token {DIGEST_PARAMS}"),
        format!("Bearer {DIGEST_PARAMS}"),
        DIGEST_PARAMS.to_owned(),
        format!("Digest{DIGEST_PARAMS}"),
    ] {
        assert_digest(&server, &[authorization.as_bytes()], None).await;
    }
}

#[tokio::test]
async fn digest_without_credentials_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_digest(&server, &[b"Digest"], None).await;
    assert_digest(&server, &[b"Digest   "], None).await;
}

#[tokio::test]
async fn digest_credentials_are_split_at_the_first_space_and_trimmed() {
    let server = Server::start(all_schemes::app()).await;
    let padded = format!("  Digest     {DIGEST_PARAMS}   ");
    let expected = Some(("Digest", DIGEST_PARAMS));
    assert_digest(&server, &[padded.as_bytes()], expected).await;
    assert_digest(&server, &[b"Digest a\tb"], Some(("Digest", "a\tb"))).await;
}

#[tokio::test]
async fn digest_tab_is_not_a_scheme_separator() {
    let server = Server::start(all_schemes::app()).await;
    let authorization = format!("Digest\t{DIGEST_PARAMS}");
    assert_digest(&server, &[authorization.as_bytes()], None).await;
}

#[tokio::test]
async fn digest_first_authorization_header_wins() {
    let server = Server::start(all_schemes::app()).await;
    let expected = Some(("Digest", "first"));
    assert_digest(&server, &[b"Digest first", b"Digest second"], expected).await;
    assert_digest(&server, &[b"Token first", b"Digest second"], None).await;
}

#[tokio::test]
async fn digest_non_utf8_header_is_missing_credentials() {
    let server = Server::start(all_schemes::app()).await;
    assert_digest(&server, &[b"Digest caf\xe9"], None).await;
}

#[tokio::test]
async fn digest_eight_kilobyte_credentials_are_accepted() {
    let server = Server::start(all_schemes::app()).await;
    let credentials = "k".repeat(8192);
    let authorization = format!("Digest {credentials}");
    let expected = Some(("Digest", credentials.as_str()));
    assert_digest(&server, &[authorization.as_bytes()], expected).await;
}
