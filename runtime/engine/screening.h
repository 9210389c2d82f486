// Screening: a lowered rule set over a loaded dataset. Binds the tables, resolves parameters
// (defaults, or values given at run time), skips a rule whose tables are missing (and says
// which), runs every rule over its scope's subjects and returns the hits in canonical order.
// This is the engine's embedding entry point; `fundguard run` and `fundguard test` call it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "engine/decision.h"
#include "exec/hit.h"
#include "ir/ir.h"

namespace fundguard::jit {
class CompiledRules;
}

namespace fundguard::engine {

// Which engine evaluates the rules: the native code of the LLVM JIT (the default of `fundguard
// run`), or the reference interpreter. Both give identical hits (tests/diff).
enum class Engine { Jit, Interpreter };
const char* engineName(Engine engine);
bool engineNamed(const std::string& name, Engine& out);  // "jit" or "interp"

struct ParamValue {
  std::string rule;   // rule id
  std::string name;   // parameter name
  std::string value;  // as written: 10, 0.5, 80.00, 2024-01-01, text
};

struct ScreeningOptions {
  Engine engine = Engine::Interpreter;
  // The JIT engine's code for this rule set (compile it once for many screenings, e.g. batches);
  // compiled by screen() when not given.
  std::shared_ptr<const jit::CompiledRules> compiled;
  unsigned threads = 1;
  std::vector<ParamValue> params;
  std::function<void(size_t rule)> onRuleDone;            // progress
  int onlyRule = -1;                                      // run just this rule of the set (tests)
  std::function<bool(size_t rule)> includeRule;           // when set: run only the rules it accepts
  std::function<bool(uint32_t settlement)> includeClaim;  // when set: the claim subjects it accepts
  // `fundguard explain`: screen only the subjects `onlySubject` accepts, and show every decision
  // to `onDecision` (the interpreter runs, on one thread, whatever `engine` says).
  std::function<bool(const SubjectKeys&)> onlySubject;
  std::function<void(const Decision&)> onDecision;
};

struct RuleOutcome {
  bool ran = false;
  std::string skipped;  // why not, e.g. "missing table psi_d"
  size_t subjects = 0;
  size_t hits = 0;
  uint64_t undecided = 0;  // decisions whose condition was unknown (a needed value missing): no data
};

struct ScreeningResult {
  std::vector<Hit> hits;                  // sorted (exec/hit_order.h)
  std::vector<RuleOutcome> rules;         // one per rule of the set
  std::vector<std::string> errors;        // bad parameter values: nothing was run
  size_t orphanLines = 0;                 // fee lines whose settlement is absent
  double compileSeconds = 0;              // JIT: generating, optimising and loading the code
  double screenSeconds = 0;               // running the rules (after the data was loaded)
  double scopeSeconds[4] = {0, 0, 0, 0};  // per scope (ir::ScopeKind)
};

std::vector<RuleInfo> ruleInfos(const ir::RuleSet& set);
ScreeningResult screen(const ir::RuleSet& set, Dataset& data, const ScreeningOptions& options);

}  // namespace fundguard::engine
