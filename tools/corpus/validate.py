#!/usr/bin/env python3
"""Checks labeled sets against corpus/SPEC.md: every set in corpus/ (`./build.sh test` runs it), or a new set
before it joins corpus/extra/.

usage: python3 tools/corpus/validate.py FILE.jsonl [FILE.jsonl ...] [--prefix yq]

Fields and their values, ids (unique; with --prefix, PREFIX and three digits), spans (exact substrings of the
text, known types), verdicts consistent with the kinds' severities, and no text twice: not in the files given,
nor in any other set of corpus/. Prints every problem (file:line: what) and a summary per file; exits 1 when
there is a problem."""
import collections
import glob
import json
import os
import re
import sys

SITES = set("facebook x linkedin instagram reddit tiktok youtube threads bluesky mastodon google_reviews yelp".split())
CONTEXTS = set("post comment reply_to_review message".split())
REVIEW_SITES = {"google_reviews", "yelp", "facebook"}
FIELDS = {"id", "site", "context", "text", "expect", "kinds", "spans", "note"}
SEVERITY = {
    "phi.name_with_health_context": "high", "phi.direct_identifier": "high", "phi.review_reply_disclosure": "high",
    "phi.relationship_confirmation": "high", "phi.public_figure_patient": "high", "phi.quasi_identifiers": "medium",
    "phi.media_reference": "medium", "phi.case_story": "low", "tone.mocking_patients": "high",
    "tone.derogatory_patient_slang": "medium", "tone.insult": "medium", "tone.defensive_reply": "medium",
    "tone.disparaging_colleague": "medium", "tone.tragedy_humor": "medium", "tone.slur": "high", "tone.threat": "high",
    "tone.profanity": "either", "tone.sexual_content": "medium", "tone.stigmatizing_language": "low",
    "tone.shouting": "low", "claims.guarantee_or_cure": "medium", "advice.individual_medical_advice": "medium",
    "claims.misinformation": "medium",
}
SPAN_TYPES = set(
    "name date age phone email ssn mrn insurance_id account license vehicle device url ip address zip place room "
    "handle".split())


def problems_of(record, prefix):
    """The problems of one labeled draft."""
    out = []
    if set(record) != FIELDS:
        out.append(f"fields {sorted(set(record))}, not {sorted(FIELDS)}")
    if prefix and not re.fullmatch(re.escape(prefix) + r"\d{3}", str(record.get("id", ""))):
        out.append(f"id {record.get('id')} is not {prefix}NNN")
    if record.get("site") not in SITES:
        out.append(f"unknown site {record.get('site')}")
    if record.get("context") not in CONTEXTS:
        out.append(f"unknown context {record.get('context')}")
    if record.get("context") == "reply_to_review" and record.get("site") not in REVIEW_SITES:
        out.append("a reply to a review on a site without reviews")
    text = record.get("text") or ""
    if not text.strip():
        out.append("empty text")
    kinds = record.get("kinds") or []
    out += [f"unknown kind {k}" for k in kinds if k not in SEVERITY]
    if len(set(kinds)) != len(kinds):
        out.append("a kind given twice")
    severities = {SEVERITY.get(k) for k in kinds}
    expect = record.get("expect")
    if expect not in ("ok", "advise", "warn"):
        out.append(f"unknown expect {expect}")
    strong = bool(severities & {"medium", "high"})
    if expect == "ok" and kinds:
        out.append("ok with kinds")
    if expect == "warn" and not (strong or "either" in severities):
        out.append("warn without a kind of medium or high severity")
    if expect == "advise" and (strong or not kinds):
        out.append("advise needs low-severity kinds only (mild profanity counts as low)")
    for span in record.get("spans") or []:
        if not isinstance(span, dict) or set(span) != {"text", "type"}:
            out.append(f"malformed span {span}")
            continue
        if span["type"] not in SPAN_TYPES:
            out.append(f"unknown span type {span['type']}")
        if span["text"] not in text:
            out.append(f"span text not in the text: {span['text']!r}")
        if not span["text"].strip() or span["text"] != span["text"].strip():
            out.append(f"span empty or with spaces around it: {span['text']!r}")
    if record.get("spans") and expect == "ok":
        out.append("spans on an ok draft")
    return out


def main(args):
    prefix = None
    if "--prefix" in args:
        i = args.index("--prefix")
        prefix = args[i + 1]
        args = args[:i] + args[i + 2:]
    if not args:
        sys.exit(__doc__)
    given = [os.path.realpath(f) for f in args]
    corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "corpus")
    seen, ids = {}, {}  # text and id -> where each first appears
    sets = glob.glob(os.path.join(corpus, "labeled", "*.jsonl")) + glob.glob(os.path.join(corpus, "extra", "*.jsonl"))
    for f in sorted(sets):
        if os.path.realpath(f) not in given:
            for n, line in enumerate(open(f, encoding="utf-8"), 1):
                record = json.loads(line)
                seen.setdefault(record["text"].strip().lower(), f"{os.path.basename(f)}:{n}")
                ids.setdefault(record["id"], f"{os.path.basename(f)}:{n}")
    failed = False
    for path in args:
        count, problems = collections.Counter(), []
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{path}:{n}: not JSON: {e}")
                continue
            found = problems_of(record, prefix)
            if record.get("id") in ids:
                found.append(f"id {record.get('id')} also at {ids[record.get('id')]}")
            ids.setdefault(record.get("id"), f"{os.path.basename(path)}:{n}")
            key = (record.get("text") or "").strip().lower()
            if key in seen:
                found.append(f"the same text as {seen[key]}")
            seen.setdefault(key, f"{os.path.basename(path)}:{n}")
            problems += [f"{path}:{n}: {p}" for p in found]
            count[record.get("expect")] += 1
        for p in problems:
            print(p)
        failed |= bool(problems)
        summary = ", ".join(f"{k} {v}" for k, v in sorted(count.items(), key=lambda kv: str(kv[0])))
        print(f"{path}: {sum(count.values())} drafts, {summary}; {len(problems)} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
