// Expression typing: literals, names, fields, operators. Calls and aggregates are in
// call_checker.cpp and aggregate_checker.cpp. The null rule lives here: any operand that may be
// missing makes the result "may be missing" (shown as `?`), and a rule only hits when its
// condition is definitely true.
#include "sema/expr_checker.h"

#include <map>

#include <cctype>

#include <fmt/format.h>

#include "data/scalar_values.h"
#include "sema/builtins.h"
#include "sema/declarations.h"
#include "syntax/parser.h"

namespace fundguard {

using namespace ast;

Binding* LocalScope::find(const std::string& name) {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it)
    if (it->name == name) return &*it;
  return nullptr;
}

std::vector<std::string> LocalScope::names() const {
  std::vector<std::string> out;
  for (const auto& b : bindings_) out.push_back(b.name);
  return out;
}

Type ExprChecker::check(const Expr& expr) {
  resolved_ = Resolution{};
  Type t = checkImpl(expr);
  if (expr.id >= module_.exprTypes.size()) return t;
  module_.exprTypes[expr.id] = t;
  switch (expr.kind) {
    case ExprKind::Name:
    case ExprKind::Member:  // nameType/memberType ran last and left their answer in resolved_
      module_.resolutions[expr.id] = resolved_;
      break;
    case ExprKind::Call:
    case ExprKind::Aggregate:
      module_.resolutions[expr.id] = resolveCallee(expr);
      break;
    default:
      break;
  }
  return t;
}

// A call means the define of that name where one is visible, else the built-in (as call() does).
Resolution ExprChecker::resolveCallee(const Expr& expr) const {
  Resolution r;
  const std::string& name = expr.kind == ExprKind::Call ? static_cast<const CallExpr&>(expr).callee.name
                                                        : static_cast<const AggregateExpr&>(expr).function.name;
  auto found = program_.lookup(module_, name);
  if (expr.kind == ExprKind::Call && !found.empty() && found.front()->kind == Symbol::Kind::Define) {
    r.kind = Resolution::Kind::Define;
    r.define = found.front()->define;
  } else if (const BuiltinInfo* b = findBuiltin(name)) {
    r.kind = Resolution::Kind::Builtin;
    r.builtin = b;
  }
  return r;
}

Type ExprChecker::checkCondition(const Expr& expr, const char* what) {
  Type t = check(expr);
  if (t.kind() == TypeKind::Null) {
    diags_.report(DiagCode::FG3002, expr.span, fmt::format("{} is `null`, which is never true", what),
                  "write the condition itself; `x is null` tests for a missing value");
    return Type::error();
  }
  if (!t.isError() && t.kind() != TypeKind::Bool) {
    diags_.report(DiagCode::FG3002, expr.span,
                  fmt::format("{} must be a yes/no condition, but this is {}", what, t.str()),
                  "compare it with something, e.g. `x > 0` or `x = \"21\"`");
    return Type::error();
  }
  return t;
}

Type ExprChecker::checkImpl(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::Literal:
      return literal(static_cast<const LiteralExpr&>(expr));
    case ExprKind::Name:
      return nameType(static_cast<const NameExpr&>(expr).name, expr.span);
    case ExprKind::Member:
      return member(static_cast<const MemberExpr&>(expr));
    case ExprKind::Call:
      return call(static_cast<const CallExpr&>(expr));
    case ExprKind::Aggregate:
      return aggregate(static_cast<const AggregateExpr&>(expr));
    case ExprKind::Unary:
      return unary(static_cast<const UnaryExpr&>(expr));
    case ExprKind::Binary:
      return binary(static_cast<const BinaryExpr&>(expr));
    case ExprKind::Compare:
      return compare(static_cast<const CompareExpr&>(expr));
    case ExprKind::IsNull: {
      const auto& e = static_cast<const IsNullExpr&>(expr);
      check(*e.operand);
      return Type::scalar(TypeKind::Bool);
    }
    case ExprKind::In:
      return inSet(static_cast<const InExpr&>(expr));
    case ExprKind::Between:
      return between(static_cast<const BetweenExpr&>(expr));
    case ExprKind::StartsWith:
      return startsWith(static_cast<const StartsWithExpr&>(expr));
    case ExprKind::If:
      return ifExpr(static_cast<const IfExpr&>(expr));
    case ExprKind::List:
      return listExpr(static_cast<const ListExpr&>(expr));
    case ExprKind::Error:
      return Type::error();
  }
  return Type::error();
}

