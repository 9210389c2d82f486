// The text form of the IR; see ir_printer.h.
#include "ir/ir_printer.h"

#include <fmt/format.h>

#include "data/scalar_values.h"
#include "support/json_writer.h"

namespace fundguard::ir {

std::string typeText(const RuleSet& set, const Type& type) {
  std::string s;
  switch (type.kind()) {
    case Kind::Row:
      s = "row(" + (type.table() < set.tables.size() ? set.tables[type.table()].layout.name : "?") + ")";
      break;
    case Kind::List:
      s = "list(" + typeText(set, type.element()) + ")";
      break;
    case Kind::Group:
      s = fmt::format("group#{}", type.group());
      break;
    default:
      s = kindName(type.kind());
  }
  if (type.nullable()) s += "?";
  return s;
}

namespace {

std::string quoted(const std::string& text) {
  std::string out;
  JsonWriter::escape(out, text);  // quotes included
  return out;
}

std::string constText(const Node& n) {
  if (n.isNull) return "null";
  switch (n.type.kind()) {
    case Kind::Bool:
      return n.imm ? "true" : "false";
    case Kind::Int:
      return std::to_string(n.imm);
    case Kind::Dec:
      return formatDec(n.imm);
    case Kind::Money:
      return formatMoney(n.imm);
    case Kind::Date:
      return formatDate(static_cast<int32_t>(n.imm));
    case Kind::DateTime:
      return formatDateTime(n.imm);
    case Kind::Str:
    case Kind::Code:
      return quoted(n.text);
    default:
      return "?";
  }
}

class Printer {
 public:
  Printer(const RuleSet& set, const Rule& rule, std::string& out) : set_(set), rule_(rule), out_(out) {}

  void node(const Node& n, int depth) {
    out_.append(static_cast<size_t>(depth) * 2, ' ');
    out_ += opName(n.op);
    out_ += ' ';
    out_ += typeText(set_, n.type);
    immediates(n);
    out_ += '\n';
    for (const Node* a : n.args) {
      if (a)
        node(*a, depth + 1);
      else
        out_.append(static_cast<size_t>(depth + 1) * 2, ' ').append("-\n");
    }
  }

  std::string slot(uint32_t i) const {
    return fmt::format("%{}{}", i, i < rule_.slots.size() ? " " + rule_.slots[i].name : "");
  }

 private:
  std::string table(uint32_t t) const { return t < set_.tables.size() ? set_.tables[t].layout.name : "?"; }

  void immediates(const Node& n) {
    const TableRef* t = n.table < set_.tables.size() ? &set_.tables[n.table] : nullptr;
    switch (n.op) {
      case Op::Const:
        out_ += " " + constText(n);
        break;
      case Op::Param:
        out_ += fmt::format(" ${}{}", n.index, n.index < rule_.params.size() ? " " + rule_.params[n.index].name : "");
        break;
      case Op::Local:
      case Op::Bind:
        out_ += " " + slot(n.index);
        break;
      case Op::Field:
        if (t && n.column < t->layout.columns.size())
          out_ += " " + t->layout.name + "." + t->layout.columns[n.column].name;
        break;
      case Op::Link:
      case Op::LinkMany: {
        // The link belongs to the table of the row operand.
        const Node* row = n.args.empty() ? nullptr : n.args[0];
        if (row && row->type.table() < set_.tables.size()) {
          const TableRef& from = set_.tables[row->type.table()];
          if (n.index < from.links.size()) out_ += " " + from.layout.name + "." + from.links[n.index].name;
        }
        break;
      }
      case Op::Lookup:
        out_ += " " + table(n.table);
        break;
      case Op::RowsWhere: {
        out_ += " " + table(n.table) + " (";
        for (size_t i = 0; i < n.columns.size(); ++i) {
          if (i) out_ += ", ";
          if (t && n.columns[i] < t->layout.columns.size()) out_ += t->layout.columns[n.columns[i]].name;
        }
        out_ += ")";
        break;
      }
      case Op::Call:
        out_ += std::string(" ") + fnName(n.fn);
        if (n.fn == Fn::Label && n.index < set_.dicts.size()) out_ += " " + set_.dicts[n.index].name;
        break;
      case Op::Aggregate:
        out_ += std::string(" ") + fnName(n.fn) + " " + slot(n.index);
        break;
      case Op::GroupKey: {
        out_ += fmt::format(" #{}", n.index);
        const Node* g = n.args.empty() ? nullptr : n.args[0];
        if (g && g->type.kind() == Kind::Group && g->type.group() < set_.groups.size() &&
            n.index < set_.groups[g->type.group()].keys.size())
          out_ += " " + set_.groups[g->type.group()].keys[n.index].first;
        break;
      }
      case Op::Ordered:
        out_ += std::string(" ") + fnName(n.fn) + " " + slot(n.index);
        break;
      case Op::Peer:
        out_ += std::string(" ") + fnName(n.fn);
        break;
      default:
        break;
    }
  }

