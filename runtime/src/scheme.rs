//! What every security scheme has in common: reading credentials from a request, the answer
//! when they are missing, and the OpenAPI description.

use http::request::Parts;
use http::HeaderValue;

use crate::{Credential, HttpError};

/// A security scheme: FastAPI's `SecurityBase` subclasses (`APIKeyHeader`, `HTTPBasic`, ...).
///
/// A scheme reads credentials from the request and hands them on; it does not validate them,
/// which is the job of the dependency that uses it. Declare a scheme as a `const` item with the
/// [`scheme`](crate::scheme) attribute so that handlers and dependencies can name it in
/// `#[security(...)]`.
pub trait SecurityScheme: Sync + 'static {
    /// What the scheme hands on when credentials are present.
    type Credentials: Send + 'static;

    /// Reads the credentials: `Ok(None)` when they are missing (the scheme then answers
    /// [`SecurityScheme::not_authenticated`], or hands on `None` when optional), `Err` when they
    /// are present but unusable, which is an error even for an optional scheme.
    fn extract(&self, parts: &Parts) -> Result<Option<Self::Credentials>, HttpError>;

    /// The `WWW-Authenticate` challenge sent with 401 `Not authenticated` when credentials are
    /// missing.
    fn challenge(&self) -> HeaderValue;

    /// The answer for missing credentials: 401 `Not authenticated` with the scheme's challenge.
    fn not_authenticated(&self) -> HttpError {
        HttpError::not_authenticated(self.challenge())
    }
}

/// A scheme whose credential is a piece of the request's text, such as a header value: a
/// `#[dependency]` fn can take it borrowed, as `&str` (or `Option<&str>` when the scheme is
/// optional), which reads it without a copy. [`SecurityScheme::extract`] is then
/// [`lend`](Self::lend) copied into a [`Credential`].
///
/// Implemented by [`ApiKeyHeader`](crate::ApiKeyHeader), [`ApiKeyCookie`](crate::ApiKeyCookie),
/// [`OAuth2PasswordBearer`](crate::OAuth2PasswordBearer),
/// [`OAuth2AuthorizationCodeBearer`](crate::OAuth2AuthorizationCodeBearer),
/// [`OAuth2`](crate::OAuth2) and [`OpenIdConnect`](crate::OpenIdConnect).
///
/// ```
/// use secured::{dependency, scheme, HttpError, OAuth2PasswordBearer};
///
/// #[scheme]
/// const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token");
///
/// #[dependency]
/// fn current_user(#[security(OAUTH2)] token: &str) -> Result<String, HttpError> {
///     if secured::compare_digest(token, "fake-token") {
///         Ok("john.doe".to_owned())
///     } else {
///         Err(HttpError::unauthorized("Invalid token"))
///     }
/// }
/// ```
pub trait LendCredential: SecurityScheme<Credentials = Credential> {
    /// Reads the credential, borrowed from `parts`, with the same outcomes as
    /// [`SecurityScheme::extract`].
    fn lend<'p>(&self, parts: &'p Parts) -> Result<Option<&'p str>, HttpError>;
}

/// What [`SecurityScheme::extract`] hands on for a scheme that lends its credential: a copy.
pub(crate) fn copied(
    lent: Result<Option<&str>, HttpError>,
) -> Result<Option<Credential>, HttpError> {
    lent.map(|found| found.map(Credential::new))
}

/// A scheme as the OpenAPI document states it: `components.securitySchemes[name]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchemeDoc {
    /// The key under `components.securitySchemes`: the `scheme_name`, or by default the
    /// reference class name (`APIKeyHeader`, `HTTPBasic`, `OAuth2PasswordBearer`, ...).
    pub name: &'static str,
    /// The scheme's `description`, when set.
    pub description: Option<&'static str>,
    /// Whether missing credentials are answered with 401 (`true`) or handed on as `None`.
    pub auto_error: bool,
    /// The type-specific part of the scheme object.
    pub kind: SchemeKind,
}

