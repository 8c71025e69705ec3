//! Code generation. Every runtime path goes through `::secured::__private`, so the user's
//! imports cannot break the expansion.

use std::cell::Cell;

use proc_macro2::{Delimiter, Group, Literal, Span, TokenStream};
use quote::{format_ident, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{Ident, ItemConst, LitBool, LitStr, ReturnType, Type};

use crate::ast::{borrows, Dependency, Function, Handler, Output, ParamKind};
use crate::attr::{Target, Use};
use crate::valid::mentions_impl_trait;

thread_local! {
    /// The span of every token the expansion of one item writes: see [`at_home`].
    static HOME: Cell<Option<Span>> = const { Cell::new(None) };
}

/// The span of the tokens the expansion writes: where the attribute is, with the hygiene of the
/// user's `ident`.
pub(crate) fn home() -> Span {
    HOME.with(Cell::get).unwrap_or_else(Span::call_site)
}

/// Runs `expand` with every token it writes (through `quote_home!`) at home: placed at the
/// attribute, as `quote!` places them, but with the hygiene of the user's `ident` instead of
/// the macro expansion's. rustc's incremental hashes take the expansion's hygiene with the
/// attribute's place in the file, so after an edit above an item it would check everything
/// generated for it again; with the user's hygiene it hashes them as it does hand-written
/// items, relative to their place, and reuses its results when only the place changed. Tokens
/// taken from the user keep theirs, and the few whose errors must read as generated code say
/// so (`Span::call_site().located_at(..)`). Used for `#[secured]` handlers, which a crate has
/// by the hundred; schemes and dependencies, a few, are written with the expansion's hygiene
/// (`home()` is the call site outside `at_home`).
pub(crate) fn at_home<T>(ident: &Ident, expand: impl FnOnce() -> T) -> T {
    HOME.with(|home| home.set(Some(Span::call_site().resolved_at(ident.span()))));
    let expanded = expand();
    HOME.with(|home| home.set(None));
    expanded
}

/// A string literal written at home.
fn string(text: &str) -> LitStr {
    LitStr::new(text, home())
}

/// The type a use resolves through.
fn target_type(target: &Target) -> TokenStream {
    match target {
        Target::Path(path) => path.to_token_stream(),
        Target::Any(keyword, alternatives) => {
            quote_spanned!(keyword.span=> ::secured::__private::AnyOf<(#(#alternatives,)*)>)
        }
    }
}

/// The statements every resolution starts with: a stand-in set by `DependencyOverrides` for
/// this router replaces the item; `scopes` is the path of this use.
fn override_check(scopes: TokenStream) -> TokenStream {
    quote_home! {
        if let ::core::option::Option::Some(stand_in) =
            ::secured::__private::stand_in::<Self>(__secured_parts)
        {
            return stand_in.call(#scopes.security_scopes()).await;
        }
    }
}

/// The signature of `Resolve::resolve`, shared by the scheme and dependency expansions.
fn resolve_signature() -> TokenStream {
    quote_home! {
        fn resolve<'__a>(
            __secured_parts: &'__a mut ::secured::__private::Parts,
            __secured_state: &'__a __S,
            __secured_path: &'__a ::secured::__private::ScopePath<'__a>,
            __secured_declared: &'static [&'static str],
        ) -> impl ::core::future::Future<
            Output = ::core::result::Result<Self::Output, ::secured::__private::Rejection>,
        > + ::core::marker::Send + '__a
    }
}

/// The signature of `Resolve::resolve_now`, shared by the scheme and dependency expansions.
fn resolve_now_signature() -> TokenStream {
    quote_home! {
        fn resolve_now(
            __secured_parts: &::secured::__private::Parts,
            __secured_state: &__S,
            __secured_path: &::secured::__private::ScopePath<'_>,
            __secured_declared: &'static [&'static str],
        ) -> ::core::result::Result<Self::Output, ::secured::__private::Rejection>
    }
}

/// `#[scheme] const NAME: Type = ...;`: the const, plus a same-named struct in the type
/// namespace that resolves the scheme.
pub(crate) fn scheme(item: &ItemConst) -> TokenStream {
    let ItemConst { vis, ident, ty, .. } = item;
    let name = string(&ident.to_string());
    let auto_error = quote_home!({ #ident.doc().auto_error });
    let signature = resolve_signature();
    let now_signature = resolve_now_signature();
    let override_check = override_check(quote_home!(__secured_path.child(__secured_declared)));
    quote_home! {
        #item

        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        #vis struct #ident {}

        #[automatically_derived]
        impl ::secured::__private::Declared for #ident {
            type Output = ::secured::__private::SchemeOutput<#ty, #auto_error>;

            const NODE: ::secured::__private::Node = ::secured::__private::Node {
                name: #name,
                kind: ::secured::__private::NodeKind::Scheme(#ident.doc()),
            };
        }

        #[automatically_derived]
        impl ::secured::__private::SchemeItem for #ident {
            type Scheme = #ty;

            const SCHEME: &'static #ty = &#ident;
        }

        #[automatically_derived]
        impl<__S> ::secured::__private::Resolve<__S> for #ident
        where
            __S: ::core::marker::Send + ::core::marker::Sync,
        {
            const SYNC: bool = true;

            #now_signature {
                let _ = (__secured_state, __secured_path, __secured_declared);
                ::secured::__private::resolve_scheme::<#ty, #auto_error>(&#ident, __secured_parts)
            }

            #signature {
                let _ = __secured_state;
                async move {
                    #override_check
                    ::secured::__private::resolve_scheme::<#ty, #auto_error>(&#ident, __secured_parts)
                }
            }
        }
    }
}

