#!/usr/bin/env python3
"""FundGuard synthetic settlement dataset generator (Python 3.11 standard library only).

Writes the eight CSV files of shared/data-contract.md (IP-07's diagnosis-to-examination table is
shipped with the rule itself), truth.csv (injected violations, one row per expected hit subject) and
near_misses.csv (boundary cases that must NOT hit). Same seed and arguments give byte-identical
files. Rows are streamed out person by person; only small per-institution aggregates are held.

  python3 tools/datagen/fundguard_datagen.py --out DIR --seed 1 --settlements 3000
  python3 tools/datagen/fundguard_datagen.py --out DIR --settlements 1000000 --lines-scale 2  # benchmark

See tools/datagen/README.md for the design: how clean data stays clear of every rule and how
each rule's cases are injected.
"""
import argparse
import csv
import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from catalog import (CATALOG, ITEMS, ITEM_REL, HILIST_COLS, NON_CATALOG_GOODS,  # noqa: E402
                     NON_CATALOG_HOSP, INPATIENT_DX, OUTPATIENT_DX, SURNAMES, GIVEN, TOWNS,
                     DEPTS)

YEAR = 2024
Y0 = dt.date(YEAR, 1, 1)
Y1 = dt.date(YEAR, 12, 31)
NDAYS = (Y1 - Y0).days + 1
LOCAL_ADMDVS = "320100"
OTHER_ADMDVS = ["340100", "370100", "410100", "330100", "420100"]
ADMIT_CAP = 9            # IN-01: clean admissions per institution per day stay below 10
KEY_MONTH_CAP = 999999   # DR-06: clean amount of a key item per institution-month < 10000.00 (fen)
FUND_SHARE_INP = {"0": 850, "1": 850, "2": 800, "3": 750}   # permille of eligible amount
DEDUCT_INP = {"0": 20000, "1": 30000, "2": 60000, "3": 80000}  # fen


def yuan(f):
    """fen (int) -> 'Y.FF'"""
    s = "-" if f < 0 else ""
    f = abs(f)
    return f"{s}{f // 100}.{f % 100:02d}"


def fen(y):
    return int(round(y * 100))


def dstr(d):
    return d.isoformat()


def age_at(brdy, d):
    return d.year - brdy.year - ((d.month, d.day) < (brdy.month, brdy.day))


def ym(d):
    return f"{d.year:04d}-{d.month:02d}"


def quarter(d):
    return f"{d.year:04d}Q{(d.month - 1) // 3 + 1}"   # the engine's form (2024Q3)


class Inst:
    __slots__ = ("code", "name", "type", "lv", "own", "admdvs", "beds", "agmt_begn", "agmt_end",
                 "susp_begn", "susp_end", "doctors", "expired_dr", "midyear_dr", "scenario_only")

    def __init__(self, **kw):
        self.susp_begn = self.susp_end = None
        self.doctors = []
        self.expired_dr = self.midyear_dr = None
        self.scenario_only = False
        for k, v in kw.items():
            setattr(self, k, v)

    def open_on(self, d):
        if self.agmt_end and d > self.agmt_end:
            return False
        if self.susp_begn and self.susp_begn <= d <= self.susp_end:
            return False
        return True


class Person:
    __slots__ = ("psn_no", "name", "gend", "brdy", "poverty", "wubao", "death", "admdvs", "insutype")


