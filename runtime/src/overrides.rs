//! Stand-ins for dependencies and schemes in tests, FastAPI's `app.dependency_overrides`, and
//! the per-request cache of `#[dependency(cache)]`, FastAPI's `use_cache`.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use axum::response::IntoResponse;
use http::request::Parts;

use crate::error::{render, Rejection};
use crate::resolve::{BoxFuture, Declared};
use crate::scopes::{ScopePath, SecurityScopes};

/// Whether any router of the process has overrides: until one has, resolution does not look
/// for them, so overrides cost nothing where they are not used.
static OVERRIDES_INSTALLED: AtomicBool = AtomicBool::new(false);

/// Stand-ins that replace dependencies or schemes for one router, FastAPI's
/// `app.dependency_overrides[dep] = fake`.
///
/// A stand-in receives the [`SecurityScopes`] accumulated where the replaced item is used, and
/// returns what the item would hand on, or an error response. Everything else (the handler,
/// other dependencies, the OpenAPI document) stays as declared.
///
/// ```
/// use secured::{dependency, scheme, secured, Credential, DependencyOverrides, HttpError};
/// use secured::{OAuth2PasswordBearer, SecurityScopes};
///
/// #[scheme]
/// const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token");
///
/// #[dependency]
/// async fn current_user(#[security(OAUTH2)] token: Credential) -> Result<String, HttpError> {
///     Err(HttpError::unauthorized("tokens are checked against a server tests do not have"))
/// }
///
/// let overrides = DependencyOverrides::new().set::<current_user>(|_: SecurityScopes| async {
///     Ok::<_, HttpError>("test-user".to_owned())
/// });
/// ```
#[derive(Clone, Default)]
pub struct DependencyOverrides {
    stand_ins: Arc<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
}

impl std::fmt::Debug for DependencyOverrides {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DependencyOverrides")
            .field("len", &self.stand_ins.len())
            .finish()
    }
}

/// A stand-in for an item whose output is `T`: an `async` closure or fn taking the accumulated
/// [`SecurityScopes`] and returning `Result<T, E>` with `E: IntoResponse`.
pub trait StandIn<T>: Send + Sync + 'static {
    /// Runs the stand-in.
    fn call(&self, scopes: SecurityScopes) -> BoxFuture<'static, Result<T, Rejection>>;
}

impl<F, Fut, T, E> StandIn<T> for F
where
    F: Fn(SecurityScopes) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<T, E>> + Send + 'static,
    E: IntoResponse,
{
    fn call(&self, scopes: SecurityScopes) -> BoxFuture<'static, Result<T, Rejection>> {
        let future = self(scopes);
        Box::pin(async move { future.await.map_err(render) })
    }
}

/// How a stand-in is stored: behind the type-erased map, one box per item.
pub type Stored<T> = Box<dyn StandIn<T>>;

impl DependencyOverrides {
    /// No stand-ins.
    pub fn new() -> Self {
        Self::default()
    }

    /// Replaces `D`, a `#[dependency]` fn or `#[scheme]` const named as a type
    /// (`.set::<get_current_user>(...)`), by `stand_in`.
    pub fn set<D: Declared>(mut self, stand_in: impl StandIn<D::Output>) -> Self {
        let stored: Stored<D::Output> = Box::new(stand_in);
        Arc::make_mut(&mut self.stand_ins).insert(TypeId::of::<D>(), Arc::new(stored));
        self
    }

    /// Whether no stand-in is set.
    pub fn is_empty(&self) -> bool {
        self.stand_ins.is_empty()
    }

    /// Called when a router takes these overrides.
    pub(crate) fn install(&self) {
        if !self.is_empty() {
            OVERRIDES_INSTALLED.store(true, Ordering::Relaxed);
        }
    }
}

/// Whether some router of this process has dependency overrides: until one does, no
/// resolution looks for stand-ins, and synchronous uses resolve without a future.
#[inline]
pub(crate) fn overrides_installed() -> bool {
    OVERRIDES_INSTALLED.load(Ordering::Relaxed)
}

/// The stand-in of `D` for this request, when its router has one.
#[inline]
pub fn stand_in<D: Declared>(parts: &Parts) -> Option<Arc<Stored<D::Output>>> {
    if !overrides_installed() {
        return None;
    }
    let overrides = parts.extensions.get::<DependencyOverrides>()?;
    let stored = overrides.stand_ins.get(&TypeId::of::<D>())?;
    Arc::clone(stored).downcast().ok()
}

/// The outputs of `#[dependency(cache)]` dependencies already resolved in this request, by
/// dependency and sorted scopes (FastAPI's cache key).
#[derive(Clone, Default)]
struct ResolveCache {
    entries: Vec<(TypeId, Vec<&'static str>, Arc<dyn Any + Send + Sync>)>,
}

/// The cache key of one use: its scopes, sorted.
pub fn cache_key(scopes: ScopePath<'_>) -> Vec<&'static str> {
    let mut key = scopes.security_scopes().scopes.into_owned();
    key.sort_unstable();
    key
}

/// The output of `D` already resolved with these scopes in this request.
pub fn cached<D>(parts: &Parts, key: &[&'static str]) -> Option<D::Output>
where
    D: Declared,
    D::Output: Clone + Sync,
{
    let cache = parts.extensions.get::<ResolveCache>()?;
    let (_, _, value) = cache
        .entries
        .iter()
        .find(|(id, scopes, _)| *id == TypeId::of::<D>() && scopes == key)?;
    value.downcast_ref::<D::Output>().cloned()
}

/// Keeps the output of `D` for later uses with the same scopes in this request.
pub fn store<D>(parts: &mut Parts, key: Vec<&'static str>, value: &D::Output)
where
    D: Declared,
    D::Output: Clone + Sync,
{
    let entry = (
        TypeId::of::<D>(),
        key,
        Arc::new(value.clone()) as Arc<dyn Any + Send + Sync>,
    );
    match parts.extensions.get_mut::<ResolveCache>() {
        Some(cache) => cache.entries.push(entry),
        None => {
            parts.extensions.insert(ResolveCache {
                entries: vec![entry],
            });
        }
    }
}
