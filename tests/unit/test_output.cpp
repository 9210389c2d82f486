// What the engine writes: hits as CSV and JSON Lines, their canonical order, the run summary
// (exact to the fen) as JSON and as a terminal report, the rule-set hash, rejects and progress.
// Outputs are compared as exact strings: a changed byte is a changed contract.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <thread>

#include "exec/hit_order.h"
#include "exec/hit_sink.h"
#include "exec/progress.h"
#include "exec/rejects_writer.h"
#include "exec/rule_set_hash.h"
#include "exec/run_summary.h"
#include "exec/summary_report.h"
#include "support/display_width.h"
#include "support/number_text.h"
#include "support/sha256.h"

using namespace fundguard;

namespace {

std::vector<RuleInfo> sampleRules() {
  return {
      {"CH-01", 1, "超标准收费", "C6", "violation", "high", "line", "stdlib-rules/charges/CH-01.rule"},
      {"IP-02", 2, "挂床住院", "C2", "suspect", "medium", "claim", "stdlib-rules/inpatient/IP-02.rule"},
      {"DR-05", 1, "进销存不符", "C5", "violation", "high", "institution", "stdlib-rules/drugs/DR-05.rule"},
  };
}

Hit hit(size_t rule, std::string fix, std::string setl, std::optional<int64_t> amount, std::optional<int64_t> fund) {
  Hit h;
  h.rule = rule;
  h.fixmedinsCode = std::move(fix);
  h.setlId = std::move(setl);
  h.amount = amount;
  h.fundAmount = fund;
  return h;
}

// A line hit whose message needs quoting (comma, quotes), with evidence.
Hit lineHit() {
  Hit h = hit(0, "H001", "S1", 1234, 1000);
  h.feedetlSn = "F1";
  h.psnNo = "P1";
  h.violating = {{"fee_list_d", "F1"}};
  h.involved = {{"setl_d", "S1"}};
  h.message = "单价 \"12.5\" 超过限价, 超出 0.34";
  h.evidence = {{"pric", "12.50"}, {"ceiling", "12.00"}};
  return h;
}

// A claim hit without amounts, a multi-line message and evidence holding a comma.
Hit claimHit() {
  Hit h = hit(1, "H002", "S2", std::nullopt, std::nullopt);
  h.psnNo = "P2";
  h.violating = {{"setl_d", "S2"}};
  h.involved = {{"fee_list_d", "F7"}, {"fee_list_d", "F8"}};
  h.message = "line1\nline2";
  h.evidence = {{"备注", "a,b"}};
  return h;
}

const char* const kCsvHeader =
    "rule_id,rule_version,rule_title,category,kind,severity,setl_id,feedetl_sn,psn_no,fixmedins_code,period,"
    "amount,fund_amount,violating,involved,message,evidence\n";

}  // namespace

TEST_CASE("hits as CSV: header, field order, RFC 4180 quoting, Chinese, absent amounts") {
  auto rules = sampleRules();
  std::ostringstream out;
  CsvHitSink sink(out, rules);
  sink.write(lineHit());
  sink.write(claimHit());
  sink.finish();
  CHECK(out.str() == std::string(kCsvHeader) +
                         "CH-01,1,超标准收费,C6,violation,high,S1,F1,P1,H001,,12.34,10.00,fee_list_d:F1,setl_d:S1,"
                         "\"单价 \"\"12.5\"\" 超过限价, 超出 0.34\",pric=12.50; ceiling=12.00\n"
                         "IP-02,2,挂床住院,C2,suspect,medium,S2,,P2,H002,,,,setl_d:S2,fee_list_d:F7;fee_list_d:F8,"
                         "\"line1\nline2\",\"备注=a,b\"\n");
}

TEST_CASE("hits as CSV: a run without hits still has the header") {
  auto rules = sampleRules();
  std::ostringstream out;
  makeHitSink(HitFormat::Csv, out, rules)->finish();
  CHECK(out.str() == kCsvHeader);
}

