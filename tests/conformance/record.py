#!/usr/bin/env python3
"""Record the reference implementation's answers as conformance cases (stdlib only).

Every request listed below is sent to the reference apps (FastAPI, see
shared/conformance/REFERENCE.md), and the answers are written as a case file
for shared/conformance/run.py: status, the `content-type` and
`www-authenticate` headers (null when absent) and the JSON body. Where
REFERENCE.md section 7 says that this project deliberately answers
differently, the reference answer is replaced by the one from the OVERRIDES
table and the case gets a "deviation" field saying why; those cases are
expected to fail against the reference. The ex6 OpenAPI document and its
security extract are saved as well.

To regenerate, start the six reference apps on consecutive loopback ports
(ex1 on 9001 ... ex6 on 9006), from the repository root:

    python3 -m venv /tmp/ref
    /tmp/ref/bin/pip install fastapi==0.163.2 uvicorn python-multipart
    APPS=../shared/conformance/reference-apps
    for m in 1:ex1_api_key 2:ex2_oauth2_password 3:ex3_oauth2_scopes \
             4:ex4_http_basic 5:ex5_multi 6:ex6_all_schemes; do
        /tmp/ref/bin/uvicorn "${m#*:}:app" --app-dir "$APPS" --http h11 \
            --host 127.0.0.1 --port "900${m%%:*}" &
    done
    python3 tests/conformance/record.py

then stop the servers. Options: --host, --first-port (port of ex1; exN uses
first-port + N - 1), --out (case file), --openapi-dir.
"""
import argparse
import base64
import http.client
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
KB8 = "k" * 8192


# --- Requests ------------------------------------------------------------------
# Header values: "text" is sent UTF-8 encoded, ["a", "b"] sends the header once
# per item, {"latin1": "..."} sends each character as one raw byte.


def req(case_id, app, path, headers=None, method="GET", body=None):
    case = {"id": case_id, "app": app, "method": method, "path": path,
            "headers": headers or {}}
    if body is not None:
        case["body"] = body
    return case


def form(case_id, app, path, body, content_type=FORM):
    headers = {} if content_type is None else {"Content-Type": content_type}
    return req(case_id, app, path, headers, "POST", body)


def b64(text):
    """Standard base64 of the UTF-8 bytes of text (or of bytes as given)."""
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    return base64.b64encode(raw).decode("ascii")


def auth(value):
    return {} if value is None else {"Authorization": value}


MULTIPART_BOUNDARY = "conformance-boundary"
MULTIPART = "multipart/form-data; boundary=" + MULTIPART_BOUNDARY


def multipart(fields):
    parts = ["--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
             % (MULTIPART_BOUNDARY, name, value) for name, value in fields]
    return "".join(parts) + "--%s--\r\n" % MULTIPART_BOUNDARY


def ex1_cases():
    path = "/secure-data"
    return [
        req("ex1-valid-key", "ex1", path, {"X-API-Key": "secret-key"}),
        req("ex1-wrong-key", "ex1", path, {"X-API-Key": "wrong-key"}),
        req("ex1-key-value-case-sensitive", "ex1", path, {"X-API-Key": "SECRET-KEY"}),
        req("ex1-missing-key", "ex1", path),
        req("ex1-empty-key", "ex1", path, {"X-API-Key": ""}),
        req("ex1-whitespace-only-key", "ex1", path, {"X-API-Key": "   "}),
        req("ex1-key-surrounding-whitespace-trimmed", "ex1", path, {"X-API-Key": "  secret-key  "}),
        req("ex1-header-name-case-insensitive", "ex1", path, {"x-api-key": "secret-key"}),
        req("ex1-repeated-header-first-wins", "ex1", path, {"X-API-Key": ["secret-key", "wrong-key"]}),
        req("ex1-repeated-header-first-wrong", "ex1", path, {"X-API-Key": ["wrong-key", "secret-key"]}),
        req("ex1-key-in-query-ignored", "ex1", path + "?X-API-Key=secret-key"),
        req("ex1-key-in-authorization-ignored", "ex1", path, {"Authorization": "Bearer secret-key"}),
        req("ex1-non-utf8-key", "ex1", path, {"X-API-Key": {"latin1": "secret-key\xff"}}),
    ]


