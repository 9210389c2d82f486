#!/usr/bin/env python3
"""Recall and precision of the rule library on a generated dataset.

Generates a synthetic dataset with tools/datagen (unless --data is given), runs `fundguard run`
with stdlib-rules over it, and matches the hits against the dataset's truth.csv (injected cases)
and near_misses.csv (boundary cases that must not hit). Prints one line per rule and a total;
--markdown / --update-doc write the same table as Markdown (for docs/rules.md).

    scripts/evaluate [--settlements N] [--seed S] [--data DIR] [--fundguard BIN]
                     [--markdown OUT.md] [--update-doc docs/rules.md] [--list]

Exit status: 0 every injected case found and no near miss hit; 1 otherwise; 2 the dataset could
not be made or screened. Python 3.11 standard library only.

Matching (a hit counts for a case of the same rule):
* the case's subject is `KEY` or `KEY|PART|...`. KEY (a feedetl_sn, setl_id, psn_no or
  fixmedins_code) must be one of the hit's keys: its setl_id / feedetl_sn / psn_no /
  fixmedins_code columns or an id listed in its violating / involved columns;
* every further PART (a period such as 2024-05 or 2024Q3, a day, an item code, a diagnosis
  category, a department) must equal the hit's period or one of the values in its evidence;
* the case's period column, when set, must equal the hit's period when the hit has one.
Periods are compared without a dash before the quarter (2024-Q3 = 2024Q3).
A hit is true when it matches a case of its rule, false otherwise. A near miss is hit when a hit
of its rule matches it the same way; the rule `*` (reversal records) is hit by any hit that
names the reversal settlement.
"""
import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEGIN, END = "<!-- evaluation:begin -->", "<!-- evaluation:end -->"
KEY_COLS = ("setl_id", "feedetl_sn", "psn_no", "fixmedins_code")

# Where the statistical screens fall short, and why they can hit clean generated records.
# Printed under the table for a rule that has false hits, and always in the Markdown.
LIMITS = {
    "IN-04": "z-score (> 3) of an institution's cost per stay for one diagnosis category against "
             "its same-level peers, per quarter, from 30 stays, and at least 1.3 x the peers' mean (a "
             "z-score alone flags a 1 % difference when peers are nearly equal). The generated institutions share "
             "one cost distribution and few reach 30 stays of a category in a quarter, so the "
             "clean background seldom compares at all; with more data each comparable group is a "
             "draw from the same distribution, and for normal averages about 1 in 740 such groups "
             "passes z > 3 by chance: a false hit by nature. Recall is bounded by the peer count: "
             "one outlier among N peers reaches at most z = (N-1)/sqrt(N), so a level with fewer "
             "than 11 institutions with data can never hit, and a second outlier in the same "
             "level inflates the standard deviation and can mask both. Real case-mix differences "
             "(a tertiary hospital's K81 patients are sicker) are not in the generated data, so "
             "real precision will be lower than measured here.",
    "IN-07": "ratio (> 1.5) of the exam cost per stay of out-of-region to local patients at one "
             "institution, per quarter and category, from 10 stays of each. Clean exams do not "
             "depend on the region, but the ratio of two small random averages can pass 1.5 by "
             "chance once enough institution-category-quarter groups reach 10 out-of-region stays "
             "(large datasets); real out-of-region patients are often referred, sicker cases, a "
             "difference the rule reads as over-examination.",
    "IN-03": "share of stays by poverty / wubao persons or elderly with a mild diagnosis against "
             "same-level peers (z > 3 and at least 10 points above the peers' mean), per month, from 20 "
             "stays. The clean data never admits such "
             "persons, so the background is zero by design and precision here says nothing about "
             "real data, where these shares vary widely between institutions; recall has the "
             "same peer-count bound as IN-04.",
    "IP-04": "share of stays with self-payment under 5 % against same-level peers (z > 3 and at "
             "least 10 points above the peers' mean: when almost every peer has a share of 0, one "
             "case gives z = sqrt(N-1)), per month, from 20 stays. Zero background by design (every clean stay pays >= 15 %), "
             "as IN-03; real data has legitimately waived cases (special populations, 医疗救助) "
             "that this screen cannot separate.",
    "PH-04": "share of round-amount pharmacy settlements (multiples of 10 yuan) against other "
             "pharmacies (z > 3 and at least 10 points above their mean), per month, from 50 "
             "settlements. Clean totals are never round, so "
             "the background is zero by design; in real data about 1 in 10 random totals is a "
             "multiple of 10 yuan, and a pharmacy with few, similar-priced products can pass the "
             "threshold innocently.",
    "DR-06": "growth (> 50 %) of a key-monitored item's amount over the previous month, from a "
             "base of 10,000.00. Clean amounts stay under the base in every institution-month, so "
             "the background is zero by design; real seasonal demand, a new ward or a price "
             "change grow the same way, and a quarter-long scheme that ramps up slowly stays "
             "under 50 % a month.",
    "IN-01": "days with >= 10 admissions and more than 3 x the institution's daily median. "
             "Clean admissions are capped at 9 an institution a day, so the background is zero "
             "by design; a large hospital's busy Monday can hit in real data.",
    "IN-02": ">= 10 stays in a month whose fund payments have a coefficient of variation "
             "under 5 %. Clean stays vary in length and items, so the CV stays far above 5 %; "
             "real single-disease fixed-price (按病种付费) stays have equal payments by design.",
    "IP-08": "the same set of >= 8 admission exams on more than 80 % (and >= 30) of a "
             "department's stays in a quarter. Clean stays draw 2-4 general labs at random and at "
             "most 7 codes, so no set dominates; real clinical pathways prescribe fixed panels.",
}

