// Columnar data: one Column per declared column of a table, one 64-bit cell per row plus a
// presence flag (an empty CSV field is a missing value, never a zero). Every kind is held in the
// exact representation of scalar_values.h, so the interpreter and the JIT read cells without
// conversion:
//   bool 0/1 · int · dec (x10^4) · money (fen) · date (days) · datetime (seconds)
//   str and code: the StringPool id of the text
//   list: the row's items are items[offsets[row] .. offsets[row + 1]), each of the element kind
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fundguard {

enum class ValueKind : uint8_t { Bool, Int, Dec, Money, Date, DateTime, Str, Code, List };

const char* valueKindName(ValueKind kind);

// What a reader needs to know of one column: its name, kind and constraints. Made from the
// schema the rules declare (the compiler converts sema's TableInfo; see exec/layout.h).
struct ColumnLayout {
  std::string name;
  ValueKind kind = ValueKind::Str;
  ValueKind element = ValueKind::Str;  // for List
  bool key = false;                    // part of the primary key: required and unique together
  bool required = false;               // an empty field rejects the row
};

// A row as text, one cell per column of the layout (nullopt: empty), read as a CSV field is.
using TextRow = std::vector<std::optional<std::string>>;

struct TableLayout {
  std::string name;  // the CSV file is NAME.csv
  std::vector<ColumnLayout> columns;
  // Rows the table's declaration ships (`rows (...) (...)`): its contents when the dataset has
  // no NAME.csv. A dataset's own file always wins.
  std::vector<TextRow> shippedRows;
  bool hasShippedRows = false;
  int columnIndex(const std::string& name) const;  // -1 when absent
};

struct Column {
  ColumnLayout layout;
  std::vector<int64_t> values;   // one per row; unspecified where !present
  std::vector<uint8_t> present;  // 1 = has a value
  // List columns only.
  std::vector<uint32_t> offsets{0};
  std::vector<int64_t> items;

  size_t size() const { return present.size(); }
  bool has(size_t row) const { return present[row] != 0; }
  int64_t at(size_t row) const { return values[row]; }
  void appendMissing();
  void append(int64_t value);
  // List columns: append one row whose items are `rowItems`.
  void appendList(const std::vector<int64_t>& rowItems);
  size_t listSize(size_t row) const { return offsets[row + 1] - offsets[row]; }
  const int64_t* listBegin(size_t row) const { return items.data() + offsets[row]; }
};

}  // namespace fundguard
