// Names and types of expressions. One ExprChecker checks the expressions of one context (a
// rule, a define body, a named list) against the names in its LocalScope and the module's
// top-level symbols, records each expression's type in Module::exprTypes and reports errors.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sema/binding.h"
#include "sema/program.h"

namespace fundguard {

enum class ScopeKind { Line, Claim, Person, Institution };

// What an expression inside a rule may ask of its rule.
struct RuleFacts {
  ScopeKind scope = ScopeKind::Line;
  bool hasPeers = false;
  // Names defined further down by `let`: "move this below" instead of "unknown name".
  std::vector<std::pair<std::string, Span>> laterLets;
};

class ExprChecker {
 public:
  ExprChecker(Program& program, Module& module, DiagnosticSink& diags, LocalScope& locals, const RuleFacts* rule)
      : program_(program), module_(module), diags_(diags), locals_(locals), rule_(rule) {}

  Type check(const ast::Expr& expr);
  // Checks and reports when the result is not a yes/no value.
  Type checkCondition(const ast::Expr& expr, const char* what);

  // Shared with message templates: the type of NAME and of OBJECT.MEMBER.
  Type nameType(const std::string& name, Span span);
  Type memberType(const Type& object, const std::string& member, Span span);

  // Whether a value of type `from` (an expression `expr`, when known) may be used where `to`
  // is expected: the same type, int where dec is expected, a null literal where any, and a
  // plain number literal with at most two decimals where money is expected.
  bool assignable(const Type& from, const Type& to, const ast::Expr* expr) const;
  // assignable(), and where money is expected from a number literal, that the number is
  // exact in fen (reports FG3008 otherwise).
  bool fits(const Type& from, const Type& to, const ast::Expr* expr);
  // Warns (FG3004) when `literal` is a text that is not a code of `codeType`'s dictionary.
  void checkCodeLiteral(const Type& codeType, const ast::Expr& literal);

 private:
  Type checkImpl(const ast::Expr& expr);
  Resolution resolveCallee(const ast::Expr& expr) const;
  Type literal(const ast::LiteralExpr& e);
  Type member(const ast::MemberExpr& e);
  Type unary(const ast::UnaryExpr& e);
  Type binary(const ast::BinaryExpr& e);
  Type arithmetic(const ast::BinaryExpr& e, const Type& l, const Type& r);
  Type compare(const ast::CompareExpr& e);
  Type inSet(const ast::InExpr& e);
  Type between(const ast::BetweenExpr& e);
  Type startsWith(const ast::StartsWithExpr& e);
  Type ifExpr(const ast::IfExpr& e);
  Type listExpr(const ast::ListExpr& e);
  Type call(const ast::CallExpr& e);            // call_checker.cpp
  Type aggregate(const ast::AggregateExpr& e);  // aggregate_checker.cpp
  Type aggregateOver(const std::string& fn, Span span, const Type& element, const Type* value, Span valueSpan,
                     bool hasFilter);
  Type callDefine(const ast::CallExpr& e, DefineInfo& define);
  Type builtin(const ast::CallExpr& e, const std::vector<Type>& args);
  Type tableArgument(const ast::CallExpr& e, bool unique);

  // Both operands comparable (for =, <, between, min/max)? Reports and returns false if not.
  bool comparable(const Type& l, const Type& r, const ast::Expr* le, const ast::Expr* re, Span at, bool ordering);
  // The type two branches share (if/else, list items, coalesce), or Error after reporting.
  Type unify(const Type& a, const Type& b, const ast::Expr* ea, const ast::Expr* eb, Span at);
  bool isNumberLiteral(const ast::Expr& e) const;
  bool moneyLiteralOk(const ast::Expr& e);

  Program& program_;
  Module& module_;
  Resolution resolved_;  // set by nameType/memberType for the expression being checked
  DiagnosticSink& diags_;
  LocalScope& locals_;
  const RuleFacts* rule_;
};

// Check a define's body / a named list's items once, on first use or at the end of the
// declaration pass, reporting cycles (declaration_bodies.cpp).
void checkDefineBody(Program& program, DefineInfo& define, DiagnosticSink& diags);
void checkListValue(Program& program, ListInfo& list, DiagnosticSink& diags);

}  // namespace fundguard
