// See screening_setup.h.
#include "screening_setup.h"

namespace fundguard::cli {

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

bool parseParamOptions(const std::vector<std::string>& texts, std::vector<engine::ParamValue>& out,
                       std::string& error) {
  for (const std::string& p : texts) {
    size_t dot = p.find('.'), eq = p.find('=');
    if (dot == std::string::npos || eq == std::string::npos || dot > eq) {
      error = "--param takes RULE.NAME=VALUE, not '" + p + "'";
      return false;
    }
    out.push_back({p.substr(0, dot), p.substr(dot + 1, eq - dot - 1), p.substr(eq + 1)});
  }
  return true;
}

}  // namespace fundguard::cli
