//! `any(A, B, ...)`: alternatives, the first that succeeds wins; documented as OR.

use std::future::Future;
use std::marker::PhantomData;

use http::request::Parts;

use crate::error::Rejection;
use crate::resolve::{Declared, Edge, Node, NodeKind, Resolve};
use crate::scopes::ScopePath;

/// Which alternative of `any(A, B)` succeeded: `any(A, B, C)` gives
/// `Either<A, Either<B, C>>`.
///
/// ```
/// use secured::{scheme, secured, ApiKeyHeader, Credential, Either, OAuth2PasswordBearer};
///
/// #[scheme]
/// const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");
/// #[scheme]
/// const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token");
///
/// #[secured]
/// async fn whoami(#[security(any(API_KEY, OAUTH2))] who: Either<Credential, Credential>) -> &'static str {
///     match who {
///         Either::Left(_key) => "api key",
///         Either::Right(_token) => "bearer token",
///     }
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Either<L, R> {
    /// The first alternative succeeded.
    Left(L),
    /// A later alternative succeeded.
    Right(R),
}

/// The target type of `any(...)`: a tuple of the alternatives.
#[doc(hidden)]
pub struct AnyOf<T>(PhantomData<T>);

/// The answer when every alternative failed: the first failure that is not missing credentials
/// (a wrong key is more telling than an absent token), or else 401 `Not authenticated` with the
/// challenge of every alternative.
#[doc(hidden)]
#[derive(Default)]
pub struct Failures {
    relevant: Option<Rejection>,
    missing: Option<Rejection>,
}

impl Failures {
    /// Records the failure of an alternative that is not the last.
    pub fn add(&mut self, rejection: Rejection) {
        if !rejection.is_missing_credentials() {
            self.relevant.get_or_insert(rejection);
            return;
        }
        match &mut self.missing {
            Some(missing) => {
                missing.merge_missing(rejection);
            }
            None => self.missing = Some(rejection),
        }
    }

    /// The answer for the whole `any(...)`, given the failure of the last alternative.
    pub fn finish(self, last: Rejection) -> Rejection {
        if let Some(relevant) = self.relevant {
            return relevant;
        }
        match self.missing {
            Some(mut missing) if last.is_missing_credentials() => {
                missing.merge_missing(last);
                missing
            }
            _ => last,
        }
    }
}

macro_rules! any_of {
    ($first:ident $(, $rest:ident)+ => $output:ty) => {
        impl<$first: Declared, $($rest: Declared),+> Declared for AnyOf<($first, $($rest),+)> {
            type Output = $output;

            const NODE: Node = Node {
                name: "any",
                kind: NodeKind::Any(&[
                    Edge { target: &$first::NODE, scopes: &[] },
                    $(Edge { target: &$rest::NODE, scopes: &[] }),+
                ]),
            };
        }

        impl<S, $first, $($rest),+> Resolve<S> for AnyOf<($first, $($rest),+)>
        where
            S: Send + Sync,
            $first: Resolve<S>,
            $($rest: Resolve<S>),+
        {
            const SYNC: bool = $first::SYNC $(&& $rest::SYNC)+;

            fn resolve_now(
                parts: &Parts,
                state: &S,
                path: &ScopePath<'_>,
                declared: &'static [&'static str],
            ) -> Result<Self::Output, Rejection> {
                let mut failures = Failures::default();
                match $first::resolve_now(parts, state, path, declared) {
                    Ok(value) => return Ok(Either::Left(value)),
                    Err(response) => failures.add(response),
                }
                match <AnyOf<($($rest,)+)> as Resolve<S>>::resolve_now(parts, state, path, declared) {
                    Ok(value) => Ok(Either::Right(value)),
                    Err(response) => Err(failures.finish(response)),
                }
            }

            fn resolve<'a>(
                parts: &'a mut Parts,
                state: &'a S,
                path: &'a ScopePath<'a>,
                declared: &'static [&'static str],
            ) -> impl Future<Output = Result<Self::Output, Rejection>> + Send + 'a {
                async move {
                    let mut failures = Failures::default();
                    match $first::resolve(&mut *parts, state, path, declared).await {
                        Ok(value) => return Ok(Either::Left(value)),
                        Err(response) => failures.add(response),
                    }
                    let rest = <AnyOf<($($rest,)+)> as Resolve<S>>::resolve(parts, state, path, declared);
                    match rest.await {
                        Ok(value) => Ok(Either::Right(value)),
                        Err(response) => Err(failures.finish(response)),
                    }
                }
            }
        }
    };
}

/// A single alternative: the tail of the recursion.
impl<A: Declared> Declared for AnyOf<(A,)> {
    type Output = A::Output;

    const NODE: Node = A::NODE;
}

impl<S: Send + Sync, A: Resolve<S>> Resolve<S> for AnyOf<(A,)> {
    const SYNC: bool = A::SYNC;

    fn resolve_now(
        parts: &Parts,
        state: &S,
        path: &ScopePath<'_>,
        declared: &'static [&'static str],
    ) -> Result<Self::Output, Rejection> {
        A::resolve_now(parts, state, path, declared)
    }

    fn resolve<'a>(
        parts: &'a mut Parts,
        state: &'a S,
        path: &'a ScopePath<'a>,
        declared: &'static [&'static str],
    ) -> impl Future<Output = Result<Self::Output, Rejection>> + Send + 'a {
        A::resolve(parts, state, path, declared)
    }
}

any_of!(A, B => Either<A::Output, B::Output>);
any_of!(A, B, C => Either<A::Output, <AnyOf<(B, C)> as Declared>::Output>);
any_of!(A, B, C, D => Either<A::Output, <AnyOf<(B, C, D)> as Declared>::Output>);
any_of!(A, B, C, D, E => Either<A::Output, <AnyOf<(B, C, D, E)> as Declared>::Output>);
