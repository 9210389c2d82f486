// Shared by the commands that run rules (ir, run, test, diff): check the named rule files and, when
// they have errors, print the diagnostics as `fundguard check` would and say so.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "driver/check.h"

namespace fundguard::cli {

// The checked rules, or nothing after printing why not to `err` (exit code in `exitCode`).
std::optional<CheckResult> loadRules(const std::string& command, const std::vector<std::string>& paths,
                                     const std::string& lib, std::ostream& err, int& exitCode);

}  // namespace fundguard::cli
