"""More fee lines per settlement for benchmark-sized datasets (`--lines-scale K`).

The clean encounters of clean.py carry the few lines each rule needs (about 5.2 a settlement on
average). Real exports have many more: an inpatient stay bills several drugs, follow-up labs and
consumables every day; an outpatient visit adds a prescription or a lab. With K > 1 every clean,
non-injected encounter gets about (K - 1) x its own number of such routine lines, so that
1,000,000 settlements give more than 10 million fee lines at K = 2.

Routine lines must keep the background clear of every rule (tools/datagen/README.md), so they
use only:
* catalogue drugs and 中成药/饮片 without any restriction (no max_daily_cnt, lmt_*, key,
  course, frequency, research flag; 甲/乙 class), billed at the standard price (CH-07, DR-05:
  psi_d follows the billed quantities automatically);
* labs and consumables with a daily maximum, only where the settlement's quantity of that code on
  that day stays within it (CH-04-b), and labs of an inpatient stay only from day 2 on (IP-08
  looks at the admission exams of days 0-1);
* the encounter's institution and one of its registered doctors (IN-06); prescription drugs get a
  prescription number (DR-08); a pharmacy settlement is made non-round again afterwards (PH-04).
No item in an exclusive, includes or requires relation is used (CH-02, CH-03, CH-05, NT-06).

With K = 1 (the default) nothing here runs and no random number is drawn, so the default output
stays byte-identical to earlier versions (examples/demo-data, tests/run).
"""
import datetime as dt

from catalog import CATALOG, ITEMS, ITEM_REL

_RELATED = {c for a, b, _ in ITEM_REL for c in (a, b)}


def _free_drug(it):
    """A drug any clean encounter may bill in any quantity without touching a rule."""
    return (it["list_type"] in ("101", "102") and it["price"] is not None and it["lv"] in ("01", "02")
            and not it["scenario_only"] and it["code"] not in _RELATED
            and all(it[k] is None for k in ("max_daily", "lmt_gend", "lmt_age_min", "lmt_age_max",
                                             "lmt_dise", "lmt_inhosp", "key", "research",
                                             "lmt_hosp_lv", "lmt_insutype", "course", "freq_cnt",
                                             "freq_days")))


# Fixed, ordered pools (never built from sets: the output must not depend on hash order).
FREE_DRUGS = [it["code"] for it in CATALOG if _free_drug(it)]
FOLLOW_UP_LABS = ["250301001000000", "250302001000000", "250304001000000", "250104001000000",
                  "250401001000000", "250203001000000"]
WARD_CONSUMABLES = ["C02030213100001", "C01020200500001", "C02030112700003"]


class VolumeMixin:
    def add_routine_lines(self, ctx, L, med_type):
        """Append about (lines_scale - 1) x len(L) routine lines to a clean encounter's lines."""
        r = self.rng
        want = int((self.lines_scale - 1) * len(L) + r.random())
        if want <= 0:
            return
        inst, begn, end = ctx["inst"], ctx["begn"], ctx["end"]
        used = {}                                   # (day, code) -> quantity already billed
        for ln in L:
            k = (ln[8][:10], ln[0])
            used[k] = used.get(k, 0) + ln[5]
        pharmacy = med_type == "41"
        dr = "" if pharmacy else self.doctor(inst)
        dept = "" if pharmacy else (L[0][9] if L and L[0][9] else "D01")
        stay_days = max((end - begn).days, 1) if med_type == "21" else 1
        for _ in range(want):
            k = r.randrange(stay_days)
            d = begn + dt.timedelta(days=k)
            code = self._routine_item(d, k, med_type, used)
            it = ITEMS[code]
            if it["list_type"] in ("101", "102"):
                cnt = r.randint(1, 3) * (7 if med_type in ("11", "13", "14", "41") else 1)
                rx = self.rxno() if it["rx"] == "1" else ""
            else:
                cnt, rx = 1, ""
            used[(d.isoformat(), code)] = used.get((d.isoformat(), code), 0) + cnt
            L.append(self.line(code, inst, d, cnt, None if pharmacy else r.randint(8, 18),
                               dept, dr, rx))
        if pharmacy:
            self.unround(L, inst, begn)

    def _routine_item(self, d, k, med_type, used):
        """A drug, or (in hospitals) a lab or consumable that still fits under its daily maximum."""
        r = self.rng
        x = r.random()
        if med_type != "41" and x < 0.35:
            pool = FOLLOW_UP_LABS if x < 0.2 or med_type != "21" else WARD_CONSUMABLES
            if med_type == "21" and k < 2:
                pool = WARD_CONSUMABLES                  # IP-08: no extra admission exams
            code = pool[r.randrange(len(pool))]
            if used.get((d.isoformat(), code), 0) + 1 <= int(ITEMS[code]["max_daily"]):
                return code
        return FREE_DRUGS[r.randrange(len(FREE_DRUGS))]
