// What the commands that screen data (run, explain) set up the same way from the rules and the
// command line: which records are reversals, and the --param values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/screening.h"
#include "io/dataset_loader.h"
#include "ir/ir.h"

namespace fundguard::cli {

// Reversal records (refd_setl_flag = 1) and their fee lines, when the schema has that column.
std::optional<ReversalExclusion> reversalsOf(const ir::RuleSet& set);

// --param RULE.NAME=VALUE texts as parameter values; false with `error` for a malformed one.
bool parseParamOptions(const std::vector<std::string>& texts, std::vector<engine::ParamValue>& out, std::string& error);

}  // namespace fundguard::cli
