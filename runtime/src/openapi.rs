//! The OpenAPI 3.1 document, built from the same declarations that enforce security.
//!
//! Requirement semantics: the required schemes of an operation form one requirement object
//! (all are needed); each optional scheme (`auto_error(false)`) forms an alternative combined
//! with the required ones. Scopes are those accumulated along every path to the scheme, each
//! once, parents first.

use std::fmt;

use http::Method;
use serde_json::{json, Map, Value};

use crate::check::find_scope_mistake;
use crate::resolve::{Edge, NodeKind, OperationDoc};
use crate::scheme::{OAuthFlow, SchemeDoc, SchemeKind};

/// The document's `info` and `servers`, and where it is served.
#[derive(Debug, Clone)]
pub(crate) struct Info {
    pub(crate) title: String,
    pub(crate) version: String,
    pub(crate) servers: Vec<Server>,
    pub(crate) openapi_url: Option<String>,
}

impl Default for Info {
    fn default() -> Self {
        Self {
            title: "FastAPI".to_owned(),
            version: "0.1.0".to_owned(),
            servers: Vec::new(),
            openapi_url: Some("/openapi.json".to_owned()),
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Server {
    pub(crate) url: String,
    pub(crate) description: Option<String>,
}

/// One handler at one path and method.
#[derive(Debug, Clone)]
pub(crate) struct Route {
    pub(crate) path: String,
    pub(crate) method: Method,
    pub(crate) operation: &'static OperationDoc,
}

/// Declarations that cannot be stated in one consistent document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum OpenApiError {
    /// Two different schemes share one name in `components.securitySchemes`.
    SchemeNameConflict {
        /// The shared name.
        name: &'static str,
        /// The Rust name of the scheme seen first.
        first: &'static str,
        /// The Rust name of the other scheme.
        second: &'static str,
    },
    /// A use asks a scheme for a scope it cannot grant: one an OAuth2 scheme does not declare,
    /// or any scope given directly to a scheme that takes none.
    UndeclaredScope {
        /// The scope.
        scope: &'static str,
        /// The handler, the dependencies and the scheme on the way, by Rust name.
        path: Vec<&'static str>,
        /// The scopes the scheme declares.
        declared: Vec<&'static str>,
    },
    /// The utoipa document could not be read back after the merge.
    #[cfg(feature = "utoipa")]
    Utoipa {
        /// What serde reported.
        message: String,
    },
}

impl fmt::Display for OpenApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SchemeNameConflict {
                name,
                first,
                second,
            } => write!(
                f,
                "two different schemes, `{first}` and `{second}`, are both named `{name}` in the \
                 OpenAPI document; give one its own `.scheme_name(...)`"
            ),
            Self::UndeclaredScope {
                scope,
                path,
                declared,
            } => {
                let scheme = path.last().copied().unwrap_or_default();
                let declared = if declared.is_empty() {
                    "no scopes".to_owned()
                } else {
                    let quoted: Vec<String> =
                        declared.iter().map(|scope| format!("`{scope}`")).collect();
                    quoted.join(", ")
                };
                write!(
                    f,
                    "scope `{scope}` is not declared by `{scheme}` (path: {}); it declares: \
                     {declared}",
                    path.join(" -> ")
                )
            }
            #[cfg(feature = "utoipa")]
            Self::Utoipa { message } => {
                write!(f, "the utoipa document could not be read back: {message}")
            }
        }
    }
}

impl std::error::Error for OpenApiError {}

/// One scheme with the scopes asked of it, within one requirement object.
#[derive(Debug, Clone)]
struct SchemeUse {
    doc: SchemeDoc,
    scopes: Vec<&'static str>,
}

/// One requirement object: schemes that are all needed.
#[derive(Debug, Clone, Default)]
struct Requirement(Vec<SchemeUse>);

impl Requirement {
    fn add(&mut self, used: &SchemeUse) {
        let Some(existing) = self
            .0
            .iter_mut()
            .find(|seen| seen.doc.name == used.doc.name)
        else {
            self.0.push(used.clone());
            return;
        };
        for scope in &used.scopes {
            if !existing.scopes.contains(scope) {
                existing.scopes.push(scope);
            }
        }
    }

    fn and(&self, other: &Requirement) -> Requirement {
        let mut both = self.clone();
        for used in &other.0 {
            both.add(used);
        }
        both
    }

