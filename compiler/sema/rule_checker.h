// Checks one rule: its id and metadata, its scope and the names that scope provides, its
// parameters, lets, `for each`, condition, amounts, message template, evidence and tests.
// What it learns is kept in a CheckedRule for the later stages (IR lowering).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sema/expr_checker.h"
#include "sema/rule_metadata.h"

namespace fundguard {

struct CheckedParam {
  std::string name;
  Type type;
  std::string label;
  const ast::Expr* defaultValue = nullptr;
  Span span;
};

// The clauses that make up a rule's logic, as the checker chose them (the first of a repeated
// clause, after the error): the parts lowering to the IR starts from.
struct RuleLogic {
  std::vector<const ast::LetClause*> lets;  // in order
  const ast::ForEachClause* forEach = nullptr;
  const ast::Expr* peersBy = nullptr;
  const ast::Expr* when = nullptr;
  const ast::Expr* amount = nullptr;
  const ast::Expr* fund = nullptr;
  const ast::Expr* violating = nullptr;
  const ast::Expr* involved = nullptr;
  const ast::MessageClause* message = nullptr;
  std::vector<const ast::Expr*> evidence;
};

struct CheckedRule {
  const ast::RuleDecl* decl = nullptr;
  const Module* module = nullptr;
  RuleMetadata meta;
  ScopeKind scope = ScopeKind::Line;
  std::string period;  // institution scope: month | quarter | year
  std::vector<CheckedParam> params;
  RuleLogic logic;
  size_t testCount = 0;
  bool ok = false;  // no errors in this rule
};

class RuleChecker {
 public:
  RuleChecker(Program& program, Module& module, DiagnosticSink& diags)
      : program_(program), module_(module), diags_(diags) {}
  CheckedRule check(const ast::RuleDecl& rule);

 private:
  void checkId(const ast::RuleDecl& rule);
  void checkRequiredClauses(const ast::RuleDecl& rule);
  bool checkScope(const ast::RuleDecl& rule, CheckedRule& out, RuleFacts& facts);
  bool bindScopeNames(const ast::RuleDecl& rule, ScopeKind scope, LocalScope& locals);
  void checkParams(const ast::RuleDecl& rule, CheckedRule& out, LocalScope& locals);
  void checkBody(const ast::RuleDecl& rule, LocalScope& locals, RuleFacts& facts, RuleLogic& logic);
  bool defineName(const ast::Ident& name, LocalScope& locals);

  Program& program_;
  Module& module_;
  DiagnosticSink& diags_;
};

}  // namespace fundguard