Type ExprChecker::literal(const LiteralExpr& e) {
  auto invalid = [&](const std::string& why, const std::string& hint) {
    diags_.report(DiagCode::FG0012, e.span, why, hint);
    return Type::error();
  };
  switch (e.literal) {
    case LiteralKind::Int:
      if (!parseInt(e.text)) return invalid(fmt::format("the number {} is too large", e.text), "");
      return Type::scalar(TypeKind::Int);
    case LiteralKind::Dec:
      if (auto v = parseDec(e.text); !v) return invalid(v.error, "decimals have at most 4 places");
      return Type::scalar(TypeKind::Dec);
    case LiteralKind::Percent: {
      auto v = parseDec(e.text);
      if (!v || *v.value % 100 != 0)
        return invalid(fmt::format("{}% has too many decimal places", e.text),
                       "a percentage has at most 2 decimal places");
      return Type::scalar(TypeKind::Dec);
    }
    case LiteralKind::String:
      return Type::scalar(TypeKind::Str);
    case LiteralKind::Date:
      if (auto v = parseDate(e.text); !v) return invalid(v.error, "write a real calendar day as YYYY-MM-DD");
      return Type::scalar(TypeKind::Date);
    case LiteralKind::DateTime:
      if (auto v = parseDateTime(e.text); !v) return invalid(v.error, "write YYYY-MM-DD HH:MM:SS");
      return Type::scalar(TypeKind::DateTime);
    case LiteralKind::Bool:
      return Type::scalar(TypeKind::Bool);
    case LiteralKind::Null:
      return Type::null();
  }
  return Type::error();
}

// A typo is fixed mechanically only when it is long enough that the nearest name is surely the
// one meant: two-character Chinese words and short names are each one edit from many others.
static bool fixableTypo(const std::string& name, const std::string& guess, Span span) {
  return !guess.empty() && utf8::length(name) >= 4 && span.end - span.begin == utf8::length(name);
}

