#!/usr/bin/env python3
"""Property test of the two engines: random well-typed rules over a random adversarial dataset
must give the same output (hits.csv, hits.jsonl, summary.json, rejects.csv, byte for byte)
with engine A and engine B.

Each round draws a dataset and N rules from the seed and the round number, checks the rules
(every one must pass `fundguard check`: one that does not is a bug of this generator, counted
and reported), screens the data with both engines (engine B with --threads 2 on odd rounds) and
compares. A disagreement is shrunk (rules, clauses, expressions, data rows) and the smallest
reproduction is written to OUT/failure-RRR/ and printed. At the end it prints which IR ops and
built-in functions the generated rules exercised.

    python3 tests/diff/random_rules.py --seed 1 --rules 30 --rounds 10 \\
        --fundguard build/cli/fundguard --engines "interp jit" --out /tmp/fundguard-random

Exit 0: every round agreed and every rule checked; 1: a disagreement, a rule the checker refused,
or an engine that is not available; 2: usage.
"""
import argparse
import os
import random
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from proptest import data as datagen  # noqa: E402
from proptest import engines, rules, schema, shrink  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--rules", type=int, default=30, help="rules per round")
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("--out", default=None, help="where reproductions go (default: a temporary folder)")
    p.add_argument("--fundguard", required=True, help="the fundguard binary")
    p.add_argument("--engines", default="interp jit", help='"A B": the reference engine, then the other')
    p.add_argument("--lib", default=os.path.join(ROOT, "stdlib-rules"), help="the standard library")
    p.add_argument("--max-depth", type=int, default=3, help="expression depth")
    p.add_argument("--shrink-seconds", type=float, default=120, help="time for shrinking one failure")
    p.add_argument("--max-failures", type=int, default=3, help="stop after this many disagreements")
    p.add_argument("--keep", action="store_true", help="keep every round's rules and data in OUT")
    args = p.parse_args()
    names = args.engines.split()
    if len(names) != 2:
        p.error('--engines needs two names, e.g. "interp jit"')
    args.engine_names = names
    return args


