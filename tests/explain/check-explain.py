#!/usr/bin/env python3
"""`fundguard explain` agrees with `fundguard run`: for every rule of the standard library, the
first hit of the demo dataset's expected hits (tests/run/demo-data/hits.csv) is explained as a
hit with the same amount and fund, and its decision lists the condition's parts, all true; and a
record the rule does not hit is explained as no hit or undecided, naming a part that is not true.

    tests/explain/check-explain.py FUNDGUARD      exit 0 all agree, 1 a disagreement
"""
import csv
import json
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def explain(fg, rule, key, period=""):
    cmd = [fg, "explain", "--rules", "stdlib-rules", "--data", "examples/demo-data", "--rule", rule,
           "--key", key, "--format", "json"]
    if period:
        cmd += ["--period", period]
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                       env=dict(os.environ, FUNDGUARD_LIB="stdlib-rules"))
    return p.returncode, p.stdout, p.stderr


def main(fg):
    fg = os.path.abspath(fg)
    failures = 0
    with open(os.path.join(ROOT, "tests/run/demo-data/hits.csv"), encoding="utf-8") as f:
        hits = list(csv.DictReader(f))
    first = {}
    for h in hits:
        first.setdefault(h["rule_id"], h)
    # FUNDGUARD_EXPLAIN_EVERY=N checks every N-th rule only (the sanitizer build, which is slow).
    every = max(1, int(os.environ.get("FUNDGUARD_EXPLAIN_EVERY", "1")))
    for n, (rule, h) in enumerate(sorted(first.items())):
        if n % every:
            continue
        key = h["feedetl_sn"] or h["setl_id"] or h["psn_no"] or h["fixmedins_code"]
        if h["period"]:
            key = h["fixmedins_code"]
        code, out, err = explain(fg, rule, key, h["period"])
        if code != 0:
            print(f"FAIL {rule} {key}: exit {code}: {err.strip()}")
            failures += 1
            continue
        e = json.loads(out)
        found = [d for r in e["records"] for d in r["decisions"]
                 if d["outcome"] == "hit" and (d["amount"] or "") == h["amount"]
                 and (d["fund_amount"] or "") == h["fund_amount"]]
        if not found:
            print(f"FAIL {rule} {key}: no decision explained as a hit with amount {h['amount']} fund {h['fund_amount']}")
            failures += 1
        elif not found[0]["conditions"] or any(c["value"] != "true" for c in found[0]["conditions"]):
            print(f"FAIL {rule} {key}: a hit whose condition parts are not all true: {found[0]['conditions']}")
            failures += 1
    # A record CH-01 does not hit: a fee line of a settlement with no CH-01 hit.
    ch01 = {h["feedetl_sn"] for h in hits if h["rule_id"] == "CH-01"}
    with open(os.path.join(ROOT, "examples/demo-data/fee_list_d.csv"), encoding="utf-8") as f:
        line = next(r["feedetl_sn"] for r in csv.DictReader(f) if r["feedetl_sn"] not in ch01)
    code, out, err = explain(fg, "CH-01", line)
    if code != 0:
        print(f"FAIL CH-01 {line}: exit {code}: {err.strip()}")
        failures += 1
    else:
        d = json.loads(out)["records"][0]["decisions"][0]
        if d["outcome"] == "hit" or all(c["value"] == "true" for c in d["conditions"]):
            print(f"FAIL CH-01 {line}: explained as {d['outcome']} with {d['conditions']}")
            failures += 1
    print(f"explain: {len(range(0, len(first), every))} rules' first hits and a near record checked, "
          f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
