#!/usr/bin/env python3
"""Compares the output folders of two `fundguard run`s byte for byte: hits.csv, hits.jsonl,
summary.json and rejects.csv. Used by run-differential.sh and random_rules.py to check that the
two engines (interpreter and JIT) agree.

summary.json may name the engine that wrote it: keys called `engine` are removed (at any depth)
before comparing; everything else must be identical. On a difference it prints the file, the
first differing lines of each side and the rule ids they belong to.

    tests/diff/compare_outputs.py REFERENCE_DIR OTHER_DIR [--label TEXT] [--files a,b,...]

Exit 0 identical, 1 different, 2 usage problem.
"""
import argparse
import csv
import io
import json
import os
import sys

OUTPUT_FILES = ["hits.csv", "hits.jsonl", "summary.json", "rejects.csv", "national.jsonl", "table2.csv",
                "institutions.csv", "rules.csv"]
IGNORED_SUMMARY_KEYS = {"engine"}
SHOWN_LINES = 3


def _drop_keys(value):
    if isinstance(value, dict):
        return {k: _drop_keys(v) for k, v in value.items() if k not in IGNORED_SUMMARY_KEYS}
    if isinstance(value, list):
        return [_drop_keys(v) for v in value]
    return value


def _normalised_summary(data):
    """The summary text with the engine keys removed (unchanged when it has none)."""
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return data
    stripped = _drop_keys(parsed)
    if stripped == parsed:
        return data
    return (json.dumps(stripped, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _rule_of_line(name, line):
    """The rule id a line of an output file belongs to, or None."""
    try:
        if name == "hits.csv":
            row = next(csv.reader(io.StringIO(line)))
            return row[0] if row and row[0] != "rule_id" else None
        if name == "hits.jsonl":
            return json.loads(line).get("rule_id")
    except (StopIteration, ValueError, AttributeError):
        return None
    return None


def _differing_fields(name, header, left, right):
    """The names of the fields that differ between two lines of hits.csv or hits.jsonl."""
    try:
        if name == "hits.csv":
            names = next(csv.reader(io.StringIO(header)))
            a = next(csv.reader(io.StringIO(left)))
            b = next(csv.reader(io.StringIO(right)))
            if len(a) != len(b):
                return []
            return [names[i] if i < len(names) else str(i) for i in range(len(a)) if a[i] != b[i]]
        if name == "hits.jsonl":
            a, b = json.loads(left), json.loads(right)
            return [k for k in dict.fromkeys(list(a) + list(b)) if a.get(k) != b.get(k)]
    except (StopIteration, ValueError, AttributeError):
        return []
    return []


def _summary_rules_that_differ(a, b):
    try:
        ra = {r.get("id"): r for r in json.loads(a).get("rules", [])}
        rb = {r.get("id"): r for r in json.loads(b).get("rules", [])}
    except (ValueError, AttributeError):
        return []
    return sorted(i for i in set(ra) | set(rb) if ra.get(i) != rb.get(i))


def compare_file(name, ref_dir, other_dir, out):
    """Writes a report of the first difference to `out`; returns the rule ids involved, or
    None when the files are identical."""
    pa, pb = os.path.join(ref_dir, name), os.path.join(other_dir, name)
    ea, eb = os.path.exists(pa), os.path.exists(pb)
    if not ea and not eb:
        return None
    if ea != eb:
        out.write(f"  {name}: only in {pa if ea else pb}\n")
        return []
    with open(pa, "rb") as f:
        a = f.read()
    with open(pb, "rb") as f:
        b = f.read()
    if name == "summary.json":
        a, b = _normalised_summary(a), _normalised_summary(b)
    if a == b:
        return None
    la = a.decode("utf-8", "replace").split("\n")
    lb = b.decode("utf-8", "replace").split("\n")
    first = next((i for i in range(max(len(la), len(lb)))
                  if i >= len(la) or i >= len(lb) or la[i] != lb[i]), 0)
    out.write(f"  {name} differs ({len(la) - 1} lines vs {len(lb) - 1}); first difference at line {first + 1}:\n")
    rules = []
    for i in range(first, first + SHOWN_LINES):
        if i >= len(la) and i >= len(lb):
            break
        left = la[i] if i < len(la) else "<end of file>"
        right = lb[i] if i < len(lb) else "<end of file>"
        if left == right:
            continue
        out.write(f"    - {left[:400]}\n    + {right[:400]}\n")
        fields = _differing_fields(name, la[0], left, right)
        if fields:
            out.write(f"    fields: {', '.join(fields)}\n")
        for line in (left, right):
            rule = _rule_of_line(name, line)
            if rule and rule not in rules:
                rules.append(rule)
    if name == "summary.json":
        rules = _summary_rules_that_differ(a, b)
    if rules:
        out.write(f"    rule(s): {', '.join(rules)}\n")
    return rules


def compare_dirs(ref_dir, other_dir, files=None, out=sys.stdout):
    """Compares the output files of two runs; returns (identical, sorted rule ids involved)."""
    identical = True
    rules = set()
    for name in files or OUTPUT_FILES:
        found = compare_file(name, ref_dir, other_dir, out)
        if found is not None:
            identical = False
            rules.update(found)
    return identical, sorted(rules)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("reference")
    p.add_argument("other")
    p.add_argument("--label", default="", help="what is compared, for the report")
    p.add_argument("--files", default=",".join(OUTPUT_FILES), help="comma-separated file names")
    args = p.parse_args()
    report = io.StringIO()
    identical, rules = compare_dirs(args.reference, args.other, args.files.split(","), report)
    if not identical:
        print(f"DIFFERENT {args.label}".rstrip())
        sys.stdout.write(report.getvalue())
        if rules:
            print(f"  rules involved: {', '.join(rules)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
