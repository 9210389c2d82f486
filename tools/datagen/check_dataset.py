#!/usr/bin/env python3
"""Validate a FundGuard dataset directory against shared/data-contract.md.

  python3 tools/datagen/check_dataset.py DIR

Checks: every contract file present with exactly the contract's columns; keys unique; types
(code dictionaries, int, dec, money with exactly 2 decimals, date, datetime); line amount =
cnt x pric; each settlement's medfee_sumamt = sum of its lines (settlements listed in truth.csv
under PH-03 and in near_misses.csv under PH-03 are exempt: their difference is the injection);
fund_pay_sumamt <= medfee_sumamt and psn_pay = medfee - fund for normal records; fee lines
point at existing settlements. Exits 1 and prints the problems when any check fails."""
import csv
import os
import re
import sys

COLS = {
    "setl_d": "setl_id mdtrt_id psn_no gend brdy age insutype insu_admdvs fixmedins_code fixmedins_name med_type setl_type invono begndate enddate setl_time dise_codg dise_name oth_dise_codg medfee_sumamt fulamt_ownpay_amt inscp_scp_amt hifp_pay fund_pay_sumamt psn_pay acct_pay cash_payamt refd_setl_flag",
    "fee_list_d": "feedetl_sn setl_id mdtrt_id psn_no fee_ocur_time med_list_codg medins_list_codg hilist_name list_type med_chrgitm_type chrgitm_lv cnt pric det_item_fee_sumamt inscp_scp_amt bilg_dept_codg bilg_dr_codg rxno",
    "psn_info_b": "psn_no gend brdy poverty_flag wubao_flag death_date insu_admdvs",
    "fixmedins_b": "fixmedins_code fixmedins_name fixmedins_type hosp_lv ownership admdvs beds agmt_begn agmt_end susp_begn susp_end",
    "hilist_b": "hilist_code hilist_name list_type med_chrgitm_type chrgitm_lv pric_uplmt_lv1 pric_uplmt_lv2 pric_uplmt_lv3 lmt_gend lmt_age_min lmt_age_max lmt_dise lmt_inhosp max_daily_cnt rx_flag key_monitor research_flag lmt_hosp_lv lmt_insutype lmt_course_days lmt_freq_cnt lmt_freq_days item_group",
    "item_rel_b": "code_a code_b rel",
    "psi_d": "fixmedins_code med_list_codg ym open_cnt purc_cnt purc_pric close_cnt",
    "pract_b": "dr_codg fixmedins_code valid_begn valid_end",
}
KEYS = {"setl_d": ["setl_id"], "fee_list_d": ["feedetl_sn"], "psn_info_b": ["psn_no"],
        "fixmedins_b": ["fixmedins_code"], "hilist_b": ["hilist_code"],
        "item_rel_b": ["code_a", "code_b", "rel"], "psi_d": ["fixmedins_code", "med_list_codg", "ym"],
        "pract_b": ["dr_codg", "fixmedins_code", "valid_begn"]}
