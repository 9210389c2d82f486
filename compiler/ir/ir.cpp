// Names of the IR's enums and the small helpers of ir.h and ir_type.h.
#include "ir/ir.h"

namespace fundguard::ir {

const char* opName(Op op) {
  switch (op) {
#define IR_NODE(Name, printed, meaning) \
  case Op::Name:                        \
    return printed;
#include "ir/ir_nodes.def"
#undef IR_NODE
  }
  return "?";
}

namespace {
struct FnName {
  Fn fn;
  const char* name;
};
constexpr FnName kFnNames[] = {
    {Fn::None, "-"},
    {Fn::Prefix, "prefix"},
    {Fn::DateOf, "date"},
    {Fn::Month, "month"},
    {Fn::Year, "year"},
    {Fn::Days, "days"},
    {Fn::AgeAt, "age_at"},
    {Fn::Abs, "abs"},
    {Fn::Round, "round"},
    {Fn::Len, "len"},
    {Fn::IntOf, "int"},
    {Fn::Label, "label"},
    {Fn::Contains, "contains"},
    {Fn::Count, "count"},
    {Fn::Sum, "sum"},
    {Fn::Min, "min"},
    {Fn::Max, "max"},
    {Fn::Avg, "avg"},
    {Fn::Median, "median"},
    {Fn::Stddev, "stddev"},
    {Fn::Distinct, "distinct"},
    {Fn::Share, "share"},
    {Fn::Exists, "exists"},
    {Fn::All, "all"},
    {Fn::Filter, "filter"},
    {Fn::First, "first"},
    {Fn::Last, "last"},
    {Fn::Flatten, "flatten"},
    {Fn::Groups, "groups"},
    {Fn::Previous, "previous"},
    {Fn::Next, "next"},
    {Fn::Zscore, "zscore"},
    {Fn::PeerMean, "peer_mean"},
    {Fn::PeerStddev, "peer_stddev"},
    {Fn::PeerMedian, "peer_median"},
    {Fn::Prior, "prior"},
};
}  // namespace

const char* fnName(Fn fn) {
  for (const auto& f : kFnNames)
    if (f.fn == fn) return f.name;
  return "?";
}

Fn fnNamed(const std::string& name) {
  for (const auto& f : kFnNames)
    if (name == f.name) return f.fn;
  return Fn::None;
}

const char* scopeName(ScopeKind scope) {
  switch (scope) {
    case ScopeKind::Line:
      return "line";
    case ScopeKind::Claim:
      return "claim";
    case ScopeKind::Person:
      return "person";
    case ScopeKind::Institution:
      return "institution";
  }
  return "?";
}

const char* periodName(Period period) {
  switch (period) {
    case Period::None:
      return "";
    case Period::Month:
      return "month";
    case Period::Quarter:
      return "quarter";
    case Period::Year:
      return "year";
  }
  return "?";
}

const std::vector<const char*>& scopeSlotNames(ScopeKind scope) {
  static const std::vector<const char*> line = {"line", "setl"};
  static const std::vector<const char*> claim = {"setl"};
  static const std::vector<const char*> person = {"person", "history"};
  static const std::vector<const char*> institution = {"inst", "period", "settlements"};
  switch (scope) {
    case ScopeKind::Line:
      return line;
    case ScopeKind::Claim:
      return claim;
    case ScopeKind::Person:
      return person;
    case ScopeKind::Institution:
      return institution;
  }
  return line;
}

Node* Rule::make(Op op, Type type, SourceRange at) {
  arena.push_back(std::make_unique<Node>());
  Node* n = arena.back().get();
  n->op = op;
  n->type = std::move(type);
  n->span = at;
  return n;
}

int TableRef::linkIndex(const std::string& name) const {
  for (size_t i = 0; i < links.size(); ++i)
    if (links[i].name == name) return static_cast<int>(i);
  return -1;
}

int RuleSet::tableIndex(const std::string& name) const {
  for (size_t i = 0; i < tables.size(); ++i)
    if (tables[i].layout.name == name) return static_cast<int>(i);
  return -1;
}

// ---------------------------------------------------------------- types

Type Type::row(uint32_t table, bool nullable) {
  Type t(Kind::Row, nullable);
  t.index_ = table;
  return t;
}

Type Type::list(Type element) {
  Type t(Kind::List, false);
  t.element_ = std::make_shared<const Type>(std::move(element));
  return t;
}

Type Type::group(uint32_t group) {
  Type t(Kind::Group, false);
  t.index_ = group;
  return t;
}

Type Type::withNullable(bool nullable) const {
  Type t = *this;
  t.nullable_ = nullable;
  return t;
}

const char* kindName(Kind kind) {
  switch (kind) {
    case Kind::Bool:
      return "bool";
    case Kind::Int:
      return "int";
    case Kind::Dec:
      return "dec";
    case Kind::Money:
      return "money";
    case Kind::Date:
      return "date";
    case Kind::DateTime:
      return "datetime";
    case Kind::Str:
      return "str";
    case Kind::Code:
      return "code";
    case Kind::Row:
      return "row";
    case Kind::List:
      return "list";
    case Kind::Group:
      return "group";
  }
  return "?";
}

Kind kindOfColumn(ValueKind kind) {
  switch (kind) {
    case ValueKind::Bool:
      return Kind::Bool;
    case ValueKind::Int:
      return Kind::Int;
    case ValueKind::Dec:
      return Kind::Dec;
    case ValueKind::Money:
      return Kind::Money;
    case ValueKind::Date:
      return Kind::Date;
    case ValueKind::DateTime:
      return Kind::DateTime;
    case ValueKind::Code:
      return Kind::Code;
    case ValueKind::Str:
      return Kind::Str;
    case ValueKind::List:
      return Kind::List;
  }
  return Kind::Str;
}

}  // namespace fundguard::ir
