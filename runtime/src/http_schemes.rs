//! The HTTP authentication schemes: FastAPI's `HTTPBasic`, `HTTPBearer` and `HTTPDigest`.

use std::fmt;

use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;
use http::header::AUTHORIZATION;
use http::request::Parts;
use http::HeaderValue;
use serde::Serialize;

use crate::scheme::{common_builders, Common, SchemeKind, SecurityScheme};
use crate::{header, Credential, HttpError};

/// The user name and password of HTTP Basic authentication, FastAPI's `HTTPBasicCredentials`.
///
/// `Debug` hides the password.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct HttpBasicCredentials {
    /// The user name, possibly empty: the application decides.
    pub username: String,
    /// The password, possibly empty.
    pub password: Credential,
}

impl fmt::Debug for HttpBasicCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpBasicCredentials")
            .field("username", &self.username)
            .field("password", &self.password)
            .finish()
    }
}

/// The scheme and credentials of an `Authorization` header, FastAPI's
/// `HTTPAuthorizationCredentials`, handed on by [`HttpBearer`] and [`HttpDigest`].
///
/// `Debug` hides the credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HttpAuthorizationCredentials {
    /// The scheme as the client wrote it (`Bearer`, `bearer`, ...).
    pub scheme: String,
    /// Everything after the scheme, trimmed and not parsed.
    pub credentials: Credential,
}

/// The `Authorization` header split into scheme and credentials, when present and UTF-8.
fn authorization(parts: &Parts) -> Option<(&str, &str)> {
    header::first_value(&parts.headers, AUTHORIZATION).map(header::scheme_and_param)
}

/// HTTP Basic authentication, FastAPI's `HTTPBasic`.
///
/// Reads `Authorization: Basic <base64 of user:password>`. The base64 is decoded strictly
/// (standard alphabet, canonical padding) and the result as UTF-8 (RFC 7617). Credentials that
/// are present but cannot be decoded answer 401 even when the scheme is optional.
///
/// ```
/// use secured::{scheme, HttpBasic};
///
/// #[scheme]
/// const BASIC: HttpBasic = HttpBasic::new().realm("staff");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct HttpBasic {
    realm: Option<&'static str>,
    common: Common,
}

impl HttpBasic {
    /// Basic authentication without a realm.
    pub const fn new() -> Self {
        Self {
            realm: None,
            common: Common::NEW,
        }
    }

    /// Sets the realm sent in the challenge (`WWW-Authenticate: Basic realm="..."`); it is not
    /// published in the OpenAPI document.
    pub const fn realm(mut self, realm: &'static str) -> Self {
        self.realm = Some(realm);
        self
    }

    const fn kind(&self) -> SchemeKind {
        SchemeKind::Http {
            scheme: "basic",
            bearer_format: None,
        }
    }
}

impl Default for HttpBasic {
    fn default() -> Self {
        Self::new()
    }
}

common_builders!(HttpBasic, "HTTPBasic");

/// Standard base64 that refuses characters outside the alphabet and surplus or missing padding,
/// and, like the reference, accepts non-zero trailing bits.
const STRICT_BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::RequireCanonical)
        .with_decode_allow_trailing_bits(true),
);

impl SecurityScheme for HttpBasic {
    type Credentials = HttpBasicCredentials;

    fn extract(&self, parts: &Parts) -> Result<Option<HttpBasicCredentials>, HttpError> {
        let Some((scheme, param)) = authorization(parts) else {
            return Ok(None);
        };
        if !scheme.eq_ignore_ascii_case("basic") {
            return Ok(None);
        }
        decode_basic(param)
            .map(Some)
            .ok_or_else(|| self.not_authenticated())
    }

    fn challenge(&self) -> HeaderValue {
        let Some(realm) = self.realm else {
            return HeaderValue::from_static("Basic");
        };
        HeaderValue::try_from(format!("Basic realm=\"{realm}\""))
            .unwrap_or_else(|_| HeaderValue::from_static("Basic"))
    }
}

fn decode_basic(param: &str) -> Option<HttpBasicCredentials> {
    let bytes = STRICT_BASE64.decode(param).ok()?;
    let mut text = String::from_utf8(bytes).ok()?;
    let colon = text.find(':')?;
    // The decoded buffer becomes the user name: one allocation fewer, and nothing moves.
    let password = text.split_off(colon + 1);
    text.truncate(colon);
    Some(HttpBasicCredentials {
        username: text,
        password: Credential::new(password),
    })
}

