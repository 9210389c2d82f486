"""Injected violations (truth.csv) and near misses (near_misses.csv).

Line- and claim-scope rules are injected by mutating a clean encounter just before it is written
(Mut objects). Person- and institution-scope rules are injected as scenarios: small groups of
settlements for dedicated new persons, written after the background. See README.md."""
import csv
import datetime as dt
import os

from catalog import ITEMS, ITEM_REL, HILIST_COLS, NON_CATALOG_GOODS, NON_CATALOG_HOSP, DEPTS

YEAR = 2024
Y0 = dt.date(YEAR, 1, 1)
D = lambda m, d: dt.date(YEAR, m, d)  # noqa: E731
PKG = "003301000010000"
COMP = ["003301000020000", "003301000030000"]


def yuan(f):
    s = "-" if f < 0 else ""
    f = abs(f)
    return f"{s}{f // 100}.{f % 100:02d}"


class Mut:
    """One mutation: rule id, mutate(ctx, L) and record(ctx, L, res)."""

    def __init__(self, rule, mutate, record):
        self.rule, self.mutate_fn, self.record_fn = rule, mutate, record

    def mutate(self, ctx, L):
        self.mutate_fn(ctx, L)

    def record(self, ctx, L, res):
        self.record_fn(ctx, L, res)


