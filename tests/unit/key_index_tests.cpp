// The key index behind links, look-ups and rows(): every row of a key, in row order; rows with a
// missing key cell left out; keys of several columns; duplicates; many keys (the table grows).
#include <doctest/doctest.h>

#include <vector>

#include "data/table.h"

using namespace fundguard;

namespace {

Table twoColumns(const std::vector<std::pair<int64_t, int64_t>>& rows, const std::vector<bool>& firstPresent = {}) {
  TableLayout layout;
  layout.name = "t";
  layout.columns = {ColumnLayout{"a", ValueKind::Int, ValueKind::Int, false, false},
                    ColumnLayout{"b", ValueKind::Int, ValueKind::Int, false, false}};
  Table t(layout);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i < firstPresent.size() && !firstPresent[i])
      t.columns[0].appendMissing();
    else
      t.columns[0].append(rows[i].first);
    t.columns[1].append(rows[i].second);
    ++t.rows;
  }
  return t;
}

std::vector<uint32_t> rowsOf(RowSpan span) {
  return std::vector<uint32_t>(span.begin(), span.end());
}

}  // namespace

TEST_CASE("a key index gives every row of a key in row order, and nothing for an absent key") {
  Table t = twoColumns({{7, 1}, {8, 2}, {7, 3}, {9, 4}, {7, 5}});
  KeyIndex index(t, {0});
  CHECK(rowsOf(index.find(int64_t{7})) == std::vector<uint32_t>{0, 2, 4});
  CHECK(rowsOf(index.find(int64_t{9})) == std::vector<uint32_t>{3});
  CHECK_FALSE(index.find(int64_t{10}));
  CHECK(index.find(int64_t{10}).empty());
  CHECK(index.duplicateRows() == std::vector<uint32_t>{0});
}

TEST_CASE("rows with a missing key cell are not indexed") {
  Table t = twoColumns({{1, 1}, {1, 2}, {1, 3}}, {true, false, true});
  KeyIndex index(t, {0});
  CHECK(rowsOf(index.find(int64_t{1})) == std::vector<uint32_t>{0, 2});
}

TEST_CASE("keys of two columns match on both") {
  Table t = twoColumns({{1, 1}, {1, 2}, {2, 1}, {1, 2}});
  KeyIndex index(t, {0, 1});
  CHECK(rowsOf(index.find(std::vector<int64_t>{1, 2})) == std::vector<uint32_t>{1, 3});
  CHECK(rowsOf(index.find(std::vector<int64_t>{2, 1})) == std::vector<uint32_t>{2});
  CHECK_FALSE(index.find(std::vector<int64_t>{2, 2}));
  CHECK(index.duplicateRows() == std::vector<uint32_t>{1});
}

TEST_CASE("many distinct keys, negative and large values, and an empty table") {
  std::vector<std::pair<int64_t, int64_t>> rows;
  for (int64_t i = 0; i < 50000; ++i) rows.emplace_back(i * 7919 - 100000, i);
  rows.emplace_back(INT64_MIN, 0);
  rows.emplace_back(INT64_MAX, 0);
  Table t = twoColumns(rows);
  KeyIndex index(t, {0});
  for (int64_t i = 0; i < 50000; i += 997)
    CHECK(rowsOf(index.find(i * 7919 - 100000)) == std::vector<uint32_t>{static_cast<uint32_t>(i)});
  CHECK(index.find(INT64_MIN).front() == 50000);
  CHECK(index.find(INT64_MAX).front() == 50001);
  CHECK_FALSE(index.find(int64_t{-1}));
  CHECK(index.duplicateRows().empty());
  Table empty = twoColumns({});
  CHECK_FALSE(KeyIndex(empty, {0}).find(int64_t{0}));
}