def token_form_cases(app, path, prefix):
    """POST token requests (REFERENCE.md section 5), ids "<prefix>-<behaviour>"."""
    variants = [
        ("valid-minimal", "username=alice&password=secret"),
        ("valid-with-grant-type", "grant_type=password&username=alice&password=secret"),
        ("all-fields", "grant_type=password&username=alice&password=secret"
                       "&scope=me%20items&client_id=cid&client_secret=csecret"),
        ("missing-username", "grant_type=password&password=secret"),
        ("missing-password", "grant_type=password&username=alice"),
        ("empty-body", ""),
        ("empty-username", "grant_type=password&username=&password=secret"),
        ("empty-password", "grant_type=password&username=alice&password="),
        ("whitespace-username-kept", "grant_type=password&username=%20&password=secret"),
        ("grant-type-uppercase", "grant_type=PASSWORD&username=alice&password=secret"),
        ("grant-type-other", "grant_type=client_credentials&username=alice&password=secret"),
        ("grant-type-empty", "grant_type=&username=alice&password=secret"),
        ("grant-type-wrong-and-fields-missing", "grant_type=PASSWORD"),
        ("scope-split-on-any-whitespace",
         "grant_type=password&username=alice&password=secret&scope=%20me%20%20items%09admin%0Aread%20"),
        ("scope-plus-as-space", "grant_type=password&username=alice&password=secret&scope=me+items"),
        ("scope-duplicates-kept", "grant_type=password&username=alice&password=secret&scope=me+me+items"),
        ("scope-empty", "grant_type=password&username=alice&password=secret&scope="),
        ("scope-whitespace-only", "grant_type=password&username=alice&password=secret&scope=%20%20"),
        ("repeated-fields-last-wins",
         "grant_type=password&username=first&username=last&password=one&password=two"),
        ("repeated-grant-type-last-wins",
         "grant_type=PASSWORD&grant_type=password&username=alice&password=secret"),
        ("percent-decoding", "grant_type=password&username=j%40doe%2Fx&password=p%26ss%3D%25"),
        ("plus-as-space", "grant_type=password&username=john+doe&password=a+b"),
        ("invalid-escape-kept", "grant_type=password&username=%ZZ&password=secret"),
        ("percent-encoded-utf8", "grant_type=password&username=j%C3%B6rg&password=secret"),
        ("percent-encoded-invalid-utf8", "grant_type=password&username=alice&password=%FF"),
        ("raw-utf8-body", "grant_type=password&username=jörg&password=secret"),
        ("client-credentials-set",
         "grant_type=password&username=alice&password=secret&client_id=cid&client_secret=cs"),
        ("client-credentials-empty-null",
         "grant_type=password&username=alice&password=secret&client_id=&client_secret="),
        ("unknown-field-ignored", "grant_type=password&username=alice&password=secret&extra=1"),
    ]
    cases = [form("%s-%s" % (prefix, name), app, path, body) for name, body in variants]
    good = "grant_type=password&username=alice&password=secret"
    cases += [
        form(prefix + "-content-type-with-charset", app, path, good, FORM + "; charset=utf-8"),
        form(prefix + "-content-type-uppercase", app, path, good, FORM.upper()),
        form(prefix + "-no-content-type", app, path, good, None),
        form(prefix + "-text-plain-body", app, path, good, "text/plain"),
        form(prefix + "-json-body", app, path,
             '{"grant_type": "password", "username": "alice", "password": "secret"}', JSON),
        form(prefix + "-multipart-body", app, path,
             multipart([("grant_type", "password"), ("username", "alice"), ("password", "secret")]),
             MULTIPART),
    ]
    return cases


def ex2_cases():
    path = "/users/me"
    return [
        req("ex2-valid-token", "ex2", path, auth("Bearer fake-token")),
        req("ex2-wrong-token", "ex2", path, auth("Bearer wrong-token")),
        req("ex2-missing-token", "ex2", path),
        req("ex2-empty-authorization", "ex2", path, auth("")),
        req("ex2-scheme-lowercase", "ex2", path, auth("bearer fake-token")),
        req("ex2-other-scheme", "ex2", path, auth("Basic " + b64("john.doe:secret"))),
        req("ex2-bearer-without-token", "ex2", path, auth("Bearer")),
        req("ex2-tab-separator", "ex2", path, auth("Bearer\tfake-token")),
        req("ex2-non-utf8-token", "ex2", path, auth({"latin1": "Bearer fake-token\xff"})),
        form("ex2-token-valid", "ex2", "/token", "username=john.doe&password=secret"),
        form("ex2-token-valid-with-grant-type", "ex2", "/token",
             "grant_type=password&username=john.doe&password=secret"),
        form("ex2-token-missing-username", "ex2", "/token", "password=secret"),
        form("ex2-token-missing-password", "ex2", "/token", "username=john.doe"),
        form("ex2-token-empty-password", "ex2", "/token", "username=john.doe&password="),
        form("ex2-token-empty-body", "ex2", "/token", ""),
        form("ex2-token-grant-type-uppercase", "ex2", "/token",
             "grant_type=PASSWORD&username=john.doe&password=secret"),
        form("ex2-token-json-body", "ex2", "/token",
             '{"username": "john.doe", "password": "secret"}', JSON),
        form("ex2-token-multipart-body", "ex2", "/token",
             multipart([("username", "john.doe"), ("password", "secret")]), MULTIPART),
    ]


