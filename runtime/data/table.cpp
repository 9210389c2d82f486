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

uint64_t KeyIndex::hash(const int64_t* key) const {
  uint64_t h = 0x9e3779b97f4a7c15ull;
  for (size_t i = 0; i < width_; ++i) {
    // splitmix64 of each value, combined
    uint64_t x = static_cast<uint64_t>(key[i]) + h;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    h = x ^ (x >> 31);
  }
  return h;
}

KeyIndex::KeyIndex(const Table& table, std::vector<int> columns) : width_(columns.size()) {
  size_t capacity = 16;
  while (capacity < table.rows * 2) capacity *= 2;
  slots_.assign(capacity, 0);
  mask_ = capacity - 1;
  std::vector<uint32_t> groupOfRow(table.rows, UINT32_MAX);
  std::vector<uint32_t> counts;
  std::vector<int64_t> key(width_);
  for (size_t row = 0; row < table.rows; ++row) {
    bool complete = true;
    for (size_t i = 0; i < width_ && complete; ++i) {
      const Column& c = table.columns[static_cast<size_t>(columns[i])];
      complete = c.has(row);
      if (complete) key[i] = c.at(row);
    }
    if (!complete) continue;
    for (uint64_t at = hash(key.data()) & mask_;; at = (at + 1) & mask_) {
      uint32_t slot = slots_[at];
      if (slot == 0) {
        slots_[at] = static_cast<uint32_t>(counts.size() + 1);
        groupOfRow[row] = static_cast<uint32_t>(counts.size());
        counts.push_back(1);
        keys_.insert(keys_.end(), key.begin(), key.end());
        break;
      }
      if (std::equal(key.begin(), key.end(), keys_.begin() + static_cast<ptrdiff_t>((slot - 1) * width_))) {
        groupOfRow[row] = slot - 1;
        ++counts[slot - 1];
        break;
      }
    }
  }
  offsets_.assign(counts.size() + 1, 0);
  for (size_t g = 0; g < counts.size(); ++g) offsets_[g + 1] = offsets_[g] + counts[g];
  rows_.resize(offsets_.back());
  std::vector<uint32_t> next(offsets_.begin(), offsets_.end() - 1);
  for (size_t row = 0; row < table.rows; ++row)
    if (groupOfRow[row] != UINT32_MAX) rows_[next[groupOfRow[row]]++] = static_cast<uint32_t>(row);
}

RowSpan KeyIndex::find(const int64_t* key) const {
  auto same = [&](const int64_t* held) {
    for (size_t i = 0; i < width_; ++i)
      if (held[i] != key[i]) return false;
    return true;
  };
  for (uint64_t at = hash(key) & mask_;; at = (at + 1) & mask_) {
    uint32_t slot = slots_[at];
    if (slot == 0) return {};
    if (same(keys_.data() + static_cast<size_t>(slot - 1) * width_))
      return {rows_.data() + offsets_[slot - 1], offsets_[slot] - offsets_[slot - 1]};
  }
}

std::vector<uint32_t> KeyIndex::duplicateRows() const {
  std::vector<uint32_t> out;
  for (size_t g = 0; g + 1 < offsets_.size(); ++g)
    if (offsets_[g + 1] - offsets_[g] > 1) out.push_back(rows_[offsets_[g]]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace fundguard
