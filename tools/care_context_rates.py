#!/usr/bin/env python3
"""How often the core's `care_context` is true, on the labeled corpus and on ordinary social text.

Usage (after `./build.sh` or `cargo build --release`):
  tools/care_context_rates.py [--cli target/release/postguard] [--shared ../shared] [--show N]

Runs `postguard check --jsonl` once per file under the corpus's organization policy and prints, per set:
  - labeled drafts (dev.jsonl, train/*.jsonl): the share with care_context among those labeled with a phi.* kind
    (should be nearly all), among every draft, and among those the checker gave a privacy finding (all, by
    construction: a privacy finding is care context);
  - ordinary text (social/*.jsonl, real posts by people who are not writing about patients): the share with
    care_context (should be small).
--show N lists up to N texts of each surprise (a labeled phi draft without care context, a social post with it),
for reading locally; nothing is written anywhere.
"""
import argparse
import glob
import json
import os
import subprocess
import sys


def run(cli, policy, rows):
    lines = "".join(
        json.dumps({"id": r["id"], "text": r["text"], "context": r.get("context"), "site": r.get("site")}) + "\n"
        for r in rows
    )
    out = subprocess.run([cli, "check", "--jsonl", "--policy", policy], input=lines, capture_output=True,
                         text=True, check=True).stdout
    return {r["id"]: r for r in map(json.loads, out.splitlines())}


def share(part, whole):
    return f"{part}/{whole} = {100 * part / whole:.1f}%" if whole else "0/0"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", default=os.path.join(here, "..", "target", "release", "postguard"))
    parser.add_argument("--shared", default=os.environ.get("POSTGUARD_SHARED", os.path.join(here, "..", "..", "shared")))
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    corpus = os.path.join(args.shared, "corpus")
    policy = os.path.join(corpus, "org-policy.json")

    labeled = [os.path.join(corpus, "dev.jsonl")] + sorted(glob.glob(os.path.join(corpus, "train", "*.jsonl")))
    totals = [0] * 6
    for path in labeled:
        rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        reports = run(args.cli, policy, rows)
        phi = [r for r in rows if any(k.startswith("phi.") for k in r.get("kinds", []))]
        phi_care = [r for r in phi if reports[r["id"]].get("care_context")]
        found = [r for r in rows if any(f["kind"].startswith("phi.") for f in reports[r["id"]].get("findings", []))]
        found_care = [r for r in found if reports[r["id"]].get("care_context")]
        all_care = [r for r in rows if reports[r["id"]].get("care_context")]
        counts = [len(phi_care), len(phi), len(all_care), len(rows), len(found_care), len(found)]
        totals = [t + c for t, c in zip(totals, counts)]
        print(f"{os.path.relpath(path, corpus):24} labeled phi: {share(*counts[0:2]):20} all: {share(*counts[2:4]):20}"
              f" privacy finding: {share(*counts[4:6])}")
        for r in [r for r in phi if r not in phi_care][: args.show]:
            print(f"    phi without care context: {r['id']} {r['text'][:100]!r}")
    print(f"{'labeled, all sets':24} labeled phi: {share(*totals[0:2]):20} all: {share(*totals[2:4]):20}"
          f" privacy finding: {share(*totals[4:6])}")

    social_total = [0, 0]
    for path in sorted(glob.glob(os.path.join(corpus, "social", "*.jsonl"))):
        rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        reports = run(args.cli, policy, rows)
        care = [r for r in rows if reports[r["id"]].get("care_context")]
        social_total = [social_total[0] + len(care), social_total[1] + len(rows)]
        print(f"{os.path.relpath(path, corpus):24} care context: {share(len(care), len(rows))}")
        for r in care[: args.show]:
            print(f"    care context: {r['id']} {r['text'][:100]!r}")
    print(f"{'social, both sets':24} care context: {share(*social_total)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
