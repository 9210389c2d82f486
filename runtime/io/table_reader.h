// Reads one NAME.csv into a columnar Table laid out as a TableLayout says: the header row names
// the columns (any order), every field is parsed by its column's kind into the exact form of
// scalar_values.h, and a record that cannot be read whole is rejected whole (a Reject naming file,
// line, column, raw text and reason) so that no row is ever half-kept or silently dropped.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "data/string_pool.h"
#include "data/table.h"
#include "io/reject.h"
#include "io/text_decoder.h"

namespace fundguard {

// Limits shared by all the tables of one load; the reader adds what it uses as it reads.
struct ReadBudget {
  std::optional<uint64_t> maxRejects;  // more rejects than this stops the load
  uint64_t rejects = 0;
  std::optional<uint64_t> memoryLimitBytes;  // an estimate over this stops the load
  uint64_t memoryBytes = 0;                  // estimated: 9 bytes a cell, list items, pooled text, key index
};

// Rows to leave out (not rejected: they are valid, just not screened), e.g. reversal records.
struct RowExclusion {
  std::string column;                      // a column of the layout
  std::unordered_set<std::string> values;  // a row whose text in `column` is one of these
  std::string collectColumn;               // optional: report this column of excluded rows
};

// Reading a table in batches instead of whole (a fee-line file larger than memory): every
// `rows` kept rows, at the next change of `groupColumn` (so that a settlement's lines stay in one
// batch), the batch goes to `onBatch`, and the texts it added to the pool are forgotten
// (StringPool::rollback) before the next. Duplicate keys are detected within a batch only.
struct TableBatches {
  size_t rows = 1 << 20;
  std::string groupColumn;
  // Called for every batch, the last one included (possibly empty); false stops the read with
  // `error` set.
  std::function<bool(std::unique_ptr<Table> batch, std::string& error)> onBatch;
};

struct TableReadOptions {
  Encoding encoding = Encoding::Auto;
  size_t chunkBytes = 1 << 20;
  ReadBudget* budget = nullptr;  // no limits when null
  std::optional<RowExclusion> exclusion;
  std::optional<TableBatches> batches;  // read in batches; TableReadResult::table stays null
};

struct TableReadResult {
  std::unique_ptr<Table> table;  // null when `error` is set
  // Why the table could not be read (missing file or header, a key or required column absent
  // from the header, a budget exceeded). Rejects found up to then are kept.
  std::string error;
  std::vector<Reject> rejects;
  std::vector<std::string> warnings;   // e.g. header columns the layout does not declare
  Encoding encoding = Encoding::Auto;  // the encoding used (resolved when Auto)
  uint64_t rowsRead = 0;               // records after the header
  uint64_t rowsKept = 0;
  uint64_t rowsExcluded = 0;
  std::vector<std::string> excludedValues;  // RowExclusion::collectColumn of excluded rows, in order
  bool ok() const { return error.empty(); }
};

// Reads `path` (named so in rejects and messages) into a Table of `layout`, interning text into
// `strings` (the dataset's pool). Per field, by kind: money in fen (more than 2 decimals rejects),
// dec to 4 places, int, date, datetime, bool (0, 1, true, false), str and code interned (codes are
// not checked against a dictionary here), list split on '|' with each item of the element kind.
// An empty field is missing; empty in a key or required column, the record is rejected, as is a
// record repeating the key of an earlier one.
TableReadResult readTable(const std::string& path, const TableLayout& layout, StringPool& strings,
                          const TableReadOptions& options = {});

}  // namespace fundguard
