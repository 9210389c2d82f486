// The reports for people outside the engine: the fund to recover and the fine range per
// institution, the 附表2 and rule tables as CSV, the hits in the national interface's fields,
// and the .xlsx workbook (its sheets and cells read back from the zip container).
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "exec/institution_recovery.h"
#include "exec/national_hit_sink.h"
#include "exec/report_tables.h"
#include "exec/xlsx_report.h"
#include "output_samples.h"
#include "temp_files.h"

using namespace fundguard;
using fundguard::testing::hit;
using fundguard::testing::sampleRules;

namespace {

Hit lineHit(size_t rule, std::string fix, std::string line, int64_t amount, int64_t fund) {
  Hit h = hit(rule, std::move(fix), "S1", amount, fund);
  h.feedetlSn = line;
  h.violating.push_back({"fee_list_d", line});
  return h;
}

}  // namespace

TEST_CASE("recovery: violations only, overlapping hits on the same lines counted once, fine 2-5x") {
  std::vector<RuleInfo> rules = sampleRules();  // 0: violation, 1: suspect, 2: violation
  InstitutionRecovery r(rules);
  r.add(lineHit(0, "H1", "F1", 1000, 800));
  r.add(lineHit(2, "H1", "F1", 1200, 600));  // same violating line: the larger amounts count
  r.add(lineHit(0, "H1", "F2", 500, 500));
  r.add(lineHit(1, "H1", "F3", 300, 200));  // a suspect: pending review, not recovered
  r.add(lineHit(0, "H2", "F9", 100, 0));    // no fund share: nothing to recover
  auto rows = r.rows();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fixmedinsCode == "H1");
  CHECK(rows[0].violations == 3);
  CHECK(rows[0].violationAmount == 1700);
  CHECK(rows[0].recoverFund == 1300);
  CHECK(rows[0].fineMin() == 2600);
  CHECK(rows[0].fineMax() == 6500);
  CHECK(rows[0].suspects == 1);
  CHECK(rows[0].suspectFund == 200);
  CHECK(rows[1].fixmedinsCode == "H2");
  CHECK(rows[1].recoverFund == 0);
  RecoveryRow total = r.total();
  CHECK(total.violations == 4);
  CHECK(total.recoverFund == 1300);
  CHECK(total.violationAmount == 1800);
}

TEST_CASE("recovery: hits without violating lines are never merged") {
  std::vector<RuleInfo> rules = sampleRules();
  InstitutionRecovery r(rules);
  r.add(hit(0, "H1", "S1", 100, 100));
  r.add(hit(0, "H1", "S2", 100, 100));
  CHECK(r.total().recoverFund == 200);
}

TEST_CASE("附表2 and institution tables as CSV") {
  std::vector<RuleInfo> rules = sampleRules();
  RunSummary s(rules);
  s.addHit(hit(0, "H1", "S1", 1234, 1000));
  s.addHit(hit(1, "H1", "S2", 500, 400));
  std::ostringstream t2;
  writeReportCsv(t2, table2Report(s));
  CHECK(t2.str() ==
        "序号,违规行为类型,违规例数,其中明确违规,其中疑点,涉及医疗费用金额(元),其中医保基金(元)\n"
        "1,未达住院指征住院,0,0,0,0.00,0.00\n"
        "2,挂名住院,1,0,1,5.00,4.00\n"
        "3,伪造医疗文书,0,0,0,0.00,0.00\n"
        "4,虚构医药服务项目,0,0,0,0.00,0.00\n"
        "5,串换药品耗材和诊疗项目,0,0,0,0.00,0.00\n"
        "6,其他违约违规违法及欺诈骗保,1,1,0,12.34,10.00\n"
        ",合计,2,1,1,17.34,14.00\n");

  InstitutionRecovery r(rules);
  r.add(hit(0, "H1", "S1", 1234, 1000));
  std::ostringstream inst;
  writeReportCsv(inst, institutionReport(r));
  CHECK(inst.str().find("H1,1,12.34,10.00,20.00,50.00,0,0.00,0.00\n") != std::string::npos);
  CHECK(inst.str().find("合计,1,12.34,10.00,20.00,50.00,0,0.00,0.00\n") != std::string::npos);

  s.markSkipped(2, "missing table psi_d");
  s.setUndecided(0, 7);
  std::ostringstream rulesCsv;
  writeReportCsv(rulesCsv, ruleReport(s));
  CHECK(rulesCsv.str().find("CH-01,1,超标准收费,C6,明确违规,已运行,0,7,1,12.34,10.00\n") != std::string::npos);
  CHECK(rulesCsv.str().find("DR-05,1,进销存不符,C5,明确违规,无数据 (no data): missing table psi_d,0,0,0,0.00,0.00\n") !=
        std::string::npos);
}

TEST_CASE("national export: interface fields, 明确/可疑, basis, 违规项 and 涉及项 as the detail list") {
  std::vector<RuleInfo> rules = sampleRules();
  Hit h = lineHit(0, "H1", "F1", 1234, 1000);
  h.psnNo = "P1";
  h.message = "收费单价高于限价";
  h.involved.push_back({"setl_d", "S1"});
  Hit s = hit(1, "H1", "S2", std::nullopt, std::nullopt);
  std::ostringstream out;
  NationalHitSink sink(out, rules, "TASK");
  sink.write(h);
  sink.write(s);
  sink.finish();
  std::istringstream lines(out.str());
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  CHECK(
      first ==
      R"({"jr_id":"CH-01@1#1","task_id":"TASK","rule_id":"CH-01","rule_name":"超标准收费","rule_hash":"0123456789abcdef",)"
      R"("vola_cont":"收费单价高于限价","patn_id":"P1","mdtrt_id":"S1","fixmedins_code":"H1","period":"",)"
      R"("vola_amt":"12.34","vola_fund_amt":"10.00","vola_amt_stas":"1","sev_deg":"明确","sev_lv":"high",)"
      R"("vola_evid":"苏医保发〔2020〕40号 附件2 第9条：是否存在超标准收费并使用医保基金的行为。",)"
      R"("vola_bhvr_type":"C6 其他违约违规违法及欺诈骗保","judge_result_detail_dlist":[)"
      R"({"jr_detl_id":"CH-01@1#1.1","vola_item_type":"违规项","table":"fee_list_d","key":"F1"},)"
      R"({"jr_detl_id":"CH-01@1#1.2","vola_item_type":"涉及项","table":"setl_d","key":"S1"}]})");
  CHECK(second.find(R"("jr_id":"IP-02@2#2")") != std::string::npos);
  CHECK(second.find(R"("vola_amt":"","vola_fund_amt":"","vola_amt_stas":"0","sev_deg":"可疑")") != std::string::npos);
}

TEST_CASE("the xlsx workbook has the report sheets and the hits") {
  std::vector<RuleInfo> rules = sampleRules();
  RunSummary s(rules);
  std::vector<Hit> hits = {lineHit(0, "H1", "F1", 1234, 1000)};
  for (const Hit& h : hits) s.addHit(h);
  InstitutionRecovery r(rules);
  for (const Hit& h : hits) r.add(h);
  fundguard::testing::TempDir dir;
  std::string path = dir.dir() + "/report.xlsx";
  std::string error;
  REQUIRE(writeXlsxReport(path, {table2Report(s), institutionReport(r), ruleReport(s)}, hits, rules, error));
  CHECK(error.empty());
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() > 4);
  CHECK(bytes.substr(0, 2) == "PK");  // a zip container
  CHECK(!writeXlsxReport(dir.dir() + "/no/such/dir/report.xlsx", {}, hits, rules, error));
  CHECK(!error.empty());
}
