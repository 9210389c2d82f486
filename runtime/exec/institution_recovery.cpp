// See institution_recovery.h.
#include "exec/institution_recovery.h"

#include <algorithm>

namespace fundguard {

namespace {

// What a hit violates, as one text: its violating rows, else (a rule that names none) the hit
// itself, so that it is never merged with another.
std::string violatingKey(const Hit& hit, const RuleInfo& rule) {
  std::string key;
  for (const RowRef& r : hit.violating) key += r.table + ':' + r.key + ';';
  if (key.empty())
    key =
        rule.id + '|' + hit.setlId + '|' + hit.feedetlSn + '|' + hit.psnNo + '|' + hit.fixmedinsCode + '|' + hit.period;
  return key;
}

}  // namespace

void InstitutionRecovery::add(const Hit& hit) {
  const RuleInfo& rule = rules_.at(hit.rule);
  Institution& inst = institutions_[hit.fixmedinsCode];
  int64_t amount = hit.amount.value_or(0), fund = hit.fundAmount.value_or(0);
  if (rule.kind != "violation") {
    ++inst.row.suspects;
    inst.row.suspectAmount += amount;
    inst.row.suspectFund += fund;
    return;
  }
  ++inst.row.violations;
  Violating& v = inst.byLines[violatingKey(hit, rule)];
  // Keep the totals equal to the sum of the largest amounts per set of violating lines.
  inst.row.violationAmount += std::max(v.amount, amount) - v.amount;
  inst.row.recoverFund += std::max(v.fund, fund) - v.fund;
  v.amount = std::max(v.amount, amount);
  v.fund = std::max(v.fund, fund);
}

std::vector<RecoveryRow> InstitutionRecovery::rows() const {
  std::vector<RecoveryRow> out;
  out.reserve(institutions_.size());
  for (const auto& [code, inst] : institutions_) {
    out.push_back(inst.row);
    out.back().fixmedinsCode = code;
  }
  std::stable_sort(out.begin(), out.end(), [](const RecoveryRow& a, const RecoveryRow& b) {
    if (a.recoverFund != b.recoverFund) return a.recoverFund > b.recoverFund;
    return a.suspectFund > b.suspectFund;
  });
  return out;
}

RecoveryRow InstitutionRecovery::total() const {
  RecoveryRow t;
  for (const auto& [code, inst] : institutions_) {
    t.violations += inst.row.violations;
    t.violationAmount += inst.row.violationAmount;
    t.recoverFund += inst.row.recoverFund;
    t.suspects += inst.row.suspects;
    t.suspectAmount += inst.row.suspectAmount;
    t.suspectFund += inst.row.suspectFund;
  }
  return t;
}

}  // namespace fundguard
