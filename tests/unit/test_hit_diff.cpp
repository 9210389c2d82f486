// `fundguard diff`'s comparison: hits matched by rule id, subject and violating rows; hits and
// money added, removed and changed per rule; rules added, removed, changed and re-versioned by
// their content hash; the rules whose logic changed without a version bump; the reports.
#include <doctest/doctest.h>

#include <sstream>

#include "exec/hit_diff.h"
#include "exec/hit_diff_report.h"
#include "output_samples.h"

using namespace fundguard;
using fundguard::testing::hit;
using fundguard::testing::sampleRules;

namespace {

const RuleDiff& ruleOf(const RuleSetDiff& diff, const std::string& id) {
  for (const RuleDiff& r : diff.rules)
    if (r.id == id) return r;
  FAIL("no rule " << id);
  return diff.rules.front();
}

Hit withRows(Hit h, std::string key) {
  h.violating = {{"fee_list_d", std::move(key)}};
  return h;
}

}  // namespace

TEST_CASE("hits are matched by rule, subject and violating rows; money added and removed per rule") {
  std::vector<RuleInfo> before = sampleRules(), after = sampleRules();
  after[0].version = 2;
  after[0].contentHash = "9999999999999999999999999999999999999999999999999999999999999999";
  std::vector<Hit> old = {withRows(hit(0, "H1", "S1", 1000, 800), "F1"), withRows(hit(0, "H1", "S1", 500, 400), "F2"),
                          hit(0, "H1", "S2", 300, 300), hit(1, "H2", "S9", 700, 0)};
  std::vector<Hit> now = {withRows(hit(0, "H1", "S1", 1000, 800), "F1"),  // unchanged
                          withRows(hit(0, "H1", "S1", 200, 100), "F2"),   // changed: 3.00 and 3.00 less
                          hit(0, "H1", "S3", 4000, 3000),                 // added
                          hit(1, "H2", "S9", 700, 0)};                    // unchanged
  RuleSetDiff diff = diffRuleSets(before, old, after, now);
  REQUIRE(diff.rules.size() == 3);
  const RuleDiff& ch = ruleOf(diff, "CH-01");
  CHECK(ch.change == RuleChange::Changed);
  CHECK_FALSE(ch.unbumped);
  CHECK(ch.hitsAdded == 1);
  CHECK(ch.hitsRemoved == 1);  // S2
  CHECK(ch.hitsChanged == 1);
  CHECK(ch.hitsUnchanged == 1);
  CHECK(ch.amountAdded == 4000);
  CHECK(ch.amountRemoved == 300 + 300);
  CHECK(ch.fundAdded == 3000);
  CHECK(ch.fundRemoved == 300 + 300);
  REQUIRE(ch.hits.size() == 3);
  CHECK(ch.hits.back().current == nullptr);  // the removed hit comes last
  const RuleDiff& ip = ruleOf(diff, "IP-02");
  CHECK(ip.change == RuleChange::Unchanged);
  CHECK_FALSE(ip.hitsDiffer());
  CHECK(diff.total.hitsAdded == 1);
  CHECK(diff.total.amountRemoved == 600);
  CHECK(diff.unbumped().empty());
}

TEST_CASE("a hit repeated for one subject pairs in order; the surplus is added or removed") {
  std::vector<RuleInfo> rules = sampleRules();
  std::vector<Hit> old = {hit(0, "H1", "S1", 100, 100)};
  std::vector<Hit> now = {hit(0, "H1", "S1", 100, 100), hit(0, "H1", "S1", 100, 100)};
  RuleSetDiff diff = diffRuleSets(rules, old, rules, now);
  CHECK(ruleOf(diff, "CH-01").hitsUnchanged == 1);
  CHECK(ruleOf(diff, "CH-01").hitsAdded == 1);
  RuleSetDiff back = diffRuleSets(rules, now, rules, old);
  CHECK(ruleOf(back, "CH-01").hitsRemoved == 1);
}

