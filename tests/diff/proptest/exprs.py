"""Random well-typed expressions of the rule language, as trees that can be printed and shrunk.

`ExprGen.gen(type, depth)` returns an `Expr` of that type built from the names in scope (scope
names, lets, parameters, the `for each` element, aggregate elements), the columns and links of
the schema, literals from `pools`, built-in functions, aggregates, look-ups, the helpers of
std.lists and, in institution rules, the peer functions. The typing follows
compiler/sema/expr_checker.cpp; a generated expression that `fundguard check` refuses is a bug
of this file.
"""
import json

from . import pools
from .schema import BOOL, DATE, DATETIME, DEC, INT, MONEY, STR, Type, list_of, row

HOLE = "\x00"


class Expr:
    """A node: text with HOLE where each child goes. `binds` are the names the node introduces
    for its children (an aggregate's element); `names` the names a leaf refers to."""
    __slots__ = ("fmt", "kids", "type", "binds", "names")

    def __init__(self, fmt, kids, type, binds=(), names=()):
        self.fmt, self.kids, self.type = fmt, list(kids), type
        self.binds, self.names = frozenset(binds), frozenset(names)

    def render(self):
        if not self.kids:
            return self.fmt
        parts = self.fmt.split(HOLE)
        out = [parts[0]]
        for kid, part in zip(self.kids, parts[1:]):
            out.append(kid.render())
            out.append(part)
        return "".join(out)

    def free(self):
        names = set(self.names)
        for k in self.kids:
            names |= k.free()
        return names - self.binds

    def walk(self):
        yield self
        for k in self.kids:
            yield from k.walk()

    def size(self):
        return 1 + sum(k.size() for k in self.kids)


def leaf(text, type, names=()):
    return Expr(text, [], type, names=names)


def node(fmt, kids, type, binds=()):
    return Expr(fmt, kids, type, binds=binds)


def quote(text):
    return json.dumps(text, ensure_ascii=False)


class Scope:
    """The names visible to an expression: name -> Type, plus what the rule allows."""

    def __init__(self, kind, names, has_peers=False):
        self.kind = kind                 # line, claim, person, institution
        self.names = dict(names)
        self.has_peers = has_peers
        self.ordered = None              # the single `for each` element (previous/next)
        self.in_aggregate = 0

    def copy_with(self, name, type):
        s = Scope(self.kind, self.names, self.has_peers)
        s.ordered, s.in_aggregate = self.ordered, self.in_aggregate + 1
        s.names[name] = type
        return s


