"""The Markdown report of run-bench.py: one section per dataset, a table of FundGuard runs (scope x
engine x threads) and a table of the SQL baseline with its per-rule hit-count check.

Where the binary writes OUT/timings.json the engine's own phase times are used (screen time per
scope, load time and input bytes for CSV ingest, compile time); otherwise the wall time of the
whole run stands in for the screen time (marked "wall"), CSV ingest is n/a, and the compile
column shows the front end's time (`fundguard ir`, marked "fe")."""


def fmt(value, digits=2):
    if value is None:
        return "n/a"
    if isinstance(value, str):
        return value
    if value >= 1e6:
        return "{:,.0f}".format(value)
    return "{:,.{}f}".format(value, digits)


def rows_screened(run, scope):
    if scope == "full":
        return run["tables"].get("fee_list_d", {}).get("kept") or 0
    return max(run["screened"].values() or [0])


def screen_seconds(run, scope):
    """(seconds, how it was measured)."""
    t = run.get("timings")
    if t:
        per_scope = t.get("scope_seconds") or {}
        if scope != "full" and per_scope.get(scope) is not None:
            return per_scope[scope], "engine"
        if t.get("screen_seconds") is not None:
            return t["screen_seconds"], "engine"
    return run["wall"], "wall"


def ingest_mb_s(run):
    t = run.get("timings") or {}
    if t.get("input_bytes") and t.get("load_seconds"):
        return t["input_bytes"] / t["load_seconds"] / 1e6
    return None


def compile_cell(run, front_end):
    t = run.get("timings") or {}
    if t.get("compile_seconds") is not None:
        cached = t.get("compile_cache_hit")
        if t.get("engine") == "jit" and cached is not None:
            return fmt(t["compile_seconds"], 3) + (" cached" if cached else " cold")
        return fmt(t["compile_seconds"], 3)
    return fmt(front_end, 3) + " fe"


