// Tables and key indexes; see table.h.
#include "data/table.h"

#include <algorithm>

namespace fundguard {

Table::Table(TableLayout l) : layout(std::move(l)) {
  for (const auto& c : layout.columns) {
    Column column;
    column.layout = c;
    columns.push_back(std::move(column));
  }
}

const Column* Table::column(const std::string& name) const {
  int i = layout.columnIndex(name);
  return i < 0 ? nullptr : &columns[static_cast<size_t>(i)];
}

size_t KeyIndex::Hash::operator()(const std::vector<int64_t>& key) const {
  uint64_t h = 1469598103934665603ull;
  for (int64_t v : key) {
    h ^= static_cast<uint64_t>(v) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  }
  return static_cast<size_t>(h);
}

KeyIndex::KeyIndex(const Table& table, std::vector<int> columns) {
  std::vector<int64_t> key(columns.size());
  for (size_t row = 0; row < table.rows; ++row) {
    bool complete = true;
    for (size_t i = 0; i < columns.size(); ++i) {
      const Column& c = table.columns[static_cast<size_t>(columns[i])];
      if (!c.has(row)) {
        complete = false;
        break;
      }
      key[i] = c.at(row);
    }
    if (!complete) continue;
    auto& list = rows_[key];
    if (list.empty()) order_.push_back(static_cast<uint32_t>(row));
    list.push_back(static_cast<uint32_t>(row));
  }
}

const std::vector<uint32_t>* KeyIndex::find(const std::vector<int64_t>& key) const {
  auto found = rows_.find(key);
  return found == rows_.end() ? nullptr : &found->second;
}

const std::vector<uint32_t>* KeyIndex::find(int64_t key) const {
  return find(std::vector<int64_t>{key});
}

std::vector<uint32_t> KeyIndex::duplicateRows() const {
  std::vector<uint32_t> out;
  for (const auto& [key, list] : rows_)
    if (list.size() > 1) out.push_back(list[0]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace fundguard