/// The type-specific part of an OpenAPI security scheme object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
// Compile-time metadata, read in place through `&'static` references: the size of the largest
// variant costs nothing at run time.
#[allow(clippy::large_enum_variant)]
pub enum SchemeKind {
    /// `{"type":"apiKey","in":..,"name":..}`.
    ApiKey {
        /// Where the key is sent.
        location: ApiKeyLocation,
        /// The header, query parameter or cookie name.
        name: &'static str,
    },
    /// `{"type":"http","scheme":..,"bearerFormat":..}`.
    Http {
        /// `basic`, `bearer` or `digest`.
        scheme: &'static str,
        /// A hint of the bearer token's format, such as `JWT`.
        bearer_format: Option<&'static str>,
    },
    /// `{"type":"oauth2","flows":{..}}`.
    OAuth2 {
        /// The flows the scheme supports.
        flows: OAuthFlows,
    },
    /// `{"type":"openIdConnect","openIdConnectUrl":..}`.
    OpenIdConnect {
        /// The OpenID Connect discovery URL.
        url: &'static str,
    },
}

impl SchemeDoc {
    /// Whether `scope` is declared by one of the scheme's OAuth2 flows.
    pub const fn declares_scope(&self, scope: &str) -> bool {
        let SchemeKind::OAuth2 { flows } = &self.kind else {
            return false;
        };
        let all = flows.named();
        let mut i = 0;
        while i < all.len() {
            if let (_, Some(flow)) = &all[i] {
                let mut j = 0;
                while j < flow.scopes.len() {
                    if const_str_eq(flow.scopes[j].0, scope) {
                        return true;
                    }
                    j += 1;
                }
            }
            i += 1;
        }
        false
    }

    /// Whether scopes mean anything to this scheme (OAuth2 and OpenID Connect).
    pub const fn takes_scopes(&self) -> bool {
        matches!(
            self.kind,
            SchemeKind::OAuth2 { .. } | SchemeKind::OpenIdConnect { .. }
        )
    }
}

/// `str` equality usable in constant evaluation.
pub(crate) const fn const_str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Where an API key is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKeyLocation {
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A cookie.
    Cookie,
}

impl ApiKeyLocation {
    /// The OpenAPI `in` value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Header => "header",
            Self::Query => "query",
            Self::Cookie => "cookie",
        }
    }
}

/// OAuth2 scopes with their descriptions, as `(scope, description)` pairs.
pub type Scopes = &'static [(&'static str, &'static str)];

/// The flows of an OAuth2 scheme, FastAPI's `OAuthFlows`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OAuthFlows {
    /// The implicit flow.
    pub implicit: Option<OAuthFlow>,
    /// The resource owner password flow.
    pub password: Option<OAuthFlow>,
    /// The client credentials flow.
    pub client_credentials: Option<OAuthFlow>,
    /// The authorization code flow.
    pub authorization_code: Option<OAuthFlow>,
}

impl OAuthFlows {
    /// No flows; add them with the builder methods.
    pub const fn new() -> Self {
        Self {
            implicit: None,
            password: None,
            client_credentials: None,
            authorization_code: None,
        }
    }

