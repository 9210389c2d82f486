// Shared by the commands that run rules (ir, run, test, diff): check the named rule files and, when
// they have errors, print the diagnostics as `fundguard check` would and say so.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "driver/check.h"
#include "io/dataset_loader.h"
#include "ir/ir.h"

namespace fundguard::cli {

// The checked rules, or nothing after printing why not to `err` (exit code in `exitCode`).
std::optional<CheckResult> loadRules(const std::string& command, const std::vector<std::string>& paths,
                                     const std::string& lib, std::ostream& err, int& exitCode);

// The reversal records (refd_setl_flag = 1) a run excludes with their fee lines, when the
// rules' schema has the settlement table and flag for it.
std::optional<ReversalExclusion> reversalsOf(const ir::RuleSet& set);

}  // namespace fundguard::cli
