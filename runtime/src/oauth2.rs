//! OAuth2 schemes: FastAPI's `OAuth2PasswordBearer`, `OAuth2AuthorizationCodeBearer` and the
//! generic `OAuth2` with any set of flows.

use http::request::Parts;
use http::HeaderValue;

use crate::http_schemes::{authorization_value, bearer_token};
use crate::scheme::{
    common_builders, copied, Common, LendCredential, OAuthFlow, OAuthFlows, SchemeKind, Scopes,
};
use crate::{Credential, HttpError, SecurityScheme};

/// OAuth2 with the password flow, FastAPI's `OAuth2PasswordBearer`: hands on the token of
/// `Authorization: Bearer <token>`.
///
/// The scopes declared here are the ones `#[security(SCHEME, scopes = [...])]` may ask for; they
/// appear with their descriptions in the OpenAPI document.
///
/// ```
/// use secured::{scheme, OAuth2PasswordBearer};
///
/// #[scheme]
/// const OAUTH2: OAuth2PasswordBearer = OAuth2PasswordBearer::new("token").scopes(&[
///     ("me", "Read information about the current user"),
///     ("items", "Access items"),
/// ]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct OAuth2PasswordBearer {
    flow: OAuthFlow,
    common: Common,
}

impl OAuth2PasswordBearer {
    /// A bearer scheme whose tokens are issued at `token_url` (FastAPI's `tokenUrl`).
    pub const fn new(token_url: &'static str) -> Self {
        Self {
            flow: OAuthFlow::new().token_url(token_url),
            common: Common::NEW,
        }
    }

    /// Sets the scopes, `(scope, description)` pairs.
    pub const fn scopes(mut self, scopes: Scopes) -> Self {
        self.flow.scopes = scopes;
        self
    }

    /// Sets the URL where tokens are refreshed (FastAPI's `refreshUrl`).
    pub const fn refresh_url(mut self, url: &'static str) -> Self {
        self.flow.refresh_url = Some(url);
        self
    }

    const fn kind(&self) -> SchemeKind {
        SchemeKind::OAuth2 {
            flows: OAuthFlows::new().password(self.flow),
        }
    }
}

common_builders!(OAuth2PasswordBearer, "OAuth2PasswordBearer");

impl SecurityScheme for OAuth2PasswordBearer {
    type Credentials = Credential;

    fn extract(&self, parts: &Parts) -> Result<Option<Credential>, HttpError> {
        copied(self.lend(parts))
    }

    fn challenge(&self) -> HeaderValue {
        HeaderValue::from_static("Bearer")
    }
}

impl LendCredential for OAuth2PasswordBearer {
    fn lend<'p>(&self, parts: &'p Parts) -> Result<Option<&'p str>, HttpError> {
        Ok(bearer_token(parts))
    }
}

/// OAuth2 with the authorization code flow, FastAPI's `OAuth2AuthorizationCodeBearer`: hands on
/// the token of `Authorization: Bearer <token>`.
#[derive(Debug, Clone, Copy)]
pub struct OAuth2AuthorizationCodeBearer {
    flow: OAuthFlow,
    common: Common,
}

impl OAuth2AuthorizationCodeBearer {
    /// A bearer scheme whose users authorize at `authorization_url` and whose tokens are issued
    /// at `token_url`.
    pub const fn new(authorization_url: &'static str, token_url: &'static str) -> Self {
        Self {
            flow: OAuthFlow::new()
                .authorization_url(authorization_url)
                .token_url(token_url),
            common: Common::NEW,
        }
    }

    /// Sets the scopes, `(scope, description)` pairs.
    pub const fn scopes(mut self, scopes: Scopes) -> Self {
        self.flow.scopes = scopes;
        self
    }

    /// Sets the URL where tokens are refreshed.
    pub const fn refresh_url(mut self, url: &'static str) -> Self {
        self.flow.refresh_url = Some(url);
        self
    }

