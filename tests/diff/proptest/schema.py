"""The data contract as the property test sees it: tables, columns, links and dictionaries read
from stdlib-rules/std/schema.rule, and the lists and helpers of std/lists.rule, so that the
generated rules and data follow the schema as it changes.

Types are `Type` values: a kind (int, dec, money, date, datetime, str, code, bool, row, list,
group) and, where it matters, the table of a row, the dictionary of a code, the element of a list
or the keys of a group.
"""
import re

SCALARS = ("int", "dec", "money", "date", "datetime", "str", "code", "bool")


class Type:
    __slots__ = ("kind", "table", "dict", "elem", "keys")

    def __init__(self, kind, table=None, dict=None, elem=None, keys=None):
        self.kind, self.table, self.dict, self.elem, self.keys = kind, table, dict, elem, keys

    def __eq__(self, other):
        return (isinstance(other, Type) and self.kind == other.kind and self.table == other.table
                and self.dict == other.dict and self.elem == other.elem and self.keys == other.keys)

    def __hash__(self):
        return hash((self.kind, self.table, self.dict))

    def __repr__(self):
        if self.kind == "row":
            return f"row({self.table})"
        if self.kind == "list":
            return f"list of {self.elem!r}"
        if self.kind == "code" and self.dict:
            return f"code({self.dict})"
        if self.kind == "group":
            return f"group({', '.join(k for k, _ in self.keys)})"
        return self.kind

    @property
    def text(self):
        return self.kind in ("str", "code")

    @property
    def numeric(self):
        return self.kind in ("int", "dec")

    @property
    def scalar(self):
        return self.kind in SCALARS


def row(table):
    return Type("row", table=table)


def list_of(elem):
    return Type("list", elem=elem)


INT, DEC, MONEY, DATE, DATETIME, STR, CODE, BOOL = (Type(k) for k in SCALARS)


class Column:
    def __init__(self, name, type, key=False, required=False):
        self.name, self.type, self.key, self.required = name, type, key, required


class Link:
    def __init__(self, name, target, many, ours, theirs):
        self.name, self.target, self.many, self.ours, self.theirs = name, target, many, ours, theirs


class Table:
    def __init__(self, name):
        self.name = name
        self.role = None
        self.columns = []
        self.key = []
        self.links = []

    def column(self, name):
        return next((c for c in self.columns if c.name == name), None)


class Schema:
    def __init__(self):
        self.tables = {}
        self.dicts = {}
        self.lists = {}      # named list -> element Type (std.lists)
        self.defines = {}    # define -> ([param Types], result Type or None)

    def by_role(self, role):
        return next(t for t in self.tables.values() if t.role == role)


def _type(text):
    text = text.strip()
    m = re.fullmatch(r"(list|set) of (.+)", text)
    if m:
        return list_of(_type(m.group(2)))
    m = re.fullmatch(r"code\((\w+)\)", text)
    if m:
        return Type("code", dict=m.group(1))
    if text in SCALARS:
        return Type(text)
    return row(text)


def _strip_comment(line):
    out, quoted = [], False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        if not quoted and (ch == "#" or line.startswith("//", i)):
            break
        out.append(ch)
    return "".join(out).strip()


def load(schema_path, lists_path):
    s = Schema()
    table = dct = None
    with open(schema_path, encoding="utf-8") as f:
        lines = [_strip_comment(l) for l in f]
    for line in lines:
        if not line:
            continue
        m = re.match(r'table (\S+) "[^"]*" \{', line)
        if m:
            table = s.tables.setdefault(m.group(1), Table(m.group(1)))
            continue
        m = re.match(r'dict (\S+) "[^"]*" \{', line)
        if m:
            dct = s.dicts.setdefault(m.group(1), [])
            continue
        if line == "}":
            table = dct = None
            continue
        if dct is not None:
            m = re.match(r'"([^"]*)"\s*:', line)
            if m:
                dct.append(m.group(1))
            continue
        if table is None:
            continue
        m = re.fullmatch(r"role (\w+)", line)
        if m:
            table.role = m.group(1)
            continue
        m = re.fullmatch(r"key \((.*)\)", line)
        if m:
            table.key = [k.strip() for k in m.group(1).split(",")]
            continue
        m = re.fullmatch(r"link (\S+)\s*->\s*(many )?\s*(\S+) on (\w+)(?:\s*=\s*(\w+))?", line)
        if m:
            ours = m.group(4)
            table.links.append(Link(m.group(1), m.group(3), bool(m.group(2)), ours, m.group(5) or ours))
            continue
        m = re.fullmatch(r'(\S+)\s+(list of \w+|code\(\w+\)|\w+)\s*(key|required)?\s*"[^"]*"', line)
        if m:
            col = Column(m.group(1), _type(m.group(2)), m.group(3) == "key", m.group(3) == "required")
            table.columns.append(col)
            if col.key:
                table.key.append(col.name)
    with open(lists_path, encoding="utf-8") as f:
        text = "\n".join(_strip_comment(l) for l in f)
    for m in re.finditer(r'^list (\S+) "[^"]*" =\s*\[\s*"', text, re.M):
        s.lists[m.group(1)] = STR
    for m in re.finditer(r"^define (\S+)\((.*?)\)\s*(?::\s*(\w+))?\s*=", text, re.M):
        params = [_type(p.split(":")[1]) for p in m.group(2).split(",")]
        s.defines[m.group(1)] = (params, _type(m.group(3)) if m.group(3) else None)
    return s