    fn to_json(&self) -> Value {
        let object: Map<String, Value> = (self.0.iter())
            .map(|used| (used.doc.name.to_owned(), json!(used.scopes)))
            .collect();
        object.into()
    }
}

/// Every scheme of the document by name, to catch two different schemes under one name.
#[derive(Default)]
struct Registry {
    schemes: Vec<(SchemeDoc, &'static str)>,
}

impl Registry {
    fn register(&mut self, doc: &SchemeDoc, node_name: &'static str) -> Result<(), OpenApiError> {
        match self.schemes.iter().find(|(seen, _)| seen.name == doc.name) {
            None => self.schemes.push((*doc, node_name)),
            Some((seen, first)) if !same_scheme(seen, doc) => {
                return Err(OpenApiError::SchemeNameConflict {
                    name: doc.name,
                    first,
                    second: node_name,
                })
            }
            Some(_) => {}
        }
        Ok(())
    }
}

/// Whether two schemes publish the same object (whether they answer 401 is not published).
fn same_scheme(a: &SchemeDoc, b: &SchemeDoc) -> bool {
    a.description == b.description && a.kind == b.kind
}

/// The requirements of one operation. Uses of a handler or dependency are all needed (the
/// product of their alternatives); `any(...)` is the union of its alternatives; optional
/// schemes are set aside, each to form an alternative with the rest.
struct Walk<'r> {
    registry: &'r mut Registry,
    optional: Vec<SchemeUse>,
}

impl Walk<'_> {
    fn alternatives(
        &mut self,
        edges: &'static [Edge],
        inherited: &[&'static str],
        in_any: bool,
    ) -> Result<Vec<Requirement>, OpenApiError> {
        let mut product = vec![Requirement::default()];
        for edge in edges {
            let mut scopes = inherited.to_vec();
            for scope in edge.scopes {
                if !scopes.contains(scope) {
                    scopes.push(scope);
                }
            }
            let options = match &edge.target.kind {
                NodeKind::Scheme(doc) => {
                    self.registry.register(doc, edge.target.name)?;
                    let used = SchemeUse { doc: *doc, scopes };
                    if !doc.auto_error && !in_any {
                        self.optional.push(used);
                        continue;
                    }
                    vec![Requirement(vec![used])]
                }
                NodeKind::Dependency(inner) => self.alternatives(inner, &scopes, in_any)?,
                NodeKind::Any(inner) => {
                    let mut union = Vec::new();
                    for alternative in inner.iter() {
                        union.extend(self.alternatives(
                            std::slice::from_ref(alternative),
                            &scopes,
                            true,
                        )?);
                    }
                    union
                }
            };
            product = product
                .iter()
                .flat_map(|left| options.iter().map(move |right| left.and(right)))
                .collect();
        }
        Ok(product)
    }
}

/// The operation's `security` list.
fn security(operation: &OperationDoc, registry: &mut Registry) -> Result<Vec<Value>, OpenApiError> {
    if let Some(mistake) = find_scope_mistake(operation) {
        return Err(OpenApiError::UndeclaredScope {
            scope: mistake.scope,
            path: mistake.path().to_vec(),
            declared: declared_scopes(mistake.scheme),
        });
    }
    let mut walk = Walk {
        registry,
        optional: Vec::new(),
    };
    let base = walk.alternatives(operation.edges, &[], false)?;
    let mut requirements: Vec<Requirement> = if walk.optional.is_empty() {
        base
    } else {
        let optional = std::mem::take(&mut walk.optional);
        base.iter()
            .flat_map(|required| {
                optional
                    .iter()
                    .map(move |used| required.and(&Requirement(vec![used.clone()])))
            })
            .collect()
    };
    requirements.retain(|requirement| !requirement.0.is_empty());
    let mut objects: Vec<Value> = Vec::new();
    for object in requirements.iter().map(Requirement::to_json) {
        if !objects.contains(&object) {
            objects.push(object);
        }
    }
    if operation.anonymous {
        objects.push(json!({}));
    }
    Ok(objects)
}

