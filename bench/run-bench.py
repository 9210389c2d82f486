#!/usr/bin/env python3
"""The FundGuard benchmark harness (bench/README.md). Python 3 standard library only.

    bench/run-bench.py --data DIR [--data DIR ...]      # datasets made by bench/make-dataset.sh
    bench/run-bench.py --sizes 100000,1000000 --work DIR # makes (or reuses) WORK/data-N first
    options: --quick  --skip-sql  --reps N  --threads 1,2  --out REPORT.md  --json RAW.json

For each dataset, each scope (the stdlib rules of that scope only, passed to `fundguard run` as
repeated --rules FILE) and the full standard library, it runs `fundguard run` with
--engine interp and --engine jit, each with every --threads count, and records wall time, the
child's peak RSS (os.wait4), the rows screened (summary.json) and the engine's own timings
(OUT/timings.json, when the binary writes it). It runs the memory-bandwidth probe
(fundguard_membw) and the SQL baseline (sql_baseline.py: SQLite over the same CSV) in the same
run, checks SQL's hit count per rule against FundGuard's hits.csv, and prints a Markdown report.

A binary without --engine, or whose JIT is not there yet, is handled: the interpreter runs without
the option, and the JIT columns read n/a with the reason.
"""
import argparse
import collections
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
STDLIB = os.path.join(ROOT, "stdlib-rules")
SCOPES = ["line", "claim", "person", "institution"]
# What one subject of each scope is, for the report's "rows" column.
ROW_NAMES = {"line": "fee lines", "claim": "settlements", "person": "persons",
             "institution": "institution-periods", "full": "fee lines"}
# One fee line in memory: 18 columns, each a 64-bit cell plus a presence byte (docs/architecture.md).
FEE_LINE_BYTES = 18 * 9

sys.path.insert(0, HERE)
import report  # noqa: E402


def rules_by_scope():
    """{scope: [rule files]} from each file's `scope` line (std/ holds no rules)."""
    found = collections.defaultdict(list)
    for folder, _, files in sorted(os.walk(STDLIB)):
        for name in sorted(files):
            if not name.endswith(".rule") or os.path.basename(folder) == "std":
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                m = re.search(r"^\s*scope\s+(line|claim|person|institution)\b", f.read(), re.M)
            if m:
                found[m.group(1)].append(path)
    return found


