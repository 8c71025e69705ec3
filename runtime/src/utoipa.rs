//! Export of the security declarations into a `utoipa` document (feature `utoipa`): projects
//! that describe their schemas with utoipa get the security part from the same declarations.

use serde_json::{json, Map, Value};
use utoipa::openapi::OpenApi;

use crate::openapi::OpenApiError;
use crate::Router;

impl<S> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    /// Adds this router's security schemes to `api`'s `components.securitySchemes`, and to each
    /// secured operation its `security` and 401 response (an operation `api` does not describe
    /// yet gets just these).
    ///
    /// ```
    /// use secured::{routing::get, scheme, secured, ApiKeyHeader, Credential};
    ///
    /// #[scheme]
    /// const API_KEY: ApiKeyHeader = ApiKeyHeader::new("X-API-Key");
    ///
    /// #[secured]
    /// async fn items(#[security(API_KEY)] _key: Credential) -> &'static str {
    ///     "items"
    /// }
    ///
    /// let router: secured::Router = secured::Router::new().route("/items", get(items));
    /// let api = utoipa::openapi::OpenApiBuilder::new().build();
    /// let api = router.merge_into_utoipa(api).unwrap();
    /// assert!(api.components.unwrap().security_schemes.contains_key("APIKeyHeader"));
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Router::openapi`], and when `api` cannot be read back after the merge.
    pub fn merge_into_utoipa(&self, api: OpenApi) -> Result<OpenApi, OpenApiError> {
        let ours = self.openapi()?;
        let mut theirs = serde_json::to_value(&api).map_err(OpenApiError::utoipa)?;
        merge(&mut theirs, &ours);
        serde_json::from_value(theirs).map_err(OpenApiError::utoipa)
    }
}

impl OpenApiError {
    fn utoipa(error: serde_json::Error) -> Self {
        Self::Utoipa {
            message: error.to_string(),
        }
    }
}

/// Merges the security parts of `ours` into the document `theirs`: the schemes, and each
/// operation's `security` and 401 response. The rest of each operation is `theirs` to describe.
fn merge(theirs: &mut Value, ours: &Value) {
    let Some(theirs) = theirs.as_object_mut() else {
        return;
    };
    if let Some(schemes) = ours
        .pointer("/components/securitySchemes")
        .and_then(Value::as_object)
    {
        let target = object(object(theirs, "components"), "securitySchemes");
        for (name, scheme) in schemes {
            target.insert(name.clone(), scheme.clone());
        }
    }
    let Some(paths) = ours.get("paths").and_then(Value::as_object) else {
        return;
    };
    let target_paths = object(theirs, "paths");
    for (path, item) in paths {
        for (method, operation) in item.as_object().into_iter().flatten() {
            let Some(security) = operation.get("security") else {
                continue;
            };
            let target = object(object(target_paths, path), method);
            target.insert("security".into(), security.clone());
            object(target, "responses")
                .entry("401")
                .or_insert_with(|| json!({"description": "Not authenticated"}));
        }
    }
}

/// The object under `key`, created when absent.
fn object<'a>(parent: &'a mut Map<String, Value>, key: &str) -> &'a mut Map<String, Value> {
    let entry = parent
        .entry(key)
        .or_insert_with(|| Value::Object(Map::new()));
    if !entry.is_object() {
        *entry = Value::Object(Map::new());
    }
    match entry {
        Value::Object(map) => map,
        _ => unreachable!("replaced by an object just above"),
    }
}
