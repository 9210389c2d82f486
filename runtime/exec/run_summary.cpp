// See run_summary.h.
#include "exec/run_summary.h"

namespace fundguard {

const std::vector<Category>& categories() {
  static const std::vector<Category> kCategories = {
      {"C1", "未达住院指征住院"},       {"C2", "挂名住院"},
      {"C3", "伪造医疗文书"},           {"C4", "虚构医药服务项目"},
      {"C5", "串换药品耗材和诊疗项目"}, {"C6", "其他违约违规违法及欺诈骗保"},
  };
  return kCategories;
}

std::string_view categoryName(std::string_view code) {
  for (const auto& c : categories())
    if (c.code == code) return c.name;
  return {};
}

void HitTotals::add(const Hit& hit) {
  ++hits;
  if (hit.amount) amount += *hit.amount;
  if (hit.fundAmount) fundAmount += *hit.fundAmount;
}

RunSummary::RunSummary(std::vector<RuleInfo> rules) : rules_(std::move(rules)), ruleTotals_(rules_.size()) {
  for (const auto& c : categories()) categories_[std::string(c.code)];
}

void RunSummary::markSkipped(size_t rule, std::string reason) {
  RuleTotals& t = ruleTotals_.at(rule);
  t.skipped = true;
  t.skipReason = std::move(reason);
}

void RunSummary::addHit(const Hit& hit) {
  const RuleInfo& info = rules_.at(hit.rule);
  ruleTotals_[hit.rule].add(hit);
  institutions_[hit.fixmedinsCode].add(hit);
  for (CategoryTotals* t : {&categories_[info.category], &total_}) {
    t->add(hit);
    if (info.kind == "violation") ++t->violations;
    if (info.kind == "suspect") ++t->suspects;
  }
}

std::vector<std::pair<std::string, CategoryTotals>> RunSummary::byCategory() const {
  std::vector<std::pair<std::string, CategoryTotals>> out;
  for (const auto& c : categories()) out.emplace_back(std::string(c.code), categories_.at(std::string(c.code)));
  for (const auto& [code, totals] : categories_)
    if (categoryName(code).empty()) out.emplace_back(code, totals);
  return out;
}

uint64_t RunSummary::totalRejects() const {
  uint64_t n = 0;
  for (const auto& [name, counts] : tables_) n += counts.rejected;
  return n;
}

uint64_t RunSummary::rulesSkipped() const {
  uint64_t n = 0;
  for (const auto& t : ruleTotals_) n += t.skipped;
  return n;
}

}  // namespace fundguard