def scope_table(result, row_names):
    probe = result["membw"]
    lines = ["| scope | rows | engine | threads | wall s | screen s | rows/s per core | JIT/interp "
             "| % of probe | CSV ingest MB/s | peak MiB | compile s |",
             "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for scope, runs in result["runs"].items():
        for engine in ("interp", "jit"):
            for t in result["threads"]:
                run = runs.get("%s-%d" % (engine, t))
                name = "%s (%s)" % (scope, row_names[scope])
                if run is None or "na" in run:
                    reason = run["na"] if run else "not run"
                    lines.append("| %s | | %s | %d | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a (%s) |"
                                 % (name, engine, t, reason))
                    continue
                rows = rows_screened(run, scope)
                seconds, how = screen_seconds(run, scope)
                per_core = rows / seconds / t if seconds else None
                ratio = None
                interp = runs.get("interp-%d" % t)
                if engine == "jit" and interp and "na" not in interp:
                    i_seconds, _ = screen_seconds(interp, scope)
                    ratio = i_seconds / seconds if seconds else None
                share = None
                if scope in ("line", "full") and t in probe and seconds:
                    share = 100.0 * rows / seconds / probe[t]["rows_per_s"]
                lines.append("| %s | %s | %s | %d | %s | %s %s | %s | %s | %s | %s | %s | %s |" % (
                    name, fmt(rows, 0), engine, t, fmt(run["wall"]), fmt(seconds), how,
                    fmt(per_core, 0), fmt(ratio) + ("x" if ratio else ""),
                    fmt(share, 1 if share is None or share >= 1 else 3) + ("%" if share is not None else ""),
                    fmt(ingest_mb_s(run), 1), fmt(run["rss_mib"], 0),
                    compile_cell(run, runs["front_end_seconds"])))
    return lines


def sql_table(result):
    sql = result.get("sql")
    if sql is None:
        return ["SQL baseline skipped (--skip-sql)."]
    if "error" in sql:
        return ["SQL baseline failed: `%s`" % sql["error"]]
    full = result["runs"]["full"]
    reference = next((full[k] for k in ("interp-1", "jit-1") if k in full and "na" not in full[k]), None)
    fg_hits = reference["hits"] if reference else {}
    lines = ["| rule | SQLite hits | FundGuard hits | check | SQLite query s |",
             "|---|---:|---:|---|---:|"]
    mismatches = 0
    for rule, r in sorted(sql["rules"].items()):
        mine = fg_hits.get(rule, 0)
        ok = mine == r["hits"]
        mismatches += not ok
        lines.append("| %s | %d | %d | %s | %.3f |" % (rule, r["hits"], mine, "ok" if ok else "**MISMATCH**", r["seconds"]))
    lines.append("")
    lines.append("%d rules written in SQL, %d hit counts differ from FundGuard's." % (len(sql["rules"]), mismatches))
    lines.append("")
    lines.append("| | SQLite %s | FundGuard interp, 1 thread | FundGuard jit, 1 thread |" % sql["sqlite_version"])
    lines.append("|---|---:|---:|---:|")

    def fg(key, field):
        run = full.get(key)
        if not run or "na" in run:
            return "n/a"
        if field == "wall":
            return fmt(run["wall"])
        if field == "rss":
            return fmt(run["rss_mib"], 0)
        t = run.get("timings") or {}
        return fmt(t.get(field)) if t.get(field) is not None else "n/a"
    lines.append("| load (CSV ingest) s | %s | %s | %s |" % (fmt(sql["load_seconds"]), fg("interp-1", "load_seconds"), fg("jit-1", "load_seconds")))
    lines.append("| indexes s | %s | | |" % fmt(sql["index_seconds"]))
    lines.append("| queries / screening s | %s (%d rules) | %s (all rules) | %s (all rules) |" % (
        fmt(sql["query_seconds"]), len(sql["rules"]), fg("interp-1", "screen_seconds"), fg("jit-1", "screen_seconds")))
    lines.append("| end to end s | %s | %s | %s |" % (fmt(sql["wall"]), fg("interp-1", "wall"), fg("jit-1", "wall")))
    lines.append("| peak MiB | %s | %s | %s |" % (fmt(sql["rss_mib"], 0), fg("interp-1", "rss"), fg("jit-1", "rss")))
    for key, name in (("interp-1", "interpreter"), ("jit-1", "JIT")):
        run = full.get(key)
        if run and "na" not in run and run["wall"]:
            lines.append("")
            lines.append("End to end, SQLite (%d rules) / FundGuard %s (every rule): %.2fx."
                         % (len(sql["rules"]), name, sql["wall"] / run["wall"]))
    return lines


def markdown(results, row_names, command):
    out = ["# FundGuard benchmark", "", "Command: `%s`" % command, ""]
    for result in results:
        ds = result["dataset"]
        full = result["runs"]["full"]
        ref = next((r for r in full.values() if isinstance(r, dict) and "tables" in r), None)
        tables = ref["tables"] if ref else {}
        out.append("## Dataset `%s`" % ds["path"])
        out.append("")
        out.append("%s settlements, %s fee lines (kept, after reversals), %.0f MB of CSV." % (
            fmt(tables.get("setl_d", {}).get("kept"), 0), fmt(tables.get("fee_list_d", {}).get("kept"), 0),
            ds["csv_bytes"] / 1e6))
        probe = result["membw"]
        out.append("")
        out.append("Memory-bandwidth probe (fundguard_membw, int64 sum): " + "; ".join(
            "%d thread%s %.1f GB/s = %s fee-line rows/s at %d B/row" % (
                t, "" if t == 1 else "s", r["gb_per_s"], fmt(r["rows_per_s"], 0), 162)
            for t, r in sorted(probe.items())))
        if not result.get("engine_option", True):
            out.append("")
            out.append("The binary has no `--engine` option: the interpreter ran without it; JIT is n/a.")
        out.append("")
        out += scope_table(result, row_names)
        out.append("")
        out.append("### SQL baseline")
        out.append("")
        out += sql_table(result)
        out.append("")
    return "\n".join(out)
