// Lowering: the checked program (AST + the checker's side tables) to the IR. Like Soufflé's
// ast2ram, the only place that reads both: everything after it sees the IR alone.
#pragma once

#include <vector>

#include "ir/ir.h"
#include "sema/program.h"
#include "sema/rule_checker.h"

namespace fundguard {

// Lowers every rule that checked without errors (CheckedRule::ok), in the order given, with
// the tables, dictionaries and group layouts they use. The tables of every module are included,
// so a data directory can be read against the whole schema.
ir::RuleSet lowerRules(const Program& program, const std::vector<CheckedRule>& rules);

// The schema's tables as the runtime reads them (columns, kinds, keys), without any rule.
ir::RuleSet lowerSchema(const Program& program);

}  // namespace fundguard