def ex3_cases():
    return [
        req("ex3-users-me-valid-token", "ex3", "/users/me", auth("Bearer fake-token")),
        req("ex3-users-me-wrong-token", "ex3", "/users/me", auth("Bearer wrong-token")),
        req("ex3-users-me-missing-token", "ex3", "/users/me"),
        req("ex3-users-me-empty-authorization", "ex3", "/users/me", auth("")),
        req("ex3-users-me-other-scheme", "ex3", "/users/me", auth("Token fake-token")),
        req("ex3-users-me-bearer-without-token", "ex3", "/users/me", auth("Bearer")),
        req("ex3-items-insufficient-scope", "ex3", "/items/", auth("Bearer fake-token")),
        req("ex3-items-wrong-token", "ex3", "/items/", auth("Bearer wrong-token")),
        req("ex3-items-missing-token", "ex3", "/items/"),
        req("ex3-items-bearer-without-token", "ex3", "/items/", auth("Bearer")),
    ]


def ex4_cases():
    path = "/basic-auth"
    return [
        req("ex4-valid-credentials", "ex4", path, auth("Basic " + b64("admin:secret"))),
        req("ex4-wrong-password", "ex4", path, auth("Basic " + b64("admin:wrong"))),
        req("ex4-wrong-username", "ex4", path, auth("Basic " + b64("root:secret"))),
        req("ex4-password-with-colon", "ex4", path, auth("Basic " + b64("admin:secret:x"))),
        req("ex4-missing-credentials", "ex4", path),
        req("ex4-empty-authorization", "ex4", path, auth("")),
        req("ex4-scheme-lowercase", "ex4", path, auth("basic " + b64("admin:secret"))),
        req("ex4-scheme-uppercase", "ex4", path, auth("BASIC " + b64("admin:secret"))),
        req("ex4-bare-basic", "ex4", path, auth("Basic")),
        req("ex4-no-colon", "ex4", path, auth("Basic " + b64("adminsecret"))),
        req("ex4-bad-base64-padding", "ex4", path, auth("Basic YWRtaW46c2VjcmV")),
        req("ex4-base64-outside-alphabet", "ex4", path, auth("Basic YWRtaW46c2VjcmV0!")),
        req("ex4-multiple-spaces-trimmed", "ex4", path, auth("Basic    %s   " % b64("admin:secret"))),
        req("ex4-other-scheme", "ex4", path, auth("Bearer " + b64("admin:secret"))),
        req("ex4-utf8-credentials", "ex4", path, auth("Basic " + b64("admin:sécret"))),
        req("ex4-invalid-utf8-credentials", "ex4", path, auth("Basic " + b64(b"admin:\xff"))),
    ]


def ex5_cases():
    path = "/multi-auth"
    key, token = {"X-API-Key": "secret-api-key"}, auth("Bearer secret-oauth-token")
    return [
        req("ex5-only-api-key", "ex5", path, key),
        req("ex5-only-token", "ex5", path, token),
        req("ex5-both-valid-api-key-first", "ex5", path, {**key, **token}),
        req("ex5-wrong-key-valid-token", "ex5", path, {"X-API-Key": "wrong-key", **token}),
        req("ex5-valid-key-wrong-token", "ex5", path, {**key, **auth("Bearer wrong-token")}),
        req("ex5-both-wrong", "ex5", path, {"X-API-Key": "wrong-key", **auth("Bearer wrong-token")}),
        req("ex5-neither", "ex5", path),
        req("ex5-empty-key-and-authorization", "ex5", path, {"X-API-Key": "", **auth("")}),
        req("ex5-token-scheme-lowercase", "ex5", path, auth("bearer secret-oauth-token")),
        req("ex5-token-other-scheme", "ex5", path, auth("Token secret-oauth-token")),
        req("ex5-bearer-without-token", "ex5", path, auth("Bearer")),
        req("ex5-non-utf8-key-valid-token", "ex5", path, {"X-API-Key": {"latin1": "\xff"}, **token}),
    ]


# --- ex6 -----------------------------------------------------------------------


def both_forms(route, variants):
    """Cases for /route and /route-optional; variants are (behaviour, path suffix, headers)."""
    slug = route.strip("/").replace("/", "-")
    return [req("ex6-%s%s-%s" % (slug, opt, name), "ex6", route + opt + suffix, headers)
            for opt in ("", "-optional") for name, suffix, headers in variants]


def api_key_header_variants():
    def h(value):
        return {"X-API-Key": value}
    return [
        ("valid", "", h("abc123")),
        ("missing", "", {}),
        ("empty-header", "", h("")),
        ("whitespace-only", "", h(" \t ")),
        ("surrounding-whitespace-trimmed", "", h("  abc123  ")),
        ("inner-space-kept", "", h("abc def")),
        ("inner-tab-kept", "", h("a\tb")),
        ("percent-not-decoded", "", h("a%20b")),
        ("name-lowercase", "", {"x-api-key": "abc123"}),
        ("name-uppercase", "", {"X-API-KEY": "abc123"}),
        ("repeated-first-wins", "", h(["first", "second"])),
        ("repeated-first-empty", "", h(["", "second"])),
        ("in-query-ignored", "?X-API-Key=abc123", {}),
        ("8kb-value", "", h(KB8)),
        ("non-utf8-bytes", "", h({"latin1": "caf\xe9"})),
        ("utf8-non-ascii", "", h("café")),
    ]


