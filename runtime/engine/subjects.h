// The subjects each scope screens, made once per dataset and shared by all rules of the scope:
// fee lines with their settlement, settlements, persons with their settlements in date order,
// and institutions by period with the settlements of the period. The settlement table's date
// column (begndate in the data contract) orders histories and assigns periods.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "engine/bound_data.h"

namespace fundguard::engine {

inline constexpr const char* kSettlementDateColumn = "begndate";

struct LineSubject {
  uint32_t line, settlement;
};

struct PersonSubject {
  int64_t psnNo;                      // text id
  int64_t personRow;                  // -1: no row in the person table
  std::vector<uint32_t> settlements;  // by date, then settlement key
};

struct InstitutionSubject {
  int64_t fixmedinsCode;              // text id
  std::string period;                 // 2024-03, 2024Q1, 2024
  int64_t institutionRow;             // -1: no row in the institution table
  std::vector<uint32_t> settlements;  // by date, then settlement key
};

class Subjects {
 public:
  explicit Subjects(BoundData& data);

  // Empty (with a reason) when the scope cannot run on this dataset.
  const std::vector<LineSubject>& lines();
  const std::vector<uint32_t>& claims();
  // Only the settlements `keep` accepts are claim subjects (a streamed batch screens those whose
  // lines it holds).
  void keepClaims(std::function<bool(uint32_t settlement)> keep) { keepClaim_ = std::move(keep); }
  const std::vector<PersonSubject>& persons();
  const std::vector<InstitutionSubject>& institutions(ir::Period period);
  size_t orphanLines() const { return orphanLines_; }
  // The settlement's date (days), or nullopt-like INT64_MIN when missing.
  int64_t settlementDate(uint32_t settlement) const;
  std::string missing(ir::ScopeKind scope) const;  // why a scope cannot run ("" when it can)

  static std::string periodOf(int32_t days, ir::Period period);
  // The first and last day of a period text periodOf makes (2024-03, 2024Q1, 2024); first > last
  // for a text that is not one.
  static std::pair<int32_t, int32_t> periodDays(const std::string& period);

 private:
  std::vector<uint32_t> settlementsByDate() const;
  BoundData& data_;
  const Table* settlement_ = nullptr;
  const Column* date_ = nullptr;
  bool linesMade_ = false, claimsMade_ = false, personsMade_ = false;
  std::vector<LineSubject> lines_;
  std::vector<uint32_t> claims_;
  std::vector<PersonSubject> persons_;
  std::vector<std::vector<InstitutionSubject>> institutions_{4};
  std::vector<bool> institutionsMade_ = std::vector<bool>(4, false);
  size_t orphanLines_ = 0;
  std::function<bool(uint32_t)> keepClaim_;
};

}  // namespace fundguard::engine
