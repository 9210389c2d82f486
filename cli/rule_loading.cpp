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

std::optional<ReversalExclusion> reversalsOf(const ir::RuleSet& set) {
  if (set.settlementTable < 0) return std::nullopt;
  const ir::TableRef& settlement = set.tables[static_cast<size_t>(set.settlementTable)];
  if (settlement.layout.columnIndex("refd_setl_flag") < 0 || settlement.key.size() != 1) return std::nullopt;
  ReversalExclusion r;
  r.settlementTable = settlement.layout.name;
  r.settlementKeyColumn = settlement.layout.columns[settlement.key[0]].name;
  r.reversalColumn = "refd_setl_flag";
  r.reversalValue = "1";
  if (set.feeLineTable >= 0 && set.lineToSettlement >= 0) {
    const ir::TableRef& fee = set.tables[static_cast<size_t>(set.feeLineTable)];
    r.feeLineTable = fee.layout.name;
    r.feeLineLinkColumn = fee.layout.columns[fee.links[static_cast<size_t>(set.lineToSettlement)].ours[0]].name;
  }
  return r;
}

}  // namespace fundguard::cli
