//! FastAPI's security system for axum: declare a scheme once, and the same declaration both
//! enforces authentication and documents it in OpenAPI.
//!
//! | FastAPI | secured |
//! |---|---|
//! | `api_key = APIKeyHeader(name="X-API-Key")` | `#[scheme] const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");` |
//! | `def get_user(token: str = Security(oauth2, scopes=["me"]))` | `#[dependency] async fn get_user(#[security(OAUTH2, scopes = ["me"])] token: Credential)` |
//! | `@app.get("/me")` + `Security(get_user)` parameter | `#[secured] async fn me(#[security(get_user)] user: User)` on `secured::routing::get(me)` |
//! | `dependencies=[Security(check, scopes=["items"])]` | `#[secured(check, scopes = ["items"])]` |
//! | `SecurityScopes` | [`SecurityScopes`] |
//! | `HTTPException(status, detail, headers)` | [`HttpError`] |
//! | `secrets.compare_digest` | [`compare_digest`] |
//!
//! ```
//! use axum::Json;
//! use secured::{dependency, scheme, secured, ApiKeyHeader, Credential, HttpError};
//!
//! #[scheme]
//! const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");
//!
//! #[dependency]
//! async fn get_api_key(#[security(API_KEY)] key: Credential) -> Result<Credential, HttpError> {
//!     if secured::compare_digest(&*key, "secret-key") {
//!         Ok(key)
//!     } else {
//!         Err(HttpError::forbidden("Could not validate API key"))
//!     }
//! }
//!
//! #[secured]
//! async fn secure_data(#[security(get_api_key)] key: Credential) -> Json<serde_json::Value> {
//!     Json(serde_json::json!({"message": "Access granted", "api_key": key}))
//! }
//!
//! let app: axum::Router = secured::Router::new()
//!     .route("/secure-data", secured::routing::get(secure_data))
//!     .into_router();
//! ```

mod any;
mod api_key;
mod check;
mod credential;
pub mod docs;
mod error;
mod form;
mod header;
mod http_schemes;
mod oauth2;
pub mod openapi;
mod overrides;
mod resolve;
pub mod routing;
mod scheme;
mod scopes;
#[cfg(feature = "utoipa")]
mod utoipa;

pub use crate::any::Either;
pub use crate::api_key::{ApiKeyCookie, ApiKeyHeader, ApiKeyQuery};
pub use crate::credential::{compare_digest, Credential};
pub use crate::error::HttpError;
pub use crate::form::{OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict};
pub use crate::http_schemes::{
    HttpAuthorizationCredentials, HttpBasic, HttpBasicCredentials, HttpBearer, HttpDigest,
};
pub use crate::oauth2::{OAuth2, OAuth2AuthorizationCodeBearer, OAuth2PasswordBearer, OpenIdConnect};
pub use crate::overrides::{DependencyOverrides, StandIn};
pub use crate::routing::Router;
pub use crate::scheme::{
    ApiKeyLocation, OAuthFlow, OAuthFlows, SchemeDoc, SchemeKind, Scopes, SecurityScheme,
};
pub use crate::scopes::SecurityScopes;
/// The `http` crate, for status codes and headers in [`HttpError`].
pub use http;

/// Declares a security scheme: a `const` that `#[security(...)]` and `#[secured(...)]` can
/// name, FastAPI's `api_key = APIKeyHeader(...)`.
///
/// The `const` stays as written; the attribute adds a same-named item in the type namespace
/// that resolves the scheme and carries its OpenAPI description. With `.auto_error(false)` the
/// scheme hands on `Option<T>`: `None` when credentials are missing.
///
/// ```
/// use secured::{scheme, ApiKeyHeader, OAuth2PasswordBearer};
///
/// #[scheme]
/// const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key").auto_error(false);
///
/// #[scheme]
/// pub const OAUTH2: OAuth2PasswordBearer =
///     OAuth2PasswordBearer::new("token").scopes(&[("me", "Read information about the current user")]);
/// ```
pub use secured_macros::scheme;

