// A table of a dataset held in columns, and the indexes that make look-ups O(1): a KeyIndex maps
// the values of some columns (the primary key, or the columns a link joins on) to the rows that
// hold them, in row order. Str and code cells are StringPool ids, so keys hash as integers.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "data/column.h"

namespace fundguard {

struct Table {
  TableLayout layout;
  std::vector<Column> columns;  // as layout.columns
  size_t rows = 0;
  std::string sourcePath;  // where it was read from (for messages); empty when built in memory

  explicit Table(TableLayout l);
  const Column* column(const std::string& name) const;
};

// The rows that hold one key, in row order (empty: none).
class RowSpan {
 public:
  RowSpan() = default;
  RowSpan(const uint32_t* rows, size_t count) : rows_(rows), count_(count) {}
  explicit operator bool() const { return count_ != 0; }
  bool empty() const { return count_ == 0; }
  size_t size() const { return count_; }
  uint32_t front() const { return rows_[0]; }
  uint32_t operator[](size_t i) const { return rows_[i]; }
  const uint32_t* begin() const { return rows_; }
  const uint32_t* end() const { return rows_ + count_; }

 private:
  const uint32_t* rows_ = nullptr;
  size_t count_ = 0;
};

// A hash index, built once and then only read (by any number of threads): open addressing over
// the distinct keys, whose rows lie contiguous in one array (no allocation per key or per look-up).
class KeyIndex {
 public:
  // Indexes `table` on the given columns; a row with a missing cell in one of them is left out.
  KeyIndex(const Table& table, std::vector<int> columns);
  // The rows whose cells equal `key` (one value per indexed column), in row order.
  RowSpan find(const int64_t* key) const;
  RowSpan find(const std::vector<int64_t>& key) const { return find(key.data()); }
  RowSpan find(int64_t key) const { return find(&key); }  // single-column indexes
  // Keys that more than one row holds (for duplicate-key checks): their first rows, in row order.
  std::vector<uint32_t> duplicateRows() const;

 private:
  uint64_t hash(const int64_t* key) const;
  size_t width_;
  std::vector<int64_t> keys_;      // per distinct key (in order of first row): its values
  std::vector<uint32_t> offsets_;  // per distinct key: where its rows start in rows_ (plus the end)
  std::vector<uint32_t> rows_;
  std::vector<uint32_t> slots_;  // open addressing: distinct key + 1, 0 = empty
  uint64_t mask_ = 0;
};

}  // namespace fundguard