# Known causes of false hits of rules that are not statistical screens (rule bugs reported to
# the rule library, or generator limits). Printed when the rule has false hits.
KNOWN = {
    "NT-03": "rule bug: the course day count sums each settlement's distinct dates instead of "
             "the distinct dates across settlements, so the PS-02 scenario (an online stay and a "
             "manual reimbursement duplicating it, the same 5 days of the course-limited drug) "
             "counts 8 days in the 14-day window and both settlements hit. The rule's own comment "
             "says a day counts once across settlements.",
}


def norm_period(p):
    return p.replace("-Q", "Q")


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def ids_of(cell):
    """'fee_list_d:F1;setl_d:S2' -> {'F1', 'S2'}"""
    out = set()
    for part in cell.split(";"):
        part = part.strip()
        if part:
            out.add(part.split(":", 1)[-1])
    return out


class Hit:
    __slots__ = ("row", "rule", "keys", "period", "values", "text")

    def __init__(self, row):
        self.row = row
        self.rule = row["rule_id"]
        self.keys = {row[k] for k in KEY_COLS if row.get(k)}
        self.keys |= ids_of(row.get("violating", "")) | ids_of(row.get("involved", ""))
        self.period = norm_period(row.get("period", ""))
        self.values = set()
        for part in row.get("evidence", "").split("; "):
            if "=" in part:
                self.values.add(part.split("=", 1)[1].strip())
        self.text = row.get("evidence", "") + " " + row.get("message", "")


def matches(case, hit):
    parts = case["subject"].split("|")
    if parts[0] not in hit.keys:
        return False
    for part in parts[1:]:
        if part == "" or norm_period(part) == hit.period or part in hit.values:
            continue
        return False
    period = norm_period(case.get("period", ""))
    return not (period and hit.period and period != hit.period)