fn declared_scopes(doc: &SchemeDoc) -> Vec<&'static str> {
    let SchemeKind::OAuth2 { flows } = &doc.kind else {
        return Vec::new();
    };
    let mut declared = Vec::new();
    let all = flows.named();
    let flows = all.iter().filter_map(|(_, flow)| flow.as_ref());
    for (scope, _) in flows.flat_map(|flow| flow.scopes) {
        if !declared.contains(scope) {
            declared.push(*scope);
        }
    }
    declared
}

/// The `components.securitySchemes` object of one scheme, with FastAPI's field order.
fn scheme_object(doc: &SchemeDoc) -> Value {
    let mut object = Map::new();
    let kind = match doc.kind {
        SchemeKind::ApiKey { .. } => "apiKey",
        SchemeKind::Http { .. } => "http",
        SchemeKind::OAuth2 { .. } => "oauth2",
        SchemeKind::OpenIdConnect { .. } => "openIdConnect",
    };
    object.insert("type".into(), kind.into());
    if let Some(description) = doc.description {
        object.insert("description".into(), description.into());
    }
    match doc.kind {
        SchemeKind::ApiKey { location, name } => {
            object.insert("in".into(), location.as_str().into());
            object.insert("name".into(), name.into());
        }
        SchemeKind::Http {
            scheme,
            bearer_format,
        } => {
            object.insert("scheme".into(), scheme.into());
            if let Some(format) = bearer_format {
                object.insert("bearerFormat".into(), format.into());
            }
        }
        SchemeKind::OAuth2 { flows } => {
            let mut object_flows = Map::new();
            for (name, flow) in flows.named() {
                if let Some(flow) = flow {
                    object_flows.insert(name.into(), flow_object(&flow));
                }
            }
            object.insert("flows".into(), object_flows.into());
        }
        SchemeKind::OpenIdConnect { url } => {
            object.insert("openIdConnectUrl".into(), url.into());
        }
    }
    object.into()
}

fn flow_object(flow: &OAuthFlow) -> Value {
    let mut object = Map::new();
    if let Some(url) = flow.refresh_url {
        object.insert("refreshUrl".into(), url.into());
    }
    let scopes: Map<String, Value> = flow
        .scopes
        .iter()
        .map(|(scope, description)| ((*scope).to_owned(), (*description).into()))
        .collect();
    object.insert("scopes".into(), scopes.into());
    if let Some(url) = flow.authorization_url {
        object.insert("authorizationUrl".into(), url.into());
    }
    if let Some(url) = flow.token_url {
        object.insert("tokenUrl".into(), url.into());
    }
    object.into()
}

/// FastAPI's default summary, Python's `name.replace("_", " ").title()`: a letter after a
/// letter is lowercased, any other letter (after a space, a digit or at the start) uppercased.
fn title_case(name: &str) -> String {
    let mut title = String::with_capacity(name.len());
    let mut after_letter = false;
    for c in name.chars() {
        let c = if c == '_' { ' ' } else { c };
        if after_letter {
            title.extend(c.to_lowercase());
        } else {
            title.extend(c.to_uppercase());
        }
        after_letter = c.is_lowercase() || c.is_uppercase();
    }
    title
}

/// FastAPI's default `operationId`: name and path with every non-word character as `_`, then
/// the method.
fn operation_id(name: &str, path: &str, method: &Method) -> String {
    let words: String = format!("{name}{path}")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{words}_{}", method.as_str().to_ascii_lowercase())
}

/// The `{name}` and `{*name}` segments of an axum path, as OpenAPI path parameters.
fn path_parameters(path: &str) -> Vec<Value> {
    path.split('/')
        .filter_map(|segment| segment.strip_prefix('{')?.strip_suffix('}'))
        .map(|name| {
            json!({
                "name": name.trim_start_matches('*'),
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
            })
        })
        .collect()
}

