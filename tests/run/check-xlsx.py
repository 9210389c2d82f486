#!/usr/bin/env python3
"""Reads a run's report.xlsx back (a zip of SpreadsheetML; Python standard library only) and
checks that its sheets hold the same tables as the CSV reports of the same run: 附表2
(table2.csv), 机构追回与罚款 (institutions.csv) and 规则 (rules.csv) cell for cell, money as numbers
equal to the CSV's yuan, and one 命中明细 row per hit of hits.csv.

    tests/run/check-xlsx.py OUT_DIR      exit 0 equal, 1 different
"""
import csv
import re
import sys
import zipfile
from decimal import Decimal
from xml.etree import ElementTree

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_sheets(path):
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ElementTree.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    book = ElementTree.fromstring(z.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    sheets = {}
    for s in book.find("m:sheets", NS):
        xml = ElementTree.fromstring(z.read("xl/" + targets[s.get(REL)]))
        rows = {}
        for row in xml.iter("{%s}row" % NS["m"]):
            cells = {}
            for c in row.findall("m:c", NS):
                kind, v = c.get("t"), c.find("m:v", NS)
                if kind == "s":
                    value = shared[int(v.text)]
                elif kind == "inlineStr":
                    value = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
                else:
                    value = Decimal(v.text) if v is not None else ""
                cells[column_index(c.get("r"))] = value
            rows[int(row.get("r"))] = [cells.get(i, "") for i in range(max(cells) + 1)] if cells else []
        sheets[s.get("name")] = rows
    return sheets


def same(cell, text):
    # Excel keeps a number as a binary double and shows 15 digits: money written as yuan (fen /
    # 100) reads back as the nearest double, equal to the CSV's text once rounded to the fen.
    if isinstance(cell, Decimal):
        try:
            want = Decimal(text)
        except ArithmeticError:
            return False
        return cell.quantize(Decimal("0.01")) == want
    return cell == text


def main(out):
    sheets = read_sheets(f"{out}/report.xlsx")
    failed = False
    for sheet, name in (("附表2", "table2.csv"), ("机构追回与罚款", "institutions.csv"), ("规则", "rules.csv")):
        with open(f"{out}/{name}", encoding="utf-8") as f:
            table = list(csv.reader(f))
        rows = sheets.get(sheet)
        if rows is None:
            print(f"report.xlsx has no sheet {sheet}")
            failed = True
            continue
        # The title is on row 1, the headings on row 3, the data from row 4.
        for i, record in enumerate(table):
            got = rows.get(3 + i, [])
            got = got + [""] * (len(record) - len(got))
            if not all(same(c, t) for c, t in zip(got, record)):
                print(f"{sheet} row {3 + i}: {got} != {record} ({name})")
                failed = True
                break
    with open(f"{out}/hits.csv", encoding="utf-8") as f:
        hits = sum(1 for _ in csv.reader(f)) - 1
    listed = sum(1 for r, cells in sheets.get("命中明细", {}).items() if r > 1 and cells)
    if listed != hits:
        print(f"命中明细 has {listed} rows, hits.csv {hits}")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
