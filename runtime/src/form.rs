//! The OAuth2 token request form: FastAPI's `OAuth2PasswordRequestForm` and
//! `OAuth2PasswordRequestFormStrict`.

use std::borrow::Cow;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use http::header::CONTENT_TYPE;
use http::StatusCode;
use serde::Serialize;
use serde_json::{json, Value};

use crate::resolve::{BodyDoc, BodyOf};
use crate::{Credential, HttpError};

/// The fields of an OAuth2 password-flow token request (RFC 6749 §4.3), FastAPI's
/// `OAuth2PasswordRequestForm`, read from an `application/x-www-form-urlencoded` body.
///
/// `username` and `password` are required (an empty value counts as missing); `grant_type` is
/// optional but, when given, must be `password`; `scope` is split on whitespace into
/// [`scopes`](Self::scopes). A repeated field takes its last value. A body that is not
/// form-encoded (JSON, multipart) has no fields. Errors answer 422 with one entry per failing
/// field, in FastAPI's shape.
///
/// ```
/// use axum::Json;
/// use secured::OAuth2PasswordRequestForm;
///
/// async fn login(form: OAuth2PasswordRequestForm) -> Json<serde_json::Value> {
///     Json(serde_json::json!({"access_token": form.username, "token_type": "bearer"}))
/// }
/// # let _ = axum::Router::<()>::new().route("/token", axum::routing::post(login));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OAuth2PasswordRequestForm {
    /// `grant_type`, when sent (always `password` then).
    pub grant_type: Option<String>,
    /// `username`.
    pub username: String,
    /// `password`.
    pub password: Credential,
    /// `scope` split on whitespace, duplicates kept; empty when absent.
    pub scopes: Vec<String>,
    /// `client_id`, when sent and not empty.
    pub client_id: Option<String>,
    /// `client_secret`, when sent and not empty.
    pub client_secret: Option<Credential>,
}

/// [`OAuth2PasswordRequestForm`] that also requires `grant_type=password`, FastAPI's
/// `OAuth2PasswordRequestFormStrict`. It derefs to the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct OAuth2PasswordRequestFormStrict(pub OAuth2PasswordRequestForm);

impl std::ops::Deref for OAuth2PasswordRequestFormStrict {
    type Target = OAuth2PasswordRequestForm;

    fn deref(&self) -> &OAuth2PasswordRequestForm {
        &self.0
    }
}

impl BodyOf<OAuth2PasswordRequestForm> {
    /// The form's schema in the OpenAPI document.
    pub const BODY: Option<BodyDoc> = Some(BodyDoc {
        media_type: FORM_MEDIA_TYPE,
        schema: || form_schema(false),
    });
}

impl BodyOf<OAuth2PasswordRequestFormStrict> {
    /// The strict form's schema in the OpenAPI document.
    pub const BODY: Option<BodyDoc> = Some(BodyDoc {
        media_type: FORM_MEDIA_TYPE,
        schema: || form_schema(true),
    });
}

const FORM_MEDIA_TYPE: &str = "application/x-www-form-urlencoded";

/// The JSON schema FastAPI publishes for the token form (its strict form marks no field as a
/// password).
fn form_schema(strict: bool) -> Value {
    let secret = |title: &str, nullable: bool| {
        let mut field = if nullable {
            json!({"anyOf": [{"type": "string"}, {"type": "null"}]})
        } else {
            json!({"type": "string"})
        };
        if !strict {
            field["format"] = "password".into();
        }
        field["title"] = title.into();
        field
    };
    let (grant_type, required) = if strict {
        (
            json!({"type": "string", "pattern": GRANT_TYPE_PATTERN, "title": "Grant Type"}),
            json!(["grant_type", "username", "password"]),
        )
    } else {
        (
            json!({
                "anyOf": [{"type": "string", "pattern": GRANT_TYPE_PATTERN}, {"type": "null"}],
                "title": "Grant Type",
            }),
            json!(["username", "password"]),
        )
    };
    json!({
        "properties": {
            "grant_type": grant_type,
            "username": {"type": "string", "title": "Username"},
            "password": secret("Password", false),
            "scope": {"type": "string", "title": "Scope", "default": ""},
            "client_id": {"anyOf": [{"type": "string"}, {"type": "null"}], "title": "Client Id"},
            "client_secret": secret("Client Secret", true),
        },
        "type": "object",
        "required": required,
    })
}

impl<S: Send + Sync> FromRequest<S> for OAuth2PasswordRequestForm {
    type Rejection = HttpError;

    async fn from_request(request: Request, state: &S) -> Result<Self, HttpError> {
        Fields::read(request, state).await?.into_form(false)
    }
}

impl<S: Send + Sync> FromRequest<S> for OAuth2PasswordRequestFormStrict {
    type Rejection = HttpError;

