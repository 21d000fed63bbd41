#!/usr/bin/env python3
"""Checks a labeled set written for PostGuard against corpus/SPEC.md before it joins corpus/extra/.

usage: python3 tools/corpus/validate.py FILE.jsonl [--prefix yq]

Fields and their values, ids (unique, PREFIX + three digits), spans (exact substrings of the text, known
types), verdicts consistent with the kinds' severities, and no text that is already in the corpus (other than
FILE itself). Prints every problem (line: what) and a summary; exits 1 when there is a problem."""
import json, sys, glob, collections, re, os
SITES = "facebook x linkedin instagram reddit tiktok youtube threads bluesky mastodon google_reviews yelp".split()
CONTEXTS = "post comment reply_to_review message".split()
SEV = {"phi.name_with_health_context": "high", "phi.direct_identifier": "high", "phi.review_reply_disclosure": "high",
       "phi.relationship_confirmation": "high", "phi.public_figure_patient": "high", "phi.quasi_identifiers": "medium",
       "phi.media_reference": "medium", "phi.case_story": "low", "tone.mocking_patients": "high",
       "tone.derogatory_patient_slang": "medium", "tone.insult": "medium", "tone.defensive_reply": "medium",
       "tone.disparaging_colleague": "medium", "tone.tragedy_humor": "medium", "tone.slur": "high", "tone.threat": "high",
       "tone.profanity": "either", "tone.sexual_content": "medium", "tone.stigmatizing_language": "low",
       "tone.shouting": "low", "claims.guarantee_or_cure": "medium", "advice.individual_medical_advice": "medium",
       "claims.misinformation": "medium"}
TYPES = "name date age phone email ssn mrn insurance_id account license vehicle device url ip address zip place room handle".split()
path = sys.argv[1]
prefix = sys.argv[sys.argv.index("--prefix") + 1] if "--prefix" in sys.argv else None
existing = set()
corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "corpus")
for f in glob.glob(os.path.join(corpus, "labeled", "*.jsonl")) + glob.glob(os.path.join(corpus, "extra", "*.jsonl")):
    if os.path.samefile(f, path):
        continue
    for l in open(f, encoding="utf-8"):
        existing.add(json.loads(l)["text"].strip().lower())
problems = []
ids, texts = set(), set()
count = collections.Counter()
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    p = lambda m: problems.append(f"{n}: {m}")
    if not line.strip():
        p("empty line"); continue
    try:
        r = json.loads(line)
    except Exception as e:
        p(f"not JSON: {e}"); continue
    for field in ["id", "site", "context", "text", "expect", "kinds", "spans", "note"]:
        if field not in r: p(f"missing {field}")
    if set(r) - {"id", "site", "context", "text", "expect", "kinds", "spans", "note"}: p(f"extra fields {set(r)}")
    i = r.get("id", "")
    if i in ids: p(f"duplicate id {i}")
    ids.add(i)
    if prefix and not re.fullmatch(re.escape(prefix) + r"\d{3}", i): p(f"id {i} is not {prefix}NNN")
    if r.get("site") not in SITES: p(f"bad site {r.get('site')}")
    if r.get("context") not in CONTEXTS: p(f"bad context {r.get('context')}")
    if r.get("context") == "reply_to_review" and r.get("site") not in ("google_reviews", "yelp", "facebook"): p("reply_to_review on a site without reviews")
    t = r.get("text", "")
    if not t.strip(): p("empty text")
    key = t.strip().lower()
    if key in texts: p("duplicate text")
    if key in existing: p("text already in the corpus")
    texts.add(key)
    kinds = r.get("kinds", [])
    for k in kinds:
        if k not in SEV: p(f"unknown kind {k}")
    if len(set(kinds)) != len(kinds): p("repeated kind")
    sev = [SEV.get(k) for k in kinds]
    e = r.get("expect")
    if e not in ("ok", "advise", "warn"): p(f"bad expect {e}")
    strong = any(s in ("medium", "high") for s in sev)
    either = "either" in sev
    if e == "ok" and kinds: p("ok with kinds")
    if e == "warn" and not (strong or either): p("warn without a medium/high kind")
    if e == "advise" and (strong or not kinds): p("advise needs only low kinds (profanity counts as low when mild)")
    for s in r.get("spans", []):
        if not isinstance(s, dict) or set(s) != {"text", "type"}: p(f"bad span {s}"); continue
        if s["type"] not in TYPES: p(f"bad span type {s['type']}")
        if s["text"] not in t: p(f"span text not in text: {s['text']!r}")
        if not s["text"].strip() or s["text"] != s["text"].strip(): p(f"span has outer spaces or is empty: {s['text']!r}")
    if r.get("spans") and e == "ok": p("spans on an ok draft")
    count[e] += 1
for m in problems: print(m)
total = sum(count.values())
print(f"{path}: {total} drafts, " + ", ".join(f"{k} {v}" for k, v in sorted(count.items())) + f"; {len(problems)} problems")
sys.exit(1 if problems else 0)
