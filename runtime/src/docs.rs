//! The interactive documentation pages: Swagger UI at `/docs` with its OAuth2 redirect page, and
//! ReDoc at `/redoc`, as FastAPI serves them.

use serde_json::{json, Value};

/// Settings of the Swagger UI page, FastAPI's `swagger_ui_parameters` and `swagger_ui_init_oauth`.
///
/// Assets load from the public CDN by default, as in FastAPI; point them at a copy of the npm
/// package `swagger-ui-dist` to serve them yourself.
///
/// ```
/// use secured::docs::SwaggerUi;
///
/// let ui = SwaggerUi::new()
///     .js_url("/static/swagger-ui-bundle.js")
///     .css_url("/static/swagger-ui.css")
///     .oauth_client_id("docs")
///     .oauth_use_pkce(true);
/// let app: axum::Router = secured::Router::new().swagger_ui(ui).into_router();
/// ```
#[derive(Debug, Clone)]
pub struct SwaggerUi {
    js_url: String,
    css_url: String,
    favicon_url: String,
    init_oauth: serde_json::Map<String, Value>,
}

impl Default for SwaggerUi {
    fn default() -> Self {
        Self {
            js_url: "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js".into(),
            css_url: "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css".into(),
            favicon_url: "https://fastapi.tiangolo.com/img/favicon.png".into(),
            init_oauth: serde_json::Map::new(),
        }
    }
}

impl SwaggerUi {
    /// The CDN assets and no OAuth settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Where `swagger-ui-bundle.js` is loaded from.
    pub fn js_url(mut self, url: impl Into<String>) -> Self {
        self.js_url = url.into();
        self
    }

    /// Where `swagger-ui.css` is loaded from.
    pub fn css_url(mut self, url: impl Into<String>) -> Self {
        self.css_url = url.into();
        self
    }

    /// Where the favicon is loaded from.
    pub fn favicon_url(mut self, url: impl Into<String>) -> Self {
        self.favicon_url = url.into();
        self
    }

    /// The OAuth2 client id the Authorize dialog fills in.
    pub fn oauth_client_id(self, client_id: impl Into<String>) -> Self {
        self.init_oauth("clientId", client_id.into())
    }

    /// Whether the authorization code flow uses PKCE.
    pub fn oauth_use_pkce(self, use_pkce: bool) -> Self {
        self.init_oauth("usePkceWithAuthorizationCodeGrant", use_pkce)
    }

    /// Any other option of Swagger UI's `initOAuth` (`appName`, `scopes`, ...).
    pub fn init_oauth(mut self, option: &str, value: impl Into<Value>) -> Self {
        self.init_oauth.insert(option.to_owned(), value.into());
        self
    }

    /// The page, for a document at `openapi_url` and the redirect page at `redirect_url`.
    pub(crate) fn html(&self, title: &str, openapi_url: &str, redirect_url: &str) -> String {
        let config = json!({
            "url": openapi_url,
            "dom_id": "#swagger-ui",
            "layout": "BaseLayout",
            "deepLinking": true,
            "showExtensions": true,
            "showCommonExtensions": true,
        });
        let init_oauth = if self.init_oauth.is_empty() {
            String::new()
        } else {
            format!(
                "ui.initOAuth({})",
                script_json(&Value::Object(self.init_oauth.clone()))
            )
        };
        format!(
            r#"<!DOCTYPE html>
<html>
<head>
<link type="text/css" rel="stylesheet" href="{css}">
<link rel="shortcut icon" href="{favicon}">
<title>{title}</title>
</head>
<body>
<div id="swagger-ui">
</div>
<script src="{js}"></script>
<script>
const config = {config};
config.oauth2RedirectUrl = window.location.origin + {redirect};
config.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];
const ui = SwaggerUIBundle(config);
{init_oauth}
</script>
</body>
</html>"#,
            css = escape(&self.css_url),
            favicon = escape(&self.favicon_url),
            title = escape(title),
            js = escape(&self.js_url),
            config = script_json(&config),
            redirect = script_json(&Value::from(redirect_url)),
        )
    }
}

/// Settings of the ReDoc page.
#[derive(Debug, Clone)]
pub struct ReDoc {
    js_url: String,
}

impl Default for ReDoc {
    fn default() -> Self {
        Self {
            js_url: "https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js".into(),
        }
    }
}

impl ReDoc {
    /// The CDN asset.
    pub fn new() -> Self {
        Self::default()
    }

    /// Where `redoc.standalone.js` is loaded from.
    pub fn js_url(mut self, url: impl Into<String>) -> Self {
        self.js_url = url.into();
        self
    }

    pub(crate) fn html(&self, title: &str, openapi_url: &str) -> String {
        format!(
            r#"<!DOCTYPE html>
<html>
<head>
<title>{title}</title>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body {{ margin: 0; padding: 0; }}</style>
</head>
<body>
<redoc spec-url="{spec}"></redoc>
<script src="{js}"></script>
</body>
</html>"#,
            title = escape(title),
            spec = escape(openapi_url),
            js = escape(&self.js_url),
        )
    }
}

/// Swagger UI's OAuth2 redirect page: hands the authorization response back to the opener.
pub(crate) const OAUTH2_REDIRECT_HTML: &str = include_str!("oauth2-redirect.html");

/// Text escaped for an HTML element or a double-quoted attribute.
fn escape(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// JSON that is safe inside a `<script>` element.
fn script_json(value: &Value) -> String {
    value.to_string().replace("</", "<\\/")
}