def api_key_query_variants():
    return [(name, query, {}) for name, query in [
        ("valid", "?api_key=abc123"),
        ("absent", ""),
        ("empty-value", "?api_key="),
        ("bare-name", "?api_key"),
        ("repeated-last-wins", "?api_key=first&api_key=second"),
        ("repeated-last-empty", "?api_key=first&api_key="),
        ("percent-decoded", "?api_key=a%20b%2Fc%3D%26"),
        ("plus-as-space", "?api_key=a+b"),
        ("only-space-kept", "?api_key=+"),
        ("surrounding-spaces-kept", "?api_key=%20abc%20"),
        ("invalid-escape-kept", "?api_key=%ZZabc"),
        ("percent-encoded-utf8", "?api_key=caf%C3%A9"),
        ("percent-encoded-invalid-utf8", "?api_key=caf%E9"),
        ("name-case-sensitive", "?API_KEY=abc123"),
        ("percent-encoded-name", "?api%5Fkey=abc123"),
        ("among-other-params", "?x=1&api_key=abc123&y=2"),
        ("semicolon-not-a-separator", "?api_key=a;b"),
        ("8kb-value", "?api_key=" + KB8),
    ]] + [("in-header-ignored", "", {"X-API-Key": "abc123"})]


def api_key_cookie_variants():
    def c(value):
        return {"Cookie": value}
    return [
        ("valid", "", c("session=abc123")),
        ("absent", "", {}),
        ("empty-cookie-header", "", c("")),
        ("empty-value", "", c("session=")),
        ("bare-name", "", c("session")),
        ("empty-quoted-value", "", c('session=""')),
        ("among-other-cookies", "", c("theme=dark; session=abc123; lang=en")),
        ("no-space-after-semicolon", "", c("theme=dark;session=abc123")),
        ("repeated-in-one-header-last-wins", "", c("session=first; session=second")),
        ("multiple-cookie-headers-last-wins", "", c(["session=first", "session=second"])),
        ("multiple-cookie-headers-other-later", "", c(["session=first", "theme=dark"])),
        ("spaces-around-trimmed", "", c("  session  =  abc123  ; theme=dark")),
        ("inner-space-kept", "", c("session=abc 123")),
        ("quoted-value-unquoted", "", c('session="abc123"')),
        ("quoted-value-with-space", "", c('session="abc 123"')),
        ("quoted-octal-escape", "", c('session="a\\054b"')),
        ("name-case-sensitive", "", c("Session=abc123")),
        ("percent-not-decoded", "", c("session=a%20b")),
        ("value-with-equals", "", c("session=a=b==")),
        ("in-query-ignored", "?session=abc123", {}),
        ("8kb-value", "", c("session=" + KB8)),
        ("non-utf8-bytes", "", c({"latin1": "session=caf\xe9"})),
        ("utf8-non-ascii", "", c("session=café")),
    ]


def authorization_variants(scheme, token):
    """Authorization header shapes of REFERENCE.md section 2."""
    mixed = "".join(ch.lower() if i % 2 else ch.upper() for i, ch in enumerate(scheme))
    return [(name, "", auth(value)) for name, value in [
        ("valid", "%s %s" % (scheme, token)),
        ("missing", None),
        ("empty-header", ""),
        ("whitespace-only", "   "),
        ("scheme-lowercase", "%s %s" % (scheme.lower(), token)),
        ("scheme-uppercase", "%s %s" % (scheme.upper(), token)),
        ("scheme-mixed-case", "%s %s" % (mixed, token)),
        ("scheme-alone", scheme),
        ("scheme-with-trailing-spaces", scheme + "   "),
        ("multiple-spaces-trimmed", "%s     %s   " % (scheme, token)),
        ("surrounding-whitespace-trimmed", "  %s %s  " % (scheme, token)),
        ("credentials-with-inner-space", scheme + " a b"),
        ("credentials-with-inner-tab", scheme + " a\tb"),
        ("tab-separator", "%s\t%s" % (scheme, token)),
        ("no-separator", scheme + token),
        ("other-scheme", "Token " + token),
        ("no-scheme", token),
        ("percent-not-decoded", scheme + " a%20b"),
        ("repeated-first-wins", ["%s first" % scheme, "%s second" % scheme]),
        ("repeated-first-other-scheme", ["Token first", "%s second" % scheme]),
        ("8kb-credentials", "%s %s" % (scheme, KB8)),
        ("non-utf8-bytes", {"latin1": scheme + " caf\xe9"}),
        ("utf8-non-ascii", scheme + " tökén"),
    ]] + [
        ("header-name-lowercase", "", {"authorization": "%s %s" % (scheme, token)}),
        ("unrelated-non-utf8-header", "",
         {"X-Other": {"latin1": "\xff"}, "Authorization": "%s %s" % (scheme, token)}),
    ]