def evaluate(truth, near, hit_rows, library=()):
    hits = [Hit(r) for r in hit_rows]
    by_rule = {}
    for h in hits:
        by_rule.setdefault(h.rule, []).append(h)
    cases_by_rule = {}
    for c in truth:
        cases_by_rule.setdefault(c["rule_id"], []).append(c)
    near_by_rule = {}
    for n in near:
        near_by_rule.setdefault(n["rule_id"], []).append(n)
    rules = sorted(set(library) | set(by_rule) | set(cases_by_rule) | {r for r in near_by_rule if r != "*"})
    rows, missed, false_hits, near_hit = [], [], [], []
    for rule in rules:
        cases = cases_by_rule.get(rule, [])
        rhits = by_rule.get(rule, [])
        found = [c for c in cases if any(matches(c, h) for h in rhits)]
        missed += [c for c in cases if not any(matches(c, h) for h in rhits)]
        true = [h for h in rhits if any(matches(c, h) for c in cases)]
        false_hits += [h for h in rhits if not any(matches(c, h) for c in cases)]
        nh = [n for n in near_by_rule.get(rule, []) if any(matches(n, h) for h in rhits)]
        near_hit += [(n, rule) for n in nh]
        rows.append(dict(rule=rule, cases=len(cases), found=len(found), hits=len(rhits),
                         true=len(true), false=len(rhits) - len(true),
                         near=len(near_by_rule.get(rule, [])), near_hit=len(nh)))
    # reversal records: no hit of any rule may name them
    for n in near_by_rule.get("*", []):
        if any(n["subject"] in h.keys for h in hits):
            near_hit.append((n, "*"))
    return rows, missed, false_hits, near_hit


def ratio(a, b):
    return f"{a / b:.3f}" if b else "-"


def table(rows, n_reversal_hit, n_reversal):
    t = dict(rule="total", cases=0, found=0, hits=0, true=0, false=0, near=0, near_hit=0)
    for r in rows:
        for k in t:
            if k != "rule":
                t[k] += r[k]
    t["near"] += n_reversal
    t["near_hit"] += n_reversal_hit
    head = ["rule", "injected", "found", "recall", "hits", "true hits", "false hits",
            "precision", "near misses", "near misses hit"]
    body = []
    for r in rows + [t]:
        body.append([r["rule"], str(r["cases"]), str(r["found"]), ratio(r["found"], r["cases"]),
                     str(r["hits"]), str(r["true"]), str(r["false"]), ratio(r["true"], r["hits"]),
                     str(r["near"]), str(r["near_hit"])])
    return head, body


def text_table(head, body):
    w = [max(len(x[i]) for x in [head] + body) for i in range(len(head))]
    fmt = lambda r: "  ".join(c.ljust(w[i]) if i == 0 else c.rjust(w[i]) for i, c in enumerate(r))  # noqa: E731
    return "\n".join([fmt(head)] + [fmt(r) for r in body])


def md_table(head, body):
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|"]
    for r in body:
        if r[0] == "total":
            r = [f"**{c}**" for c in r]
        out.append("| " + " | ".join(r) + " |")
    return "\n".join(out)


def describe_hit(h):
    r = h.row
    keys = " ".join(f"{k}={r[k]}" for k in KEY_COLS + ("period",) if r.get(k))
    return f"{h.rule} {keys} amount={r['amount']} violating={r.get('violating', '')} [{r.get('evidence', '')[:160]}]"


