// One CSV cell's text in the exact representation of its column's kind (scalar_values.h): the
// single definition of how data text is read, shared by the table reader and by rule tests'
// `given` rows, so a value means the same in a test as in a data file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "data/column.h"
#include "data/string_pool.h"
#include "data/table.h"

namespace fundguard {

// Money in fen (more than 2 decimals is an error), dec to 4 places, int, date, datetime, bool
// (0, 1, true, false); str and code are interned in `strings`. False with `reason` when the text
// does not fit. A list's items are read one by one with its element kind.
bool parseCell(ValueKind kind, std::string_view text, StringPool& strings, int64_t& value, std::string& reason);

// Appends one row of text cells (one per column of the table's layout; a list cell holds its
// items separated by '|') to `table`. A cell that does not fit is left empty, and the first
// such problem is returned in `reason` as "column: why" (false).
bool appendTextRow(Table& table, const TextRow& cells, StringPool& strings, std::string& reason);

}  // namespace fundguard
