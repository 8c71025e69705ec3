//! What `secured` costs per request, against the same application written by hand.
//!
//! Each [`Case`] is one request to one of the examples, served by three implementations:
//! - [`Implementation::Secured`]: the example itself, its `app()`;
//! - [`Implementation::HandWritten`]: its twin, one axum `FromRequestParts` extractor doing the
//!   same checks and giving the same answers, as an axum expert would write it without `secured`;
//! - [`Implementation::Plain`]: the floor, a plain axum handler on the same route answering the
//!   case's fixed bytes without looking at the request.
//!
//! Requests go through the router in-process ([`respond`]), for callgrind
//! (`scripts/bench/instructions.sh`) and criterion (`cargo bench -p secured-bench --features
//! criterion`).

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum::body::{Body, Bytes};
use axum::http::HeaderValue;
use axum::http::{HeaderMap, Request, StatusCode};
use bytes::BytesMut;
use tower::ServiceExt;

mod extractors;
mod plain;
mod twins;

#[path = "../../examples/api_key.rs"]
#[allow(dead_code, unreachable_pub)]
mod api_key;
#[path = "../../examples/http_basic.rs"]
#[allow(dead_code, unreachable_pub)]
mod http_basic;
#[path = "../../examples/multi_auth.rs"]
#[allow(dead_code, unreachable_pub)]
mod multi_auth;
#[path = "../../examples/oauth2_scopes.rs"]
#[allow(dead_code, unreachable_pub)]
mod oauth2_scopes;

/// The example application a case is sent to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Example {
    /// ex1: an API key in a header, checked by a dependency.
    ApiKey,
    /// ex3: an OAuth2 bearer token and the scopes each route requires.
    OAuth2Scopes,
    /// ex4: HTTP Basic with a constant-time comparison.
    HttpBasic,
    /// ex5: an API key or a bearer token, both optional.
    MultiAuth,
}

/// One request to one example, and the answer every implementation gives.
#[derive(Debug, Clone, Copy)]
pub struct Case {
    /// The name scripts and benchmarks know the case by.
    pub name: &'static str,
    /// The application.
    pub example: Example,
    /// The path requested with `GET`.
    pub path: &'static str,
    /// The request headers.
    pub headers: &'static [(&'static str, &'static str)],
    /// The status of the answer.
    pub status: StatusCode,
    /// The `WWW-Authenticate` challenge of the answer, if any.
    pub challenge: Option<&'static str>,
    /// The JSON body of the answer.
    pub body: &'static str,
}

/// Every case, in the order of the tables.
pub const CASES: &[Case] = &[
    Case {
        name: "api_key_valid",
        example: Example::ApiKey,
        path: "/secure-data",
        headers: &[("X-API-Key", "secret-key")],
        status: StatusCode::OK,
        challenge: None,
        body: r#"{"message":"Access granted","api_key":"secret-key"}"#,
    },
    Case {
        name: "api_key_wrong",
        example: Example::ApiKey,
        path: "/secure-data",
        headers: &[("X-API-Key", "wrong-key")],
        status: StatusCode::FORBIDDEN,
        challenge: None,
        body: r#"{"detail":"Could not validate API key"}"#,
    },
    Case {
        name: "api_key_missing",
        example: Example::ApiKey,
        path: "/secure-data",
        headers: &[],
        status: StatusCode::UNAUTHORIZED,
        challenge: Some("APIKey"),
        body: r#"{"detail":"Not authenticated"}"#,
    },
    Case {
        name: "bearer_scopes",
        example: Example::OAuth2Scopes,
        path: "/users/me",
        headers: &[("Authorization", "Bearer fake-token")],
        status: StatusCode::OK,
        challenge: None,
        body: r#"{"username":"john.doe","scopes":["me"]}"#,
    },
    Case {
        name: "bearer_scope_denied",
        example: Example::OAuth2Scopes,
        path: "/items/",
        headers: &[("Authorization", "Bearer fake-token")],
        status: StatusCode::UNAUTHORIZED,
        challenge: None,
        body: r#"{"detail":"Not enough permissions"}"#,
    },
    Case {
        name: "basic",
        example: Example::HttpBasic,
        path: "/basic-auth",
        headers: &[("Authorization", "Basic YWRtaW46c2VjcmV0")],
        status: StatusCode::OK,
        challenge: None,
        body: r#"{"message":"Hello, admin"}"#,
    },
    Case {
        name: "key_or_bearer_key",
        example: Example::MultiAuth,
        path: "/multi-auth",
        headers: &[("X-API-Key", "secret-api-key")],
        status: StatusCode::OK,
        challenge: None,
        body: r#"{"message":"Authenticated","user":{"auth_method":"api_key","user":"api_user"}}"#,
    },
    Case {
        name: "key_or_bearer_token",
        example: Example::MultiAuth,
        path: "/multi-auth",
        headers: &[("Authorization", "Bearer secret-oauth-token")],
        status: StatusCode::OK,
        challenge: None,
        body: r#"{"message":"Authenticated","user":{"auth_method":"oauth2","user":"oauth_user"}}"#,
    },
];

