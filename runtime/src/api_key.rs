//! API keys in a header, a query parameter or a cookie: FastAPI's `APIKeyHeader`,
//! `APIKeyQuery` and `APIKeyCookie`.

use http::header::COOKIE;
use http::request::Parts;
use http::HeaderValue;

use crate::scheme::{
    common_builders, copied, ApiKeyLocation, Common, LendCredential, SchemeKind, SecurityScheme,
};
use crate::{header, Credential, HttpError};

/// An API key in a request header, FastAPI's `APIKeyHeader`.
///
/// The first header of that name counts (names compare case-insensitively); surrounding
/// whitespace is not part of the key; an absent or blank header is missing credentials.
///
/// ```
/// use secured::{scheme, ApiKeyHeader};
///
/// #[scheme]
/// const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ApiKeyHeader {
    name: &'static str,
    common: Common,
}

impl ApiKeyHeader {
    /// A key read from the header `name`.
    pub const fn new(name: &'static str) -> Self {
        Self {
            name,
            common: Common::NEW,
        }
    }

    const fn kind(&self) -> SchemeKind {
        SchemeKind::ApiKey {
            location: ApiKeyLocation::Header,
            name: self.name,
        }
    }
}

common_builders!(ApiKeyHeader, "APIKeyHeader");

impl SecurityScheme for ApiKeyHeader {
    type Credentials = Credential;

    fn extract(&self, parts: &Parts) -> Result<Option<Credential>, HttpError> {
        copied(self.lend(parts))
    }

    fn challenge(&self) -> HeaderValue {
        HeaderValue::from_static("APIKey")
    }
}

impl LendCredential for ApiKeyHeader {
    fn lend<'p>(&self, parts: &'p Parts) -> Result<Option<&'p str>, HttpError> {
        Ok(header::first_value(&parts.headers, self.name))
    }
}

/// An API key in a query parameter, FastAPI's `APIKeyQuery`.
///
/// The name is case-sensitive, the last occurrence wins, the value is percent-decoded with `+`
/// as a space (an invalid escape such as `%ZZ` stays as sent); an absent or empty value is
/// missing credentials.
#[derive(Debug, Clone, Copy)]
pub struct ApiKeyQuery {
    name: &'static str,
    common: Common,
}

impl ApiKeyQuery {
    /// A key read from the query parameter `name`.
    pub const fn new(name: &'static str) -> Self {
        Self {
            name,
            common: Common::NEW,
        }
    }

    const fn kind(&self) -> SchemeKind {
        SchemeKind::ApiKey {
            location: ApiKeyLocation::Query,
            name: self.name,
        }
    }
}

common_builders!(ApiKeyQuery, "APIKeyQuery");

impl SecurityScheme for ApiKeyQuery {
    type Credentials = Credential;

    fn extract(&self, parts: &Parts) -> Result<Option<Credential>, HttpError> {
        let query = parts.uri.query().unwrap_or_default();
        let last = form_urlencoded::parse(query.as_bytes())
            .filter(|(name, _)| name == self.name)
            .last();
        Ok(last
            .filter(|(_, value)| !value.is_empty())
            .map(|(_, value)| Credential::new(value)))
    }

    fn challenge(&self) -> HeaderValue {
        HeaderValue::from_static("APIKey")
    }
}

/// An API key in a cookie, FastAPI's `APIKeyCookie`.
///
/// Cookies are read from every `Cookie` header, split on `;` and trimmed; the name is
/// case-sensitive and the last occurrence wins; surrounding double quotes are removed and
/// nothing is decoded (RFC 6265). An absent or empty cookie is missing credentials.
#[derive(Debug, Clone, Copy)]
pub struct ApiKeyCookie {
    name: &'static str,
    common: Common,
}

impl ApiKeyCookie {
    /// A key read from the cookie `name`.
    pub const fn new(name: &'static str) -> Self {
        Self {
            name,
            common: Common::NEW,
        }
    }

    const fn kind(&self) -> SchemeKind {
        SchemeKind::ApiKey {
            location: ApiKeyLocation::Cookie,
            name: self.name,
        }
    }
}

common_builders!(ApiKeyCookie, "APIKeyCookie");

impl SecurityScheme for ApiKeyCookie {
    type Credentials = Credential;

    fn extract(&self, parts: &Parts) -> Result<Option<Credential>, HttpError> {
        copied(self.lend(parts))
    }

    fn challenge(&self) -> HeaderValue {
        HeaderValue::from_static("APIKey")
    }
}

impl LendCredential for ApiKeyCookie {
    fn lend<'p>(&self, parts: &'p Parts) -> Result<Option<&'p str>, HttpError> {
        let value = parts
            .headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|header| std::str::from_utf8(header.as_bytes()).ok())
            .flat_map(|header| header.split(';'))
            .filter_map(cookie_pair)
            .rfind(|(name, _)| *name == self.name)
            .map(|(_, value)| value);
        Ok(value.filter(|value| !value.is_empty()))
    }
}

/// One `name=value` chunk of a `Cookie` header, trimmed and unquoted. A chunk without `=` is a
/// value with an empty name, as browsers treat it.
fn cookie_pair(chunk: &str) -> Option<(&str, &str)> {
    let (name, value) = chunk.split_once('=').unwrap_or(("", chunk));
    let (name, value) = (name.trim(), value.trim());
    if name.is_empty() && value.is_empty() {
        return None;
    }
    let value = value
        .strip_prefix('"')
        .and_then(|inner| inner.strip_suffix('"'))
        .unwrap_or(value);
    Some((name, value))
}

#[cfg(test)]
mod tests {
    use super::cookie_pair;

    #[test]
    fn cookie_chunks_are_trimmed_and_unquoted_without_decoding() {
        assert_eq!(cookie_pair(" session = abc "), Some(("session", "abc")));
        assert_eq!(
            cookie_pair("session=\"a\\054b\""),
            Some(("session", "a\\054b"))
        );
        assert_eq!(cookie_pair("session"), Some(("", "session")));
        assert_eq!(cookie_pair("session=\""), Some(("session", "\"")));
        assert_eq!(cookie_pair("  "), None);
    }
}