fn operation_object(route: &Route, security: Vec<Value>) -> Value {
    let operation = route.operation;
    let mut object = Map::new();
    // As FastAPI: the summary always comes from the name; the doc comment is the description.
    object.insert("summary".into(), title_case(operation.name).into());
    if let Some(description) = operation.description {
        object.insert("description".into(), description.into());
    }
    object.insert(
        "operationId".into(),
        operation_id(operation.name, &route.path, &route.method).into(),
    );
    let parameters = path_parameters(&route.path);
    if !parameters.is_empty() {
        object.insert("parameters".into(), parameters.into());
    }
    if let Some(body) = operation.body {
        object.insert(
            "requestBody".into(),
            json!({"content": {body.media_type: {"schema": (body.schema)()}}, "required": true}),
        );
    }
    let mut responses = Map::new();
    responses.insert(
        "200".into(),
        json!({"description": "Successful Response", "content": {"application/json": {"schema": {}}}}),
    );
    if operation.body.is_some() {
        responses.insert(
            "422".into(),
            json!({"description": "Validation Error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HTTPValidationError"}}}}),
        );
    }
    if !security.is_empty() {
        responses.insert(
            "401".into(),
            json!({"description": "Not authenticated", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HTTPError"}}}}),
        );
        object.insert("responses".into(), responses.into());
        object.insert("security".into(), security.into());
    } else {
        object.insert("responses".into(), responses.into());
    }
    object.into()
}

/// FastAPI's `HTTPValidationError` and `ValidationError` schemas: the 422 answer's shape.
fn validation_error_schemas() -> (Value, Value) {
    let http_validation_error = json!({
        "properties": {"detail": {
            "items": {"$ref": "#/components/schemas/ValidationError"},
            "type": "array",
            "title": "Detail",
        }},
        "type": "object",
        "title": "HTTPValidationError",
    });
    let validation_error = json!({
        "properties": {
            "loc": {
                "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                "type": "array",
                "title": "Location",
            },
            "msg": {"type": "string", "title": "Message"},
            "type": {"type": "string", "title": "Error Type"},
            "input": {"title": "Input"},
            "ctx": {"type": "object", "title": "Context"},
        },
        "type": "object",
        "required": ["loc", "msg", "type"],
        "title": "ValidationError",
    });
    (http_validation_error, validation_error)
}

/// Builds the whole document.
pub(crate) fn document(info: &Info, routes: &[Route]) -> Result<Value, OpenApiError> {
    let mut paths = Map::new();
    let mut registry = Registry::default();
    for route in routes {
        let security = security(route.operation, &mut registry)?;
        let item = paths
            .entry(route.path.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(item) = item {
            item.insert(
                route.method.as_str().to_ascii_lowercase(),
                operation_object(route, security),
            );
        }
    }
    let mut document = Map::new();
    document.insert("openapi".into(), "3.1.0".into());
    document.insert(
        "info".into(),
        json!({"title": info.title, "version": info.version}),
    );
    if !info.servers.is_empty() {
        let servers: Vec<Value> = info
            .servers
            .iter()
            .map(|server| match &server.description {
                Some(description) => json!({"url": server.url, "description": description}),
                None => json!({"url": server.url}),
            })
            .collect();
        document.insert("servers".into(), servers.into());
    }
    document.insert("paths".into(), paths.into());
    let mut components = Map::new();
    let mut schemas = Map::new();
    if routes.iter().any(|route| route.operation.body.is_some()) {
        schemas.insert("HTTPValidationError".into(), validation_error_schemas().0);
        schemas.insert("ValidationError".into(), validation_error_schemas().1);
    }
    if !registry.schemes.is_empty() {
        schemas.insert(
            "HTTPError".into(),
            json!({
                "type": "object",
                "title": "HTTPError",
                "properties": {"detail": {"title": "Detail"}},
                "required": ["detail"],
            }),
        );
        let objects: Map<String, Value> = (registry.schemes.iter())
            .map(|(doc, _)| (doc.name.to_owned(), scheme_object(doc)))
            .collect();
        components.insert("securitySchemes".into(), objects.into());
    }
    if !schemas.is_empty() {
        components.insert("schemas".into(), schemas.into());
    }
    if !components.is_empty() {
        document.insert("components".into(), components.into());
    }
    Ok(document.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names_follow_fastapi() {
        assert_eq!(title_case("read_users_me"), "Read Users Me");
        // Python's `str.title()`: digits end a word, letters after letters are lowercased.
        assert_eq!(title_case("oauth2_password_route"), "Oauth2 Password Route");
        assert_eq!(title_case("read_v2items"), "Read V2Items");
        assert_eq!(title_case("getHTTPItems"), "Gethttpitems");
        assert_eq!(title_case("_private__name"), " Private  Name");
        assert_eq!(
            operation_id("read_items", "/items/", &Method::GET),
            "read_items_items__get"
        );
        assert_eq!(
            operation_id("user", "/users/{id}", &Method::DELETE),
            "user_users__id__delete"
        );
    }
}
