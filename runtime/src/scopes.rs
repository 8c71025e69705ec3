//! OAuth2 scopes as they accumulate along a chain of dependencies: FastAPI's `SecurityScopes`.

use std::borrow::Cow;

/// The scopes required of a dependency, FastAPI's `SecurityScopes`: those of every enclosing
/// `#[security(..., scopes = [...])]`, parents first, each scope once.
///
/// A dependency (or the handler) asks for it by taking a parameter of this type. The handler
/// itself sees none; sibling uses of one dependency each see their own path.
///
/// ```
/// use secured::SecurityScopes;
///
/// let scopes = SecurityScopes::from_static(&["me", "items"]);
/// assert_eq!(*scopes.scopes, ["me", "items"]);
/// assert_eq!(scopes.scope_str(), "me items");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SecurityScopes {
    /// The scopes, parents first, without duplicates.
    pub scopes: Cow<'static, [&'static str]>,
}

impl SecurityScopes {
    /// Scopes given as a literal list, which must hold no duplicates.
    pub const fn from_static(scopes: &'static [&'static str]) -> Self {
        Self {
            scopes: Cow::Borrowed(scopes),
        }
    }

    /// The scopes joined by single spaces, as in a `WWW-Authenticate: Bearer scope="..."`
    /// challenge.
    pub fn scope_str(&self) -> String {
        self.scopes.join(" ")
    }

    /// Whether `scope` is among the required ones.
    pub fn contains(&self, scope: &str) -> bool {
        self.scopes.contains(&scope)
    }
}

/// The scopes declared along the path to one use of a dependency: a list on the stack of the
/// resolving futures, so accumulating scopes allocates nothing.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct ScopePath<'a> {
    declared: &'static [&'static str],
    parent: Option<&'a ScopePath<'a>>,
}

impl<'a> ScopePath<'a> {
    /// The path of a handler: no scopes.
    pub const ROOT: ScopePath<'static> = ScopePath {
        declared: &[],
        parent: None,
    };

    /// The path one level down, where `declared` are the scopes of that use.
    pub const fn child(&'a self, declared: &'static [&'static str]) -> Self {
        Self {
            declared,
            parent: Some(self),
        }
    }

    /// The accumulated scopes, parents first, each once. Borrowed, with no allocation, when a
    /// single level declares scopes (the macros hand each level's list on de-duplicated).
    pub fn security_scopes(&self) -> SecurityScopes {
        let mut levels = self.levels().filter(|scopes| !scopes.is_empty());
        let Some(first) = levels.next() else {
            return SecurityScopes::default();
        };
        if levels.next().is_none() {
            return SecurityScopes::from_static(first);
        }
        let mut chain: Vec<&'static [&'static str]> = self.levels().collect();
        chain.reverse();
        let mut scopes: Vec<&'static str> = Vec::new();
        for scope in chain.into_iter().flatten() {
            if !scopes.contains(scope) {
                scopes.push(scope);
            }
        }
        SecurityScopes {
            scopes: Cow::Owned(scopes),
        }
    }

    /// Each level's declared scopes, innermost first.
    fn levels(&self) -> impl Iterator<Item = &'static [&'static str]> + '_ {
        std::iter::successors(Some(self), |path| path.parent).map(|path| path.declared)
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::ScopePath;

    #[test]
    fn nested_scopes_accumulate_parents_first() {
        let level1 = ScopePath::ROOT.child(&["me"]);
        let level2 = level1.child(&["admin"]);
        let level3 = level2.child(&["write"]);
        assert!(ScopePath::ROOT.security_scopes().scopes.is_empty());
        assert_eq!(*level1.security_scopes().scopes, ["me"]);
        assert_eq!(*level2.security_scopes().scopes, ["me", "admin"]);
        assert_eq!(
            level3.security_scopes().scope_str(),
            "me admin write".to_owned()
        );
    }

    #[test]
    fn levels_without_scopes_change_nothing() {
        let plain = ScopePath::ROOT.child(&[]);
        let scoped = plain.child(&["me"]);
        let scheme = scoped.child(&[]);
        assert!(plain.security_scopes().scopes.is_empty());
        assert!(matches!(
            scheme.security_scopes().scopes,
            Cow::Borrowed(["me"])
        ));
        let again = scheme.child(&["items"]);
        assert_eq!(*again.child(&[]).security_scopes().scopes, ["me", "items"]);
    }

    #[test]
    fn duplicates_are_removed_at_every_level() {
        let middle = ScopePath::ROOT.child(&["items", "me"]);
        let inner = middle.child(&["me"]);
        let scheme = inner.child(&["me"]);
        assert_eq!(*inner.security_scopes().scopes, ["items", "me"]);
        assert_eq!(*scheme.security_scopes().scopes, ["items", "me"]);
    }
}