    /// Each flow under its OpenAPI name (`implicit`, `password`, `clientCredentials`,
    /// `authorizationCode`), in the order of the OpenAPI document.
    pub const fn named(&self) -> [(&'static str, Option<OAuthFlow>); 4] {
        [
            ("implicit", self.implicit),
            ("password", self.password),
            ("clientCredentials", self.client_credentials),
            ("authorizationCode", self.authorization_code),
        ]
    }

    /// Adds the implicit flow (it needs an authorization URL).
    pub const fn implicit(mut self, flow: OAuthFlow) -> Self {
        self.implicit = Some(flow);
        self
    }

    /// Adds the password flow (it needs a token URL).
    pub const fn password(mut self, flow: OAuthFlow) -> Self {
        self.password = Some(flow);
        self
    }

    /// Adds the client credentials flow (it needs a token URL).
    pub const fn client_credentials(mut self, flow: OAuthFlow) -> Self {
        self.client_credentials = Some(flow);
        self
    }

    /// Adds the authorization code flow (it needs both URLs).
    pub const fn authorization_code(mut self, flow: OAuthFlow) -> Self {
        self.authorization_code = Some(flow);
        self
    }
}

/// One OAuth2 flow: its URLs and the scopes it offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OAuthFlow {
    /// `authorizationUrl` (implicit and authorization code flows).
    pub authorization_url: Option<&'static str>,
    /// `tokenUrl` (password, client credentials and authorization code flows).
    pub token_url: Option<&'static str>,
    /// `refreshUrl`, when set.
    pub refresh_url: Option<&'static str>,
    /// The scopes with their descriptions.
    pub scopes: Scopes,
}

impl OAuthFlow {
    /// A flow with no URL and no scope.
    pub const fn new() -> Self {
        Self {
            authorization_url: None,
            token_url: None,
            refresh_url: None,
            scopes: &[],
        }
    }

    /// Sets `authorizationUrl`.
    pub const fn authorization_url(mut self, url: &'static str) -> Self {
        self.authorization_url = Some(url);
        self
    }

    /// Sets `tokenUrl`.
    pub const fn token_url(mut self, url: &'static str) -> Self {
        self.token_url = Some(url);
        self
    }

    /// Sets `refreshUrl`.
    pub const fn refresh_url(mut self, url: &'static str) -> Self {
        self.refresh_url = Some(url);
        self
    }

    /// Sets the scopes, `(scope, description)` pairs.
    pub const fn scopes(mut self, scopes: Scopes) -> Self {
        self.scopes = scopes;
        self
    }
}

impl Default for OAuthFlow {
    fn default() -> Self {
        Self::new()
    }
}

/// The settings every scheme has: FastAPI's `scheme_name`, `description` and `auto_error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Common {
    pub(crate) scheme_name: Option<&'static str>,
    pub(crate) description: Option<&'static str>,
    pub(crate) auto_error: bool,
}

impl Common {
    pub(crate) const NEW: Self = Self {
        scheme_name: None,
        description: None,
        auto_error: true,
    };

    /// The OpenAPI description with the given default name and type-specific part.
    pub(crate) const fn doc(&self, default_name: &'static str, kind: SchemeKind) -> SchemeDoc {
        SchemeDoc {
            name: match self.scheme_name {
                Some(name) => name,
                None => default_name,
            },
            description: self.description,
            auto_error: self.auto_error,
            kind,
        }
    }
}

/// The `const fn` builders shared by every scheme type, and the inherent `const fn doc` that
/// the `#[scheme]` attribute reads at compile time.
macro_rules! common_builders {
    ($ty:ident, $default_name:literal) => {
        impl $ty {
            /// Sets the name under `components.securitySchemes` (default
            #[doc = concat!("`", $default_name, "`).")]
            pub const fn scheme_name(mut self, name: &'static str) -> Self {
                self.common.scheme_name = Some(name);
                self
            }

            /// Sets the OpenAPI `description`.
            pub const fn description(mut self, description: &'static str) -> Self {
                self.common.description = Some(description);
                self
            }

            /// With `false`, missing credentials hand on `None` instead of answering 401: the
            /// handler or dependency then takes an `Option` and decides.
            pub const fn auto_error(mut self, auto_error: bool) -> Self {
                self.common.auto_error = auto_error;
                self
            }

            /// The scheme's OpenAPI description, in constant evaluation.
            pub const fn doc(&self) -> $crate::SchemeDoc {
                self.common.doc($default_name, self.kind())
            }
        }
    };
}

pub(crate) use common_builders;
