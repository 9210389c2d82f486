// Typing of aggregates written as comprehensions: sum(l.cnt for l in setl.lines where ...),
// count(l in setl.lines), groups(l in setl.lines by day: date(l.fee_ocur_time)).
#include <fmt/format.h>

#include "sema/builtins.h"
#include "sema/expr_checker.h"

namespace fundguard {

using namespace ast;

Type ExprChecker::aggregate(const AggregateExpr& e) {
  const std::string& fn = e.function.name;
  const BuiltinInfo* info = findBuiltin(fn);
  Type source = check(*e.source);
  if (!info || info->kind != BuiltinInfo::Kind::Aggregate) {
    std::vector<std::string> names;
    for (const auto& b : builtinFunctions())
      if (b.kind == BuiltinInfo::Kind::Aggregate) names.push_back(b.name);
    diags_.report(DiagCode::FG1013, e.function.span, fmt::format("`{}` is not an aggregate", fn),
                  didYouMeanOr(fn, names,
                               "aggregates are count, sum, min, max, avg, median, stddev, distinct, "
                               "share, exists, all, filter, first, last and groups"));
    return Type::error();
  }
  if (source.isError()) return Type::error();
  if (!source.isCollection()) {
    diags_.report(DiagCode::FG3006, e.source->span,
                  fmt::format("`{}` goes over a list, but this is {}", fn, source.str()),
                  fmt::format("write {}", info->signature));
    return Type::error();
  }
  if (const Binding* outer = locals_.find(e.var.name); outer && outer->kind != Binding::Kind::Aggregate) {
    auto& d =
        diags_.report(DiagCode::FG4012, e.var.span,
                      fmt::format("`{}` is already defined in this rule; the element needs its own name", e.var.name),
                      "e.g. `l` for a line, `s` for a settlement");
    if (outer->span.valid()) d.notes.push_back({outer->span, "defined here"});
  }
  size_t mark = locals_.size();
  Binding var;
  var.kind = Binding::Kind::Aggregate;
  var.name = e.var.name;
  var.type = source.element();
  var.span = e.var.span;
  locals_.add(var);
  if (e.filter) checkCondition(*e.filter, "the `where` of an aggregate");
  Type value = source.element();
  if (e.value) value = check(*e.value);
  Type result;
  if (fn == "groups") {
    if (e.keys.empty()) {
      diags_.report(DiagCode::FG3005, e.span, "`groups` needs `by` and at least one key",
                    fmt::format("write {}", info->signature));
      result = Type::error();
    } else {
      auto group = std::make_shared<GroupInfo>();
      group->rowType = source.element();
      for (const auto& k : e.keys) {
        Type kt = check(*k.value);
        if (!kt.isError() && !kt.isScalar())
          diags_.report(DiagCode::FG3001, k.value->span,
                        fmt::format("a group key must be a single value, not {}", kt.str()), "");
        group->keys.emplace_back(k.name.name, kt);
      }
      result = Type::list(Type::group(group));
    }
  } else {
    if (!e.keys.empty())
      diags_.report(DiagCode::FG3005, e.keys.front().name.span, fmt::format("only `groups` takes `by`, not `{}`", fn),
                    "");
    result = aggregateOver(fn, e.span, source.element(), e.value ? &value : nullptr, e.value ? e.value->span : e.span,
                           e.filter != nullptr);
  }
  locals_.popTo(mark);
  return result;
}

Type ExprChecker::aggregateOver(const std::string& fn, Span span, const Type& element, const Type* value,
                                Span valueSpan, bool hasFilter) {
  const BuiltinInfo& info = *findBuiltin(fn);
  auto needsFilter = [&]() {
    diags_.report(DiagCode::FG3005, span, fmt::format("`{}` needs a `where` condition", fn),
                  fmt::format("write {}", info.signature));
    return Type::error();
  };
  const Type& v = value ? *value : element;
  if (v.isError()) return Type::error();
  bool numeric = v.isNumeric() || v.kind() == TypeKind::Money;
  auto notNumeric = [&]() {
    diags_.report(DiagCode::FG3001, valueSpan,
                  fmt::format("`{}` adds up numbers or money, but this is {}", fn, v.str()),
                  fmt::format("write {}", info.signature));
    return Type::error();
  };
  if (fn == "count" || fn == "distinct") return Type::scalar(TypeKind::Int);
  if (fn == "exists") return Type::scalar(TypeKind::Bool);
  if (fn == "all") return hasFilter ? Type::scalar(TypeKind::Bool) : needsFilter();
  if (fn == "share") return hasFilter ? Type::scalar(TypeKind::Dec, true) : needsFilter();
  if (fn == "filter") return hasFilter ? Type::list(element) : needsFilter();
  if (fn == "first" || fn == "last") return v.withNullable(true);
  if (fn == "flatten") {
    if (!v.isCollection()) {
      diags_.report(DiagCode::FG3006, valueSpan, fmt::format("`flatten` joins lists, but this is {}", v.str()),
                    "write flatten(s.lines for s in history)");
      return Type::error();
    }
    return Type::list(v.element());
  }
  if (fn == "sum") {
    if (!numeric) return notNumeric();
    return v.withNullable(false);
  }
  if (fn == "min" || fn == "max") {
    if (!v.isScalar() || v.kind() == TypeKind::Bool) {
      diags_.report(DiagCode::FG3001, valueSpan,
                    fmt::format("`{}` needs values with an order, but this is {}", fn, v.str()), "");
      return Type::error();
    }
    return v.withNullable(true);
  }
  if (fn == "avg" || fn == "median" || fn == "stddev") {
    if (!numeric) return notNumeric();
    return (v.kind() == TypeKind::Money ? v : Type::scalar(TypeKind::Dec)).withNullable(true);
  }
  // Every aggregate of the built-in table has a rule above; this is reached only if one is added
  // without one, and must not pass silently.
  diags_.report(DiagCode::FG3005, span, fmt::format("`{}` cannot be used as an aggregate here", fn), "");
  return Type::error();
}

}  // namespace fundguard
