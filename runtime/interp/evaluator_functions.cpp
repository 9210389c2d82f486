// The interpreter's arithmetic (exact: money in fen, dec in 10^-4, rounding half away from zero,
// division by zero missing), comparisons, built-in scalar functions and value formatting.
#include <algorithm>
#include <cstdlib>

#include "data/scalar_values.h"
#include "interp/evaluator.h"
#include "interp/exact_numbers.h"
#include "support/utf8_chars.h"

namespace fundguard::interp {

using ir::Kind;
using ir::Op;

Value Evaluator::arithmetic(const ir::Node& n) {
  Value a = eval(*n.args[0]);
  if (!a.present) return Value::missing();
  Kind to = n.type.kind();
  Kind ka = n.args[0]->type.kind();
  if (n.op == Op::Convert) return Value::of(divRound(static_cast<Wide>(a.i) * scaleOf(to), scaleOf(ka)));
  if (n.op == Op::Neg) return Value::of(-a.i);
  Value b = eval(*n.args[1]);
  if (!b.present) return Value::missing();
  Kind kb = n.args[1]->type.kind();
  switch (n.op) {
    case Op::Add:
      return Value::of(a.i + b.i);  // same kinds, or date + days
    case Op::Sub:
      return Value::of(a.i - b.i);  // date - date is days
    case Op::Mul: {
      // The product's scale is the two operands' scales; bring it to the result's.
      Wide p = static_cast<Wide>(a.i) * b.i;
      return Value::of(divRound(p * scaleOf(to), scaleOf(ka) * scaleOf(kb)));
    }
    case Op::Div: {
      if (b.i == 0) return Value::missing();
      // (a / sa) / (b / sb) * st  =  a * sb * st / (sa * b)
      Wide num = static_cast<Wide>(a.i) * scaleOf(kb) * scaleOf(to);
      Wide den = static_cast<Wide>(scaleOf(ka)) * b.i;
      return Value::of(divRound(num, den));
    }
    default:
      break;
  }
  return Value::missing();
}

bool Evaluator::equalValues(const Value& a, const Value& b) const {
  return a.present == b.present && a.i == b.i;
}

int Evaluator::compareValues(const Value& a, const Value& b, const ir::Type& type) {
  if (type.isText()) {
    if (a.i == b.i) return 0;
    return texts_.text(a.i).compare(texts_.text(b.i)) < 0 ? -1 : 1;
  }
  return a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
}

Value Evaluator::compare(const ir::Node& n) {
  Value a = eval(*n.args[0]);
  Value b = eval(*n.args[1]);
  if (!a.present || !b.present) return Value::missing();
  int c = compareValues(a, b, n.args[0]->type);
  switch (n.op) {
    case Op::Eq:
      return Value::boolean(c == 0);
    case Op::Ne:
      return Value::boolean(c != 0);
    case Op::Lt:
      return Value::boolean(c < 0);
    case Op::Le:
      return Value::boolean(c <= 0);
    case Op::Gt:
      return Value::boolean(c > 0);
    case Op::Ge:
      return Value::boolean(c >= 0);
    default:
      return Value::missing();
  }
}

Value Evaluator::call(const ir::Node& n) {
  std::vector<Value> args;
  args.reserve(n.args.size());
  for (const ir::Node* a : n.args) args.push_back(eval(*a));
  auto kindOf = [&](size_t i) { return n.args[i]->type.kind(); };
  // Every function but contains and len (of a list) is missing when an argument is.
  bool listArg = !n.args.empty() && kindOf(0) == Kind::List;
  if (!listArg)
    for (const Value& a : args)
      if (!a.present && n.args.size() && n.fn != ir::Fn::Contains) return Value::missing();
  auto day = [&](size_t i) {
    return kindOf(i) == Kind::DateTime ? (args[i].i >= 0 ? args[i].i / 86400 : (args[i].i - 86399) / 86400) : args[i].i;
  };
  switch (n.fn) {
    case ir::Fn::Prefix:
      return Value::of(texts_.id(utf8Prefix(texts_.text(args[0].i), args[1].i)));
    case ir::Fn::DateOf:
      return Value::of(day(0));
    case ir::Fn::Month:
    case ir::Fn::Year: {
      int y;
      unsigned m, d;
      civilFromDays(static_cast<int32_t>(day(0)), y, m, d);
      if (n.fn == ir::Fn::Year) return Value::of(y);
      char buf[48];
      std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
      return Value::of(texts_.id(buf));
    }
    case ir::Fn::Days:
      return Value::of(args[1].i - args[0].i);
    case ir::Fn::AgeAt: {
      int y1, y2;
      unsigned m1, d1, m2, d2;
      civilFromDays(static_cast<int32_t>(args[0].i), y1, m1, d1);
      civilFromDays(static_cast<int32_t>(args[1].i), y2, m2, d2);
      int age = y2 - y1 - ((m2 < m1 || (m2 == m1 && d2 < d1)) ? 1 : 0);
      return Value::of(age);
    }
    case ir::Fn::Abs:
      return Value::of(args[0].i < 0 ? -args[0].i : args[0].i);
    case ir::Fn::Round: {
      // round(x, p): p decimal places; a negative p rounds to tens, hundreds, ...
      int64_t digits = kindOf(0) == Kind::Money ? 2 : kindOf(0) == Kind::Dec ? 4 : 0;
      int64_t places = std::clamp<int64_t>(args[1].i, -15, 4);
      int64_t unit = 1;
      for (int64_t d = digits; d > places; --d) unit *= 10;
      return Value::of(divRound(args[0].i, unit) * unit);
    }
    case ir::Fn::Len:
      if (listArg) return Value::of(static_cast<int64_t>(args[0].items().size()));
      return Value::of(static_cast<int64_t>(utf8Length(texts_.text(args[0].i))));
    case ir::Fn::IntOf: {
      auto parsed = parseInt(texts_.text(args[0].i));
      return parsed ? Value::of(*parsed.value) : Value::missing();
    }
    case ir::Fn::Label: {
      std::string_view code = texts_.text(args[0].i);
      if (n.index < data_.set().dicts.size()) {
        const auto& labels = data_.set().dicts[n.index].labels;
        auto found = labels.find(std::string(code));
        if (found != labels.end()) return Value::of(texts_.id(found->second));
      }
      return args[0];
    }
    case ir::Fn::Contains: {
      if (!args[1].present) return Value::missing();
      if (listArg) {
        for (const Value& item : args[0].items())
          if (equalValues(item, args[1])) return Value::boolean(true);
        return Value::boolean(false);
      }
      if (!args[0].present) return Value::missing();
      return Value::boolean(texts_.text(args[0].i).find(texts_.text(args[1].i)) != std::string_view::npos);
    }
    case ir::Fn::Min:
    case ir::Fn::Max: {
      int c = compareValues(args[0], args[1], n.args[0]->type);
      return (n.fn == ir::Fn::Min) == (c <= 0) ? args[0] : args[1];
    }
    default:
      break;
  }
  return Value::missing();
}

std::string Evaluator::rowKey(uint32_t table, int64_t row) {
  const ir::TableRef& ref = data_.set().tables[table];
  const Table* t = data_.table(table);
  if (!t) return "";
  std::string key;
  for (size_t k = 0; k < ref.key.size(); ++k) {
    if (k) key += '|';
    const Column& c = t->columns[ref.key[k]];
    ir::Type ct = ir::Type::scalar(ir::kindOfColumn(c.layout.kind));
    key += c.has(static_cast<size_t>(row)) ? format(Value::of(c.at(static_cast<size_t>(row))), ct) : "";
  }
  return key;
}

std::string Evaluator::format(const Value& v, const ir::Type& type) {
  switch (type.kind()) {
    case Kind::List: {
      std::string out;
      for (const Value& item : v.items()) {
        if (!out.empty()) out += "、";
        out += format(item, type.element());
      }
      return out;
    }
    case Kind::Group: {
      if (!v.group) return "";
      std::string out;
      const ir::GroupLayout& g = data_.set().groups[type.group()];
      for (size_t k = 0; k < g.keys.size(); ++k) {
        if (k) out += " ";
        out += format(v.group->keys[k], g.keys[k].second);
      }
      return out;
    }
    default:
      break;
  }
  if (!v.present) return "（空）";
  switch (type.kind()) {
    case Kind::Bool:
      return v.i ? "是" : "否";
    case Kind::Int:
      return std::to_string(v.i);
    case Kind::Dec:
      return formatDec(v.i);
    case Kind::Money:
      return formatMoney(v.i);
    case Kind::Date:
      return formatDate(static_cast<int32_t>(v.i));
    case Kind::DateTime:
      return formatDateTime(v.i);
    case Kind::Str:
    case Kind::Code:
      return std::string(texts_.text(v.i));
    case Kind::Row:
      return rowKey(type.table(), v.i);
    default:
      return "";
  }
}

}  // namespace fundguard::interp
