//! Wall time of each case in each implementation, in-process through
//! `tower::ServiceExt::oneshot`: `cargo bench -p secured-bench --features criterion`.
//!
//! Building the request is left out of the timing; answering it, reading the body and dropping
//! the answer are in.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use secured_bench::{app, respond, Implementation, CASES};

fn requests(c: &mut Criterion) {
    for case in CASES {
        let mut group = c.benchmark_group(case.name);
        for implementation in Implementation::ALL {
            let app = app(case, implementation);
            group.bench_function(implementation.name(), |b| {
                b.iter_batched(
                    || case.request(),
                    |request| respond(&app, request).status,
                    BatchSize::SmallInput,
                );
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = requests
}
criterion_main!(benches);