Type ExprChecker::nameType(const std::string& name, Span span) {
  if (Binding* b = locals_.find(name)) {
    b->used = true;
    resolved_.kind = Resolution::Kind::Local;
    resolved_.local = b->kind;
    resolved_.name = b->name;
    resolved_.declaredAt = b->span;
    return b->type;
  }
  if (const Symbol* sym = findSymbol(program_, module_, name, span, diags_)) {
    switch (sym->kind) {
      case Symbol::Kind::List:
        checkListValue(program_, *sym->list, diags_);
        resolved_ = Resolution{};
        resolved_.kind = Resolution::Kind::List;
        resolved_.list = sym->list;
        return sym->list->type;
      case Symbol::Kind::Table:
        resolved_.kind = Resolution::Kind::Table;
        resolved_.table = sym->table;
        return Type::table(sym->table);
      case Symbol::Kind::Dict:
        diags_.report(DiagCode::FG3012, span, fmt::format("`{}` is a dictionary, not a value", name),
                      "compare a code column with one of its codes, e.g. `setl.med_type = \"21\"`");
        return Type::error();
      case Symbol::Kind::Define:
        diags_.report(DiagCode::FG3005, span, fmt::format("`{}` is a define; call it with its arguments", name),
                      fmt::format("write `{}(...)`", name));
        return Type::error();
    }
  }
  if (rule_) {
    for (const auto& [later, at] : rule_->laterLets) {
      if (later == name) {
        const SourceFile& file = program_.sources.file(at.file);
        diags_.report(DiagCode::FG1010, span,
                      fmt::format("`{}` is used before its `let` on line {}", name, file.position(at.begin).line),
                      "move this `let` above the clause that uses it");
        return Type::error();
      }
    }
  }
  // Words a policy officer may write for the operators, and codes left without quotes.
  if (std::string op = operatorMeant(name); !op.empty()) {
    diags_
        .report(DiagCode::FG1010, span, fmt::format("`{}` is not a word of the rule language", name),
                fmt::format("write `{}`", op))
        .fix(span, op);
    return Type::error();
  }
  bool codeLike = name.size() >= 2 && std::isupper(static_cast<unsigned char>(name[0])) &&
                  name.find_first_of("0123456789") != std::string::npos;
  if (codeLike) {
    diags_
        .report(DiagCode::FG1010, span, fmt::format("unknown name `{}`", name),
                fmt::format("codes and other texts are written in quotes: \"{}\"", name))
        .fix(span, "\"" + name + "\"");
    return Type::error();
  }
  std::vector<std::string> candidates = locals_.names();
  for (auto& n : program_.visibleNames(module_)) candidates.push_back(n);
  std::string hint = didYouMean(name, candidates);
  if (hint.empty() && rule_) {
    switch (rule_->scope) {
      case ScopeKind::Line:
        hint = "in a line rule the names are `line` and `setl`, and what you `let`";
        break;
      case ScopeKind::Claim:
        hint = "in a claim rule the name is `setl` (its lines: `setl.lines`), and what you `let`";
        break;
      case ScopeKind::Person:
        hint = "in a person rule the names are `person` and `history`, and what you `let`";
        break;
      case ScopeKind::Institution:
        hint = "in an institution rule the names are `inst`, `period` and `settlements`, and what you `let`";
        break;
    }
  }
  auto& d = diags_.report(DiagCode::FG1010, span, fmt::format("unknown name `{}`", name), hint);
  if (std::string guess = closestMatch(name, candidates); fixableTypo(name, guess, span)) d.fix(span, guess);
  return Type::error();
}

Type ExprChecker::memberType(const Type& object, const std::string& name, Span span) {
  switch (object.kind()) {
    case TypeKind::Error:
      return Type::error();
    case TypeKind::Row: {
      const TableInfo* table = object.tableInfo();
      if (const ColumnInfo* c = table->column(name)) {
        resolved_ = Resolution{};
        resolved_.kind = Resolution::Kind::Column;
        resolved_.column = c;
        return c->type.withNullable(c->type.nullable() || object.nullable());
      }
      if (const LinkInfo* l = table->link(name)) {
        resolved_ = Resolution{};
        resolved_.kind = Resolution::Kind::Link;
        resolved_.link = l;
        return l->many ? Type::list(Type::row(l->target)) : Type::row(l->target, true);
      }
      auto& d = diags_.report(DiagCode::FG1011, span, fmt::format("table `{}` has no column `{}`", table->name, name),
                              didYouMean(name, table->memberNames()));
      // The fix replaces the field's own text (not when the span is a whole message hole).
      if (std::string guess = closestMatch(name, table->memberNames()); fixableTypo(name, guess, span))
        d.fix(span, guess);
      return Type::error();
    }
    case TypeKind::Group: {
      const GroupInfo& g = object.groupInfo();
      resolved_ = Resolution{};
      if (name == "rows") {
        resolved_.kind = Resolution::Kind::GroupRows;
        return Type::list(g.rowType);
      }
      std::vector<std::string> names = {"rows"};
      for (size_t i = 0; i < g.keys.size(); ++i) {
        if (g.keys[i].first == name) {
          resolved_.kind = Resolution::Kind::GroupKey;
          resolved_.groupKey = i;
          return g.keys[i].second;
        }
        names.push_back(g.keys[i].first);
      }
      diags_.report(DiagCode::FG3007, span, fmt::format("a group has no field `{}`", name),
                    didYouMeanOr(name, names, "a group has its keys (named after `by`) and `rows`"));
      return Type::error();
    }
    case TypeKind::Table:
      diags_.report(DiagCode::FG3012, span,
                    fmt::format("`{}` is a whole table; pick one row first", object.tableInfo()->name),
                    fmt::format("use lookup({}, KEY: value).{} or rows({}, COLUMN: value)", object.tableInfo()->name,
                                name, object.tableInfo()->name));
      return Type::error();
    default:
      diags_.report(DiagCode::FG3007, span, fmt::format("{} has no field `{}`", object.str(), name),
                    object.isCollection() ? "this is a list of rows: use an aggregate such as count(...) or "
                                            "`for each` to reach one row"
                                          : "only rows (and groups) have fields");
      return Type::error();
  }
}

