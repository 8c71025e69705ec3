//! FastAPI's security system for axum: declare a scheme once, and the same declaration both
//! enforces authentication and documents it in OpenAPI.
//!
//! | FastAPI | secured |
//! |---|---|
//! | `api_key = APIKeyHeader(name="X-API-Key")` | `#[scheme] const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");` |
//! | `def get_user(token: str = Security(oauth2, scopes=["me"]))` | `#[dependency] async fn get_user(#[security(OAUTH2, scopes = ["me"])] token: &str)`, or `token: Credential` to own it |
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
pub use crate::error::{Detail, HttpError, Rejection};
pub use crate::form::{OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict};
pub use crate::http_schemes::{
    HttpAuthorizationCredentials, HttpBasic, HttpBasicCredentials, HttpBearer, HttpDigest,
};
pub use crate::oauth2::{
    OAuth2, OAuth2AuthorizationCodeBearer, OAuth2PasswordBearer, OpenIdConnect,
};
pub use crate::overrides::{DependencyOverrides, StandIn};
pub use crate::routing::Router;
pub use crate::scheme::{
    ApiKeyLocation, LendCredential, OAuthFlow, OAuthFlows, SchemeDoc, SchemeKind, Scopes,
    SecurityScheme,
};
pub use crate::scopes::SecurityScopes;
/// The `http` crate, for status codes and headers in [`HttpError`].
pub use http;

/// Declares a security scheme: a `const` that `#[security(...)]` and `#[secured(...)]` can
/// name, FastAPI's `api_key = APIKeyHeader(...)`.
///
/// The `const` stays as written; the attribute adds a same-named item in the type namespace
/// that resolves the scheme and carries its OpenAPI description.
///
/// # Accepted forms
///
/// `#[scheme]`, with no arguments, on a `const` of any [`SecurityScheme`], private or `pub`.
/// Everything else is set on the value: `.scheme_name(..)`, `.description(..)`,
/// `.auto_error(false)`, and for OAuth2 `.scopes(&[..])`.
///
/// A parameter `#[security(NAME)] name: T` receives:
///
/// | scheme | `T` | with `.auto_error(false)` |
/// |---|---|---|
/// | [`ApiKeyHeader`], [`ApiKeyQuery`], [`ApiKeyCookie`] | [`Credential`] | `Option<Credential>` |
/// | [`HttpBasic`] | [`HttpBasicCredentials`] | `Option<HttpBasicCredentials>` |
/// | [`HttpBearer`], [`HttpDigest`] | [`HttpAuthorizationCredentials`] | `Option<HttpAuthorizationCredentials>` |
/// | [`OAuth2PasswordBearer`], [`OAuth2AuthorizationCodeBearer`], [`OAuth2`], [`OpenIdConnect`] | [`Credential`] | `Option<Credential>` |
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
///
/// # Errors
///
/// - on anything but a `const` item (a `static`, a `let`): "`#[scheme]` goes on a `const`
///   item";
/// - with arguments (`#[scheme(name = "..")]`): "`#[scheme]` takes no arguments: set the name
///   and description on the value".
pub use secured_macros::scheme;

