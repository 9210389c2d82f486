"""Clean (rule-abiding) background data: persons, their encounters, and each encounter's lines.
How each rule is avoided is documented in tools/datagen/README.md; the comments name the rule."""
import datetime as dt

from catalog import ITEMS, INPATIENT_DX, OUTPATIENT_DX, DEPTS

YEAR = 2024
Y0 = dt.date(YEAR, 1, 1)
Y1 = dt.date(YEAR, 12, 31)

DX_DEPT = {"I63": "D03", "I61": "D03", "J18": "D05", "J44": "D05", "I50": "D04", "I21": "D04",
           "I25": "D04", "E11": "D01", "I10": "D01", "K80": "D02", "S72": "D06", "N18": "D07",
           "C34": "D05", "K92": "D01", "N39": "D01", "C16": "D02", "K81": "D02", "K35": "D02"}
DX_DRUGS = {
    "I63": ["XN07XXE028B001", "XB01ACA056A001", "XC10AAA067A001"],
    "I61": ["XN07XXE028B001", "XB05CBL023B001"],
    "J18": ["XJ01DCT070B001", "XJ01XDF004B001", "XB05CBL023B001"],
    "J44": ["XJ01DCT070B001", "XH02ABD038B001", "XB05BAG015B001"],
    "I50": ["XC01DAX012A001", "XB05CBL023B001"],
    "I21": ["XB01ACL065A001", "XB01ACA056A001", "XC10AAA067A001"],
    "I25": ["XB01ACL065A001", "XC01DAX012A001"],
    "E11": ["XA10BAE032A001", "XB05CBL023B001"],
    "I10": ["XC08CAA016A001", "XC09CAX023A001"],
    "K80": ["XJ01DCT070B001", "XA02BCP103B001"],
    "S72": ["XJ01DCT070B001", "XB05BAP017B001"],
    "N18": ["XB05CBL023B001", "XB05BAP017B001"],
    "C34": ["XH02ABD038B001", "XB05BAP017B001"],
    "K92": ["XA02BCP103B001", "XB05CBL023B001"],
    "N39": ["XJ01DCT070B001", "XB05BAG015B001"],
}
GENERIC_DRUGS = ["XB05CBL023B001", "XB05BAG015B001"]
DX_EXAMS = {
    "I63": ["210300001000000"], "I61": ["210300001000000"], "J18": ["210300002000000", "250401001000000"],
    "J44": ["210300002000000"], "I50": ["220600001000000", "250403001000000"],
    "I21": ["310701001000000", "250403001000000"], "I25": ["310701001000000"],
    "E11": ["250303001000000"], "I10": ["310701001000000"], "K80": ["220201001000000"],
    "S72": ["210102001000000"], "N18": ["250302001000000"], "C34": ["210300002000000"],
    "K92": ["250203001000000"], "N39": ["250104001000000"],
}
GENERAL_LABS = ["250101015000000", "250104001000000", "250301001000000", "250302001000000",
                "250304001000000"]
PHARMACY_ITEMS = ["XN02BEA027A001", "XR06AXL036A001", "ZA01AAB0045010100", "ZA12BAT0133010100",
                  "ZA04CAX0271010200", "XJ01CAA040E001", "XC08CAA016A001", "XC10AAA067A001",
                  "XA02BCA211A001", "XA11GAW002A001"]


