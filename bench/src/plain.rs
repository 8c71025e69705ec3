//! The floor: a plain axum handler on the case's route that answers the case's fixed bytes
//! without looking at the request.

use axum::http::header::{CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::HeaderValue;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

use crate::Case;

/// A router answering `GET case.path` with the case's answer.
pub(crate) fn app(case: &Case) -> Router {
    let (status, challenge, body) = (case.status, case.challenge, case.body);
    let json = HeaderValue::from_static("application/json");
    Router::new().route(
        case.path,
        get(move || async move {
            let mut response = (status, [(CONTENT_TYPE, json)], body).into_response();
            if let Some(challenge) = challenge {
                response
                    .headers_mut()
                    .insert(WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
            }
            response
        }),
    )
}
