//! The attributes of [`secured`](https://docs.rs/secured): `#[scheme]`, `#[dependency]` and
//! `#[secured]`. Use them through the `secured` crate, whose documentation shows every form.

/// `quote!` with every token at [`expand::home`].
macro_rules! quote_home {
    ($($tokens:tt)*) => {
        ::quote::quote_spanned!(crate::expand::home()=> $($tokens)*)
    };
}

mod ast;
mod attr;
mod expand;
mod valid;

use proc_macro::TokenStream;
use quote::ToTokens;
use syn::parse::Parse;

use crate::ast::{Dependency, Function, Handler};
use crate::attr::SchemeArgs;
use crate::valid::Ctxt;

const SCHEME_GOES_ON: &str = "`#[scheme]` goes on a `const` item, as in `#[scheme] const \
                              API_KEY: ApiKeyHeader = ApiKeyHeader::new(\"X-API-Key\");`";
const DEPENDENCY_GOES_ON: &str = "`#[dependency]` goes on a fn, as in `#[dependency] async fn \
                                  current_user(...) -> Result<User, HttpError>`";
const SECURED_GOES_ON: &str = "`#[secured]` goes on a handler fn, as in `#[secured] async fn \
                               read_items(...) -> Json<Value>`";

/// Declares a security scheme `const` usable in `#[security(...)]`. See `secured::scheme`.
#[proc_macro_attribute]
pub fn scheme(args: TokenStream, input: TokenStream) -> TokenStream {
    let item: syn::ItemConst = match parse_item(input, SCHEME_GOES_ON) {
        Ok(item) => item,
        Err(tokens) => return tokens,
    };
    match syn::parse::<SchemeArgs>(args) {
        Ok(SchemeArgs) => expand::scheme(&item),
        Err(error) => {
            let mut tokens = error.to_compile_error();
            item.to_tokens(&mut tokens);
            tokens
        }
    }
    .into()
}

/// Declares a dependency fn usable in `#[security(...)]`. See `secured::dependency`.
#[proc_macro_attribute]
pub fn dependency(args: TokenStream, input: TokenStream) -> TokenStream {
    let item = match parse_item(input, DEPENDENCY_GOES_ON) {
        Ok(item) => item,
        Err(tokens) => return tokens,
    };
    let cx = Ctxt::default();
    let dependency = Dependency::from_syn(args.into(), item, &cx);
    valid::validate_dependency(&dependency, &cx);
    match cx.check() {
        Ok(()) => expand::dependency(&dependency),
        Err(error) => with_fallback(error, &dependency.function),
    }
    .into()
}

/// Turns a fn into a secured axum handler. See `secured::secured`.
#[proc_macro_attribute]
pub fn secured(args: TokenStream, input: TokenStream) -> TokenStream {
    let item = match parse_item(input, SECURED_GOES_ON) {
        Ok(item) => item,
        Err(tokens) => return tokens,
    };
    let cx = Ctxt::default();
    let handler = Handler::from_syn(args.into(), item, &cx);
    valid::validate_handler(&handler, &cx);
    match cx.check() {
        Ok(()) => expand::at_home(&handler.function.item.sig.ident, || {
            expand::handler(&handler)
        }),
        Err(error) => with_fallback(error, &handler.function),
    }
    .into()
}

/// The errors, and the user's fn as written less our attributes, so that rustc reports no
/// cascade of unrelated errors.
fn with_fallback(error: syn::Error, function: &Function) -> proc_macro2::TokenStream {
    let mut tokens = error.to_compile_error();
    function.item.to_tokens(&mut tokens);
    tokens
}

/// The item under the attribute, or else an error saying where the attribute goes, with the
/// item emitted unchanged.
fn parse_item<T: Parse>(input: TokenStream, message: &str) -> Result<T, TokenStream> {
    let tokens = proc_macro2::TokenStream::from(input);
    syn::parse2(tokens.clone()).map_err(|error| {
        let mut output = syn::Error::new(error.span(), message).to_compile_error();
        output.extend(tokens);
        output.into()
    })
}