Type ExprChecker::member(const MemberExpr& e) {
  Type object = check(*e.object);
  return memberType(object, e.member.name, e.member.span);
}

Type ExprChecker::unary(const UnaryExpr& e) {
  if (e.op == UnaryOp::Not) {
    Type t = checkCondition(*e.operand, "the operand of `not`");
    return t.isError() ? t : Type::scalar(TypeKind::Bool, t.nullable());
  }
  Type t = check(*e.operand);
  if (t.isError() || t.isNumeric() || t.kind() == TypeKind::Money) return t;
  diags_.report(DiagCode::FG3001, e.span, fmt::format("cannot negate {}", t.str()),
                "only numbers and money have a sign");
  return Type::error();
}

bool ExprChecker::isNumberLiteral(const Expr& e) const {
  if (e.kind == ExprKind::Unary) {
    const auto& u = static_cast<const UnaryExpr&>(e);
    return u.op == UnaryOp::Negate && isNumberLiteral(*u.operand);
  }
  if (e.kind != ExprKind::Literal) return false;
  auto k = static_cast<const LiteralExpr&>(e).literal;
  return k == LiteralKind::Int || k == LiteralKind::Dec;
}

bool ExprChecker::moneyLiteralOk(const Expr& e) {
  const Expr* inner = &e;
  while (inner->kind == ExprKind::Unary) inner = static_cast<const UnaryExpr*>(inner)->operand.get();
  const auto& lit = static_cast<const LiteralExpr&>(*inner);
  if (parseMoney(lit.text)) {
    // The number stands for an amount in fen: record it, for lowering to read as money.
    for (const Expr* at = &e;; at = static_cast<const UnaryExpr*>(at)->operand.get()) {
      if (at->id < module_.exprTypes.size()) module_.exprTypes[at->id] = Type::scalar(TypeKind::Money);
      if (at->kind != ExprKind::Unary) break;
    }
    return true;
  }
  diags_.report(DiagCode::FG3008, e.span, fmt::format("{} is not a whole number of fen", lit.text),
                "money has at most two decimal places (yuan.jiao-fen); round the amount");
  return false;
}

bool ExprChecker::assignable(const Type& from, const Type& to, const Expr* expr) const {
  if (from.isError() || to.isError() || from.kind() == TypeKind::Null) return true;
  if (from.sameAs(to)) return true;
  if (to.kind() == TypeKind::Dec && from.kind() == TypeKind::Int) return true;
  if (to.kind() == TypeKind::Money && from.isNumeric() && expr && isNumberLiteral(*expr)) return true;
  if (to.isText() && from.isText()) return true;
  if ((to.isCollection() && from.isCollection())) {
    if (from.element().kind() == TypeKind::Null) return true;  // []
    return assignable(from.element(), to.element(), nullptr);
  }
  return false;
}

bool ExprChecker::fits(const Type& from, const Type& to, const Expr* expr) {
  // [1.00, 2.00] where a list of money is expected: each item must fit.
  if (to.isCollection() && expr && expr->kind == ExprKind::List) {
    bool ok = true;
    for (const auto& item : static_cast<const ListExpr&>(*expr).items)
      ok &= fits(module_.exprTypes[item->id], to.element(), item.get());
    return ok;
  }
  if (!assignable(from, to, expr)) return false;
  if (to.kind() == TypeKind::Money && from.isNumeric() && expr && isNumberLiteral(*expr)) moneyLiteralOk(*expr);
  return true;
}

