// The syntax layer: the AST it builds, its recovery from errors, and text that survives the
// ANTLR runtime intact (4.9's antlrcpp::Any loses copied strings; the builder must not use it).
#include <doctest/doctest.h>

#include "syntax/parser.h"

using namespace fundguard;

namespace {
struct Parsed {
  SourceManager sources;
  DiagnosticSink diags;
  std::unique_ptr<ast::File> file;
};

std::unique_ptr<Parsed> parse(const std::string& text) {
  auto p = std::make_unique<Parsed>();
  uint32_t id = p->sources.add("t.rule", text);
  p->file = parseFile(p->sources, id, p->diags);
  return p;
}
}  // namespace

TEST_CASE("Chinese ids, titles, names and strings come through intact") {
  auto p = parse(R"(
module 地方.规则 "连云港市"
rule "LYG-01" "连云港市本地规则：超标准收费" {
  title: "本地规则"
  param 容差天数 int = 3 "容差（天）"
  let 间隔 = 容差天数 + 1
  message "患者 {setl.psn_no} 的间隔为 {间隔} 天"
}
)");
  CHECK(p->diags.all().empty());
  REQUIRE(p->file->module);
  CHECK(p->file->module->dotted() == "地方.规则");
  CHECK(p->file->moduleLabel == "连云港市");
  REQUIRE(p->file->rules.size() == 1);
  const auto& rule = p->file->rules[0];
  CHECK(rule.id == "LYG-01");
  CHECK(rule.title == "连云港市本地规则：超标准收费");
  REQUIRE(rule.clauses.size() == 4);
  const auto& param = std::get<ast::ParamClause>(rule.clauses[1].body);
  CHECK(param.name.name == "容差天数");
  CHECK(param.label == "容差（天）");
  const auto& let = std::get<ast::LetClause>(rule.clauses[2].body);
  CHECK(let.name.name == "间隔");
  const auto* sum = dynamic_cast<const ast::BinaryExpr*>(let.value.get());
  REQUIRE(sum);
  CHECK(static_cast<const ast::NameExpr&>(*sum->lhs).name == "容差天数");
  const auto& message = std::get<ast::MessageClause>(rule.clauses[3].body);
  CHECK(message.text == "患者 {setl.psn_no} 的间隔为 {间隔} 天");
}

TEST_CASE("precedence: and binds tighter than or, comparison tighter than and") {
  auto p = parse(R"(rule "A-1" { when a = 1 or b > 2 and not c is null })");
  CHECK(p->diags.all().empty());
  const auto& when = std::get<ast::ExprClause>(p->file->rules[0].clauses[0].body);
  const auto* orExpr = dynamic_cast<const ast::BinaryExpr*>(when.value.get());
  REQUIRE(orExpr);
  CHECK(orExpr->op == ast::BinaryOp::Or);
  const auto* andExpr = dynamic_cast<const ast::BinaryExpr*>(orExpr->rhs.get());
  REQUIRE(andExpr);
  CHECK(andExpr->op == ast::BinaryOp::And);
  CHECK(dynamic_cast<const ast::UnaryExpr*>(andExpr->rhs.get()) != nullptr);
}

TEST_CASE("aggregates as comprehensions, and groups") {
  auto p = parse(R"(rule "A-1" {
    let n = sum(l.cnt for l in setl.lines where l.cnt > 1)
    let g = groups(l in setl.lines by day: date(l.fee_ocur_time), code: l.med_list_codg)
    let c = count(setl.lines)
  })");
  CHECK(p->diags.all().empty());
  const auto& rule = p->file->rules[0];
  const auto* sum = dynamic_cast<const ast::AggregateExpr*>(std::get<ast::LetClause>(rule.clauses[0].body).value.get());
  REQUIRE(sum);
  CHECK(sum->function.name == "sum");
  CHECK(sum->var.name == "l");
  CHECK(sum->value != nullptr);
  CHECK(sum->filter != nullptr);
  const auto* groups =
      dynamic_cast<const ast::AggregateExpr*>(std::get<ast::LetClause>(rule.clauses[1].body).value.get());
  REQUIRE(groups);
  CHECK(groups->value == nullptr);
  REQUIRE(groups->keys.size() == 2);
  CHECK(groups->keys[1].name.name == "code");
  CHECK(dynamic_cast<const ast::CallExpr*>(std::get<ast::LetClause>(rule.clauses[2].body).value.get()) != nullptr);
}

TEST_CASE("test blocks keep their rows, signs and expectations") {
  auto p = parse(R"(rule "A-1" { test "负数" {
      with 天数 = 10
      given fee_list_d (feedetl_sn, pric) ("F1", -1.50) ("F2", null)
      expect hit "F1" amount 1.50 fund 0.75
      expect no hit "F2"
      expect 1 hits
  } })");
  CHECK(p->diags.all().empty());
  const auto& test = std::get<ast::TestClause>(p->file->rules[0].clauses[0].body);
  CHECK(test.name == "负数");
  REQUIRE(test.steps.size() == 5);
  const auto& given = std::get<ast::GivenStep>(test.steps[1].step);
  REQUIRE(given.block.rows.size() == 2);
  CHECK(given.block.rows[0][1].negative);
  CHECK(given.block.rows[0][1].text == "1.50");
  CHECK(given.block.rows[1][1].literal == ast::LiteralKind::Null);
  const auto& hit = std::get<ast::ExpectStep>(test.steps[2].step);
  CHECK(hit.key->text == "F1");
  CHECK(hit.amount->text == "1.50");
  CHECK(hit.fund->text == "0.75");
  CHECK(std::get<ast::ExpectStep>(test.steps[4].step).count == 1);
}

TEST_CASE("a syntax error in one rule does not hide the next rule") {
  auto p = parse(R"(rule "A-1" {
  when a >
}
rule "A-2" {
  when b = = 1
}
rule "A-3" { when c = 1 }
)");
  CHECK(p->diags.errorCount() == 2);
  CHECK(p->file->rules.size() == 3);
  CHECK(p->file->rules[2].id == "A-3");
}

TEST_CASE("full-width punctuation is reported once and parsed as its ASCII twin") {
  auto p = parse("rule \"A-1\" {\n  version：1\n  when f（x） = 1\n}\n");
  REQUIRE(p->diags.all().size() == 3);
  for (const auto& d : p->diags.all()) CHECK(d.code == DiagCode::FG0003);
  CHECK(p->diags.all()[0].hint.find("`:`") != std::string::npos);
  // Recovery: the rule still has both clauses.
  CHECK(p->file->rules[0].clauses.size() == 2);
}

TEST_CASE("an unterminated string is reported and closed") {
  auto p = parse("rule \"A-1\" {\n  message \"没有结束\n}\n");
  // One error, and the text is closed so that the rule (and its closing brace) still parse.
  REQUIRE(p->diags.all().size() == 1);
  CHECK(p->diags.all()[0].code == DiagCode::FG0004);
  REQUIRE(p->file->rules.size() == 1);
  const auto& message = std::get<ast::MessageClause>(p->file->rules[0].clauses.at(0).body);
  CHECK(message.text == "没有结束");
}

TEST_CASE("string escapes") {
  CHECK(unescapeString("\"a\\\"b\\\\c\\nd\"") == "a\"b\\c\nd");
}
