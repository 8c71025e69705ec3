//! `Debug` of every credential type hides the secret, so credentials can be logged or shown in a
//! failed assertion without leaking it; the fields that are not secret stay readable.

use std::fmt::Debug;

use secured::{
    Credential, HttpAuthorizationCredentials, HttpBasicCredentials, OAuth2PasswordRequestForm,
    OAuth2PasswordRequestFormStrict,
};

const SECRET: &str = "s3cr3t-value";
const CLIENT_SECRET: &str = "client-s3cr3t";

/// Asserts that `value`'s `{:?}` and `{:#?}` never show `secrets` but show each of `shown`.
#[track_caller]
fn assert_debug_hides(value: &impl Debug, secrets: &[&str], shown: &[&str]) {
    for debug in [format!("{value:?}"), format!("{value:#?}")] {
        for secret in secrets {
            assert!(!debug.contains(secret), "{secret:?} shown in {debug}");
        }
        for field in shown {
            assert!(debug.contains(field), "{field:?} missing from {debug}");
        }
    }
}

fn password_form() -> OAuth2PasswordRequestForm {
    OAuth2PasswordRequestForm {
        grant_type: Some("password".to_owned()),
        username: "alice".to_owned(),
        password: Credential::new(SECRET),
        scopes: vec!["me".to_owned(), "items".to_owned()],
        client_id: Some("client-42".to_owned()),
        client_secret: Some(Credential::new(CLIENT_SECRET)),
    }
}

#[test]
fn credential_debug_hides_the_secret() {
    assert_debug_hides(&Credential::new(SECRET), &[SECRET], &["Credential"]);
}

#[test]
fn basic_credentials_debug_hides_the_password_but_shows_the_username() {
    let credentials = HttpBasicCredentials {
        username: "alice".to_owned(),
        password: Credential::new(SECRET),
    };
    assert_debug_hides(&credentials, &[SECRET], &["HttpBasicCredentials", "alice"]);
}

#[test]
fn authorization_credentials_debug_hides_the_credentials_but_shows_the_scheme() {
    let credentials = HttpAuthorizationCredentials {
        scheme: "Bearer".to_owned(),
        credentials: Credential::new(SECRET),
    };
    let shown = ["HttpAuthorizationCredentials", "Bearer"];
    assert_debug_hides(&credentials, &[SECRET], &shown);
}

#[test]
fn password_form_debug_hides_the_password_and_client_secret() {
    let shown = ["OAuth2PasswordRequestForm", "alice", "items", "client-42"];
    assert_debug_hides(&password_form(), &[SECRET, CLIENT_SECRET], &shown);
}

#[test]
fn strict_password_form_debug_hides_the_password_and_client_secret() {
    let form = OAuth2PasswordRequestFormStrict(password_form());
    let shown = ["OAuth2PasswordRequestFormStrict", "alice", "client-42"];
    assert_debug_hides(&form, &[SECRET, CLIENT_SECRET], &shown);
}
