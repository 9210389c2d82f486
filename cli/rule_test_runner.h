// Runs the `test` blocks of checked rules: builds each test's small dataset from its `given`
// rows, screens it with that rule alone (parameters as its `with` lines say), and compares the
// hits with its `expect` lines. `fundguard test` prints what this returns.
#pragma once

#include <string>
#include <vector>

#include "driver/check.h"
#include "engine/screening.h"
#include "ir/ir.h"

namespace fundguard::cli {

struct TestOutcome {
  std::string rule, test, file;
  uint32_t line = 0;
  bool passed = false;
  std::vector<std::string> failures;  // each an expectation not met
  std::vector<std::string> actual;    // the hits it produced: "KEY amount A fund F"
};

struct TestReport {
  std::vector<TestOutcome> tests;
  std::vector<std::string> untested;  // ids of rules with no test
  size_t failed() const;
};

TestReport runRuleTests(const CheckResult& checked, const std::vector<CheckedRule>& rules, const ir::RuleSet& set,
                        const engine::ScreeningOptions& base);

}  // namespace fundguard::cli
