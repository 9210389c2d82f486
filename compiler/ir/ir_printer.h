// The text form of the IR, printed by `fundguard ir FILE` and pinned by golden tests
// (tests/ir/). One rule after another; each clause a tree of nodes, one node per line, operands
// indented below it: `op type [immediates]`. Stable: the same rule set prints the same text.
#pragma once

#include <string>

#include "ir/ir.h"

namespace fundguard::ir {

std::string typeText(const RuleSet& set, const Type& type);
std::string printRuleSet(const RuleSet& set);
std::string printRule(const RuleSet& set, const Rule& rule);

}  // namespace fundguard::ir
