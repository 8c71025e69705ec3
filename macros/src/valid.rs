//! Errors collected across a whole item, so that independent mistakes are reported together
//! (serde_derive's `Ctxt`).

use std::cell::RefCell;
use std::fmt::Display;

use quote::ToTokens;
use syn::{FnArg, ReturnType, Type};

use crate::ast::{borrows, Dependency, Function, Handler, ParamKind};
use crate::attr::Use;

#[derive(Default)]
pub(crate) struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    /// Records an error on `tokens`.
    pub(crate) fn error_spanned_by(&self, tokens: impl ToTokens, message: impl Display) {
        self.errors
            .borrow_mut()
            .push(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error already built.
    pub(crate) fn syn_error(&self, error: syn::Error) {
        self.errors.borrow_mut().push(error);
    }

    /// All errors folded into one, if any.
    pub(crate) fn check(self) -> syn::Result<()> {
        let mut errors = self.errors.into_inner().into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            combined.combine(error);
        }
        Err(combined)
    }
}

/// How many guards and parameters before the body a handler resolves: the runtime's `Params`
/// is implemented for tuples up to this length, as axum's `Handler` is for 16 extractors.
const MAX_PARAMS: usize = 16;

/// The rules of a `#[secured]` handler beyond its syntax.
pub(crate) fn validate_handler(handler: &Handler, cx: &Ctxt) {
    let function = &handler.function;
    validate_fn(function, "a `#[secured]` handler", cx);
    for guard in &handler.guards {
        validate_use(guard, cx);
    }
    let last_extractor =
        (function.params.iter()).rposition(|param| matches!(param.kind, ParamKind::Extractor));
    let resolved = (function.params.iter().enumerate())
        .filter(|(index, _)| Some(*index) != last_extractor)
        .map(|(_, param)| param.ty.to_token_stream());
    let mut resolved = (handler.guards.iter().map(|guard| guard.tokens.clone())).chain(resolved);
    if let Some(extra) = resolved.nth(MAX_PARAMS) {
        cx.error_spanned_by(
            extra,
            format!(
                "a `#[secured]` handler resolves at most {MAX_PARAMS} guards and parameters \
                 before its last extractor: group some of them in a `#[dependency]`"
            ),
        );
    }
    for param in &function.params {
        if matches!(param.kind, ParamKind::Security(_)) && borrows(&param.ty) {
            cx.error_spanned_by(
                &param.ty,
                "a `#[secured]` handler owns what its parameters receive: take `Credential` \
                 (or `Option<Credential>`); a credential borrowed as `&str` is for \
                 `#[dependency]` fns",
            );
        }
    }
    // Only the last extractor gets the body; an earlier one that needs it would never run.
    let mut extractors = (function.params.iter())
        .filter(|param| matches!(param.kind, ParamKind::Extractor))
        .peekable();
    while let Some(param) = extractors.next() {
        if let (Some(name), Some(_)) = (body_extractor(&param.ty), extractors.peek()) {
            cx.error_spanned_by(
                &param.ty,
                format!(
                    "`{name}` consumes the request body, so it must be the handler's last \
                     parameter: move it after the others"
                ),
            );
        }
    }
}

/// The rules of a `#[dependency]` fn beyond its syntax.
pub(crate) fn validate_dependency(dependency: &Dependency, cx: &Ctxt) {
    let function = &dependency.function;
    validate_fn(function, "a `#[dependency]` fn", cx);
    for param in &function.params {
        if let (ParamKind::Extractor, Some(name)) = (&param.kind, body_extractor(&param.ty)) {
            cx.error_spanned_by(
                &param.ty,
                format!(
                    "a `#[dependency]` fn cannot read the request body (`{name}`), which only \
                     the handler's last parameter receives: take it in the handler"
                ),
            );
        }
    }
    if let ReturnType::Type(_, ty) = &function.item.sig.output {
        if mentions_impl_trait(ty) {
            cx.error_spanned_by(
                ty,
                "a `#[dependency]` fn cannot return `impl Trait`: the parameters that use it \
                 name its output type, so write the concrete type",
            );
        }
    }
}

/// The rules every fn under our attributes follows: one concrete free fn, run per request.
fn validate_fn(function: &Function, role: &str, cx: &Ctxt) {
    let sig = &function.item.sig;
    if let Some(constness) = &sig.constness {
        cx.error_spanned_by(
            constness,
            format!("{role} cannot be a `const fn`: it runs per request; remove `const`"),
        );
    }
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        cx.error_spanned_by(
            &sig.generics,
            format!(
                "{role} cannot be generic: the router needs one concrete fn; \
                 name concrete types, or call a generic fn from a concrete one"
            ),
        );
    }
    if let Some(variadic) = &sig.variadic {
        cx.error_spanned_by(variadic, format!("{role} cannot be variadic"));
    }
    for input in &sig.inputs {
        match input {
            FnArg::Receiver(receiver) => cx.error_spanned_by(
                receiver,
                format!(
                    "{role} cannot be a method: declare a free fn and read shared values \
                     through `State`"
                ),
            ),
            FnArg::Typed(typed) if mentions_impl_trait(&typed.ty) => cx.error_spanned_by(
                &typed.ty,
                format!("{role} cannot take `impl Trait` parameters: name the concrete type"),
            ),
            FnArg::Typed(_) => {}
        }
    }
    for param in &function.params {
        if let ParamKind::Security(used) = &param.kind {
            validate_use(used, cx);
        }
    }
}

/// Scopes are RFC 6749 scope tokens: not empty, no whitespace.
fn validate_use(used: &Use, cx: &Ctxt) {
    for scope in &used.scopes {
        let value = scope.value();
        if value.is_empty() {
            cx.error_spanned_by(
                scope,
                "a scope cannot be empty: name a scope the scheme declares, or remove `\"\"`",
            );
        } else if value.chars().any(char::is_whitespace) {
            cx.error_spanned_by(
                scope,
                format!(
                    "a scope cannot contain whitespace; write each scope as its own string: \
                     `[{}]`",
                    value
                        .split_whitespace()
                        .map(|part| format!("{part:?}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
    }
}

/// The name of a well-known extractor that consumes the request body, recognised by name as
/// axum's `debug_handler` does.
fn body_extractor(ty: &Type) -> Option<String> {
    let Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    let name = last.ident.to_string();
    let is_body = matches!(
        name.as_str(),
        "Json"
            | "Form"
            | "Bytes"
            | "String"
            | "Request"
            | "Body"
            | "RawForm"
            | "Multipart"
            | "OAuth2PasswordRequestForm"
            | "OAuth2PasswordRequestFormStrict"
    );
    is_body.then(|| match last.arguments {
        syn::PathArguments::None => name,
        _ => format!("{name}<_>"),
    })
}

/// Whether `ty` mentions `impl Trait` anywhere, as in `Option<impl Trait>`.
pub(crate) fn mentions_impl_trait(ty: &Type) -> bool {
    fn walk(tokens: proc_macro2::TokenStream) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Ident(ident) => ident == "impl",
            proc_macro2::TokenTree::Group(group) => walk(group.stream()),
            _ => false,
        })
    }
    walk(ty.to_token_stream())
}
