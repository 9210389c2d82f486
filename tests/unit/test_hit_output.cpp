// Hits as written: CSV and JSON Lines sinks, the canonical order that makes output independent
// of threads, and the rejects CSV. Outputs are compared as exact strings: a changed byte is a
// changed contract.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "exec/hit_order.h"
#include "exec/hit_sink.h"
#include "exec/rejects_writer.h"
#include "output_samples.h"

using namespace fundguard;
using fundguard::testing::hit;
using fundguard::testing::sampleRules;

namespace {

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
    "rule_id,rule_version,rule_hash,rule_title,category,kind,severity,setl_id,feedetl_sn,psn_no,fixmedins_code,period,"
    "amount,fund_amount,violating,involved,message,evidence\n";

}  // namespace

TEST_CASE("hits as CSV: header, field order, RFC 4180 quoting, Chinese, absent amounts") {
  auto rules = sampleRules();
  std::ostringstream out;
  CsvHitSink sink(out, rules);
  sink.write(lineHit());
  sink.write(claimHit());
  sink.finish();
  CHECK(out.str() ==
        std::string(kCsvHeader) +
            "CH-01,1,0123456789abcdef,超标准收费,C6,violation,high,S1,F1,P1,H001,,12.34,10.00,fee_list_d:F1,setl_d:S1,"
            "\"单价 \"\"12.5\"\" 超过限价, 超出 0.34\",pric=12.50; ceiling=12.00\n"
            "IP-02,2,fedcba9876543210,挂床住院,C2,suspect,medium,S2,,P2,H002,,,,setl_d:S2,fee_list_d:F7;fee_list_d:F8,"
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
      "{\"rule_id\":\"CH-01\",\"rule_version\":1,\"rule_hash\":\"0123456789abcdef\",\"rule_title\":\"超标准收费\","
      "\"category\":\"C6\","
      "\"kind\":\"violation\",\"severity\":\"high\",\"setl_id\":\"S1\",\"feedetl_sn\":\"F1\",\"psn_no\":\"P1\","
      "\"fixmedins_code\":\"H001\",\"period\":\"\",\"amount\":\"12.34\",\"fund_amount\":\"10.00\","
      "\"violating\":[{\"table\":\"fee_list_d\",\"key\":\"F1\"}],\"involved\":[{\"table\":\"setl_d\",\"key\":\"S1\"}],"
      "\"message\":\"单价 \\\"12.5\\\" 超过限价, 超出 0.34\",\"evidence\":{\"pric\":\"12.50\",\"ceiling\":\"12.00\"}}\n"
      "{\"rule_id\":\"IP-02\",\"rule_version\":2,\"rule_hash\":\"fedcba9876543210\",\"rule_title\":\"挂床住院\","
      "\"category\":\"C2\","
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
