// Writes a RunSummary for machines (JSON) and for people (a terminal report).
#pragma once

#include <ostream>

#include "exec/run_summary.h"

namespace fundguard {

// Pretty-printed JSON, keys always in the same order and every field always present (a field
// that does not apply is null), ending with a newline. Money is yuan text with two decimals.
//   rule_set_hash,
//   totals {rules, rules_skipped, hits, violations, suspects, amount, fund_amount, rejects},
//   rules [{rule ("CH-01@1"), id, version, title, category, kind,
//           status ("ran" | "no_data": a table it needs is missing | "skipped": other reasons),
//           screened, undecided (decisions whose condition was unknown: no data),
//           skip_reason, hits, amount, fund_amount}]   in rule-set order
//   categories [{category, name, hits, violations, suspects, amount, fund_amount}]   C1..C6
//   institutions [{fixmedins_code (null for hits without one), hits, amount, fund_amount}]
//                                                                                 by code
//   tables [{table, read, kept, rejected, reversals}]   by name
void writeSummaryJson(std::ostream& out, const RunSummary& summary);

// A report for a terminal: Chinese headings with English in parentheses, columns aligned by
// display width, money in yuan with thousands separators. Sections: the rule set, input
// tables, the 附表2 table (违规行为类型, 违规数量, 涉及医疗费用金额, 其中医保基金, with a total
// row), rules, and the institutions with the largest amounts (all of them are in the JSON).
void writeSummaryText(std::ostream& out, const RunSummary& summary);

}  // namespace fundguard
