#!/usr/bin/env python3
"""Checks a run's hits against a generated dataset's truth file: every injected case must be
found (recall 1.0), and hits that match no injected case are listed (not a failure here: the
precision of the library is measured by the rule-library work, tools/datagen).

    tests/run/check-truth.py TRUTH.csv HITS.csv
"""
import csv
import sys


def subject_keys(hit):
    return {hit[k] for k in ("feedetl_sn", "setl_id", "psn_no", "fixmedins_code") if hit.get(k)}


def matches(case, hit):
    # The truth names a case by its subject; composite subjects (institution|period|item) start
    # with the key the hit carries. Periods: the generator writes 2024Q3 as the engine does; older
    # truth files wrote 2024-Q3, so a dash before Q is ignored.
    if case["subject"].split("|")[0] not in subject_keys(hit):
        return False
    period = case.get("period", "").replace("-Q", "Q")
    return not period or not hit["period"] or period == hit["period"]


def main(truth_path, hits_path):
    with open(truth_path, encoding="utf-8") as f:
        truth = list(csv.DictReader(f))
    with open(hits_path, encoding="utf-8") as f:
        hits = list(csv.DictReader(f))
    by_rule = {}
    for hit in hits:
        by_rule.setdefault(hit["rule_id"], []).append(hit)
    missed = [c for c in truth if not any(matches(c, h) for h in by_rule.get(c["rule_id"], []))]
    extra = [h for h in hits if not any(matches(c, h) for c in truth if c["rule_id"] == h["rule_id"])]
    for c in missed:
        print(f"MISSED {c['rule_id']} {c['subject']} {c.get('note', '')}")
    print(f"{len(truth) - len(missed)} of {len(truth)} injected cases found; "
          f"{len(extra)} of {len(hits)} hits match no injected case")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
