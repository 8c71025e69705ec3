//! A router that keeps, beside axum's routes, the security declarations of every handler, and
//! serves the OpenAPI document built from them.

use std::convert::Infallible;

use axum::handler::Handler;
use axum::response::IntoResponse;
use http::header::CONTENT_TYPE;
use http::{HeaderValue, Method, StatusCode};

use crate::docs::{ReDoc, SwaggerUi, OAUTH2_REDIRECT_HTML};
use crate::openapi::{self, OpenApiError, Route};
use crate::overrides::DependencyOverrides;
use crate::resolve::{Operation, OperationDoc};
use crate::HttpError;

/// An axum router whose routes are `#[secured]` handlers, FastAPI's `FastAPI()` app: it knows
/// each route's security and serves the OpenAPI document at `/openapi.json`.
///
/// ```
/// use secured::{routing::get, secured, Router};
///
/// #[secured]
/// async fn hello() -> &'static str {
///     "hello"
/// }
///
/// let app: axum::Router = Router::new()
///     .title("Hello API")
///     .route("/hello", get(hello))
///     .into_router();
/// ```
#[must_use]
pub struct Router<S = ()> {
    inner: axum::Router<S>,
    routes: Vec<Route>,
    info: openapi::Info,
    overrides: DependencyOverrides,
    docs: Docs,
}

/// Where the documentation pages are served, and how.
#[derive(Debug, Clone)]
struct Docs {
    docs_url: Option<String>,
    redoc_url: Option<String>,
    swagger_ui: SwaggerUi,
    redoc: ReDoc,
}

impl Default for Docs {
    fn default() -> Self {
        Self {
            docs_url: Some("/docs".to_owned()),
            redoc_url: Some("/redoc".to_owned()),
            swagger_ui: SwaggerUi::new(),
            redoc: ReDoc::new(),
        }
    }
}

impl<S> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    /// An empty router; the document is titled `FastAPI`, version `0.1.0`, as FastAPI's default.
    pub fn new() -> Self {
        Self {
            inner: axum::Router::new(),
            routes: Vec::new(),
            info: openapi::Info::default(),
            overrides: DependencyOverrides::new(),
            docs: Docs::default(),
        }
    }

    /// Adds the handlers of `method_router` at `path` (axum's syntax: `/users/{id}`).
    pub fn route(mut self, path: &str, method_router: MethodRouter<S>) -> Self {
        self.routes.extend(
            method_router
                .operations
                .into_iter()
                .map(|(method, operation)| Route {
                    path: path.to_owned(),
                    method,
                    operation,
                }),
        );
        self.inner = self.inner.route(path, method_router.inner);
        self
    }

    /// Adds every route of `other`.
    pub fn merge(mut self, other: Router<S>) -> Self {
        self.routes.extend(other.routes);
        self.inner = self.inner.merge(other.inner);
        self
    }

    /// Provides the state, as axum's `Router::with_state`.
    pub fn with_state<S2>(self, state: S) -> Router<S2> {
        Router {
            inner: self.inner.with_state(state),
            routes: self.routes,
            info: self.info,
            overrides: self.overrides,
            docs: self.docs,
        }
    }

    /// Replaces dependencies and schemes by stand-ins in this router only, FastAPI's
    /// `app.dependency_overrides`: for tests.
    pub fn dependency_overrides(mut self, overrides: DependencyOverrides) -> Self {
        self.overrides = overrides;
        self
    }

    /// Sets the document's `info.title`.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.info.title = title.into();
        self
    }

    /// Sets the document's `info.version`.
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.info.version = version.into();
        self
    }

    /// Adds an entry to the document's `servers`.
    pub fn server(mut self, url: impl Into<String>, description: Option<&str>) -> Self {
        self.info.servers.push(openapi::Server {
            url: url.into(),
            description: description.map(str::to_owned),
        });
        self
    }

    /// Where the document is served (default `/openapi.json`); `None` serves none.
    pub fn openapi_url(mut self, url: Option<&str>) -> Self {
        self.info.openapi_url = url.map(str::to_owned);
        self
    }

    /// Where Swagger UI is served (default `/docs`, with the OAuth2 redirect page at
    /// `/docs/oauth2-redirect`); `None` serves none.
    pub fn docs_url(mut self, url: Option<&str>) -> Self {
        self.docs.docs_url = url.map(str::to_owned);
        self
    }

    /// Where ReDoc is served (default `/redoc`); `None` serves none.
    pub fn redoc_url(mut self, url: Option<&str>) -> Self {
        self.docs.redoc_url = url.map(str::to_owned);
        self
    }

    /// Sets the Swagger UI assets and OAuth options.
    pub fn swagger_ui(mut self, swagger_ui: SwaggerUi) -> Self {
        self.docs.swagger_ui = swagger_ui;
        self
    }

    /// Sets the ReDoc asset.
    pub fn redoc(mut self, redoc: ReDoc) -> Self {
        self.docs.redoc = redoc;
        self
    }

    /// The OpenAPI 3.1 document of the routes added so far.
    ///
    /// # Errors
    ///
    /// Two different schemes under one name, or a scope an OAuth2 scheme does not declare.
    pub fn openapi(&self) -> Result<serde_json::Value, OpenApiError> {
        openapi::document(&self.info, &self.routes)
    }

    /// The axum router, with the document served at its URL.
    ///
    /// # Errors
    ///
    /// As [`Router::openapi`].
    pub fn try_into_router(self) -> Result<axum::Router<S>, OpenApiError> {
        let document = self.openapi()?.to_string();
        // FastAPI's answers for unknown paths and methods, in the same `{"detail": ...}` shape.
        let mut router = self
            .inner
            .fallback(|| async { HttpError::new(StatusCode::NOT_FOUND, "Not Found") })
            .method_not_allowed_fallback(|| async {
                HttpError::new(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
            });
        if !self.overrides.is_empty() {
            self.overrides.install();
            router = router.layer(axum::Extension(self.overrides));
        }
        let Some(url) = self.info.openapi_url else {
            return Ok(router);
        };
        router = router.route(&url, serve(document, "application/json"));
        let title = &self.info.title;
        if let Some(docs_url) = &self.docs.docs_url {
            let redirect_url = format!("{}/oauth2-redirect", docs_url.trim_end_matches('/'));
            let page =
                self.docs
                    .swagger_ui
                    .html(&format!("{title} - Swagger UI"), &url, &redirect_url);
            router = router
                .route(docs_url, serve(page, "text/html; charset=utf-8"))
                .route(
                    &redirect_url,
                    serve(OAUTH2_REDIRECT_HTML.to_owned(), "text/html; charset=utf-8"),
                );
        }
        if let Some(redoc_url) = &self.docs.redoc_url {
            let page = self.docs.redoc.html(&format!("{title} - ReDoc"), &url);
            router = router.route(redoc_url, serve(page, "text/html; charset=utf-8"));
        }
        Ok(router)
    }

    /// The axum router, with the document served at its URL.
    ///
    /// # Panics
    ///
    /// When the declarations are inconsistent, as [`Router::openapi`] reports: like axum's
    /// conflicting routes, a mistake to fix before the server starts.
    pub fn into_router(self) -> axum::Router<S> {
        self.try_into_router()
            .unwrap_or_else(|error| panic!("secured::Router: {error}"))
    }
}

