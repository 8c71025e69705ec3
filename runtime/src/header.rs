//! Reading request headers the way the reference does, with the stricter decoding of
//! REFERENCE.md §7: bytes that are not UTF-8 are no credentials at all.

use http::header::AsHeaderName;
use http::HeaderMap;

/// The first value of `name`, trimmed; `None` when absent, empty after trimming, or not UTF-8.
pub(crate) fn first_value<K: AsHeaderName>(headers: &HeaderMap, name: K) -> Option<&str> {
    let value = headers.get(name)?;
    let text = std::str::from_utf8(value.as_bytes()).ok()?.trim();
    (!text.is_empty()).then_some(text)
}

/// Splits an `Authorization` value at its first single space into the scheme and the trimmed
/// credentials, as FastAPI's `get_authorization_scheme_param`.
pub(crate) fn scheme_and_param(value: &str) -> (&str, &str) {
    match value.split_once(' ') {
        Some((scheme, param)) => (scheme, param.trim()),
        None => (value, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn param_is_split_at_the_first_space_and_trimmed() {
        assert_eq!(scheme_and_param("Bearer     tok   "), ("Bearer", "tok"));
        assert_eq!(scheme_and_param("Bearer a b"), ("Bearer", "a b"));
        assert_eq!(scheme_and_param("Bearer\ttok"), ("Bearer\ttok", ""));
        assert_eq!(scheme_and_param("Bearer"), ("Bearer", ""));
    }

    #[test]
    fn non_utf8_and_blank_values_are_absent() {
        let mut headers = HeaderMap::new();
        headers.insert("x-a", http::HeaderValue::from_bytes(b"caf\xe9").unwrap());
        headers.insert("x-b", http::HeaderValue::from_static("   "));
        headers.insert(
            "x-c",
            http::HeaderValue::from_bytes("café".as_bytes()).unwrap(),
        );
        assert_eq!(first_value(&headers, "x-a"), None);
        assert_eq!(first_value(&headers, "x-b"), None);
        assert_eq!(first_value(&headers, "x-c"), Some("café"));
    }
}
