//! Dependency resolution: what the `#[scheme]`, `#[dependency]` and `#[secured]` attributes
//! expand to, and the compile-time graph of their declarations that the OpenAPI document and
//! the scope checks are built from.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::response::{IntoResponse, Response};
use http::request::Parts;

use crate::credential::Credential;
use crate::error::{render, Rejection};
use crate::overrides::overrides_installed;
use crate::scheme::{LendCredential, SchemeDoc, SecurityScheme};
use crate::scopes::{ScopePath, SecurityScopes};

/// A future as handlers and tests get it from a `#[secured]` handler.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Something `#[security(X)]` can name: a scheme declared with `#[scheme]` or a dependency
/// declared with `#[dependency]`, resolved against the request parts and the router's state.
pub trait Resolve<S>: Declared {
    /// Whether [`resolve_now`](Self::resolve_now) can resolve a use: true of schemes, and of
    /// sync dependencies without extractors or `cache` whose every use is itself `SYNC`.
    const SYNC: bool = false;

    /// Resolves one use like [`resolve`](Self::resolve), without a future. Called only when
    /// `SYNC` holds and no dependency overrides are installed (no stand-in is looked for).
    fn resolve_now(
        parts: &Parts,
        state: &S,
        path: &ScopePath<'_>,
        declared: &'static [&'static str],
    ) -> Result<Self::Output, Rejection> {
        let _ = (parts, state, path, declared);
        unreachable!("`resolve_now` of a scheme or dependency that is not `SYNC`")
    }

    /// Runs the scheme or dependency for one use that declares the scopes `declared`, below
    /// the uses of `path`.
    fn resolve<'a>(
        parts: &'a mut Parts,
        state: &'a S,
        path: &'a ScopePath<'a>,
        declared: &'static [&'static str],
    ) -> impl Future<Output = Result<Self::Output, Rejection>> + Send + 'a;
}

/// The declaration of a scheme or dependency, as a node of the compile-time graph.
pub trait Declared: 'static {
    /// What a parameter using it receives.
    type Output: Send + 'static;

    /// This node.
    const NODE: Node;

    /// One use of this scheme or dependency, declaring `scopes`.
    fn used(scopes: &'static [&'static str]) -> Security<Self>
    where
        Self: Sized,
    {
        Security::new(scopes)
    }
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

/// A `#[scheme]` const, as the type the attribute declares beside it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a scheme, so it cannot lend a credential as `&str`",
    label = "a `&str` parameter borrows a credential that a scheme reads from the request",
    note = "take what `{Self}` hands on, or use a scheme"
)]
pub trait SchemeItem: Declared {
    /// The scheme's type.
    type Scheme: SecurityScheme;

    /// The const.
    const SCHEME: &'static Self::Scheme;
}

/// Credentials of the scheme `S` that a `&str` parameter can borrow: [`Credential`], or
/// `Option<Credential>` when the scheme is optional.
#[diagnostic::on_unimplemented(
    message = "`{S}` cannot lend its credentials as `&str`",
    label = "a `&str` parameter borrows a credential that a scheme reads from the request as it is",
    note = "the schemes that lend theirs: `ApiKeyHeader`, `ApiKeyCookie`, `OAuth2PasswordBearer`, \
            `OAuth2AuthorizationCodeBearer`, `OAuth2`, `OpenIdConnect`; take `{Self}` otherwise"
)]
pub trait Lendable<S> {
    /// `&str`, or `Option<&str>`.
    type Lent<'a>;

    /// Reads the credential of `scheme` borrowed, and applies its `auto_error` as
    /// [`resolve_scheme`] does to one read owned.
    fn lend<'p>(scheme: &S, parts: &'p Parts) -> Result<Self::Lent<'p>, Rejection>;

    /// The credentials already read, borrowed.
    fn view(&self) -> Self::Lent<'_>;
}

impl<S: LendCredential> Lendable<S> for Credential {
    type Lent<'a> = &'a str;

    fn lend<'p>(scheme: &S, parts: &'p Parts) -> Result<&'p str, Rejection> {
        let found = scheme.lend(parts).map_err(Rejection::from)?;
        found.ok_or_else(|| Rejection::missing(scheme.challenge()))
    }

    fn view(&self) -> &str {
        self
    }
}

impl<S: LendCredential> Lendable<S> for Option<Credential> {
    type Lent<'a> = Option<&'a str>;

    fn lend<'p>(scheme: &S, parts: &'p Parts) -> Result<Option<&'p str>, Rejection> {
        scheme.lend(parts).map_err(Rejection::from)
    }

    fn view(&self) -> Option<&str> {
        self.as_deref()
    }
}

