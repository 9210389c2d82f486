// One hit: a rule found a subject (a fee line, settlement, person or institution-period) that
// violates it or is suspect. Values are already formatted as text (money as yuan with two
// decimals), so sinks only lay them out; amounts are also kept exactly, in fen, for the summary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fundguard {

// What the summary and the sinks need to know of a rule.
struct RuleInfo {
  std::string id;  // "CH-01"
  int version = 0;
  std::string title;     // Chinese title
  std::string category;  // C1..C6 (附表2 row)
  std::string kind;      // violation | suspect
  std::string severity;  // high | medium | low
  std::string scope;     // line | claim | person | institution
  std::string file;      // the rule file, as named on the command line
  std::string basis;     // document and article, then the quoted text: "苏医保发〔2020〕40号 第9条：……"
  std::string contentHash;                 // SHA-256 of the rule's logic, 64 hex digits (compiler/ir/rule_hash.h)
  std::string effectiveFrom, effectiveTo;  // YYYY-MM-DD; empty: open
};

struct RowRef {
  std::string table;  // "fee_list_d"
  std::string key;    // the row's primary key; several key columns are joined by '|'
};

struct Hit {
  size_t rule = 0;  // index into the rule set's RuleInfo list
  // The subject's keys, whichever apply: setl_id, feedetl_sn, psn_no, fixmedins_code, period.
  std::string setlId, feedetlSn, psnNo, fixmedinsCode, period;
  std::optional<int64_t> amount;      // 涉及医疗费用金额, fen
  std::optional<int64_t> fundAmount;  // 其中医保基金, fen
  std::vector<RowRef> violating;      // 违规项
  std::vector<RowRef> involved;       // 涉及项
  std::string message;
  std::vector<std::pair<std::string, std::string>> evidence;  // (expression as written, value)
};

}  // namespace fundguard