TEST_CASE("hits as JSON Lines: one object a line, keys in order, money as text, null when absent") {
  auto rules = sampleRules();
  std::ostringstream out;
  auto sink = makeHitSink(HitFormat::JsonLines, out, rules);
  sink->write(lineHit());
  sink->write(claimHit());
  sink->finish();
  CHECK(
      out.str() ==
      "{\"rule_id\":\"CH-01\",\"rule_version\":1,\"rule_title\":\"超标准收费\",\"category\":\"C6\","
      "\"kind\":\"violation\",\"severity\":\"high\",\"setl_id\":\"S1\",\"feedetl_sn\":\"F1\",\"psn_no\":\"P1\","
      "\"fixmedins_code\":\"H001\",\"period\":\"\",\"amount\":\"12.34\",\"fund_amount\":\"10.00\","
      "\"violating\":[{\"table\":\"fee_list_d\",\"key\":\"F1\"}],\"involved\":[{\"table\":\"setl_d\",\"key\":\"S1\"}],"
      "\"message\":\"单价 \\\"12.5\\\" 超过限价, 超出 0.34\",\"evidence\":{\"pric\":\"12.50\",\"ceiling\":\"12.00\"}}\n"
      "{\"rule_id\":\"IP-02\",\"rule_version\":2,\"rule_title\":\"挂床住院\",\"category\":\"C2\","
      "\"kind\":\"suspect\",\"severity\":\"medium\",\"setl_id\":\"S2\",\"feedetl_sn\":\"\",\"psn_no\":\"P2\","
      "\"fixmedins_code\":\"H002\",\"period\":\"\",\"amount\":null,\"fund_amount\":null,"
      "\"violating\":[{\"table\":\"setl_d\",\"key\":\"S2\"}],\"involved\":[{\"table\":\"fee_list_d\",\"key\":\"F7\"},"
      "{\"table\":\"fee_list_d\",\"key\":\"F8\"}],\"message\":\"line1\\nline2\",\"evidence\":{\"备注\":\"a,b\"}}\n");
}

TEST_CASE("a hit naming a rule outside the rule set is an error, not a garbled row") {
  auto rules = sampleRules();
  std::ostringstream out;
  CsvHitSink sink(out, rules);
  CHECK_THROWS_AS(sink.write(hit(7, "H", "S", 1, 1)), std::out_of_range);
}

TEST_CASE("canonical hit order: rule, institution, period, person, settlement, line, message") {
  std::vector<Hit> hits;
  auto add = [&](size_t rule, std::string fix, std::string period, std::string psn, std::string setl, std::string line,
                 std::string message) {
    Hit h = hit(rule, std::move(fix), std::move(setl), 100, 50);
    h.period = std::move(period);
    h.psnNo = std::move(psn);
    h.feedetlSn = std::move(line);
    h.message = std::move(message);
    hits.push_back(h);
  };
  // Listed here in the expected order; each differs from the previous in one later key.
  add(0, "H001", "2024-01", "P1", "S1", "F1", "m");
  add(0, "H001", "2024-01", "P1", "S1", "F2", "m");
  add(0, "H001", "2024-01", "P1", "S10", "F1", "m");  // byte order: "S10" < "S2"
  add(0, "H001", "2024-01", "P1", "S2", "F1", "a");
  add(0, "H001", "2024-01", "P1", "S2", "F1", "b");
  add(0, "H001", "2024-01", "P2", "S0", "F0", "a");
  add(0, "H001", "2024-02", "P0", "S0", "F0", "a");
  add(0, "H002", "2024-01", "P0", "S0", "F0", "a");
  add(1, "H000", "2024-01", "P0", "S0", "F0", "a");
  add(2, "", "", "", "", "", "");
  const std::vector<Hit> expected = hits;

  auto render = [](const std::vector<Hit>& hs) {
    auto rules = sampleRules();
    std::ostringstream out;
    JsonLinesHitSink sink(out, rules);
    for (const auto& h : hs) sink.write(h);
    return out.str();
  };
  const std::string want = render(expected);

  // Every rotation and the reverse sort back to the same bytes, as hits from any thread mix would.
  for (size_t k = 0; k < hits.size(); ++k) {
    std::vector<Hit> shuffled = expected;
    std::rotate(shuffled.begin(), shuffled.begin() + static_cast<std::ptrdiff_t>(k), shuffled.end());
    if (k % 2) std::reverse(shuffled.begin(), shuffled.end());
    sortHits(shuffled);
    CHECK(render(shuffled) == want);
  }
}

