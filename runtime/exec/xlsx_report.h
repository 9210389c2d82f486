// The run's report as an Excel workbook (.xlsx, written with libxlsxwriter): one sheet per
// report table (附表2, 机构追回与罚款, 规则), each with its title above and its notes under it,
// money as numbers in yuan with a "#,##0.00" format (so a reviewer can sum and filter), and a
// 命中明细 sheet with the hits (at most the sheet's 1,048,575 data rows; the rest are only in
// hits.csv, and the sheet says so).
#pragma once

#include <string>
#include <vector>

#include "exec/hit.h"
#include "exec/report_tables.h"

namespace fundguard {

// Writes the workbook to `path`; false with `error` set when it cannot be written.
bool writeXlsxReport(const std::string& path, const std::vector<ReportTable>& tables, const std::vector<Hit>& hits,
                     const std::vector<RuleInfo>& rules, std::string& error);

}  // namespace fundguard
