// What the checker records for the next stage: what each name, field and call refers to, and
// which number literals are amounts of money.
#include <doctest/doctest.h>

#include <stdexcept>

#include "sema/builtins.h"
#include "test_helpers.h"

using namespace fundguard;
using namespace fundguard::testing;

namespace {
const ast::Expr& whenExpr(const CheckResult& r) {
  for (const auto& clause : r.rules.at(0).decl->clauses)
    if (const auto* e = std::get_if<ast::ExprClause>(&clause.body); e && e->which == ast::ExprClauseKind::When)
      return *e->value;
  throw std::runtime_error("no when");
}
const Resolution& resolution(const CheckResult& r, const ast::Expr& e) {
  return r.rules.at(0).module->resolutions.at(e.id);
}
}  // namespace

TEST_CASE("names resolve to their binding; fields to columns and links; calls to built-ins and defines") {
  auto r = checkText(R"(import std.schema
import std.lists
rule "R-1" "测试" {
  version: 1  basis: "x" category: C6 kind: violation severity: low
  scope line
  let 限价 = line.item.pric_uplmt_lv1
  when line.pric > 限价 and 住院(setl) and count(setl.lines) > 1 and line.pric > 10.00
  amount line.pric  fund line.pric  message "x"
})");
  INFO(text(r));
  REQUIRE(r.diags.all().empty());
  // when ((a and b) and c) and d
  const auto& top = static_cast<const ast::BinaryExpr&>(whenExpr(r));
  const auto& abc = static_cast<const ast::BinaryExpr&>(*top.lhs);
  const auto& ab = static_cast<const ast::BinaryExpr&>(*abc.lhs);
  const auto& a = static_cast<const ast::CompareExpr&>(*ab.lhs);
  const auto& pric = static_cast<const ast::MemberExpr&>(*a.lhs);
  CHECK(resolution(r, pric).kind == Resolution::Kind::Column);
  CHECK(resolution(r, pric).column->name == "pric");
  CHECK(resolution(r, *pric.object).kind == Resolution::Kind::Local);
  CHECK(resolution(r, *pric.object).local == Binding::Kind::ScopeName);
  const auto& ceiling = resolution(r, *a.rhs);
  CHECK(ceiling.kind == Resolution::Kind::Local);
  CHECK(ceiling.local == Binding::Kind::Let);
  CHECK(ceiling.name == "限价");
  CHECK(ceiling.declaredAt.valid());
  const auto& inpatient = resolution(r, *ab.rhs);
  CHECK(inpatient.kind == Resolution::Kind::Define);
  CHECK(inpatient.define->name == "住院");
  const auto& count = static_cast<const ast::CompareExpr&>(*abc.rhs);
  CHECK(resolution(r, *count.lhs).kind == Resolution::Kind::Builtin);
  CHECK(std::string(resolution(r, *count.lhs).builtin->name) == "count");
  const RuleLogic& logic = r.rules.at(0).logic;
  CHECK(logic.lets.size() == 1);
  CHECK(logic.when == &whenExpr(r));
  CHECK(logic.amount != nullptr);
  CHECK(logic.message != nullptr);
  CHECK(logic.forEach == nullptr);
  const auto& money = static_cast<const ast::CompareExpr&>(*top.rhs);
  CHECK(r.rules.at(0).module->exprTypes.at(money.rhs->id).str() == "money");
}