def basic_variants():
    def basic(value):
        return auth("Basic " + value)
    valid = b64("user:pass")
    return [(name, "", headers) for name, headers in [
        ("valid", basic(valid)),
        ("missing", {}),
        ("empty-header", auth("")),
        ("whitespace-only", auth("   ")),
        ("scheme-lowercase", auth("basic " + valid)),
        ("scheme-uppercase", auth("BASIC " + valid)),
        ("empty-username", basic(b64(":pass"))),
        ("empty-password", basic(b64("user:"))),
        ("empty-username-and-password", basic(b64(":"))),
        ("password-with-colon", basic(b64("user:pa:ss"))),
        ("spaces-kept", basic(b64(" user name : pass word "))),
        ("standard-alphabet-plus-slash", basic(b64("user:>>>?"))),
        ("no-colon", basic(b64("userpass"))),
        ("bad-base64-padding", basic("dXNlcjpwYXN")),
        ("bad-base64-only-invalid-chars", basic("!!!!")),
        ("base64-outside-alphabet", basic(valid + "!")),
        ("base64-surplus-padding", basic(valid + "==")),
        ("base64-inner-space", basic(valid[:4] + " " + valid[4:])),
        ("scheme-alone", auth("Basic")),
        ("scheme-with-trailing-spaces", auth("Basic   ")),
        ("multiple-spaces-trimmed", auth("Basic     %s   " % valid)),
        ("tab-separator", auth("Basic\t" + valid)),
        ("no-separator", auth("Basic" + valid)),
        ("other-scheme", auth("Bearer " + valid)),
        ("repeated-first-wins", auth(["Basic " + valid, "Basic " + b64("other:x")])),
        ("repeated-first-other-scheme", auth(["Bearer x", "Basic " + valid])),
        ("8kb-password", basic(b64("user:" + KB8))),
        ("utf8-credentials", basic(b64("jösé:pässwörd"))),
        ("invalid-utf8-credentials", basic(b64(b"user:\xff\xfe"))),
        ("non-utf8-bytes", auth({"latin1": "Basic %s\xff" % valid})),
        ("utf8-non-ascii-header", auth("Basic %sé" % valid)),
    ]]


def combined_cases():
    key = {"X-API-Key": "k1"}
    bearer, basic = "Bearer tok", "Basic " + b64("user:pass")
    variants = [
        ("nothing", {}),
        ("key-only", key),
        ("bearer-only", auth(bearer)),
        ("basic-only", auth(basic)),
        ("key-and-bearer", {**key, **auth(bearer)}),
        ("key-and-basic", {**key, **auth(basic)}),
        ("repeated-authorization-bearer-first", auth([bearer, basic])),
        ("repeated-authorization-basic-first", auth([basic, bearer])),
        ("other-scheme-and-key", {**key, **auth("Token tok")}),
        ("empty-key-and-bearer", {"X-API-Key": "", **auth(bearer)}),
        ("bearer-without-token", auth("Bearer")),
        ("bad-basic-still-401", {**key, **auth("Basic dXNlcjpwYXN")}),
        ("bare-basic-still-401", auth("Basic")),
        ("non-utf8-basic", auth({"latin1": "Basic \xff"})),
    ]
    return [req("ex6-combined-" + name, "ex6", "/combined", headers) for name, headers in variants]


def scopes_cases():
    def r(name, path, headers):
        return req("ex6-scopes-" + name, "ex6", path, headers)
    return [
        r("nested-valid", "/scopes/nested", auth("Bearer tok")),
        r("nested-missing-token", "/scopes/nested", {}),
        r("nested-bearer-without-token", "/scopes/nested", auth("Bearer")),
        r("nested-other-scheme", "/scopes/nested", auth("Token tok")),
        r("dup-valid", "/scopes/dup", auth("Bearer tok")),
        r("dup-missing-token", "/scopes/dup", {}),
        r("siblings-valid", "/scopes/siblings", auth("Bearer tok")),
        r("siblings-missing-token", "/scopes/siblings", {}),
        r("check-all-granted", "/scopes/check", auth("Bearer me,items")),
        r("check-granted-in-other-order", "/scopes/check", auth("Bearer items,me")),
        r("check-extra-granted", "/scopes/check", auth("Bearer me,items,admin")),
        r("check-only-me", "/scopes/check", auth("Bearer me")),
        r("check-only-items", "/scopes/check", auth("Bearer items")),
        r("check-none-granted", "/scopes/check", auth("Bearer admin")),
        r("check-bearer-without-token", "/scopes/check", auth("Bearer")),
        r("check-missing-token", "/scopes/check", {}),
        r("check-other-scheme", "/scopes/check", auth("Token me,items")),
    ]


