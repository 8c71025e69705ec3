//! Credentials as read from a request, and constant-time comparison.

use std::fmt;

use subtle::ConstantTimeEq;

/// A secret read from a request: an API key, a token, a password.
///
/// It derefs to `str`, so it reads like the `str` FastAPI hands on, but its `Debug` never shows
/// the value, so a secret does not end up in logs by accident. Serializing it writes the value:
/// echoing a credential is the application's explicit choice.
///
/// ```
/// use secured::Credential;
///
/// let key = Credential::new("secret-key");
/// assert_eq!(key, "secret-key");
/// assert_eq!(format!("{key:?}"), "Credential(\"[redacted]\")");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Credential(String);

impl Credential {
    /// Wraps a secret.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The secret as an owned `String`.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl std::ops::Deref for Credential {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Credential {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Credential(\"[redacted]\")")
    }
}

impl PartialEq<str> for Credential {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Credential {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl From<Credential> for String {
    fn from(credential: Credential) -> Self {
        credential.0
    }
}

impl serde::Serialize for Credential {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Compares two secrets in time that depends only on their lengths, Python's
/// `secrets.compare_digest`: use it to check a credential against the expected one.
///
/// ```
/// assert!(secured::compare_digest("admin", "admin"));
/// assert!(!secured::compare_digest("admin", "admin "));
/// ```
pub fn compare_digest(a: impl AsRef<[u8]>, b: impl AsRef<[u8]>) -> bool {
    a.as_ref().ct_eq(b.as_ref()).into()
}
