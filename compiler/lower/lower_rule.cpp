// Lowering a rule: its metadata, the scope's slots, parameters, lets and `for each` in source
// order, the condition and amounts, the message template and the evidence.
#include <fmt/format.h>

#include <set>

#include "data/scalar_values.h"
#include "lower/lower.h"
#include "lower/lowering.h"

namespace fundguard {

using namespace ast;

namespace {

ir::ScopeKind scopeKind(ScopeKind scope) {
  switch (scope) {
    case ScopeKind::Line:
      return ir::ScopeKind::Line;
    case ScopeKind::Claim:
      return ir::ScopeKind::Claim;
    case ScopeKind::Person:
      return ir::ScopeKind::Person;
    case ScopeKind::Institution:
      return ir::ScopeKind::Institution;
  }
  return ir::ScopeKind::Line;
}

ir::Period period(const std::string& p) {
  if (p == "month") return ir::Period::Month;
  if (p == "quarter") return ir::Period::Quarter;
  if (p == "year") return ir::Period::Year;
  return ir::Period::None;
}

}  // namespace

ir::RuleSet lowerSchema(const Program& program) {
  Lowering lowering(program);
  lowering.schema();
  return lowering.take();
}

ir::RuleSet lowerRules(const Program& program, const std::vector<CheckedRule>& rules) {
  Lowering lowering(program);
  lowering.schema();
  for (const CheckedRule& rule : rules)
    if (rule.ok) lowering.rule(rule);
  return lowering.take();
}

void Lowering::schema() {
  for (const auto& module : program_.modules)
    for (const auto& table : module->tables) tableIndex(table.get());
  // The roles the scopes need, and the links they follow.
  auto link = [&](int table, const char* name) {
    return table < 0 ? -1 : set_.tables[static_cast<size_t>(table)].linkIndex(name);
  };
  for (const auto& [info, index] : tables_) {
    int i = static_cast<int>(index);
    if (info->roles.count(kRoleSettlement)) set_.settlementTable = i;
    if (info->roles.count(kRoleFeeLine)) set_.feeLineTable = i;
    if (info->roles.count(kRolePerson)) set_.personTable = i;
    if (info->roles.count(kRoleInstitution)) set_.institutionTable = i;
  }
  set_.lineToSettlement = link(set_.feeLineTable, "setl");
  set_.settlementLines = link(set_.settlementTable, "lines");
  set_.settlementPerson = link(set_.settlementTable, "person");
  set_.settlementInstitution = link(set_.settlementTable, "inst");
}

uint32_t Lowering::newSlot(const std::string& name, ir::Type type) {
  auto index = static_cast<uint32_t>(rule_->slots.size());
  rule_->slots.push_back({name, std::move(type)});
  names_.push_back({name, false, index});
  return index;
}

void Lowering::metadata(const CheckedRule& checked, ir::Rule& rule) {
  const RuleMetadata& m = checked.meta;
  rule.id = checked.decl->id;
  rule.title = checked.decl->title;
  rule.version = m.version;
  rule.category = m.category;
  rule.kind = m.kind;
  rule.severity = m.severity;
  rule.basisDocument = m.basisDocument;
  rule.basisQuotes = m.basisQuotes;
  rule.file = checked.module->path;
  rule.span = range(checked.decl->span);
  if (auto d = parseDate(m.effectiveFrom)) rule.effectiveFrom = *d.value;
  if (auto d = parseDate(m.effectiveTo)) rule.effectiveTo = *d.value;
}

void Lowering::rule(const CheckedRule& checked) {
  set_.rules.emplace_back();
  ir::Rule& rule = set_.rules.back();
  rule_ = &rule;
  module_ = checked.module;
  names_.clear();
  lists_.clear();
  metadata(checked, rule);
  rule.scope = scopeKind(checked.scope);
  rule.period = period(checked.period);

  // The scope's names, typed as the checker bound them.
  auto settlement = static_cast<uint32_t>(set_.settlementTable);
  auto row = [&](int table, bool nullable) { return ir::Type::row(static_cast<uint32_t>(table), nullable); };
  switch (rule.scope) {
    case ir::ScopeKind::Line:
      rule.scopeSlots = {newSlot("line", row(set_.feeLineTable, false)),
                         newSlot("setl", row(set_.settlementTable, false))};
      break;
    case ir::ScopeKind::Claim:
      rule.scopeSlots = {newSlot("setl", row(set_.settlementTable, false))};
      break;
    case ir::ScopeKind::Person:
      rule.scopeSlots = {newSlot("person", row(set_.personTable, true)),
                         newSlot("history", ir::Type::list(ir::Type::row(settlement)))};
      break;
    case ir::ScopeKind::Institution:
      rule.scopeSlots = {newSlot("inst", row(set_.institutionTable, true)),
                         newSlot("period", ir::Type::scalar(ir::Kind::Str)),
                         newSlot("settlements", ir::Type::list(ir::Type::row(settlement)))};
      break;
  }

  for (const CheckedParam& p : checked.params) {
    ir::Param param;
    param.name = p.name;
    param.type = type(p.type);
    param.label = p.label;
    if (p.defaultValue) param.defaultValue = exprAs(*p.defaultValue, param.type);
    names_.push_back({p.name, true, static_cast<uint32_t>(rule.params.size())});
    rule.params.push_back(std::move(param));
  }

  // Lets and `for each` in source order: a let after the loop runs once per element.
  const RuleLogic& logic = checked.logic;
  std::set<const LetClause*> chosen(logic.lets.begin(), logic.lets.end());
  for (const Clause& clause : checked.decl->clauses) {
    if (const auto* let = std::get_if<LetClause>(&clause.body); let && chosen.count(let)) {
      ir::Node* value = expr(*let->value);
      uint32_t slot = newSlot(let->name.name, value->type);
      (rule.forEach ? rule.loopLets : rule.lets).push_back({slot, value});
    } else if (const auto* each = std::get_if<ForEachClause>(&clause.body); each && each == logic.forEach) {
      rule.forEach = expr(*each->source);
      const ir::Type& element = rule.forEach->type.element();
      rule.forEachSlot = newSlot(each->var.name, element);
      if (each->second) {
        rule.forEachPairs = true;
        rule.forEachSecond = newSlot(each->second->name, element);
      }
    }
  }
  if (logic.peersBy) rule.peersBy = expr(*logic.peersBy);
  rule.when = expr(*logic.when);
  rule.amount = exprAs(*logic.amount, ir::Type::scalar(ir::Kind::Money, checkedType(*logic.amount).nullable()));
  rule.fund = exprAs(*logic.fund, ir::Type::scalar(ir::Kind::Money, checkedType(*logic.fund).nullable()));
  if (logic.violating) rule.violating = expr(*logic.violating);
  if (logic.involved) rule.involved = expr(*logic.involved);
  if (logic.message) message(*logic.message);
  for (const Expr* e : logic.evidence) rule.evidence.push_back({sourceText(*e), expr(*e)});
  rule_ = nullptr;
}

std::string Lowering::sourceText(const Expr& e) const {
  return program_.sources.file(e.span.file).slice(e.span.begin, e.span.end);
}

// The template's text with escapes resolved, and each {hole} lowered like a name and fields.
void Lowering::message(const MessageClause& clause) {
  const std::string& text = clause.text;
  std::string literal;
  auto flush = [&]() {
    if (!literal.empty()) rule_->message.push_back({literal, nullptr});
    literal.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      char next = text[++i];
      literal += next == 'n' ? '\n' : next == 't' ? '\t' : next;
      continue;
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    size_t close = text.find('}', i);
    flush();
    rule_->message.push_back({"", hole(text.substr(i + 1, close - i - 1), range(clause.textSpan))});
    i = close;
  }
  flush();
}

// A hole is `name` or `name.field.field`: lowered as the same name and members in an expression.
ir::Node* Lowering::hole(const std::string& path, ir::SourceRange span) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t dot; (dot = path.find('.', start)) != std::string::npos; start = dot + 1)
    parts.push_back(path.substr(start, dot - start));
  parts.push_back(path.substr(start));
  const Name* n = find(parts[0]);
  if (!n) throw std::logic_error("message hole names nothing: " + path);
  ir::Node* value;
  if (n->param) {
    value = rule_->make(ir::Op::Param, rule_->params[n->index].type, span);
    value->index = n->index;
  } else {
    value = local(n->index, span);
  }
  for (size_t k = 1; k < parts.size(); ++k) {
    const ir::Type& t = value->type;
    if (t.kind() == ir::Kind::Group) {
      const ir::GroupLayout& g = set_.groups[t.group()];
      bool found = false;
      for (size_t key = 0; key < g.keys.size() && !found; ++key) {
        if (g.keys[key].first != parts[k]) continue;
        ir::Node* gk = rule_->make(ir::Op::GroupKey, g.keys[key].second, span);
        gk->index = static_cast<uint32_t>(key);
        gk->args = {value};
        value = gk;
        found = true;
      }
      if (!found) throw std::logic_error("message hole: no group key " + parts[k]);
      continue;
    }
    const ir::TableRef& table = set_.tables[t.table()];
    int column = table.layout.columnIndex(parts[k]);
    if (column >= 0) {
      ir::Node* f = rule_->make(ir::Op::Field, fieldType(t.table(), static_cast<uint32_t>(column), t.nullable()), span);
      f->table = t.table();
      f->column = static_cast<uint32_t>(column);
      f->args = {value};
      value = f;
      continue;
    }
    bool linked = false;
    for (size_t l = 0; l < table.links.size() && !linked; ++l) {
      if (table.links[l].name != parts[k]) continue;
      const ir::LinkRef& link = table.links[l];
      ir::Node* ln =
          rule_->make(link.many ? ir::Op::LinkMany : ir::Op::Link,
                      link.many ? ir::Type::list(ir::Type::row(link.target)) : ir::Type::row(link.target, true), span);
      ln->index = static_cast<uint32_t>(l);
      ln->table = link.target;
      ln->args = {value};
      value = ln;
      linked = true;
    }
    if (!linked) throw std::logic_error("message hole: no member " + parts[k]);
  }
  return value;
}

}  // namespace fundguard
