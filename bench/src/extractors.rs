//! The extractors of the hand-written twins, as an axum expert would write them without
//! `secured`: one `FromRequestParts` extractor per example, the same checks in the same order,
//! the same answers byte for byte. Credentials are read as borrowed `&str`, and copied only where
//! the handler hands them on. Self-contained, so that `scripts/bench/compile.sh` builds the same
//! file into its hand-written crate.

use std::marker::PhantomData;

use axum::extract::FromRequestParts;
use axum::http::header::{AsHeaderName, AUTHORIZATION, WWW_AUTHENTICATE};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;
use serde::Serialize;
use subtle::ConstantTimeEq;

/// The body of FastAPI's error answer.
#[derive(Serialize)]
struct Detail<'a> {
    detail: &'a str,
}

/// FastAPI's error answer: `{"detail": ...}`, with a `WWW-Authenticate` challenge when given.
fn detail(status: StatusCode, detail: &str, challenge: Option<&'static str>) -> Response {
    let mut response = (status, Json(Detail { detail })).into_response();
    if let Some(challenge) = challenge {
        response
            .headers_mut()
            .insert(WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
    }
    response
}

fn not_authenticated(challenge: &'static str) -> Response {
    detail(
        StatusCode::UNAUTHORIZED,
        "Not authenticated",
        Some(challenge),
    )
}

/// The first value of a header, trimmed; `None` when absent, blank or not UTF-8.
fn header(parts: &Parts, name: impl AsHeaderName) -> Option<&str> {
    let text = std::str::from_utf8(parts.headers.get(name)?.as_bytes())
        .ok()?
        .trim();
    (!text.is_empty()).then_some(text)
}

/// `Authorization: <scheme> <credentials>`, split at the first space.
fn authorization(parts: &Parts) -> Option<(&str, &str)> {
    let value = header(parts, AUTHORIZATION)?;
    Some(match value.split_once(' ') {
        Some((scheme, credentials)) => (scheme, credentials.trim()),
        None => (value, ""),
    })
}

fn bearer_token(parts: &Parts) -> Option<&str> {
    let (scheme, token) = authorization(parts)?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

fn equal_in_constant_time(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

/// ex1: the `X-API-Key` header, which must be the expected key.
pub(crate) struct ApiKey(pub(crate) String);

impl<S: Send + Sync> FromRequestParts<S> for ApiKey {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        let key = header(parts, "x-api-key").ok_or_else(|| not_authenticated("APIKey"))?;
        if !equal_in_constant_time(key, "secret-key") {
            return Err(detail(
                StatusCode::FORBIDDEN,
                "Could not validate API key",
                None,
            ));
        }
        Ok(Self(key.to_owned()))
    }
}

/// ex3: the scopes a route requires.
pub(crate) trait RequiredScopes {
    const SCOPES: &'static [&'static str];
}

pub(crate) struct Me;

impl RequiredScopes for Me {
    const SCOPES: &'static [&'static str] = &["me"];
}

pub(crate) struct Items;

impl RequiredScopes for Items {
    const SCOPES: &'static [&'static str] = &["items"];
}

#[derive(Serialize)]
pub(crate) struct User {
    username: &'static str,
    scopes: Vec<&'static str>,
}

/// ex3: the user of a bearer token, who must hold the scopes `R` requires.
pub(crate) struct CurrentUser<R>(pub(crate) User, pub(crate) PhantomData<R>);

impl<R: RequiredScopes, S: Send + Sync> FromRequestParts<S> for CurrentUser<R> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        let token = bearer_token(parts).ok_or_else(|| not_authenticated("Bearer"))?;
        if token != "fake-token" {
            return Err(detail(StatusCode::UNAUTHORIZED, "Invalid token", None));
        }
        let token_scopes = vec!["me"];
        if !R::SCOPES.iter().all(|scope| token_scopes.contains(scope)) {
            return Err(detail(
                StatusCode::UNAUTHORIZED,
                "Not enough permissions",
                None,
            ));
        }
        let user = User {
            username: "john.doe",
            scopes: token_scopes,
        };
        Ok(Self(user, PhantomData))
    }
}

/// Standard base64, refusing characters outside the alphabet and non-canonical padding.
const STRICT_BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::RequireCanonical)
        .with_decode_allow_trailing_bits(true),
);

/// ex4: the user name of HTTP Basic credentials, which must be the expected ones.
pub(crate) struct Username(pub(crate) String);

impl<S: Send + Sync> FromRequestParts<S> for Username {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        let credentials = authorization(parts)
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("basic"))
            .ok_or_else(|| not_authenticated("Basic"))?
            .1;
        let decoded = STRICT_BASE64
            .decode(credentials)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .ok_or_else(|| not_authenticated("Basic"))?;
        let (username, password) = decoded
            .split_once(':')
            .ok_or_else(|| not_authenticated("Basic"))?;
        let correct_username = equal_in_constant_time(username, "admin");
        let correct_password = equal_in_constant_time(password, "secret");
        if !(correct_username & correct_password) {
            return Err(detail(
                StatusCode::UNAUTHORIZED,
                "Incorrect username or password",
                Some("Basic"),
            ));
        }
        Ok(Self(username.to_owned()))
    }
}

#[derive(Serialize)]
pub(crate) struct Caller {
    auth_method: &'static str,
    user: &'static str,
}

/// ex5: an API key or else a bearer token; either may be absent.
pub(crate) struct AnyCaller(pub(crate) Caller);

impl<S: Send + Sync> FromRequestParts<S> for AnyCaller {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        if header(parts, "x-api-key") == Some("secret-api-key") {
            return Ok(Self(Caller {
                auth_method: "api_key",
                user: "api_user",
            }));
        }
        if bearer_token(parts) == Some("secret-oauth-token") {
            return Ok(Self(Caller {
                auth_method: "oauth2",
                user: "oauth_user",
            }));
        }
        Err(detail(
            StatusCode::UNAUTHORIZED,
            "Could not validate credentials",
            None,
        ))
    }
}
