// See test_checker.h.
#include "sema/test_checker.h"

#include <algorithm>

#include <fmt/format.h>

#include "data/scalar_values.h"
#include "sema/declarations.h"

namespace fundguard {

using namespace ast;

std::string TestChecker::valueProblem(const TestValue& v, const Type& type) {
  if (type.isError()) return {};
  if (v.literal == LiteralKind::Null) return type.nullable() ? std::string() : "this column may not be empty";
  if (v.negative && v.literal != LiteralKind::Int && v.literal != LiteralKind::Dec)
    return "only numbers take a minus sign";
  std::string text = (v.negative ? "-" : "") + v.text;
  auto numberOk = [&](auto parsed) { return parsed ? std::string() : parsed.error; };
  switch (type.kind()) {
    case TypeKind::Int:
      if (v.literal != LiteralKind::Int) return "expected a whole number";
      return numberOk(parseInt(text));
    case TypeKind::Dec:
      if (v.literal == LiteralKind::Percent) {
        auto scaled = parseDec(text);
        return scaled && *scaled.value % 100 == 0 ? std::string() : "a percentage has at most 2 decimal places";
      }
      if (v.literal != LiteralKind::Int && v.literal != LiteralKind::Dec) return "expected a number";
      return numberOk(parseDec(text));
    case TypeKind::Money:
      if (v.literal != LiteralKind::Int && v.literal != LiteralKind::Dec)
        return "expected an amount in yuan, e.g. 12.50";
      return numberOk(parseMoney(text));
    case TypeKind::Date:
      if (v.literal != LiteralKind::Date) return "expected a date, e.g. 2024-01-31";
      return numberOk(parseDate(text));
    case TypeKind::DateTime:
      if (v.literal == LiteralKind::Date) return {};
      if (v.literal != LiteralKind::DateTime) return "expected a datetime, e.g. 2024-01-31 08:00:00";
      return numberOk(parseDateTime(text));
    case TypeKind::Bool:
      return v.literal == LiteralKind::Bool ? std::string() : "expected true or false";
    case TypeKind::Str:
    case TypeKind::Code:
      if (v.literal != LiteralKind::String) return "expected a text in quotes";
      if (type.kind() == TypeKind::Code && type.dict() && !type.dict()->codes.count(v.text))
        return fmt::format("\"{}\" is not a code of dictionary `{}`", v.text, type.dict()->name);
      return {};
    case TypeKind::List:
    case TypeKind::Set:
      return v.literal == LiteralKind::String ? std::string()
                                              : "expected a text with values separated by |, e.g. \"I10|E11\"";
    default:
      return {};
  }
}

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
      const TableInfo* table = sym->table;
      std::vector<const ColumnInfo*> columns;
      bool unknownColumn = false;
      for (const auto& c : given->columns) {
        const ColumnInfo* col = table->column(c.name);
        if (col && std::find(columns.begin(), columns.end(), col) != columns.end()) {
          diags_.report(DiagCode::FG5002, c.span, fmt::format("column `{}` is named twice", c.name),
                        "name each column once after `given`");
          unknownColumn = true;
          columns.push_back(nullptr);
          continue;
        }
        if (!col) {
          std::vector<std::string> names = table->columnNames();
          diags_.report(DiagCode::FG5002, c.span, fmt::format("table `{}` has no column `{}`", table->name, c.name),
                        didYouMean(c.name, names));
          unknownColumn = true;
        }
        columns.push_back(col);
      }
      // Rows the engine would reject (a key or required column left out) cannot test a rule.
      if (!given->rows.empty() && !unknownColumn) {
        std::string lacking;
        for (const auto& col : table->columns) {
          if (!col.required) continue;
          bool present = false;
          for (const ColumnInfo* c : columns) present |= c == &col;
          if (!present) lacking += (lacking.empty() ? "`" : ", `") + col.name + "`";
        }
        if (!lacking.empty())
          diags_.report(
              DiagCode::FG5007, given->table.span,
              fmt::format("rows of `{}` need {}, which every row of that table must have", table->name, lacking),
              "add the column(s) after `given` with a value in each row");
      }
      for (size_t r = 0; r < given->rows.size(); ++r) {
        const auto& row = given->rows[r];
        if (row.size() != columns.size()) {
          diags_.report(
              DiagCode::FG5003, given->rowSpans[r],
              fmt::format("this row has {} value{} for {} column{}", row.size(), row.size() == 1 ? "" : "s",
                          columns.size(), columns.size() == 1 ? "" : "s"),
              "give one value per column named after `given`, in the same order; write null for an empty one");
          continue;
        }
        for (size_t c = 0; c < row.size(); ++c) {
          if (!columns[c]) continue;
          std::string problem = valueProblem(row[c], columns[c]->type);
          if (!problem.empty())
            diags_.report(DiagCode::FG5004, row[c].span,
                          fmt::format("column `{}` ({}): {}", columns[c]->name, columns[c]->type.str(), problem), "");
        }
      }
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
      std::string problem = valueProblem(with->value, param->type.withNullable(false));
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
        std::string problem = valueProblem(*money, Type::scalar(TypeKind::Money));
        if (!problem.empty()) diags_.report(DiagCode::FG5004, money->span, problem, "");
      }
    }
  }
  if (!expects)
    diags_.report(DiagCode::FG5006, span, fmt::format("test \"{}\" expects nothing", test.name),
                  "add `expect hit \"KEY\"`, `expect no hit` or `expect N hits`");
}

}  // namespace fundguard