/// Declares a dependency, FastAPI's `def dep(...)` used through `Security(dep)`.
///
/// The fn stays as written and callable; the attribute adds a same-named item in the type
/// namespace that `#[security(...)]`, `#[secured(...)]` and [`DependencyOverrides::set`] name.
///
/// # Accepted forms
///
/// - `#[dependency]`, or `#[dependency(cache)]` to run it once per request for each set of
///   scopes (FastAPI's `use_cache`): later uses get a clone, so the output must be `Clone` and
///   `Sync`.
/// - `fn` or `async fn`, free, not generic, not `const`.
/// - Parameters, in any order (security first, then the scopes, then the extractors, is the
///   order in which they are resolved):
///   - `#[security(X)] name: T`, where `X` is a [`scheme`] const or another dependency, by name
///     or path (`auth::OAUTH2`), and `T` what `X` hands on;
///   - `#[security(SCHEME)] name: &str` (`Option<&str>` when the scheme is optional): the
///     credential borrowed from the request, without a copy, from a scheme that implements
///     [`LendCredential`] (API key headers and cookies, OAuth2, OpenID Connect);
///   - `#[security(X, scopes = ["a", "b"])] name: T`: the scopes join the [`SecurityScopes`]
///     of everything below this use;
///   - `#[security(any(A, B))] name: Either<TA, TB>`: the first alternative that succeeds, from
///     2 to 5 of them (`any(A, B, C)` gives `Either<TA, Either<TB, TC>>`);
///   - `name: SecurityScopes`: the scopes accumulated on the way here;
///   - any axum `FromRequestParts` extractor: `State<T>`, `HeaderMap`, `Query<T>`, ...
/// - It returns nothing, `T`, or `Result<T, E>` where `E: IntoResponse` (such as
///   [`HttpError`]) answers the request when the check fails. `T` is what its users receive.
///
/// ```
/// use axum::extract::State;
/// use secured::{dependency, scheme, Credential, HttpError, OAuth2PasswordBearer, SecurityScopes};
///
/// #[scheme]
/// const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token")
///     .scopes(&[("me", "Read information about the current user")]);
///
/// #[derive(Clone)]
/// struct Tokens {
///     valid: &'static str,
/// }
///
/// #[dependency(cache)]
/// async fn get_current_user(
///     security_scopes: SecurityScopes,
///     #[security(OAUTH2)] token: Credential,
///     State(tokens): State<Tokens>,
/// ) -> Result<String, HttpError> {
///     if &*token != tokens.valid {
///         return Err(HttpError::unauthorized("Invalid token"));
///     }
///     if !security_scopes.scopes.iter().all(|scope| *scope == "me") {
///         return Err(HttpError::unauthorized("Not enough permissions"));
///     }
///     Ok("john.doe".to_owned())
/// }
///
/// #[dependency]
/// fn username(#[security(get_current_user, scopes = ["me"])] user: String) -> String {
///     user
/// }
/// ```
///
/// # Errors
///
/// Each on the tokens at fault; independent mistakes in one item are reported together.
///
/// - `#[dependency(use_cache)]`: "unknown argument `use_cache`: expected `cache`";
///   `#[dependency(cache, cache)]`: "`cache` specified more than once";
/// - a method, a generic or `const fn`, an `impl Trait` parameter or return type, each with
///   the reason;
/// - a body extractor (`Json`, `Form`, `String`, ...): only the handler's last parameter
///   receives the body;
/// - in `#[security(...)]`: an unknown key (`scope = ..`), `scopes` given twice, scopes not in
///   a list (`scopes = "me"`), a scope that is not a string literal, empty or with whitespace,
///   `any(..)` with one alternative, `#[security]` twice on one parameter or without arguments;
/// - a parameter type that is not the output of what it uses: `expected T, found U` on the
///   parameter's type (an optional scheme hands on an `Option`);
/// - a `&str` parameter using a scheme that cannot lend its credential ("`HttpBasic` cannot
///   lend its credentials as `&str`") or a dependency ("`X` is not a scheme, so it cannot lend
///   a credential as `&str`"), on the parameter's type;
/// - with `cache`, an output that is not `Clone` and `Sync`, on the return type;
/// - a scope its OAuth2 scheme does not declare, or scopes given to a scheme that takes none
///   (API key, HTTP): reported at each `#[secured]` handler using the dependency, with the path
///   from the handler to the scheme, see [`secured`].
pub use secured_macros::dependency;