class InjectMixin:
    # ================================================================== mutations
    def maybe_inject(self, ctx):
        r = self.rng
        counts = getattr(self, "mut_counts", None)
        if counts is None:
            counts = self.mut_counts = {}
        cands = self.applicable(ctx)
        # every applicable rule gets at least one case early on, then the rate applies
        first = any(counts.get(c, 0) == 0 for c in cands) and r.random() < 0.25
        if not cands or (r.random() >= self.rate and not first):
            return None
        low = min(counts.get(c, 0) for c in cands)
        pool = [c for c in cands if counts.get(c, 0) == low]
        rule = r.choice(pool)
        counts[rule] = counts.get(rule, 0) + 1
        return getattr(self, "mut_" + rule.replace("-", "_"))(ctx)

    def applicable(self, ctx):
        k, p, inst = ctx["kind"], ctx["p"], ctx["inst"]
        if k == "21":
            cat = ctx["dx"][0][:3]
            los = (ctx["end"] - ctx["begn"]).days
            c = ["CH-01", "CH-03", "CH-04", "CH-04-b", "CH-04-c", "CH-05", "CH-06", "CH-08",
                 "IP-07", "NT-06", "SP-02", "PS-03", "IN-06", "NM-PS-03"]
            if cat == "K80":
                c = [x for x in c if x != "CH-03"] + ["CH-02"]
            if inst.own == "1":
                c += ["CH-07", "NM-CH-07"]
            if los >= 5:
                c.append("IP-02")
            if self.age(p, ctx["begn"]) < 65:
                c.append("IP-03")
            if inst.lv < "2":
                c.append("NT-01")
            if p.insutype == "390":
                c.append("NT-02")
            if cat not in ("K80", "S72", "I21", "I25"):
                c.append("SP-03")
            return c
        if k in ("11", "13", "14"):
            c = ["CH-01", "DR-01", "DR-02", "DR-04", "IN-06", "PS-03", "NT-06", "CH-06"]
            if ctx["dx"][0].startswith("E11"):
                c.remove("DR-01")
            age = self.age(p, ctx["begn"])
            if age >= 15:
                c.append("DR-03")
            if age == 14:
                c.append("NM-DR-03")
            if p.insutype == "390":
                c.append("NT-02")
            if inst.lv < "2":
                c.append("NT-01")
            return c
        if k == "41":
            c = ["DR-08", "PH-03", "NM-PH-03"]
            if p.insutype == "310":
                c.append("PH-01")
            return c
        return []

    # helpers
    def _add(self, ctx, L, code, d=None, cnt=1, **kw):
        inst = ctx["inst"]
        d = d or ctx["begn"]
        dr = kw.pop("dr", inst.doctors[0] if inst.doctors else "")
        ln = self.line(code, inst, d, cnt, kw.pop("hour", 10), kw.pop("dept", "D01"), dr,
                       kw.pop("rxno", ""), **kw)
        L.append(ln)
        return len(L) - 1

    def _line_hit(self, rule, ctx, res, i, amount, fund, note=""):
        sid, sns, _ = res
        self.hit(rule, "line", sns[i], setl_id=sid, feedetl_sn=sns[i], psn_no=ctx["p"].psn_no,
                 inst=ctx["inst"].code, amount=amount, fund=fund, note=note)

    def _claim_hit(self, rule, ctx, res, amount, fund, note="", feedetl_sn=""):
        sid = res[0]
        self.hit(rule, "claim", sid, setl_id=sid, feedetl_sn=feedetl_sn, psn_no=ctx["p"].psn_no,
                 inst=ctx["inst"].code, amount=amount, fund=fund, note=note)

    def _det(self, L, i):
        return L[i][5] * L[i][6]

    # ---- line rules
    def mut_CH_01(self, ctx):
        st = {}

        def m(ctx, L):
            i = next(j for j, x in enumerate(L) if x[0] in ("110200005000000", "110200001000000", "110900001000000"))
            c = self.ceiling(L[i][0], ctx["inst"])
            delta = max(100, c // 5)
            L[i][6] = c + delta
            st.update(i=i, delta=delta)

        def rec(ctx, L, res):
            a = st["delta"] * L[st["i"]][5]
            self._line_hit("CH-01", ctx, res, st["i"], a, a, "price above the level ceiling")
        return Mut("CH-01", m, rec)

    def mut_CH_06(self, ctx):
        st = {}

        def m(ctx, L):
            if self.rng.random() < 0.5:
                code, name, lt, ct, price = NON_CATALOG_HOSP[0]
                st["i"] = self._add(ctx, L, code, cnt=2, pric=int(price * 100), name=name, lt=lt,
                                    ct=ct, lv="02")
                L[st["i"]][7] = self._det(L, st["i"])
                st["note"] = "code not in hilist_b, fund-eligible"
            else:
                st["i"] = self._add(ctx, L, "331100000010000")
                L[st["i"]][7] = self._det(L, st["i"])
                st["note"] = "丙类 item with inscp_scp_amt > 0"

        def rec(ctx, L, res):
            a = self._det(L, st["i"])
            self._line_hit("CH-06", ctx, res, st["i"], a, a, st["note"])
        return Mut("CH-06", m, rec)

    def _ch07(self, ctx, near):
        st = {}

        def m(ctx, L):
            idx = [j for j, x in enumerate(L) if x[2] == "101" and x[0] in ITEMS and x[4] != "03"]
            i = idx[0]
            std = L[i][6]
            up = 1 if near else max(2, std * 15 // 100)
            L[i][6] = std + up
            st.update(i=i, up=up)
            self.psi_dirty.add((ctx["inst"].code, L[i][0], L[i][8][:7]))

        def rec(ctx, L, res):
            i = st["i"]
            if near:
                sid, sns, _ = res
                self.miss("CH-07", sns[i], setl_id=sid, feedetl_sn=sns[i], inst=ctx["inst"].code,
                          note="price = purchase price + 0.01 (tolerance 0.01)")
            else:
                a = st["up"] * L[i][5]
                self._line_hit("CH-07", ctx, res, i, a, a, "public institution, price above purchase price")
        return Mut("CH-07", m, rec)

    def mut_CH_07(self, ctx):
        return self._ch07(ctx, False)

    def mut_NM_CH_07(self, ctx):
        return self._ch07(ctx, True)

    def _simple_add(self, rule, code, cnt=1, day=1, note="", rxno=""):
        st = {}

        def m(ctx, L):
            d = min(ctx["begn"] + dt.timedelta(days=day), ctx["end"])
            st["i"] = self._add(ctx, L, code, d, cnt, rxno=rxno)

        def rec(ctx, L, res):
            a = self._det(L, st["i"])
            self._line_hit(rule, ctx, res, st["i"], a, a, note)
        return Mut(rule, m, rec)

    def mut_CH_08(self, ctx):
        st = {}
        code = "311300007000000"

        def m(ctx, L):
            # a stay may already bill the item self-pay (max 1 a day): make that line fund-eligible
            # instead of adding a second one, which would also hit CH-04-b
            i = next((j for j, x in enumerate(L) if x[0] == code), None)
            if i is None:
                d = min(ctx["begn"] + dt.timedelta(days=1), ctx["end"])
                i = self._add(ctx, L, code, d, 1)
            else:
                L[i][7] = self._det(L, i)
            st["i"] = i

        def rec(ctx, L, res):
            a = self._det(L, st["i"])
            self._line_hit("CH-08", ctx, res, st["i"], a, a, "research item, fund-eligible")
        return Mut("CH-08", m, rec)

    def mut_DR_01(self, ctx):
        return self._simple_add("DR-01", "XA10BHS101A001", 7, note="limited to E11, diagnosis differs", rxno="RXINJ")

    def mut_DR_02(self, ctx):
        if ctx["p"].gend == "1":
            return self._simple_add("DR-02", "311201000010000", note="female-only item, male person")
        return self._simple_add("DR-02", "XG04CAT038A001", 7, note="male-only item, female person", rxno="RXINJ")

    def mut_DR_03(self, ctx):
        return self._simple_add("DR-03", "XR05CBA093E001", 1, note="max age 14, person older", rxno="RXINJ")

    def mut_NM_DR_03(self, ctx):
        st = {}

        def m(ctx, L):
            if not any(x[0] == "XR05CBA093E001" for x in L):
                st["i"] = self._add(ctx, L, "XR05CBA093E001", ctx["begn"], 1, rxno="RXINJ")
            else:
                st["i"] = next(j for j, x in enumerate(L) if x[0] == "XR05CBA093E001")

        def rec(ctx, L, res):
            sid, sns, _ = res
            self.miss("DR-03", sns[st["i"]], setl_id=sid, feedetl_sn=sns[st["i"]],
                      note="person aged exactly 14, limit max 14")
        return Mut("NM-DR-03", m, rec)

    def mut_DR_04(self, ctx):
        return self._simple_add("DR-04", "XJ01DHM047B002", 1, note="inpatient-only drug in outpatient", rxno="RXINJ")

    def mut_NT_01(self, ctx):
        return self._simple_add("NT-01", "210400001000000", note="MRI limited to level >= 2")

    def mut_NT_02(self, ctx):
        return self._simple_add("NT-02", "XL04AXL032A001", 1, note="limited to insutype 310", rxno="RXINJ")

    def mut_IN_06(self, ctx):
        st = {}

        def m(ctx, L):
            st["i"] = 0
            L[0][10] = ctx["inst"].expired_dr

        def rec(ctx, L, res):
            a = self._det(L, 0)
            self._line_hit("IN-06", ctx, res, 0, a, a, "doctor's registration ended 2023-12-31")
        return Mut("IN-06", m, rec)

    def mut_DR_08(self, ctx):
        st = {}

        def m(ctx, L):
            st["i"] = self._add(ctx, L, "XA02BCA211A001", ctx["begn"], 14, dept="", dr="")
            self.unround(L, ctx["inst"], ctx["begn"])

        def rec(ctx, L, res):
            a = self._det(L, st["i"])
            self._line_hit("DR-08", ctx, res, st["i"], a, a, "pharmacy, prescription drug, no rxno")
        return Mut("DR-08", m, rec)

    def mut_PH_01(self, ctx):
        st = {}

        def m(ctx, L):
            code, name, ct, price = NON_CATALOG_GOODS[self.rng.randrange(len(NON_CATALOG_GOODS))]
            st["i"] = self._add(ctx, L, code, ctx["begn"], 1, pric=int(round(price * 100)), name=name,
                                lt="301", ct=ct, lv="03", inscp=0, dept="", dr="")
            self.unround(L, ctx["inst"], ctx["begn"])

        def rec(ctx, L, res):
            a = self._det(L, st["i"])
            card = res[2]["fund"] + res[2]["acct"]
            self._line_hit("PH-01", ctx, res, st["i"], a, min(a, card), "non-catalogue goods paid by card")
        return Mut("PH-01", m, rec)

    # ---- claim rules
    def mut_PH_03(self, ctx):
        def m(ctx, L):
            ctx["medfee_extra"] = 10000

        def rec(ctx, L, res):
            t = res[2]
            card = t["fund"] + t["acct"]
            self._claim_hit("PH-03", ctx, res, 10000, 10000 * card // t["medfee"],
                            "medfee_sumamt exceeds sum of lines by 100.00")
        return Mut("PH-03", m, rec)

    def mut_NM_PH_03(self, ctx):
        def m(ctx, L):
            ctx["medfee_extra"] = 5
            while (sum(x[5] * x[6] for x in L) + 5) % 1000 == 0:     # PH-04: stay non-round
                L.append(self.line("ZA12BAT0133010100", ctx["inst"], ctx["begn"], 7, None, "", "", ""))

        def rec(ctx, L, res):
            self.miss("PH-03", res[0], setl_id=res[0], note="medfee exceeds lines by exactly 0.05 (tolerance)")
        return Mut("NM-PH-03", m, rec)

    def mut_PS_03(self, ctx):
        st = {}

        def m(ctx, L):
            if self.rng.random() < 0.5 or ctx["kind"] != "21":   # age variant only on stays (DR-03 uses setl.age)
                ctx["gend"] = "2" if ctx["p"].gend == "1" else "1"
                st["note"] = "settlement gend differs from psn_info_b"
            else:
                ctx["age"] = self.age(ctx["p"], ctx["begn"]) + 3
                st["note"] = "settlement age 3 years off the registered birth date"

        def rec(ctx, L, res):
            self._claim_hit("PS-03", ctx, res, res[2]["medfee"], res[2]["fund"], st["note"])
        return Mut("PS-03", m, rec)

    def mut_NM_PS_03(self, ctx):
        def m(ctx, L):
            ctx["age"] = self.age(ctx["p"], ctx["begn"]) + 1

        def rec(ctx, L, res):
            self.miss("PS-03", res[0], setl_id=res[0], note="settlement age 1 year off (tolerance 1)")
        return Mut("NM-PS-03", m, rec)

    def mut_CH_02(self, ctx):
        st = {}

        def m(ctx, L):
            i = next(j for j, x in enumerate(L) if x[0] == PKG)
            d = dt.date.fromisoformat(L[i][8][:10])
            st["i"] = self._add(ctx, L, COMP[0], d, 1, dept="D02")

        def rec(ctx, L, res):
            a = self._det(L, st["i"])
            sid, sns, _ = res
            self._claim_hit("CH-02", ctx, res, a, a, "component billed on the package's day; subject is the component line",
                            feedetl_sn=sns[st["i"]])
        return Mut("CH-02", m, rec)

    def mut_CH_03(self, ctx):
        st = {}

        def m(ctx, L):
            d = ctx["begn"] + dt.timedelta(days=1)
            st["i"] = [self._add(ctx, L, c, d, 1, dept="D02") for c in COMP]

        def rec(ctx, L, res):
            s = sum(self._det(L, i) for i in st["i"])
            a = s - self.ceiling(PKG, ctx["inst"])
            self._claim_hit("CH-03", ctx, res, a, a, "two package components billed without the package")
        return Mut("CH-03", m, rec)

    def _extra_day(self, rule, group):
        st = {}

        def m(ctx, L):
            code = next(x[0] for x in L if ITEMS.get(x[0], {}).get("group") == group)
            st["i"] = self._add(ctx, L, code, ctx["end"], 1, hour=7)

        def rec(ctx, L, res):
            a = self._det(L, st["i"])
            self._claim_hit(rule, ctx, res, a, a, f"{group} billed for one day more than the stay")
        return Mut(rule, m, rec)

    def mut_CH_04(self, ctx):
        return self._extra_day("CH-04", "BED")

    def mut_CH_04_c(self, ctx):
        return self._extra_day("CH-04-c", "NURSING")

    def mut_CH_04_b(self, ctx):
        st = {}

        def m(ctx, L):
            d = ctx["begn"]
            n = 1 if ctx["dx"][0].startswith("E11") else 3
            st["i"] = [self._add(ctx, L, "250102035000000", d, 1, hour=13 + k) for k in range(n)]

        def rec(ctx, L, res):
            a = L[st["i"][0]][6]
            self._claim_hit("CH-04-b", ctx, res, a, a, "fast glucose test 3 times on one day (max 2)")
        return Mut("CH-04-b", m, rec)

    def mut_CH_05(self, ctx):
        st = {}

        def m(ctx, L):
            st["i"] = self._add(ctx, L, "120400002000000", ctx["begn"], 1, hour=15)

        def rec(ctx, L, res):
            a = self._det(L, st["i"])
            sid, sns, _ = res
            self._claim_hit("CH-05", ctx, res, a, a, "exclusive with 静脉输液 the same day; subject is this line",
                            feedetl_sn=sns[st["i"]])
        return Mut("CH-05", m, rec)

    def mut_NT_06(self, ctx):
        st = {}

        def m(ctx, L):
            st["i"] = self._add(ctx, L, "C10070116903000", ctx["begn"], 1)

        def rec(ctx, L, res):
            a = self._det(L, st["i"])
            sid, sns, _ = res
            self._claim_hit("NT-06", ctx, res, a, a, "dialyser without a dialysis session; subject is this line",
                            feedetl_sn=sns[st["i"]])
        return Mut("NT-06", m, rec)

    def mut_SP_02(self, ctx):
        st = {}

        def m(ctx, L):
            st["i"] = self._add(ctx, L, "340200003000000", ctx["end"] + dt.timedelta(days=1), 1, dept="D08")

        def rec(ctx, L, res):
            a = self._det(L, st["i"])
            self._claim_hit("SP-02", ctx, res, a, a, "rehab billed the day after discharge")
        return Mut("SP-02", m, rec)

    def mut_SP_03(self, ctx):
        st = {}

        def m(ctx, L):
            st["i"] = self._add(ctx, L, "C03011503800001", ctx["begn"] + dt.timedelta(days=1), 1, dept="D04")

        def rec(ctx, L, res):
            a = self._det(L, st["i"])
            self._claim_hit("SP-03", ctx, res, a, a, "stent without any surgery line")
        return Mut("SP-03", m, rec)

    def mut_IP_02(self, ctx):
        ctx["build"] = {"hang": True}

        def rec(ctx, L, res):
            self._claim_hit("IP-02", ctx, res, res[2]["medfee"], res[2]["fund"],
                            "treatment only on the admission day")
        return Mut("IP-02", lambda c, L: None, rec)

    def mut_IP_07(self, ctx):
        ctx["dx"] = ("I63.900", "脑梗死")
        ctx["build"] = {"no_support": True}

        def rec(ctx, L, res):
            self._claim_hit("IP-07", ctx, res, res[2]["medfee"], res[2]["fund"], "I63 stay without CT/MRI")
        return Mut("IP-07", lambda c, L: None, rec)

    def mut_IP_03(self, ctx):
        ctx["dx"] = ("J20.900", "急性支气管炎")
        ctx["end"] = ctx["begn"] + dt.timedelta(days=min(3, (ctx["end"] - ctx["begn"]).days))
        panel = ["210300002000000", "220600001000000", "250101015000000", "250301001000000",
                 "250302001000000", "250203001000000", "310701022000000", "220201001000000"]
        ctx["build"] = {"hang": True, "panel": panel}

        def m(ctx, L):
            # drop the admission-day drugs and infusion: only beds, nursing, visit fee and exams
            keep = [x for x in L if ITEMS.get(x[0], {}).get("group") in ("BED", "NURSING", "OTHER", "CT", "MRI", "EXAM", "LAB")]
            L[:] = keep

        def rec(ctx, L, res):
            self._claim_hit("IP-03", ctx, res, res[2]["medfee"], res[2]["fund"],
                            "mild diagnosis J20, <= 3 days, almost only exams")
        return Mut("IP-03", m, rec)

    # ================================================================== scenarios
    def scen_person(self, **kw):
        return self.new_person(**kw)

    def stay(self, p, inst, begn, los, dx, kind="scenario", lines=None, **kw):
        b0 = begn
        while not inst.scenario_only and self.admits.get((inst.code, begn), 0) >= 9:   # IN-01
            begn += dt.timedelta(days=1)
        if begn != b0 and lines is not None:      # move prebuilt lines with the admission
            for x in lines:
                t = dt.date.fromisoformat(x[8][:10]) + (begn - b0)
                x[8] = t.isoformat() + x[8][10:]
        end = begn + dt.timedelta(days=los)
        self.admits[(inst.code, begn)] = self.admits.get((inst.code, begn), 0) + 1
        L = lines if lines is not None else self.inpatient_lines(p, inst, begn, end, dx, **kw.pop("build", {}))
        return self.emit(p, inst, "21", begn, end, dx, L, kind=kind, **kw), L

    def visit(self, p, inst, d, dx, codes, med_type="11", **kw):
        L = []
        dr = kw.pop("dr", inst.doctors[0] if inst.doctors else "")
        for c, n in codes:
            L.append(self.line(c, inst, d, n, 10, "D01" if inst.type == "1" else "",
                               dr if inst.type == "1" else "",
                               self.rxno() if ITEMS.get(c, {}).get("rx") == "1" else ""))
        if inst.type == "2":
            self.unround(L, inst, d)
        return self.emit(p, inst, med_type, d, d, dx, L, kind="scenario", **kw), L

    def n_scen(self, base=1):
        return max(base, int(round(self.rate * self.n_setl / 300)))

    def run_scenarios(self):
        r = self.rng
        lv = lambda x: [h for h in self.clean_hosps if h.lv == x and h.open_on(D(12, 1))]  # noqa: E731
        n = self.n_scen()
        for k in range(n):
            m = 1 + k % 10
            self.scen_IP_01(r.choice(lv("2")), D(m, 3))
            self.scen_IP_06(r.choice(lv("3")), D(m, 5))
            self.scen_DR_07(D(m, 8))
            self.scen_NT_03(r.choice(lv("2")), D(m, 10))
            self.scen_NT_04(lv("2")[0], lv("3")[0], D(m, 12))
            self.scen_NT_05(lv("2")[1], D(m, 2))
            self.scen_PH_02(D(m, 14))
            self.scen_PS_02(r.choice(lv("2")), D(m, 16))
            self.scen_SP_01(r.choice(lv("2")), D(m, 4) + dt.timedelta(days=(7 - D(m, 4).weekday()) % 7))
            self.scen_PS_01(r.choice(lv("1")), D(m, 20))
            self.scen_IN_05(k)
            self.scen_IN_06_near(r.choice(lv("2")))
        for k in range(max(1, n // 3)):
            self.scen_IP_05(k)
        # institution scenarios (one each; months chosen apart)
        self.scen_DR_06()
        self.scen_IN_01()
        self.scen_IN_02()
        self.scen_IN_03()
        self.scen_IP_04()
        self.scen_IN_04()
        self.scen_IN_07()
        self.scen_IP_08()
        self.scen_PH_04()

    # ---- person scenarios
    def scen_IP_01(self, h, d):
        p = self.scen_person(age=58)
        (s1, _, t1), _ = self.stay(p, h, d, 7, ("I63.900", "脑梗死"))
        (s2, _, t2), _ = self.stay(p, h, d + dt.timedelta(days=17), 6, ("I63.801", "脑梗死（其他）"))
        self.hit("IP-01", "person", s2, setl_id=s2, psn_no=p.psn_no, inst=h.code,
                 amount=t2["medfee"], fund=t2["fund"], note=f"readmitted 10 days after {s1}, same I63")
        q = self.scen_person(age=60)
        self.stay(q, h, d, 7, ("I63.900", "脑梗死"))
        (s4, _, _), _ = self.stay(q, h, d + dt.timedelta(days=23), 6, ("I63.900", "脑梗死"))
        self.miss("IP-01", s4, setl_id=s4, psn_no=q.psn_no, inst=h.code, note="readmitted on day 16 after discharge")

    def scen_IP_06(self, h, d):
        p = self.scen_person(age=45)
        self.stay(p, h, d, 6, ("J18.900", "肺炎"))
        ph = self.phars[2]
        (s2, _, t2), _ = self.visit(p, ph, d + dt.timedelta(days=3), None, [("XN02BEA027A001", 10)], "41")
        self.hit("IP-06", "person", s2, setl_id=s2, psn_no=p.psn_no, inst=ph.code, amount=t2["medfee"],
                 fund=t2["fund"], note="pharmacy purchase during an inpatient stay")
        (s3, _, _), _ = self.visit(p, ph, d + dt.timedelta(days=6), None, [("XR06AXL036A001", 6)], "41")
        self.miss("IP-06", s3, setl_id=s3, psn_no=p.psn_no, note="pharmacy purchase on the discharge day")

    def scen_DR_07(self, d):
        for near in (False, True):
            p = self.scen_person(age=50)
            ph1, ph2 = self.phars[3], self.phars[4]
            (s1, sn1, t1), L1 = self.visit(p, ph1, d, None, [("XJ01CAA040E001", 40)], "41")
            # 40 capsules on one day (max_daily_cnt 4) are a 10-day supply, not an over-frequency
            # charge: max_daily_cnt is a daily dose for drugs, so CH-04-b leaves take-home
            # prescriptions to DR-07 and this purchase is no CH-04-b case.
            gap = 3 if near else 1
            (s2, sn2, t2), L2 = self.visit(p, ph2, d + dt.timedelta(days=gap), None, [("XJ01CAA040E001", 4)], "41")
            if near:
                self.miss("DR-07", s2, setl_id=s2, psn_no=p.psn_no, note="remaining supply exactly 7 days")
            else:
                a = L2[0][5] * L2[0][6]
                self.hit("DR-07", "person", s2, setl_id=s2, feedetl_sn=sn2[0], psn_no=p.psn_no,
                         inst=ph2.code, amount=a, fund=a, note="bought again with 9 days' supply left")

    def scen_NT_03(self, h, d):
        for days in (8, 7):
            p = self.scen_person(age=40)
            last = None
            for k in range(days):
                last = self.visit(p, h, d + dt.timedelta(days=k), ("J18.900", "肺炎"),
                                  [("110200001000000", 1), ("XJ01XDF004B001", 1)])
            (s, sn, t), L = last
            if days == 8:
                a = L[1][5] * L[1][6]
                self.hit("NT-03", "person", s, setl_id=s, feedetl_sn=sn[1], psn_no=p.psn_no, inst=h.code,
                         amount=a, fund=a, note="course-limited (7 days) drug on the 8th day within 14")
            else:
                self.miss("NT-03", s, setl_id=s, psn_no=p.psn_no, note="exactly 7 days of a 7-day course")

    def scen_NT_04(self, h1, h2, d):
        for gap, near in ((14, False), (15, True)):
            p = self.scen_person(age=55)
            dx = ("E11.900", "2型糖尿病")
            self.visit(p, h1, d, dx, [("110200001000000", 1), ("250310021000000", 1)], "14")
            (s, sn, t), L = self.visit(p, h2, d + dt.timedelta(days=gap), dx,
                                       [("110200001000000", 1), ("250310021000000", 1)], "14")
            if near:
                self.miss("NT-04", s, setl_id=s, psn_no=p.psn_no, note="HbA1c again on the 16th day")
            else:
                a = L[1][5] * L[1][6]
                self.hit("NT-04", "person", s, setl_id=s, feedetl_sn=sn[1], psn_no=p.psn_no, inst=h2.code,
                         amount=a, fund=a, note="HbA1c twice within 15 days at two hospitals")

    def scen_NT_05(self, h, d):
        codes = ["XA16AXD001A001010100001", "XA16AXD001A001010200002"]
        for last_gap, near in ((29, False), (30, True)):
            p = self.scen_person(age=62)
            dx = ("E11.900", "2型糖尿病")
            self.visit(p, h, d, dx, [("110200001000000", 1), (codes[0], 2)], "11")
            self.visit(p, self.phars[5], d + dt.timedelta(days=10), None, [(codes[1], 1)], "41")
            (s, sn, t), L = self.visit(p, self.phars[6], d + dt.timedelta(days=last_gap), None, [(codes[0], 2)], "41")
            if near:
                self.miss("NT-05", s, setl_id=s, psn_no=p.psn_no, note="third institution on day 31")
            else:
                a = L[0][5] * L[0][6]
                self.hit("NT-05", "person", s, setl_id=s, feedetl_sn=sn[0], psn_no=p.psn_no, inst=self.phars[6].code,
                         amount=a, fund=a, note="same key drug at 3 institutions within 30 days")

    def scen_PH_02(self, d):
        p = self.scen_person(age=35)
        tot = card = 0
        for j in range(3):
            (s, sn, t), L = self.visit(p, self.phars[7 + j], d, None, [("ZA01AAB0045010100", 2 + j)], "41")
            tot += t["medfee"]
            card += t["fund"] + t["acct"]
        self.hit("PH-02", "person", f"{p.psn_no}|{d}", psn_no=p.psn_no, period=str(d), amount=tot, fund=card,
                 note="3 pharmacies on one day (subject: person and day)")
        q = self.scen_person(age=36)
        for j in range(4):
            self.visit(q, self.phars[7 + j % 2], d, None, [("ZA01AAB0045010100", 2 + j)], "41")
        self.miss("PH-02", f"{q.psn_no}|{d}", psn_no=q.psn_no, period=str(d), note="2 pharmacies, 4 settlements on one day")

    def scen_PS_02(self, h, d):
        p = self.scen_person(age=48, insutype="310")
        dx = ("J18.900", "肺炎")
        (s1, _, t1), L = self.stay(p, h, d, 5, dx)
        L2 = [list(x) for x in L]
        self.inv_seq = getattr(self, "inv_seq", 0) + 1
        inv = f"INV{YEAR}{self.inv_seq:08d}"
        (s2, _, t2) = self.emit(p, h, "21", d, d + dt.timedelta(days=5), dx, L2, setl_type="2", invono=inv, kind="scenario")
        self.hit("PS-02", "person", s2, setl_id=s2, psn_no=p.psn_no, inst=h.code, amount=t2["medfee"], fund=t2["fund"],
                 note=f"manual reimbursement duplicating online settlement {s1}")
        # same invoice reimbursed by another person
        q1, q2 = self.scen_person(age=50), self.scen_person(age=51)
        self.inv_seq += 1
        inv = f"INV{YEAR}{self.inv_seq:08d}"
        (a1, _, _), La = self.visit(q1, h, d, ("K29.700", "胃炎"), [("110200001000000", 1), ("XA02BCA211A001", 14)], setl_type="2", invono=inv)
        (a2, _, ta2) = self.emit(q2, h, "11", d, d, ("K29.700", "胃炎"), [list(x) for x in La], setl_type="2", invono=inv, kind="scenario")
        self.hit("PS-02", "person", a2, setl_id=a2, psn_no=q2.psn_no, inst=h.code, amount=ta2["medfee"], fund=ta2["fund"],
                 note=f"invoice {inv} already reimbursed in {a1}")
        # near miss: manual claim 0.01 more than the online one
        r_ = self.scen_person(age=47)
        (b1, _, _), Lb = self.visit(r_, h, d, ("K29.700", "胃炎"), [("110200001000000", 1), ("XN02BEA027A001", 1)])
        Lb2 = [list(x) for x in Lb]
        Lb2[1][6] += 1
        self.psi_dirty.add((h.code, Lb2[1][0], Lb2[1][8][:7]))
        self.inv_seq += 1
        (b2, _, _) = self.emit(r_, h, "11", d, d, ("K29.700", "胃炎"), Lb2, setl_type="2",
                               invono=f"INV{YEAR}{self.inv_seq:08d}", kind="scenario")
        self.miss("PS-02", b2, setl_id=b2, psn_no=r_.psn_no, note=f"manual claim 0.01 more than online {b1}")

    def scen_SP_01(self, h, monday):
        for days, near in (((0, 2, 4, 6, 10, 13), False), ((0, 2, 4, 7, 10, 14), True)):
            p = self.scen_person(age=66)
            dx = ("N18.500", "慢性肾脏病5期")
            for k in days:
                (s, sn, t), L = self.visit(p, h, monday + dt.timedelta(days=k), dx,
                                           [("003105010010000", 1), ("C10070116903000", 1), ("C10070216903001", 1)], "14")
                if k == 6 and not near:
                    self.hit("SP-01", "person", s, setl_id=s, psn_no=p.psn_no, inst=h.code, amount=t["medfee"],
                             fund=t["fund"], note="4th dialysis day within 7 days")
                if k == 7 and near:
                    self.miss("SP-01", s, setl_id=s, psn_no=p.psn_no, note="dialysis days 0,2,4,7: 3 in any 7 days")

    def scen_PS_01(self, h, d):
        p = self.scen_person(age=80, death=d, write=True)
        (s0, _, _), _ = self.visit(p, h, d, ("I10.x00", "原发性高血压"), [("110200001000000", 1), ("XC08CAA016A001", 28)])
        self.miss("PS-01", s0, setl_id=s0, psn_no=p.psn_no, note="settlement on the death date itself")
        (s, sn, t), L = self.visit(p, h, d + dt.timedelta(days=5), ("I10.x00", "原发性高血压"),
                                   [("110200001000000", 1), ("XC08CAA016A001", 28)])
        for i, x in enumerate(L):
            a = x[5] * x[6]
            self.hit("PS-01", "line", sn[i], setl_id=s, feedetl_sn=sn[i], psn_no=p.psn_no, inst=h.code,
                     amount=a, fund=a, note="fee 5 days after death")

    def scen_IN_05(self, k):
        ph, hh = self.susp_phar, self.ended_hosp
        p = self.scen_person(age=40)
        (s, sn, t), L = self.visit(p, ph, D(7, 10 + k % 15), None, [("XR06AXL036A001", 6), ("XN02BEA027A001", 10)], "41")
        for i, x in enumerate(L):
            a = x[5] * x[6]
            if x[7] is None and x[4] != "03":
                self.hit("IN-05", "line", sn[i], setl_id=s, feedetl_sn=sn[i], psn_no=p.psn_no, inst=ph.code,
                         amount=a, fund=a, note="pharmacy agreement suspended 2024-07-01..07-31")
        (s2, _, _), _ = self.visit(p, ph, D(8, 1), None, [("XR06AXL036A001", 6)], "41",
                                   setl_time="2024-08-01 09:30:00")
        self.miss("IN-05", s2, setl_id=s2, psn_no=p.psn_no, inst=ph.code, note="day after the suspension ended")
        q = self.scen_person(age=41)
        (s3, sn3, _), L3 = self.visit(q, hh, D(11, 5 + k % 20), ("K29.700", "胃炎"),
                                      [("110900001000000", 1), ("XA02BCA211A001", 14)])
        for i, x in enumerate(L3):
            a = x[5] * x[6]
            self.hit("IN-05", "line", sn3[i], setl_id=s3, feedetl_sn=sn3[i], psn_no=q.psn_no, inst=hh.code,
                     amount=a, fund=a, note="after agreement end 2024-10-31")
        (s4, _, _), _ = self.visit(q, hh, D(10, 31), ("K29.700", "胃炎"), [("110900001000000", 1)],
                                   setl_time="2024-10-31 16:00:00")
        self.miss("IN-05", s4, setl_id=s4, psn_no=q.psn_no, inst=hh.code, note="on the agreement's last day")
        # an institution not in fixmedins_b
        p2 = self.scen_person(age=42)
        L = [self.line("XR06AXL036A001", ph, D(5, 6 + k % 20), 6, 10, "", "", "")]
        (s5, sn5, t5) = self.emit(p2, None, "41", D(5, 6 + k % 20), D(5, 6 + k % 20), None, L, kind="scenario",
                                  inst_code="P320100099999", inst_name="未登记药店（非定点）")
        a = L[0][5] * L[0][6]
        self.hit("IN-05", "line", sn5[0], setl_id=s5, feedetl_sn=sn5[0], psn_no=p2.psn_no, inst="P320100099999",
                 amount=a, fund=a, note="institution not in fixmedins_b")

    def scen_IN_06_near(self, h):
        p = self.scen_person(age=44)
        (s, sn, t), L = self.visit(p, h, D(6, 30), ("K29.700", "胃炎"), [("110200001000000", 1)], dr=h.midyear_dr)
        self.miss("IN-06", sn[0], setl_id=s, feedetl_sn=sn[0], note="doctor's registration ends that very day (2024-06-30)")

    def scen_IP_05(self, k):
        p = self.scen_person(age=55)
        hs = [h for h in self.clean_hosps if h.open_on(D(12, 31))]
        dxs = [("J18.900", "肺炎"), ("I10.x00", "原发性高血压"), ("E11.900", "2型糖尿病"), ("I25.103", "冠心病"),
               ("J44.100", "慢阻肺急性加重"), ("K92.200", "消化道出血"), ("N39.000", "泌尿道感染")]
        tot = fund = 0
        d = D(1, 8 + k)
        for j in range(7):
            (s, _, t), _ = self.stay(p, hs[(j * 3 + k) % len(hs)], d, 4, dxs[j])
            tot += t["medfee"]
            fund += t["fund"]
            d += dt.timedelta(days=45)
        self.hit("IP-05", "person", s, setl_id=s, psn_no=p.psn_no, amount=tot, fund=fund,
                 note="7th stay within 365 days (limit 6); amount = all 7 stays")

    # ---- institution scenarios
    def fillers(self, level, d, dx=("J18.900", "肺炎"), fixed=False, n=1):
        for h in self.hosp_by_lv[level]:
            if not h.open_on(d + dt.timedelta(days=6)):
                continue
            for j in range(n):
                p = self.scen_person(age=50)
                dd = d + dt.timedelta(days=j * 7)
                if fixed:
                    self.stay(p, h, dd, 5, dx, lines=self.fixed_lines(h, dd, 5))
                else:
                    self.stay(p, h, dd, 4, dx)

    def fixed_lines(self, h, d, los, extra=()):
        dr = h.doctors[0]
        L = []
        for k in range(los):
            dd = d + dt.timedelta(days=k)
            L += [self.line("001102000010000", h, dd, 1, 7, "D02", dr, ""),
                  self.line("001201000020000", h, dd, 1, 7, "D02", dr, ""),
                  self.line("110200005000000", h, dd, 1, 9, "D02", dr, ""),
                  self.line("XJ01DCT070B001", h, dd, 2, 12, "D02", dr, "RXFIX")]
        L += [self.line("220201001000000", h, d, 1, 10, "D02", dr, ""),
              self.line("250101015000000", h, d, 1, 10, "D02", dr, "")]
        for c, n in extra:
            L.append(self.line(c, h, d + dt.timedelta(days=1), n, 10, "D02", dr, "", inscp=0 if ITEMS[c]["research"] else None))
        return L

    def scen_DR_06(self):
        c = "XL01CDZ016B001"
        dx = ("C16.900", "胃恶性肿瘤")
        hs = [h for h in self.hosp_by_lv["2"] if not h.scenario_only]
        for h, plan, near in ((hs[0], {3: (5, 5), 4: (5, 5, 5, 5)}, False),
                              (hs[1], {3: (5, 5), 4: (5, 5, 5)}, True)):
            amt = 0
            for mon in (3, 4):
                for j, n in enumerate(plan[mon]):
                    p = self.scen_person(age=60)
                    d = D(mon, 3 + 6 * j)
                    L = self.inpatient_lines(p, h, d, d + dt.timedelta(days=4), dx)
                    L.append(self.line(c, h, d + dt.timedelta(days=1), n, 12, "D02", h.doctors[0], self.rxno()))
                    self.stay(p, h, d, 4, dx, lines=L)
                    if mon == 4:
                        amt += n * self.price(c, h)
            if near:
                self.miss("DR-06", f"{h.code}|2024-04|{c}", inst=h.code, period="2024-04",
                          note="key item 12000.00 -> 18000.00: growth exactly 50%")
            else:
                self.hit("DR-06", "institution", f"{h.code}|2024-04|{c}", inst=h.code, period="2024-04",
                         amount=amt, fund=amt, note="key item 12000.00 in 2024-03 -> 24000.00 in 2024-04 (+100%)")

    def scen_IN_01(self):
        h = self.scn_in01
        tot = fund = 0
        ids = []
        for j in range(12):
            p = self.scen_person(age=45 + j)
            (s, _, t), _ = self.stay(p, h, D(5, 10), 2 + j % 6, ("J18.900", "肺炎"))
            tot += t["medfee"]
            fund += t["fund"]
        for dd in (3, 17, 24):
            self.stay(self.scen_person(age=50), h, D(5, dd), 4, ("I10.x00", "原发性高血压"))
        self.hit("IN-01", "institution", f"{h.code}|2024-05|2024-05-10", inst=h.code, period="2024-05",
                 amount=tot, fund=fund, note="12 admissions on 2024-05-10, daily median 1")
        for j in range(9):
            self.stay(self.scen_person(age=50 + j), h, D(7, 10), 2 + j % 5, ("J18.900", "肺炎"))
        self.stay(self.scen_person(age=50), h, D(7, 20), 4, ("I10.x00", "原发性高血压"))
        self.miss("IN-01", f"{h.code}|2024-07|2024-07-10", inst=h.code, period="2024-07", note="9 admissions on one day (minimum 10)")

    def scen_IN_02(self):
        h = self.scn_in02
        tot = fund = 0
        for j in range(12):
            p = self.scen_person(age=60 + j, insutype="390")
            d = D(4, 2 + 2 * j)
            (s, _, t), _ = self.stay(p, h, d, 5, ("I10.x00", "原发性高血压"), lines=self.fixed_lines(h, d, 5))
            tot += t["medfee"]
            fund += t["fund"]
        self.hit("IN-02", "institution", f"{h.code}|2024-04", inst=h.code, period="2024-04", amount=tot, fund=fund,
                 note="12 stays with identical fund_pay_sumamt (CV 0)")
        for j in range(9):
            p = self.scen_person(age=60 + j, insutype="390")
            d = D(9, 2 + 2 * j)
            self.stay(p, h, d, 5, ("I10.x00", "原发性高血压"), lines=self.fixed_lines(h, d, 5))
        self.miss("IN-02", f"{h.code}|2024-09", inst=h.code, period="2024-09", note="9 identical stays (minimum 10)")

    def _zscore_scenario(self, rule, h, mon, make, note):
        self.fillers("1", D(mon, 3))
        tot = fund = 0
        for j in range(20):
            s, t = make(h, D(mon, 1 + j))
            tot += t["medfee"]
            fund += t["fund"]
        self.hit(rule, "institution", f"{h.code}|2024-{mon:02d}", inst=h.code, period=f"2024-{mon:02d}",
                 amount=tot, fund=fund, note=note)

    def scen_IN_03(self):
        h = [x for x in self.hosp_by_lv["1"] if not x.scenario_only and x.open_on(D(12, 1))][2]

        def make(h, d):
            p = self.scen_person(age=55, poverty="1")
            (s, _, t), _ = self.stay(p, h, d, 3 + d.day % 5, ("J18.900", "肺炎"))
            return s, t
        self._zscore_scenario("IN-03", h, 6, make, "20 stays by poverty_flag persons; level-1 peers have none")

    def scen_IP_04(self):
        h = [x for x in self.hosp_by_lv["1"] if not x.scenario_only and x.open_on(D(12, 1))][3]

        def make(h, d):
            p = self.scen_person(age=50)
            end = d + dt.timedelta(days=3 + d.day % 5)
            L = self.inpatient_lines(p, h, d, end, ("I10.x00", "原发性高血压"))
            self.admits[(h.code, d)] = self.admits.get((h.code, d), 0) + 1
            s, _, t = self.emit(p, h, "21", d, end, ("I10.x00", "原发性高血压"), L, psn_pay_zero=True, kind="scenario")
            return s, t
        self._zscore_scenario("IP-04", h, 9, make, "20 stays with psn_pay 0; level-1 peers have none below 5%")

    def scen_IN_04(self):
        h = [x for x in self.hosp_by_lv["1"] if not x.scenario_only and x.open_on(D(12, 1))][4]
        dx = ("K81.000", "急性胆囊炎")
        self.fillers("1", D(8, 5), dx, fixed=True, n=2)
        tot = fund = 0
        for j in range(30):
            p = self.scen_person(age=40 + j)
            d = D(7 + j // 10, 2 + 2 * (j % 10))
            (s, _, t), _ = self.stay(p, h, d, 5, dx, lines=self.fixed_lines(h, d, 5, extra=[("311300007000000", 1), ("XB05BAP017B001", j % 2 + 1)]))
            tot += t["medfee"]
            fund += t["fund"]
        self.hit("IN-04", "institution", f"{h.code}|2024Q3|K81", inst=h.code, period="2024Q3", amount=tot, fund=fund,
                 note="K81 cost per stay about 5x level-1 peers (peers: 2 identical filler stays each)")

    def scen_IN_07(self):
        hs = [x for x in self.hosp_by_lv["2"] if not x.scenario_only]
        dx = ("K35.800", "急性阑尾炎")
        for h, near in ((hs[2], False), (hs[3], True)):
            tot = fund = 0
            for j in range(20):
                remote = j >= 10
                p = self.scen_person(age=30 + j, admdvs="340100" if remote else "320100")
                d = D(4 + j % 3, 3 + j)
                dr = h.doctors[0]
                L = self.fixed_lines(h, d, 3)      # exams: 超声 + 血常规
                if remote:
                    if near:                       # 130 -> 195: 血常规 again + 肝功能 (ratio exactly 1.5)
                        L += [self.line("250101015000000", h, d + dt.timedelta(days=1), 1, 10, "D02", dr, ""),
                              self.line("250301001000000", h, d + dt.timedelta(days=1), 1, 10, "D02", dr, "")]
                    else:                          # + chest CT + ultrasound of the heart: ratio > 2
                        L += [self.line("210300002000000", h, d + dt.timedelta(days=1), 1, 10, "D02", dr, ""),
                              self.line("220600001000000", h, d + dt.timedelta(days=1), 1, 10, "D02", dr, "")]
                (s, _, t), _ = self.stay(p, h, d, 3, dx, lines=L)
                if remote:
                    tot += t["medfee"]
                    fund += t["fund"]
            if near:
                self.miss("IN-07", f"{h.code}|2024Q2|K35", inst=h.code, period="2024Q2",
                          note="out-of-region exam+lab per stay exactly 1.5x local")
            else:
                self.hit("IN-07", "institution", f"{h.code}|2024Q2|K35", inst=h.code, period="2024Q2",
                         amount=tot, fund=fund, note="out-of-region exam+lab per stay > 2x local (10 vs 10 stays)")

    def scen_IP_08(self):
        h = [x for x in self.hosp_by_lv["3"] if not x.scenario_only][0]
        panel = ["250101015000000", "250104001000000", "250301001000000", "250302001000000",
                 "250303001000000", "250304001000000", "250203001000000", "250501001000000"]
        tot = fund = 0
        for j in range(30):
            p = self.scen_person(age=40 + j)
            d = D(10 + j // 10, 2 + 2 * (j % 10))
            los = 3 + j % 5
            L = self.inpatient_lines(p, h, d, d + dt.timedelta(days=los), ("I10.x00", "原发性高血压"),
                                     panel=panel, dept="D09")
            for x in L:
                if ITEMS[x[0]]["group"] in ("LAB", "EXAM", "CT", "MRI"):
                    x[9] = "D09"
            (s, _, t), _ = self.stay(p, h, d, los, ("I10.x00", "原发性高血压"), lines=L)
            tot += sum(x[5] * x[6] for x in L if ITEMS[x[0]]["group"] in ("LAB", "EXAM", "CT", "MRI")
                       and x[8][:10] <= str(d + dt.timedelta(days=1)))
        self.hit("IP-08", "institution", f"{h.code}|2024Q4|D09", inst=h.code, period="2024Q4", amount=tot, fund=tot,
                 note="30 stays in dept D09 with the same 8-item admission panel")

    def scen_PH_04(self):
        ph = self.phars[8]
        for x in self.phars:
            if x.open_on(D(3, 10)):
                p = self.scen_person(age=33)
                self.visit(p, x, D(3, 10), None, [("XN02BEA027A001", 10)], "41")
        rounds = [("ZA01AAB0045010100", 20), ("ZA04CAX0271010200", 200), ("XN02BEA027A001", 250),
                  ("XR06AXL036A001", 100)]
        tot = card = 0
        for j in range(50):
            p = self.scen_person(age=30 + j % 40, insutype="310" if j % 2 else "390")
            d = D(3, 1 + j % 28)
            c, n = rounds[j % 4]
            L = [self.line(c, ph, d, n, 10, "", "", "")]
            s, _, t = self.emit(p, ph, "41", d, d, None, L, kind="scenario")
            tot += t["medfee"]
            card += t["fund"] + t["acct"]
        self.hit("PH-04", "institution", f"{ph.code}|2024-03", inst=ph.code, period="2024-03", amount=tot, fund=card,
                 note="50 round-amount settlements; other pharmacies have none")