/// A scheme whose credential a `#[dependency]` fn can take as `&str`, borrowed from the request.
pub trait Lend: Declared {
    /// What the parameter receives: `&str`, or `Option<&str>` when the scheme is optional.
    type Lent<'p>;

    /// Reads the credential borrowed, without looking for a stand-in: called only when
    /// `resolve_now` would be.
    fn lend(parts: &Parts) -> Result<Self::Lent<'_>, Rejection>;

    /// Borrows credentials resolved owned, on the path that looks for stand-ins.
    fn view(output: &Self::Output) -> Self::Lent<'_>;
}

impl<D> Lend for D
where
    D: SchemeItem,
    D::Output: Lendable<D::Scheme>,
{
    type Lent<'p> = <D::Output as Lendable<D::Scheme>>::Lent<'p>;

    fn lend(parts: &Parts) -> Result<Self::Lent<'_>, Rejection> {
        D::Output::lend(D::SCHEME, parts)
    }

    fn view(output: &D::Output) -> Self::Lent<'_> {
        output.view()
    }
}

/// One parameter of a handler or dependency, as the expansion hands it to the runtime: how to
/// resolve it. The resolution code lives here, generic, once, so rustc checks no per-handler
/// resolution code.
pub trait Param<S>: Send + 'static {
    /// What the parameter receives.
    type Output: Send;

    /// Whether [`resolve_now`](Self::resolve_now) can resolve the parameter.
    const SYNC: bool = false;

    /// Whether this request resolves the parameter with `resolve_now`: it is `SYNC` and no
    /// dependency overrides are installed.
    fn now(&self) -> bool {
        Self::SYNC && !overrides_installed()
    }

    /// Resolves the parameter like [`resolve`](Self::resolve), without a future. Called only
    /// when [`now`](Self::now) holds.
    fn resolve_now(
        self,
        parts: &Parts,
        state: &S,
        path: &ScopePath<'_>,
    ) -> Result<Self::Output, Rejection>
    where
        Self: Sized,
    {
        let _ = (parts, state, path);
        unreachable!("`resolve_now` of a parameter that is not `SYNC`")
    }

    /// Resolves the parameter for a fn whose own uses are at `path`.
    fn resolve<'a>(
        self,
        parts: &'a mut Parts,
        state: &'a S,
        path: &'a ScopePath<'a>,
    ) -> impl Future<Output = Result<Self::Output, Rejection>> + Send + 'a;
}

/// `#[security(D, scopes = [...])]`: one use of a scheme or dependency.
pub struct Security<D> {
    scopes: &'static [&'static str],
    target: PhantomData<fn() -> D>,
}

impl<D> Security<D> {
    /// A use declaring `scopes`.
    pub const fn new(scopes: &'static [&'static str]) -> Self {
        Self {
            scopes,
            target: PhantomData,
        }
    }
}

impl<S, D: Resolve<S>> Param<S> for Security<D> {
    type Output = D::Output;

    const SYNC: bool = D::SYNC;

    fn resolve_now(
        self,
        parts: &Parts,
        state: &S,
        path: &ScopePath<'_>,
    ) -> Result<D::Output, Rejection> {
        D::resolve_now(parts, state, path, self.scopes)
    }

    fn resolve<'a>(
        self,
        parts: &'a mut Parts,
        state: &'a S,
        path: &'a ScopePath<'a>,
    ) -> impl Future<Output = Result<D::Output, Rejection>> + Send + 'a {
        D::resolve(parts, state, path, self.scopes)
    }
}

/// A `SecurityScopes` parameter: the scopes of the uses on the path.
pub struct Scopes;

impl<S: Sync> Param<S> for Scopes {
    type Output = SecurityScopes;

    const SYNC: bool = true;

    fn resolve_now(
        self,
        _: &Parts,
        _: &S,
        path: &ScopePath<'_>,
    ) -> Result<SecurityScopes, Rejection> {
        Ok(path.security_scopes())
    }

    fn resolve<'a>(
        self,
        _: &'a mut Parts,
        _: &'a S,
        path: &'a ScopePath<'a>,
    ) -> impl Future<Output = Result<SecurityScopes, Rejection>> + Send + 'a {
        std::future::ready(Ok(path.security_scopes()))
    }
}

/// A parameter read by a `FromRequestParts` extractor; its rejection is rendered.
pub struct Extract<T>(PhantomData<fn() -> T>);

