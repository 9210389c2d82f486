// What a run found, in totals: per rule, per 附表2 category (C1..C6), per institution and per
// input table, with exact money in fen. The engine feeds it every hit once (after sorting, from
// one thread: it is not thread-safe); summary_report.h writes it as JSON or as a terminal report.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "exec/hit.h"

namespace fundguard {

// The 附表2 rows of 开医保发〔2019〕5号, in table order.
struct Category {
  std::string_view code;  // "C1"
  std::string_view name;  // "未达住院指征住院"
};
const std::vector<Category>& categories();
// The Chinese name of a category code; empty when it is not one of C1..C6.
std::string_view categoryName(std::string_view code);

// Hits and their money. A hit without an amount counts as a hit and adds nothing to the money.
struct HitTotals {
  uint64_t hits = 0;
  int64_t amount = 0;      // 涉及医疗费用金额, fen
  int64_t fundAmount = 0;  // 其中医保基金, fen
  void add(const Hit& hit);
};

// A 附表2 row: hits (违规数量) split by the rule's kind as well.
struct CategoryTotals : HitTotals {
  uint64_t violations = 0;  // hits of rules of kind violation
  uint64_t suspects = 0;    // hits of rules of kind suspect (疑点)
};

struct RuleTotals : HitTotals {
  uint64_t screened = 0;  // subjects screened: fee lines, settlements, persons, institution-periods
  // Decisions the rule could not make because a value it needs is missing (its condition was
  // unknown, e.g. the item is not in the catalogue): "no data", never a pass.
  uint64_t undecided = 0;
  bool skipped = false;
  std::string skipReason;  // "missing table psi_d"; empty when the rule ran
  // Skipped because reference data it needs is missing: "no data", never a pass.
  bool noData() const { return skipped && skipReason.rfind("missing table", 0) == 0; }
};

// Rows of one input table. read = kept + rejected + reversals is expected, not enforced: the
// readers own those counts.
struct TableCounts {
  uint64_t read = 0;
  uint64_t kept = 0;
  uint64_t rejected = 0;   // rows that could not be read (see the rejects output)
  uint64_t reversals = 0;  // rows excluded as reversals (冲销) with their originals
};

class RunSummary {
 public:
  explicit RunSummary(std::vector<RuleInfo> rules);

  void setRuleSetHash(std::string hex) { ruleSetHash_ = std::move(hex); }
  // The rule did not run (e.g. a table it needs is missing); it stays listed with the reason.
  void markSkipped(size_t rule, std::string reason);
  void setScreened(size_t rule, uint64_t subjects) { ruleTotals_.at(rule).screened = subjects; }
  void setUndecided(size_t rule, uint64_t decisions) { ruleTotals_.at(rule).undecided = decisions; }
  // Rows read but not screened by any rule, and why ("fee_list_d rows whose settlement is absent"):
  // nothing that was read leaves the run unaccounted for.
  void addUnscreened(std::string what, uint64_t rows) { unscreened_.emplace_back(std::move(what), rows); }
  const std::vector<std::pair<std::string, uint64_t>>& unscreened() const { return unscreened_; }
  // Counts of one input table; setting a table again replaces its counts.
  void setTable(const std::string& table, const TableCounts& counts) { tables_[table] = counts; }
  // Adds a hit to its rule, its category and its institution (fixmedins_code, possibly empty
  // for a person-level hit) and to the totals.
  void addHit(const Hit& hit);

  const std::vector<RuleInfo>& rules() const { return rules_; }
  const std::string& ruleSetHash() const { return ruleSetHash_; }
  const RuleTotals& rule(size_t index) const { return ruleTotals_.at(index); }
  // C1..C6 always present, in order; a category outside them (not expected from checked rules)
  // follows, sorted by code.
  std::vector<std::pair<std::string, CategoryTotals>> byCategory() const;
  const std::map<std::string, HitTotals>& byInstitution() const { return institutions_; }
  const std::map<std::string, TableCounts>& tables() const { return tables_; }
  const CategoryTotals& total() const { return total_; }
  // Rejected rows over all tables.
  uint64_t totalRejects() const;
  uint64_t rulesSkipped() const;

 private:
  std::vector<RuleInfo> rules_;
  std::vector<RuleTotals> ruleTotals_;
  std::map<std::string, CategoryTotals> categories_;
  std::map<std::string, HitTotals> institutions_;
  std::map<std::string, TableCounts> tables_;
  CategoryTotals total_;
  std::string ruleSetHash_;
  std::vector<std::pair<std::string, uint64_t>> unscreened_;
};

}  // namespace fundguard
