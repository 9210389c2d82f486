// Screening with compiled rules: the kernels of the line, claim and person scopes run over their
// subjects (split across threads), the institution rules in their two passes; each hit they find
// is then made by the reference engine's RuleRunner (amounts, message, evidence), which checks
// the condition once more. Called by engine::screen() when the engine is the JIT.
#pragma once

#include <vector>

#include "engine/rule_runner.h"
#include "engine/screening.h"
#include "jit/compiled_rules.h"

namespace fundguard::jit {

// Screens the rules whose `run` flag is set; fills their outcomes' subject and hit counts.
void screenCompiled(const CompiledRules& code, engine::BoundData& bound, engine::Subjects& subjects,
                    const std::vector<bool>& run, const std::vector<std::vector<interp::Value>>& params,
                    unsigned threads, std::vector<Hit>& hits, std::vector<engine::RuleOutcome>& outcomes,
                    double scopeSeconds[4]);

}  // namespace fundguard::jit
