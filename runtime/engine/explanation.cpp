// See explanation.h.
#include "engine/explanation.h"

#include <functional>

#include "engine/bound_data.h"
#include "interp/evaluator.h"
#include "ir/ir_printer.h"

namespace fundguard::engine {

using interp::Evaluator;
using interp::Value;

namespace {

bool isComparison(ir::Op op) {
  switch (op) {
    case ir::Op::Eq:
    case ir::Op::Ne:
    case ir::Op::Lt:
    case ir::Op::Le:
    case ir::Op::Gt:
    case ir::Op::Ge:
    case ir::Op::In:
    case ir::Op::StartsWith:
      return true;
    default:
      return false;
  }
}

std::string truth(const Value& v) {
  return !v.present ? "unknown" : v.i ? "true" : "false";
}

}  // namespace

ExplanationBuilder::ExplanationBuilder(const ir::RuleSet& set, const ir::Rule& rule, SourceText source)
    : set_(set), rule_(rule), source_(std::move(source)) {
  out_.ruleId = rule.id;
  out_.title = rule.title;
  out_.file = rule.file;
  out_.scope = ir::scopeName(rule.scope);
  out_.kind = rule.kind;
  out_.version = rule.version;
}

std::string ExplanationBuilder::source(const ir::Node& n) const {
  return source_ ? source_(n.span) : std::string();
}

ExplainedTerm ExplanationBuilder::term(Evaluator& ev, const ir::Node& n) {
  Value v = ev.eval(n);
  ExplainedTerm t;
  t.source = source(n);
  t.present = v.present || n.type.kind() == ir::Kind::List;
  if (t.present) t.value = ev.format(v, n.type);
  return t;
}

// The parts of a condition joined by `and`, each with its value; a comparison also shows its
// sides, `not` its argument (when they are not constants).
void ExplanationBuilder::conditions(Evaluator& ev, const ir::Node& n, std::vector<ExplainedCondition>& out) {
  if (n.op == ir::Op::And && n.args.size() == 2) {
    conditions(ev, *n.args[0], out);
    conditions(ev, *n.args[1], out);
    return;
  }
  ExplainedCondition c;
  c.source = source(n);
  c.value = truth(ev.eval(n));
  // `x is not null` is not(is null(x)): show x. Constants (`> 0`) show nothing new.
  const ir::Node* shown = &n;
  while ((shown->op == ir::Op::Not || shown->op == ir::Op::IsNull) && shown->args.size() == 1 &&
         (shown->args[0]->op == ir::Op::Not || shown->args[0]->op == ir::Op::IsNull || shown->op == ir::Op::Not))
    shown = shown->args[0];
  auto constant = [](const ir::Node* a) {
    while (a->op == ir::Op::Convert && a->args.size() == 1) a = a->args[0];
    return a->op == ir::Op::Const;
  };
  if (isComparison(shown->op) || shown->op == ir::Op::IsNull || shown->op == ir::Op::Not)
    for (const ir::Node* a : shown->args)
      if (!constant(a) && source(*a) != c.source) c.operands.push_back(term(ev, *a));
  // Otherwise (`between`, `coalesce(...)`, a function of several values): the named values it
  // reads — lets, parameters, columns — outside aggregates, each once.
  if (c.operands.empty()) {
    std::vector<const ir::Node*> leaves;
    std::function<void(const ir::Node&)> walk = [&](const ir::Node& x) {
      if (x.op == ir::Op::Aggregate || x.op == ir::Op::Peer) return;
      bool named = x.op == ir::Op::Local || x.op == ir::Op::Param || x.op == ir::Op::Field;
      if (named) {
        std::string text = source(x);
        bool seen = text.empty() || text == c.source;
        for (const ir::Node* l : leaves) seen = seen || source(*l) == text;
        if (!seen) leaves.push_back(&x);
        return;
      }
      for (const ir::Node* a : x.args) walk(*a);
    };
    walk(*shown);
    for (const ir::Node* l : leaves) c.operands.push_back(term(ev, *l));
  }
  out.push_back(std::move(c));
}

// The reference rows an expression looks up: links and look-ups outside aggregates (whose
// element variables have no value here), other than settlements and fee lines.
void ExplanationBuilder::rowsOf(Evaluator& ev, const ir::Node& n, ExplainedSubject& subject) {
  if (n.op == ir::Op::Aggregate) {
    if (!n.args.empty()) rowsOf(ev, *n.args[0], subject);
    return;
  }
  if (n.op == ir::Op::Bind || n.op == ir::Op::Peer) return;
  for (const ir::Node* a : n.args) rowsOf(ev, *a, subject);
  if (n.op != ir::Op::Link && n.op != ir::Op::Lookup) return;
  auto table = n.table;
  if (static_cast<int>(table) == set_.settlementTable || static_cast<int>(table) == set_.feeLineTable) return;
  Value row = ev.eval(n);
  const std::string& name = set_.tables[table].layout.name;
  ExplainedRow shown;
  shown.table = name;
  if (!row.present) {
    shown.key = "";  // looked up and not found: no data
    shown.columns.emplace_back("(missing)", source(n));
  } else {
    shown.key = ev.rowKey(table, row.i);
    const Table* t = ev.data().table(table);
    for (const Column& c : t->columns) {
      auto r = static_cast<size_t>(row.i);
      if (!c.has(r)) continue;
      ir::Type type = c.layout.kind == ValueKind::List
                          ? ir::Type::list(ir::Type::scalar(ir::kindOfColumn(c.layout.element)))
                          : ir::Type::scalar(ir::kindOfColumn(c.layout.kind));
      Value v;
      if (c.layout.kind == ValueKind::List) {
        std::vector<Value> items;
        for (size_t k = 0; k < c.listSize(r); ++k) items.push_back(Value::of(c.listBegin(r)[k]));
        v = Value::ofList(std::move(items));
      } else {
        v = Value::of(c.at(r));
      }
      shown.columns.emplace_back(c.layout.name, ev.format(v, type));
    }
  }
  for (const ExplainedRow& seen : subject.rows)
    if (seen.table == shown.table && seen.key == shown.key && seen.columns == shown.columns) return;
  subject.rows.push_back(std::move(shown));
}

void ExplanationBuilder::add(const Decision& d) {
  Evaluator& ev = d.ev;
  auto sameSubject = [&](const SubjectKeys& k) {
    return k.setlId == d.keys.setlId && k.feedetlSn == d.keys.feedetlSn && k.psnNo == d.keys.psnNo &&
           k.fixmedinsCode == d.keys.fixmedinsCode && k.period == d.keys.period;
  };
  if (out_.params.empty() && !rule_.params.empty()) {
    for (size_t p = 0; p < rule_.params.size(); ++p) {
      const ir::Param& param = rule_.params[p];
      ExplainedParam shown;
      shown.name = param.name;
      shown.type = ir::typeText(set_, param.type);
      shown.label = param.label;
      shown.value = p < ev.params().size() ? ev.format(ev.params()[p], param.type) : "";
      out_.params.push_back(std::move(shown));
    }
  }
  if (out_.subjects.empty() || !sameSubject(out_.subjects.back().keys)) {
    ExplainedSubject s;
    s.keys = d.keys;
    for (const ir::Let& let : rule_.lets) {
      ExplainedTerm t;
      t.source = rule_.slots[let.slot].name + " = " + source(*let.value);
      const Value& v = ev.frame[let.slot];
      t.present = v.present || let.value->type.kind() == ir::Kind::List;
      if (t.present) t.value = ev.format(v, let.value->type);
      s.lets.push_back(std::move(t));
      rowsOf(ev, *let.value, s);
    }
    out_.subjects.push_back(std::move(s));
  }
  ExplainedSubject& subject = out_.subjects.back();
  ExplainedDecision decision;
  if (d.element && rule_.forEach) {
    const ir::Type& et = rule_.forEach->type.element();
    if (et.kind() == ir::Kind::Row) {
      std::string key = ev.rowKey(et.table(), d.element->i);
      if (set_.tables[et.table()].layout.name == onlyTable_ && key != onlyElement_) return;
      decision.element = set_.tables[et.table()].layout.name + " " + key;
    } else {
      decision.element = ev.format(*d.element, et);
    }
  }
  for (const ir::Let& let : rule_.loopLets) {
    ExplainedTerm t;
    t.source = rule_.slots[let.slot].name + " = " + source(*let.value);
    const Value& v = ev.frame[let.slot];
    t.present = v.present || let.value->type.kind() == ir::Kind::List;
    if (t.present) t.value = ev.format(v, let.value->type);
    decision.loopLets.push_back(std::move(t));
    rowsOf(ev, *let.value, subject);
  }
  conditions(ev, *rule_.when, decision.conditions);
  rowsOf(ev, *rule_.when, subject);
  decision.outcome = d.when.isTrue() ? "hit" : d.when.present ? "no_hit" : "undecided";
  if (d.hit) decision.hit = *d.hit;
  subject.decisions.push_back(std::move(decision));
}

}  // namespace fundguard::engine
