//! The attribute grammar: `#[security(TARGET, scopes = [...])]` on parameters, the arguments of
//! `#[secured(...)]` and `#[dependency(...)]`.

use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{bracketed, parenthesized, LitStr, Path, Token};

mod kw {
    syn::custom_keyword!(scopes);
    syn::custom_keyword!(any);
    syn::custom_keyword!(anonymous);
    syn::custom_keyword!(cache);
}

/// One use of a scheme or dependency: `TARGET` or `TARGET, scopes = ["a", "b"]`.
pub(crate) struct Use {
    pub(crate) target: Target,
    /// The declared scopes, in the order written.
    pub(crate) scopes: Vec<LitStr>,
}

/// What a use names.
pub(crate) enum Target {
    /// A `#[scheme]` const or a `#[dependency]` fn.
    Path(Path),
    /// `any(A, B, ...)`: the first alternative that succeeds.
    Any(kw::any, Vec<Path>),
}

const EXPECTED_TARGET: &str = "expected the `#[scheme]` const or `#[dependency]` fn to use, as \
                               in `#[security(OAUTH2, scopes = [\"me\"])]`, or `any(A, B)`";

impl Parse for Target {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(kw::any) && input.peek2(syn::token::Paren) {
            let keyword: kw::any = input.parse()?;
            let content;
            parenthesized!(content in input);
            let alternatives = Punctuated::<Path, Token![,]>::parse_terminated(&content)?;
            if alternatives.len() < 2 || alternatives.len() > 5 {
                return Err(syn::Error::new(
                    keyword.span,
                    "`any(...)` takes from 2 to 5 alternatives, as in `any(API_KEY, OAUTH2)`",
                ));
            }
            return Ok(Self::Any(keyword, alternatives.into_iter().collect()));
        }
        input
            .parse()
            .map(Self::Path)
            .map_err(|error| syn::Error::new(error.span(), EXPECTED_TARGET))
    }
}

impl Parse for Use {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let target: Target = input.parse()?;
        let mut scopes: Option<Vec<LitStr>> = None;
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
            scopes = Some(parse_string_list(input)?);
        }
        Ok(Self {
            target,
            scopes: scopes.unwrap_or_default(),
        })
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

/// The arguments of one `#[secured(...)]`: nothing, `anonymous`, or one guard.
pub(crate) enum SecuredArgs {
    None,
    Anonymous,
    Guard(Use),
}

impl Parse for SecuredArgs {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.is_empty() {
            return Ok(Self::None);
        }
        if input.peek(kw::anonymous) && !input.peek2(Token![::]) {
            input.parse::<kw::anonymous>()?;
            if !input.is_empty() {
                return Err(input.error(
                    "`anonymous` stands alone: `#[secured(anonymous)]`; give guards in their own \
                     `#[secured(...)]`",
                ));
            }
            return Ok(Self::Anonymous);
        }
        input.parse().map(Self::Guard)
    }
}

/// The arguments of `#[dependency(...)]`: nothing, or `cache`.
pub(crate) struct DependencyArgs {
    pub(crate) cache: bool,
}

impl Parse for DependencyArgs {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.is_empty() {
            return Ok(Self { cache: false });
        }
        let lookahead = input.lookahead1();
        if !lookahead.peek(kw::cache) {
            return Err(lookahead.error());
        }
        input.parse::<kw::cache>()?;
        if !input.is_empty() {
            return Err(input.error("`#[dependency]` takes only `cache`"));
        }
        Ok(Self { cache: true })
    }
}
