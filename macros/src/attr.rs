//! The attribute grammar: `#[security(TARGET, scopes = [...])]` on parameters, the arguments of
//! `#[secured(...)]`, `#[dependency(...)]` and `#[scheme]`.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{bracketed, parenthesized, Ident, LitStr, Path, Token};

mod kw {
    syn::custom_keyword!(any);
    syn::custom_keyword!(anonymous);
}

/// "`name` specified more than once", on the repeated key.
fn duplicate(key: &Ident) -> syn::Error {
    syn::Error::new(key.span(), format!("`{key}` specified more than once"))
}

/// "unknown argument `key`: expected ...", on the unknown key.
fn unknown(key: &Ident, expected: &str) -> syn::Error {
    syn::Error::new(
        key.span(),
        format!("unknown argument `{key}`: expected {expected}"),
    )
}

/// The key of the next `key` or `key = value` argument, if one starts here.
fn parse_key(input: ParseStream<'_>, expected: &str) -> syn::Result<Ident> {
    if input.peek(Ident::peek_any) {
        return Ident::parse_any(input);
    }
    Err(input.error(format!("expected {expected}")))
}

/// One use of a scheme or dependency: `TARGET` or `TARGET, scopes = ["a", "b"]`.
pub(crate) struct Use {
    pub(crate) target: Target,
    /// The declared scopes, in the order written.
    pub(crate) scopes: Vec<LitStr>,
    /// The use as written, for the errors that are only known once the graph is complete.
    pub(crate) tokens: TokenStream,
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

const EXPECTED_SCOPES: &str = "`scopes = [\"...\"]`";

impl Parse for Target {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(kw::any) && input.peek2(syn::token::Paren) {
            let keyword: kw::any = input.parse()?;
            let content;
            parenthesized!(content in input);
            let alternatives = Punctuated::<Path, Token![,]>::parse_terminated(&content)
                .map_err(|error| syn::Error::new(error.span(), EXPECTED_TARGET))?;
            if alternatives.len() < 2 || alternatives.len() > 5 {
                let message = match alternatives.first() {
                    Some(only) if alternatives.len() == 1 => format!(
                        "`any(...)` takes from 2 to 5 alternatives; with one, use it directly: \
                         `#[security({})]`",
                        only.to_token_stream()
                    ),
                    _ => "`any(...)` takes from 2 to 5 alternatives, as in `any(API_KEY, OAUTH2)`"
                        .to_owned(),
                };
                return Err(syn::Error::new(keyword.span, message));
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
        let tokens: TokenStream = input.fork().parse()?;
        let target: Target = input.parse()?;
        let mut scopes: Option<Vec<LitStr>> = None;
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key = parse_key(input, EXPECTED_SCOPES)?;
            if key != "scopes" {
                return Err(unknown(&key, EXPECTED_SCOPES));
            }
            if scopes.is_some() {
                return Err(duplicate(&key));
            }
            if !input.peek(Token![=]) {
                return Err(syn::Error::new(
                    key.span(),
                    "expected a list of scopes, as in `scopes = [\"me\", \"items\"]`",
                ));
            }
            input.parse::<Token![=]>()?;
            scopes = Some(parse_string_list(input)?);
        }
        Ok(Self {
            target,
            scopes: scopes.unwrap_or_default(),
            tokens,
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
    Anonymous(Span),
    Guard(Use),
}

impl Parse for SecuredArgs {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.is_empty() {
            return Ok(Self::None);
        }
        if input.peek(kw::anonymous) && !input.peek2(Token![::]) {
            let keyword: kw::anonymous = input.parse()?;
            if !input.is_empty() {
                let rest: TokenStream = input.parse()?;
                return Err(syn::Error::new_spanned(
                    rest,
                    "`anonymous` takes nothing else: give each guard its own attribute, as in \
                     `#[secured(anonymous)] #[secured(API_KEY)]`",
                ));
            }
            return Ok(Self::Anonymous(keyword.span));
        }
        input.parse().map(Self::Guard)
    }
}

/// The arguments of `#[dependency(...)]`: nothing, or `cache`.
pub(crate) struct DependencyArgs {
    pub(crate) cache: bool,
}

const EXPECTED_CACHE: &str = "`cache`, as in `#[dependency(cache)]`";

impl Parse for DependencyArgs {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut cache = false;
        while !input.is_empty() {
            let key = parse_key(input, EXPECTED_CACHE)?;
            if key != "cache" {
                return Err(unknown(&key, EXPECTED_CACHE));
            }
            if cache {
                return Err(duplicate(&key));
            }
            if input.peek(Token![=]) || input.peek(syn::token::Paren) {
                return Err(syn::Error::new(
                    key.span(),
                    "`cache` takes no value: write `#[dependency(cache)]`, or `#[dependency]` \
                     for no cache",
                ));
            }
            cache = true;
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(Self { cache })
    }
}

/// The arguments of `#[scheme]`: none, as everything is set on the value.
pub(crate) struct SchemeArgs;

impl Parse for SchemeArgs {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.is_empty() {
            return Ok(Self);
        }
        let rest: TokenStream = input.parse()?;
        Err(syn::Error::new_spanned(
            rest,
            "`#[scheme]` takes no arguments: set the name and description on the value, as in \
             `ApiKeyHeader::new(\"X-API-Key\").scheme_name(\"...\").description(\"...\")`",
        ))
    }
}