Type ExprChecker::arithmetic(const BinaryExpr& e, const Type& l, const Type& r) {
  bool nullable = l.nullable() || r.nullable();
  TypeKind L = l.kind(), R = r.kind();
  auto money = [&](const Expr& literalSide) {
    moneyLiteralOk(literalSide);
    return Type::scalar(TypeKind::Money, nullable);
  };
  auto fail = [&](const std::string& hint) {
    diags_.report(DiagCode::FG3001, e.opSpan.valid() ? e.opSpan : e.span,
                  fmt::format("cannot {} {} and {}",
                              e.op == BinaryOp::Add   ? "add"
                              : e.op == BinaryOp::Sub ? "subtract"
                              : e.op == BinaryOp::Mul ? "multiply"
                                                      : "divide",
                              l.str(), r.str()),
                  hint);
    return Type::error();
  };
  switch (e.op) {
    case BinaryOp::Add:
    case BinaryOp::Sub:
      if (L == TypeKind::Int && R == TypeKind::Int) return Type::scalar(TypeKind::Int, nullable);
      if (l.isNumeric() && r.isNumeric()) return Type::scalar(TypeKind::Dec, nullable);
      if (L == TypeKind::Money && R == TypeKind::Money) return Type::scalar(TypeKind::Money, nullable);
      if (L == TypeKind::Money && r.isNumeric() && isNumberLiteral(*e.rhs)) return money(*e.rhs);
      if (R == TypeKind::Money && l.isNumeric() && isNumberLiteral(*e.lhs)) return money(*e.lhs);
      if (L == TypeKind::Date && R == TypeKind::Date && e.op == BinaryOp::Sub)
        return Type::scalar(TypeKind::Int, nullable);
      if (l.isCollection() && r.isCollection() && e.op == BinaryOp::Add) {  // one list after the other
        Type joined = unify(l.element(), r.element(), nullptr, nullptr, e.span);
        return joined.isError() ? joined : Type::list(joined, nullable);
      }
      if (L == TypeKind::Date && R == TypeKind::Int) return Type::scalar(TypeKind::Date, nullable);
      if (L == TypeKind::Int && R == TypeKind::Date && e.op == BinaryOp::Add)
        return Type::scalar(TypeKind::Date, nullable);
      if (L == TypeKind::Money || R == TypeKind::Money)
        return fail(
            "money adds only to money: declare the parameter as `money`, or write the amount as a number like 10.00");
      if (L == TypeKind::DateTime || R == TypeKind::DateTime)
        return fail("take the day with date(x) first: date(b) - date(a) is a number of days");
      if (l.isText() || r.isText()) return fail("text cannot be added; compare it, or use prefix(x, n)");
      return fail("");
    case BinaryOp::Mul:
      if (L == TypeKind::Int && R == TypeKind::Int) return Type::scalar(TypeKind::Int, nullable);
      if (l.isNumeric() && r.isNumeric()) return Type::scalar(TypeKind::Dec, nullable);
      if ((L == TypeKind::Money && r.isNumeric()) || (l.isNumeric() && R == TypeKind::Money))
        return Type::scalar(TypeKind::Money, nullable);
      return fail(L == TypeKind::Money && R == TypeKind::Money
                      ? "money times money has no meaning; multiply by a quantity"
                      : "");
    case BinaryOp::Div:
      // Division by zero gives a missing value (never a crash or an infinity): always `?`.
      if (l.isNumeric() && r.isNumeric()) return Type::scalar(TypeKind::Dec, true);
      if (L == TypeKind::Money && r.isNumeric()) return Type::scalar(TypeKind::Money, true);
      if (L == TypeKind::Money && R == TypeKind::Money) return Type::scalar(TypeKind::Dec, true);
      return fail("");
    case BinaryOp::And:
    case BinaryOp::Or:
      break;
  }
  return Type::error();
}