class ExprGen:
    def __init__(self, rng, schema, counter):
        self.rng, self.schema = rng, schema
        self.counter = counter            # shared fresh-name counter: [int]
        self.setl = schema.by_role("settlement").name
        self.line = schema.by_role("fee_line").name

    # ------------------------------------------------------------------ helpers
    def fresh(self, base="x"):
        self.counter[0] += 1
        return f"{base}{self.counter[0]}"

    def pick(self, seq):
        return self.rng.choice(seq)

    def chance(self, p):
        return self.rng.random() < p

    def paths(self, sc, want, hops=2, include_rows=False):
        """Name paths of type `want` from the row-typed names in scope: v.col, v.link.col, ..."""
        found = []
        for name, t in sc.names.items():
            if t == want:
                found.append(leaf(name, t, [name]))
            if t.kind == "row":
                self._paths_from(name, name, t.table, want, hops, found)
            if t.kind == "group":
                found += [leaf(f"{name}.{k}", kt, [name]) for k, kt in t.keys if self._fits(kt, want)]
        if sc.ordered and self.chance(0.5):
            # the neighbours of the `for each` element: previous(e), next(e).field
            name, t = sc.ordered, sc.names[sc.ordered]
            near = f"{self.pick(['previous', 'next'])}({name})"
            if t == want or (t.kind == "str" and want.kind == "str"):
                found.append(leaf(near, t, [name]))
            if t.kind == "row":
                self._paths_from(name, near, t.table, want, min(hops, 1), found)
        return found

    def _paths_from(self, root, text, table, want, hops, found):
        tab = self.schema.tables[table]
        for c in tab.columns:
            if self._fits(c.type, want):
                found.append(leaf(f"{text}.{c.name}", c.type, [root]))
        if hops == 0:
            return
        for l in tab.links:
            t = list_of(row(l.target)) if l.many else row(l.target)
            if t == want:
                found.append(leaf(f"{text}.{l.name}", t, [root]))
            if not l.many:
                self._paths_from(root, f"{text}.{l.name}", l.target, want, hops - 1, found)

    @staticmethod
    def _fits(have, want):
        if want.kind == "str":        # any text but a code of a dictionary
            return have.kind == "str" or (have.kind == "code" and not have.dict)
        return have == want

    # ------------------------------------------------------------------ entry
    def gen(self, t, sc, depth, lit_ok=True):
        k = t.kind
        if k == "bool":
            return self.gen_bool(sc, depth)
        if k in ("int", "dec", "money"):
            return self.gen_number(k, sc, depth, lit_ok)
        if k == "date":
            return self.gen_date(sc, depth)
        if k == "datetime":
            return self.gen_datetime(sc, depth)
        if k in ("str", "code"):
            return self.gen_text(t, sc, depth)
        if k == "row":
            return self.gen_row(t.table, sc, depth)
        if k == "list":
            return self.gen_list(t.elem, sc, depth)
        raise ValueError(f"cannot generate {t!r}")

    def literal(self, t):
        k = t.kind
        if k == "int":
            return leaf(self.pick(pools.INT_LITERALS), INT)
        if k == "dec":
            return leaf(self.pick(pools.DEC_LITERALS), DEC)
        if k == "money":
            return leaf(self.pick(pools.MONEY_LITERALS), MONEY)
        if k == "date":
            return leaf(self.pick(pools.DATES), DATE)
        if k == "datetime":
            return leaf(f"{self.pick(pools.DATES)} {self.pick(pools.TIMES)}", DATETIME)
        if k == "bool":
            return leaf(self.pick(["true", "false"]), BOOL)
        if k == "code" and t.dict:
            return leaf(quote(self.pick(self.schema.dicts[t.dict])), STR)
        return leaf(quote(self.pick(pools.TEXTS)), STR)

    def leaf_of(self, t, sc, lit_ok=True):
        cands = self.paths(sc, t)
        if t.kind == "money" and not lit_ok:
            # a number literal is money only next to money: elsewhere read an amount column
            return self.pick(cands) if cands else self.money_column()
        if not cands or self.chance(0.25):
            return self.literal(t)
        return self.pick(cands)

    def money_column(self):
        tab = self.schema.tables[self.setl]
        col = self.pick([c.name for c in tab.columns if c.type == MONEY])
        return leaf(f'lookup({self.setl}, setl_id: "S{self.rng.randint(1, 9)}").{col}', MONEY)

    # ------------------------------------------------------------------ numbers
    def gen_number(self, k, sc, depth, lit_ok=True):
        t = {"int": INT, "dec": DEC, "money": MONEY}[k]
        if depth <= 0 or self.chance(0.3):
            return self.leaf_of(t, sc, lit_ok)
        d = depth - 1
        forms = ["arith", "arith", "func", "func", "if", "coalesce", "agg", "agg"]
        if sc.kind == "institution" and not sc.in_aggregate:
            forms.append("peer")
        form = self.pick(forms)
        if form == "arith":
            return self.arith(k, sc, d)
        if form == "if":
            a = self.gen_number(k, sc, d, lit_ok=False)
            b = self.gen_number(k, sc, d, lit_ok=True)
            return node(f"(if {HOLE} then {HOLE} else {HOLE})", [self.gen_bool(sc, d), a, b], t)
        if form == "coalesce":
            a = self.gen_number(k, sc, d, lit_ok=False)
            return node(f"coalesce({HOLE}, {HOLE})", [a, self.gen_number(k, sc, d, lit_ok=True)], t)
        if form == "agg":
            return self.numeric_aggregate(k, sc, d)
        if form == "peer":
            return self.peer(k, sc, d)
        return self.number_function(k, sc, d)

    def arith(self, k, sc, d):
        if k == "money":
            op = self.pick(["+", "-", "*", "/", "neg"])
            if op in "+-":
                a, b = self.gen_number("money", sc, d, False), self.gen_number("money", sc, d, True)
                if self.chance(0.5):
                    a, b = b, a
                return node(f"({HOLE} {op} {HOLE})", [a, b], MONEY)
            if op == "*":
                a, b = self.gen_number("money", sc, d, False), self.gen_number(self.pick(["int", "dec"]), sc, d)
                if self.chance(0.3):
                    return node(f"({HOLE} * {HOLE})", [b, a], MONEY)
                return node(f"({HOLE} * {HOLE})", [a, b], MONEY)
            if op == "/":
                a, b = self.gen_number("money", sc, d, False), self.gen_number(self.pick(["int", "dec"]), sc, d)
                return node(f"({HOLE} / {HOLE})", [a, b], MONEY)
            return node(f"(-({HOLE}))", [self.gen_number("money", sc, d, False)], MONEY)
        if k == "int":
            op = self.pick(["+", "-", "*", "neg", "datediff"])
            if op == "neg":
                return node(f"(-({HOLE}))", [self.gen_number("int", sc, d)], INT)
            if op == "datediff":
                return node(f"({HOLE} - {HOLE})", [self.gen_date(sc, d), self.gen_date(sc, d)], INT)
            return node(f"({HOLE} {op} {HOLE})", [self.gen_number("int", sc, d), self.gen_number("int", sc, d)], INT)
        # dec: numbers mixed, a division, or money / money
        op = self.pick(["+", "-", "*", "/", "/", "money/"])
        if op == "money/":
            return node(f"({HOLE} / {HOLE})",
                        [self.gen_number("money", sc, d, False), self.gen_number("money", sc, d, False)], DEC)
        kinds = ["int", "dec"]
        return node(f"({HOLE} {op} {HOLE})",
                    [self.gen_number(self.pick(kinds), sc, d), self.gen_number(self.pick(kinds), sc, d)], DEC)

    def number_function(self, k, sc, d):
        t = {"int": INT, "dec": DEC, "money": MONEY}[k]
        forms = ["abs", "round", "minmax"]
        if k == "int":
            forms += ["days", "age_at", "year", "len", "int", "define"]
        if k == "money":
            forms += ["define"]
        form = self.pick(forms)
        if form == "abs":
            return node(f"abs({HOLE})", [self.gen_number(k, sc, d, False)], t)
        if form == "round":
            places = self.pick(["0", "1", "2", "-1", "-2", "3"]) if k != "int" else self.pick(["0", "-1", "1"])
            return node(f"round({HOLE}, {places})", [self.gen_number(k, sc, d, False)], t)
        if form == "minmax":
            fn = self.pick(["min", "max"])
            return node(f"{fn}({HOLE}, {HOLE})",
                        [self.gen_number(k, sc, d, False), self.gen_number(k, sc, d, True)], t)
        if form in ("days", "age_at"):
            return node(f"{form}({HOLE}, {HOLE})", [self.gen_date(sc, d), self.gen_date(sc, d)], INT)
        if form == "year":
            src = self.gen_date(sc, d) if self.chance(0.6) else self.gen_datetime(sc, d)
            return node(f"year({HOLE})", [src], INT)
        if form == "len":
            if self.chance(0.5):
                return node(f"len({HOLE})", [self.gen_text(STR, sc, d)], INT)
            return node(f"len({HOLE})", [self.gen_list(self.pick([STR, row(self.line)]), sc, d)], INT)
        if form == "int":
            return node(f"int({HOLE})", [self.gen_text(STR, sc, d)], INT)
        call = self.define_call(t, sc, d)
        return call if call else self.leaf_of(t, sc, False)

    def define_call(self, result, sc, d):
        """A call of a std.lists (or local) helper returning `result`, if one fits."""
        fits = [(n, ps) for n, (ps, r) in self.schema.defines.items() if r == result]
        if not fits:
            return None
        name, params = self.pick(fits)
        args = [self.gen(p, sc, d) for p in params]
        return node(f"{name}({', '.join([HOLE] * len(args))})", args, result)

    def numeric_aggregate(self, k, sc, d):
        t = {"int": INT, "dec": DEC, "money": MONEY}[k]
        if k == "int":
            fn = self.pick(["count", "count", "distinct", "sum", "min", "max", "first", "last"])
        elif k == "dec":
            fn = self.pick(["share", "avg", "median", "stddev", "sum", "min", "max", "first"])
        else:
            fn = self.pick(["sum", "sum", "min", "max", "avg", "median", "stddev", "last"])
        if fn == "count":
            if self.chance(0.3):
                return node(f"count({HOLE})", [self.gen_any_list(sc, d)[0]], INT)
            return self.comprehension("count", None, sc, d, INT, filt=self.chance(0.7))
        if fn == "share":
            return self.comprehension("share", None, sc, d, DEC, filt=True)
        if fn == "distinct":
            return self.comprehension("distinct", self.pick([STR, INT, DATE, MONEY]), sc, d, INT)
        value = t
        if fn in ("avg", "median", "stddev") and k == "dec":
            value = self.pick([INT, DEC])
        return self.comprehension(fn, value, sc, d, t)

    def comprehension(self, fn, value_type, sc, d, result, filt=None, source=None):
        """fn(VALUE for x in LIST where COND) or fn(x in LIST where COND)."""
        src, elem = source or self.gen_any_list(sc, d)
        var = self.fresh("x")
        inner = sc.copy_with(var, elem)
        if filt is None:
            filt = self.chance(0.4)
        kids, text = [src], f"{fn}("
        if value_type is not None:
            value = self.gen(value_type, inner, d, lit_ok=False)
            kids.insert(0, value)
            text += f"{HOLE} for {var} in {HOLE}"
        else:
            text += f"{var} in {HOLE}"
        if filt:
            kids.append(self.gen_bool(inner, d))
            text += f" where {HOLE}"
        return node(text + ")", kids, result, binds=[var])

    def peer(self, k, sc, d):
        t = {"int": INT, "dec": DEC, "money": MONEY}[k]
        if k == "money" and sc.has_peers:
            fn = self.pick(["peer_mean", "peer_stddev", "peer_median", "prior"])
        elif k == "dec" and sc.has_peers:
            fn = self.pick(["zscore", "peer_mean", "peer_stddev", "peer_median", "prior"])
        else:
            fn = "prior"
        arg_kind = k if fn != "zscore" else self.pick(["int", "dec", "money"])
        if k == "dec" and fn in ("peer_mean", "peer_stddev", "peer_median"):
            arg_kind = self.pick(["int", "dec"])
        return node(f"{fn}({HOLE})", [self.gen_number(arg_kind, sc, d, False)], t)

    # ------------------------------------------------------------------ dates and text
    def gen_date(self, sc, depth):
        if depth <= 0 or self.chance(0.35):
            return self.leaf_of(DATE, sc)
        d = depth - 1
        form = self.pick(["plus", "minus", "date", "minmax", "coalesce", "if", "agg", "define"])
        if form in ("plus", "minus"):
            return node(f"({HOLE} {'+' if form == 'plus' else '-'} {HOLE})",
                        [self.gen_date(sc, d), self.gen_number("int", sc, d)], DATE)
        if form == "date":
            return node(f"date({HOLE})", [self.gen_datetime(sc, d)], DATE)
        if form == "minmax":
            return node(f"{self.pick(['min', 'max'])}({HOLE}, {HOLE})", [self.gen_date(sc, d), self.gen_date(sc, d)], DATE)
        if form == "coalesce":
            return node(f"coalesce({HOLE}, {HOLE})", [self.gen_date(sc, d), self.gen_date(sc, d)], DATE)
        if form == "if":
            return node(f"(if {HOLE} then {HOLE} else {HOLE})",
                        [self.gen_bool(sc, d), self.gen_date(sc, d), self.gen_date(sc, d)], DATE)
        if form == "agg":
            return self.comprehension(self.pick(["min", "max", "first", "last"]), DATE, sc, d, DATE)
        call = self.define_call(DATE, sc, d)
        return call if call else self.leaf_of(DATE, sc)

    def gen_datetime(self, sc, depth):
        if depth <= 0 or self.chance(0.5):
            return self.leaf_of(DATETIME, sc)
        d = depth - 1
        form = self.pick(["coalesce", "agg"])
        if form == "coalesce":
            return node(f"coalesce({HOLE}, {HOLE})", [self.gen_datetime(sc, d), self.gen_datetime(sc, d)], DATETIME)
        return self.comprehension(self.pick(["min", "max", "first"]), DATETIME, sc, d, DATETIME)

    def gen_text(self, t, sc, depth):
        """Text: with t a code(DICT), a value of that dictionary; else any text or plain code."""
        if t.kind == "code" and t.dict:
            cands = self.paths(sc, t)
            if cands and not self.chance(0.2):
                return self.pick(cands)
            return self.literal(t)
        if depth <= 0 or self.chance(0.35):
            return self.leaf_of(STR, sc)
        d = depth - 1
        forms = ["prefix", "month", "label", "coalesce", "if", "agg", "define"]
        if "period" in sc.names:
            forms.append("period")
        form = self.pick(forms)
        if form == "prefix":
            return node(f"prefix({HOLE}, {HOLE})", [self.gen_text(STR, sc, d), self.gen_number("int", sc, d)], STR)
        if form == "month":
            src = self.gen_date(sc, d) if self.chance(0.5) else self.gen_datetime(sc, d)
            return node(f"month({HOLE})", [src], STR)
        if form == "label":
            coded = self._coded_paths(sc)
            if coded:
                return node(f"label({HOLE})", [self.pick(coded)], STR)
            return self.leaf_of(STR, sc)
        if form == "coalesce":
            return node(f"coalesce({HOLE}, {HOLE})", [self.gen_text(STR, sc, d), self.gen_text(STR, sc, d)], STR)
        if form == "if":
            return node(f"(if {HOLE} then {HOLE} else {HOLE})",
                        [self.gen_bool(sc, d), self.gen_text(STR, sc, d), self.gen_text(STR, sc, d)], STR)
        if form == "agg":
            return self.comprehension(self.pick(["min", "max", "first", "last"]), STR, sc, d, STR)
        if form == "period":
            return leaf("period", STR, ["period"])
        call = self.define_call(STR, sc, d)
        return call if call else self.leaf_of(STR, sc)

    def _coded_paths(self, sc):
        found = []
        for dname in self.schema.dicts:
            found += self.paths(sc, Type("code", dict=dname), hops=1)
        return found

    # ------------------------------------------------------------------ conditions
    def gen_bool(self, sc, depth):
        if depth <= 0:
            return self.simple_condition(sc)
        d = depth - 1
        form = self.pick(["cmp", "cmp", "cmp", "and", "or", "not", "null", "in", "between",
                          "starts", "contains", "exists", "all", "define", "if", "coalesce", "peer"])
        if form == "and" or form == "or":
            return node(f"({HOLE} {form} {HOLE})", [self.gen_bool(sc, d), self.gen_bool(sc, d)], BOOL)
        if form == "not":
            return node(f"(not {HOLE})", [self.gen_bool(sc, d)], BOOL)
        if form == "null":
            t = self.pick([INT, DEC, MONEY, DATE, STR, DATETIME, row(self.setl)])
            neg = self.pick(["is null", "is not null"])
            return node(f"({HOLE} {neg})", [self.gen(t, sc, d, lit_ok=False)], BOOL)
        if form == "in":
            return self.in_list(sc, d)
        if form == "between":
            k = self.pick(["int", "dec", "money", "date"])
            v = self.gen(Type(k), sc, d, lit_ok=False)
            neg = self.pick(["between", "not between"])
            return node(f"({HOLE} {neg} {HOLE} and {HOLE})",
                        [v, self.gen(Type(k), sc, d), self.gen(Type(k), sc, d)], BOOL)
        if form == "starts":
            v = self.gen_text(STR, sc, d)
            if self.chance(0.5):
                return node(f"({HOLE} starts with {quote(self.pick(pools.PREFIXES))})", [v], BOOL)
            return node(f"({HOLE} starts with {HOLE})", [v, self.text_list(sc, d)], BOOL)
        if form == "contains":
            if self.chance(0.5):
                return node(f"contains({HOLE}, {HOLE})", [self.gen_text(STR, sc, d), self.gen_text(STR, sc, d)], BOOL)
            return node(f"contains({HOLE}, {HOLE})", [self.text_list(sc, d), self.gen_text(STR, sc, d)], BOOL)
        if form == "exists":
            return self.comprehension("exists", None, sc, d, BOOL, filt=self.chance(0.8))
        if form == "all":
            return self.comprehension("all", None, sc, d, BOOL, filt=True)
        if form == "peer" and sc.has_peers and not sc.in_aggregate:
            x = self.gen_number(self.pick(["int", "dec", "money"]), sc, d, False)
            return node(f"(zscore({HOLE}) {self.pick(['>', '<', '>='])} {self.pick(pools.DEC_LITERALS)})", [x], BOOL)
        if form == "define":
            call = self.define_call(BOOL, sc, d)
            return call if call else self.simple_condition(sc)
        if form == "if":
            return node(f"(if {HOLE} then {HOLE} else {HOLE})",
                        [self.gen_bool(sc, d), self.gen_bool(sc, d), self.gen_bool(sc, d)], BOOL)
        if form == "coalesce":
            return node(f"coalesce({HOLE}, {self.pick(['true', 'false'])})", [self.gen_bool(sc, d)], BOOL)
        return self.compare(sc, d)

    def simple_condition(self, sc):
        form = self.pick(["cmp", "null", "bool"])
        if form == "bool":
            params = [leaf(n, BOOL, [n]) for n, t in sc.names.items() if t == BOOL]
            return self.pick(params) if params else self.literal(BOOL)
        if form == "null":
            t = self.pick([INT, DEC, MONEY, DATE, STR])
            return node(f"({HOLE} {self.pick(['is null', 'is not null'])})", [self.leaf_of(t, sc, False)], BOOL)
        return self.compare(sc, 0)

    def compare(self, sc, d):
        op = self.pick(["=", "!=", "<", "<=", ">", ">=", "==", "<>"])
        k = self.pick(["int", "dec", "money", "money", "date", "datetime", "text", "code", "bool"])
        if k == "code":
            coded = self._coded_paths(sc)
            if coded:
                a = self.pick(coded)
                b = self.gen_text(a.type, sc, d)
                return node(f"({HOLE} {op} {HOLE})", [b, a] if self.chance(0.3) else [a, b], BOOL)
            k = "text"
        if k == "text":
            return node(f"({HOLE} {op} {HOLE})", [self.gen_text(STR, sc, d), self.gen_text(STR, sc, d)], BOOL)
        if k == "bool":
            return node(f"({HOLE} {self.pick(['=', '!='])} {HOLE})", [self.gen_bool(sc, d), self.gen_bool(sc, d)], BOOL)
        if k in ("int", "dec"):
            kinds = ["int", "dec"]
            return node(f"({HOLE} {op} {HOLE})", [self.gen_number(self.pick(kinds), sc, d),
                                                  self.gen_number(self.pick(kinds), sc, d)], BOOL)
        t = Type(k)
        a, b = self.gen(t, sc, d, lit_ok=False), self.gen(t, sc, d, lit_ok=True)
        if self.chance(0.3):
            a, b = b, a
        return node(f"({HOLE} {op} {HOLE})", [a, b], BOOL)

    def in_list(self, sc, d):
        neg = self.pick(["in", "not in"])
        form = self.pick(["text", "text", "code", "int", "money", "date"])
        if form == "code":
            coded = self._coded_paths(sc)
            if coded:
                a = self.pick(coded)
                codes = self.schema.dicts[a.type.dict]
                items = ", ".join(quote(self.pick(codes)) for _ in range(self.rng.randint(1, 3)))
                return node(f"({HOLE} {neg} [{items}])", [a], BOOL)
            form = "text"
        if form == "text":
            return node(f"({HOLE} {neg} {HOLE})", [self.gen_text(STR, sc, d), self.text_list(sc, d)], BOOL)
        t = Type(form)
        lits = ", ".join(self.literal(t).render() for _ in range(self.rng.randint(1, 3)))
        return node(f"({HOLE} {neg} [{lits}])", [self.gen(t, sc, d, lit_ok=False)], BOOL)

    def text_list(self, sc, d):
        cands = [leaf(n, list_of(STR), [n]) for n, t in sc.names.items() if t == list_of(STR)]
        cands += [leaf(n, list_of(STR)) for n in self.schema.lists]
        cands += self.paths(sc, list_of(STR), hops=1)
        if cands and self.chance(0.6):
            return self.pick(cands)
        if d > 0 and self.chance(0.3):
            src = self.text_list(sc, d - 1)
            var = self.fresh("t")
            inner = sc.copy_with(var, STR)
            return node(f"filter({var} in {HOLE} where {HOLE})", [src, self.gen_bool(inner, d - 1)],
                        list_of(STR), binds=[var])
        items = ", ".join(quote(self.pick(pools.TEXTS)) for _ in range(self.rng.randint(1, 3)))
        return leaf(f"[{items}]", list_of(STR))

    # ------------------------------------------------------------------ rows and lists
    def gen_row(self, table, sc, depth):
        t = row(table)
        cands = self.paths(sc, t, hops=1)
        if depth > 0 and self.chance(0.3 if cands else 1.0):
            d = depth - 1
            tab = self.schema.tables[table]
            if tab.key and self.chance(0.5):
                return self.lookup(tab, sc, d)
            src = self.gen_list(t, sc, d)
            if self.chance(0.5):
                return node(f"{self.pick(['first', 'last'])}({HOLE})", [src], t)
            return self.comprehension(self.pick(["first", "last"]), None, sc, d, t, filt=True, source=(src, t))
        if cands:
            return self.pick(cands)
        return self.lookup(self.schema.tables[table], sc, 0)

    def lookup(self, tab, sc, d):
        args = [self.gen(self._column_arg(tab.column(k).type), sc, d, lit_ok=True) for k in tab.key]
        text = ", ".join(f"{k}: {HOLE}" for k in tab.key)
        return node(f"lookup({tab.name}, {text})", args, row(tab.name))

    @staticmethod
    def _column_arg(t):
        return STR if t.kind == "code" and not t.dict else t

    def rows_call(self, tab, sc, d):
        cols = [c for c in tab.columns if c.type.scalar]
        chosen = self.rng.sample(cols, min(len(cols), self.rng.randint(1, 2)))
        args = [self.gen(self._column_arg(c.type), sc, d, lit_ok=True) for c in chosen]
        text = ", ".join(f"{c.name}: {HOLE}" for c in chosen)
        return node(f"rows({tab.name}, {text})", args, list_of(row(tab.name)))

    def gen_list(self, elem, sc, depth):
        """A list of `elem` (a row type, or text)."""
        t = list_of(elem)
        if elem.kind != "row":
            return self.text_list(sc, depth)
        cands = self.paths(sc, t, hops=1)
        cands += [node(f"{HOLE}.rows", [leaf(n, g, [n])], t) for n, g in sc.names.items()
                  if g.kind == "group" and g.elem == elem]
        if depth <= 0 or (cands and self.chance(0.5)):
            if cands:
                return self.pick(cands)
            return self.rows_call(self.schema.tables[elem.table], sc, 0)
        d = depth - 1
        form = self.pick(["filter", "filter", "rows", "concat", "flatten"])
        if form == "filter":
            src = self.gen_list(elem, sc, d)
            var = self.fresh("x")
            inner = sc.copy_with(var, elem)
            return node(f"filter({var} in {HOLE} where {HOLE})", [src, self.gen_bool(inner, d)], t, binds=[var])
        if form == "concat":
            return node(f"({HOLE} + {HOLE})", [self.gen_list(elem, sc, d), self.gen_list(elem, sc, d)], t)
        if form == "flatten" and elem.table == self.line:
            src = self.gen_list(row(self.setl), sc, d)
            var = self.fresh("s")
            inner = sc.copy_with(var, row(self.setl))
            kids = [leaf(f"{var}.lines", t, [var]), src]
            text = f"flatten({HOLE} for {var} in {HOLE}"
            if self.chance(0.4):
                kids.append(self.gen_bool(inner, d))
                text += f" where {HOLE}"
            return node(text + ")", kids, t, binds=[var])
        return self.rows_call(self.schema.tables[elem.table], sc, d)

    def gen_any_list(self, sc, depth):
        """Some list to aggregate over, with its element type."""
        named = [(n, t.elem) for n, t in sc.names.items() if t.kind == "list" and t.elem.kind == "group"]
        if named and self.chance(0.3):
            n, g = self.pick(named)
            return leaf(n, list_of(g), [n]), g
        r = self.rng.random()
        if r < 0.4:
            elem = row(self.line)
        elif r < 0.7:
            elem = row(self.setl)
        elif r < 0.8:
            elem = STR
        elif r < 0.9 and depth > 0:
            src, g = self.gen_groups(sc, depth - 1)
            return src, g
        else:
            elem = row(self.pick(["hilist_b", "pract_b", "psi_d", "item_rel_b", "psn_info_b", "fixmedins_b"]))
        return self.gen_list(elem, sc, depth), elem

    def gen_groups(self, sc, depth):
        """groups(x in LIST [where C] by k: v, ...): the expression and the group type."""
        elem = row(self.pick([self.line, self.line, self.setl]))
        src = self.gen_list(elem, sc, depth)
        var = self.fresh("x")
        inner = sc.copy_with(var, elem)
        kids, text = [src], f"groups({var} in {HOLE}"
        if self.chance(0.3):
            kids.append(self.gen_bool(inner, depth))
            text += f" where {HOLE}"
        keys = []
        for i in range(self.rng.randint(1, 2)):
            kt = self.pick([DATE, STR, INT, MONEY])
            kname = self.fresh(self.pick(["k", "键"]))
            kids.append(self.gen(kt, inner, min(depth, 1), lit_ok=False))
            keys.append((kname, kt))
        text += " by " + ", ".join(f"{k}: {HOLE}" for k, _ in keys) + ")"
        g = Type("group", elem=elem, keys=tuple(keys))
        return node(text, kids, list_of(g), binds=[var]), g