TEST_CASE("canonical hit order breaks ties on amounts and rows, so equal keys still sort the same way") {
  Hit a = hit(0, "H", "S", std::nullopt, std::nullopt);
  Hit b = hit(0, "H", "S", 5, 1);
  Hit c = hit(0, "H", "S", 5, 1);
  c.violating = {{"fee_list_d", "F1"}};
  CHECK(hitBefore(a, b));  // absent amount first
  CHECK(hitBefore(b, c));
  CHECK_FALSE(hitBefore(c, b));
  CHECK_FALSE(hitBefore(c, c));
}

namespace {

// Two categories, three institutions (one hit without one), a skipped rule, two tables.
RunSummary sampleSummary() {
  RunSummary s(sampleRules());
  s.setRuleSetHash("43201f83772b1f98f4e134b0bcc8d66504fd5ee02af2d964d857c9cdcad41314");
  s.markSkipped(2, "missing table psi_d");
  s.setTable("setl_d", {10, 8, 1, 1});
  s.setTable("fee_list_d", {100, 97, 3, 0});
  s.addHit(hit(0, "H001", "S1", 1234, 1000));
  s.addHit(hit(0, "H001", "S3", 99999999, 88888888));
  s.addHit(hit(0, "H002", "S4", 1, 1));
  s.addHit(hit(1, "H002", "S2", std::nullopt, std::nullopt));
  s.addHit(hit(1, "", "S5", 50000, 40000));
  return s;
}

}  // namespace

TEST_CASE("summary totals are exact to the fen per rule, category and institution") {
  RunSummary s = sampleSummary();
  CHECK(s.rule(0).hits == 3);
  CHECK(s.rule(0).amount == 100001234);
  CHECK(s.rule(0).fundAmount == 88889889);
  CHECK(s.rule(1).hits == 2);
  CHECK(s.rule(1).amount == 50000);
  CHECK(s.rule(2).skipped);
  CHECK(s.rule(2).hits == 0);

  auto cats = s.byCategory();
  REQUIRE(cats.size() == 6);
  CHECK(cats[1].first == "C2");
  CHECK(cats[1].second.hits == 2);
  CHECK(cats[1].second.suspects == 2);
  CHECK(cats[1].second.violations == 0);
  CHECK(cats[5].first == "C6");
  CHECK(cats[5].second.violations == 3);
  CHECK(cats[5].second.amount == 100001234);
  CHECK(s.total().hits == 5);
  CHECK(s.total().amount == 100051234);
  CHECK(s.total().fundAmount == 88929889);

  CHECK(s.byInstitution().at("H001").amount == 100001233);
  CHECK(s.byInstitution().at("H002").hits == 2);
  CHECK(s.byInstitution().at("H002").fundAmount == 1);
  CHECK(s.byInstitution().at("").amount == 50000);
  CHECK(s.totalRejects() == 4);
  CHECK(s.rulesSkipped() == 1);
}

