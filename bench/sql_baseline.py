#!/usr/bin/env python3
"""The SQL baseline of the benchmark: the stdlib rules that SQL can express (bench/sql/RULE.sql),
run by SQLite (Debian's python3 sqlite3 module) over the same CSV files as `fundguard run`.

    python3 bench/sql_baseline.py DATA_DIR [--db FILE] [--rules CH-01,CH-02] [--json OUT]

Three phases, each timed on its own: the load (CSV parse and insert, reversals deleted, as
`fundguard run` excludes them), the indexes (bench/sql/indexes.sql, with ANALYZE), and each
rule's query (one `SELECT count(*)`: the rule's number of hits). run-bench.py runs this as a
child process so that its peak memory is measured apart from the harness's.

The load converts cells the way FundGuard types them (std.schema): money to integer fen, dec to
REAL, `list of str` ("a|b") to a JSON array, empty cells to NULL. It is Python's csv module
feeding executemany, so the load time includes Python's CSV parsing: that is how a Debian machine
without other tools would load it, and it is reported separately from the queries.
"""
import argparse
import csv
import json
import os
import sqlite3
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SQL_DIR = os.path.join(HERE, "sql")
TABLES = ["setl_d", "fee_list_d", "psn_info_b", "fixmedins_b", "hilist_b", "item_rel_b", "psi_d",
          "pract_b", "诊断支撑_b"]
MONEY = {"medfee_sumamt", "fulamt_ownpay_amt", "inscp_scp_amt", "hifp_pay", "fund_pay_sumamt",
         "psn_pay", "acct_pay", "cash_payamt", "pric", "det_item_fee_sumamt", "pric_uplmt_lv1",
         "pric_uplmt_lv2", "pric_uplmt_lv3", "purc_pric"}
INTEGER = {"age", "beds", "lmt_age_min", "lmt_age_max", "lmt_course_days", "lmt_freq_cnt",
           "lmt_freq_days"}
REAL = {"cnt", "max_daily_cnt", "open_cnt", "purc_cnt", "close_cnt"}
LISTS = {"oth_dise_codg", "lmt_dise"}
BATCH = 50000


def fen(text):
    """'12.3' / '-0.05' / '7' -> integer fen, exactly (no float on the way)."""
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("+-").partition(".")
    value = int(whole or "0") * 100 + int((fraction + "00")[:2])
    return -value if negative else value


def converter(column):
    if column in MONEY:
        return lambda v: fen(v) if v else None
    if column in INTEGER:
        return lambda v: int(v) if v else None
    if column in REAL:
        return lambda v: float(v) if v else None
    if column in LISTS:
        return lambda v: json.dumps(v.split("|"), ensure_ascii=False) if v else None
    return lambda v: v if v else None


def load_table(con, data_dir, table):
    """Inserts DATA/TABLE.csv (header names the columns, any order); returns bytes read."""
    path = os.path.join(data_dir, table + ".csv")
    if not os.path.exists(path):
        return 0
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        convert = [converter(c) for c in header]
        sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
            table, ", ".join(header), ", ".join("?" * len(header)))
        batch = []
        for row in reader:
            batch.append([fn(v) for fn, v in zip(convert, row)])
            if len(batch) >= BATCH:
                con.executemany(sql, batch)
                batch.clear()
        con.executemany(sql, batch)
    return os.path.getsize(path)


def rule_ids():
    return sorted(n[:-4] for n in os.listdir(SQL_DIR)
                  if n.endswith(".sql") and n not in ("schema.sql", "indexes.sql"))


def run(data_dir, db_path, rules):
    if os.path.exists(db_path):
        os.remove(db_path)
    con = sqlite3.connect(db_path, isolation_level=None)
    # A throwaway database: no journal, no fsync, a 2 GB page cache, temporary b-trees in memory.
    for pragma in ("journal_mode = OFF", "synchronous = OFF", "locking_mode = EXCLUSIVE",
                   "cache_size = -2000000", "temp_store = MEMORY"):
        con.execute("PRAGMA " + pragma)
    with open(os.path.join(SQL_DIR, "schema.sql"), encoding="utf-8") as f:
        con.executescript(f.read())
    result = {"sqlite_version": sqlite3.sqlite_version, "db": db_path}

    start = time.perf_counter()
    con.execute("BEGIN")
    result["input_bytes"] = sum(load_table(con, data_dir, t) for t in TABLES)
    # As `fundguard run` without --include-reversals: reversal records and their lines are out.
    con.execute("DELETE FROM fee_list_d WHERE setl_id IN "
                "(SELECT setl_id FROM setl_d WHERE refd_setl_flag = '1')")
    con.execute("DELETE FROM setl_d WHERE refd_setl_flag = '1'")
    con.execute("COMMIT")
    result["load_seconds"] = time.perf_counter() - start

    start = time.perf_counter()
    with open(os.path.join(SQL_DIR, "indexes.sql"), encoding="utf-8") as f:
        con.executescript(f.read())
    result["index_seconds"] = time.perf_counter() - start

    result["rules"] = {}
    for rule in rules:
        with open(os.path.join(SQL_DIR, rule + ".sql"), encoding="utf-8") as f:
            sql = f.read()
        start = time.perf_counter()
        hits = con.execute(sql).fetchone()[0]
        result["rules"][rule] = {"hits": hits, "seconds": time.perf_counter() - start}
    result["query_seconds"] = sum(r["seconds"] for r in result["rules"].values())
    con.close()
    os.remove(db_path)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", help="dataset directory (NAME.csv per table)")
    ap.add_argument("--db", default=None, help="SQLite file to build (default: DATA/../sqlite-bench.db)")
    ap.add_argument("--rules", default=None, help="comma-separated rule ids (default: every bench/sql/RULE.sql)")
    ap.add_argument("--json", default=None, help="write the timings and counts here as JSON")
    a = ap.parse_args()
    rules = a.rules.split(",") if a.rules else rule_ids()
    db = a.db or os.path.join(os.path.dirname(os.path.abspath(a.data)), "sqlite-bench.db")
    result = run(a.data, db, rules)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1)
    print(f"sqlite {result['sqlite_version']}: load {result['load_seconds']:.2f} s, "
          f"indexes {result['index_seconds']:.2f} s, queries {result['query_seconds']:.2f} s")
    for rule, r in result["rules"].items():
        print(f"  {rule:8} {r['hits']:8d} hits  {r['seconds']:8.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