/// The edges of the declaration graph for these uses, as a `&'static [Edge]` expression.
fn edges<'a>(uses: impl Iterator<Item = &'a Use>) -> TokenStream {
    let edges = uses.map(|used| {
        let target = target_type(&used.target);
        let scopes = declared_scopes(used);
        quote_home! {
            ::secured::__private::Edge {
                target: &<#target as ::secured::__private::Declared>::NODE,
                scopes: #scopes,
            }
        }
    });
    quote_home!(&[#(#edges),*])
}

/// `&["a", "b"]`: the scopes of one use, each once, in the order written.
fn declared_scopes(used: &Use) -> TokenStream {
    let mut seen: Vec<&syn::LitStr> = Vec::new();
    for scope in &used.scopes {
        if !seen.iter().any(|kept| kept.value() == scope.value()) {
            seen.push(scope);
        }
    }
    quote_home!(&[#(#seen),*])
}

/// One use, as a parameter for the runtime. Through a qualified path, so that a target that is
/// not a type is reported once, as in the bounds.
fn security_param(used: &Use) -> TokenStream {
    let target = target_type(&used.target);
    let scopes = declared_scopes(used);
    quote_home!(<#target as ::secured::__private::Declared>::used(#scopes))
}

fn output_fn_ident(index: usize) -> Ident {
    format_ident!("__secured_output{}", index, span = home())
}

/// For each `#[security(X)] name: T`, a fn from `X`'s output to `T`: a mismatch is then one
/// `expected T, found U` on the user's `T`, outside every generic bound.
fn output_fns(function: &Function) -> Vec<TokenStream> {
    let mut fns = Vec::new();
    for (index, param) in function.params.iter().enumerate() {
        if let ParamKind::Security(used) = &param.kind {
            let (target, ty) = (target_type(&used.target), &param.ty);
            let name = output_fn_ident(index);
            let input = if borrows(ty) {
                quote_spanned!(ty.span()=> <#target as ::secured::__private::Lend>::Lent<'_>)
            } else {
                quote_home!(<#target as ::secured::__private::Declared>::Output)
            };
            // Located at the user's type but marked as generated, so that rustc places no
            // suggestion inside the user's type; the fn is written with the same hygiene (not at
            // home), so that `output` is one binding.
            let output = quote_spanned!(Span::call_site().located_at(ty.span())=> output);
            fns.push(quote::quote! {
                #[doc(hidden)]
                #[inline]
                fn #name(output: #input) -> #ty {
                    let output: #ty = #output;
                    output
                }
            });
        }
    }
    fns
}

/// `path(args)` as one expression that spans `tokens`, so that an error evaluating it points
/// at them rather than at generated code.
fn call_spanning(tokens: &TokenStream, path: TokenStream, args: TokenStream) -> TokenStream {
    let mut spans = tokens.clone().into_iter().map(|token| token.span());
    let first = spans.next().unwrap_or_else(Span::call_site);
    let last = spans.last().unwrap_or(first);
    let path: TokenStream = (path.into_iter())
        .map(|mut token| {
            token.set_span(first);
            token
        })
        .collect();
    let mut args = Group::new(Delimiter::Parenthesis, args);
    args.set_span(last);
    quote_home!(#path #args)
}

/// The compile-time scope checks of the handler `ident`'s uses, evaluated by the compiler: one
/// `const` a use, so that each mistake is reported, on the use as written, with the path to the
/// scheme that cannot grant the scope.
fn scope_checks<'a>(ident: &Ident, uses: impl Iterator<Item = &'a Use>) -> TokenStream {
    let name = string(&ident.to_string());
    let checks = uses.enumerate().map(|(index, used)| {
        let mut index = Literal::usize_unsuffixed(index);
        index.set_span(home());
        call_spanning(
            &used.tokens,
            quote_home!(::secured::__private::assert_use),
            quote_home!(#name, &<#ident as ::secured::__private::Operation>::OPERATION.edges[#index]),
        )
    });
    let ours = ours();
    quote_home! {
        #(#ours const _: () = #checks;)*
    }
}

fn arg_ident(index: usize) -> Ident {
    format_ident!("__secured_arg{}", index, span = home())
}

/// The parameters of a fn but the one consuming the body, as the runtime resolves them: the
/// bounds they need, the tuple of `Param`s, the pattern that binds each output in the same
/// order, and the statements that turn each output into the parameter's type.
#[derive(Default)]
struct Params {
    bounds: Vec<TokenStream>,
    params: Vec<TokenStream>,
    patterns: Vec<TokenStream>,
    /// For each param, the scheme that lends its credential to a `&str` parameter, if any.
    lenders: Vec<Option<TokenStream>>,
    conversions: Vec<TokenStream>,
}

impl Params {
    /// `(params...)`, resolved by `Param::resolve`.
    fn tuple(&self) -> TokenStream {
        let params = &self.params;
        quote_home!((#(#params,)*))
    }

    /// `(patterns...)`, binding what the tuple resolves to.
    fn pattern(&self) -> TokenStream {
        let patterns = &self.patterns;
        quote_home!((#(#patterns,)*))
    }

    /// A use whose output is dropped: a guard.
    fn guard(&mut self, used: &Use) {
        let target = target_type(&used.target);
        self.bound(quote_home!(#target: ::secured::__private::Resolve<__S>));
        self.push(security_param(used), quote_home!(_), None);
    }

    /// A bound of the impl, once: rustc would report a repeated one twice, and clippy's
    /// `type_repetition_in_bounds` flags it.
    fn bound(&mut self, bound: TokenStream) {
        let text = bound.to_string();
        if !self.bounds.iter().any(|kept| kept.to_string() == text) {
            self.bounds.push(bound);
        }
    }

    /// A param the runtime resolves, bound to `pattern`; `lender` lends it when it is borrowed.
    fn push(&mut self, param: TokenStream, pattern: TokenStream, lender: Option<TokenStream>) {
        self.params.push(param);
        self.patterns.push(pattern);
        self.lenders.push(lender);
    }
}

/// Security uses first, then `SecurityScopes`, then the extractors: FastAPI resolves
/// sub-dependencies before a fn's own parameters, and the body must be read last. `scopes` is
/// the path of a dependency's uses, which a `SecurityScopes` parameter reads directly; a
/// handler's reads it through the runtime.
fn bind_params(
    function: &Function,
    extractors: &[usize],
    scopes: Option<TokenStream>,
    params: &mut Params,
) {
    for (index, param) in function.params.iter().enumerate() {
        if let ParamKind::Security(used) = &param.kind {
            let target = target_type(&used.target);
            params.bound(quote_home!(#target: ::secured::__private::Resolve<__S>));
            let (binding, convert) = (arg_ident(index), output_fn_ident(index));
            // Higher-ranked only so that rustc does not report it as a bound that never holds:
            // the output fn reports a target that cannot lend, once.
            let lender = borrows(&param.ty).then(|| target.clone());
            if lender.is_some() {
                params.bound(quote_home!(for<'__secured> #target: ::secured::__private::Lend));
            }
            params.push(security_param(used), quote_home!(#binding), lender);
            params
                .conversions
                .push(quote_home!(let #binding = Self::#convert(#binding);));
        }
    }
    for (index, param) in function.params.iter().enumerate() {
        if let ParamKind::Scopes = param.kind {
            let (binding, ty) = (arg_ident(index), &param.ty);
            let value = match &scopes {
                Some(scopes) => quote_home!(#scopes.security_scopes()),
                None => {
                    params.push(
                        quote_home!(::secured::__private::Scopes),
                        quote_home!(#binding),
                        None,
                    );
                    quote_home!(#binding)
                }
            };
            params.conversions.push(quote_spanned! {ty.span()=>
                let #binding: #ty = #value;
            });
        }
    }
    for &index in extractors {
        let (binding, ty) = (arg_ident(index), &function.params[index].ty);
        params.bound(quote_spanned!(ty.span()=> #ty: ::secured::__private::FromRequestParts<__S>));
        params.push(
            quote_spanned!(ty.span()=> ::secured::__private::Extract::<#ty>::NEW),
            quote_home!(#binding),
            None,
        );
    }
}

fn extractor_indices(function: &Function) -> Vec<usize> {
    (function.params.iter().enumerate())
        .filter(|(_, param)| matches!(param.kind, ParamKind::Extractor))
        .map(|(index, _)| index)
        .collect()
}

fn call_args(function: &Function) -> Vec<Ident> {
    (0..function.params.len()).map(arg_ident).collect()
}

/// `#[dependency] fn NAME(...)`: the fn unchanged, plus a same-named struct in the type
/// namespace that resolves it. With `cache`, a second use with the same scopes in one request
/// reuses the first output.
pub(crate) fn dependency(dependency: &Dependency) -> TokenStream {
    let function = &dependency.function;
    let item = &function.item;
    let vis = &item.vis;
    let ident = &item.sig.ident;
    let name = ident.to_string();
    let name_literal = string(&name);
    let edges = edges(security_uses(function));
    let output = match &function.output {
        Output::Unit => quote_home!(()),
        Output::Plain(ty) | Output::Result(ty, _) => ty.to_token_stream(),
    };
    let mut params = Params::default();
    bind_params(
        function,
        &extractor_indices(function),
        Some(quote_home!(__secured_scopes)),
        &mut params,
    );
    let args = call_args(function);
    let mut call = quote_home!(#ident(#(#args),*));
    if function.is_async() {
        call = quote_home!(#call.await);
    }
    let mut result = match &function.output {
        // An `HttpError` stays unrendered until the handler answers (`RejectionOf<HttpError>`
        // has an inherent `reject`, which takes priority); any other error is rendered.
        Output::Result(_, error) => quote_home! {
            match #call {
                ::core::result::Result::Ok(value) => ::core::result::Result::Ok(value),
                ::core::result::Result::Err(error) => {
                    #[allow(unused_imports)]
                    use ::secured::__private::RenderRejection as _;
                    ::core::result::Result::Err(
                        ::secured::__private::RejectionOf::<#error>::reject(error),
                    )
                }
            }
        },
        Output::Unit | Output::Plain(_) => quote_home!(::core::result::Result::Ok(#call)),
    };
    let mut cache_lookup = quote_home!();
    let mut cache_trait = quote_home!();
    if dependency.cache {
        let output_span = match &item.sig.output {
            ReturnType::Default => ident.span(),
            ReturnType::Type(_, ty) => ty.span(),
        };
        // Checked apart from the impl, in a trait of our own, so that rustc reports it once, in
        // our words; the bound on the impl is higher-ranked only so that rustc does not check
        // it a second time as a bound that never holds.
        let message = string(&format!(
            "`{{Self}}`, the output of the `#[dependency(cache)]` fn `{name}`, must be `Clone` \
             and `Sync`"
        ));
        let check = quote_spanned!(Span::call_site().located_at(output_span)=>
            __secured_cached_output::<#output>()
        );
        cache_trait = quote_home! {
            #[diagnostic::on_unimplemented(
                message = #message,
                label = "each later use with the same scopes in a request gets a clone of it",
                note = "derive `Clone` on it (its fields `Sync`), or remove `cache` to run the fn \
                        at every use",
            )]
            trait __SecuredCachedOutput {}

            impl<T: ::core::clone::Clone + ::core::marker::Sync> __SecuredCachedOutput for T {}

            fn __secured_cached_output<T: __SecuredCachedOutput>() {}

            fn __secured_check() {
                #check
            }
        };
        params.bound(quote_home! {
            for<'__secured> #output: ::core::clone::Clone + ::core::marker::Sync
        });
        cache_lookup = quote_home! {
            let __secured_key = ::secured::__private::cache_key(__secured_scopes);
            if let ::core::option::Option::Some(hit) =
                ::secured::__private::cached::<Self>(__secured_parts, &__secured_key)
            {
                return ::core::result::Result::Ok(hit);
            }
        };
        result = quote_home! {
            let __secured_result = #result;
            if let ::core::result::Result::Ok(value) = &__secured_result {
                ::secured::__private::store::<Self>(__secured_parts, __secured_key, value);
            }
            __secured_result
        };
    }
    let output_fns = output_fns(function);
    let signature = resolve_signature();
    let override_check = override_check(quote_home!(__secured_scopes));
    let Params {
        bounds,
        params,
        patterns,
        lenders,
        conversions,
    } = &params;
    // Without a future, a `&str` parameter borrows its credential from the request. With one,
    // it borrows the credential resolved owned: that path looks for stand-ins, and later
    // parameters may need the request mutably.
    let (mut now_steps, mut steps) = (Vec::new(), Vec::new());
    for ((param, pattern), lender) in params.iter().zip(patterns).zip(lenders) {
        let (now, view) = match lender {
            Some(lender) => (
                quote_home!(<#lender as ::secured::__private::Lend>::lend(__secured_parts)),
                quote_home!(let #pattern = <#lender as ::secured::__private::Lend>::view(&#pattern);),
            ),
            None => (
                quote_home! {
                    ::secured::__private::Param::<__S>::resolve_now(
                        #param,
                        __secured_parts,
                        __secured_state,
                        &__secured_scopes,
                    )
                },
                quote_home!(),
            ),
        };
        now_steps.push(quote_home!(let #pattern = #now?;));
        steps.push(quote_home! {
            let #pattern = if ::secured::__private::Param::<__S>::now(&#param) {
                ::secured::__private::Param::<__S>::resolve_now(
                    #param,
                    __secured_parts,
                    __secured_state,
                    &__secured_scopes,
                )
            } else {
                ::secured::__private::Param::<__S>::resolve(
                    #param,
                    &mut *__secured_parts,
                    __secured_state,
                    &__secured_scopes,
                )
                .await
            }?;
            #view
        });
    }
    // A sync fn without extractors whose uses all resolve without a future does too, unless
    // it caches its output (which is stored in the request).
    let resolve_now = if function.is_async()
        || !extractor_indices(function).is_empty()
        || dependency.cache
    {
        quote_home!()
    } else {
        let targets = security_uses(function).map(|used| target_type(&used.target));
        let now_signature = resolve_now_signature();
        quote_home! {
            const SYNC: bool = true #(&& <#targets as ::secured::__private::Resolve<__S>>::SYNC)*;

            #now_signature {
                let __secured_scopes = __secured_path.child(__secured_declared);
                #(#now_steps)*
                #(#conversions)*
                #result
            }
        }
    };
    quote_home! {
        #item

        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        #vis struct #ident {}

        #[automatically_derived]
        impl ::secured::__private::Declared for #ident {
            type Output = #output;

            const NODE: ::secured::__private::Node = ::secured::__private::Node {
                name: #name_literal,
                kind: ::secured::__private::NodeKind::Dependency(#ident::__SECURED_EDGES),
            };
        }

        impl #ident {
            #[doc(hidden)]
            const __SECURED_EDGES: &'static [::secured::__private::Edge] = #edges;

            #(#output_fns)*
        }

        const _: () = {
            #cache_trait

            #[automatically_derived]
            #[allow(private_bounds)]
            impl<__S> ::secured::__private::Resolve<__S> for #ident
            where
                __S: ::core::marker::Send + ::core::marker::Sync,
                #(#bounds,)*
            {
                #resolve_now

                #signature {
                    async move {
                        let __secured_scopes = __secured_path.child(__secured_declared);
                        #override_check
                        #cache_lookup
                        #(#steps)*
                        #(#conversions)*
                        #result
                    }
                }
            }
        };
    }
}

fn security_uses(function: &Function) -> impl Iterator<Item = &Use> {
    function
        .params
        .iter()
        .filter_map(|param| match &param.kind {
            ParamKind::Security(used) => Some(used),
            _ => None,
        })
}

/// `#[secured] fn NAME(...)`: a unit struct NAME implementing axum's `Handler` and our
/// `Operation`, that derefs to a fn pointer calling the original body so tests can call it.
pub(crate) fn handler(handler: &Handler) -> TokenStream {
    let function = &handler.function;
    let item = &function.item;
    let vis = &item.vis;
    let ident = &item.sig.ident;
    let name = string(&ident.to_string());
    let anonymous = LitBool::new(handler.anonymous, home());
    let (docs, other_attrs): (Vec<_>, Vec<_>) = item
        .attrs
        .iter()
        .partition(|attr| attr.path().is_ident("doc"));
    let description = description(item);
    let edges = edges(handler.guards.iter().chain(security_uses(function)));

    let mut inner = item.clone();
    inner.attrs = other_attrs.into_iter().cloned().collect();
    inner.vis = syn::Visibility::Inherited;
    inner.sig.ident = Ident::new("__secured_call", ident.span());

    let mut extractors = extractor_indices(function);
    let body_param = extractors.pop();
    let mut params = Params::default();
    for guard in &handler.guards {
        params.guard(guard);
    }
    bind_params(function, &extractors, None, &mut params);
    let (serve, body_pattern, marker) = match body_param {
        Some(index) => {
            let (binding, ty) = (arg_ident(index), &function.params[index].ty);
            params.bound(
                quote_spanned!(ty.span()=> #ty: ::secured::__private::FromRequest<__S, __M>),
            );
            (
                quote_spanned!(ty.span()=> serve_body::<__M, #ty, _, _>),
                quote_home!(, #binding),
                quote_home!(__M),
            )
        }
        None => (quote_home!(serve), quote_home!(), quote_home!(())),
    };
    // `BodyOf<T>::BODY` is the extractor's own description where it has one (an inherent
    // const, which takes priority), else the trait's `None`.
    let body_doc = match body_param {
        Some(index) => {
            let ty = &function.params[index].ty;
            quote_home! {{
                #[allow(unused_imports)]
                use ::secured::__private::NoBodyDoc as _;
                ::secured::__private::BodyOf::<#ty>::BODY
            }}
        }
        None => quote_home!(::core::option::Option::None),
    };
    let impl_generics = match body_param {
        Some(_) => quote_home!(<__S, __M>),
        None => quote_home!(<__S>),
    };

    let args = call_args(function);
    let param_types: Vec<&Type> = function.params.iter().map(|param| &param.ty).collect();
    let output_ty = match &item.sig.output {
        ReturnType::Default => quote_home!(()),
        ReturnType::Type(_, ty) => ty.to_token_stream(),
    };
    let returns_impl_trait =
        matches!(&item.sig.output, ReturnType::Type(_, ty) if mentions_impl_trait(ty));
    let call_inner = quote_home!(#ident::__secured_call(#(#args),*));
    let (deref_output, deref_fn) = match (function.is_async(), returns_impl_trait) {
        (true, false) => (
            quote_home!(::secured::__private::BoxFuture<'static, #output_ty>),
            quote_home!(|#(#args),*| ::std::boxed::Box::pin(#call_inner)),
        ),
        (true, true) => (
            quote_home!(::secured::__private::BoxFuture<'static, ::secured::__private::Response>),
            quote_home!(|#(#args),*| ::std::boxed::Box::pin(async move {
                ::secured::__private::IntoResponse::into_response(#call_inner.await)
            })),
        ),
        // No closure to check: the fn itself is the pointer.
        (false, false) => (output_ty.clone(), quote_home!(#ident::__secured_call)),
        (false, true) => (
            quote_home!(::secured::__private::Response),
            quote_home!(|#(#args),*| ::secured::__private::IntoResponse::into_response(#call_inner)),
        ),
    };
    let output_span = match &item.sig.output {
        ReturnType::Default => ident.span(),
        ReturnType::Type(_, ty) => ty.span(),
    };
    // An output that cannot answer is reported on the output type, where it is nameable.
    if !returns_impl_trait {
        params.bound(quote_spanned! {output_span=>
            #output_ty: ::secured::__private::IntoResponse
        });
    }
    let respond = if function.is_async() {
        call_inner
    } else {
        quote_home!(::core::future::ready(#call_inner))
    };
    // The compiler evaluates the scope rules below each use, and reports a mistake on that use.
    let scope_checks = scope_checks(ident, handler.guards.iter().chain(security_uses(function)));
    let output_fns = output_fns(function);
    let (bounds, tuple, pattern, conversions) = (
        &params.bounds,
        params.tuple(),
        params.pattern(),
        &params.conversions,
    );

    // `Clone`, `Copy` and `Debug` written out: a derive's expansion would be placed at the
    // attribute again (see `at_home`).
    let ours = ours();
    quote_home! {
        #(#docs)*
        #ours
        #[allow(non_camel_case_types)]
        #vis struct #ident;

        #ours
        #[automatically_derived]
        impl ::core::clone::Clone for #ident {
            #[inline]
            fn clone(&self) -> Self {
                *self
            }
        }

        #ours
        #[automatically_derived]
        impl ::core::marker::Copy for #ident {}

        #ours
        #[automatically_derived]
        impl ::core::fmt::Debug for #ident {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(#name)
            }
        }

        #ours
        #[automatically_derived]
        impl ::core::ops::Deref for #ident {
            type Target = fn(#(#param_types),*) -> #deref_output;

            #[inline]
            fn deref(&self) -> &Self::Target {
                const CALL: fn(#(#param_types),*) -> #deref_output = #deref_fn;
                &CALL
            }
        }

        impl #ident {
            #[doc(hidden)]
            #inner
        }

        #ours
        impl #ident {
            #(#output_fns)*
        }

        #scope_checks

        #ours
        #[automatically_derived]
        impl ::secured::__private::Operation for #ident {
            const OPERATION: ::secured::__private::OperationDoc =
                ::secured::__private::OperationDoc {
                    name: #name,
                    description: #description,
                    edges: #edges,
                    anonymous: #anonymous,
                    body: #body_doc,
                };
        }

        #ours
        #[automatically_derived]
        #[allow(private_bounds)]
        impl #impl_generics ::secured::__private::axum::handler::Handler<
            ::secured::__private::Secured<#marker>,
            __S,
        > for #ident
        where
            __S: ::core::clone::Clone + ::core::marker::Send + ::core::marker::Sync + 'static,
            #(#bounds,)*
        {
            type Future = ::secured::__private::BoxFuture<'static, ::secured::__private::Response>;

            fn call(self, request: ::secured::__private::Request, state: __S) -> Self::Future {
                ::secured::__private::Params::<__S>::#serve(
                    #tuple,
                    request,
                    state,
                    |#pattern #body_pattern| {
                        #(#conversions)*
                        #respond
                    },
                )
            }
        }
    }
}

/// The lint levels of the items the expansion writes at home, which lints no longer see as
/// generated: clippy's lints, and the user's choice of them, are for the user's code. (No
/// `reason = ..`: lint reasons need Rust 1.81, above the crate's `rust-version`.)
fn ours() -> TokenStream {
    quote_home! {
        #[allow(clippy::all, clippy::pedantic, clippy::nursery, clippy::restriction)]
    }
}

/// The fn's doc comment, FastAPI's docstring: the operation's description.
fn description(item: &syn::ItemFn) -> TokenStream {
    let lines: Vec<String> = (item.attrs.iter())
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(meta) if meta.path.is_ident("doc") => match &meta.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) => Some(text.value()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    // `/// text` is ` text`: drop the one space rustdoc adds, as `inspect.cleandoc` would.
    let text = lines
        .iter()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n");
    let text = text.trim();
    if text.is_empty() {
        quote_home!(::core::option::Option::None)
    } else {
        let text = string(text);
        quote_home!(::core::option::Option::Some(#text))
    }
}
