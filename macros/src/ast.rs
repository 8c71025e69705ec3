//! A typed view of the fn under `#[secured]` or `#[dependency]`, keeping the user's tokens.

use proc_macro2::{Span, TokenStream};
use syn::{FnArg, GenericArgument, ItemFn, PathArguments, ReturnType, Type};

use crate::attr::{DependencyArgs, SecuredArgs, Use};
use crate::valid::Ctxt;

/// A `#[secured]` handler: the fn and what its stacked `#[secured(...)]` attributes declare.
pub(crate) struct Handler {
    pub(crate) function: Function,
    /// `#[secured(X, scopes = [...])]`: uses whose value is discarded.
    pub(crate) guards: Vec<Use>,
    /// `#[secured(anonymous)]`: also open to callers without credentials.
    pub(crate) anonymous: bool,
}

impl Handler {
    /// Reads the outermost attribute's `args` and the stacked `#[secured(...)]` below it, which
    /// the outermost expands all at once.
    pub(crate) fn from_syn(args: TokenStream, mut item: ItemFn, cx: &Ctxt) -> Self {
        let mut guards = Vec::new();
        let mut anonymous: Option<Span> = None;
        let mut add = |args: syn::Result<SecuredArgs>| match args {
            Ok(SecuredArgs::None) => {}
            Ok(SecuredArgs::Anonymous(span)) if anonymous.is_some() => {
                cx.syn_error(syn::Error::new(
                    span,
                    "`anonymous` specified more than once",
                ));
            }
            Ok(SecuredArgs::Anonymous(span)) => anonymous = Some(span),
            Ok(SecuredArgs::Guard(guard)) => guards.push(guard),
            Err(error) => cx.syn_error(error),
        };
        add(syn::parse2(args));
        item.attrs.retain(|attr| {
            let is_secured =
                (attr.path().segments.last()).is_some_and(|segment| segment.ident == "secured");
            if !is_secured {
                return true;
            }
            add(match &attr.meta {
                syn::Meta::Path(_) => Ok(SecuredArgs::None),
                meta => meta.require_list().and_then(|list| list.parse_args()),
            });
            false
        });
        Self {
            function: Function::from_syn(item, cx),
            guards,
            anonymous: anonymous.is_some(),
        }
    }
}

/// A `#[dependency]` fn and its arguments.
pub(crate) struct Dependency {
    pub(crate) function: Function,
    /// `#[dependency(cache)]`: one run per request and scopes.
    pub(crate) cache: bool,
}

impl Dependency {
    pub(crate) fn from_syn(args: TokenStream, item: ItemFn, cx: &Ctxt) -> Self {
        let cache = match syn::parse2::<DependencyArgs>(args) {
            Ok(args) => args.cache,
            Err(error) => {
                cx.syn_error(error);
                false
            }
        };
        Self {
            function: Function::from_syn(item, cx),
            cache,
        }
    }
}

/// The user's fn and what each parameter is.
pub(crate) struct Function {
    /// The fn as written, less the `#[security]` parameter attributes.
    pub(crate) item: ItemFn,
    pub(crate) params: Vec<Param>,
    pub(crate) output: Output,
}

pub(crate) struct Param {
    pub(crate) ty: Type,
    pub(crate) kind: ParamKind,
}

pub(crate) enum ParamKind {
    /// `#[security(TARGET, scopes = [...])] name: T`.
    Security(Use),
    /// `name: SecurityScopes`: the scopes accumulated on the way to this fn.
    Scopes,
    /// Any other parameter: an axum extractor.
    Extractor,
}

/// What the fn returns, as a dependency's output.
pub(crate) enum Output {
    /// No return type: the output is `()`.
    Unit,
    /// `-> T`: the output is `T`.
    Plain(Type),
    /// `-> Result<T, E>`: the output is `T`, an error answers `E`'s response.
    Result(Type, Box<Type>),
}

impl Function {
    /// Reads the fn, recording malformed `#[security]` attributes in `cx`.
    pub(crate) fn from_syn(mut item: ItemFn, cx: &Ctxt) -> Self {
        let mut params = Vec::new();
        for input in &mut item.sig.inputs {
            let FnArg::Typed(typed) = input else {
                continue;
            };
            let mut found: Option<Use> = None;
            typed.attrs.retain(|attr| {
                if !attr.path().is_ident("security") {
                    return true;
                }
                let parsed = match &attr.meta {
                    syn::Meta::List(list) => list.parse_args::<Use>(),
                    _ => Err(syn::Error::new_spanned(
                        attr,
                        "`#[security]` names the scheme or dependency to use, as in \
                         `#[security(API_KEY)]` or `#[security(OAUTH2, scopes = [\"me\"])]`",
                    )),
                };
                match parsed {
                    Ok(_) if found.is_some() => {
                        cx.error_spanned_by(attr, "`#[security]` specified more than once")
                    }
                    Ok(parsed) => found = Some(parsed),
                    Err(error) => cx.syn_error(error),
                }
                false
            });
            let ty = (*typed.ty).clone();
            let kind = match found {
                Some(found) => ParamKind::Security(found),
                None if is_security_scopes(&ty) => ParamKind::Scopes,
                None => ParamKind::Extractor,
            };
            params.push(Param { ty, kind });
        }
        let output = match &item.sig.output {
            ReturnType::Default => Output::Unit,
            ReturnType::Type(_, ty) => match result_types(ty) {
                Some((ok, error)) => Output::Result(ok.clone(), Box::new(error.clone())),
                None => Output::Plain((**ty).clone()),
            },
        };
        Self {
            item,
            params,
            output,
        }
    }

    pub(crate) fn is_async(&self) -> bool {
        self.item.sig.asyncness.is_some()
    }
}

/// Whether a `#[security]` parameter of type `ty` borrows its credential from the request: a
/// reference such as `&str`, or an `Option` of one.
pub(crate) fn borrows(ty: &Type) -> bool {
    if is_reference(ty) {
        return true;
    }
    let Type::Path(path) = ty else {
        return false;
    };
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return false;
    };
    path.qself.is_none()
        && last.ident == "Option"
        && args.args.len() == 1
        && matches!(args.args.first(), Some(GenericArgument::Type(inner)) if is_reference(inner))
}

fn is_reference(ty: &Type) -> bool {
    match ty {
        Type::Reference(_) => true,
        Type::Group(group) => is_reference(&group.elem),
        Type::Paren(paren) => is_reference(&paren.elem),
        _ => false,
    }
}

/// Whether `ty` names `SecurityScopes` (FastAPI recognises it by type, and so do we).
fn is_security_scopes(ty: &Type) -> bool {
    matches!(ty, Type::Path(path) if path.qself.is_none()
        && path.path.segments.last().is_some_and(|last| last.ident == "SecurityScopes"))
}

/// `T` of a return type written `Result<T, E>`.
fn result_types(ty: &Type) -> Option<(&Type, &Type)> {
    let Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if last.ident != "Result" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let mut types = args.args.iter().filter_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    });
    match (types.next(), types.next(), types.next()) {
        (Some(ok), Some(error), None) => Some((ok, error)),
        _ => None,
    }
}