class CleanMixin:
    # ------------------------------------------------------------------ small helpers
    def pick_hosp(self, d0, d1, min_lv="0"):
        r = self.rng
        for _ in range(50):
            h = r.choices(self.clean_hosps, weights=self.hosp_w)[0]
            if h.lv >= min_lv and h.open_on(d0) and h.open_on(d1):
                return h
        return next(h for h in self.clean_hosps if h.lv >= "2")

    def pick_phar(self, d):
        r = self.rng
        while True:
            ph = r.choice(self.phars)
            if ph.open_on(d):
                return ph

    def doctor(self, inst):
        return self.rng.choice(inst.doctors)

    def rxno(self):
        self.rx_seq = getattr(self, "rx_seq", 0) + 1
        return f"RX{YEAR}{self.rx_seq:09d}"

    def admit_day(self, inst, d, latest):
        """IN-01: keep each institution below 10 admissions a day (shift to the next free day)."""
        while self.admits.get((inst.code, d), 0) >= 9 and d < latest:
            d += dt.timedelta(days=1)
        self.admits[(inst.code, d)] = self.admits.get((inst.code, d), 0) + 1
        return d

    def key_ok(self, inst, code, d, amount):
        """DR-06: clean amount of a key-monitored item per institution-month stays below 10000."""
        k = (inst.code, code, f"{d.year:04d}-{d.month:02d}")
        if self.key_month.get(k, 0) + amount >= 999999:
            return False
        self.key_month[k] = self.key_month.get(k, 0) + amount
        return True

    # ------------------------------------------------------------------ encounter builders
    def inpatient_lines(self, p, inst, begn, end, dx, hang=False, no_support=False, panel=None,
                        dept=None, extra_daily=None):
        """Lines of a clean inpatient stay. hang (IP-02): treatment only on the admission day.
        no_support (IP-07): no CT/MRI. panel: fixed admission exam list (IP-08 scenario)."""
        r = self.rng
        los = max((end - begn).days, 1)
        cat = dx[0][:3]
        dept = dept or DX_DEPT.get(cat, "D01")
        dr = self.doctor(inst)
        L = []
        day = lambda k: begn + dt.timedelta(days=k)  # noqa: E731
        bed = r.choice(["001102000010000", "001102000020000"])
        nurse = r.choice(["001201000010000", "001201000020000"])
        for k in range(los):                        # CH-04 / CH-04-c: one bed and nursing day per stay day
            L.append(self.line(bed, inst, day(k), 1, 7, dept, dr))
            L.append(self.line(nurse, inst, day(k), 1, 7, dept, dr))
            L.append(self.line("110200005000000", inst, day(k), 1, 9, dept, dr))
        # admission exams: at most 7 distinct codes on days 0-1 (IP-08 needs 8)
        if panel is None:
            ex = r.sample(GENERAL_LABS, r.randint(2, 4))
            if not no_support:                      # CH-04-b: a code at most once (N39: urine test)
                ex += [c for c in DX_EXAMS.get(cat, []) if c not in ex]
            if cat in ("I63", "I61") and inst.lv >= "2" and r.random() < 0.4 and not no_support:
                ex.append("210400001000000")        # MRI only at level >= 2 (NT-01)
        else:
            ex = panel
        for c in ex:
            L.append(self.line(c, inst, day(0), 1, 10, dept, dr))
        if los >= 4 and not hang:
            L.append(self.line("250101015000000", inst, day(los - 1), 1, 10, dept, dr))
        drugs = list(DX_DRUGS.get(cat, GENERIC_DRUGS))
        tdays = 1 if hang else los
        for k in range(tdays):
            L.append(self.line("120400006000000", inst, day(k), 1, 11, dept, dr))
            L.append(self.line("C02030112700003", inst, day(k), 1, 11, dept, dr))
            for c in drugs:
                it = ITEMS[c]
                if it["course"] and k >= 5:           # NT-03: course-limited drug on at most 5 days
                    continue
                mx = int(it["max_daily"] or 2)
                L.append(self.line(c, inst, day(k), r.randint(1, mx), 12, dept, dr, self.rxno()))
            if extra_daily:
                for c, n in extra_daily:
                    L.append(self.line(c, inst, day(k), n, 13, dept, dr, self.rxno()))
            if cat == "E11":                         # CH-04-b: exactly the daily maximum (2)
                L.append(self.line("250102035000000", inst, day(k), 1, 7, dept, dr))
                L.append(self.line("250102035000000", inst, day(k), 1, 16, dept, dr))
            if cat in ("I63", "I61") and k >= 2:     # SP-02: rehab inside the stay, <= max_daily
                L.append(self.line("340200003000000", inst, day(k), r.randint(1, 2), 15, "D08", dr))
            if cat == "J44":
                L.append(self.line("121600001000000", inst, day(k), r.randint(6, 12), 14, dept, dr))
        if not hang:                                  # discharge-day medication: a treatment day
            L.append(self.line(drugs[0], inst, day(los), 1, 9, dept, dr, self.rxno()))
        if hang:
            return L
        # procedures
        if cat == "K80":                              # package only, never its components (CH-02/03)
            L.append(self.line("003301000010000", inst, day(1), 1, 9, "D02", dr))
            L.append(self.line("C14080802200001", inst, day(1), 2, 9, "D02", dr))
        elif cat == "S72":                            # implant with surgery (SP-03)
            L.append(self.line("331501015000000", inst, day(1), 1, 9, "D06", dr))
            L.append(self.line("C13010110400001", inst, day(1), r.randint(2, 3), 9, "D06", dr))
        elif cat in ("I21", "I25") and inst.lv == "3" and r.random() < 0.6:
            L.append(self.line("330703003000000", inst, day(1), 1, 10, "D04", dr))  # PCI (NT-01: lv 3)
            L.append(self.line("C03011503800001", inst, day(1), r.randint(1, 2), 10, "D04", dr))
            L.append(self.line("C03011503800002", inst, day(1), 1, 10, "D04", dr))
        elif cat == "N18" and los >= 4:               # dialysis with its consumables (NT-06), 2 days
            for k in (1, 3):
                L.append(self.line("003105010010000", inst, day(k), 1, 9, "D07", dr))
                L.append(self.line("C10070116903000", inst, day(k), 1, 9, "D07", dr))
                L.append(self.line("C10070216903001", inst, day(k), 1, 9, "D07", dr))
        # key-monitored drugs under the DR-06 monthly cap
        if cat in ("I50", "K92") and inst.lv >= "2" and r.random() < 0.3:
            c = "XB05AAR021B001"
            n = r.randint(1, 3)
            if self.key_ok(inst, c, begn, n * self.price(c, inst)):
                L.append(self.line(c, inst, day(1), n, 12, dept, dr, self.rxno()))
        if cat in ("I63", "I61") and r.random() < 0.3:
            c = "XN06BXN040B001"
            if self.key_ok(inst, c, begn, self.price(c, inst)):
                L.append(self.line(c, inst, day(1), 1, 12, dept, dr, self.rxno()))
        if cat == "E11" and p.insutype == "310" and r.random() < 0.3:   # NT-02: employees only
            L.append(self.line("XA10AEG032B001", inst, day(0), 1, 12, dept, dr, self.rxno()))
        if r.random() < 0.03:                         # CH-08 near-miss material: research item, self-pay
            L.append(self.line("311300007000000", inst, day(1), 1, 14, dept, dr, inscp=0))
        if r.random() < 0.05:                         # CH-06: 丙类 item billed as self-pay
            L.append(self.line("XA11GAW002A001", inst, day(0), 10, 12, dept, dr, self.rxno()))
        return L

    def outpatient_lines(self, p, inst, d, dx, med_type):
        r = self.rng
        cat = dx[0][:3]
        dept = DX_DEPT.get(cat, "D01")
        dr = self.doctor(inst)
        age = self.age(p, d)
        L = [self.line("110200001000000" if inst.lv >= "2" else "110900001000000", inst, d, 1, 8, dept, dr)]
        rx = self.rxno()
        def drug(c, n):  # noqa: E306
            L.append(self.line(c, inst, d, n, 9, dept, dr, rx))
        if cat in ("J06", "J02", "J20"):
            if r.random() < 0.5:
                L.append(self.line("250101015000000", inst, d, 1, 8, dept, dr))
            drug("XJ01CAA040E001", r.randint(2, 4))
            drug("ZA04CAX0271010200", r.randint(12, 24))
            if age <= 14 and r.random() < 0.5:       # DR-03: paediatric syrup only to age <= 14
                drug("XR05CBA093E001", 1)
        elif cat == "K29":
            drug("XA02BCA211A001", r.choice([14, 28]))
        elif cat == "M54":
            L.append(self.line("340100015000000", inst, d, 1, 10, "D08", dr))
            drug("XN02BEA027A001", 10)
        elif cat == "R51":
            drug("XN02BEA027A001", r.randint(6, 12))
        elif cat == "I10":
            drug("XC08CAA016A001", 28)
            drug("XC09CAX023A001", 28)
        elif cat == "E11":
            drug("XA10BAE032A001", 60)
            drug("XA10BHS101A001", 28)               # DR-01: limited to E11, dx is E11
            L.append(self.line("250102035000000", inst, d, 1, 8, dept, dr))
            last = self.person_state.get("hba1c")
            if med_type == "14" and (last is None or (d - last).days >= 20):   # NT-04: 1 per 15 days
                L.append(self.line("250310021000000", inst, d, 1, 8, dept, dr))
                self.person_state["hba1c"] = d
        elif cat in ("L30", "H10"):
            drug("XR06AXL036A001", 6)
        elif cat == "N76":                           # DR-02: female-only items to women
            L.append(self.line("311201000010000", inst, d, 1, 9, dept, dr))
        elif cat == "N40":                           # male-only items to men
            L.append(self.line("250601001000000", inst, d, 1, 9, dept, dr))
            drug("XG04CAT038A001", 14)
        elif cat == "M81":
            if age >= 50:                            # DR-03: min age 50
                drug("XM05BAA011A001", 1)
            drug("XN02BEA027A001", 6)
        return L

    def pharmacy_lines(self, p, ph, d):
        r = self.rng
        L = []
        for c in r.sample(PHARMACY_ITEMS, r.randint(1, 3)):
            it = ITEMS[c]
            n = r.randint(1, int(it["max_daily"])) if it["max_daily"] else r.randint(1, 4) * (10 if it["price"] < 1 else 1)
            rx = self.rxno() if it["rx"] == "1" else ""        # DR-08: prescription drugs carry rxno
            L.append(self.line(c, ph, d, n, None, "", "", rx))
        self.unround(L, ph, d)
        return L

    def unround(self, L, ph, d):
        """PH-04: a clean pharmacy settlement never totals a multiple of 10 yuan."""
        while sum(x[5] * x[6] for x in L) % 1000 == 0:
            L.append(self.line("ZA12BAT0133010100", ph, d, 7, None, "", "", ""))

    def age(self, p, d):
        return d.year - p.brdy.year - ((d.month, d.day) < (p.brdy.month, p.brdy.day))

    # ------------------------------------------------------------------ one person's year
    def person_year(self, budget):
        """Generate one person and their settlements, at most `budget` settlements. Returns count."""
        r = self.rng
        roll = r.random()
        if roll < 0.003:
            profile = "dialysis"
        elif roll < 0.18:
            profile = "chronic"
        else:
            profile = "regular"
        age = min(95, max(0, int(r.triangular(0, 95, 50))))
        if profile != "regular":
            age = max(age, 40)
        poverty = "1" if r.random() < 0.03 else "0"
        wubao = "1" if r.random() < 0.01 else "0"
        admdvs = "320100" if r.random() < 0.95 else r.choice(["340100", "370100", "410100"])
        death = None
        if r.random() < 0.004:
            death = Y0 + dt.timedelta(days=r.randint(120, 360))
        p = self.new_person(age=age, poverty=poverty, wubao=wubao, admdvs=admdvs, death=death)
        self.person_state = {}
        last_day = min(Y1, death - dt.timedelta(days=1)) if death else Y1   # PS-01
        blocked = set()
        plans = []   # (date, kind, payload)
        # inpatient stays: key populations (IN-03) are never admitted in clean data
        n_stay = 0
        if profile != "dialysis" and poverty == "0" and wubao == "0":
            x = r.random()
            n_stay = 2 if x < 0.03 else 1 if x < 0.17 else 0
        prev_end = None
        for _ in range(n_stay):
            lo = 0 if prev_end is None else (prev_end - Y0).days + 60          # IP-01 / IP-05
            hi = (last_day - Y0).days - 15
            if lo >= hi:
                break
            begn = Y0 + dt.timedelta(days=r.randint(lo, hi))
            dx = r.choice(INPATIENT_DX)
            cat = dx[0][:3]
            los = r.randint(3, 12) if cat in ("K80", "S72", "I63", "I61", "I21") else r.randint(2, 10)
            end = begn + dt.timedelta(days=los)
            inst = self.pick_hosp(begn, end)
            begn2 = self.admit_day(inst, begn, begn + dt.timedelta(days=3))
            end = begn2 + dt.timedelta(days=los)
            if end > last_day or not inst.open_on(end):
                continue
            begn = begn2
            plans.append((begn, "21", (inst, end, dx)))
            for k in range((end - begn).days + 1):                            # IP-06
                blocked.add(begn + dt.timedelta(days=k))
            prev_end = end
        free = lambda d: d not in blocked and d <= last_day  # noqa: E731
        if profile == "dialysis":
            inst = self.pick_hosp(Y0, Y0, "1")
            d = Y0 + dt.timedelta(days=(7 - Y0.weekday()) % 7)   # Mondays and Thursdays: 2 a week (SP-01)
            while d <= last_day and d <= inst.agmt_end:
                plans.append((d, "dialysis", inst))
                d += dt.timedelta(days=3 if d.weekday() == 0 else 4)
        if profile == "chronic":
            dx = r.choice([("I10.x00", "原发性高血压", None), ("E11.900", "2型糖尿病", None)])
            inst = self.pick_hosp(Y0, Y0)
            d = Y0 + dt.timedelta(days=r.randint(0, 30))
            while d <= last_day:
                if free(d) and inst.open_on(d):
                    plans.append((d, "14", (inst, dx)))
                d += dt.timedelta(days=r.randint(28, 35))
        n_other = max(0, int(r.expovariate(1 / 3.0)))
        for _ in range(n_other):
            d = Y0 + dt.timedelta(days=r.randint(0, 364))
            if not free(d):
                continue
            if r.random() < 0.35:
                plans.append((d, "41", None))
            else:
                plans.append((d, r.choice(["11", "11", "11", "13"]), None))
        plans.sort(key=lambda x: (x[0], x[1]))
        pharm_days = set()
        n = 0
        for d, kind, payload in plans:
            if n >= budget:
                break
            if kind == "41" and d in pharm_days:     # PH-02: one pharmacy settlement a day
                continue
            n += 1
            self.clean_encounter(p, d, kind, payload)
            if kind == "41":
                pharm_days.add(d)
        return n

    def clean_encounter(self, p, d, kind, payload):
        r = self.rng
        if kind == "21":
            inst, end, dx = payload
            ctx = dict(kind="21", p=p, inst=inst, begn=d, end=end, dx=dx)
            inj = self.maybe_inject(ctx)
            # a mutation may shorten the stay (IP-03): build the lines for the stay as written
            L = self.inpatient_lines(p, inst, d, ctx["end"], dx, **ctx.get("build", {}))
            self.finish(ctx, inj, L, "21")
        elif kind == "dialysis":
            inst = payload
            dr = self.doctor(inst)
            L = [self.line("003105010010000", inst, d, 1, 8, "D07", dr),
                 self.line("C10070116903000", inst, d, 1, 8, "D07", dr),
                 self.line("C10070216903001", inst, d, 1, 8, "D07", dr)]
            self.emit(p, inst, "14", d, d, ("N18.500", "慢性肾脏病5期"), L)
        elif kind == "14":
            inst, dx = payload
            ctx = dict(kind="14", p=p, inst=inst, begn=d, end=d, dx=dx[:2])
            inj = self.maybe_inject(ctx)
            L = self.outpatient_lines(p, inst, d, dx, "14")
            self.finish(ctx, inj, L, "14")
        elif kind == "41":
            ph = self.pick_phar(d)
            ctx = dict(kind="41", p=p, inst=ph, begn=d, end=d, dx=None)
            inj = self.maybe_inject(ctx)
            L = self.pharmacy_lines(p, ph, d)
            self.finish(ctx, inj, L, "41")
        else:
            inst = self.pick_hosp(d, d)
            age = self.age(p, d)
            choices = [x for x in OUTPATIENT_DX if x[2] in (None, p.gend)
                       and not (x[0].startswith("M81") and age < 55)]
            dx = r.choice(choices)
            ctx = dict(kind=kind, p=p, inst=inst, begn=d, end=d, dx=dx[:2])
            inj = self.maybe_inject(ctx)
            L = self.outpatient_lines(p, inst, d, dx, kind)
            setl_type, invono = "1", ""
            if r.random() < 0.003 and not inj:        # PS-02: manual reimbursement, unique invoice
                setl_type = "2"
                self.inv_seq = getattr(self, "inv_seq", 0) + 1
                invono = f"INV{YEAR}{self.inv_seq:08d}"
            ctx["setl_type"], ctx["invono"] = setl_type, invono
            res = self.finish(ctx, inj, L, kind)
            if r.random() < 0.002 and not inj:        # a reversal record: never counted
                sid = self.emit(p, inst, kind, d, d, dx[:2], L, refd=True, kind="reversal",
                                setl_type=setl_type, invono=invono)[0]
                self.miss("*", sid, setl_id=sid, note=f"reversal (refd_setl_flag=1) of {res[0]}: excluded by every rule")

    def finish(self, ctx, inj, L, med_type):
        if inj:
            inj.mutate(ctx, L)
        elif self.lines_scale > 1:                   # benchmark volume: see volume.py
            self.add_routine_lines(ctx, L, med_type)
        res = self.emit(ctx["p"], ctx["inst"], med_type, ctx["begn"], ctx["end"], ctx["dx"], L,
                        oth_dx=ctx.get("oth_dx", ""), setl_type=ctx.get("setl_type", "1"),
                        invono=ctx.get("invono", ""), gend=ctx.get("gend"), age=ctx.get("age"),
                        medfee_extra=ctx.get("medfee_extra", 0))
        if inj:
            inj.record(ctx, L, res)
        return res
