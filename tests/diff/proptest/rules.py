"""Random rules: the four scopes (line, claim, person, institution per month/quarter/year, with
or without peers), parameters, lets before and after a `for each` (single, pairs, groups),
`when`, amounts, messages with holes, violating/involved and evidence. A `Rule` keeps its
clauses as expression trees so that the shrinker can simplify them and print the rule again.
"""
import copy

from . import pools
from .exprs import BOOL, DATE, DEC, INT, MONEY, STR, ExprGen, Scope, leaf, quote
from .schema import Type, list_of, row

FILE_HEADER = """import std.schema
import std.lists

list 本地前缀 "本地诊断前缀" = ["I63", "E11", "J0"]

define 大额(s: setl_d): bool = coalesce(s.medfee_sumamt, 0.00) > 1000.00
define 明细金额(l: fee_list_d): money = coalesce(l.det_item_fee_sumamt, l.pric * l.cnt)
define 同机构(a: setl_d, b: setl_d): bool = a.fixmedins_code = b.fixmedins_code
define 天数差(a: date, b: date): int = days(a, b)
"""


def add_local_names(schema):
    """The names FILE_HEADER declares, for the expression generator."""
    schema.lists["本地前缀"] = STR
    schema.defines["大额"] = ([row("setl_d")], BOOL)
    schema.defines["明细金额"] = ([row("fee_list_d")], MONEY)
    schema.defines["同机构"] = ([row("setl_d"), row("setl_d")], BOOL)
    schema.defines["天数差"] = ([DATE, DATE], INT)


SCOPES = ["line", "claim", "person", "institution"]
PERIODS = ["month", "quarter", "year"]
PEERS = ["inst.hosp_lv", "inst.ownership", "inst.admdvs", "prefix(inst.fixmedins_code, 1)",
         "inst.fixmedins_type", "inst.beds"]
MESSAGE_TEXTS = ["结算", "金额 ", " 元，", "命中：", "a,b", "引号\\\"", "括号\\{x\\}", "换行\\n", "；", " "]


class Rule:
    def __init__(self, rid, scope):
        self.id, self.scope = rid, scope
        self.title = f"随机规则 {rid}"
        self.meta = {}
        self.effective = None
        self.peers = None          # text
        self.params = []           # (name, type text, default text)
        self.lets_before = []      # (name, Expr)
        self.foreach = None        # (names, Expr)
        self.lets_after = []
        self.when = self.amount = self.fund = None
        self.message = []          # text pieces and ("hole", path)
        self.violating = self.involved = None
        self.evidence = []

    def clone(self):
        return copy.deepcopy(self)

    def exprs(self):
        """Every clause expression, for coverage of names (and the shrinker)."""
        out = [e for _, e in self.lets_before + self.lets_after]
        if self.foreach:
            out.append(self.foreach[1])
        out += [e for e in (self.when, self.amount, self.fund, self.violating, self.involved) if e]
        return out + list(self.evidence)

    def render(self):
        m = self.meta
        out = [f'rule "{self.id}" "{self.title}" {{',
               f"  version:   {m['version']}",
               '  basis:     "属性测试 第1条" "随机生成的规则，用于比较两个引擎"',
               f"  category:  {m['category']}",
               f"  kind:      {m['kind']}",
               f"  severity:  {m['severity']}"]
        if self.effective:
            out.append(f"  effective: {self.effective}")
        out.append(f"  scope {self.scope}")
        if self.peers:
            out.append(f"  peers by {self.peers}")
        for name, t, default in self.params:
            out.append(f'  param {name} {t} = {default} "参数"')
        for name, e in self.lets_before:
            out.append(f"  let {name} = {e.render()}")
        if self.foreach:
            out.append(f"  for each {', '.join(self.foreach[0])} in {self.foreach[1].render()}")
        for name, e in self.lets_after:
            out.append(f"  let {name} = {e.render()}")
        out.append(f"  when {self.when.render()}")
        out.append(f"  amount {self.amount.render()}")
        out.append(f"  fund {self.fund.render()}")
        text = "".join(p if isinstance(p, str) else "{" + p[1] + "}" for p in self.message)
        out.append(f'  message "{text}"')
        if self.violating:
            out.append(f"  violating {self.violating.render()}")
        if self.involved:
            out.append(f"  involved {self.involved.render()}")
        if self.evidence:
            out.append(f"  evidence {', '.join(e.render() for e in self.evidence)}")
        out.append("}")
        text = "\n".join(out) + "\n"
        # a parameter nobody reads is a warning (FG4013): leave it out
        for name, t, default in list(self.params):
            if text.count(name) == 1:
                self.params.remove((name, t, default))
                text = text.replace(f'  param {name} {t} = {default} "参数"\n', "")
        return text


