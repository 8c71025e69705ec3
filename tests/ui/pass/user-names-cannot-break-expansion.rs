// The expansion names everything through `::core`, `::std` and `::secured`, so none of these
// shadowing items may break it.
#![allow(dead_code, non_camel_case_types)]

use secured::routing::get;
use secured::{dependency, scheme, secured, Credential, OAuth2PasswordBearer};

mod core {}
mod std {}
struct Result;
struct Option;
struct Box;
struct Send;
struct Sync;
struct Clone;
trait Future {}
struct __S;

#[scheme]
const OAUTH2: OAuth2PasswordBearer =
    OAuth2PasswordBearer::new("token").scopes(&[("me", "Read your profile")]);

#[dependency(cache)]
async fn user(
    #[security(OAUTH2, scopes = ["me"])] token: Credential,
) -> ::core::result::Result<String, secured::HttpError> {
    ::core::result::Result::Ok(token.into_string())
}

#[secured(OAUTH2)]
async fn me(#[security(user)] name: String) -> String {
    name
}

fn main() {
    let _app: axum::Router = secured::Router::new().route("/me", get(me)).into_router();
}
