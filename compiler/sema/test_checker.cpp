// See test_checker.h.
#include "sema/test_checker.h"

#include <algorithm>

#include <fmt/format.h>

#include "data/scalar_values.h"
#include "sema/declarations.h"
#include "sema/row_values.h"

namespace fundguard {

using namespace ast;

void TestChecker::check(const TestClause& test, Span span, const CheckedRule& rule) {
  bool expects = false;
  for (const auto& at : test.steps) {
    if (const auto* given = std::get_if<GivenStep>(&at.step)) {
      const Symbol* sym = findSymbol(program_, module_, given->table.name, given->table.span, diags_);
      if (!sym || sym->kind != Symbol::Kind::Table) {
        if (module_.importFailed) continue;  // the table may be in the module that was not found
        std::vector<std::string> tables = program_.visibleNames(module_, Symbol::Kind::Table);
        diags_.report(DiagCode::FG5001, given->table.span, fmt::format("no table named `{}`", given->table.name),
                      didYouMean(given->table.name, tables));
        continue;
      }
      checkRowBlock(*sym->table, given->block, given->table.span, "given", diags_);
    } else if (const auto* with = std::get_if<WithStep>(&at.step)) {
      const CheckedParam* param = nullptr;
      std::vector<std::string> names;
      for (const auto& p : rule.params) {
        names.push_back(p.name);
        if (p.name == with->param.name) param = &p;
      }
      if (!param) {
        std::string hint = didYouMean(with->param.name, names);
        diags_.report(DiagCode::FG5005, with->param.span, fmt::format("rule has no parameter `{}`", with->param.name),
                      hint.empty()
                          ? (names.empty() ? std::string("this rule has no parameters") : "declare it with `param`")
                          : hint);
        continue;
      }
      std::string problem = rowValueProblem(with->value, param->type.withNullable(false));
      if (!problem.empty())
        diags_.report(DiagCode::FG5004, with->value.span,
                      fmt::format("parameter `{}` ({}): {}", param->name, param->type.str(), problem), "");
    } else if (const auto* expect = std::get_if<ExpectStep>(&at.step)) {
      expects = true;
      if (expect->key && expect->key->literal != LiteralKind::String)
        diags_.report(DiagCode::FG5004, expect->key->span, "the key of an expected hit is a text in quotes",
                      fmt::format("write expect hit \"{}\"", expect->key->text));
      if (expect->kind == ExpectStep::Kind::Count && expect->count < 0)
        diags_.report(DiagCode::FG5004, expect->countSpan, "this number of hits is too large to be meant",
                      "a test expects a handful of hits: write the exact count");
      for (const auto* money : {expect->amount ? &*expect->amount : nullptr, expect->fund ? &*expect->fund : nullptr}) {
        if (!money) continue;
        std::string problem = rowValueProblem(*money, Type::scalar(TypeKind::Money));
        if (!problem.empty()) diags_.report(DiagCode::FG5004, money->span, problem, "");
      }
    }
  }
  if (!expects)
    diags_.report(DiagCode::FG5006, span, fmt::format("test \"{}\" expects nothing", test.name),
                  "add `expect hit \"KEY\"`, `expect no hit` or `expect N hits`");
}

}  // namespace fundguard