    async fn from_request(request: Request, state: &S) -> Result<Self, HttpError> {
        Fields::read(request, state)
            .await?
            .into_form(true)
            .map(Self)
    }
}

/// The form fields a token request reads, each the last value sent (an empty one as none).
#[derive(Default)]
struct Fields {
    grant_type: Option<String>,
    username: Option<String>,
    password: Option<String>,
    scope: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

const GRANT_TYPE_PATTERN: &str = "^password$";

impl Fields {
    async fn read<S: Send + Sync>(request: Request, state: &S) -> Result<Self, HttpError> {
        if !is_form_encoded(&request) {
            return Ok(Self::default());
        }
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| HttpError::new(rejection.status(), rejection.body_text()))?;
        Ok(Self::parse(&body))
    }

    fn parse(body: &[u8]) -> Self {
        let mut fields = Self::default();
        for (name, value) in form_urlencoded::parse(&latin1_raw_bytes(body)) {
            let slot = match &*name {
                "grant_type" => &mut fields.grant_type,
                "username" => &mut fields.username,
                "password" => &mut fields.password,
                "scope" => &mut fields.scope,
                "client_id" => &mut fields.client_id,
                "client_secret" => &mut fields.client_secret,
                _ => continue,
            };
            // FastAPI reads an empty form value as no value: a later empty one clears it.
            *slot = (!value.is_empty()).then(|| value.into_owned());
        }
        fields
    }

    fn into_form(self, strict: bool) -> Result<OAuth2PasswordRequestForm, HttpError> {
        let mut errors = Vec::new();
        match &self.grant_type {
            Some(grant_type) if grant_type != "password" => errors.push(json!({
                "type": "string_pattern_mismatch",
                "loc": ["body", "grant_type"],
                "msg": format!("String should match pattern '{GRANT_TYPE_PATTERN}'"),
                "input": grant_type,
                "ctx": {"pattern": GRANT_TYPE_PATTERN},
            })),
            None if strict => errors.push(missing("grant_type")),
            _ => {}
        }
        if self.username.is_none() {
            errors.push(missing("username"));
        }
        if self.password.is_none() {
            errors.push(missing("password"));
        }
        match (self.username, self.password) {
            (Some(username), Some(password)) if errors.is_empty() => {
                Ok(OAuth2PasswordRequestForm {
                    grant_type: self.grant_type,
                    username,
                    password: Credential::new(password),
                    scopes: self
                        .scope
                        .as_deref()
                        .unwrap_or_default()
                        .split_whitespace()
                        .map(str::to_owned)
                        .collect(),
                    client_id: self.client_id,
                    client_secret: self.client_secret.map(Credential::new),
                })
            }
            _ => Err(HttpError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                Value::Array(errors),
            )),
        }
    }
}

/// The body with each raw byte above ASCII read as the Latin-1 character it is, as the
/// reference does: a form body must percent-encode such bytes, and one that does not gets the
/// reference's reading. Percent-escapes still decode as UTF-8.
fn latin1_raw_bytes(body: &[u8]) -> Cow<'_, [u8]> {
    if body.is_ascii() {
        return Cow::Borrowed(body);
    }
    let text: String = body.iter().map(|&byte| char::from(byte)).collect();
    Cow::Owned(text.into_bytes())
}

fn missing(field: &str) -> Value {
    json!({"type": "missing", "loc": ["body", field], "msg": "Field required", "input": null})
}

/// Whether the body is `application/x-www-form-urlencoded`: RFC 6749 token requests are, and a
/// multipart or JSON body is read as having no fields.
fn is_form_encoded(request: &Request) -> bool {
    let Some(content_type) = request.headers().get(CONTENT_TYPE) else {
        return false;
    };
    let Ok(content_type) = content_type.to_str() else {
        return false;
    };
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case(FORM_MEDIA_TYPE)
}

#[cfg(test)]
mod tests {
    use super::Fields;

    #[test]
    fn last_value_wins_and_empty_values_count_as_missing() {
        let form = Fields::parse(b"username=a&username=b&password=&scope=x++y%20z&client_id=")
            .into_form(false);
        let error = form.unwrap_err();
        assert_eq!(
            error.detail().to_string(),
            r#"[{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}]"#
        );
        let form = Fields::parse(b"username=a&username=b&password=p&scope=x++y%20z&client_id=")
            .into_form(false)
            .unwrap();
        assert_eq!(form.username, "b");
        assert_eq!(form.scopes, ["x", "y", "z"]);
        assert_eq!(form.client_id, None);
    }

    #[test]
    fn raw_non_ascii_bytes_read_as_latin1_and_escapes_as_utf8() {
        let form = Fields::parse("username=jörg&password=j%C3%B6rg".as_bytes())
            .into_form(false)
            .unwrap();
        assert_eq!(form.username, "j\u{c3}\u{b6}rg");
        assert_eq!(form.password.expose(), "jörg");
    }
}
