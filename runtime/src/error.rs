//! The error a security check or a dependency answers with (FastAPI's `HTTPException`), and the
//! rejection that carries a failed check up to the handler.

use std::borrow::Cow;
use std::fmt;

use axum::body::{Body, Bytes};
use axum::response::{IntoResponse, Response};
use http::header::{CONTENT_TYPE, WWW_AUTHENTICATE};
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use serde::Serialize;
use serde_json::Value;

/// An HTTP error answered as `{"detail": ...}`, the counterpart of FastAPI's `HTTPException`.
///
/// The body is compact JSON with `content-type: application/json`; the response carries exactly
/// the headers given with [`HttpError::header`], and no `WWW-Authenticate` unless one is given.
///
/// ```
/// use secured::HttpError;
/// use secured::http::{header, HeaderValue, StatusCode};
///
/// let error = HttpError::new(StatusCode::UNAUTHORIZED, "Incorrect username or password")
///     .header(header::WWW_AUTHENTICATE, HeaderValue::from_static("Basic"));
/// assert_eq!(error.status(), StatusCode::UNAUTHORIZED);
/// assert_eq!(error.detail(), "Incorrect username or password");
/// ```
#[derive(Debug, Clone)]
pub struct HttpError {
    status: StatusCode,
    detail: Detail,
    /// Boxed and absent until a header is added, so that `Result<T, HttpError>` stays small.
    headers: Option<Box<HeaderMap>>,
}

/// The `detail` of an [`HttpError`]: a message, or any JSON value (such as the list of a 422
/// answer). A `&'static str` message is kept without copying.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    /// A message, answered as a JSON string.
    Message(Cow<'static, str>),
    /// Any JSON value.
    Json(Value),
}

impl From<&'static str> for Detail {
    fn from(message: &'static str) -> Self {
        Self::Message(Cow::Borrowed(message))
    }
}

impl From<String> for Detail {
    fn from(message: String) -> Self {
        Self::Message(Cow::Owned(message))
    }
}

impl From<Value> for Detail {
    fn from(value: Value) -> Self {
        Self::Json(value)
    }
}

impl PartialEq<str> for Detail {
    fn eq(&self, other: &str) -> bool {
        matches!(self, Self::Message(message) if message == other)
    }
}

impl PartialEq<&str> for Detail {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl Serialize for Detail {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Message(message) => serializer.serialize_str(message),
            Self::Json(value) => value.serialize(serializer),
        }
    }
}

impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Message(message) => f.write_str(message),
            Self::Json(value) => write!(f, "{value}"),
        }
    }
}

impl HttpError {
    /// An error with this status and `detail`: a message, or any JSON value.
    pub fn new(status: StatusCode, detail: impl Into<Detail>) -> Self {
        Self {
            status,
            detail: detail.into(),
            headers: None,
        }
    }

    /// 401 with this `detail` and no challenge; add one with [`HttpError::header`] where the
    /// client should be told how to authenticate.
    pub fn unauthorized(detail: impl Into<Detail>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, detail)
    }

    /// 403 with this `detail`.
    pub fn forbidden(detail: impl Into<Detail>) -> Self {
        Self::new(StatusCode::FORBIDDEN, detail)
    }

    /// What every scheme answers when credentials are missing: 401 `Not authenticated` with the
    /// scheme's `WWW-Authenticate` challenge.
    pub fn not_authenticated(challenge: HeaderValue) -> Self {
        Self::unauthorized("Not authenticated").header(WWW_AUTHENTICATE, challenge)
    }

    /// Adds a response header (a repeated name adds another value).
    #[must_use]
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers
            .get_or_insert_with(Box::default)
            .append(name, value);
        self
    }

    /// The status code.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The `detail`.
    pub fn detail(&self) -> &Detail {
        &self.detail
    }

    /// The headers the answer carries besides `content-type`.
    pub fn headers(&self) -> Option<&HeaderMap> {
        self.headers.as_deref()
    }
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.status, self.detail)
    }
}