/// Turns a fn into a secured axum handler, FastAPI's path operation with `Security(...)`
/// parameters.
///
/// The handler's name becomes a value implementing `axum::handler::Handler` (use it with
/// [`routing::get`] and a [`Router`], which documents its security, or with
/// `axum::routing::get`) that still derefs to a fn pointer, so a test can call it: an `async`
/// handler's pointer returns a boxed future, and one returning `impl IntoResponse` a
/// `Response`.
///
/// # Accepted forms
///
/// - `#[secured]`: no guard (a handler that needs no security is still `#[secured]` to be
///   routed by [`Router`]);
/// - `#[secured(X)]`, `#[secured(X, scopes = ["a"])]`, `#[secured(any(A, B))]`: a guard, FastAPI's
///   `dependencies=[Security(X, scopes=[...])]`, run before the parameters with its value
///   discarded; stack several attributes for several guards;
/// - `#[secured(anonymous)]`, alone in its attribute: the operation is also documented as open
///   to anonymous callers (`{}` among its security requirements), for handlers whose schemes
///   are all optional;
/// - `fn` or `async fn`, free, not generic, not `const`;
/// - parameters as for [`dependency`] (`#[security(...)]`, [`SecurityScopes`],
///   `FromRequestParts` extractors), and a last parameter that may consume the body (`Json`,
///   `Form`, `String`, [`OAuth2PasswordRequestForm`]);
/// - any return type that implements `IntoResponse`: `()`, `Json<T>`, `Result<T, E>`,
///   `impl IntoResponse`.
///
/// ```
/// use axum::Json;
/// use secured::routing::{get, post};
/// use secured::{scheme, secured, ApiKeyHeader, Credential, HttpBasic, HttpBasicCredentials, OAuth2PasswordBearer};
/// use serde_json::Value;
///
/// #[scheme]
/// const BASIC: HttpBasic = HttpBasic::new();
/// #[scheme]
/// const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key").auto_error(false);
/// #[scheme]
/// const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token").scopes(&[("items", "Items")]);
///
/// #[secured]
/// async fn whoami(#[security(BASIC)] credentials: HttpBasicCredentials) -> String {
///     credentials.username
/// }
///
/// #[secured(OAUTH2, scopes = ["items"])]
/// async fn create_item(Json(item): Json<Value>) -> Json<Value> {
///     Json(item)
/// }
///
/// #[secured(anonymous)]
/// fn greeting(#[security(API_KEY)] key: Option<Credential>) -> &'static str {
///     if key.is_some() { "hello, member" } else { "hello, stranger" }
/// }
///
/// # async fn test() {
/// let credentials = HttpBasicCredentials {
///     username: "admin".to_owned(),
///     password: Credential::new("secret"),
/// };
/// assert_eq!(whoami(credentials).await, "admin");
/// assert_eq!(greeting(None), "hello, stranger");
/// # }
/// let app: axum::Router = secured::Router::new()
///     .route("/me", get(whoami))
///     .route("/items", post(create_item))
///     .route("/greeting", get(greeting))
///     .into_router();
/// ```
///
/// # Errors
///
/// Each on the tokens at fault; independent mistakes in one item are reported together. Those
/// of [`dependency`] apply to the handler's parameters too, and:
///
/// - a scope that an OAuth2 scheme does not declare, used directly or through dependencies:
///   "scope `typo` is not declared by `OAUTH2` (path: read_items -> get_current_user ->
///   OAUTH2); it declares `me`, `items`: use one of these, or declare `typo` with
///   `.scopes(..)` on the scheme", on the use that leads to it;
/// - scopes given to a scheme that takes none: "scope `me` given to `API_KEY`, which takes no
///   scopes (path: ..)";
/// - `#[secured(anonymous, X)]`: "`anonymous` takes nothing else"; `anonymous` twice;
/// - a body extractor before the last parameter: "`Json<_>` consumes the request body, so it
///   must be the handler's last parameter";
/// - a credential borrowed as `&str`: "a `#[secured]` handler owns what its parameters
///   receive: take `Credential`", on the parameter's type;
/// - more than 16 guards and parameters before the last extractor: "a `#[secured]` handler
///   resolves at most 16 guards and parameters before its last extractor", on the 17th;
/// - a return type that does not implement `IntoResponse`: rustc's "the trait bound `T:
///   IntoResponse` is not satisfied", on that type;
/// - on anything but a fn: "`#[secured]` goes on a handler fn";
/// - a plain fn given to [`routing::get`] and the like: "`..` is not a `#[secured]` handler".
///
/// `#[security(...)]` on a parameter of a fn without `#[secured]` or `#[dependency]` is
/// rustc's "cannot find attribute `security` in this scope": add the attribute to the fn.
pub use secured_macros::secured;

/// The README's example, compiled as a doctest so that it stays true.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// What the macros expand to. Not public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    pub use crate::any::{AnyOf, Failures};
    pub use crate::check::assert_use;
    pub use crate::error::{Rejection, RejectionOf, RenderRejection};
    pub use crate::overrides::{cache_key, cached, stand_in, store, StandIn, Stored};
    pub use crate::resolve::{
        resolve_scheme, AutoError, BodyDoc, BodyOf, BoxFuture, Declared, Edge, Extract, Lend,
        Lendable, NoBodyDoc, Node, NodeKind, Operation, OperationDoc, Param, Params, Presence,
        Resolve, SchemeItem, SchemeOutput, Scopes, Secured, Security,
    };
    pub use crate::scopes::ScopePath;
    pub use axum;
    pub use axum::extract::{FromRequest, FromRequestParts, Request};
    pub use axum::response::{IntoResponse, Response};
    pub use http::request::Parts;
}
