//! Dependency resolution: what the `#[scheme]`, `#[dependency]` and `#[secured]` attributes
//! expand to, and the compile-time graph of their declarations that the OpenAPI document and
//! the scope checks are built from.

use std::future::Future;
use std::pin::Pin;

use axum::extract::{FromRequest, FromRequestParts, Request};
use http::request::Parts;

use crate::error::{render, Rejection};
use crate::scheme::{SchemeDoc, SecurityScheme};
use crate::scopes::ScopePath;

/// A future as handlers and tests get it from a `#[secured]` handler.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Something `#[security(X)]` can name: a scheme declared with `#[scheme]` or a dependency
/// declared with `#[dependency]`, resolved against the request parts and the router's state.
pub trait Resolve<S>: Declared {
    /// Runs the scheme or dependency for one use, whose accumulated scopes are `scopes`.
    fn resolve<'a>(
        parts: &'a mut Parts,
        state: &'a S,
        scopes: ScopePath<'a>,
    ) -> impl Future<Output = Result<Self::Output, Rejection>> + Send + 'a;
}

/// The declaration of a scheme or dependency, as a node of the compile-time graph.
pub trait Declared: 'static {
    /// What a parameter using it receives.
    type Output: Send + 'static;

    /// This node.
    const NODE: Node;
}

/// A scheme or dependency in the graph of declarations.
#[derive(Debug)]
pub struct Node {
    /// The Rust name of the `const` or `fn`.
    pub name: &'static str,
    /// What the node is.
    pub kind: NodeKind,
}

/// What a [`Node`] is.
#[derive(Debug)]
// Compile-time metadata, read in place through `&'static` references.
#[allow(clippy::large_enum_variant)]
pub enum NodeKind {
    /// A security scheme: a leaf.
    Scheme(SchemeDoc),
    /// A dependency and the uses of schemes and dependencies in its parameters.
    Dependency(&'static [Edge]),
    /// `any(A, B, ...)`: the first alternative that succeeds.
    Any(&'static [Edge]),
}

/// One use of a scheme or dependency: `#[security(target, scopes = [...])]`.
#[derive(Debug)]
pub struct Edge {
    /// What is used.
    pub target: &'static Node,
    /// The scopes declared at this use, de-duplicated.
    pub scopes: &'static [&'static str],
}

/// What a `#[secured]` handler declares: the counterpart of a FastAPI path operation's
/// security, which `secured::Router` publishes in the OpenAPI document.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `#[secured]` handler",
    label = "a plain fn or closure, whose security `secured::Router` cannot document",
    note = "add `#[secured]` above the handler fn (with no arguments when it needs no security)",
    note = "a route that must stay undocumented goes on a plain `axum::Router`, merged after `into_router()`"
)]
pub trait Operation {
    /// The handler's declarations.
    const OPERATION: OperationDoc;
}

/// The security declarations of one handler.
#[derive(Debug)]
pub struct OperationDoc {
    /// The handler's Rust name.
    pub name: &'static str,
    /// The handler's doc comment, if any: the operation's description.
    pub description: Option<&'static str>,
    /// The guards of `#[secured(...)]` and the `#[security(...)]` parameters, in order.
    pub edges: &'static [Edge],
    /// Whether the handler also serves callers without credentials (`#[secured(anonymous)]`).
    pub anonymous: bool,
    /// The request body, when its extractor documents one.
    pub body: Option<BodyDoc>,
}

/// A request body as the OpenAPI document states it.
#[derive(Debug, Clone, Copy)]
pub struct BodyDoc {
    /// The media type, such as `application/x-www-form-urlencoded`.
    pub media_type: &'static str,
    /// The schema of the body.
    pub schema: fn() -> serde_json::Value,
}

/// Looks up the [`BodyDoc`] of the body extractor `T`: extractors that document their body
/// have an inherent `BODY` on `BodyOf<T>`, which takes priority over [`NoBodyDoc`]'s.
pub struct BodyOf<T>(std::marker::PhantomData<T>);

/// The fallback of [`BodyOf`]: an extractor that documents nothing.
pub trait NoBodyDoc {
    /// No body description.
    const BODY: Option<BodyDoc> = None;
}

impl<T> NoBodyDoc for BodyOf<T> {}

/// The marker type of the `axum::handler::Handler` implementation of `#[secured]` handlers.
pub struct Secured<M>(std::marker::PhantomData<M>);

/// Selects the output of a scheme from its `auto_error` setting, at compile time.
pub struct AutoError<const ENABLED: bool>;

/// Turns the credentials a scheme read into what the parameter receives.
pub trait Presence<C> {
    /// `C` when missing credentials are an error, `Option<C>` otherwise.
    type Output: Send + 'static;

    /// Applies the rule to credentials read from the request.
    fn finish(
        found: Option<C>,
        missing: impl FnOnce() -> Rejection,
    ) -> Result<Self::Output, Rejection>;
}

impl<C: Send + 'static> Presence<C> for AutoError<true> {
    type Output = C;

    fn finish(found: Option<C>, missing: impl FnOnce() -> Rejection) -> Result<C, Rejection> {
        found.ok_or_else(missing)
    }
}

impl<C: Send + 'static> Presence<C> for AutoError<false> {
    type Output = Option<C>;

    fn finish(found: Option<C>, _: impl FnOnce() -> Rejection) -> Result<Option<C>, Rejection> {
        Ok(found)
    }
}

/// The output type of a scheme given its `auto_error` setting.
pub type SchemeOutput<T, const AUTO: bool> =
    <AutoError<AUTO> as Presence<<T as SecurityScheme>::Credentials>>::Output;

/// Resolves one use of a scheme.
pub fn resolve_scheme<T, const AUTO: bool>(
    scheme: &T,
    parts: &Parts,
) -> Result<SchemeOutput<T, AUTO>, Rejection>
where
    T: SecurityScheme,
    AutoError<AUTO>: Presence<T::Credentials>,
{
    let found = scheme.extract(parts).map_err(Rejection::from)?;
    AutoError::<AUTO>::finish(found, || Rejection::missing(scheme.challenge()))
}

/// Runs one `FromRequestParts` extractor of a dependency or handler.
pub async fn from_parts<T, S>(parts: &mut Parts, state: &S) -> Result<T, Rejection>
where
    T: FromRequestParts<S>,
    S: Send + Sync,
{
    T::from_request_parts(parts, state).await.map_err(render)
}

/// Runs the last extractor of a handler, which may consume the body.
pub async fn from_request<T, S, M>(request: Request, state: &S) -> Result<T, Rejection>
where
    T: FromRequest<S, M>,
    S: Send + Sync,
{
    T::from_request(request, state).await.map_err(render)
}