/// A bearer token in the `Authorization` header, FastAPI's `HTTPBearer`.
///
/// Hands on the scheme as the client wrote it and the token; `Bearer` without a token is missing
/// credentials.
#[derive(Debug, Clone, Copy)]
pub struct HttpBearer {
    bearer_format: Option<&'static str>,
    common: Common,
}

impl HttpBearer {
    /// Bearer authentication.
    pub const fn new() -> Self {
        Self {
            bearer_format: None,
            common: Common::NEW,
        }
    }

    /// Sets the OpenAPI `bearerFormat` hint, such as `JWT`.
    pub const fn bearer_format(mut self, format: &'static str) -> Self {
        self.bearer_format = Some(format);
        self
    }

    const fn kind(&self) -> SchemeKind {
        SchemeKind::Http {
            scheme: "bearer",
            bearer_format: self.bearer_format,
        }
    }
}

impl Default for HttpBearer {
    fn default() -> Self {
        Self::new()
    }
}

common_builders!(HttpBearer, "HTTPBearer");

impl SecurityScheme for HttpBearer {
    type Credentials = HttpAuthorizationCredentials;

    fn extract(&self, parts: &Parts) -> Result<Option<HttpAuthorizationCredentials>, HttpError> {
        Ok(scheme_credentials(parts, "bearer"))
    }

    fn challenge(&self) -> HeaderValue {
        HeaderValue::from_static("Bearer")
    }
}

/// The `Authorization` header's scheme and credentials when the scheme is `expected` and the
/// credentials are not empty.
fn scheme_credentials(parts: &Parts, expected: &str) -> Option<HttpAuthorizationCredentials> {
    let (scheme, param) = authorization(parts)?;
    (scheme.eq_ignore_ascii_case(expected) && !param.is_empty()).then(|| {
        HttpAuthorizationCredentials {
            scheme: scheme.to_owned(),
            credentials: Credential::new(param),
        }
    })
}

/// HTTP Digest authentication, FastAPI's `HTTPDigest`.
///
/// Like the reference, it does not parse the digest parameters: it hands on the scheme and the
/// rest of the header for the application to verify.
#[derive(Debug, Clone, Copy)]
pub struct HttpDigest {
    common: Common,
}

impl HttpDigest {
    /// Digest authentication.
    pub const fn new() -> Self {
        Self {
            common: Common::NEW,
        }
    }

    const fn kind(&self) -> SchemeKind {
        SchemeKind::Http {
            scheme: "digest",
            bearer_format: None,
        }
    }
}

impl Default for HttpDigest {
    fn default() -> Self {
        Self::new()
    }
}

common_builders!(HttpDigest, "HTTPDigest");

impl SecurityScheme for HttpDigest {
    type Credentials = HttpAuthorizationCredentials;

    fn extract(&self, parts: &Parts) -> Result<Option<HttpAuthorizationCredentials>, HttpError> {
        Ok(scheme_credentials(parts, "digest"))
    }

    fn challenge(&self) -> HeaderValue {
        HeaderValue::from_static("Digest")
    }
}

/// The token of `Authorization: Bearer <token>`, for the OAuth2 bearer schemes; `None` when the
/// header is absent, of another scheme, or has no token.
pub(crate) fn bearer_token(parts: &Parts) -> Option<&str> {
    let (scheme, param) = authorization(parts)?;
    (scheme.eq_ignore_ascii_case("bearer") && !param.is_empty()).then_some(param)
}

/// The whole `Authorization` value, whatever its scheme, for OpenID Connect and generic OAuth2.
pub(crate) fn authorization_value(parts: &Parts) -> Option<&str> {
    header::first_value(&parts.headers, AUTHORIZATION)
}

#[cfg(test)]
mod tests {
    use super::decode_basic;

    #[test]
    fn basic_decoding_table() {
        let ok = |b64: &str, user: &str, pass: &str| {
            let creds = decode_basic(b64).expect(b64);
            assert_eq!(
                (creds.username.as_str(), creds.password.expose()),
                (user, pass)
            );
        };
        ok("YWRtaW46c2VjcmV0", "admin", "secret");
        ok("OnNlY3JldA==", "", "secret");
        ok("YWRtaW46", "admin", "");
        ok("dXNlcjpwYTpzcw==", "user", "pa:ss");
        ok("dSB1OnAgcA==", "u u", "p p");
        ok("w7xzZXI6cMOkc3M=", "üser", "päss");
        for bad in [
            "",
            "YWRtaW4=",
            "YWRt aW46c2VjcmV0",
            "YWRtaW46c2VjcmV0=",
            "OnNlY3JldA",
            "/w==",
        ] {
            assert!(decode_basic(bad).is_none(), "{bad:?} must not decode");
        }
    }
}