Type ExprChecker::binary(const BinaryExpr& e) {
  if (e.op == BinaryOp::And || e.op == BinaryOp::Or) {
    const char* what = e.op == BinaryOp::And ? "a side of `and`" : "a side of `or`";
    Type l = checkCondition(*e.lhs, what);
    Type r = checkCondition(*e.rhs, what);
    if (l.isError() || r.isError()) return Type::scalar(TypeKind::Bool, true);
    return Type::scalar(TypeKind::Bool, l.nullable() || r.nullable());
  }
  Type l = check(*e.lhs);
  Type r = check(*e.rhs);
  if (l.isError() || r.isError()) return Type::error();
  if (l.kind() == TypeKind::Null || r.kind() == TypeKind::Null) {
    diags_.report(DiagCode::FG3003, e.span, "arithmetic with `null` is always null",
                  "use coalesce(x, 0) to treat a missing value as zero");
    return Type::error();
  }
  return arithmetic(e, l, r);
}

void ExprChecker::checkCodeLiteral(const Type& codeType, const Expr& lit) {
  if (codeType.kind() != TypeKind::Code || !codeType.dict() || lit.kind != ExprKind::Literal) return;
  const auto& l = static_cast<const LiteralExpr&>(lit);
  if (l.literal != LiteralKind::String) return;
  const DictInfo& dict = *codeType.dict();
  if (dict.codes.count(l.text)) return;
  std::vector<std::string> codes;
  std::string listing;
  for (const auto& [code, label] : dict.codes) {
    codes.push_back(code);
    if (codes.size() <= 10) listing += fmt::format("{}\"{}\" {}", listing.empty() ? "" : ", ", code, label);
  }
  std::string guess = closestMatch(l.text, codes);
  std::string hint =
      guess.empty() ? std::string() : fmt::format("did you mean \"{}\" ({})?", guess, dict.codes.at(guess));
  if (hint.empty())
    hint = fmt::format("the codes of `{}` are: {}{}", dict.name, listing, codes.size() > 10 ? ", ..." : "");
  // No fix-it: "51" and "11" are both codes, and which one was meant is a policy question.
  diags_.report(DiagCode::FG3004, lit.span,
                fmt::format("\"{}\" is not a code of dictionary `{}` ({})", l.text, dict.name, dict.label), hint);
}

bool ExprChecker::comparable(const Type& l, const Type& r, const Expr* le, const Expr* re, Span at, bool ordering) {
  if (l.isError() || r.isError()) return true;
  TypeKind L = l.kind(), R = r.kind();
  auto fail = [&](const std::string& hint) {
    diags_.report(DiagCode::FG3001, at, fmt::format("cannot compare {} with {}", l.str(), r.str()), hint);
    return false;
  };
  if (l.isNumeric() && r.isNumeric()) return true;
  if (L == TypeKind::Money && R == TypeKind::Money) return true;
  auto moneyHint = [&](const Expr* numberSide) {
    const Binding* b = numberSide && numberSide->kind == ExprKind::Name
                           ? locals_.find(static_cast<const NameExpr*>(numberSide)->name)
                           : nullptr;
    if (b && b->kind == Binding::Kind::Param) return fmt::format("declare parameter `{}` as `money`", b->name);
    return std::string("compare money with an amount in yuan (e.g. 80.00), or multiply the money by the rate first");
  };
  if (L == TypeKind::Money && r.isNumeric()) {
    if (re && isNumberLiteral(*re)) return moneyLiteralOk(*re);
    return fail(moneyHint(re));
  }
  if (R == TypeKind::Money && l.isNumeric()) {
    if (le && isNumberLiteral(*le)) return moneyLiteralOk(*le);
    return fail(moneyHint(le));
  }
  if (l.isText() && r.isText()) {
    if (L == TypeKind::Code && R == TypeKind::Code && l.dict() && r.dict() && l.dict() != r.dict())
      return fail(fmt::format("`{}` and `{}` are different code lists: equal codes there mean different things",
                              l.dict()->name, r.dict()->name));
    if (le && re) {
      checkCodeLiteral(l, *re);
      checkCodeLiteral(r, *le);
    }
    return true;
  }
  if (L == R && (L == TypeKind::Date || L == TypeKind::DateTime)) return true;
  if ((L == TypeKind::Date && R == TypeKind::DateTime) || (L == TypeKind::DateTime && R == TypeKind::Date))
    return fail("take the day of the datetime with date(x)");
  if (L == TypeKind::Bool && R == TypeKind::Bool) {
    if (!ordering) return true;
    return fail("yes/no values have no order");
  }
  if (L == TypeKind::Row && R == TypeKind::Row)
    return fail("compare the rows' keys instead, e.g. `a.setl_id = b.setl_id`");
  if ((l.isText() && (r.isNumeric() || R == TypeKind::Money)) ||
      (r.isText() && (l.isNumeric() || L == TypeKind::Money))) {
    const Expr* textSide = l.isText() ? le : re;
    const Expr* numberSide = l.isText() ? re : le;
    bool quotedNumber = textSide && textSide->kind == ExprKind::Literal &&
                        static_cast<const LiteralExpr*>(textSide)->literal == LiteralKind::String;
    if (quotedNumber) return fail("numbers are written without quotes: 5, not \"5\"");
    if (numberSide && isNumberLiteral(*numberSide)) return fail("codes and text are written in quotes: \"21\", not 21");
    return fail("");
  }
  return fail("");
}

