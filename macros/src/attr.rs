//! The attribute grammar: `#[security(TARGET, scopes = [...])]` on parameters and the guards of
//! `#[secured(...)]`.

use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{bracketed, LitStr, Path, Token};

mod kw {
    syn::custom_keyword!(scopes);
}

/// One use of a scheme or dependency: `TARGET` or `TARGET, scopes = ["a", "b"]`.
pub(crate) struct Use {
    /// The scheme `const` or dependency `fn`, named as a path.
    pub(crate) target: Path,
    /// The declared scopes, in the order written, with the `scopes` keyword for errors.
    pub(crate) scopes: Option<ScopeList>,
}

/// `scopes = ["a", "b"]`.
pub(crate) struct ScopeList {
    pub(crate) scopes: Vec<LitStr>,
}

impl Parse for Use {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let target: Path = input.parse().map_err(|error| {
            syn::Error::new(
                error.span(),
                "expected the scheme `const` or `#[dependency]` fn to use, as in \
                 `#[security(OAUTH2, scopes = [\"me\"])]`",
            )
        })?;
        let mut scopes: Option<ScopeList> = None;
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let lookahead = input.lookahead1();
            if !lookahead.peek(kw::scopes) {
                return Err(lookahead.error());
            }
            let keyword: kw::scopes = input.parse()?;
            if scopes.is_some() {
                return Err(syn::Error::new(
                    keyword.span,
                    "`scopes` specified more than once",
                ));
            }
            input.parse::<Token![=]>()?;
            scopes = Some(ScopeList {
                scopes: parse_string_list(input)?,
            });
        }
        Ok(Self { target, scopes })
    }
}

/// `["a", "b"]`: string literals in brackets.
fn parse_string_list(input: ParseStream<'_>) -> syn::Result<Vec<LitStr>> {
    if !input.peek(syn::token::Bracket) {
        return Err(input.error("expected a list of scopes, as in `scopes = [\"me\", \"items\"]`"));
    }
    let content;
    bracketed!(content in input);
    let list = Punctuated::<LitStr, Token![,]>::parse_terminated(&content).map_err(|error| {
        syn::Error::new(
            error.span(),
            "expected a string literal: scopes are written `[\"me\", \"items\"]`",
        )
    })?;
    Ok(list.into_iter().collect())
}

/// The arguments of `#[secured(...)]`: nothing, or one guard.
pub(crate) struct SecuredArgs {
    pub(crate) guard: Option<Use>,
}

impl Parse for SecuredArgs {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.is_empty() {
            return Ok(Self { guard: None });
        }
        Ok(Self {
            guard: Some(input.parse()?),
        })
    }
}
