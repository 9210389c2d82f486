"""Shrinking a disagreement to a small reproduction: first the rules (keep those the difference
names, else drop rules one by one), then each rule's clauses (drop evidence, violating,
involved, effective dates, lets and the `for each`; plain message and amounts), then its
expressions (replace a node by one of its children or by a literal of its type, the `when`
first), then the data (drop rows of each table, in halves, quarters, ... down to single rows).

`reproduces(rules, data)` says whether a candidate still shows the same kind of failure; it
checks the candidate first, so a simplification that breaks the typing is just not taken.
"""
import time

from .exprs import Expr, leaf
from .schema import MONEY

LITERALS = {"bool": ["true", "false"], "int": ["0", "1"], "dec": ["0", "0.5"], "money": ["0.00", "1.00"],
            "date": ["2024-03-01"], "datetime": ["2024-03-01 08:00:00"], "str": ['"I63"', '""'],
            "code": ['"1"']}


class Budget:
    def __init__(self, seconds):
        self.end = time.monotonic() + seconds

    def left(self):
        return time.monotonic() < self.end


def clause_refs(rule):
    refs = [("when",), ("amount",), ("fund",)]
    refs += [("lets_after", i) for i in range(len(rule.lets_after))]
    refs += [("lets_before", i) for i in range(len(rule.lets_before))]
    if rule.foreach:
        refs.append(("foreach",))
    refs += [("violating",), ("involved",)]
    refs += [("evidence", i) for i in range(len(rule.evidence))]
    return refs


def get_clause(rule, ref):
    if ref[0] in ("lets_before", "lets_after"):
        return getattr(rule, ref[0])[ref[1]][1]
    if ref[0] == "evidence":
        return rule.evidence[ref[1]]
    if ref[0] == "foreach":
        return rule.foreach[1]
    return getattr(rule, ref[0])


def set_clause(rule, ref, expr):
    if ref[0] in ("lets_before", "lets_after"):
        lets = getattr(rule, ref[0])
        lets[ref[1]] = (lets[ref[1]][0], expr)
    elif ref[0] == "evidence":
        rule.evidence[ref[1]] = expr
    elif ref[0] == "foreach":
        rule.foreach = (rule.foreach[0], expr)
    else:
        setattr(rule, ref[0], expr)


def node_paths(expr, path=()):
    """Every node's path of child indices, outermost first."""
    yield path, expr
    for i, k in enumerate(expr.kids):
        yield from node_paths(k, path + (i,))


def replaced(expr, path, new):
    if not path:
        return new
    kids = list(expr.kids)
    kids[path[0]] = replaced(kids[path[0]], path[1:], new)
    return Expr(expr.fmt, kids, expr.type, binds=expr.binds, names=expr.names)


def simpler_forms(expr):
    """Candidates for one node: its children of the same kind of value, then literals."""
    out = []
    for k in expr.kids:
        if k.type == expr.type and not (k.free() & expr.binds):
            out.append(k)
    if expr.kids or expr.names:
        out += [leaf(text, expr.type) for text in LITERALS.get(expr.type.kind, [])]
    return out


class Shrinker:
    def __init__(self, reproduces, budget, log=lambda s: None):
        self.reproduces, self.budget, self.log = reproduces, budget, log
        self.tries = 0

    def attempt(self, rules, data):
        if not self.budget.left():
            return False
        self.tries += 1
        return self.reproduces(rules, data)

    def shrink(self, rules, data, named_rules):
        rules = self.shrink_rule_list(rules, data, named_rules)
        progress = True
        while progress and self.budget.left():
            progress = False
            for i in range(len(rules)):
                better = self.shrink_rule(rules, i, data)
                if better is not None:
                    rules, progress = better, True
        data = self.shrink_data(rules, data)
        return rules, data

    def shrink_rule_list(self, rules, data, named):
        if named:
            chosen = [r for r in rules if r.id in named]
            for r in chosen:
                if self.attempt([r], data):
                    return [r]
            if chosen and self.attempt(chosen, data):
                rules = chosen
        i = 0
        while i < len(rules) and len(rules) > 1:
            candidate = rules[:i] + rules[i + 1:]
            if self.attempt(candidate, data):
                rules = candidate
            else:
                i += 1
        return rules

    def shrink_rule(self, rules, i, data):
        """One simplification of rule i that still reproduces, or None."""
        rule = rules[i]

        def trial(change):
            r = rule.clone()
            change(r)
            candidate = rules[:i] + [r] + rules[i + 1:]
            return candidate if self.attempt(candidate, data) else None

        structural = []
        if rule.evidence:
            structural.append(lambda r: setattr(r, "evidence", []))
        if rule.violating:
            structural.append(lambda r: setattr(r, "violating", None))
        if rule.involved:
            structural.append(lambda r: setattr(r, "involved", None))
        if rule.effective:
            structural.append(lambda r: setattr(r, "effective", None))
        if rule.peers:
            structural.append(lambda r: setattr(r, "peers", None))
        if any(not isinstance(p, str) for p in rule.message):
            structural.append(lambda r: setattr(r, "message", ["命中"]))
        for attr in ("amount", "fund"):
            if get_clause(rule, (attr,)).render() != "0.00":
                structural.append(lambda r, a=attr: setattr(r, a, leaf("0.00", MONEY)))
        for kind in ("lets_after", "lets_before"):
            for j in reversed(range(len(getattr(rule, kind)))):
                structural.append(lambda r, k=kind, j=j: getattr(r, k).pop(j))
        if rule.foreach:
            structural.append(lambda r: setattr(r, "foreach", None))
        for change in structural:
            found = trial(change)
            if found:
                return found
        for ref in clause_refs(rule):
            expr = get_clause(rule, ref)
            if expr is None:
                continue
            for path, n in node_paths(expr):
                for simpler in simpler_forms(n):
                    if simpler.render() == n.render():
                        continue
                    found = trial(lambda r, p=path, s=simpler, ref=ref:
                                  set_clause(r, ref, replaced(get_clause(r, ref), p, s)))
                    if found:
                        return found
                    if not self.budget.left():
                        return None
        return None

    def shrink_data(self, rules, data):
        for table in sorted(data, key=lambda t: -len(data[t])):
            rows = data[table]
            chunk = max(1, len(rows) // 2)
            while chunk >= 1 and self.budget.left():
                i = 0
                while i < len(rows) and self.budget.left():
                    candidate_rows = rows[:i] + rows[i + chunk:]
                    candidate = dict(data)
                    candidate[table] = candidate_rows
                    if self.attempt(rules, candidate):
                        rows, data = candidate_rows, candidate
                    else:
                        i += chunk
                if chunk == 1:
                    break
                chunk //= 2
        return data
