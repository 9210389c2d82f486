"""A small random dataset in the layout of the data contract (one TABLE.csv per table of
std.schema, UTF-8, header, empty = missing), with adversarial values: missing cells, zeros and
negative amounts, equal and reversed dates, month/quarter/year boundaries, duplicate codes, fee
lines without their settlement, items outside the catalogue, persons and institutions missing
from their tables, reversal records, and now and then a row the reader must reject.

The dataset is held as {table: [row dict]} so that the shrinker can drop rows and write it again.
"""
import csv
import datetime
import os

from . import pools

MISSING = 0.15


class DataGen:
    def __init__(self, rng, schema):
        self.rng, self.schema = rng, schema

    def chance(self, p):
        return self.rng.random() < p

    def pick(self, seq):
        return self.rng.choice(seq)

    def value(self, column):
        """A random cell for a column of the given type ("" is missing)."""
        if not (column.key or column.required) and self.chance(MISSING):
            return ""
        t = column.type
        if t.kind == "int":
            return self.pick(pools.INTS)
        if t.kind == "dec":
            return self.pick(pools.DEC)
        if t.kind == "money":
            return self.pick(pools.MONEY)
        if t.kind == "date":
            return self.pick(pools.DATES + ["1950-06-15", "2000-02-29", "2024-02-29"])
        if t.kind == "datetime":
            return f"{self.pick(pools.DATES)} {self.pick(pools.TIMES)}"
        if t.kind == "code" and t.dict:
            codes = self.schema.dicts[t.dict]
            return self.pick(codes)
        if t.kind == "code":
            return self.pick(["320100", "320200", "110000"])
        if t.kind == "list":
            return "|".join(self.pick(pools.DIAGNOSES + pools.PREFIXES) for _ in range(self.rng.randint(1, 3)))
        return self.pick(pools.NAMES + pools.DIAGNOSES + pools.ITEMS)

    def rows(self, table, count, fixed):
        """`count` rows of `table`; `fixed(i)` gives the cells chosen on purpose."""
        tab = self.schema.tables[table]
        out = []
        for i in range(count):
            r = {c.name: self.value(c) for c in tab.columns}
            r.update(fixed(i))
            out.append(r)
        return out

    def unique(self, rows, key):
        seen, out = set(), []
        for r in rows:
            k = tuple(r[c] for c in key)
            if k not in seen:
                seen.add(k)
                out.append(r)
        return out

    def dataset(self):
        rng, pick = self.rng, self.pick
        s = self.schema
        setl, line = s.by_role("settlement").name, s.by_role("fee_line").name
        person, inst = s.by_role("person").name, s.by_role("institution").name
        data = {}
        n = rng.randint(15, 40)

        def settlement(i):
            begin = datetime.date.fromisoformat(pick(pools.DATES))
            end = begin + datetime.timedelta(days=pick([0, 0, 1, 3, 9, -1]))
            return {"setl_id": f"S{i + 1}", "psn_no": pick(pools.PERSONS + [""]),
                    "fixmedins_code": pick(pools.INSTITUTIONS + ["H9", ""]),
                    "begndate": begin.isoformat(), "enddate": end.isoformat(),
                    "dise_codg": pick(pools.DIAGNOSES + [""]),
                    "refd_setl_flag": "1" if self.chance(0.05) else pick(["0", "0", ""])}
        data[setl] = self.rows(setl, n, settlement)

        lines = []
        for st in data[setl]:
            for _ in range(pick([0, 1, 2, 3, 3, 5])):
                lines.append(self.fee_line(len(lines), st))
        for _ in range(rng.randint(0, 2)):   # fee lines whose settlement is not in the data
            lines.append(self.fee_line(len(lines), {"setl_id": "S999", "psn_no": "P1", "begndate": "2024-03-01"}))
        data[line] = lines

        data[person] = self.rows(person, len(pools.PERSONS) - 1,
                                 lambda i: {"psn_no": pools.PERSONS[i],
                                            "death_date": pick(pools.DATES) if self.chance(0.2) else ""})
        data[inst] = self.rows(inst, len(pools.INSTITUTIONS) - 1,
                               lambda i: {"fixmedins_code": [c for c in pools.INSTITUTIONS if c != "H4"][i],
                                          "hosp_lv": pick(["1", "2", "2", "3", ""])})
        for t in s.tables.values():
            if t.name in data:
                continue
            if t.name == "hilist_b":
                rows = self.rows(t.name, len(pools.ITEMS), lambda i: {"hilist_code": pools.ITEMS[i]})
            elif t.name == "psi_d":
                rows = self.rows(t.name, rng.randint(3, 12),
                                 lambda i: {"fixmedins_code": pick(pools.INSTITUTIONS), "med_list_codg": pick(pools.ITEMS),
                                            "ym": pick(pools.MONTHS)})
            elif t.name == "pract_b":
                rows = self.rows(t.name, rng.randint(2, 8),
                                 lambda i: {"dr_codg": pick(pools.DOCTORS), "fixmedins_code": pick(pools.INSTITUTIONS)})
            elif t.name == "item_rel_b":
                rows = self.rows(t.name, rng.randint(2, 6),
                                 lambda i: {"code_a": pick(pools.ITEMS), "code_b": pick(pools.ITEMS)})
            else:
                rows = self.rows(t.name, rng.randint(2, 6), lambda i: {})
            data[t.name] = self.unique(rows, t.key) if t.key else rows
        if self.chance(0.3):
            self.unreadable_row(data, setl, line)
        return data

    def fee_line(self, j, st):
        pick = self.pick
        r = {c.name: self.value(c) for c in self.schema.by_role("fee_line").columns}
        day = datetime.date.fromisoformat(st["begndate"]) + datetime.timedelta(days=pick([0, 0, 1, 2, -1]))
        r.update({"feedetl_sn": f"F{j + 1}", "setl_id": st["setl_id"],
                  "psn_no": st["psn_no"] if self.chance(0.8) else pick(pools.PERSONS + [""]),
                  "fee_ocur_time": f"{day.isoformat()} {pick(pools.TIMES)}" if self.chance(0.85) else "",
                  "med_list_codg": pick(pools.ITEMS + pools.UNLISTED_ITEMS),
                  "bilg_dr_codg": pick(pools.DOCTORS + [""])})
        if r["cnt"] and r["pric"] and self.chance(0.7):
            fen = round(float(r["cnt"]) * float(r["pric"]) * 100)
            r["det_item_fee_sumamt"] = f"{'-' if fen < 0 else ''}{abs(fen) // 100}.{abs(fen) % 100:02d}"
        return r

    def unreadable_row(self, data, setl, line):
        """One row the reader must reject (a duplicate key, a bad date, three decimals)."""
        kind = self.pick(["duplicate", "date", "money"])
        if kind == "duplicate" and data[setl]:
            data[setl].append(dict(self.pick(data[setl])))
        elif kind == "date" and data[setl]:
            bad = dict(self.pick(data[setl]))
            bad.update({"setl_id": "S-bad", "begndate": "2024-02-30"})
            data[setl].append(bad)
        elif data[line]:
            bad = dict(self.pick(data[line]))
            bad.update({"feedetl_sn": "F-bad", "pric": "1.234"})
            data[line].append(bad)


def write(data, schema, folder):
    os.makedirs(folder, exist_ok=True)
    for table, rows in data.items():
        columns = [c.name for c in schema.tables[table].columns]
        with open(os.path.join(folder, f"{table}.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(columns)
            for r in rows:
                w.writerow([r.get(c, "") for c in columns])