def ex6_cases():
    return (
        both_forms("/apikey/header", api_key_header_variants())
        + both_forms("/apikey/query", api_key_query_variants())
        + both_forms("/apikey/cookie", api_key_cookie_variants())
        + both_forms("/basic", basic_variants())
        + both_forms("/bearer", authorization_variants("Bearer", "fake-token"))
        + both_forms("/digest", authorization_variants("Digest", 'username="u", realm="r", nonce="n"'))
        + both_forms("/oauth2/password", authorization_variants("Bearer", "fake-token"))
        + both_forms("/oauth2/code", authorization_variants("Bearer", "fake-token"))
        + both_forms("/oidc", authorization_variants("Bearer", "fake-token"))
        + combined_cases()
        + scopes_cases()
        + token_form_cases("ex6", "/token", "ex6-token")
        + token_form_cases("ex6", "/token-strict", "ex6-token-strict")
    )


# --- Overrides: REFERENCE.md section 7 ---------------------------------------------
# Cases where this project deliberately answers differently from the reference.
# Each entry replaces the recorded "expect" and adds a "deviation" field.

UTF8_BASIC = ("REFERENCE.md section 7: Basic credentials that are valid UTF-8 are decoded as UTF-8"
              " (RFC 7617); the reference answers 401")
STRICT_BASE64 = ("REFERENCE.md section 7: strict base64, characters outside the alphabet or surplus"
                 " '=' are 401 Not authenticated; the reference skips them")
EMPTY_BEARER = ("REFERENCE.md section 7: `Authorization: Bearer` with no token is missing credentials"
                " for the OAuth2 schemes; the reference hands on an empty token")
NON_UTF8 = ("REFERENCE.md section 7: header bytes that are not valid UTF-8 are missing credentials;"
            " the reference decodes them as latin-1")
UTF8_HEADER = ("REFERENCE.md section 7: UTF-8 header bytes are decoded as UTF-8; the reference"
               " decodes them as latin-1 (mojibake)")
SCOPE_DEDUP = ("REFERENCE.md section 7: duplicated scopes are removed consistently at every level;"
               " the reference removes them only at the declaring level")
COOKIE_OCTAL = ("REFERENCE.md section 7: a quoted cookie with `\\054` is kept as sent without the"
                " quotes; the reference decodes the octal escape")
MULTIPART_FORM = ("REFERENCE.md section 7: token requests sent as multipart are refused (treated as"
                  " a body that is not a form); the reference accepts them")


def answer(status, body, challenge=None):
    return {"status": status,
            "headers": {"content-type": JSON, "www-authenticate": challenge},
            "json": body}


def ok(body):
    return answer(200, body)


def not_authenticated(challenge):
    return answer(401, {"detail": "Not authenticated"}, challenge)


def form_fields_missing(*fields):
    return answer(422, {"detail": [
        {"type": "missing", "loc": ["body", f], "msg": "Field required", "input": None}
        for f in fields]})


def bearer_creds(scheme, credentials):
    return ok({"credentials": {"scheme": scheme, "credentials": credentials}})


DUP_SCOPES = {"scopes": ["items", "me"], "scope_str": "items me"}

