// Typing of calls: helper defines, built-in scalar functions, table look-ups, previous/next,
// peer statistics, and aggregates written over a whole list (count(setl.lines)).
#include <algorithm>

#include <fmt/format.h>

#include "sema/builtins.h"
#include "sema/declarations.h"
#include "sema/expr_checker.h"

namespace fundguard {

using namespace ast;

namespace {
std::string signatureHint(const BuiltinInfo& b) {
  return fmt::format("write {}: {}", b.signature, b.meaning);
}
}  // namespace

Type ExprChecker::call(const CallExpr& e) {
  const std::string& name = e.callee.name;
  if (const Symbol* sym = findSymbol(program_, module_, name, e.callee.span, diags_)) {
    if (sym->kind == Symbol::Kind::Define) return callDefine(e, *sym->define);
  }
  const BuiltinInfo* info = findBuiltin(name);
  if (!info) {
    std::vector<std::string> names = builtinNames();
    for (const auto& n : program_.visibleNames(module_, Symbol::Kind::Define)) names.push_back(n);
    for (const auto& arg : e.args) check(*arg.value);
    diags_.report(DiagCode::FG1013, e.callee.span, fmt::format("unknown function `{}`", name),
                  didYouMeanOr(name, names, "see the list of functions in docs/language.md"));
    return Type::error();
  }
  if (info->kind == BuiltinInfo::Kind::Table) return tableArgument(e, std::string(info->name) == "lookup");
  for (const auto& arg : e.args) {
    if (arg.name) {
      diags_.report(DiagCode::FG3005, arg.name->span, fmt::format("`{}` takes no named arguments", name),
                    signatureHint(*info));
      return Type::error();
    }
  }
  if (info->kind == BuiltinInfo::Kind::Ordered) {
    if (e.args.size() != 1 || e.args[0].value->kind != ExprKind::Name) {
      diags_.report(DiagCode::FG3010, e.span, fmt::format("`{}` takes the name of a `for each` element", name),
                    signatureHint(*info));
      return Type::error();
    }
    const auto& arg = static_cast<const NameExpr&>(*e.args[0].value);
    Binding* b = locals_.find(arg.name);
    if (b && b->kind == Binding::Kind::Loop && !b->ordered) {
      check(*e.args[0].value);
      diags_.report(DiagCode::FG3010, arg.span,
                    fmt::format("`{}` is one of a pair (`for each a, b`), and pairs have no {}", arg.name,
                                name == "previous" ? "previous element" : "next element"),
                    "loop over single elements (`for each s in LIST`) to use previous(s) and next(s)");
      return Type::error();
    }
    if (!b || !b->ordered) {
      check(*e.args[0].value);
      diags_.report(DiagCode::FG3010, arg.span,
                    fmt::format("`{}` is not an element of a `for each` list, so it has no {}", arg.name,
                                name == "previous" ? "previous element" : "next element"),
                    "write `for each s in LIST` and then previous(s)");
      return Type::error();
    }
    Type t = check(arg);
    return t.withNullable(true);
  }
  std::vector<Type> args;
  for (const auto& arg : e.args) args.push_back(check(*arg.value));
  if (info->kind == BuiltinInfo::Kind::Aggregate) {
    // count(setl.lines), sum(list_of_amounts), and the two-argument min(a, b) / max(a, b).
    if ((name == "min" || name == "max") && args.size() == 2) {
      if (!comparable(args[0], args[1], e.args[0].value.get(), e.args[1].value.get(), e.span, true))
        return Type::error();
      return unify(args[0], args[1], e.args[0].value.get(), e.args[1].value.get(), e.span);
    }
    if (args.size() != 1) {
      diags_.report(DiagCode::FG3005, e.span, fmt::format("`{}` takes one list", name), signatureHint(*info));
      return Type::error();
    }
    if (args[0].isError()) return Type::error();
    if (!args[0].isCollection()) {
      diags_.report(DiagCode::FG3006, e.args[0].value->span,
                    fmt::format("`{}` needs a list, but this is {}", name, args[0].str()), signatureHint(*info));
      return Type::error();
    }
    const Type& element = args[0].element();
    if (name == "groups") {
      diags_.report(DiagCode::FG3005, e.span, "`groups` needs `by` and at least one key", signatureHint(*info));
      return Type::error();
    }
    return aggregateOver(name, e.span, element, &element, e.args[0].value->span, false);
  }
  if (info->kind == BuiltinInfo::Kind::Peer) {
    if (!rule_ || rule_->scope != ScopeKind::Institution || (name != "prior" && !rule_->hasPeers)) {
      diags_.report(DiagCode::FG3011, e.callee.span,
                    name == "prior" ? "`prior` compares periods, so it works only in an institution rule"
                                    : fmt::format("`{}` compares an institution with its peers: it needs "
                                                  "`scope institution per ...` and `peers by ...`",
                                                  name),
                    name == "prior" ? "write `scope institution per month` (or per quarter, per year)"
                                    : "e.g. `scope institution per month` and `peers by inst.hosp_lv`");
      return Type::error();
    }
  }
  auto arity = [&](size_t n) {
    if (args.size() == n) return true;
    diags_.report(DiagCode::FG3005, e.span,
                  fmt::format("`{}` takes {} argument{}, not {}", name, n, n == 1 ? "" : "s", args.size()),
                  signatureHint(*info));
    return false;
  };
  auto wrongType = [&](size_t i, const char* expected) {
    diags_.report(DiagCode::FG3005, e.args[i].value->span,
                  fmt::format("argument {} of `{}` must be {}, but this is {}", i + 1, name, expected, args[i].str()),
                  signatureHint(*info));
    return Type::error();
  };
  for (const auto& a : args)
    if (a.isError()) return Type::error();
  bool anyNullable = false;
  for (const auto& a : args) anyNullable |= a.nullable();
  auto is = [&](size_t i, TypeKind k) { return args[i].kind() == k; };
  auto isDay = [&](size_t i) { return is(i, TypeKind::Date) || is(i, TypeKind::DateTime); };

  if (name == "prefix") {
    if (!arity(2)) return Type::error();
    if (!args[0].isText()) return wrongType(0, "text");
    if (!is(1, TypeKind::Int)) return wrongType(1, "a whole number");
    return Type::scalar(TypeKind::Str, anyNullable);
  }
  if (name == "date") {
    if (!arity(1)) return Type::error();
    if (!isDay(0)) return wrongType(0, "a date or datetime");
    return Type::scalar(TypeKind::Date, anyNullable);
  }
  if (name == "month" || name == "year") {
    if (!arity(1)) return Type::error();
    if (!isDay(0)) return wrongType(0, "a date or datetime");
    return Type::scalar(name == "month" ? TypeKind::Str : TypeKind::Int, anyNullable);
  }
  if (name == "days" || name == "age_at") {
    if (!arity(2)) return Type::error();
    if (!is(0, TypeKind::Date)) return wrongType(0, "a date");
    if (!is(1, TypeKind::Date)) return wrongType(1, "a date");
    return Type::scalar(TypeKind::Int, anyNullable);
  }
  if (name == "coalesce") {
    if (args.size() < 2) return arity(2), Type::error();
    Type t = args[0];
    for (size_t i = 1; i < args.size(); ++i)
      t = unify(t, args[i], e.args[i - 1].value.get(), e.args[i].value.get(), e.span);
    if (t.isError()) return t;
    return t.withNullable(args.back().nullable());
  }
  if (name == "abs") {
    if (!arity(1)) return Type::error();
    if (!args[0].isNumeric() && !is(0, TypeKind::Money)) return wrongType(0, "a number or money");
    return args[0];
  }
  if (name == "round") {
    if (!arity(2)) return Type::error();
    if (!args[0].isNumeric() && !is(0, TypeKind::Money)) return wrongType(0, "a number or money");
    if (!is(1, TypeKind::Int)) return wrongType(1, "a whole number of places");
    return args[0];
  }
  if (name == "len") {
    if (!arity(1)) return Type::error();
    if (!args[0].isText() && !args[0].isCollection()) return wrongType(0, "text or a list");
    return Type::scalar(TypeKind::Int, anyNullable);
  }
  if (name == "int") {
    if (!arity(1)) return Type::error();
    if (!args[0].isText()) return wrongType(0, "text");
    return Type::scalar(TypeKind::Int, true);  // missing when the text is not a whole number
  }
  if (name == "label") {
    if (!arity(1)) return Type::error();
    if (!is(0, TypeKind::Code) || !args[0].dict()) return wrongType(0, "a code column with a dictionary");
    return Type::scalar(TypeKind::Str, anyNullable);
  }
  if (name == "contains") {
    if (!arity(2)) return Type::error();
    if (args[0].isText()) {
      if (!args[1].isText()) return wrongType(1, "text");
    } else if (args[0].isCollection()) {
      if (!comparable(args[0].element(), args[1], nullptr, e.args[1].value.get(), e.span, false)) return Type::error();
    } else {
      return wrongType(0, "text or a list");
    }
    return Type::scalar(TypeKind::Bool, anyNullable);
  }
  if (info->kind == BuiltinInfo::Kind::Peer) {
    if (!arity(1)) return Type::error();
    if (name == "prior") return args[0].withNullable(true);
    if (!args[0].isNumeric() && !is(0, TypeKind::Money)) return wrongType(0, "a number or money");
    if (name == "zscore") return Type::scalar(TypeKind::Dec, true);
    return (is(0, TypeKind::Money) ? args[0] : Type::scalar(TypeKind::Dec)).withNullable(true);
  }
  // Every function of the built-in table has a rule above; never pass an unknown one silently.
  diags_.report(DiagCode::FG3005, e.span, fmt::format("`{}` cannot be used this way", name), signatureHint(*info));
  return Type::error();
}

Type ExprChecker::tableArgument(const CallExpr& e, bool unique) {
  const std::string& fn = e.callee.name;
  const BuiltinInfo& info = *findBuiltin(fn);
  if (e.args.empty() || e.args[0].name) {
    diags_.report(DiagCode::FG3012, e.span, fmt::format("`{}` starts with the name of a table", fn),
                  signatureHint(info));
    for (const auto& a : e.args) check(*a.value);
    return Type::error();
  }
  // A misspelt table name is a table that does not exist, not a local name.
  if (const auto* n = dynamic_cast<const NameExpr*>(e.args[0].value.get())) {
    std::vector<std::string> locals = locals_.names(), visible = program_.visibleNames(module_);
    bool known = std::find(locals.begin(), locals.end(), n->name) != locals.end() ||
                 std::find(visible.begin(), visible.end(), n->name) != visible.end();
    if (!known && !module_.importFailed) {
      std::vector<std::string> tables = program_.visibleNames(module_, Symbol::Kind::Table);
      std::string guess = closestMatch(n->name, tables);
      for (const std::string& t : tables)  // `pract` for `pract_b`: the suffix left out
        if (guess.empty() && t.rfind(n->name + "_", 0) == 0 && t.size() <= n->name.size() + 2) guess = t;
      auto& d = diags_.report(DiagCode::FG1012, n->span, fmt::format("no table named `{}`", n->name),
                              guess.empty() ? "the tables are declared in the schema (std.schema) or in this file"
                                            : fmt::format("did you mean `{}`?", guess));
      if (!guess.empty()) d.fix(n->span, guess);
      for (size_t i = 1; i < e.args.size(); ++i) check(*e.args[i].value);
      return Type::error();
    }
  }
  Type t = check(*e.args[0].value);
  if (t.isError()) return Type::error();
  if (t.kind() != TypeKind::Table) {
    diags_.report(DiagCode::FG3012, e.args[0].value->span,
                  fmt::format("`{}` needs a table first, but this is {}", fn, t.str()), signatureHint(info));
    return Type::error();
  }
  const TableInfo* table = t.tableInfo();
  std::vector<const ColumnInfo*> named;
  bool ok = true;
  for (size_t i = 1; i < e.args.size(); ++i) {
    const CallArg& arg = e.args[i];
    Type v = check(*arg.value);
    if (!arg.name) {
      diags_.report(DiagCode::FG3005, arg.value->span, fmt::format("name the column this value is for"),
                    fmt::format("write {}({}, COLUMN: value)", fn, table->name));
      ok = false;
      continue;
    }
    const ColumnInfo* col = table->column(arg.name->name);
    if (!col) {
      std::vector<std::string> names = table->columnNames();
      diags_.report(DiagCode::FG1011, arg.name->span,
                    fmt::format("table `{}` has no column `{}`", table->name, arg.name->name),
                    didYouMean(arg.name->name, names));
      ok = false;
      continue;
    }
    if (!assignable(v, col->type, arg.value.get()) && !(v.isText() && col->type.isText())) {
      diags_.report(DiagCode::FG3001, arg.value->span,
                    fmt::format("column `{}` holds {}, but this is {}", col->name, col->type.str(), v.str()), "");
      ok = false;
    } else if (col->type.kind() == TypeKind::Code) {
      checkCodeLiteral(col->type, *arg.value);
    }
    named.push_back(col);
  }
  if (!ok) return Type::error();
  if (unique) {
    std::vector<const ColumnInfo*> key = table->key;
    std::vector<const ColumnInfo*> given = named;
    std::sort(key.begin(), key.end());
    std::sort(given.begin(), given.end());
    if (key.empty() || key != given) {
      std::string keyNames;
      for (const ColumnInfo* c : table->key) keyNames += (keyNames.empty() ? "" : ", ") + c->name;
      diags_.report(DiagCode::FG3009, e.span,
                    key.empty() ? fmt::format("table `{}` has no key, so lookup cannot find one row", table->name)
                                : fmt::format("lookup in `{}` must give its whole key ({})", table->name, keyNames),
                    fmt::format("to get every matching row, use rows({}, ...)", table->name));
      return Type::error();
    }
    return Type::row(table, true);
  }
  return Type::list(Type::row(table));
}

Type ExprChecker::callDefine(const CallExpr& e, DefineInfo& define) {
  if (define.state != DefineInfo::State::Checked) checkDefineBody(program_, define, diags_);
  std::vector<Type> args;
  for (const auto& a : e.args) args.push_back(check(*a.value));
  if (args.size() != define.params.size()) {
    std::string sig;
    for (const auto& [n, t] : define.params) sig += (sig.empty() ? "" : ", ") + n + ": " + t.str();
    diags_.report(DiagCode::FG3005, e.span,
                  fmt::format("`{}` takes {} argument{}, not {}", define.name, define.params.size(),
                              define.params.size() == 1 ? "" : "s", args.size()),
                  fmt::format("it is declared as {}({})", define.name, sig));
    return define.result.isError() ? Type::error() : define.result;
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const Type& want = define.params[i].second;
    if (!assignable(args[i], want, e.args[i].value.get())) {
      diags_.report(DiagCode::FG3005, e.args[i].value->span,
                    fmt::format("argument `{}` of `{}` must be {}, but this is {}", define.params[i].first, define.name,
                                want.str(), args[i].str()),
                    "");
    }
  }
  // The result may be missing when an argument may be, unless the define says otherwise.
  bool anyNullable = false;
  for (const auto& a : args) anyNullable |= a.nullable();
  return define.result.withNullable(define.result.nullable() || anyNullable);
}

}  // namespace fundguard