  const RuleSet& set_;
  const Rule& rule_;
  std::string& out_;
};

std::string effective(const Rule& rule) {
  if (rule.effectiveFrom == INT32_MIN && rule.effectiveTo == INT32_MAX) return "";
  std::string s = " effective ";
  if (rule.effectiveFrom != INT32_MIN) s += formatDate(rule.effectiveFrom);
  s += "..";
  if (rule.effectiveTo != INT32_MAX) s += formatDate(rule.effectiveTo);
  return s;
}

}  // namespace

std::string printRule(const RuleSet& set, const Rule& rule) {
  std::string out;
  Printer p(set, rule, out);
  out += fmt::format("rule {} v{} {}\n", quoted(rule.id), rule.version, quoted(rule.title));
  out += fmt::format("  scope {}{}{} category {} kind {} severity {}{}\n", scopeName(rule.scope),
                     rule.period == Period::None ? "" : " per ", periodName(rule.period), rule.category, rule.kind,
                     rule.severity, effective(rule));
  for (size_t i = 0; i < rule.slots.size(); ++i)
    out += fmt::format("  slot {}: {}\n", p.slot(static_cast<uint32_t>(i)), typeText(set, rule.slots[i].type));
  for (size_t i = 0; i < rule.params.size(); ++i) {
    const Param& param = rule.params[i];
    out += fmt::format("  param ${} {}: {} {}\n", i, param.name, typeText(set, param.type), quoted(param.label));
    if (param.defaultValue) p.node(*param.defaultValue, 2);
  }
  auto clause = [&](const std::string& head, const Node* n) {
    if (!n) return;
    out += "  " + head + "\n";
    p.node(*n, 2);
  };
  for (const Let& let : rule.lets) clause("let " + p.slot(let.slot), let.value);
  if (rule.forEach) {
    std::string vars = p.slot(rule.forEachSlot);
    if (rule.forEachPairs) vars += ", " + p.slot(rule.forEachSecond);
    clause("for each " + vars + (rule.forEachPairs ? " (pairs)" : "") + " in", rule.forEach);
  }
  for (const Let& let : rule.loopLets) clause("let " + p.slot(let.slot), let.value);
  clause("peers by", rule.peersBy);
  clause("when", rule.when);
  clause("amount", rule.amount);
  clause("fund", rule.fund);
  clause("violating", rule.violating);
  clause("involved", rule.involved);
  if (!rule.message.empty()) {
    out += "  message\n";
    for (const MessagePart& part : rule.message) {
      if (part.value)
        p.node(*part.value, 2);
      else
        out += "    text " + quoted(part.text) + "\n";
    }
  }
  for (const Evidence& e : rule.evidence) clause("evidence " + quoted(e.name), e.value);
  return out;
}

std::string printRuleSet(const RuleSet& set) {
  std::string out;
  for (size_t i = 0; i < set.groups.size(); ++i) {
    out += fmt::format("group#{} of {}:", i, typeText(set, set.groups[i].element));
    for (const auto& [name, type] : set.groups[i].keys) out += fmt::format(" {}: {}", name, typeText(set, type));
    out += "\n";
  }
  for (const Rule& rule : set.rules) {
    if (!out.empty()) out += "\n";
    out += printRule(set, rule);
  }
  return out;
}

}  // namespace fundguard::ir
