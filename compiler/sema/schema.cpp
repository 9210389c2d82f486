// Look-ups on resolved tables; see schema.h.
#include "sema/schema.h"

namespace fundguard {

const ColumnInfo* TableInfo::column(const std::string& columnName) const {
  for (const auto& c : columns)
    if (c.name == columnName) return &c;
  return nullptr;
}

const LinkInfo* TableInfo::link(const std::string& linkName) const {
  for (const auto& l : links)
    if (l.name == linkName) return &l;
  return nullptr;
}

std::vector<std::string> TableInfo::columnNames() const {
  std::vector<std::string> names;
  for (const auto& c : columns) names.push_back(c.name);
  return names;
}

std::vector<std::string> TableInfo::memberNames() const {
  std::vector<std::string> names = columnNames();
  for (const auto& l : links) names.push_back(l.name);
  return names;
}

}  // namespace fundguard