OVERRIDES = {
    # ex1..ex5
    "ex1-non-utf8-key": (NON_UTF8, not_authenticated("APIKey")),
    "ex2-bearer-without-token": (EMPTY_BEARER, not_authenticated("Bearer")),
    "ex2-non-utf8-token": (NON_UTF8, not_authenticated("Bearer")),
    "ex2-token-multipart-body": (MULTIPART_FORM, form_fields_missing("username", "password")),
    "ex3-users-me-bearer-without-token": (EMPTY_BEARER, not_authenticated("Bearer")),
    "ex3-items-bearer-without-token": (EMPTY_BEARER, not_authenticated("Bearer")),
    "ex4-base64-outside-alphabet": (STRICT_BASE64, not_authenticated("Basic")),
    "ex4-utf8-credentials": (UTF8_BASIC, answer(401, {"detail": "Incorrect username or password"},
                                                "Basic")),
    # API keys
    "ex6-apikey-header-non-utf8-bytes": (NON_UTF8, not_authenticated("APIKey")),
    "ex6-apikey-header-optional-non-utf8-bytes": (NON_UTF8, ok({"api_key": None})),
    "ex6-apikey-header-utf8-non-ascii": (UTF8_HEADER, ok({"api_key": "café"})),
    "ex6-apikey-header-optional-utf8-non-ascii": (UTF8_HEADER, ok({"api_key": "café"})),
    "ex6-apikey-cookie-quoted-octal-escape": (COOKIE_OCTAL, ok({"api_key": "a\\054b"})),
    "ex6-apikey-cookie-optional-quoted-octal-escape": (COOKIE_OCTAL, ok({"api_key": "a\\054b"})),
    "ex6-apikey-cookie-non-utf8-bytes": (NON_UTF8, not_authenticated("APIKey")),
    "ex6-apikey-cookie-optional-non-utf8-bytes": (NON_UTF8, ok({"api_key": None})),
    "ex6-apikey-cookie-utf8-non-ascii": (UTF8_HEADER, ok({"api_key": "café"})),
    "ex6-apikey-cookie-optional-utf8-non-ascii": (UTF8_HEADER, ok({"api_key": "café"})),
    # HTTP Basic
    "ex6-basic-base64-outside-alphabet": (STRICT_BASE64, not_authenticated('Basic realm="ex6 realm"')),
    "ex6-basic-base64-surplus-padding": (STRICT_BASE64, not_authenticated('Basic realm="ex6 realm"')),
    "ex6-basic-base64-inner-space": (STRICT_BASE64, not_authenticated('Basic realm="ex6 realm"')),
    "ex6-basic-optional-base64-outside-alphabet":
        (STRICT_BASE64, not_authenticated('Basic realm="optional realm"')),
    "ex6-basic-optional-base64-surplus-padding":
        (STRICT_BASE64, not_authenticated('Basic realm="optional realm"')),
    "ex6-basic-optional-base64-inner-space":
        (STRICT_BASE64, not_authenticated('Basic realm="optional realm"')),
    "ex6-basic-utf8-credentials":
        (UTF8_BASIC, ok({"credentials": {"username": "jösé", "password": "pässwörd"}})),
    "ex6-basic-optional-utf8-credentials":
        (UTF8_BASIC, ok({"credentials": {"username": "jösé", "password": "pässwörd"}})),
    "ex6-basic-optional-non-utf8-bytes": (NON_UTF8, ok({"credentials": None})),
    "ex6-combined-non-utf8-basic": (NON_UTF8, ok({"api_key": None, "bearer": None, "basic": None})),
    # HTTP Bearer / Digest
    "ex6-bearer-non-utf8-bytes": (NON_UTF8, not_authenticated("Bearer")),
    "ex6-bearer-optional-non-utf8-bytes": (NON_UTF8, ok({"credentials": None})),
    "ex6-bearer-utf8-non-ascii": (UTF8_HEADER, bearer_creds("Bearer", "tökén")),
    "ex6-bearer-optional-utf8-non-ascii": (UTF8_HEADER, bearer_creds("Bearer", "tökén")),
    "ex6-digest-non-utf8-bytes": (NON_UTF8, not_authenticated("Digest")),
    "ex6-digest-optional-non-utf8-bytes": (NON_UTF8, ok({"credentials": None})),
    "ex6-digest-utf8-non-ascii": (UTF8_HEADER, bearer_creds("Digest", "tökén")),
    "ex6-digest-optional-utf8-non-ascii": (UTF8_HEADER, bearer_creds("Digest", "tökén")),
    # OAuth2 bearer schemes
    "ex6-oauth2-password-scheme-alone": (EMPTY_BEARER, not_authenticated("Bearer")),
    "ex6-oauth2-password-scheme-with-trailing-spaces": (EMPTY_BEARER, not_authenticated("Bearer")),
    "ex6-oauth2-password-optional-scheme-alone": (EMPTY_BEARER, ok({"token": None})),
    "ex6-oauth2-password-optional-scheme-with-trailing-spaces": (EMPTY_BEARER, ok({"token": None})),
    "ex6-oauth2-password-non-utf8-bytes": (NON_UTF8, not_authenticated("Bearer")),
    "ex6-oauth2-password-optional-non-utf8-bytes": (NON_UTF8, ok({"token": None})),
    "ex6-oauth2-password-utf8-non-ascii": (UTF8_HEADER, ok({"token": "tökén"})),
    "ex6-oauth2-password-optional-utf8-non-ascii": (UTF8_HEADER, ok({"token": "tökén"})),
    "ex6-oauth2-code-scheme-alone": (EMPTY_BEARER, not_authenticated("Bearer")),
    "ex6-oauth2-code-scheme-with-trailing-spaces": (EMPTY_BEARER, not_authenticated("Bearer")),
    "ex6-oauth2-code-optional-scheme-alone": (EMPTY_BEARER, ok({"token": None})),
    "ex6-oauth2-code-optional-scheme-with-trailing-spaces": (EMPTY_BEARER, ok({"token": None})),
    "ex6-oauth2-code-non-utf8-bytes": (NON_UTF8, not_authenticated("Bearer")),
    "ex6-oauth2-code-optional-non-utf8-bytes": (NON_UTF8, ok({"token": None})),
    "ex6-oauth2-code-utf8-non-ascii": (UTF8_HEADER, ok({"token": "tökén"})),
    "ex6-oauth2-code-optional-utf8-non-ascii": (UTF8_HEADER, ok({"token": "tökén"})),
    # OpenID Connect
    "ex6-oidc-non-utf8-bytes": (NON_UTF8, not_authenticated("Bearer")),
    "ex6-oidc-optional-non-utf8-bytes": (NON_UTF8, ok({"authorization": None})),
    "ex6-oidc-utf8-non-ascii": (UTF8_HEADER, ok({"authorization": "Bearer tökén"})),
    "ex6-oidc-optional-utf8-non-ascii": (UTF8_HEADER, ok({"authorization": "Bearer tökén"})),
    # SecurityScopes
    "ex6-scopes-nested-bearer-without-token": (EMPTY_BEARER, not_authenticated("Bearer")),
    "ex6-scopes-check-bearer-without-token": (EMPTY_BEARER, not_authenticated("Bearer")),
    "ex6-scopes-dup-valid": (SCOPE_DEDUP, ok(
        {"inner": {**DUP_SCOPES, "inner": {**DUP_SCOPES, "token": "tok"}}})),
    # Token forms
    "ex6-token-multipart-body": (MULTIPART_FORM, form_fields_missing("username", "password")),
    "ex6-token-strict-multipart-body":
        (MULTIPART_FORM, form_fields_missing("grant_type", "username", "password")),
}


