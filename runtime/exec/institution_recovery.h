// Per institution: what the hits of a run mean in money to recover and in the fine the
// documents set for confirmed fraud. 鲁医保发〔2020〕77号 (as relayed by 枣医保发〔2020〕73号):
// “对经查实存在欺诈骗保行为的定点医疗机构，要追回医保基金，并处骗取金额 2-5 倍罚款”.
//
// Only hits of rules of kind `violation` (confirmed by the rule) count towards the fund to
// recover and the fine range; hits of kind `suspect` (疑点) are shown apart, as money pending
// review. Hits of different rules that name the same violating lines (违规项) are counted once,
// with the largest fund amount among them, so overlapping rules do not recover a fen twice.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "exec/hit.h"

namespace fundguard {

inline constexpr int kFineMinTimes = 2;  // 骗取金额 2 倍
inline constexpr int kFineMaxTimes = 5;  // 至 5 倍

struct RecoveryRow {
  std::string fixmedinsCode;    // empty for hits with no institution (person-level)
  uint64_t violations = 0;      // hits of violation rules
  int64_t violationAmount = 0;  // their 涉及医疗费用金额, fen (overlaps counted once)
  int64_t recoverFund = 0;      // 应追回医保基金, fen (overlaps counted once)
  uint64_t suspects = 0;        // hits of suspect rules
  int64_t suspectAmount = 0;    // fen, as the hits give it
  int64_t suspectFund = 0;      // 待核实医保基金, fen, as the hits give it
  int64_t fineMin() const { return recoverFund * kFineMinTimes; }
  int64_t fineMax() const { return recoverFund * kFineMaxTimes; }
};

class InstitutionRecovery {
 public:
  explicit InstitutionRecovery(const std::vector<RuleInfo>& rules) : rules_(rules) {}

  // Adds one hit; call once per hit, in any order.
  void add(const Hit& hit);

  // One row per institution with a hit: the largest fund to recover first, then suspects' fund,
  // ties by code.
  std::vector<RecoveryRow> rows() const;
  // The sum of all rows.
  RecoveryRow total() const;

 private:
  struct Violating {
    int64_t amount = 0, fund = 0;
  };
  struct Institution {
    RecoveryRow row;
    std::map<std::string, Violating> byLines;  // violating lines -> the largest amounts
  };
  const std::vector<RuleInfo>& rules_;
  std::map<std::string, Institution> institutions_;
};

}  // namespace fundguard
