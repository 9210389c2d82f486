// The checker's type and name rules, on small rules checked against the standard schema.
#include <doctest/doctest.h>

#include <algorithm>

#include "sema/builtins.h"
#include "test_helpers.h"

using namespace fundguard;
using namespace fundguard::testing;

TEST_CASE("a correct line rule checks clean") {
  auto r = checkText(lineRule("line.pric > 10.00 and setl.med_type = \"21\""));
  INFO(text(r));
  CHECK(r.diags.all().empty());
  REQUIRE(r.rules.size() == 1);
  CHECK(r.rules[0].ok);
  CHECK(r.rules[0].meta.category == "C6");
  CHECK(r.rules[0].scope == ScopeKind::Line);
}

TEST_CASE("a misspelt column is named, with the closest real one") {
  auto r = checkText(lineRule("setl.hifp_pya > 0.00"));
  REQUIRE(r.diags.all().size() == 1);
  const auto& d = r.diags.all()[0];
  CHECK(d.code == DiagCode::FG1011);
  CHECK(d.message == "table `setl_d` has no column `hifp_pya`");
  CHECK(d.hint == "did you mean `hifp_pay`?");
  auto pos = r.program->sources.file(d.span.file).position(d.span.begin);
  CHECK(pos.line == 10);
  CHECK(pos.column == 13);
}

TEST_CASE("comparing with null is an error that says what to write") {
  auto r = checkText(lineRule("setl.enddate = null"));
  CHECK(codes(r) == std::vector<std::string>{"FG3003"});
  CHECK(r.diags.all()[0].hint == "write `x is null`");
}

TEST_CASE("money: exact literals, no mixing with plain numbers") {
  CHECK(checkText(lineRule("line.pric > 10.5")).diags.all().empty());
  CHECK(codes(checkText(lineRule("line.pric > 10.555"))) == std::vector<std::string>{"FG3008"});
  CHECK(codes(checkText(lineRule("line.pric > line.cnt"))) == std::vector<std::string>{"FG3001"});
  CHECK(checkText(lineRule("line.pric * line.cnt > line.det_item_fee_sumamt")).diags.all().empty());
  CHECK(codes(checkText(lineRule("line.pric + line.cnt > 0.00"))) == std::vector<std::string>{"FG3001"});
}

TEST_CASE("dates: differences are days, datetimes need date()") {
  CHECK(checkText(lineRule("setl.enddate - setl.begndate > 30")).diags.all().empty());
  CHECK(checkText(lineRule("date(line.fee_ocur_time) > setl.enddate")).diags.all().empty());
  CHECK(codes(checkText(lineRule("line.fee_ocur_time > setl.enddate"))) == std::vector<std::string>{"FG3001"});
  CHECK(codes(checkText(lineRule("setl.begndate > 2024-02-30"))) == std::vector<std::string>{"FG0012"});
}

TEST_CASE("codes are checked against their dictionary") {
  auto r = checkText(lineRule("setl.med_type = \"22\""));
  CHECK(codes(r) == std::vector<std::string>{"FG3004"});
  CHECK(r.diags.errorCount() == 0);
  CHECK(checkText(lineRule("setl.med_type in [\"11\", \"13\"]")).diags.all().empty());
  CHECK(codes(checkText(lineRule("setl.med_type in [\"11\", \"99\"]"))) == std::vector<std::string>{"FG3004"});
  CHECK(codes(checkText(lineRule("setl.med_type = 21"))) == std::vector<std::string>{"FG3001"});
}

TEST_CASE("a condition must be yes/no, amounts must be money") {
  CHECK(codes(checkText(lineRule("line.pric"))) == std::vector<std::string>{"FG3002"});
  std::string rule = lineRule("line.pric > 0.00");
  rule.replace(rule.find("amount line.det_item_fee_sumamt"), 31, "amount line.cnt");
  auto r = checkText(rule);
  CHECK(hasCode(r, "FG3001"));
}

TEST_CASE("links lead to rows that may be missing, lookups need the whole key") {
  CHECK(checkText(lineRule("line.item.pric_uplmt_lv3 is not null and line.pric > line.item.pric_uplmt_lv3"))
            .diags.all()
            .empty());
  CHECK(checkText(lineRule("lookup(hilist_b, hilist_code: line.med_list_codg).rx_flag = \"1\"")).diags.all().empty());
  CHECK(codes(checkText(lineRule("lookup(item_rel_b, code_a: line.med_list_codg) is not null"))) ==
        std::vector<std::string>{"FG3009"});
  CHECK(checkText(lineRule("exists(rows(item_rel_b, code_a: line.med_list_codg))")).diags.all().empty());
}

TEST_CASE("names: lets are used after they are defined, unknown names get help") {
  auto r = checkText(lineRule("差额 > 0.00", "  let 限价 = line.item.pric_uplmt_lv1\n  let 差额 = line.pric - 限价\n"));
  CHECK(r.diags.all().empty());
  auto later = checkText(lineRule("line.pric > 0.00", "  let a = b\n  let b = 1\n"));
  REQUIRE(codes(later) == std::vector<std::string>{"FG1010"});
  CHECK(later.diags.all()[0].message.find("used before its `let`") != std::string::npos);
  auto dup = checkText(lineRule("line.pric > 0.00", "  let line = 1\n"));
  CHECK(codes(dup) == std::vector<std::string>{"FG4012"});
}

