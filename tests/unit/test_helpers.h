// Helpers shared by the unit tests: check rule text held in memory against the standard
// library, and look at the diagnostics that come out.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "diag/diagnostic_render.h"
#include "driver/check.h"

namespace fundguard::testing {

inline CheckResult checkText(const std::string& text, const std::string& path = "tests/unit/inline.rule") {
  CheckOptions options;
  options.stdlibDir = std::string(FUNDGUARD_SOURCE_DIR) + "/stdlib-rules";
  options.sources.emplace_back(std::string(FUNDGUARD_SOURCE_DIR) + "/" + path, text);
  return checkPaths(options);
}

inline std::vector<std::string> codes(const CheckResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diags.all()) out.push_back(diagInfo(d.code).name);
  return out;
}

inline bool hasCode(const CheckResult& r, const std::string& code) {
  for (const auto& c : codes(r))
    if (c == code) return true;
  return false;
}

inline std::string text(const CheckResult& r) {
  return renderText(r.program->sources, r.diags.all());
}

// A complete, valid line rule; tests replace one piece of it to break it.
inline std::string lineRule(const std::string& when, const std::string& extra = "") {
  return R"(import std.schema
rule "T-01" "测试规则" {
  version: 1
  basis: "测试文件 第1条" "引文"
  category: C6
  kind: violation
  severity: low
  scope line
)" + extra +
         "\n  when " + when + R"(
  amount line.det_item_fee_sumamt
  fund line.inscp_scp_amt
  message "明细 {line.feedetl_sn}"
}
)";
}

}  // namespace fundguard::testing

namespace fundguard::testing {

// The type the checker gave the value of `let NAME = ...` in the first rule checked.
inline std::string letType(const CheckResult& r, const std::string& name) {
  for (const auto& rule : r.rules)
    for (const auto& clause : rule.decl->clauses)
      if (const auto* let = std::get_if<ast::LetClause>(&clause.body); let && let->name.name == name)
        return rule.module->exprTypes.at(let->value->id).str();
  FAIL("no `let " << name << "` in the checked rule");
  return {};
}

}  // namespace fundguard::testing
