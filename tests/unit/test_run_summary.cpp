// The run summary: totals exact to the fen per rule, 附表2 category and institution, its JSON
// (compared byte for byte) and terminal report, and the rule-set hash.
#include <doctest/doctest.h>

#include <sstream>

#include "exec/rule_set_hash.h"
#include "exec/run_summary.h"
#include "exec/summary_report.h"
#include "output_samples.h"
#include "support/display_width.h"
#include "support/sha256.h"

using namespace fundguard;
using fundguard::testing::hit;
using fundguard::testing::sampleRules;

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
      "screened": 0,
      "undecided": 0,
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
      "screened": 0,
      "undecided": 0,
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
      "status": "no_data",
      "screened": 0,
      "undecided": 0,
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
  ],
  "unscreened": []
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
  CHECK(text.find("无数据 (no data): missing table psi_d") != std::string::npos);

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
