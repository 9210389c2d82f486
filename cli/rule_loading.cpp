// See rule_loading.h.
#include "rule_loading.h"

#include <unistd.h>

#include <cstdio>
#include <ostream>

#include "commands.h"
#include "diag/diagnostic_render.h"

namespace fundguard::cli {

std::optional<CheckResult> loadRules(const std::string& command, const std::vector<std::string>& paths,
                                     const std::string& lib, std::ostream& err, int& exitCode) {
  CheckOptions options;
  options.paths = paths;
  options.stdlibDir = lib;
  CheckResult result = checkPaths(options);
  if (result.diags.errorCount() == 0 && result.inputsReadable) return result;
  RenderOptions render;
  render.color = isatty(fileno(stderr));
  err << renderText(result.program->sources, result.diags.all(), render);
  err << "fundguard " << command << ": the rules have errors ("
      << renderSummary(result.diags.errorCount(), result.diags.warningCount(), result.filesChecked)
      << "); nothing was run\n";
  exitCode = result.inputsReadable ? kExitRuleErrors : kExitUsage;
  return std::nullopt;
}

}  // namespace fundguard::cli