TEST_CASE("summary JSON: every field, fixed key order") {
  std::ostringstream out;
  writeSummaryJson(out, sampleSummary());
  CHECK(out.str() == R"({
  "rule_set_hash": "43201f83772b1f98f4e134b0bcc8d66504fd5ee02af2d964d857c9cdcad41314",
  "totals": {
    "rules": 3,
    "rules_skipped": 1,
    "hits": 5,
    "violations": 3,
    "suspects": 2,
    "amount": "1000512.34",
    "fund_amount": "889298.89",
    "rejects": 4
  },
  "rules": [
    {
      "rule": "CH-01@1",
      "id": "CH-01",
      "version": 1,
      "title": "超标准收费",
      "category": "C6",
      "kind": "violation",
      "status": "ran",
      "skip_reason": null,
      "hits": 3,
      "amount": "1000012.34",
      "fund_amount": "888898.89"
    },
    {
      "rule": "IP-02@2",
      "id": "IP-02",
      "version": 2,
      "title": "挂床住院",
      "category": "C2",
      "kind": "suspect",
      "status": "ran",
      "skip_reason": null,
      "hits": 2,
      "amount": "500.00",
      "fund_amount": "400.00"
    },
    {
      "rule": "DR-05@1",
      "id": "DR-05",
      "version": 1,
      "title": "进销存不符",
      "category": "C5",
      "kind": "violation",
      "status": "skipped",
      "skip_reason": "missing table psi_d",
      "hits": 0,
      "amount": "0.00",
      "fund_amount": "0.00"
    }
  ],
  "categories": [
    {
      "category": "C1",
      "name": "未达住院指征住院",
      "hits": 0,
      "violations": 0,
      "suspects": 0,
      "amount": "0.00",
      "fund_amount": "0.00"
    },
    {
      "category": "C2",
      "name": "挂名住院",
      "hits": 2,
      "violations": 0,
      "suspects": 2,
      "amount": "500.00",
      "fund_amount": "400.00"
    },
    {
      "category": "C3",
      "name": "伪造医疗文书",
      "hits": 0,
      "violations": 0,
      "suspects": 0,
      "amount": "0.00",
      "fund_amount": "0.00"
    },
    {
      "category": "C4",
      "name": "虚构医药服务项目",
      "hits": 0,
      "violations": 0,
      "suspects": 0,
      "amount": "0.00",
      "fund_amount": "0.00"
    },
    {
      "category": "C5",
      "name": "串换药品耗材和诊疗项目",
      "hits": 0,
      "violations": 0,
      "suspects": 0,
      "amount": "0.00",
      "fund_amount": "0.00"
    },
    {
      "category": "C6",
      "name": "其他违约违规违法及欺诈骗保",
      "hits": 3,
      "violations": 3,
      "suspects": 0,
      "amount": "1000012.34",
      "fund_amount": "888898.89"
    }
  ],
  "institutions": [
    {
      "fixmedins_code": null,
      "hits": 1,
      "amount": "500.00",
      "fund_amount": "400.00"
    },
    {
      "fixmedins_code": "H001",
      "hits": 2,
      "amount": "1000012.33",
      "fund_amount": "888898.88"
    },
    {
      "fixmedins_code": "H002",
      "hits": 2,
      "amount": "0.01",
      "fund_amount": "0.01"
    }
  ],
  "tables": [
    {
      "table": "fee_list_d",
      "read": 100,
      "kept": 97,
      "rejected": 3,
      "reversals": 0
    },
    {
      "table": "setl_d",
      "read": 10,
      "kept": 8,
      "rejected": 1,
      "reversals": 1
    }
  ]
}
)");
}

TEST_CASE("summary text: the 附表2 table with a total row, columns aligned by display width") {
  std::ostringstream out;
  writeSummaryText(out, sampleSummary());
  const std::string text = out.str();
  INFO(text);  // shown when a check fails
  CHECK(text.find("规则集哈希 (rule-set hash): 43201f83772b1f98f4e134b0bcc8d66504fd5ee02af2d964d857c9cdcad41314\n") !=
        std::string::npos);
  CHECK(text.find("跳过 (skipped): missing table psi_d") != std::string::npos);

  // The 附表2 section: heading, dashes, C1..C6, dashes, total. Right-aligned last column and no
  // trailing spaces mean every row ends at the same display column.
  size_t start = text.find("附表2 违规问题汇总");
  REQUIRE(start != std::string::npos);
  std::istringstream section(text.substr(start));
  std::string line;
  std::getline(section, line);
  std::vector<std::string> rows;
  while (std::getline(section, line) && !line.empty()) rows.push_back(line);
  REQUIRE(rows.size() == 10);
  CHECK(rows[0].rfind("  违规行为类型 (category)", 0) == 0);
  CHECK(rows[2].rfind("  C1 未达住院指征住院 ", 0) == 0);
  CHECK(rows[7].rfind("  C6 其他违约违规违法及欺诈骗保 ", 0) == 0);
  CHECK(rows[7] ==
        "  C6 其他违约违规违法及欺诈骗保                 3                      3                    0"
        "               1,000,012.34           888,898.89");
  CHECK(rows[9] ==
        "  合计 (total)                                  5                      3                    2"
        "               1,000,512.34           889,298.89");
  for (const auto& r : rows) CHECK(terminalWidth(r) == terminalWidth(rows[0]));
}

