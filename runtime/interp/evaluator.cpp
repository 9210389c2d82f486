// The IR interpreter's dispatch: values, rows and links, logic. Arithmetic, comparison and
// built-in functions are in evaluator_functions.cpp; aggregates in evaluator_aggregate.cpp.
#include "interp/evaluator.h"

#include <stdexcept>

namespace fundguard::interp {

using ir::Op;

Evaluator::Evaluator(const engine::BoundData& data, const ir::Rule& rule, std::vector<Value> params)
    : frame(rule.slots.size()), data_(data), rule_(rule), params_(std::move(params)), texts_(data.dataset().strings) {}

Value Evaluator::constant(const ir::Node& n) {
  if (n.isNull) return Value::missing();
  if (n.type.isText()) return Value::of(texts_.id(n.text));
  return Value::of(n.imm);
}

Value Evaluator::field(const ir::Node& n) {
  Value row = eval(*n.args[0]);
  const Table* table = data_.table(n.table);
  if (n.type.kind() == ir::Kind::List) {
    // A missing list cell is missing (`is null` is true) and, where items are read, empty.
    if (!row.present || !table) return Value::missing();
    const Column& c = table->columns[n.column];
    auto r = static_cast<size_t>(row.i);
    if (!c.has(r)) return Value::missing();
    std::vector<Value> items;
    if (c.has(r))
      for (size_t k = 0; k < c.listSize(r); ++k) items.push_back(Value::of(c.listBegin(r)[k]));
    return Value::ofList(std::move(items));
  }
  if (!row.present || !table) return Value::missing();
  const Column& c = table->columns[n.column];
  auto r = static_cast<size_t>(row.i);
  return c.has(r) ? Value::of(c.at(r)) : Value::missing();
}

Value Evaluator::link(const ir::Node& n) {
  bool many = n.op == Op::LinkMany;
  Value row = eval(*n.args[0]);
  uint32_t from = n.args[0]->type.table();
  const ir::LinkRef& link = data_.set().tables[from].links[n.index];
  const Table* source = data_.table(from);
  const KeyIndex* index = data_.index(link.target, link.theirs);
  auto none = [&]() { return many ? Value::ofList({}) : Value::missing(); };
  if (!row.present || !source || !index) return none();
  std::vector<int64_t> key;
  for (uint32_t c : link.ours) {
    const Column& col = source->columns[c];
    if (!col.has(static_cast<size_t>(row.i))) return none();
    key.push_back(col.at(static_cast<size_t>(row.i)));
  }
  RowSpan rows = index->find(key);
  if (!rows) return none();
  if (!many) return Value::of(rows[0]);
  std::vector<Value> out;
  out.reserve(rows.size());
  for (uint32_t r : rows) out.push_back(Value::of(r));
  return Value::ofList(std::move(out));
}

Value Evaluator::lookup(const ir::Node& n) {
  bool many = n.op == Op::RowsWhere;
  auto none = [&]() { return many ? Value::ofList({}) : Value::missing(); };
  std::vector<int64_t> key;
  for (const ir::Node* a : n.args) {
    Value v = eval(*a);
    if (!v.present) return none();
    key.push_back(v.i);
  }
  const KeyIndex* index = data_.index(n.table, n.columns);
  if (!index) return none();
  RowSpan rows = index->find(key);
  if (!rows) return none();
  if (!many) return Value::of(rows[0]);
  std::vector<Value> out;
  for (uint32_t r : rows) out.push_back(Value::of(r));
  return Value::ofList(std::move(out));
}

Value Evaluator::eval(const ir::Node& n) {
  switch (n.op) {
    case Op::Const:
      return constant(n);
    case Op::Param:
      return params_[n.index];
    case Op::Local:
      return frame[n.index];
    case Op::Bind:
      frame[n.index] = eval(*n.args[0]);
      return eval(*n.args[1]);
    case Op::Field:
      return field(n);
    case Op::Link:
    case Op::LinkMany:
      return link(n);
    case Op::Lookup:
    case Op::RowsWhere:
      return lookup(n);
    case Op::Convert:
    case Op::Neg:
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
      return arithmetic(n);
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
      return compare(n);
    case Op::IsNull: {
      Value v = eval(*n.args[0]);
      return Value::boolean(!v.present);
    }
    case Op::Not: {
      Value v = eval(*n.args[0]);
      return v.present ? Value::boolean(v.i == 0) : Value::missing();
    }
    case Op::And: {
      Value a = eval(*n.args[0]);
      if (a.isFalse()) return a;
      Value b = eval(*n.args[1]);
      if (b.isFalse()) return b;
      return a.present && b.present ? Value::boolean(true) : Value::missing();
    }
    case Op::Or: {
      Value a = eval(*n.args[0]);
      if (a.isTrue()) return a;
      Value b = eval(*n.args[1]);
      if (b.isTrue()) return b;
      return a.present && b.present ? Value::boolean(false) : Value::missing();
    }
    case Op::If: {
      Value c = eval(*n.args[0]);
      if (!c.present) return n.type.kind() == ir::Kind::List ? Value::ofList({}) : Value::missing();
      return eval(*n.args[c.i ? 1 : 2]);
    }
    case Op::In: {
      Value v = eval(*n.args[0]);
      Value list = eval(*n.args[1]);
      if (!v.present) return Value::missing();
      for (const Value& item : list.items())
        if (equalValues(item, v)) return Value::boolean(true);
      return Value::boolean(false);
    }
    case Op::StartsWith: {
      Value v = eval(*n.args[0]);
      Value p = eval(*n.args[1]);
      if (!v.present) return Value::missing();
      std::string_view text = texts_.text(v.i);
      auto starts = [&](const Value& prefix) {
        if (!prefix.present) return false;
        std::string_view pre = texts_.text(prefix.i);
        return text.substr(0, pre.size()) == pre;
      };
      if (n.args[1]->type.kind() == ir::Kind::List) {
        for (const Value& item : p.items())
          if (starts(item)) return Value::boolean(true);
        return Value::boolean(false);
      }
      if (!p.present) return Value::missing();
      return Value::boolean(starts(p));
    }
    case Op::Coalesce: {
      Value v = eval(*n.args[0]);
      return v.present ? v : eval(*n.args[1]);
    }
    case Op::Call:
      return call(n);
    case Op::MakeList: {
      std::vector<Value> items;
      items.reserve(n.args.size());
      for (const ir::Node* a : n.args) items.push_back(eval(*a));
      return Value::ofList(std::move(items));
    }
    case Op::Concat: {
      Value a = eval(*n.args[0]);
      Value b = eval(*n.args[1]);
      std::vector<Value> items = a.items();
      items.insert(items.end(), b.items().begin(), b.items().end());
      return Value::ofList(std::move(items));
    }
    case Op::Aggregate:
      return aggregate(n);
    case Op::GroupKey: {
      Value g = eval(*n.args[0]);
      return g.group ? g.group->keys[n.index] : Value::missing();
    }
    case Op::GroupRows: {
      Value g = eval(*n.args[0]);
      return g.group ? Value::ofList(g.group->elements) : Value::ofList({});
    }
    case Op::Ordered: {
      if (!loopList || n.index != rule_.forEachSlot) return Value::missing();
      if (n.fn == ir::Fn::Previous) return loopIndex == 0 ? Value::missing() : (*loopList)[loopIndex - 1];
      return loopIndex + 1 < loopList->size() ? (*loopList)[loopIndex + 1] : Value::missing();
    }
    case Op::Peer:
      return peers ? peers->peer(n, *this) : Value::missing();
  }
  throw std::logic_error("the interpreter met an IR node it does not know");
}

}  // namespace fundguard::interp
