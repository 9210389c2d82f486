// The front end's pass order, readable in one place: load and parse every file, resolve the
// declarations of every module, check every rule. `fundguard check` prints what this returns;
// later stages (IR lowering, the engine) start from the same result.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sema/program.h"
#include "sema/rule_checker.h"

namespace fundguard {

struct CheckOptions {
  std::vector<std::string> paths;  // files and directories of .rule files
  std::string stdlibDir;           // where `import std.*` is found; defaults to the built-in one
  // Sources held in memory (path shown in diagnostics, text), checked before `paths`.
  std::vector<std::pair<std::string, std::string>> sources;
  bool requireTests = false;  // warn (FG5008) on a rule of the named files without a test block
};

struct CheckResult {
  std::unique_ptr<Program> program;
  DiagnosticSink diags;
  std::vector<CheckedRule> rules;
  bool inputsReadable = true;  // false: a named path could not be read (exit code 2)
  size_t filesChecked = 0;
};

CheckResult checkPaths(const CheckOptions& options);

// The standard library directory: FUNDGUARD_LIB if set, else the one this build was made from.
std::string defaultStdlibDir();

}  // namespace fundguard
