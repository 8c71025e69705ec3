//! The OpenAPI 3.1 document, built from the same declarations that enforce security.
//!
//! Requirement semantics: the required schemes of an operation form one requirement object
//! (all are needed); each optional scheme (`auto_error(false)`) forms an alternative combined
//! with the required ones. Scopes are those accumulated along every path to the scheme, each
//! once, parents first.

use std::fmt;

use http::Method;
use serde_json::{json, Map, Value};

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
    /// A use asks for a scope the OAuth2 scheme does not declare.
    UndeclaredScope {
        /// The scope.
        scope: &'static str,
        /// The Rust name of the scheme.
        scheme: &'static str,
        /// The handler, the dependencies and the scheme on the way, by Rust name.
        path: Vec<&'static str>,
        /// The scopes the scheme declares.
        declared: Vec<&'static str>,
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
                scheme,
                path,
                declared,
            } => write!(
                f,
                "scope `{scope}` asked of `{scheme}` (through {}) is not declared by it; it \
                 declares: {}",
                path.join(" -> "),
                if declared.is_empty() {
                    "no scopes".to_owned()
                } else {
                    declared
                        .iter()
                        .map(|scope| format!("`{scope}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ),
        }
    }
}

impl std::error::Error for OpenApiError {}

/// One scheme as an operation uses it: every path to it merged.
struct SchemeUse {
    doc: SchemeDoc,
    node_name: &'static str,
    scopes: Vec<&'static str>,
    required: bool,
}

/// The schemes an operation reaches, in the order first reached, with their scopes.
fn scheme_uses(operation: &OperationDoc) -> Result<Vec<SchemeUse>, OpenApiError> {
    let mut uses = Vec::new();
    let mut path = vec![operation.name];
    walk(operation.edges, &[], &mut path, &mut uses)?;
    Ok(uses)
}

fn walk(
    edges: &'static [Edge],
    inherited: &[&'static str],
    path: &mut Vec<&'static str>,
    uses: &mut Vec<SchemeUse>,
) -> Result<(), OpenApiError> {
    for edge in edges {
        let mut scopes = inherited.to_vec();
        for scope in edge.scopes {
            if !scopes.contains(scope) {
                scopes.push(scope);
            }
        }
        path.push(edge.target.name);
        match &edge.target.kind {
            NodeKind::Dependency(inner) => walk(inner, &scopes, path, uses)?,
            NodeKind::Scheme(doc) => {
                if let SchemeKind::OAuth2 { .. } = doc.kind {
                    if let Some(scope) = scopes.iter().find(|scope| !doc.declares_scope(scope)) {
                        return Err(OpenApiError::UndeclaredScope {
                            scope,
                            scheme: edge.target.name,
                            path: path.clone(),
                            declared: declared_scopes(doc),
                        });
                    }
                }
                add_use(uses, doc, edge.target.name, scopes)?;
            }
        }
        path.pop();
    }
    Ok(())
}

fn add_use(
    uses: &mut Vec<SchemeUse>,
    doc: &SchemeDoc,
    node_name: &'static str,
    scopes: Vec<&'static str>,
) -> Result<(), OpenApiError> {
    let Some(existing) = uses.iter_mut().find(|used| used.doc.name == doc.name) else {
        uses.push(SchemeUse {
            doc: *doc,
            node_name,
            scopes,
            required: doc.auto_error,
        });
        return Ok(());
    };
    if !same_scheme(&existing.doc, doc) {
        return Err(OpenApiError::SchemeNameConflict {
            name: doc.name,
            first: existing.node_name,
            second: node_name,
        });
    }
    existing.required |= doc.auto_error;
    for scope in scopes {
        if !existing.scopes.contains(&scope) {
            existing.scopes.push(scope);
        }
    }
    Ok(())
}

/// Whether two schemes publish the same object (whether they answer 401 is not published).
fn same_scheme(a: &SchemeDoc, b: &SchemeDoc) -> bool {
    a.description == b.description && a.kind == b.kind
}

fn declared_scopes(doc: &SchemeDoc) -> Vec<&'static str> {
    let SchemeKind::OAuth2 { flows } = &doc.kind else {
        return Vec::new();
    };
    let mut declared = Vec::new();
    let all = [
        flows.implicit,
        flows.password,
        flows.client_credentials,
        flows.authorization_code,
    ];
    for (scope, _) in all.iter().flatten().flat_map(|flow| flow.scopes) {
        if !declared.contains(scope) {
            declared.push(*scope);
        }
    }
    declared
}

/// The operation's `security`: one object of all required schemes, or one alternative per
/// optional scheme, each with the required ones.
fn requirements(uses: &[SchemeUse]) -> Vec<Value> {
    let object = |uses: &mut dyn Iterator<Item = &SchemeUse>| {
        Value::Object(
            uses.map(|used| (used.doc.name.to_owned(), json!(used.scopes)))
                .collect(),
        )
    };
    let required = || uses.iter().filter(|used| used.required);
    let optional: Vec<&SchemeUse> = uses.iter().filter(|used| !used.required).collect();
    if optional.is_empty() {
        return match required().next() {
            Some(_) => vec![object(&mut required())],
            None => Vec::new(),
        };
    }
    optional
        .into_iter()
        .map(|alternative| object(&mut required().chain(std::iter::once(alternative))))
        .collect()
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
            let named = [
                ("implicit", flows.implicit),
                ("password", flows.password),
                ("clientCredentials", flows.client_credentials),
                ("authorizationCode", flows.authorization_code),
            ];
            for (name, flow) in named {
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

/// FastAPI's default summary: the fn name with `_` as spaces, each word capitalized.
fn title_case(name: &str) -> String {
    let mut title = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        let c = if c == '_' { ' ' } else { c };
        if start && c.is_alphabetic() {
            title.extend(c.to_uppercase());
        } else {
            title.push(c);
        }
        start = !c.is_alphanumeric();
    }
    title
}

/// FastAPI's default `operationId`: name and path with every non-word character as `_`, then
/// the method.
fn operation_id(name: &str, path: &str, method: &Method) -> String {
    let words: String = format!("{name}{path}")
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '_' { c } else { '_' })
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

fn operation_object(route: &Route, uses: &[SchemeUse]) -> Value {
    let operation = route.operation;
    let mut object = Map::new();
    let summary = operation
        .summary
        .map_or_else(|| title_case(operation.name), str::to_owned);
    object.insert("summary".into(), summary.into());
    object.insert(
        "operationId".into(),
        operation_id(operation.name, &route.path, &route.method).into(),
    );
    let parameters = path_parameters(&route.path);
    if !parameters.is_empty() {
        object.insert("parameters".into(), parameters.into());
    }
    let mut responses = Map::new();
    responses.insert(
        "200".into(),
        json!({"description": "Successful Response", "content": {"application/json": {"schema": {}}}}),
    );
    if !uses.is_empty() {
        responses.insert(
            "401".into(),
            json!({"description": "Not authenticated", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HTTPError"}}}}),
        );
    }
    object.insert("responses".into(), responses.into());
    let security = requirements(uses);
    if !security.is_empty() {
        object.insert("security".into(), security.into());
    }
    object.into()
}

/// Builds the whole document.
pub(crate) fn document(info: &Info, routes: &[Route]) -> Result<Value, OpenApiError> {
    let mut paths = Map::new();
    let mut schemes: Vec<SchemeUse> = Vec::new();
    for route in routes {
        let uses = scheme_uses(route.operation)?;
        for used in &uses {
            add_use(&mut schemes, &used.doc, used.node_name, Vec::new())?;
        }
        let item = paths
            .entry(route.path.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(item) = item {
            item.insert(
                route.method.as_str().to_ascii_lowercase(),
                operation_object(route, &uses),
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
    if !schemes.is_empty() {
        components.insert(
            "schemas".into(),
            json!({"HTTPError": {
                "type": "object",
                "title": "HTTPError",
                "properties": {"detail": {"title": "Detail"}},
                "required": ["detail"],
            }}),
        );
        let objects: Map<String, Value> = schemes
            .iter()
            .map(|used| (used.doc.name.to_owned(), scheme_object(&used.doc)))
            .collect();
        components.insert("securitySchemes".into(), objects.into());
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
