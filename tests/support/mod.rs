//! A real server on loopback and a raw HTTP/1.1 client that sends exactly the bytes a test
//! gives (repeated headers, non-UTF-8 values), for the HTTP-level tests.

#![allow(dead_code, unreachable_pub)]

use std::net::SocketAddr;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// An application served on an ephemeral loopback port for the life of the test.
pub struct Server {
    addr: SocketAddr,
}

impl Server {
    /// Serves `app` on `127.0.0.1:0`.
    pub async fn start(app: axum::Router) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local address");
        tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
        Self { addr }
    }

    /// `GET path` with these headers.
    pub async fn get(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        let headers: Vec<(&str, &[u8])> = headers
            .iter()
            .map(|(name, value)| (*name, value.as_bytes()))
            .collect();
        self.send("GET", path, &headers, None).await
    }

    /// `GET path` with one `Authorization` header per value, in this order (none for no value).
    pub async fn get_authorized(&self, path: &str, authorization: &[&[u8]]) -> Response {
        let headers: Vec<(&str, &[u8])> = authorization
            .iter()
            .map(|value| ("Authorization", *value))
            .collect();
        self.send("GET", path, &headers, None).await
    }

    /// `POST path` with a body of this content type.
    pub async fn post(&self, path: &str, content_type: &str, body: &[u8]) -> Response {
        let headers = [("Content-Type", content_type.as_bytes())];
        self.send("POST", path, &headers, Some(body)).await
    }

    /// Sends one request with exactly these header bytes, and reads the whole answer.
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &[u8])],
        body: Option<&[u8]>,
    ) -> Response {
        let mut request = format!("{method} {path} HTTP/1.1\r\nHost: example.com\r\n").into_bytes();
        for (name, value) in headers {
            request.extend_from_slice(name.as_bytes());
            request.extend_from_slice(b": ");
            request.extend_from_slice(value);
            request.extend_from_slice(b"\r\n");
        }
        if let Some(body) = body {
            request.extend_from_slice(format!("Content-Length: {}\r\n", body.len()).as_bytes());
        }
        request.extend_from_slice(b"Connection: close\r\n\r\n");
        request.extend_from_slice(body.unwrap_or_default());

        let mut stream = TcpStream::connect(self.addr).await.expect("connect");
        stream.write_all(&request).await.expect("write request");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.expect("read response");
        Response::parse(&raw)
    }
}

/// A parsed response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    headers: Vec<(String, Vec<u8>)>,
    pub body: Vec<u8>,
}

impl Response {
    fn parse(raw: &[u8]) -> Self {
        let mut headers = [httparse::EMPTY_HEADER; 32];
        let mut parsed = httparse::Response::new(&mut headers);
        let httparse::Status::Complete(head_len) = parsed.parse(raw).expect("valid response")
        else {
            panic!("incomplete response: {:?}", String::from_utf8_lossy(raw));
        };
        Self {
            status: parsed.code.expect("status code"),
            headers: parsed
                .headers
                .iter()
                .map(|header| (header.name.to_ascii_lowercase(), header.value.to_vec()))
                .collect(),
            body: raw[head_len..].to_vec(),
        }
    }

    /// Every value of header `name`, joined with `, ` as the conformance runner does; `None`
    /// when absent.
    pub fn header(&self, name: &str) -> Option<String> {
        let values: Vec<String> = self
            .headers
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| String::from_utf8_lossy(value).into_owned())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }

    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|error| {
            panic!(
                "body is not JSON ({error}): {:?}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// Asserts the whole answer: status, `content-type: application/json`, the
    /// `WWW-Authenticate` challenge (or its absence), and the JSON body.
    #[track_caller]
    pub fn assert(&self, status: u16, challenge: Option<&str>, json: Value) {
        assert_eq!(
            self.status,
            status,
            "status; body: {}",
            String::from_utf8_lossy(&self.body)
        );
        assert_eq!(
            self.header("content-type").as_deref(),
            Some("application/json")
        );
        assert_eq!(
            self.header("www-authenticate").as_deref(),
            challenge,
            "WWW-Authenticate"
        );
        assert_eq!(self.json(), json);
    }
}

/// `{"detail":"Not authenticated"}`, the answer to missing credentials.
pub fn not_authenticated() -> Value {
    serde_json::json!({"detail": "Not authenticated"})
}