    const fn kind(&self) -> SchemeKind {
        SchemeKind::OAuth2 {
            flows: OAuthFlows::new().authorization_code(self.flow),
        }
    }
}

common_builders!(
    OAuth2AuthorizationCodeBearer,
    "OAuth2AuthorizationCodeBearer"
);

impl SecurityScheme for OAuth2AuthorizationCodeBearer {
    type Credentials = Credential;

    fn extract(&self, parts: &Parts) -> Result<Option<Credential>, HttpError> {
        copied(self.lend(parts))
    }

    fn challenge(&self) -> HeaderValue {
        HeaderValue::from_static("Bearer")
    }
}

impl LendCredential for OAuth2AuthorizationCodeBearer {
    fn lend<'p>(&self, parts: &'p Parts) -> Result<Option<&'p str>, HttpError> {
        Ok(bearer_token(parts))
    }
}

/// OAuth2 with any set of flows, FastAPI's `OAuth2(flows=...)`.
///
/// Like the reference, it hands on the whole `Authorization` value, whatever its scheme: the
/// application parses it.
///
/// ```
/// use secured::{scheme, OAuth2, OAuthFlow, OAuthFlows};
///
/// #[scheme]
/// const OAUTH2: OAuth2 = OAuth2::new(
///     OAuthFlows::new()
///         .implicit(OAuthFlow::new().authorization_url("authorize"))
///         .client_credentials(OAuthFlow::new().token_url("token").scopes(&[("read", "Read")])),
/// );
/// ```
#[derive(Debug, Clone, Copy)]
pub struct OAuth2 {
    flows: OAuthFlows,
    common: Common,
}

impl OAuth2 {
    /// A scheme with these flows.
    pub const fn new(flows: OAuthFlows) -> Self {
        Self {
            flows,
            common: Common::NEW,
        }
    }

    const fn kind(&self) -> SchemeKind {
        SchemeKind::OAuth2 { flows: self.flows }
    }
}

common_builders!(OAuth2, "OAuth2");

impl SecurityScheme for OAuth2 {
    type Credentials = Credential;

    fn extract(&self, parts: &Parts) -> Result<Option<Credential>, HttpError> {
        copied(self.lend(parts))
    }

    fn challenge(&self) -> HeaderValue {
        HeaderValue::from_static("Bearer")
    }
}

impl LendCredential for OAuth2 {
    fn lend<'p>(&self, parts: &'p Parts) -> Result<Option<&'p str>, HttpError> {
        Ok(authorization_value(parts))
    }
}

/// OpenID Connect, FastAPI's `OpenIdConnect`: hands on the whole `Authorization` value,
/// whatever its scheme.
///
/// ```
/// use secured::{scheme, OpenIdConnect};
///
/// #[scheme]
/// const OIDC: OpenIdConnect =
///     OpenIdConnect::new("https://example.com/.well-known/openid-configuration");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct OpenIdConnect {
    url: &'static str,
    common: Common,
}

impl OpenIdConnect {
    /// A scheme described by the discovery document at `open_id_connect_url`.
    pub const fn new(open_id_connect_url: &'static str) -> Self {
        Self {
            url: open_id_connect_url,
            common: Common::NEW,
        }
    }

    const fn kind(&self) -> SchemeKind {
        SchemeKind::OpenIdConnect { url: self.url }
    }
}

common_builders!(OpenIdConnect, "OpenIdConnect");

impl SecurityScheme for OpenIdConnect {
    type Credentials = Credential;

    fn extract(&self, parts: &Parts) -> Result<Option<Credential>, HttpError> {
        copied(self.lend(parts))
    }

    fn challenge(&self) -> HeaderValue {
        HeaderValue::from_static("Bearer")
    }
}

impl LendCredential for OpenIdConnect {
    fn lend<'p>(&self, parts: &'p Parts) -> Result<Option<&'p str>, HttpError> {
        Ok(authorization_value(parts))
    }
}