/// Declares a dependency, FastAPI's `def dep(...)` used through `Security(dep)`.
///
/// The fn stays as written and callable. Its parameters may be:
/// - `#[security(X)] name: T` or `#[security(X, scopes = ["a", "b"])] name: T`, where `X` is a
///   `#[scheme]` const or another `#[dependency]`, and `T` what it hands on;
/// - `name: SecurityScopes`, the scopes accumulated on the way here;
/// - any axum `FromRequestParts` extractor (`State<T>`, `HeaderMap`, ...).
///
/// It returns `T`, or `Result<T, E>` where `E: IntoResponse` (such as [`HttpError`]) answers the
/// request when the check fails. It may be `async` or not.
///
/// ```
/// use secured::{dependency, scheme, Credential, HttpError, OAuth2PasswordBearer, SecurityScopes};
///
/// #[scheme]
/// const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token")
///     .scopes(&[("me", "Read information about the current user")]);
///
/// #[dependency]
/// async fn get_current_user(
///     security_scopes: SecurityScopes,
///     #[security(OAUTH2)] token: Credential,
/// ) -> Result<String, HttpError> {
///     if &*token != "fake-token" {
///         return Err(HttpError::unauthorized("Invalid token"));
///     }
///     if !security_scopes.scopes.iter().all(|scope| *scope == "me") {
///         return Err(HttpError::unauthorized("Not enough permissions"));
///     }
///     Ok("john.doe".to_owned())
/// }
/// ```
pub use secured_macros::dependency;

/// Turns a fn into a secured axum handler, FastAPI's path operation with `Security(...)`
/// parameters.
///
/// Parameters are as for [`dependency`]; the last plain parameter may consume the body
/// (`Json`, `Form`, [`OAuth2PasswordRequestForm`]). Security is resolved first, then the
/// extractors in order. Guards run a scheme or dependency and discard its value, FastAPI's
/// `dependencies=[Security(...)]`: `#[secured(X)]`, `#[secured(X, scopes = ["items"])]`; stack
/// several attributes for several guards.
///
/// The handler's name becomes a value implementing `axum::handler::Handler` (use it with
/// `axum::routing::get` or [`routing::get`]) that still derefs to a fn pointer, so a unit test
/// can call it: an `async` handler's pointer returns a boxed future.
///
/// ```
/// use secured::{scheme, secured, HttpBasic, HttpBasicCredentials};
///
/// #[scheme]
/// const BASIC: HttpBasic = HttpBasic::new();
///
/// #[secured]
/// async fn whoami(#[security(BASIC)] credentials: HttpBasicCredentials) -> String {
///     credentials.username
/// }
///
/// # async fn test() {
/// let credentials = HttpBasicCredentials {
///     username: "admin".to_owned(),
///     password: secured::Credential::new("secret"),
/// };
/// assert_eq!(whoami(credentials).await, "admin");
/// # }
/// let app: axum::Router = axum::Router::new().route("/me", axum::routing::get(whoami));
/// ```
pub use secured_macros::secured;

/// What the macros expand to. Not public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    pub use crate::any::{AnyOf, Failures};
    pub use crate::check::assert_scopes;
    pub use crate::overrides::{cache_key, cached, stand_in, store, StandIn, Stored};
    pub use crate::resolve::{
        dependency_result, from_parts, from_request, resolve_scheme, AutoError, BoxFuture,
        Declared, Edge, MissingCredentials, Node, NodeKind, Operation, OperationDoc, Presence,
        Resolve, SchemeOutput, Secured,
    };
    pub use crate::scopes::ScopePath;
    pub use axum;
    pub use axum::extract::{FromRequest, FromRequestParts, Request};
    pub use axum::response::{IntoResponse, Response};
    pub use http::request::Parts;
}