class Run:
    def __init__(self, args):
        self.args = args
        self.out = args.out or tempfile.mkdtemp(prefix="fundguard-random-")
        os.makedirs(self.out, exist_ok=True)
        self.scratch = tempfile.mkdtemp(prefix="scratch-", dir=self.out)
        self.schema = schema.load(os.path.join(args.lib, "std/schema.rule"), os.path.join(args.lib, "std/lists.rule"))
        rules.add_local_names(self.schema)
        self.fg = engines.Fundguard(os.path.abspath(args.fundguard), os.path.abspath(args.lib))
        self.ops, functions = engines.read_ir_vocabulary(ROOT)
        self.functions = [name for _, name in functions]
        self.function_kinds = dict((name, kind) for kind, name in functions)
        self.op_counts = {}
        self.variants = {}
        self.rejected_rules = 0
        self.rules_run = 0
        self.failures = 0
        self.scopes = {}

    # -------------------------------------------------------------- engines
    def engine_flags(self):
        probe_rules = os.path.join(ROOT, "tests/engine/logic.rule")
        probe_data = os.path.join(self.scratch, "probe-data")
        datagen.write(datagen.DataGen(random.Random(0), self.schema).dataset(), self.schema, probe_data)
        return [self.fg.engine_flags(e, probe_rules, probe_data, self.scratch) for e in self.args.engine_names]

    # -------------------------------------------------------------- one round
    def checked(self, rule_list, folder, count_rejects):
        """The rules `fundguard check` accepts; the others are reported (a generator bug)."""
        path = os.path.join(folder, "rules.rule")
        text, spans = rules.render_file(rule_list)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        diags = self.fg.check(path)
        bad = {}
        for severity, line, code, message in diags:
            owner = next((i for i, (a, b) in enumerate(spans) if a <= line <= b), None)
            bad.setdefault(owner, []).append(f"{severity}[{code}] line {line}: {message}")
        if not bad:
            return rule_list, path
        if count_rejects:
            for owner, messages in bad.items():
                self.rejected_rules += 1
                where = rule_list[owner].render() if owner is not None else "(outside the rules)"
                print("GENERATOR BUG: a generated rule does not pass `fundguard check`:")
                print("  " + "\n  ".join(messages[:5]))
                print("  " + where.replace("\n", "\n  "))
        kept = [r for i, r in enumerate(rule_list) if i not in bad]
        return self.checked(kept, folder, False) if kept and None not in bad else ([], path)

    def round(self, number, flags):
        args = self.args
        rng = random.Random(f"{args.seed}:{number}")
        folder = os.path.join(self.out, f"round-{number:03d}")
        os.makedirs(folder, exist_ok=True)
        dataset = datagen.DataGen(rng, self.schema).dataset()
        data_dir = os.path.join(folder, "data")
        datagen.write(dataset, self.schema, data_dir)
        gen = rules.RuleGen(rng, self.schema, args.max_depth)
        rule_list = [gen.rule(f"PT-{number}-{i + 1}") for i in range(args.rules)]
        rule_list, path = self.checked(rule_list, folder, True)
        if not rule_list:
            return True
        for r in rule_list:
            scope = r.scope.split(" per ")[0] + (" +peers" if r.peers else "")
            scope += " for-each" if r.foreach else ""
            self.scopes[scope] = self.scopes.get(scope, 0) + 1
        self.rules_run += len(rule_list)
        ops, variants = engines.ir_coverage(self.fg.ir([path]), self.ops, self.functions)
        for op, n in ops.items():
            self.op_counts[op] = self.op_counts.get(op, 0) + n
        for v, n in variants.items():
            self.variants[v] = self.variants.get(v, 0) + n
        threads_b = 2 if number % 2 else 1
        outcome = engines.compare_engines(self.fg, flags[0], flags[1], path, data_dir,
                                          os.path.join(folder, "out"), threads_b)
        ok = outcome.agree and outcome.code_a == 0
        if ok:
            if not args.keep:
                shutil.rmtree(folder)
            return True
        self.failures += 1
        a, b = args.engine_names
        what = "disagree" if not outcome.agree else f"both exited {outcome.code_a}"
        print(f"FAIL round {number}: engines {a} and {b} {what} ({len(rule_list)} rules; B with --threads {threads_b})")
        print(outcome.report or f"  {outcome.err_a.strip()[:800]}")
        self.shrink_failure(number, rule_list, dataset, outcome, flags, threads_b)
        return False

    # -------------------------------------------------------------- shrinking
    def shrink_failure(self, number, rule_list, dataset, original, flags, threads_b):
        work = os.path.join(self.scratch, f"shrink-{number}")
        os.makedirs(work, exist_ok=True)
        kind = original.agree

        def reproduces(candidate_rules, candidate_data):
            if not candidate_rules:
                return False
            path = os.path.join(work, "candidate.rule")
            text, _ = rules.render_file(candidate_rules)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            if any(d[0] == "error" for d in self.fg.check(path)):
                return False
            data_dir = os.path.join(work, "data")
            shutil.rmtree(data_dir, ignore_errors=True)
            datagen.write(candidate_data, self.schema, data_dir)
            o = engines.compare_engines(self.fg, flags[0], flags[1], path, data_dir, os.path.join(work, "out"),
                                        threads_b)
            return o.agree == kind and not (o.agree and o.code_a == 0)

        started = time.monotonic()
        s = shrink.Shrinker(reproduces, shrink.Budget(self.args.shrink_seconds))
        small_rules, small_data = s.shrink(rule_list, dataset, original.rules)
        dest = os.path.join(self.out, f"failure-{number:03d}")
        shutil.rmtree(dest, ignore_errors=True)
        os.makedirs(dest)
        text, _ = rules.render_file(small_rules)
        rule_path = os.path.join(dest, "repro.rule")
        with open(rule_path, "w", encoding="utf-8") as f:
            f.write(text)
        datagen.write(small_data, self.schema, os.path.join(dest, "data"))
        final = engines.compare_engines(self.fg, flags[0], flags[1], rule_path, os.path.join(dest, "data"),
                                        os.path.join(dest, "out"), threads_b)
        a, b = self.args.engine_names
        fa = " ".join(flags[0]) or "(no --engine)"
        fb = " ".join(flags[1]) or "(no --engine)"
        rows = ", ".join(f"{t} {len(r)}" for t, r in small_data.items() if r)
        with open(os.path.join(dest, "README.txt"), "w", encoding="utf-8") as f:
            f.write(f"Round {number} of seed {self.args.seed}: engines {a} and {b} disagree.\n\n"
                    f"  fundguard run {fa} --rules repro.rule --data data --out out/a\n"
                    f"  fundguard run {fb} --threads {threads_b} --rules repro.rule --data data --out out/b\n"
                    f"  python3 tests/diff/compare_outputs.py out/a out/b\n\n"
                    f"Original difference:\n{original.report}\nAfter shrinking:\n{final.report}")
        print(f"  shrunk in {time.monotonic() - started:.0f} s ({s.tries} tries) to {len(small_rules)} rule(s), "
              f"data rows: {rows}")
        print(f"  reproduction: {dest}/ (repro.rule, data/, README.txt)")
        print("  " + "\n  ".join(r.render().rstrip() for r in small_rules).replace("\n", "\n  "))
        print(final.report)

    # -------------------------------------------------------------- coverage
    def coverage(self):
        covered_ops = sorted({op.split()[0] for op in self.op_counts})
        missing_ops = [o for o in self.ops if o not in covered_ops]
        used_fns = {op.split()[1] for op in self.op_counts if " " in op}
        # coalesce, lookup and rows are IR nodes of their own; date, month, ... are `call`s
        for fn in ("coalesce", "lookup", "rows"):
            if fn in self.op_counts:
                used_fns.add(fn)
        missing_fns = [f for f in self.functions if f not in used_fns]
        print(f"coverage: {len(self.ops) - len(missing_ops)}/{len(self.ops)} IR ops, "
              f"{len(self.functions) - len(missing_fns)}/{len(self.functions)} built-in functions "
              f"over {self.rules_run} rules")
        print("  missing IR ops: " + (", ".join(missing_ops) or "none"))
        print("  missing functions: " + (", ".join(missing_fns) or "none"))
        # typed variants (an op with its operand types), against those of the rules in the repository
        library_ir = self.fg.ir([os.path.join(ROOT, p) for p in ("stdlib-rules", "examples", "tests/engine")])
        _, library = engines.ir_coverage(library_ir, self.ops, self.functions)
        not_generated = sorted(v for v in library if v not in self.variants)
        print(f"  typed op variants (op, result and operand types): {len(self.variants)} generated; "
              f"{len(library) - len(not_generated)}/{len(library)} of those in stdlib-rules, examples and tests/engine")
        if not_generated:
            print("  library variants not generated: " + ", ".join(not_generated[:25])
                  + (" ..." if len(not_generated) > 25 else ""))
        top = sorted(self.op_counts.items(), key=lambda kv: -kv[1])
        print("  ops: " + ", ".join(f"{k} {v}" for k, v in top))
        print("  rules by scope: " + ", ".join(f"{k} {v}" for k, v in sorted(self.scopes.items())))


def main():
    args = parse_args()
    run = Run(args)
    try:
        flags = run.engine_flags()
    except engines.EngineUnavailable as e:
        print(f"FAIL {e}")
        return 1
    for name, f in zip(args.engine_names, flags):
        if not f:
            print(f'note: this fundguard has no --engine option; "{name}" runs its built-in interpreter')
    started = time.monotonic()
    for number in range(args.rounds):
        run.round(number, flags)
        if run.failures >= args.max_failures:
            print(f"stopping after {run.failures} failing rounds")
            break
    shutil.rmtree(run.scratch, ignore_errors=True)
    a, b = args.engine_names
    print(f"{args.rounds} rounds, {run.rules_run} rules, seed {args.seed}, {time.monotonic() - started:.0f} s: "
          f"{run.failures} failing rounds, {run.rejected_rules} generated rules refused by the checker")
    run.coverage()
    if not args.out and run.failures == 0:
        shutil.rmtree(run.out, ignore_errors=True)
    elif run.failures:
        print(f"reproductions in {run.out}")
    if run.failures or run.rejected_rules:
        print(f"FAIL {a} vs {b}")
        return 1
    print(f"ok: {a} and {b} agree on every round")
    return 0


if __name__ == "__main__":
    sys.exit(main())
