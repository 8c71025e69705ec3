//! The error a security check or a dependency answers with: FastAPI's `HTTPException`.

use axum::response::{IntoResponse, Response};
use http::header::{CONTENT_TYPE, WWW_AUTHENTICATE};
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
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
pub struct HttpError(Box<Inner>);

/// Boxed so that `Result<T, HttpError>` stays small on the success path.
#[derive(Debug, Clone)]
struct Inner {
    status: StatusCode,
    detail: Value,
    headers: HeaderMap,
}

impl HttpError {
    /// An error with this status and `detail`, which may be any JSON value (a string, or a list
    /// of validation errors as in a 422 answer).
    pub fn new(status: StatusCode, detail: impl Into<Value>) -> Self {
        Self(Box::new(Inner {
            status,
            detail: detail.into(),
            headers: HeaderMap::new(),
        }))
    }

    /// 401 with this `detail` and no challenge; add one with [`HttpError::header`] where the
    /// client should be told how to authenticate.
    pub fn unauthorized(detail: impl Into<Value>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, detail)
    }

    /// 403 with this `detail`.
    pub fn forbidden(detail: impl Into<Value>) -> Self {
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
        self.0.headers.append(name, value);
        self
    }

    /// The status code.
    pub fn status(&self) -> StatusCode {
        self.0.status
    }

    /// The `detail` value.
    pub fn detail(&self) -> &Value {
        &self.0.detail
    }

    /// The headers the answer carries besides `content-type`.
    pub fn headers(&self) -> &HeaderMap {
        &self.0.headers
    }
}

impl std::fmt::Display for HttpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.0.status, self.0.detail)
    }
}

impl std::error::Error for HttpError {}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        let Inner {
            status,
            detail,
            headers,
        } = *self.0;
        let body = serde_json::json!({ "detail": detail }).to_string();
        let mut response = (status, body).into_response();
        let response_headers = response.headers_mut();
        response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        response_headers.extend(headers);
        response
    }
}
