// Checks one rule: its id and metadata, its scope and the names that scope provides, its
// parameters, lets, `for each`, condition, amounts, message template, evidence and tests.
// What it learns is kept in a CheckedRule for the later stages (IR lowering).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sema/expr_checker.h"

namespace fundguard {

struct RuleMetadata {
  int version = 0;
  std::string title;
  std::string basisDocument;             // document number and article
  std::vector<std::string> basisQuotes;  // verbatim quotes from the document
  std::vector<std::string> sources;      // further documents that name the same violation
  std::string category;                  // C1..C6 (附表2)
  std::string kind;                      // violation | suspect
  std::string severity;                  // high | medium | low
  std::string effectiveFrom, effectiveTo;  // YYYY-MM-DD; empty = open
};

struct CheckedParam {
  std::string name;
  Type type;
  std::string label;
  const ast::Expr* defaultValue = nullptr;
  Span span;
};

struct CheckedRule {
  const ast::RuleDecl* decl = nullptr;
  const Module* module = nullptr;
  RuleMetadata meta;
  ScopeKind scope = ScopeKind::Line;
  std::string period;  // institution scope: month | quarter | year
  std::vector<CheckedParam> params;
  size_t testCount = 0;
  bool ok = false;  // no errors in this rule
};

class RuleChecker {
public:
  RuleChecker(Program& program, Module& module, DiagnosticSink& diags) : program_(program), module_(module), diags_(diags) {}
  CheckedRule check(const ast::RuleDecl& rule);

private:
  void checkId(const ast::RuleDecl& rule);
  void checkMetadata(const ast::RuleDecl& rule, CheckedRule& out);
  bool checkScope(const ast::RuleDecl& rule, CheckedRule& out, RuleFacts& facts);
  bool bindScopeNames(const ast::RuleDecl& rule, ScopeKind scope, LocalScope& locals);
  void checkParams(const ast::RuleDecl& rule, CheckedRule& out, LocalScope& locals);
  void checkBody(const ast::RuleDecl& rule, CheckedRule& out, LocalScope& locals, RuleFacts& facts);
  void checkMessage(const ast::MessageClause& message, ExprChecker& checker);
  bool defineName(const ast::Ident& name, LocalScope& locals);

  Program& program_;
  Module& module_;
  DiagnosticSink& diags_;
};

}  // namespace fundguard