Type ExprChecker::compare(const CompareExpr& e) {
  Type l = check(*e.lhs);
  Type r = check(*e.rhs);
  if (l.kind() == TypeKind::Null || r.kind() == TypeKind::Null) {
    bool eq = e.op == CompareOp::Eq;
    auto& d = diags_.report(
        DiagCode::FG3003, e.span,
        fmt::format("comparing with `null` is never true: a missing value is unknown, not equal to anything"),
        eq                      ? "write `x is null`"
        : e.op == CompareOp::Ne ? "write `x is not null`"
                                : "check `x is not null` first");
    if ((eq || e.op == CompareOp::Ne) && r.kind() == TypeKind::Null && e.opSpan.valid())
      d.fix(Span{e.span.file, e.opSpan.begin, e.rhs->span.end}, eq ? "is null" : "is not null");
    return Type::error();
  }
  bool ordering = e.op != CompareOp::Eq && e.op != CompareOp::Ne;
  if (!comparable(l, r, e.lhs.get(), e.rhs.get(), e.opSpan.valid() ? e.opSpan : e.span, ordering)) return Type::error();
  return Type::scalar(TypeKind::Bool, l.nullable() || r.nullable());
}

Type ExprChecker::inSet(const InExpr& e) {
  Type v = check(*e.value);
  Type s = check(*e.set);
  if (v.isError() || s.isError()) return Type::scalar(TypeKind::Bool, true);
  if (!s.isCollection()) {
    diags_.report(DiagCode::FG3006, e.set.get()->span, fmt::format("`in` needs a list, but this is {}", s.str()),
                  "write the values in brackets: x in [\"11\", \"13\"], or name a list");
    return Type::error();
  }
  // A written list is compared item by item, so that `pric in [10.00, 20.00]` reads the numbers
  // as money and `med_type in [21]` gets the hint about quotes.
  if (e.set->kind == ExprKind::List) {
    for (const auto& item : static_cast<const ListExpr&>(*e.set).items) {
      const Type& itemType = module_.exprTypes[item->id];
      if (itemType.kind() == TypeKind::Null) continue;  // reported below
      if (!comparable(v, itemType, e.value.get(), item.get(), item->span, false)) return Type::error();
    }
  } else if (s.element().kind() != TypeKind::Null &&
             !comparable(v, s.element(), e.value.get(), nullptr, e.span, false)) {
    return Type::error();
  }
  if (e.set->kind == ExprKind::List)
    for (const auto& item : static_cast<const ListExpr&>(*e.set).items) {
      checkCodeLiteral(v, *item);
      if (item->kind == ExprKind::Literal && static_cast<const LiteralExpr&>(*item).literal == LiteralKind::Null)
        diags_.report(DiagCode::FG3003, item->span, "`null` in a list never matches: a missing value equals nothing",
                      "test for a missing value with `x is null`");
    }
  return Type::scalar(TypeKind::Bool, v.nullable() || s.nullable() || s.element().nullable());
}

