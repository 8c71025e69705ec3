//! A typed view of the fn under `#[secured]` or `#[dependency]`, keeping the user's tokens.

use syn::{FnArg, GenericArgument, ItemFn, PathArguments, ReturnType, Type};

use crate::attr::Use;
use crate::valid::Ctxt;

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
    Result(Type),
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
                match attr.parse_args::<Use>() {
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
            ReturnType::Type(_, ty) => match result_ok_type(ty) {
                Some(ok) => Output::Result(ok.clone()),
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

/// Whether `ty` names `SecurityScopes` (FastAPI recognises it by type, and so do we).
fn is_security_scopes(ty: &Type) -> bool {
    matches!(ty, Type::Path(path) if path.qself.is_none()
        && path.path.segments.last().is_some_and(|last| last.ident == "SecurityScopes"))
}

/// `T` of a return type written `Result<T, E>`.
fn result_ok_type(ty: &Type) -> Option<&Type> {
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
        (Some(ok), Some(_), None) => Some(ok),
        _ => None,
    }
}
