// Checks a rule's test blocks: the tables and columns they fill exist, each row has a value
// for each column and each value fits its column's type, parameters set by `with` exist, and
// every test expects something. (Running the tests is the engine's job.)
#pragma once

#include "sema/rule_checker.h"

namespace fundguard {

class TestChecker {
 public:
  TestChecker(Program& program, Module& module, DiagnosticSink& diags)
      : program_(program), module_(module), diags_(diags) {}
  void check(const ast::TestClause& test, Span span, const CheckedRule& rule);

 private:
  Program& program_;
  Module& module_;
  DiagnosticSink& diags_;
};

}  // namespace fundguard
