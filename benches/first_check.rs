//! Start-up cost: the first check of the 280-character post (every table and regex it needs is built), then
//! the mean of `N` more checks. Load-independent instruction counts (BENCHMARKS.md):
//!
//! ```sh
//! cargo bench --bench first_check --no-run   # prints the path of the binary
//! valgrind --tool=callgrind target/release/deps/first_check-HASH 0     # start-up + first check
//! valgrind --tool=callgrind target/release/deps/first_check-HASH 300   # ... plus 300 warm checks
//! ```
//!
//! An optional second argument names another file of `bench/data/` (or a path relative to it).

use postguard::{check, CheckOptions, Context, Policy};
use std::time::Instant;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/data/");

fn main() {
    let read = |name: &str| std::fs::read_to_string(format!("{DATA}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let n: u32 = args.next().map_or(100, |a| a.parse().expect("N is a number"));
    let text = read(&args.next().unwrap_or_else(|| "post280.txt".to_string()));
    let policy = Policy::parse(&read("policy.json")).expect("bench policy parses");
    let options = CheckOptions::new(Context::Post);
    let started = Instant::now();
    let report = check(&text, &options, &policy);
    let first = started.elapsed();
    let started = Instant::now();
    for _ in 0..n {
        std::hint::black_box(check(std::hint::black_box(&text), &options, &policy));
    }
    let warm = started.elapsed() / n.max(1);
    println!("first check {first:?} ({} findings), then {warm:?} per check over {n}", report.findings.len());
}