/// A `GET` route answering a fixed body.
fn serve<S>(body: String, content_type: &'static str) -> axum::routing::MethodRouter<S>
where
    S: Clone + Send + Sync + 'static,
{
    let body = axum::body::Bytes::from(body);
    axum::routing::get(move || async move {
        (
            [(CONTENT_TYPE, HeaderValue::from_static(content_type))],
            body,
        )
            .into_response()
    })
}

impl<S> Default for Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    fn default() -> Self {
        Self::new()
    }
}

impl<S> From<Router<S>> for axum::Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    fn from(router: Router<S>) -> Self {
        router.into_router()
    }
}

/// The handlers of one path by method, axum's `MethodRouter` with their declarations.
#[must_use]
pub struct MethodRouter<S = ()> {
    inner: axum::routing::MethodRouter<S, Infallible>,
    operations: Vec<(Method, &'static OperationDoc)>,
}

// Apart from the methods below, which are generic over the handler, so that each handler's
// route adds as little machine code as possible.
impl<S> MethodRouter<S> {
    fn serving(
        inner: axum::routing::MethodRouter<S, Infallible>,
        method: Method,
        operation: &'static OperationDoc,
    ) -> Self {
        Self {
            inner,
            operations: vec![(method, operation)],
        }
    }

    fn also(mut self, method: Method, operation: &'static OperationDoc) -> Self {
        self.operations.push((method, operation));
        self
    }
}

macro_rules! methods {
    ($($name:ident => $method:ident,)*) => {
        $(
            #[doc = concat!("Routes `", stringify!($method), "` requests to a `#[secured]` handler.")]
            pub fn $name<H, T, S>(handler: H) -> MethodRouter<S>
            where
                H: Handler<T, S> + Operation,
                T: 'static,
                S: Clone + Send + Sync + 'static,
            {
                MethodRouter::serving(axum::routing::$name(handler), Method::$method, &H::OPERATION)
            }
        )*

        impl<S> MethodRouter<S>
        where
            S: Clone + Send + Sync + 'static,
        {
            $(
                #[doc = concat!("Also routes `", stringify!($method), "` requests to a `#[secured]` handler.")]
                pub fn $name<H, T>(mut self, handler: H) -> Self
                where
                    H: Handler<T, S> + Operation,
                    T: 'static,
                {
                    self.inner = self.inner.$name(handler);
                    self.also(Method::$method, &H::OPERATION)
                }
            )*
        }
    };
}

methods! {
    get => GET,
    post => POST,
    put => PUT,
    patch => PATCH,
    delete => DELETE,
    head => HEAD,
    options => OPTIONS,
    trace => TRACE,
}
