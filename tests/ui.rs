//! The macros' compile-time contract: every accepted form under `ui/pass` compiles, and every
//! mistake under `ui/fail` is reported on the user's tokens as its `.stderr` file shows.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/*.rs");
    t.compile_fail("tests/ui/fail/*.rs");
}
