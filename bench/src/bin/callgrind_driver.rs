//! Serves one case N times in-process, for `scripts/bench/instructions.sh`, which counts the
//! instructions of `measured` under callgrind:
//! `callgrind_driver CASE IMPLEMENTATION N`; `callgrind_driver --list` prints the cases.

use std::process::ExitCode;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use secured_bench::{app, respond, Case, Implementation, CASES};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args == ["--list"] {
        for case in CASES {
            println!("{}", case.name);
        }
        return ExitCode::SUCCESS;
    }
    let [case, implementation, count] = args.as_slice() else {
        return usage();
    };
    let (Some(case), Some(implementation), Ok(count)) = (
        Case::named(case),
        Implementation::named(implementation),
        count.parse::<u32>(),
    ) else {
        return usage();
    };
    let app = app(case, implementation);
    for _ in 0..count {
        let status = measured(&app, case.request());
        assert_eq!(status, case.status, "{}: unexpected status", case.name);
    }
    ExitCode::SUCCESS
}

/// One request, answered and dropped: all that callgrind counts (`--toggle-collect`).
#[inline(never)]
fn measured(app: &axum::Router, request: Request<Body>) -> StatusCode {
    respond(app, request).status
}

fn usage() -> ExitCode {
    let cases: Vec<&str> = CASES.iter().map(|case| case.name).collect();
    let implementations = Implementation::ALL.map(Implementation::name);
    eprintln!(
        "usage: callgrind_driver CASE IMPLEMENTATION N | --list\n  CASE: {}\n  IMPLEMENTATION: {}",
        cases.join(" | "),
        implementations.join(" | "),
    );
    ExitCode::FAILURE
}
