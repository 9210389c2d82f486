// Rows of literal values for a table: a test's `given` rows and the rows a table declaration
// ships with (`rows`). The same checks for both: the columns exist and are named once, the
// required ones are there, each row has one value per column and each value fits its column.
#pragma once

#include <string>

#include "data/column.h"
#include "diag/diagnostic.h"
#include "sema/schema.h"
#include "sema/types.h"
#include "syntax/ast.h"

namespace fundguard {

// Whether a literal can be read as a value of `type`; the reason when not.
std::string rowValueProblem(const ast::TestValue& value, const Type& type);

// The text of a literal as a data file holds it: 15% is 0.15, a minus sign kept.
std::string rowValueText(const ast::TestValue& value);

// Row `r` of `block` as text in the column order of `layout`: null and the columns the block
// does not name are empty.
TextRow textRow(const ast::RowBlock& block, size_t r, const TableLayout& layout);

// Reports what is wrong with `block` as rows of `table` (FG5002, FG5003, FG5004, FG5007);
// `keyword` (given, rows) is named in the hints, `at` is where a missing column is reported.
void checkRowBlock(const TableInfo& table, const ast::RowBlock& block, Span at, const char* keyword,
                   DiagnosticSink& diags);

}  // namespace fundguard