impl Case {
    /// The case called `name`.
    pub fn named(name: &str) -> Option<&'static Case> {
        CASES.iter().find(|case| case.name == name)
    }

    /// A new request for this case, its header values slices of one shared buffer, as hyper
    /// hands them over after reading a request head (so that cloning a value is a reference
    /// count, as in a server, rather than the copy a `Vec`-backed value needs).
    pub fn request(&self) -> Request<Body> {
        let mut buffer = BytesMut::new();
        for (_, value) in self.headers {
            buffer.extend_from_slice(value.as_bytes());
        }
        let head = buffer.split().freeze();
        let mut request = Request::get(self.path);
        let mut start = 0;
        for (name, value) in self.headers {
            let end = start + value.len();
            let value = HeaderValue::from_maybe_shared(head.slice(start..end))
                .expect("a valid header value");
            request = request.header(*name, value);
            start = end;
        }
        request.body(Body::empty()).expect("a valid request")
    }
}

/// Who serves the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Implementation {
    /// A plain axum handler answering without any check: the floor.
    Plain,
    /// The hand-written twin of the example.
    HandWritten,
    /// The example, built with `secured`.
    Secured,
}

impl Implementation {
    /// Every implementation, in the order of the tables.
    pub const ALL: [Implementation; 3] = [Self::Plain, Self::HandWritten, Self::Secured];

    /// The name scripts and benchmarks know the implementation by.
    pub fn name(self) -> &'static str {
        match self {
            Self::Plain => "axum-plain",
            Self::HandWritten => "hand-written",
            Self::Secured => "secured",
        }
    }

    /// The implementation called `name`.
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|implementation| implementation.name() == name)
    }
}

/// The application that serves `case` in `implementation`.
pub fn app(case: &Case, implementation: Implementation) -> axum::Router {
    match (implementation, case.example) {
        (Implementation::Plain, _) => plain::app(case),
        (Implementation::HandWritten, example) => twins::app(example),
        (Implementation::Secured, Example::ApiKey) => api_key::app(),
        (Implementation::Secured, Example::OAuth2Scopes) => oauth2_scopes::app(),
        (Implementation::Secured, Example::HttpBasic) => http_basic::app(),
        (Implementation::Secured, Example::MultiAuth) => multi_auth::app(),
    }
}

/// An answer, read to the end.
#[derive(Debug)]
pub struct Answer {
    /// The status.
    pub status: StatusCode,
    /// The headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
}

/// Sends `request` through `app` in-process with `tower::ServiceExt::oneshot` and reads the
/// whole answer.
pub fn respond(app: &axum::Router, request: Request<Body>) -> Answer {
    block_on(async {
        let Ok(response) = app.clone().oneshot(request).await;
        let (parts, body) = response.into_parts();
        let body = axum::body::to_bytes(body, usize::MAX)
            .await
            .expect("an in-memory body");
        Answer {
            status: parts.status,
            headers: parts.headers,
            body,
        }
    })
}

/// Polls `future` once: an in-process request never waits, so no runtime is needed, and none
/// adds its own cost to the numbers.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut context = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut context) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("an in-process request completes without waiting"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twins_and_plain_handlers_answer_byte_for_byte_as_the_examples() {
        for case in CASES {
            let expected = respond(&app(case, Implementation::Secured), case.request());
            assert_eq!(
                expected.status, case.status,
                "{}: the example's status",
                case.name
            );
            for implementation in [Implementation::HandWritten, Implementation::Plain] {
                let answer = respond(&app(case, implementation), case.request());
                let who = format!("{} ({})", case.name, implementation.name());
                assert_eq!(answer.status, expected.status, "{who}: status");
                assert_eq!(answer.headers, expected.headers, "{who}: headers");
                assert_eq!(answer.body, expected.body, "{who}: body");
            }
        }
    }
}