def count_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.reader(f)) - 1


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--settlements", type=int, default=3000, help="background settlements (default 3000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--injection-rate", type=float, default=None, help="datagen --injection-rate (default: datagen's)")
    ap.add_argument("--data", help="an existing generated dataset (with truth.csv) instead of generating one")
    ap.add_argument("--fundguard", default=os.path.join(ROOT, "build", "cli", "fundguard"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--work", help="keep the generated dataset and the run's output here (default: a temporary directory)")
    ap.add_argument("--markdown", metavar="OUT.md", help="write the table as Markdown (between the evaluation markers)")
    ap.add_argument("--update-doc", metavar="DOC.md",
                    help="replace the text between the evaluation markers in DOC.md; writes the fragment there if DOC.md does not exist")
    ap.add_argument("--list", action="store_true", help="list every missed case, false hit and near miss hit")
    a = ap.parse_args(argv)

    if not (os.path.isfile(a.fundguard) and os.access(a.fundguard, os.X_OK)):
        print(f"evaluate: no fundguard binary at {a.fundguard} (build it, or give --fundguard BIN)", file=sys.stderr)
        return 2
    work = a.work or tempfile.mkdtemp(prefix="fg-evaluate-")
    os.makedirs(work, exist_ok=True)
    try:
        return run(a, work)
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)


def run(a, work):
    if a.data:
        data = a.data
        cmd_line = f"scripts/evaluate --data {a.data}"
        made = f"the dataset in `{a.data}`"
    else:
        data = os.path.join(work, "data")
        gen = [sys.executable, os.path.join(ROOT, "tools", "datagen", "fundguard_datagen.py"), "--out", data,
               "--seed", str(a.seed), "--settlements", str(a.settlements)]
        opt = ""
        if a.injection_rate is not None:
            gen += ["--injection-rate", str(a.injection_rate)]
            opt = f" --injection-rate {a.injection_rate}"
        cmd_line = f"scripts/evaluate --settlements {a.settlements} --seed {a.seed}{opt}"
        made = (f"`python3 tools/datagen/fundguard_datagen.py --seed {a.seed} --settlements {a.settlements}{opt}`")
        p = subprocess.run(gen, capture_output=True, text=True)
        if p.returncode != 0:
            sys.stderr.write(p.stderr)
            print("evaluate: the dataset generator failed", file=sys.stderr)
            return 2
    for f in ("setl_d.csv", "truth.csv", "near_misses.csv"):
        if not os.path.exists(os.path.join(data, f)):
            print(f"evaluate: {data} has no {f}", file=sys.stderr)
            return 2
    out = os.path.join(work, "out")
    env = dict(os.environ, FUNDGUARD_LIB=os.path.join(ROOT, "stdlib-rules"))
    p = subprocess.run([a.fundguard, "run", "--rules", os.path.join(ROOT, "stdlib-rules"), "--data", data,
                        "--out", out, "--threads", str(a.threads)], capture_output=True, text=True, env=env)
    if p.returncode != 0:
        sys.stderr.write(p.stdout[-2000:] + p.stderr[-4000:])
        print(f"evaluate: fundguard run exited {p.returncode}", file=sys.stderr)
        return 2
    truth = read_csv(os.path.join(data, "truth.csv"))
    near = read_csv(os.path.join(data, "near_misses.csv"))
    hit_rows = read_csv(os.path.join(out, "hits.csv"))
    with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
        summary = json.load(f)
    skipped = [r["id"] for r in summary.get("rules", []) if r.get("status") != "ran"]
    library = sorted({r["id"] for r in summary.get("rules", [])})

    rows, missed, false_hits, near_hit = evaluate(truth, near, hit_rows, library)
    n_rev = sum(1 for n in near if n["rule_id"] == "*")
    n_rev_hit = sum(1 for _, r in near_hit if r == "*")
    head, body = table(rows, n_rev_hit, n_rev)
    no_truth = [r for r in library if not any(c["rule_id"] == r for c in truth)]

    n_setl = count_rows(os.path.join(data, "setl_d.csv"))
    n_lines = count_rows(os.path.join(data, "fee_list_d.csv"))
    background = "" if a.data else f" ({a.settlements} background)"
    size = (f"{n_setl} settlements{background}, {n_lines} fee lines, {len(truth)} injected cases, "
            f"{len(near)} near misses ({n_rev} reversal record{'s' if n_rev != 1 else ''})")
    rule_hash = summary.get("rule_set_hash", "")
    false_by_rule = {}
    for h in false_hits:
        false_by_rule.setdefault(h.rule, []).append(h)
    ok = not missed and not near_hit

    print(f"command: {cmd_line}")
    print(f"dataset: {size}")
    print(f"rules: stdlib-rules, {len(library)} rules, rule set {rule_hash[:16]}")
    print(text_table(head, body))
    if skipped:
        print(f"skipped rules: {', '.join(skipped)}")
    if no_truth:
        print(f"rules without an injected case: {', '.join(no_truth)}")
    for r in sorted(false_by_rule):
        why = LIMITS.get(r) or KNOWN.get(r) or "not explained: a generator or rule bug to look into"
        print(f"{r}: {len(false_by_rule[r])} false hits. {why}")
    if a.list or missed or near_hit:
        for c in missed:
            print(f"MISSED {c['rule_id']} {c['subject']} ({c['note']})")
        for n, r in near_hit:
            print(f"NEAR MISS HIT {r} {n['subject']} ({n['note']})")
    if a.list:
        for h in false_hits:
            print("FALSE " + describe_hit(h))
    print("result: " + ("every injected case found, no near miss hit" if ok else
                        f"{len(missed)} injected cases missed, {len(near_hit)} near misses hit"))

    if a.markdown or a.update_doc:
        md = markdown(cmd_line, made, size, rule_hash, library, head, body, skipped, no_truth, false_by_rule, ok,
                      len(missed), len(near_hit))
        if a.markdown:
            with open(a.markdown, "w", encoding="utf-8", newline="\n") as f:
                f.write(md)
        if a.update_doc:
            update_doc(a.update_doc, md)
    return 0 if ok else 1


def markdown(cmd_line, made, size, rule_hash, library, head, body, skipped, no_truth, false_by_rule, ok,
             n_missed, n_near):
    L = [BEGIN, "",
         f"Output of `{cmd_line}` (the same bytes for the same seed, size and rules): "
         f"{made} generates a synthetic dataset with injected cases of every rule "
         f"(`truth.csv`) and boundary cases that must not hit (`near_misses.csv`), "
         f"`fundguard run` screens it with `stdlib-rules/` ({len(library)} rules, rule set "
         f"`{rule_hash[:16]}`), and every hit is matched against the two files.",
         "",
         f"Dataset: {size}.",
         "",
         md_table(head, body),
         "",
         "Recall = found / injected; precision = true hits / hits; a false hit matches no injected "
         "case of its rule. A near miss hit is a boundary case (or a reversal record, counted in "
         "the total) that a rule wrongly reported. The institution-level screens get one "
         "injected case each (a scenario built to pass the threshold clearly), so their recall "
         "of 1.0 shows that the rule works, not how sensitive it is.",
         ""]
    if skipped:
        L += [f"Skipped rules: {', '.join(skipped)}.", ""]
    if no_truth:
        L += [f"Rules without an injected case: {', '.join(no_truth)}.", ""]
    L += ["Result: " + ("every injected case found, no near miss hit." if ok else
                        f"{n_missed} injected cases missed, {n_near} near misses hit."), ""]
    L += ["Where the statistical screens fall short:", ""]
    for r in sorted(LIMITS):
        n = len(false_by_rule.get(r, []))
        L.append(f"* **{r}** ({n} false hit{'s' if n != 1 else ''} here): {LIMITS[r]}")
    other = sorted(r for r in false_by_rule if r not in LIMITS)
    if other:
        L += ["", "False hits of the other rules:", ""]
        for r in other:
            n = len(false_by_rule[r])
            L.append(f"* **{r}** ({n} false hit{'s' if n != 1 else ''}): " +
                     KNOWN.get(r, "not explained yet: a generator or rule bug to look into."))
    L += ["", END, ""]
    return "\n".join(wrap(x) for x in L)


def wrap(par):
    """Prose at 100 columns like the other docs; table rows and markers as they are."""
    if par.startswith(("|", "<!--")) or len(par) <= 100:
        return par
    if par.startswith("* "):
        return textwrap.fill(par, 100, subsequent_indent="  ", break_on_hyphens=False)
    return textwrap.fill(par, 100, break_on_hyphens=False)


def update_doc(path, md):
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(md)
        return
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    i, j = doc.find(BEGIN), doc.find(END)
    if i < 0 or j < i:
        print(f"evaluate: {path} has no {BEGIN} ... {END} markers; not changed", file=sys.stderr)
        return
    new = doc[:i] + md.rstrip("\n") + doc[j + len(END):]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(new)


if __name__ == "__main__":
    sys.exit(main())