impl<T> Extract<T> {
    /// The extractor `T`.
    pub const NEW: Self = Self(PhantomData);
}

impl<S, T> Param<S> for Extract<T>
where
    S: Send + Sync,
    T: FromRequestParts<S> + Send + 'static,
{
    type Output = T;

    async fn resolve<'a>(
        self,
        parts: &'a mut Parts,
        state: &'a S,
        _: &'a ScopePath<'a>,
    ) -> Result<T, Rejection> {
        T::from_request_parts(parts, state).await.map_err(render)
    }
}

/// The parameters of a `#[secured]` handler but the body, in the order they resolve in: a
/// tuple of [`Param`]s. Its methods are what the handler's `Handler::call` runs: they resolve
/// the parameters in order and answer with `respond`, or with the first rejection.
pub trait Params<S>: Send + 'static {
    /// What the parameters receive.
    type Output: Send;

    /// Serves a handler that does not read the body: the request is dropped before `respond`.
    fn serve<Respond, Fut>(
        self,
        request: Request,
        state: S,
        respond: Respond,
    ) -> BoxFuture<'static, Response>
    where
        Respond: FnOnce(Self::Output) -> Fut + Send + 'static,
        Fut: Future + Send,
        Fut::Output: IntoResponse;

    /// Serves a handler whose last parameter, `T`, reads the body; its rejection is rendered.
    fn serve_body<Marker, T, Respond, Fut>(
        self,
        request: Request,
        state: S,
        respond: Respond,
    ) -> BoxFuture<'static, Response>
    where
        T: FromRequest<S, Marker> + Send + 'static,
        Respond: FnOnce(Self::Output, T) -> Fut + Send + 'static,
        Fut: Future + Send,
        Fut::Output: IntoResponse;
}

/// Binds each parameter to its output in turn, returning the rejection of the first that fails.
macro_rules! resolve_each {
    ($parts:ident, $state:ident, $($param:ident),*) => {
        let path = ScopePath::ROOT;
        $(
            let output = if $param.now() {
                $param.resolve_now(&$parts, &$state, &path)
            } else {
                $param.resolve(&mut $parts, &$state, &path).await
            };
            let $param = match output {
                Ok(output) => output,
                Err(rejection) => return rejection.into_response(),
            };
        )*
    };
}

macro_rules! params {
    ($($param:ident),*) => {
        #[allow(non_snake_case, unused_mut, unused_variables)]
        impl<S, $($param: Param<S>),*> Params<S> for ($($param,)*)
        where
            S: Send + Sync + 'static,
        {
            type Output = ($($param::Output,)*);

            fn serve<Respond, Fut>(
                self,
                request: Request,
                state: S,
                respond: Respond,
            ) -> BoxFuture<'static, Response>
            where
                Respond: FnOnce(Self::Output) -> Fut + Send + 'static,
                Fut: Future + Send,
                Fut::Output: IntoResponse,
            {
                let ($($param,)*) = self;
                Box::pin(async move {
                    let (mut parts, body) = request.into_parts();
                    drop(body);
                    resolve_each!(parts, state, $($param),*);
                    drop(parts);
                    respond(($($param,)*)).await.into_response()
                })
            }

            fn serve_body<Marker, T, Respond, Fut>(
                self,
                request: Request,
                state: S,
                respond: Respond,
            ) -> BoxFuture<'static, Response>
            where
                T: FromRequest<S, Marker> + Send + 'static,
                Respond: FnOnce(Self::Output, T) -> Fut + Send + 'static,
                Fut: Future + Send,
                Fut::Output: IntoResponse,
            {
                let ($($param,)*) = self;
                Box::pin(async move {
                    let (mut parts, body) = request.into_parts();
                    resolve_each!(parts, state, $($param),*);
                    let body = match T::from_request(Request::from_parts(parts, body), &state).await {
                        Ok(body) => body,
                        Err(rejection) => return rejection.into_response(),
                    };
                    respond(($($param,)*), body).await.into_response()
                })
            }
        }
    };
}

params!();
params!(T1);
params!(T1, T2);
params!(T1, T2, T3);
params!(T1, T2, T3, T4);
params!(T1, T2, T3, T4, T5);
params!(T1, T2, T3, T4, T5, T6);
params!(T1, T2, T3, T4, T5, T6, T7);
params!(T1, T2, T3, T4, T5, T6, T7, T8);
params!(T1, T2, T3, T4, T5, T6, T7, T8, T9);
params!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10);
params!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11);
params!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12);
params!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13);
params!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14);
params!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15);
params!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16);
