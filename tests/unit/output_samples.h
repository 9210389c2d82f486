// Sample rules and hits shared by the output tests (hit sinks, hit order, run summary).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "exec/hit.h"

namespace fundguard::testing {

// Three rules: a violation in C6, a suspect in C2, and one in C5 that a test marks skipped.
inline std::vector<RuleInfo> sampleRules() {
  return {
      {"CH-01", 1, "超标准收费", "C6", "violation", "high", "line", "stdlib-rules/charges/CH-01.rule",
       "苏医保发〔2020〕40号 附件2 第9条：是否存在超标准收费并使用医保基金的行为。",
       "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "2020-01-01", ""},
      {"IP-02", 2, "挂床住院", "C2", "suspect", "medium", "claim", "stdlib-rules/inpatient/IP-02.rule", "",
       "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210", "", ""},
      {"DR-05", 1, "进销存不符", "C5", "violation", "high", "institution", "stdlib-rules/drugs/DR-05.rule", "",
       "00000000000000001111111111111111aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb", "", "2025-12-31"},
  };
}

// A hit of `rule` at an institution and settlement; amounts in fen, absent when nullopt.
inline Hit hit(size_t rule, std::string fix, std::string setl, std::optional<int64_t> amount,
               std::optional<int64_t> fund) {
  Hit h;
  h.rule = rule;
  h.fixmedinsCode = std::move(fix);
  h.setlId = std::move(setl);
  h.amount = amount;
  h.fundAmount = fund;
  return h;
}

}  // namespace fundguard::testing