def render_file(rules):
    """The rule file and, per rule, its first and last line (1-based)."""
    text = FILE_HEADER
    spans = []
    for r in rules:
        body = r.render()
        first = text.count("\n") + 2
        text += "\n" + body
        spans.append((first, text.count("\n")))
    return text, spans


class RuleGen:
    def __init__(self, rng, schema, max_depth=3):
        self.rng, self.schema, self.max_depth = rng, schema, max_depth
        self.counter = [0]
        self.g = ExprGen(rng, schema, self.counter)

    def depth(self):
        return self.rng.randint(1, self.max_depth)

    def scope_names(self, kind):
        s = self.schema
        setl, line = s.by_role("settlement").name, s.by_role("fee_line").name
        if kind == "line":
            return {"line": row(line), "setl": row(setl)}
        if kind == "claim":
            return {"setl": row(setl)}
        if kind == "person":
            return {"person": row(s.by_role("person").name), "history": list_of(row(setl))}
        return {"inst": row(s.by_role("institution").name), "period": STR, "settlements": list_of(row(setl))}

    def rule(self, rid, scope_kind=None):
        rng, g = self.rng, self.g
        kind = scope_kind or rng.choice(SCOPES)
        scope_text = kind
        has_peers = False
        if kind == "institution":
            scope_text = f"institution per {rng.choice(PERIODS)}"
            has_peers = rng.random() < 0.6
        r = Rule(rid, scope_text)
        r.meta = {"version": rng.randint(1, 3), "category": rng.choice(["C1", "C2", "C3", "C4", "C5", "C6"]),
                  "kind": rng.choice(["violation", "suspect"]), "severity": rng.choice(["high", "medium", "low"])}
        if rng.random() < 0.3:
            start = rng.choice(pools.DATES)
            r.effective = f"{start} .." + (f" {max(start, rng.choice(pools.DATES))}" if rng.random() < 0.5 else "")
        if has_peers:
            r.peers = rng.choice(PEERS)
        sc = Scope(kind, self.scope_names(kind), has_peers)
        for _ in range(rng.randint(0, 2)):
            self.param(r, sc)
        for _ in range(rng.randint(0, 2)):
            self.let(r.lets_before, sc)
        if rng.random() < 0.55:
            self.foreach(r, sc)
        for _ in range(rng.randint(0, 2)):
            self.let(r.lets_after, sc)
        r.when = g.gen_bool(sc, self.depth())
        r.amount = g.gen_number("money", sc, self.depth(), lit_ok=True)
        r.fund = g.gen_number("money", sc, rng.randint(0, 2), lit_ok=True)
        r.message = self.message(sc)
        if rng.random() < 0.5:
            r.violating = self.rows_value(sc)
        if rng.random() < 0.3:
            r.involved = self.rows_value(sc)
        r.evidence = [g.gen(rng.choice([INT, DEC, MONEY, DATE, STR, BOOL]), sc, rng.randint(0, 2))
                      for _ in range(rng.randint(0, 3))]
        return r

    def param(self, r, sc):
        rng = self.rng
        name = self.g.fresh(rng.choice(["p", "参"]))
        choice = rng.choice(["int", "dec", "money", "date", "str", "bool", "list of str", "code"])
        if choice == "code":
            dname = rng.choice(list(self.schema.dicts))
            t, text = Type("code", dict=dname), f"code({dname})"
            default = quote(rng.choice(self.schema.dicts[dname]))
        elif choice == "list of str":
            t, text = list_of(STR), "list of str"
            default = "[" + ", ".join(quote(rng.choice(pools.PREFIXES)) for _ in range(rng.randint(1, 3))) + "]"
        else:
            t, text = Type(choice), choice
            default = self.g.literal(t).render()
            if choice == "str":
                default = quote(rng.choice(pools.TEXTS))
        r.params.append((name, text, default))
        sc.names[name] = t

    def let(self, lets, sc):
        rng, g = self.rng, self.g
        name = g.fresh(rng.choice(["v", "值"]))
        k = rng.choice(["int", "dec", "money", "money", "date", "str", "bool", "bool", "row", "rows", "groups"])
        setl, line = self.scope_names("claim")["setl"], row(self.schema.by_role("fee_line").name)
        if k == "row":
            t = rng.choice([setl, line])
            e = g.gen_row(t.table, sc, self.depth())
        elif k == "rows":
            t = list_of(rng.choice([setl, line]))
            e = g.gen_list(t.elem, sc, self.depth())
        elif k == "groups":
            e, grp = g.gen_groups(sc, self.depth() - 1)
            t = list_of(grp)
        else:
            t = Type(k)
            e = g.gen(t, sc, self.depth(), lit_ok=False)
        lets.append((name, e))
        sc.names[name] = t

    def foreach(self, r, sc):
        rng, g = self.rng, self.g
        form = rng.choice(["single", "single", "pairs", "groups"])
        if form == "groups":
            groups = [(n, t) for n, t in sc.names.items() if t.kind == "list" and t.elem.kind == "group"]
            if groups and rng.random() < 0.5:
                n, t = rng.choice(groups)
                src, grp = leaf(n, t, [n]), t.elem
            else:
                src, grp = g.gen_groups(sc, self.depth() - 1)
            var = g.fresh(rng.choice(["g", "组"]))
            r.foreach = ([var], src)
            sc.names[var] = grp
            return
        if rng.random() < 0.15:   # the texts of a list: diagnoses, prefixes
            var = g.fresh(rng.choice(["d", "码"]))
            r.foreach = ([var], g.text_list(sc, rng.randint(0, 2)))
            sc.names[var] = STR
            sc.ordered = var
            return
        elem = row(rng.choice(["setl_d", "fee_list_d"]))
        if sc.kind in ("person", "institution") and rng.random() < 0.5:
            elem = row("setl_d")
        src = g.gen_list(elem, sc, rng.randint(0, 2))
        if form == "pairs":
            a, b = g.fresh("a"), g.fresh("b")
            r.foreach = ([a, b], src)
            sc.names[a] = sc.names[b] = elem
            return
        var = g.fresh(rng.choice(["e", "本次"]))
        r.foreach = ([var], src)
        sc.names[var] = elem
        sc.ordered = var

    def holes(self, sc):
        """Paths a message may show: names and dotted paths of rule-level names."""
        found = []
        for name, t in sc.names.items():
            if t.scalar or t == list_of(STR):
                found.append(name)
            elif t.kind == "row":
                tab = self.schema.tables[t.table]
                found += [f"{name}.{c.name}" for c in tab.columns]
                for l in tab.links:
                    if not l.many:
                        target = self.schema.tables[l.target]
                        found += [f"{name}.{l.name}.{c.name}" for c in target.columns[:4]]
            elif t.kind == "group":
                found += [f"{name}.{k}" for k, _ in t.keys]
        return found

    def message(self, sc):
        rng = self.rng
        holes = self.holes(sc)
        parts = []
        for _ in range(rng.randint(1, 4)):
            parts.append(rng.choice(MESSAGE_TEXTS))
            if holes and rng.random() < 0.8:
                parts.append(("hole", rng.choice(holes)))
        return parts

    def rows_value(self, sc):
        rng, g = self.rng, self.g
        rows = [leaf(n, t, [n]) for n, t in sc.names.items() if t.kind == "row"]
        if rows and rng.random() < 0.6:
            return rng.choice(rows)
        elem = row(rng.choice(["setl_d", "fee_list_d"]))
        return g.gen_list(elem, sc, rng.randint(0, 1))
