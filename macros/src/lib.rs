//! The attributes of [`secured`](https://docs.rs/secured): `#[scheme]`, `#[dependency]` and
//! `#[secured]`. Use them through the `secured` crate, whose documentation shows every form.

mod ast;
mod attr;
mod expand;
mod valid;

use proc_macro::TokenStream;
use quote::ToTokens;
use syn::parse_macro_input;

use crate::ast::Function;
use crate::attr::{DependencyArgs, SecuredArgs};
use crate::expand::Secured;
use crate::valid::Ctxt;

/// Declares a security scheme `const` usable in `#[security(...)]`. See `secured::scheme`.
#[proc_macro_attribute]
pub fn scheme(args: TokenStream, input: TokenStream) -> TokenStream {
    let item = parse_macro_input!(input as syn::ItemConst);
    if !args.is_empty() {
        let args = proc_macro2::TokenStream::from(args);
        let error = syn::Error::new_spanned(args, "`#[scheme]` takes no arguments");
        let mut tokens = error.to_compile_error();
        item.to_tokens(&mut tokens);
        return tokens.into();
    }
    expand::scheme(&item).into()
}

/// Declares a dependency fn usable in `#[security(...)]`. See `secured::dependency`.
#[proc_macro_attribute]
pub fn dependency(args: TokenStream, input: TokenStream) -> TokenStream {
    let cx = Ctxt::default();
    let cache = match syn::parse::<DependencyArgs>(args) {
        Ok(args) => args.cache,
        Err(error) => {
            cx.syn_error(error);
            false
        }
    };
    let item = parse_macro_input!(input as syn::ItemFn);
    let function = Function::from_syn(item, &cx);
    valid::validate(&function, "a `#[dependency]` fn", &cx);
    match cx.check() {
        Ok(()) => expand::dependency(&function, cache),
        Err(error) => with_fallback(error, &function),
    }
    .into()
}

/// Turns an async fn into a secured axum handler. See `secured::secured`.
#[proc_macro_attribute]
pub fn secured(args: TokenStream, input: TokenStream) -> TokenStream {
    let cx = Ctxt::default();
    let mut secured = Secured {
        guards: Vec::new(),
        anonymous: false,
    };
    let mut add = |args: syn::Result<SecuredArgs>| match args {
        Ok(SecuredArgs::None) => {}
        Ok(SecuredArgs::Anonymous) => secured.anonymous = true,
        Ok(SecuredArgs::Guard(guard)) => secured.guards.push(guard),
        Err(error) => cx.syn_error(error),
    };
    add(syn::parse::<SecuredArgs>(args));
    let mut item = parse_macro_input!(input as syn::ItemFn);
    // Stacked `#[secured(...)]` attributes each add a guard; the outermost expands them all.
    item.attrs.retain(|attr| {
        let is_secured = attr
            .path()
            .segments
            .last()
            .is_some_and(|segment| segment.ident == "secured");
        if !is_secured {
            return true;
        }
        add(match &attr.meta {
            syn::Meta::Path(_) => Ok(SecuredArgs::None),
            meta => meta
                .require_list()
                .and_then(|list| list.parse_args::<SecuredArgs>()),
        });
        false
    });
    let function = Function::from_syn(item, &cx);
    valid::validate(&function, "a `#[secured]` handler", &cx);
    for guard in &secured.guards {
        valid::validate_use(guard, &cx);
    }
    match cx.check() {
        Ok(()) => expand::handler(&function, &secured),
        Err(error) => with_fallback(error, &function),
    }
    .into()
}

fn with_fallback(error: syn::Error, function: &Function) -> proc_macro2::TokenStream {
    let mut tokens = error.to_compile_error();
    tokens.extend(expand::fallback(function));
    tokens
}
