//! Native speed of `check` on a post, a long draft and large mixed pastes (`./build.sh bench` prints the
//! table). Inputs come from `bench/data/` (see its README); none is the evaluation corpus.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use postguard::{check, CheckOptions, Context, Policy};
use std::hint::black_box;
use std::time::Duration;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/data/");

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{DATA}{name}")).unwrap_or_else(|e| panic!("{DATA}{name}: {e}"))
}

/// The short drafts of `drafts.jsonl` with their context.
fn drafts() -> Vec<(String, Context)> {
    read("drafts.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("drafts.jsonl line is JSON");
            let context = v["context"].as_str().and_then(Context::parse).unwrap_or_default();
            (v["text"].as_str().expect("text").to_string(), context)
        })
        .collect()
}

/// Drafts then note paragraphs, repeated and joined by a blank line up to `bytes`, cut at a char boundary.
fn mixed(bytes: usize) -> String {
    let notes = read("notes.txt");
    let pieces: Vec<String> = drafts()
        .into_iter()
        .map(|(t, _)| t)
        .chain(notes.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()))
        .collect();
    let mut out = String::with_capacity(bytes + 4096);
    for piece in pieces.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(piece);
    }
    let mut cut = bytes.min(out.len());
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    out
}

fn benches(c: &mut Criterion) {
    let policy = Policy::parse(&read("policy.json")).expect("bench policy parses");
    let post = CheckOptions::new(Context::Post);

    let mut group = c.benchmark_group("check");
    for (name, text) in [("post280", read("post280.txt")), ("post2000", read("post2000.txt"))] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
            b.iter(|| check(black_box(text), &post, &policy))
        });
    }
    let drafts = drafts();
    let total: usize = drafts.iter().map(|(t, _)| t.len()).sum();
    let options: Vec<CheckOptions> = drafts.iter().map(|&(_, c)| CheckOptions::new(c)).collect();
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("drafts40", |b| {
        b.iter(|| {
            for ((text, _), options) in drafts.iter().zip(&options) {
                black_box(check(black_box(text), options, &policy));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("paste");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    for (name, bytes) in [("mixed100k", 100_000), ("mixed1m", 1_000_000)] {
        let text = mixed(bytes);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
            b.iter(|| check(black_box(text), &post, &policy))
        });
    }
    group.finish();
}

criterion_group! {
    name = check_benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(check_benches);
