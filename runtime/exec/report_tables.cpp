// See report_tables.h.
#include "exec/report_tables.h"

#include "data/scalar_values.h"
#include "support/csv_writer.h"

namespace fundguard {

namespace {

using Cell = ReportCell;

}  // namespace

ReportTable table2Report(const RunSummary& s) {
  ReportTable t;
  t.name = "table2";
  t.sheet = "附表2";
  t.title = "违规行为统计表（开医保发〔2019〕5号 附表2）";
  t.headings = {"序号",     "违规行为类型",         "违规例数",        "其中明确违规",
                "其中疑点", "涉及医疗费用金额(元)", "其中医保基金(元)"};
  int n = 0;
  for (const auto& [code, c] : s.byCategory()) {
    std::string name(categoryName(code));
    t.rows.push_back({Cell::count(static_cast<uint64_t>(++n)), Cell::of(name.empty() ? code : name),
                      Cell::count(c.hits), Cell::count(c.violations), Cell::count(c.suspects), Cell::money(c.amount),
                      Cell::money(c.fundAmount)});
  }
  const CategoryTotals& c = s.total();
  t.rows.push_back({Cell::of(""), Cell::of("合计"), Cell::count(c.hits), Cell::count(c.violations),
                    Cell::count(c.suspects), Cell::money(c.amount), Cell::money(c.fundAmount)});
  t.totalRow = true;
  t.notes = {"违规例数为规则命中数；疑点 (suspect) 命中待人工核实，明确违规 (violation) 为规则可直接认定的违规。",
             "同一明细被多条规则命中时各计一例，金额各计一次；应追回金额见“机构追回与罚款”表（已去重）。"};
  return t;
}

ReportTable institutionReport(const InstitutionRecovery& recovery) {
  ReportTable t;
  t.name = "institutions";
  t.sheet = "机构追回与罚款";
  t.title = "定点医药机构应追回医保基金与罚款区间（鲁医保发〔2020〕77号：追回医保基金，并处骗取金额 2-5 倍罚款）";
  t.headings = {"定点医药机构编号", "明确违规例数", "涉及医疗费用金额(元)", "应追回医保基金(元)", "罚款下限 2倍(元)",
                "罚款上限 5倍(元)", "疑点例数",     "疑点涉及金额(元)",     "疑点医保基金(元)"};
  auto row = [](const RecoveryRow& r, std::string label) {
    return std::vector<Cell>{Cell::of(std::move(label)), Cell::count(r.violations),    Cell::money(r.violationAmount),
                             Cell::money(r.recoverFund), Cell::money(r.fineMin()),     Cell::money(r.fineMax()),
                             Cell::count(r.suspects),    Cell::money(r.suspectAmount), Cell::money(r.suspectFund)};
  };
  for (const RecoveryRow& r : recovery.rows())
    t.rows.push_back(row(r, r.fixmedinsCode.empty() ? "（无机构 no institution）" : r.fixmedinsCode));
  t.rows.push_back(row(recovery.total(), "合计"));
  t.totalRow = true;
  t.notes = {"应追回医保基金 = 明确违规命中的其中医保基金之和；多条规则命中同一组违规项时只计一次（取最大者）。",
             "罚款区间按骗取金额（应追回医保基金）的 2 至 5 倍计算，仅适用于经查实的欺诈骗保行为，须经调查认定。",
             "疑点命中不计入追回与罚款，其金额待核实。"};
  return t;
}

ReportTable ruleReport(const RunSummary& s) {
  ReportTable t;
  t.name = "rules";
  t.sheet = "规则";
  t.title = "规则运行情况";
  t.headings = {"规则编号",
                "版本",
                "规则名称",
                "附表2类别",
                "性质",
                "状态",
                "筛查对象数",
                "无数据判定数",
                "命中数",
                "涉及医疗费用金额(元)",
                "其中医保基金(元)"};
  for (size_t i = 0; i < s.rules().size(); ++i) {
    const RuleInfo& r = s.rules()[i];
    const RuleTotals& c = s.rule(i);
    std::string status =
        !c.skipped ? "已运行" : (c.noData() ? "无数据 (no data): " : "跳过 (skipped): ") + c.skipReason;
    t.rows.push_back({Cell::of(r.id), Cell::count(static_cast<uint64_t>(r.version)), Cell::of(r.title),
                      Cell::of(r.category), Cell::of(r.kind == "violation" ? "明确违规" : "疑点"), Cell::of(status),
                      Cell::count(c.screened), Cell::count(c.undecided), Cell::count(c.hits), Cell::money(c.amount),
                      Cell::money(c.fundAmount)});
  }
  t.notes = {
      "无数据：规则所需的表缺失（未运行），或判定所需的值缺失（如目录中查不到该项目）而无法判定；无数据不等于未违规。"};
  return t;
}

void writeReportCsv(std::ostream& out, const ReportTable& table) {
  std::string text;
  appendCsvRecord(text, table.headings);
  std::vector<std::string> fields;
  for (const auto& row : table.rows) {
    fields.clear();
    for (const Cell& cell : row) {
      switch (cell.kind) {
        case Cell::Kind::Text:
          fields.push_back(cell.text);
          break;
        case Cell::Kind::Count:
          fields.push_back(std::to_string(cell.number));
          break;
        case Cell::Kind::Money:
          fields.push_back(formatMoney(cell.number));
          break;
      }
    }
    appendCsvRecord(text, fields);
  }
  out << text;
}

}  // namespace fundguard
