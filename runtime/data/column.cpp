// Columnar data; see column.h.
#include "data/column.h"

namespace fundguard {

const char* valueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::Bool:
      return "bool";
    case ValueKind::Int:
      return "int";
    case ValueKind::Dec:
      return "dec";
    case ValueKind::Money:
      return "money";
    case ValueKind::Date:
      return "date";
    case ValueKind::DateTime:
      return "datetime";
    case ValueKind::Str:
      return "str";
    case ValueKind::Code:
      return "code";
    case ValueKind::List:
      return "list";
  }
  return "?";
}

int TableLayout::columnIndex(const std::string& wanted) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == wanted) return static_cast<int>(i);
  return -1;
}

void Column::appendMissing() {
  values.push_back(0);
  present.push_back(0);
  if (layout.kind == ValueKind::List) offsets.push_back(offsets.back());
}

void Column::append(int64_t value) {
  values.push_back(value);
  present.push_back(1);
}

void Column::appendList(const std::vector<int64_t>& rowItems) {
  values.push_back(static_cast<int64_t>(offsets.size() - 1));
  present.push_back(1);
  items.insert(items.end(), rowItems.begin(), rowItems.end());
  offsets.push_back(static_cast<uint32_t>(items.size()));
}

}  // namespace fundguard
