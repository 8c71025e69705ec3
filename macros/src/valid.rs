//! Errors collected across a whole item, so that independent mistakes are reported together
//! (serde_derive's `Ctxt`).

use std::cell::RefCell;
use std::fmt::Display;

use quote::ToTokens;
use syn::{FnArg, Type};

use crate::ast::{Function, ParamKind};
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

/// The rules a `#[secured]` handler or `#[dependency]` fn must follow beyond its syntax.
pub(crate) fn validate(function: &Function, role: &str, cx: &Ctxt) {
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
            FnArg::Typed(typed) if matches!(*typed.ty, Type::ImplTrait(_)) => cx.error_spanned_by(
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
pub(crate) fn validate_use(used: &Use, cx: &Ctxt) {
    for scope in &used.scopes {
        let value = scope.value();
        if value.is_empty() {
            cx.error_spanned_by(scope, "a scope cannot be empty");
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