def run_child(argv, stdout_path):
    """Runs argv; returns (exit code, wall seconds, peak RSS in MiB, stderr text)."""
    with open(stdout_path, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return child.returncode, wall, usage.ru_maxrss / 1024.0, err.read().decode("utf-8", "replace")


class Runner:
    def __init__(self, args, work):
        self.args = args
        self.work = work
        self.engine_flag = True      # cleared when the binary does not know --engine
        self.jit_missing = None      # the reason the JIT cannot run, once known

    def fundguard(self, data, rule_files, engine, threads, tag):
        """One `fundguard run`; returns a result dict, or {"na": reason}."""
        if engine == "jit" and self.jit_missing:
            return {"na": self.jit_missing}
        out = os.path.join(self.work, "out-" + tag)
        shutil.rmtree(out, ignore_errors=True)
        argv = [self.args.fundguard, "run", "--data", data, "--out", out, "--threads", str(threads)]
        for path in rule_files:
            argv += ["--rules", path]
        if self.engine_flag:
            argv += ["--engine", engine]
        best = None
        for _ in range(self.args.reps):
            code, wall, rss, err = run_child(argv, out + ".stdout")
            if code == 2 and self.engine_flag and "--engine" in argv and "engine" in err:
                # A binary from before the JIT: no --engine at all. The interpreter is its engine.
                self.engine_flag = False
                self.jit_missing = "the binary has no --engine option"
                return self.fundguard(data, rule_files, engine, threads, tag)
            if code != 0:
                reason = (err.strip().splitlines() or ["exit %d" % code])[-1][:120]
                if engine == "jit":
                    self.jit_missing = "jit: " + reason
                    return {"na": self.jit_missing}
                raise SystemExit("fundguard failed (exit %d): %s\n%s" % (code, " ".join(argv), err))
            if best is None or wall < best["wall"]:
                best = {"wall": wall, "rss_mib": rss}
        best.update(read_outputs(out))
        best["threads"] = threads
        return best


def read_outputs(out):
    """Rows per scope from summary.json, hits per rule from hits.csv, timings.json if there."""
    result = {"timings": None}
    with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
        summary = json.load(f)
    result["screened"] = {r["id"]: r.get("screened") or 0 for r in summary["rules"]}
    result["tables"] = {t["table"]: t for t in summary.get("tables", [])}
    with open(os.path.join(out, "hits.csv"), encoding="utf-8", newline="") as f:
        result["hits"] = dict(collections.Counter(row["rule_id"] for row in csv.DictReader(f)))
    timings = os.path.join(out, "timings.json")
    if os.path.exists(timings):
        with open(timings, encoding="utf-8") as f:
            result["timings"] = json.load(f)
    return result


def membw(args, work, threads):
    """Runs (building if needed) the bandwidth probe; returns {threads: rows/s, ...}."""
    probe = args.membw
    if not probe or not os.path.exists(probe):
        probe = os.path.join(work, "fundguard_membw")
        subprocess.run(["c++", "-O2", "-std=c++17", "-pthread", os.path.join(HERE, "membw.cpp"),
                        "-o", probe], check=True)
    mib, passes = ("64", "1") if args.quick else ("1024", "5")
    out = subprocess.run([probe, "--mib", mib, "--passes", passes, "--threads", str(max(threads)),
                          "--bytes-per-row", str(FEE_LINE_BYTES), "--json"],
                         check=True, capture_output=True, text=True).stdout
    data = json.loads(out)
    return {r["threads"]: r for r in data["results"]}


def front_end_seconds(args, rule_files):
    """Compile time stand-in while timings.json is missing: `fundguard ir` (parse, check, lower)."""
    argv = [args.fundguard, "ir"] + rule_files
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def sql_baseline(args, data, work):
    out_json = os.path.join(work, "sql.json")
    argv = [sys.executable, os.path.join(HERE, "sql_baseline.py"), data,
            "--db", os.path.join(work, "sqlite-bench.db"), "--json", out_json]
    code, wall, rss, err = run_child(argv, os.path.join(work, "sql.stdout"))
    if code != 0:
        return {"error": err.strip()[-300:]}
    with open(out_json, encoding="utf-8") as f:
        result = json.load(f)
    result["wall"] = wall
    result["rss_mib"] = rss
    return result


def dataset_facts(data):
    size = sum(os.path.getsize(os.path.join(data, n)) for n in os.listdir(data) if n.endswith(".csv"))
    return {"path": data, "csv_bytes": size}


def bench_dataset(args, data, work):
    groups = rules_by_scope()
    # A JIT cache of this run's own: the first JIT run of each rule set compiles cold (a cache
    # miss), the following ones load the cached object code; timings.json says which.
    os.environ["FUNDGUARD_JIT_CACHE"] = os.path.join(work, "jit-cache-%d" % os.getpid())
    runner = Runner(args, work)
    threads = [int(t) for t in args.threads.split(",")]
    if args.quick:
        threads = threads[:1]
    result = {"dataset": dataset_facts(data), "runs": {}, "threads": threads}
    result["membw"] = membw(args, work, threads)
    targets = [(scope, groups[scope]) for scope in SCOPES if groups.get(scope)]
    targets.append(("full", [STDLIB]))
    if args.scopes:
        wanted = args.scopes.split(",")
        targets = [t for t in targets if t[0] in wanted]
    for scope, files in targets:
        result["runs"][scope] = {"front_end_seconds": front_end_seconds(args, files)}
        for engine in args.engines.split(","):
            for t in threads:
                tag = "%s-%s-%d" % (scope, engine, t)
                print("  fundguard run: %-11s %-6s --threads %d" % (scope, engine, t), file=sys.stderr)
                result["runs"][scope]["%s-%d" % (engine, t)] = runner.fundguard(data, files, engine, t, tag)
    result["engine_option"] = runner.engine_flag
    if not args.skip_sql:
        print("  SQL baseline (SQLite)", file=sys.stderr)
        result["sql"] = sql_baseline(args, data, work)
    return result


def ensure_dataset(size, work):
    path = os.path.join(work, "data-%d" % size)
    if not os.path.exists(os.path.join(path, "setl_d.csv")):
        subprocess.run([os.path.join(HERE, "make-dataset.sh"), path, str(size)], check=True)
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", action="append", default=[], help="dataset directory (repeatable)")
    ap.add_argument("--sizes", default=None, help="comma-separated settlement counts: make or reuse WORK/data-N")
    ap.add_argument("--work", default=None, help="where datasets, outputs and the SQLite file go (default: a temp dir)")
    ap.add_argument("--fundguard", default=os.environ.get("FUNDGUARD", os.path.join(ROOT, "build/cli/fundguard")))
    ap.add_argument("--membw", default=os.environ.get("FUNDGUARD_MEMBW", os.path.join(ROOT, "build/bench/fundguard_membw")))
    ap.add_argument("--threads", default="1,2", help="thread counts to run (default 1,2)")
    ap.add_argument("--reps", type=int, default=1, help="runs of each configuration; the fastest counts")
    ap.add_argument("--engines", default="interp,jit", help="engines to run (default interp,jit)")
    ap.add_argument("--scopes", default=None, help="only these of line,claim,person,institution,full")
    ap.add_argument("--quick", action="store_true", help="one thread count, a small bandwidth probe (smoke test)")
    ap.add_argument("--skip-sql", action="store_true", help="do not run the SQL baseline")
    ap.add_argument("--out", default=None, help="write the Markdown report here too")
    ap.add_argument("--json", default=None, help="write the raw results here")
    args = ap.parse_args()
    if not os.path.exists(args.fundguard):
        ap.error("no fundguard binary at %s (set FUNDGUARD or --fundguard)" % args.fundguard)
    work = args.work or tempfile.mkdtemp(prefix="fundguard-bench-")
    os.makedirs(work, exist_ok=True)
    datasets = list(args.data)
    if args.sizes:
        datasets += [ensure_dataset(int(n), work) for n in args.sizes.split(",")]
    if not datasets:
        ap.error("give --data DIR or --sizes N")
    results = []
    for data in datasets:
        print("dataset %s" % data, file=sys.stderr)
        results.append(bench_dataset(args, os.path.abspath(data), work))
    text = report.markdown(results, ROW_NAMES, " ".join(sys.argv))
    print(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, ensure_ascii=False)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
