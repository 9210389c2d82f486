// A table of a dataset held in columns, and the indexes that make look-ups O(1): a KeyIndex maps
// the values of some columns (the primary key, or the columns a link joins on) to the rows that
// hold them, in row order. Str and code cells are StringPool ids, so keys hash as integers.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
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

class KeyIndex {
 public:
  // Indexes `table` on the given columns; a row with a missing cell in one of them is left out.
  KeyIndex(const Table& table, std::vector<int> columns);
  // The rows whose cells equal `key` (one value per indexed column), in row order.
  const std::vector<uint32_t>* find(const std::vector<int64_t>& key) const;
  const std::vector<uint32_t>* find(int64_t key) const;  // single-column indexes
  // Keys that more than one row holds (for duplicate-key checks), in first-row order.
  std::vector<uint32_t> duplicateRows() const;

 private:
  struct Hash {
    size_t operator()(const std::vector<int64_t>& key) const;
  };
  std::unordered_map<std::vector<int64_t>, std::vector<uint32_t>, Hash> rows_;
  std::vector<uint32_t> order_;  // first row of each key, for deterministic iteration
};

}  // namespace fundguard