TEST_CASE("SHA-256 and the rule-set hash") {
  CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  Sha256 h;
  for (int i = 0; i < 1000; ++i) h.update(std::string(1000, 'a'));
  CHECK(h.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");

  // Expected values from an independent implementation (Python hashlib + struct '>Q').
  const std::pair<std::string, std::string> ch01{"stdlib-rules/charges/CH-01.rule", "rule \"CH-01\" {}\n"};
  const std::pair<std::string, std::string> ip02{"stdlib-rules/inpatient/IP-02.rule", "规则\n"};
  const char* want = "43201f83772b1f98f4e134b0bcc8d66504fd5ee02af2d964d857c9cdcad41314";
  CHECK(ruleSetHash({ch01, ip02}) == want);
  CHECK(ruleSetHash({ip02, ch01}) == want);  // command-line order does not matter
  CHECK(ruleSetHash({}) == sha256Hex(""));
  // Moving a byte from the path to the contents changes the hash.
  CHECK(ruleSetHash({{"ab", "c"}}) != ruleSetHash({{"a", "bc"}}));
}

TEST_CASE("rejects as CSV") {
  std::ostringstream out;
  writeRejectsCsv(out,
                  {
                      {"data/setl_d.csv", 12, 5, "medfee_sumamt", "12.345", "money has more than two decimal places"},
                      {"data/fee_list_d.csv", 40, 0, "", "a,\"b\"", "record has 3 fields, header has 20"},
                  });
  CHECK(out.str() ==
        "file,line,column,column_name,raw,reason\n"
        "data/setl_d.csv,12,5,medfee_sumamt,12.345,money has more than two decimal places\n"
        "data/fee_list_d.csv,40,,,\"a,\"\"b\"\"\",\"record has 3 fields, header has 20\"\n");
}

TEST_CASE("display width and readable numbers") {
  CHECK(terminalWidth("abc") == 3);
  CHECK(terminalWidth("挂名住院") == 8);
  CHECK(terminalWidth("C2 挂名住院 (x)") == 15);
  CHECK(terminalWidth("\xFF") == 1);
  CHECK(padLeft("元", 4) == "  元");
  CHECK(padRight("元", 3) == "元 ");
  CHECK(padRight("住院", 3) == "住院");  // never cut
  CHECK(groupThousands("1234567.89") == "1,234,567.89");
  CHECK(groupThousands("-123456") == "-123,456");
  CHECK(groupThousands("999.00") == "999.00");
  CHECK(groupThousands("n/a") == "n/a");
  CHECK(yuanForPeople(-100000000) == "-1,000,000.00");
}

TEST_CASE("progress: silent without a terminal; drawn, then erased, on one") {
  using std::chrono::milliseconds;
  {
    Progress silent("读取 setl_d", 10, nullptr, milliseconds(0));
    silent.advance(5);
    CHECK(silent.done() == 5);
  }
  Progress p("读取", 200, nullptr, milliseconds(0));
  CHECK(p.line(50) == "读取 [######------------------]  25%  50/200");
  CHECK(p.line(250) == "读取 [########################] 100%  250/200");
  Progress unknown("rows", 0, nullptr, milliseconds(0));
  CHECK(unknown.line(1234567) == "rows  1,234,567");

  std::ostringstream term;
  {
    Progress bar("x", 2000, &term, milliseconds(0));
    bar.advance(1000);
    bar.finish();
    bar.advance(1);  // after finish: nothing more is drawn
  }
  const std::string drawn = "x [############------------]  50%  1,000/2,000";
  CHECK(term.str() == "\r" + drawn + "\r" + std::string(drawn.size(), ' ') + "\r");

  // A long interval: nothing is drawn, so nothing needs erasing.
  std::ostringstream quiet;
  {
    Progress slow("x", 10, &quiet, milliseconds(60000));
    slow.advance(3);
  }
  CHECK(quiet.str().empty());
}

TEST_CASE("progress: advance is thread-safe") {
  Progress p("x", 0, nullptr, std::chrono::milliseconds(0));
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) p.advance();
    });
  for (auto& t : threads) t.join();
  CHECK(p.done() == 80000);
}
