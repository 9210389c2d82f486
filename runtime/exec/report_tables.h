// The tables a run reports to people outside the engine: the 附表2 违规行为统计表 of the
// documents (开医保发〔2019〕5号 附表2), the institutions with the fund to recover and the fine
// range, and the rules with their status. One model, two renderings: CSV here, and the .xlsx
// workbook (xlsx_report.h), so the two can never disagree.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "exec/institution_recovery.h"
#include "exec/run_summary.h"

namespace fundguard {

struct ReportCell {
  enum class Kind { Text, Count, Money };
  Kind kind = Kind::Text;
  std::string text;    // Text
  int64_t number = 0;  // Count: the count; Money: fen

  static ReportCell of(std::string text) { return {Kind::Text, std::move(text), 0}; }
  static ReportCell count(uint64_t n) { return {Kind::Count, {}, static_cast<int64_t>(n)}; }
  static ReportCell money(int64_t fen) { return {Kind::Money, {}, fen}; }
};

struct ReportTable {
  std::string name;   // a file stem and sheet name: "table2"
  std::string sheet;  // the workbook's sheet title: "附表2"
  std::string title;  // a line above the table
  std::vector<std::string> headings;
  std::vector<std::vector<ReportCell>> rows;
  bool totalRow = false;           // the last row is a 合计 row
  std::vector<std::string> notes;  // lines under the table: how the numbers were made
};

// 附表2: 序号, 违规行为类型, 违规例数 (of which violations, suspects), 涉及医疗费用金额(元),
// 其中医保基金(元); one row per category C1..C6 and a 合计 row.
ReportTable table2Report(const RunSummary& summary);

// Per institution: violations, 涉及医疗费用金额, 应追回医保基金, fine 2x and 5x, suspects and their
// fund pending review; a 合计 row.
ReportTable institutionReport(const InstitutionRecovery& recovery);

// Per rule: id, version, title, category, kind, status (已运行 / 无数据 no data), subjects screened,
// hits, amounts.
ReportTable ruleReport(const RunSummary& summary);

// CSV (UTF-8, header row of the headings, LF, money in yuan with two decimals); the title and
// notes are not part of the CSV.
void writeReportCsv(std::ostream& out, const ReportTable& table);

}  // namespace fundguard
