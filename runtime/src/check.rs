//! The scope rules, evaluated by the compiler for every `#[secured]` handler and again when the
//! router builds its document: a scope asked of an OAuth2 scheme must be one it declares, and a
//! scheme without scopes (API key, HTTP) takes none directly.

use crate::resolve::{Edge, NodeKind, OperationDoc};
use crate::scheme::{SchemeDoc, SchemeKind};

/// How deep the path of a reported mistake is recorded.
const MAX_DEPTH: usize = 16;

/// A scope the declarations ask of a scheme that cannot grant it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ScopeMistake {
    /// The scope.
    pub(crate) scope: &'static str,
    /// The scheme.
    pub(crate) scheme: &'static SchemeDoc,
    /// The handler, the dependencies on the way and the scheme, by Rust name.
    path: [&'static str; MAX_DEPTH],
    depth: usize,
    /// Whether the scheme takes no scopes at all (else: does not declare this one).
    pub(crate) takes_none: bool,
}

impl ScopeMistake {
    /// The handler, the dependencies on the way and the scheme, by Rust name.
    pub(crate) fn path(&self) -> &[&'static str] {
        &self.path[..self.depth]
    }
}

/// The way down from the handler, on the stack of the recursion: each use with its target's
/// name and the scopes it declares.
struct Chain<'a> {
    name: &'static str,
    scopes: &'static [&'static str],
    parent: Option<&'a Chain<'a>>,
}

/// The first scope mistake of an operation, if any.
pub(crate) const fn find_scope_mistake(operation: &OperationDoc) -> Option<ScopeMistake> {
    mistake_below(operation.name, operation.edges)
}

/// The first scope mistake of the uses `edges` of the handler `handler`, if any.
const fn mistake_below(handler: &'static str, edges: &'static [Edge]) -> Option<ScopeMistake> {
    let root = Chain {
        name: handler,
        scopes: &[],
        parent: None,
    };
    walk(edges, &root)
}

const fn walk(edges: &'static [Edge], chain: &Chain<'_>) -> Option<ScopeMistake> {
    let mut i = 0;
    while i < edges.len() {
        let edge = &edges[i];
        let here = Chain {
            name: edge.target.name,
            scopes: edge.scopes,
            parent: Some(chain),
        };
        let found = match &edge.target.kind {
            NodeKind::Dependency(inner) | NodeKind::Any(inner) => walk(inner, &here),
            NodeKind::Scheme(doc) => check_scheme(doc, &here),
        };
        if found.is_some() {
            return found;
        }
        i += 1;
    }
    None
}

const fn check_scheme(doc: &'static SchemeDoc, chain: &Chain<'_>) -> Option<ScopeMistake> {
    if !doc.takes_scopes() {
        if let [scope, ..] = chain.scopes {
            return Some(mistake(scope, doc, chain, true));
        }
        return None;
    }
    if !matches!(doc.kind, SchemeKind::OAuth2 { .. }) {
        return None;
    }
    let mut link = Some(chain);
    while let Some(current) = link {
        let mut i = 0;
        while i < current.scopes.len() {
            if !doc.declares_scope(current.scopes[i]) {
                return Some(mistake(current.scopes[i], doc, chain, false));
            }
            i += 1;
        }
        link = current.parent;
    }
    None
}

/// The mistake of `scope` asked of `scheme` at the end of `chain`, with the names on the way
/// (the first `MAX_DEPTH`).
const fn mistake(
    scope: &'static str,
    scheme: &'static SchemeDoc,
    chain: &Chain<'_>,
    takes_none: bool,
) -> ScopeMistake {
    let mut depth = 0;
    let mut link = Some(chain);
    while let Some(current) = link {
        depth += 1;
        link = current.parent;
    }
    let mut path = [""; MAX_DEPTH];
    let mut link = Some(chain);
    let mut i = depth;
    while let Some(current) = link {
        i -= 1;
        if i < MAX_DEPTH {
            path[i] = current.name;
        }
        link = current.parent;
    }
    ScopeMistake {
        scope,
        scheme,
        path,
        depth: if depth < MAX_DEPTH { depth } else { MAX_DEPTH },
        takes_none,
    }
}

/// A message built in constant evaluation, for the compile error.
struct Message {
    bytes: [u8; 1024],
    len: usize,
}

impl Message {
    const fn push(mut self, text: &str) -> Self {
        let text = text.as_bytes();
        let mut i = 0;
        while i < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    const fn as_str(&self) -> &str {
        match core::str::from_utf8(self.bytes.split_at(self.len).0) {
            Ok(text) => text,
            Err(_) => "a scope is not declared by its scheme",
        }
    }
}

/// Fails compilation when the use `edge` of the handler `handler` asks a scheme, directly or
/// through its dependencies, for a scope it cannot grant; the `#[secured]` attribute evaluates
/// it in a `const` placed on the handler, once per use.
pub const fn assert_use(handler: &'static str, edge: &'static Edge) {
    let Some(found) = mistake_below(handler, std::slice::from_ref(edge)) else {
        return;
    };
    let mut message = Message {
        bytes: [0; 1024],
        len: 0,
    }
    .push("scope `")
    .push(found.scope)
    .push("` ");
    let scheme = found.path[found.depth - 1];
    if found.takes_none {
        message = message
            .push("given to `")
            .push(scheme)
            .push("`, which takes no scopes");
    } else {
        message = message.push("is not declared by `").push(scheme).push("`");
    }
    message = message.push(" (path: ");
    let mut i = 0;
    while i < found.depth {
        if i > 0 {
            message = message.push(" -> ");
        }
        message = message.push(found.path[i]);
        i += 1;
    }
    message = message.push(")");
    if found.takes_none {
        message = message
            .push(": only OAuth2 and OpenID Connect schemes take scopes; remove `scopes = [...]` from the use of `")
            .push(scheme)
            .push("`");
    } else {
        message = push_declared(message, found.scope, found.scheme);
    }
    panic!("{}", message.as_str());
}

const fn push_declared(mut message: Message, scope: &str, doc: &SchemeDoc) -> Message {
    let SchemeKind::OAuth2 { flows } = &doc.kind else {
        return message;
    };
    let all = flows.named();
    let mut any = false;
    let mut i = 0;
    while i < all.len() {
        if let (_, Some(flow)) = &all[i] {
            let mut j = 0;
            while j < flow.scopes.len() {
                message = message.push(if any { ", `" } else { "; it declares `" });
                message = message.push(flow.scopes[j].0).push("`");
                any = true;
                j += 1;
            }
        }
        i += 1;
    }
    if any {
        message = message.push(": use one of these, or declare `").push(scope);
    } else {
        message = message
            .push("; it declares no scopes: declare `")
            .push(scope);
    }
    message
        .push("` with `.scopes(&[(\"")
        .push(scope)
        .push("\", \"description\")])` on the scheme")
}
