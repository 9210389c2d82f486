// See row_values.h.
#include "sema/row_values.h"

#include <algorithm>

#include <fmt/format.h>

#include "data/scalar_values.h"
#include "sema/declarations.h"

namespace fundguard {

using namespace ast;

std::string rowValueProblem(const TestValue& v, const Type& type) {
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

std::string rowValueText(const TestValue& v) {
  if (v.literal == LiteralKind::Percent) {  // 15% is the decimal 0.15
    auto scaled = parseDec(v.text);
    return (v.negative ? "-" : "") + (scaled ? formatDec(*scaled.value / 100) : v.text);
  }
  return (v.negative ? "-" : "") + v.text;
}

TextRow textRow(const RowBlock& block, size_t r, const TableLayout& layout) {
  TextRow out(layout.columns.size());
  const auto& row = block.rows.at(r);
  for (size_t k = 0; k < block.columns.size() && k < row.size(); ++k) {
    int c = layout.columnIndex(block.columns[k].name);
    if (c >= 0 && row[k].literal != LiteralKind::Null) out[static_cast<size_t>(c)] = rowValueText(row[k]);
  }
  return out;
}

void checkRowBlock(const TableInfo& table, const RowBlock& block, Span at, const char* keyword, DiagnosticSink& diags) {
  std::vector<const ColumnInfo*> columns;
  bool unknownColumn = false;
  for (const auto& c : block.columns) {
    const ColumnInfo* col = table.column(c.name);
    if (col && std::find(columns.begin(), columns.end(), col) != columns.end()) {
      diags.report(DiagCode::FG5002, c.span, fmt::format("column `{}` is named twice", c.name),
                   fmt::format("name each column once after `{}`", keyword));
      unknownColumn = true;
      columns.push_back(nullptr);
      continue;
    }
    if (!col) {
      std::vector<std::string> names = table.columnNames();
      diags.report(DiagCode::FG5002, c.span, fmt::format("table `{}` has no column `{}`", table.name, c.name),
                   didYouMean(c.name, names));
      unknownColumn = true;
    }
    columns.push_back(col);
  }
  // Rows the engine would reject (a key or required column left out) cannot test a rule.
  if (!block.rows.empty() && !unknownColumn) {
    std::string lacking;
    for (const auto& col : table.columns) {
      if (!col.required) continue;
      bool present = false;
      for (const ColumnInfo* c : columns) present |= c == &col;
      if (!present) lacking += (lacking.empty() ? "`" : ", `") + col.name + "`";
    }
    if (!lacking.empty())
      diags.report(DiagCode::FG5007, at,
                   fmt::format("rows of `{}` need {}, which every row of that table must have", table.name, lacking),
                   fmt::format("add the column(s) after `{}` with a value in each row", keyword));
  }
  for (size_t r = 0; r < block.rows.size(); ++r) {
    const auto& row = block.rows[r];
    if (row.size() != columns.size()) {
      diags.report(
          DiagCode::FG5003, block.rowSpans[r],
          fmt::format("this row has {} value{} for {} column{}", row.size(), row.size() == 1 ? "" : "s", columns.size(),
                      columns.size() == 1 ? "" : "s"),
          fmt::format("give one value per column named after `{}`, in the same order; write null for an empty one",
                      keyword));
      continue;
    }
    for (size_t c = 0; c < row.size(); ++c) {
      if (!columns[c]) continue;
      std::string problem = rowValueProblem(row[c], columns[c]->type);
      if (!problem.empty())
        diags.report(DiagCode::FG5004, row[c].span,
                     fmt::format("column `{}` ({}): {}", columns[c]->name, columns[c]->type.str(), problem), "");
    }
  }
}

}  // namespace fundguard