MONEY = re.compile(r"^-?\d+\.\d\d$")
DEC = re.compile(r"^-?\d+(\.\d{1,4})?$")
INT = re.compile(r"^-?\d+$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
CODES = {
    "gend": {"1", "2"}, "insutype": {"310", "390"}, "med_type": {"11", "13", "14", "21", "41"},
    "setl_type": {"1", "2"}, "refd_setl_flag": {"0", "1"}, "list_type": {"101", "102", "201", "301"},
    "med_chrgitm_type": {f"{i:02d}" for i in range(1, 15)}, "chrgitm_lv": {"01", "02", "03"},
    "fixmedins_type": {"1", "2"}, "hosp_lv": {"0", "1", "2", "3"}, "ownership": {"1", "2"},
    "rel": {"includes", "exclusive", "requires"}, "poverty_flag": {"0", "1"}, "wubao_flag": {"0", "1"},
    "lmt_inhosp": {"0", "1"}, "rx_flag": {"0", "1"}, "key_monitor": {"0", "1"}, "research_flag": {"0", "1"},
    "lmt_gend": {"1", "2"}, "lmt_hosp_lv": {"0", "1", "2", "3"}, "lmt_insutype": {"310", "390"},
    "item_group": set("BED NURSING CT MRI DIALYSIS REHAB STENT SURGERY EXAM LAB DRUG CONSUMABLE TREATMENT IMPLANT OTHER".split()),
}
TYPES = {}
for c in "medfee_sumamt fulamt_ownpay_amt inscp_scp_amt hifp_pay fund_pay_sumamt psn_pay acct_pay cash_payamt pric det_item_fee_sumamt pric_uplmt_lv1 pric_uplmt_lv2 pric_uplmt_lv3 purc_pric".split():
    TYPES[c] = MONEY
for c in "cnt max_daily_cnt open_cnt purc_cnt close_cnt".split():
    TYPES[c] = DEC
for c in "age beds lmt_age_min lmt_age_max lmt_course_days lmt_freq_cnt lmt_freq_days".split():
    TYPES[c] = INT
for c in "brdy begndate enddate death_date agmt_begn agmt_end susp_begn susp_end valid_begn valid_end".split():
    TYPES[c] = DATE
for c in ("setl_time", "fee_ocur_time"):
    TYPES[c] = DATETIME


def fen(s):
    neg = s.startswith("-")
    a, b = s.lstrip("-").split(".")
    v = int(a) * 100 + int(b)
    return -v if neg else v


def main(d):
    errs = []

    def err(msg):
        if len(errs) < 200:
            errs.append(msg)

    exempt = set()
    for extra in ("truth.csv", "near_misses.csv"):
        pth = os.path.join(d, extra)
        if os.path.exists(pth):
            with open(pth, encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    if row["rule_id"] == "PH-03" and row.get("setl_id"):
                        exempt.add(row["setl_id"])
    setl_fee = {}
    line_sum = {}
    for name, cols in COLS.items():
        pth = os.path.join(d, name + ".csv")
        if not os.path.exists(pth):
            err(f"{name}.csv missing")
            continue
        with open(pth, "rb") as fb:
            if b"\r\n" in fb.read(1 << 20):
                err(f"{name}.csv: CRLF line ends")
        with open(pth, encoding="utf-8", newline="") as f:
            rd = csv.reader(f)
            head = next(rd)
            if head != cols.split():
                err(f"{name}.csv: columns {head} != contract {cols.split()}")
                continue
            seen = set()
            kidx = [head.index(k) for k in KEYS[name]]
            for n, row in enumerate(rd, 2):
                if len(row) != len(head):
                    err(f"{name}.csv:{n}: {len(row)} fields")
                    continue
                rec = dict(zip(head, row))
                k = tuple(row[i] for i in kidx)
                if k in seen:
                    err(f"{name}.csv:{n}: duplicate key {k}")
                seen.add(k)
                for c, v in rec.items():
                    if v == "":
                        continue
                    if c in TYPES and not TYPES[c].match(v):
                        err(f"{name}.csv:{n}: {c}={v!r} bad type")
                    if c in CODES and v not in CODES[c]:
                        err(f"{name}.csv:{n}: {c}={v!r} not in dictionary")
                if name == "fee_list_d":
                    try:
                        cnt, pric, det = float(rec["cnt"]), fen(rec["pric"]), fen(rec["det_item_fee_sumamt"])
                        if round(cnt * pric) != det:
                            err(f"fee_list_d.csv:{n}: det_item_fee_sumamt != cnt x pric")
                        if fen(rec["inscp_scp_amt"]) * (1 if det >= 0 else -1) > abs(det):
                            err(f"fee_list_d.csv:{n}: inscp_scp_amt > line amount")
                    except (ValueError, KeyError):
                        pass
                    line_sum[rec["setl_id"]] = line_sum.get(rec["setl_id"], 0) + fen(rec["det_item_fee_sumamt"] or "0.00")
                if name == "setl_d":
                    try:
                        m, fu, pp = fen(rec["medfee_sumamt"]), fen(rec["fund_pay_sumamt"]), fen(rec["psn_pay"])
                        setl_fee[rec["setl_id"]] = m
                        if rec["refd_setl_flag"] != "1":
                            if fu > m or fu < 0:
                                err(f"setl_d.csv:{n}: fund_pay_sumamt outside 0..medfee_sumamt")
                            if pp != m - fu:
                                err(f"setl_d.csv:{n}: psn_pay != medfee - fund")
                            if fen(rec["acct_pay"]) + fen(rec["cash_payamt"]) != pp:
                                err(f"setl_d.csv:{n}: acct_pay + cash_payamt != psn_pay")
                        if rec["enddate"] < rec["begndate"]:
                            err(f"setl_d.csv:{n}: enddate before begndate")
                    except (ValueError, KeyError):
                        pass
    for sid, s in line_sum.items():
        if sid not in setl_fee:
            err(f"fee_list_d: lines of unknown settlement {sid}")
    for sid, m in setl_fee.items():
        if sid not in exempt and line_sum.get(sid, 0) != m:
            err(f"setl_d: {sid} medfee_sumamt {m} != sum of lines {line_sum.get(sid, 0)}")
    if errs:
        print("\n".join(errs))
        print(f"check_dataset: {len(errs)} problem(s)", file=sys.stderr)
        return 1
    print(f"check_dataset: {d}: OK ({len(setl_fee)} settlements, {sum(1 for _ in line_sum)} with lines)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