TEST_CASE("an unused parameter is a warning, not an error") {
  auto r = checkText(lineRule("line.pric > 0.00", "  param 天数 int = 15 \"说明\"\n"));
  CHECK(codes(r) == std::vector<std::string>{"FG4013"});
  CHECK(r.diags.errorCount() == 0);
}

TEST_CASE("message holes are checked like names, with positions inside the text") {
  std::string rule = lineRule("line.pric > 0.00");
  rule.replace(rule.find("{line.feedetl_sn}"), 17, "{line.feedetl_sm}");
  auto r = checkText(rule);
  REQUIRE(codes(r) == std::vector<std::string>{"FG1011"});
  auto pos = r.program->sources.file(r.diags.all()[0].span.file).position(r.diags.all()[0].span.begin);
  CHECK(pos.line == 13);
  CHECK(pos.column == 16);
}

TEST_CASE("person and institution scopes provide their names and functions") {
  std::string person = R"(import std.schema
rule "T-02" "测试" {
  version: 1  basis: "x" category: C6 kind: suspect severity: low
  scope person
  for each s in filter(x in history where x.med_type = "21")
  let p = previous(s)
  when p is not null and s.begndate - p.enddate <= 15
  amount s.medfee_sumamt
  fund s.fund_pay_sumamt
  message "{s.setl_id} {p.enddate}"
})";
  auto r = checkText(person);
  INFO(text(r));
  CHECK(r.diags.all().empty());
  std::string inst = R"(import std.schema
rule "T-03" "测试" {
  version: 1  basis: "x" category: C6 kind: suspect severity: low
  scope institution per month
  peers by inst.hosp_lv
  let 次均 = avg(s.medfee_sumamt for s in settlements where s.med_type = "21")
  when zscore(次均) > 3 and 次均 > coalesce(prior(次均), 0.00) * 2
  amount sum(s.medfee_sumamt for s in settlements)
  fund sum(s.fund_pay_sumamt for s in settlements)
  message "{period} 次均 {次均}"
})";
  auto ri = checkText(inst);
  INFO(text(ri));
  CHECK(ri.diags.all().empty());
  std::string wrong = inst;
  wrong.replace(wrong.find("  peers by inst.hosp_lv\n"), 24, "");
  CHECK(codes(checkText(wrong)) == std::vector<std::string>{"FG3011"});
}

TEST_CASE("missing metadata and clauses are all listed in one go") {
  auto r = checkText(R"(import std.schema
rule "T-04" "测试" { scope line when line.pric > 0.00 })");
  CHECK(codes(r) == std::vector<std::string>{"FG4001", "FG4006", "FG4006", "FG4006"});
}

TEST_CASE("every built-in function either types a call or says why not: never a silent error") {
  for (const auto& b : builtinFunctions()) {
    for (const std::string args :
         {"", "line.pric", "line.med_list_codg, 3", "l in setl.lines", "l.pric for l in setl.lines"}) {
      auto r = checkText(lineRule("line.pric > 0.00", "  let x = " + std::string(b.name) + "(" + args + ")\n"));
      std::string type = letType(r, "x");
      INFO(b.name << "(" << args << ") -> " << type << "\n" << text(r));
      CHECK((type != "<error>" || r.diags.errorCount() > 0));
    }
  }
}

namespace {
// Applies every fix of every diagnostic to the text (positions are characters).
std::string applyFixes(const std::string& text, const CheckResult& r) {
  std::u32string chars;
  for (size_t i = 0; i < text.size();) {
    bool ok;
    chars += utf8::decode(text, i, ok);
  }
  std::vector<FixIt> fixes;
  for (const auto& d : r.diags.all()) fixes.insert(fixes.end(), d.fixes.begin(), d.fixes.end());
  std::sort(fixes.begin(), fixes.end(), [](const FixIt& a, const FixIt& b) { return a.span.begin > b.span.begin; });
  for (const auto& f : fixes) {
    std::u32string replacement;
    for (size_t i = 0; i < f.replacement.size();) {
      bool ok;
      replacement += utf8::decode(f.replacement, i, ok);
    }
    chars.replace(f.span.begin, f.span.end - f.span.begin, replacement);
  }
  std::string out;
  for (char32_t c : chars) utf8::append(out, c);
  return out;
}
}  // namespace

TEST_CASE("the fixes the checker offers repair what they are offered for, and nothing else") {
  std::string broken = R"(import std.schema
rule "FX-01" "修复" {
  version： 1
  basis: “示例” "引文"
  category: C6  kind: violation  severity: low
  scope line
  whne line.pric ＞ 1.00 and setl.hifp_pya > 0.00 and setl.enddate != null and setl.med_type = "22"
  amount line.pric  fund line.pric  message "x"
})";
  // The code "22" is not fixed (which code was meant is not mechanical); it stays a warning.
  std::string expected = R"(import std.schema
rule "FX-01" "修复" {
  version: 1
  basis: "示例" "引文"
  category: C6  kind: violation  severity: low
  scope line
  when line.pric > 1.00 and setl.hifp_pay > 0.00 and setl.enddate is not null and setl.med_type = "22"
  amount line.pric  fund line.pric  message "x"
})";
  // Syntax first, then what the repaired syntax lets the checker see: at most a few rounds.
  std::string text = broken;
  for (int round = 0; round < 3; ++round) {
    auto r = checkText(text);
    if (r.diags.errorCount() == 0) break;
    text = applyFixes(text, r);
  }
  CHECK(text == expected);
  auto last = checkText(text);
  INFO(testing::text(last));
  CHECK(codes(last) == std::vector<std::string>{"FG3004"});
}