Type ExprChecker::between(const BetweenExpr& e) {
  Type v = check(*e.value);
  Type lo = check(*e.low);
  Type hi = check(*e.high);
  for (const Type* bound : {&lo, &hi}) {
    if (bound->kind() != TypeKind::Null) continue;
    diags_.report(DiagCode::FG3003, e.span, "a bound of `between` is `null`, so the test is never true",
                  "give both bounds, or test `x >= a` alone");
    return Type::error();
  }
  if (!comparable(v, lo, e.value.get(), e.low.get(), e.span, true)) return Type::error();
  if (!comparable(v, hi, e.value.get(), e.high.get(), e.span, true)) return Type::error();
  return Type::scalar(TypeKind::Bool, v.nullable() || lo.nullable() || hi.nullable());
}

Type ExprChecker::startsWith(const StartsWithExpr& e) {
  Type v = check(*e.value);
  Type p = check(*e.prefix);
  if (v.isError() || p.isError()) return Type::scalar(TypeKind::Bool, true);
  if (!v.isText()) {
    diags_.report(DiagCode::FG3001, e.value->span, fmt::format("`starts with` needs text, but this is {}", v.str()),
                  "");
    return Type::error();
  }
  bool ok = p.isText() || (p.isCollection() && (p.element().isText() || p.element().kind() == TypeKind::Null));
  if (!ok) {
    diags_.report(DiagCode::FG3001, e.prefix->span,
                  fmt::format("`starts with` needs a text or a list of texts, but this is {}", p.str()),
                  "e.g. dise_codg starts with \"I63\", or starts with a named list of prefixes");
    return Type::error();
  }
  return Type::scalar(TypeKind::Bool, v.nullable() || p.nullable());
}

Type ExprChecker::unify(const Type& a, const Type& b, const Expr* ea, const Expr* eb, Span at) {
  if (a.isError() || b.isError()) return Type::error();
  bool nullable = a.nullable() || b.nullable();
  if (a.kind() == TypeKind::Null) return b.withNullable(true);
  if (b.kind() == TypeKind::Null) return a.withNullable(true);
  if (a.sameAs(b)) return a.withNullable(nullable);
  if (a.isCollection() && b.isCollection()) {  // [] goes with any list
    if (b.element().kind() == TypeKind::Null) return a.withNullable(nullable);
    if (a.element().kind() == TypeKind::Null) return b.withNullable(nullable);
  }
  if (a.isNumeric() && b.isNumeric()) return Type::scalar(TypeKind::Dec, nullable);
  if (a.kind() == TypeKind::Money && b.isNumeric() && eb && isNumberLiteral(*eb)) {
    moneyLiteralOk(*eb);
    return a.withNullable(nullable);
  }
  if (b.kind() == TypeKind::Money && a.isNumeric() && ea && isNumberLiteral(*ea)) {
    moneyLiteralOk(*ea);
    return b.withNullable(nullable);
  }
  if (a.isText() && b.isText()) return (a.kind() == TypeKind::Code ? a : b).withNullable(nullable);
  diags_.report(DiagCode::FG3001, at, fmt::format("{} and {} cannot be mixed here", a.str(), b.str()),
                "both branches (or all items) must have the same type");
  return Type::error();
}

Type ExprChecker::ifExpr(const IfExpr& e) {
  // An unknown condition gives an unknown result, not the `else` branch.
  Type c = checkCondition(*e.condition, "the condition of `if`");
  Type a = check(*e.then);
  Type b = check(*e.otherwise);
  Type t = unify(a, b, e.then.get(), e.otherwise.get(), e.span);
  return c.nullable() ? t.withNullable(true) : t;
}

Type ExprChecker::listExpr(const ListExpr& e) {
  Type element = Type::null();
  const Expr* first = nullptr;
  for (const auto& item : e.items) {
    Type t = check(*item);
    if (t.isCollection()) {
      diags_.report(DiagCode::FG3001, item->span, "a list cannot hold lists", "");
      return Type::error();
    }
    element = first ? unify(element, t, first, item.get(), item->span) : t;
    if (element.isError()) return Type::error();
    first = item.get();
  }
  return Type::list(element);  // an item that may be missing makes the element type `?`
}

}  // namespace fundguard