# --- Recording ---------------------------------------------------------------------


def header_items(headers):
    """Yield (name, raw bytes) pairs, as run.py does."""
    for name, value in headers.items():
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, dict):
                yield name, v["latin1"].encode("latin-1")
            else:
                yield name, v.encode("utf-8")


def send(host, port, method, path, headers, body):
    """Send one request verbatim, as run.py does; return (status, message, body bytes)."""
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        items = list(header_items(headers))
        names = {name.lower() for name, _ in items}
        conn.putrequest(method, path, skip_host="host" in names, skip_accept_encoding=True)
        for name, value in items:
            conn.putheader(name, value)
        data = None if body is None else body.encode("utf-8")
        if data is not None and "content-length" not in names:
            conn.putheader("Content-Length", str(len(data)))
        conn.endheaders(data)
        resp = conn.getresponse()
        return resp.status, resp.msg, resp.read()
    finally:
        conn.close()


def record(host, port, case):
    status, msg, raw = send(host, port, case["method"], case["path"], case["headers"],
                            case.get("body"))
    headers = {}
    for name in ("content-type", "www-authenticate"):
        values = msg.get_all(name)
        headers[name] = ", ".join(values) if values else None
    try:
        body = json.loads(raw.decode("utf-8"))
    except ValueError:
        sys.exit("%s: the reference answered a body that is not JSON: %r" % (case["id"], raw[:120]))
    return {"status": status, "headers": headers, "json": body}


def security_extract(doc):
    """The OpenAPI extract compared by run.py --openapi; every operation is listed."""
    operations = {}
    for path, item in doc.get("paths", {}).items():
        for method, op in item.items():
            operations["%s %s" % (method.upper(), path)] = op.get("security", [])
    return {"securitySchemes": doc.get("components", {}).get("securitySchemes", {}),
            "operations": operations}


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=1, ensure_ascii=False)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--first-port", type=int, default=9001, help="port of ex1; exN is +N-1")
    parser.add_argument("--out", default=os.path.join(HERE, "cases.json"))
    parser.add_argument("--openapi-dir", default=os.path.join(HERE, "openapi"))
    args = parser.parse_args()

    def port(app):
        return args.first_port + int(app[2:]) - 1

    cases = ex1_cases() + ex2_cases() + ex3_cases() + ex4_cases() + ex5_cases() + ex6_cases()
    ids = [c["id"] for c in cases]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    unknown = sorted(set(OVERRIDES) - set(ids))
    if duplicates or unknown:
        sys.exit("duplicate case ids: %s; overrides for unknown ids: %s" % (duplicates, unknown))

    for case in cases:
        expect = record(args.host, port(case["app"]), case)
        if case["id"] in OVERRIDES:
            reason, ours = OVERRIDES[case["id"]]
            if ours == expect:
                sys.exit("%s: the override equals the reference answer" % case["id"])
            case["deviation"], expect = reason, ours
        case["expect"] = expect
    write_json(args.out, cases)

    _, _, raw = send(args.host, port("ex6"), "GET", "/openapi.json", {}, None)
    doc = json.loads(raw.decode("utf-8"))
    os.makedirs(args.openapi_dir, exist_ok=True)
    write_json(os.path.join(args.openapi_dir, "ex6.openapi.json"), doc)
    write_json(os.path.join(args.openapi_dir, "ex6.security.json"), security_extract(doc))

    print("%d cases (%d deviations) written to %s" % (len(cases), len(OVERRIDES), args.out))


if __name__ == "__main__":
    main()
