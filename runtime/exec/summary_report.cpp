// See summary_report.h.
#include "exec/summary_report.h"

#include <algorithm>
#include <string>

#include "data/scalar_values.h"
#include "support/json_writer.h"
#include "support/number_text.h"
#include "support/text_table.h"

namespace fundguard {

namespace {

// A terminal report stays readable with thousands of institutions; the JSON has every one.
constexpr size_t kTextInstitutions = 20;

void moneyFields(JsonWriter& w, const HitTotals& t) {
  w.key("hits").value(t.hits);
  w.key("amount").value(formatMoney(t.amount));
  w.key("fund_amount").value(formatMoney(t.fundAmount));
}

std::string count(uint64_t n) {
  return groupThousands(std::to_string(n));
}

using Align = TextTable::Align;

}  // namespace

void writeSummaryJson(std::ostream& out, const RunSummary& s) {
  JsonWriter w(true);
  w.beginObject();
  w.key("rule_set_hash").value(s.ruleSetHash());

  const CategoryTotals& total = s.total();
  w.key("totals").beginObject();
  w.key("rules").value(static_cast<uint64_t>(s.rules().size()));
  w.key("rules_skipped").value(s.rulesSkipped());
  w.key("hits").value(total.hits);
  w.key("violations").value(total.violations);
  w.key("suspects").value(total.suspects);
  w.key("amount").value(formatMoney(total.amount));
  w.key("fund_amount").value(formatMoney(total.fundAmount));
  w.key("rejects").value(s.totalRejects());
  w.endObject();

  w.key("rules").beginArray();
  for (size_t i = 0; i < s.rules().size(); ++i) {
    const RuleInfo& r = s.rules()[i];
    const RuleTotals& t = s.rule(i);
    w.beginObject();
    w.key("rule").value(r.id + "@" + std::to_string(r.version));
    w.key("id").value(r.id);
    w.key("version").value(r.version);
    w.key("title").value(r.title);
    w.key("category").value(r.category);
    w.key("kind").value(r.kind);
    w.key("status").value(t.skipped ? (t.noData() ? "no_data" : "skipped") : "ran");
    w.key("screened").value(t.screened);
    w.key("undecided").value(t.undecided);
    w.key("skip_reason");
    if (t.skipped)
      w.value(t.skipReason);
    else
      w.null();
    moneyFields(w, t);
    w.endObject();
  }
  w.endArray();

  w.key("categories").beginArray();
  for (const auto& [code, t] : s.byCategory()) {
    w.beginObject();
    w.key("category").value(code);
    w.key("name").value(categoryName(code));
    w.key("hits").value(t.hits);
    w.key("violations").value(t.violations);
    w.key("suspects").value(t.suspects);
    w.key("amount").value(formatMoney(t.amount));
    w.key("fund_amount").value(formatMoney(t.fundAmount));
    w.endObject();
  }
  w.endArray();

  w.key("institutions").beginArray();
  for (const auto& [code, t] : s.byInstitution()) {
    w.beginObject();
    w.key("fixmedins_code");
    if (code.empty())
      w.null();
    else
      w.value(code);
    moneyFields(w, t);
    w.endObject();
  }
  w.endArray();

  w.key("tables").beginArray();
  for (const auto& [name, c] : s.tables()) {
    w.beginObject();
    w.key("table").value(name);
    w.key("read").value(c.read);
    w.key("kept").value(c.kept);
    w.key("rejected").value(c.rejected);
    w.key("reversals").value(c.reversals);
    w.endObject();
  }
  w.endArray();

  w.key("unscreened").beginArray();
  for (const auto& [what, rows] : s.unscreened()) {
    w.beginObject();
    w.key("what").value(what);
    w.key("rows").value(rows);
    w.endObject();
  }
  w.endArray();

  w.endObject();
  out << w.str() << '\n';
}

void writeSummaryText(std::ostream& out, const RunSummary& s) {
  out << "FundGuard 运行摘要 (run summary)\n";
  out << "规则 (rules): " << s.rules().size() << "，其中跳过 (skipped) " << s.rulesSkipped() << "\n";
  out << "规则集哈希 (rule-set hash): " << (s.ruleSetHash().empty() ? "-" : s.ruleSetHash()) << "\n";

  out << "\n输入数据 (input tables)\n";
  if (s.tables().empty()) {
    out << "  (无 none)\n";
  } else {
    TextTable t({"表 (table)", "读取 (read)", "保留 (kept)", "拒绝 (rejected)", "冲销排除 (reversals)"},
                {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right});
    TableCounts sum;
    for (const auto& [name, c] : s.tables()) {
      t.addRow({name, count(c.read), count(c.kept), count(c.rejected), count(c.reversals)});
      sum.read += c.read;
      sum.kept += c.kept;
      sum.rejected += c.rejected;
      sum.reversals += c.reversals;
    }
    t.addRule();
    t.addRow({"合计 (total)", count(sum.read), count(sum.kept), count(sum.rejected), count(sum.reversals)});
    t.write(out);
  }
  for (const auto& [what, rows] : s.unscreened())
    out << "  未筛查 (not screened): " << what << ": " << count(rows) << "\n";

  out << "\n附表2 违规问题汇总 (findings by 附表2 category; amounts in yuan 元)\n";
  {
    TextTable t({"违规行为类型 (category)", "违规数量 (count)", "其中违规 (violations)", "其中疑点 (suspects)",
                 "涉及医疗费用金额 (amount)", "其中医保基金 (fund)"},
                {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right});
    for (const auto& [code, c] : s.byCategory()) {
      std::string label = code;
      std::string_view name = categoryName(code);
      if (!name.empty()) label += " " + std::string(name);
      t.addRow({label, count(c.hits), count(c.violations), count(c.suspects), yuanForPeople(c.amount),
                yuanForPeople(c.fundAmount)});
    }
    const CategoryTotals& c = s.total();
    t.addRule();
    t.addRow({"合计 (total)", count(c.hits), count(c.violations), count(c.suspects), yuanForPeople(c.amount),
              yuanForPeople(c.fundAmount)});
    t.write(out);
  }

  out << "\n规则 (rules)\n";
  {
    TextTable t({"规则 (rule)", "名称 (title)", "类别 (category)", "筛查 (screened)", "无数据 (undecided)",
                 "命中 (hits)", "涉及金额 (amount)", "医保基金 (fund)", "状态 (status)"},
                {Align::Left, Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Right,
                 Align::Right, Align::Left});
    for (size_t i = 0; i < s.rules().size(); ++i) {
      const RuleInfo& r = s.rules()[i];
      const RuleTotals& c = s.rule(i);
      std::string status = !c.skipped   ? "已运行 (ran)"
                           : c.noData() ? "无数据 (no data): " + c.skipReason
                                        : "跳过 (skipped): " + c.skipReason;
      t.addRow({r.id + "@" + std::to_string(r.version), r.title, r.category, count(c.screened), count(c.undecided),
                count(c.hits), yuanForPeople(c.amount), yuanForPeople(c.fundAmount), status});
    }
    t.write(out);
  }

  out << "\n机构 (institutions)";
  std::vector<std::pair<std::string, HitTotals>> inst(s.byInstitution().begin(), s.byInstitution().end());
  if (inst.size() > kTextInstitutions) out << ": 涉及金额最大的 " << kTextInstitutions << " 家 (top by amount)";
  out << "\n";
  if (inst.empty()) {
    out << "  (无 none)\n";
    return;
  }
  // Largest amount first: that is where a reviewer starts. Ties by code keep the report stable.
  std::stable_sort(inst.begin(), inst.end(), [](const auto& a, const auto& b) {
    if (a.second.amount != b.second.amount) return a.second.amount > b.second.amount;
    return a.first < b.first;
  });
  if (inst.size() > kTextInstitutions) inst.resize(kTextInstitutions);
  TextTable t({"机构编号 (fixmedins_code)", "命中 (hits)", "涉及金额 (amount)", "医保基金 (fund)"},
              {Align::Left, Align::Right, Align::Right, Align::Right});
  for (const auto& [code, c] : inst)
    t.addRow(
        {code.empty() ? "- (无机构 none)" : code, count(c.hits), yuanForPeople(c.amount), yuanForPeople(c.fundAmount)});
  t.write(out);
}

}  // namespace fundguard
