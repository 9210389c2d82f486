// Screening: a lowered rule set over a loaded dataset. Binds the tables, resolves parameters
// (defaults, or values given at run time), skips a rule whose tables are missing (and says
// which), runs every rule over its scope's subjects and returns the hits in canonical order.
// This is the engine's embedding entry point; `fundguard run` and `fundguard test` call it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "exec/hit.h"
#include "ir/ir.h"

namespace fundguard::engine {

struct ParamValue {
  std::string rule;   // rule id
  std::string name;   // parameter name
  std::string value;  // as written: 10, 0.5, 80.00, 2024-01-01, text
};

struct ScreeningOptions {
  unsigned threads = 1;
  std::vector<ParamValue> params;
  std::function<void(size_t rule)> onRuleDone;            // progress
  int onlyRule = -1;                                      // run just this rule of the set (tests)
  std::function<bool(size_t rule)> includeRule;           // when set: run only the rules it accepts
  std::function<bool(uint32_t settlement)> includeClaim;  // when set: the claim subjects it accepts
};

struct RuleOutcome {
  bool ran = false;
  std::string skipped;  // why not, e.g. "missing table psi_d"
  size_t subjects = 0;
  size_t hits = 0;
};

struct ScreeningResult {
  std::vector<Hit> hits;            // sorted (exec/hit_order.h)
  std::vector<RuleOutcome> rules;   // one per rule of the set
  std::vector<std::string> errors;  // bad parameter values: nothing was run
  size_t orphanLines = 0;           // fee lines whose settlement is absent
};

std::vector<RuleInfo> ruleInfos(const ir::RuleSet& set);
ScreeningResult screen(const ir::RuleSet& set, Dataset& data, const ScreeningOptions& options);

}  // namespace fundguard::engine