class Gen:
    def __init__(self, out, seed, n_setl, rate, lines_scale=1.0):
        self.out = out
        self.lines_scale = lines_scale
        self.seed = seed
        self.n_setl = n_setl
        self.rate = rate
        self.rng = random.Random(seed)
        self.setl_seq = 0
        self.fee_seq = 0
        self.psn_seq = 0
        self.truth = []
        self.near = []
        self.psi = {}            # (inst, code, ym) -> billed cnt (normal settlements only)
        self.psi_dirty = set()   # keys whose lines are not all at the standard price
        self.key_month = {}      # (inst, code, ym) -> fen, DR-06 cap
        self.admits = {}         # (inst, date) -> admissions, IN-01 cap
        self.n_written = 0
        self.stats = {"clean": 0, "scenario": 0, "reversal": 0, "lines": 0}
        os.makedirs(out, exist_ok=True)
        self.files = {}
        self.w = {}
        for name, cols in (
            ("setl_d", SETL_COLS), ("fee_list_d", FEE_COLS), ("psn_info_b", PSN_COLS)):
            f = open(os.path.join(out, name + ".csv"), "w", encoding="utf-8", newline="")
            w = csv.writer(f, lineterminator="\n")
            w.writerow(cols)
            self.files[name] = f
            self.w[name] = w
        self.build_institutions()

    # ------------------------------------------------------------------ reference data
    def build_institutions(self):
        r = self.rng
        n_hosp = max(40, self.n_setl // 2500)
        n_phar = max(16, self.n_setl // 10000)
        lv_cycle = ["1", "2", "1", "3", "2", "0", "1", "2", "1", "3"]
        self.insts = []
        hospital_kinds = {"0": "社区卫生服务中心", "1": "卫生院", "2": "人民医院", "3": "第一人民医院"}
        for i in range(n_hosp):
            lv = lv_cycle[i % len(lv_cycle)]
            town = TOWNS[i % len(TOWNS)]
            suffix = "" if i < len(TOWNS) else str(i // len(TOWNS) + 1)
            if lv == "3":
                name = f"南京市{town}区{['第一', '中医', '妇幼', '第二'][i % 4]}医院{suffix}"
            elif lv == "2":
                name = f"南京市{town}区人民医院{suffix}"
            elif lv == "1":
                name = f"{town}镇卫生院{suffix}"
            else:
                name = f"{town}社区卫生服务中心{suffix}"
            own = "2" if i % 7 == 5 else "1"
            beds = {"0": 20, "1": 60, "2": 300, "3": 900}[lv] + r.randint(0, 40)
            inst = Inst(code=f"H320100{i + 1:05d}", name=name, type="1", lv=lv, own=own,
                        admdvs=LOCAL_ADMDVS, beds=beds, agmt_begn=dt.date(2019, 1, 1),
                        agmt_end=dt.date(2026, 12, 31))
            self.insts.append(inst)
        for j in range(n_phar):
            town = TOWNS[j % len(TOWNS)]
            suffix = "" if j < len(TOWNS) else str(j // len(TOWNS) + 1)
            inst = Inst(code=f"P320100{j + 1:05d}", name=f"{['国药', '老百姓', '益丰', '同仁堂', '大参林'][j % 5]}大药房（{town}店）{suffix}",
                        type="2", lv="0", own="2", admdvs=LOCAL_ADMDVS, beds=0,
                        agmt_begn=dt.date(2020, 1, 1), agmt_end=dt.date(2026, 12, 31))
            self.insts.append(inst)
        self.hosps = [x for x in self.insts if x.type == "1"]
        self.phars = [x for x in self.insts if x.type == "2"]
        # IN-05: one pharmacy suspended in July, one hospital whose agreement ended 2024-10-31
        self.susp_phar = self.phars[1]
        self.susp_phar.susp_begn, self.susp_phar.susp_end = dt.date(YEAR, 7, 1), dt.date(YEAR, 7, 31)
        self.ended_hosp = [h for h in self.hosps if h.lv == "1"][1]
        self.ended_hosp.agmt_end = dt.date(YEAR, 10, 31)
        # scenario-only hospitals (IN-01, IN-02): level 1, private, no clean settlements
        for k, nm in enumerate(["仁爱康复医院", "博济老年病医院"]):
            inst = Inst(code=f"H320199{k + 1:05d}", name=f"南京{nm}", type="1", lv="1", own="2",
                        admdvs=LOCAL_ADMDVS, beds=80, agmt_begn=dt.date(2019, 1, 1),
                        agmt_end=dt.date(2026, 12, 31))
            inst.scenario_only = True
            self.insts.append(inst)
            self.hosps.append(inst)
        self.scn_in01, self.scn_in02 = self.hosps[-2], self.hosps[-1]
        self.clean_hosps = [h for h in self.hosps if not h.scenario_only]
        # weights: bigger hospitals see more patients
        self.hosp_w = [{"0": 1, "1": 2, "2": 4, "3": 7}[h.lv] for h in self.clean_hosps]
        self.hosp_by_lv = {}
        for h in self.hosps:
            self.hosp_by_lv.setdefault(h.lv, []).append(h)
        # practitioners
        self.pract = []
        for inst in self.hosps:
            nd = {"0": 4, "1": 6, "2": 12, "3": 20}[inst.lv]
            for k in range(nd):
                dr = f"D{inst.code[1:]}{k + 1:03d}"
                inst.doctors.append(dr)
                self.pract.append((dr, inst.code, dt.date(2018 + k % 5, 1, 1), None))
            inst.expired_dr = f"D{inst.code[1:]}901"
            self.pract.append((inst.expired_dr, inst.code, dt.date(2018, 1, 1), dt.date(2023, 12, 31)))
            inst.midyear_dr = f"D{inst.code[1:]}902"
            self.pract.append((inst.midyear_dr, inst.code, dt.date(2019, 3, 1), dt.date(YEAR, 6, 30)))

    # ------------------------------------------------------------------ persons
    def new_person(self, gend=None, age=None, poverty="0", wubao="0", admdvs=LOCAL_ADMDVS,
                   insutype=None, death=None, write=True):
        r = self.rng
        self.psn_seq += 1
        p = Person()
        p.psn_no = f"32010000{self.psn_seq:010d}"
        p.gend = gend or r.choice("12")
        if age is None:
            age = min(95, max(0, int(r.triangular(0, 95, 55))))
        # birth date such that age at mid-year is `age`
        p.brdy = dt.date(YEAR - age - 1, 7, 1) + dt.timedelta(days=r.randint(0, 364))
        if p.brdy.month == 2 and p.brdy.day == 29:
            p.brdy = p.brdy.replace(day=28)
        p.name = r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.randint(1, 2)))
        p.poverty, p.wubao, p.death, p.admdvs = poverty, wubao, death, admdvs
        p.insutype = insutype or ("310" if 22 <= age <= 62 and r.random() < 0.55 else "390")
        if write:
            self.write_person(p)
        return p

    def write_person(self, p):
        self.w["psn_info_b"].writerow([p.psn_no, p.gend, dstr(p.brdy), p.poverty, p.wubao,
                                       dstr(p.death) if p.death else "", p.admdvs])

    # ------------------------------------------------------------------ lines and settlements
    def price(self, code, inst):
        it = ITEMS[code]
        if it["price"] is not None:
            return fen(it["price"])
        c = it["ceil"]
        return fen(c[2] if inst.lv == "3" else c[1] if inst.lv == "2" else c[0])

    def ceiling(self, code, inst):
        c = ITEMS[code]["ceil"]
        if c is None:
            return None
        return fen(c[2] if inst.lv == "3" else c[1] if inst.lv == "2" else c[0])

    def line(self, code, inst, d, cnt=1, hour=None, dept="", dr="", rxno="", pric=None,
             inscp=None, name=None, lt=None, ct=None, lv=None):
        """A fee line as a mutable list; see emit()."""
        it = ITEMS.get(code)
        if pric is None:
            pric = self.price(code, inst)
        if hour is None:
            hour = self.rng.randint(8, 17)
        t = f"{dstr(d)} {hour:02d}:{self.rng.randint(0, 59):02d}:{self.rng.randint(0, 59):02d}"
        return [code, name or it["name"], lt or it["list_type"], ct or it["chrg"], lv or it["lv"],
                cnt, pric, inscp, t, dept, dr, rxno]

    def next_setl_id(self):
        self.setl_seq += 1
        return f"S{YEAR}{self.setl_seq:010d}"

    def emit(self, p, inst, med_type, begn, end, dx, lines, oth_dx="", setl_type="1", invono="",
             setl_time=None, gend=None, age=None, medfee_extra=0, psn_pay_zero=False,
             fund_override=None, inst_code=None, inst_name=None, refd=False, kind="clean"):
        """Write one settlement and its lines. Returns (setl_id, [feedetl_sn...], totals dict)."""
        setl_id = self.next_setl_id()
        mdtrt_id = "M" + setl_id[1:]
        sns = []
        medfee = ownpay = inscp_sum = 0
        fw = self.w["fee_list_d"]
        sign = -1 if refd else 1
        for ln in lines:
            code, name, lt, ct, lv, cnt, pric, inscp, t, dept, dr, rxno = ln
            det = cnt * pric
            if inscp is None:
                inscp = det if (lv in ("01", "02") and code in ITEMS) else 0
            ownpay += det - inscp
            self.fee_seq += 1
            sn = f"F{self.fee_seq:012d}"
            sns.append(sn)
            medfee += det
            inscp_sum += inscp
            fw.writerow([sn, setl_id, mdtrt_id, p.psn_no, t, code,
                         f"{(inst_code or inst.code)[-5:]}-{code[-6:]}", name, lt, ct, lv,
                         str(sign * cnt), yuan(pric), yuan(sign * det), yuan(sign * inscp), dept,
                         dr, rxno])
            if not refd and lt in ("101", "301") and code in ITEMS:
                k = ((inst_code or inst.code), code, t[:7])
                self.psi[k] = self.psi.get(k, 0) + cnt
        self.stats["lines"] += len(lines)
        medfee += medfee_extra
        # money split
        if fund_override is not None:
            fund = fund_override
        elif psn_pay_zero:
            fund = medfee
        elif med_type == "21":
            lvl = inst.lv if inst else "1"
            share = FUND_SHARE_INP[lvl] - (50 if p.insutype == "390" else 0)
            fund = max(0, (inscp_sum - DEDUCT_INP[lvl]) * share // 1000)
        elif med_type == "41":
            fund = 0
        else:
            share = 600 if med_type == "14" else 500
            fund = inscp_sum * share // 1000
        psn_pay = medfee - fund
        acct = psn_pay if (p.insutype == "310" and med_type != "21") else 0
        cash = psn_pay - acct
        if gend is None:
            gend = p.gend
        if age is None:
            age = age_at(p.brdy, begn)
        if setl_time is None:
            setl_time = f"{dstr(end)} {self.rng.randint(8, 20):02d}:{self.rng.randint(0, 59):02d}:{self.rng.randint(0, 59):02d}"
        dx_code, dx_name = (dx[0], dx[1]) if dx else ("", "")
        self.w["setl_d"].writerow([
            setl_id, mdtrt_id, p.psn_no, gend, dstr(p.brdy), age, p.insutype, p.admdvs,
            inst_code or inst.code, inst_name or inst.name, med_type, setl_type, invono,
            dstr(begn), dstr(end), setl_time, dx_code, dx_name, oth_dx,
            yuan(sign * medfee), yuan(sign * ownpay), yuan(sign * inscp_sum), yuan(sign * fund),
            yuan(sign * fund), yuan(sign * psn_pay), yuan(sign * acct), yuan(sign * cash),
            "1" if refd else "0"])
        self.stats[kind] = self.stats.get(kind, 0) + 1
        return setl_id, sns, dict(medfee=medfee, fund=fund, inscp=inscp_sum, psn_pay=psn_pay,
                                  acct=acct)

    # ------------------------------------------------------------------ truth helpers
    def hit(self, rule, scope, subject, setl_id="", feedetl_sn="", psn_no="", inst="", period="",
            amount=None, fund=None, note=""):
        self.truth.append([rule, scope, subject, setl_id, feedetl_sn, psn_no, inst, period,
                           yuan(amount) if amount is not None else "",
                           yuan(fund) if fund is not None else "", note])

    def miss(self, rule, subject, setl_id="", feedetl_sn="", psn_no="", inst="", period="", note=""):
        self.near.append([rule, subject, setl_id, feedetl_sn, psn_no, inst, period, note])


SETL_COLS = ["setl_id", "mdtrt_id", "psn_no", "gend", "brdy", "age", "insutype", "insu_admdvs",
             "fixmedins_code", "fixmedins_name", "med_type", "setl_type", "invono", "begndate",
             "enddate", "setl_time", "dise_codg", "dise_name", "oth_dise_codg", "medfee_sumamt",
             "fulamt_ownpay_amt", "inscp_scp_amt", "hifp_pay", "fund_pay_sumamt", "psn_pay",
             "acct_pay", "cash_payamt", "refd_setl_flag"]
FEE_COLS = ["feedetl_sn", "setl_id", "mdtrt_id", "psn_no", "fee_ocur_time", "med_list_codg",
            "medins_list_codg", "hilist_name", "list_type", "med_chrgitm_type", "chrgitm_lv",
            "cnt", "pric", "det_item_fee_sumamt", "inscp_scp_amt", "bilg_dept_codg",
            "bilg_dr_codg", "rxno"]
PSN_COLS = ["psn_no", "gend", "brdy", "poverty_flag", "wubao_flag", "death_date", "insu_admdvs"]
INST_COLS = ["fixmedins_code", "fixmedins_name", "fixmedins_type", "hosp_lv", "ownership",
             "admdvs", "beds", "agmt_begn", "agmt_end", "susp_begn", "susp_end"]
TRUTH_COLS = ["rule_id", "scope", "subject", "setl_id", "feedetl_sn", "psn_no", "fixmedins_code",
              "period", "amount", "fund_amount", "note"]
NEAR_COLS = ["rule_id", "subject", "setl_id", "feedetl_sn", "psn_no", "fixmedins_code", "period",
             "note"]

from clean import CleanMixin  # noqa: E402
from inject import InjectMixin  # noqa: E402
from volume import VolumeMixin  # noqa: E402


class Generator(CleanMixin, InjectMixin, VolumeMixin, Gen):
    def run(self):
        left = self.n_setl
        while left > 0:
            left -= self.person_year(left)
        self.run_scenarios()
        for f in self.files.values():
            f.close()
        self.write_refs()

    def csv_out(self, name, cols, rows):
        with open(os.path.join(self.out, name + ".csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(cols)
            w.writerows(rows)

    def write_refs(self):
        r = self.rng
        d = lambda x: dstr(x) if x else ""  # noqa: E731
        self.csv_out("fixmedins_b", INST_COLS, [
            [i.code, i.name, i.type, i.lv, i.own, i.admdvs, i.beds, d(i.agmt_begn), d(i.agmt_end),
             d(i.susp_begn), d(i.susp_end)] for i in self.insts])
        rows = []
        for it in CATALOG:
            c = it["ceil"] or (None, None, None)
            m = lambda v: yuan(fen(v)) if v is not None else ""  # noqa: E731
            s = lambda v: "" if v is None else str(v)  # noqa: E731
            rows.append([it["code"], it["name"], it["list_type"], it["chrg"], it["lv"], m(c[0]), m(c[1]),
                         m(c[2]), s(it["lmt_gend"]), s(it["lmt_age_min"]), s(it["lmt_age_max"]),
                         s(it["lmt_dise"]), it["lmt_inhosp"] or "0", s(it["max_daily"]),
                         it["rx"] or "0", it["key"] or "0", it["research"] or "0", s(it["lmt_hosp_lv"]),
                         s(it["lmt_insutype"]), s(it["course"]), s(it["freq_cnt"]), s(it["freq_days"]),
                         it["group"]])
        self.csv_out("hilist_b", HILIST_COLS, rows)
        self.csv_out("item_rel_b", ["code_a", "code_b", "rel"], [list(x) for x in ITEM_REL])
        self.csv_out("pract_b", ["dr_codg", "fixmedins_code", "valid_begn", "valid_end"],
                     [[a, b, d(c), d(e)] for a, b, c, e in self.pract])
        # psi_d: every (institution, drug/consumable, month) billed; DR-05 cases injected here
        known = {i.code: i for i in self.insts}
        keys = sorted(k for k in self.psi if k[0] in known)
        elig = [k for k in keys if self.psi[k] >= 5 and k not in self.psi_dirty
                and ITEMS[k[1]]["lv"] != "03"]
        want = max(1, int(round(self.rate * self.n_setl / 300)))
        pick = set(r.sample(elig, min(len(elig), want * 2))) if elig else set()
        pick_l = sorted(pick)
        inj, near = set(pick_l[0::2]), set(pick_l[1::2])
        rows = []
        for k in keys:
            inst, code, month = k
            b = self.psi[k]
            if k in inj:
                sold = b - 3
            elif k in near:
                sold = b
            else:
                sold = b + r.randint(0, max(1, b // 5))
            op, cl = r.randint(0, 60), r.randint(0, 60)
            purc = sold + cl - op
            if purc < 0:
                cl -= purc
                purc = 0
            std = self.price(code, known[inst])
            pp = std if known[inst].own == "1" else std * 85 // 100
            rows.append([inst, code, month, op, purc, yuan(pp), cl])
            if k in inj:
                a = std * 3
                self.hit("DR-05", "institution", f"{inst}|{month}|{code}", inst=inst, period=month,
                         amount=a, fund=a, note=f"billed {b}, psi sold {sold}")
            elif k in near:
                self.miss("DR-05", f"{inst}|{month}|{code}", inst=inst, period=month,
                          note=f"billed {b} = psi sold {sold}")
        self.csv_out("psi_d", ["fixmedins_code", "med_list_codg", "ym", "open_cnt", "purc_cnt",
                               "purc_pric", "close_cnt"], rows)
        self.csv_out("truth", TRUTH_COLS, self.truth)
        self.csv_out("near_misses", NEAR_COLS, self.near)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--settlements", type=int, default=3000,
                    help="number of background (person-generated) settlements")
    ap.add_argument("--injection-rate", type=float, default=0.02,
                    help="share of background settlements that receive one line/claim injection;"
                         " also scales the number of person and institution scenarios")
    ap.add_argument("--lines-scale", type=float, default=1.0,
                    help="about this many times the fee lines per clean settlement (routine"
                         " drugs, labs, consumables that hit no rule; 2 gives ~10 lines a"
                         " settlement, for benchmarks). 1 (default) adds none")
    a = ap.parse_args(argv)
    if a.lines_scale < 1:
        ap.error("--lines-scale must be at least 1")
    g = Generator(a.out, a.seed, a.settlements, a.injection_rate, a.lines_scale)
    g.run()
    print(f"wrote {a.out}: {g.setl_seq} settlements ({g.stats['clean']} background, "
          f"{g.stats['scenario']} scenario, {g.stats['reversal']} reversal), "
          f"{g.fee_seq} fee lines, {g.psn_seq} persons, {len(g.truth)} truth rows, "
          f"{len(g.near)} near misses", file=sys.stderr)


if __name__ == "__main__":
    main()