impl std::error::Error for HttpError {}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body<'a> {
            detail: &'a Detail,
        }
        // Serializing a `Detail` cannot fail: its strings are UTF-8 and its maps have string keys.
        let body = serde_json::to_vec(&Body {
            detail: &self.detail,
        })
        .unwrap_or_default();
        let mut response = json_response(self.status, body.into());
        if let Some(headers) = self.headers {
            response.headers_mut().extend(*headers);
        }
        response
    }
}

fn json_response(status: StatusCode, body: Bytes) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// Why a request did not reach its handler: the answer to send, kept unrendered until then so
/// that a failure that `any(...)` recovers from costs little, and so that `any(...)` can tell
/// missing credentials from a failed check.
#[derive(Debug)]
pub struct Rejection(Repr);

#[derive(Debug)]
enum Repr {
    /// A scheme found no credentials: 401 `Not authenticated` with these challenges.
    Missing(Challenges),
    /// A check failed with an `HttpError`.
    Error(HttpError),
    /// A check failed with any other answer.
    Response(Box<Response>),
}

/// The `WWW-Authenticate` challenges of missing credentials: usually one, several when every
/// alternative of `any(...)` found none.
#[derive(Debug)]
struct Challenges {
    first: HeaderValue,
    more: Vec<HeaderValue>,
}

impl Rejection {
    /// Missing credentials of a scheme with this challenge.
    pub fn missing(challenge: HeaderValue) -> Self {
        Self(Repr::Missing(Challenges {
            first: challenge,
            more: Vec::new(),
        }))
    }

    /// Whether a scheme found no credentials (as opposed to a failed check).
    pub fn is_missing_credentials(&self) -> bool {
        matches!(self.0, Repr::Missing(_))
    }

    /// Adds the challenges of `other` missing credentials to these; `false`, changing nothing,
    /// when either is not missing credentials.
    pub(crate) fn merge_missing(&mut self, other: Rejection) -> bool {
        let (Repr::Missing(mine), Repr::Missing(theirs)) = (&mut self.0, other.0) else {
            return false;
        };
        for challenge in std::iter::once(theirs.first).chain(theirs.more) {
            if mine.first != challenge && !mine.more.contains(&challenge) {
                mine.more.push(challenge);
            }
        }
        true
    }
}

impl From<HttpError> for Rejection {
    fn from(error: HttpError) -> Self {
        Self(Repr::Error(error))
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        match self.0 {
            Repr::Missing(challenges) => {
                let body = Bytes::from_static(br#"{"detail":"Not authenticated"}"#);
                let mut response = json_response(StatusCode::UNAUTHORIZED, body);
                let headers = response.headers_mut();
                headers.insert(WWW_AUTHENTICATE, challenges.first);
                for challenge in challenges.more {
                    headers.append(WWW_AUTHENTICATE, challenge);
                }
                response
            }
            Repr::Error(error) => error.into_response(),
            Repr::Response(response) => *response,
        }
    }
}

/// Turns what a check failed with into a [`Rejection`]: an [`HttpError`] stays unrendered, any
/// other `IntoResponse` is rendered. The generated code names the error type, so the inherent
/// `reject` of `RejectionOf<HttpError>` takes priority over the trait's.
#[doc(hidden)]
pub struct RejectionOf<E>(std::marker::PhantomData<E>);

impl RejectionOf<HttpError> {
    /// Keeps the error unrendered.
    pub fn reject(error: HttpError) -> Rejection {
        error.into()
    }
}

/// The fallback of [`RejectionOf`]: render the answer.
#[doc(hidden)]
pub trait RenderRejection<E> {
    /// Renders the answer.
    fn reject(error: E) -> Rejection;
}

impl<E: IntoResponse> RenderRejection<E> for RejectionOf<E> {
    fn reject(error: E) -> Rejection {
        render(error)
    }
}

/// A rejection answering `error`, rendered now.
pub(crate) fn render(error: impl IntoResponse) -> Rejection {
    Rejection(Repr::Response(Box::new(error.into_response())))
}