TEST_CASE("rules added, removed, re-versioned; logic changed without a version bump") {
  std::vector<RuleInfo> before = sampleRules(), after = sampleRules();
  after.erase(after.begin() + 2);  // DR-05 removed
  RuleInfo added = before[0];
  added.id = "CH-09";
  after.push_back(added);
  after[0].contentHash = "1111111111111111111111111111111111111111111111111111111111111111";  // same version
  after[1].version = 3;                                                                       // same logic
  std::vector<Hit> old = {hit(2, "H1", "", 100, 100)}, now = {hit(2, "H1", "S1", 50, 50)};
  RuleSetDiff diff = diffRuleSets(before, old, after, now);
  CHECK(ruleOf(diff, "CH-01").change == RuleChange::Changed);
  CHECK(ruleOf(diff, "CH-01").unbumped);
  CHECK(ruleOf(diff, "IP-02").change == RuleChange::VersionOnly);
  CHECK_FALSE(ruleOf(diff, "IP-02").unbumped);
  CHECK(ruleOf(diff, "DR-05").change == RuleChange::Removed);
  CHECK(ruleOf(diff, "DR-05").hitsRemoved == 1);
  CHECK(ruleOf(diff, "CH-09").change == RuleChange::Added);
  CHECK(ruleOf(diff, "CH-09").hitsAdded == 1);
  REQUIRE(diff.unbumped().size() == 1);
  CHECK(diff.unbumped()[0]->id == "CH-01");
  // A version going down is no bump either.
  RuleInfo lower = before[0];
  lower.version = 0;
  lower.contentHash = "2222222222222222222222222222222222222222222222222222222222222222";
  CHECK(changedWithoutBump(before[0], lower));
  lower.version = 2;
  CHECK_FALSE(changedWithoutBump(before[0], lower));
}

TEST_CASE("diff reports: text table, JSON, Markdown table for a pull request") {
  std::vector<RuleInfo> before = sampleRules(), after = sampleRules();
  after[0].contentHash = "1111111111111111111111111111111111111111111111111111111111111111";
  std::vector<Hit> old = {hit(0, "H1", "S1", 1234, 1000)}, now = {hit(0, "H1", "S2", 500, 400)};
  RuleSetDiff diff = diffRuleSets(before, old, after, now);
  DiffLabels labels;
  labels.base = "main:rules";
  labels.current = "rules";
  std::ostringstream text, json, markdown;
  writeDiffText(text, diff, labels);
  writeDiffJson(json, diff, labels);
  writeDiffMarkdown(markdown, diff, labels);
  CHECK(text.str().find("Rules: main:rules (base) -> rules (new)") != std::string::npos);
  CHECK(text.str().find("CH-01  changed  1") != std::string::npos);
  CHECK(text.str().find("+5.00") != std::string::npos);
  CHECK(text.str().find("-12.34") != std::string::npos);
  CHECK(text.str().find("  + setl_id=S2  5.00") != std::string::npos);
  CHECK(text.str().find("2 other rules unchanged") != std::string::npos);
  CHECK(text.str().find("error: CH-01: the logic changed (content hash 0123456789abcdef -> 1111111111111111) but "
                        "the version stayed 1") != std::string::npos);
  CHECK(json.str().find("\"unbumped\": [\n    \"CH-01\"\n  ]") != std::string::npos);
  CHECK(json.str().find("\"amount_added\": \"5.00\"") != std::string::npos);
  CHECK(markdown.str().find("| 规则 Rule | 名称 Title |") != std::string::npos);
  CHECK(markdown.str().find(
            "| `CH-01` | 超标准收费 | 逻辑变更 changed ⚠️ | 1 | 1 | 1 | 0 | 5.00 | 12.34 | 4.00 | "
            "10.00 |") != std::string::npos);
  CHECK(markdown.str().find("Logic changed without a version bump: **CH-01**") != std::string::npos);
}
