// Loads a data directory into a Dataset: one NAME.csv per TableLayout (a file that is absent is
// recorded, not an error here: the caller decides what a missing table means), all sharing one
// StringPool, with the load-wide limits (rejects, memory) and the exclusion of reversal records.
// Tables are read in layout order (the settlement table first when reversals are excluded), so the
// result never depends on the order of files on disk.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "io/reject.h"
#include "io/text_decoder.h"

namespace fundguard {

// Which rows are reversal (refund) records, and which fee lines belong to them. The names come
// from the schema the rules declare; with the data contract's schema they are setl_d /
// refd_setl_flag = "1" / setl_id and fee_list_d.setl_id.
struct ReversalExclusion {
  std::string settlementTable;      // e.g. "setl_d"
  std::string settlementKeyColumn;  // e.g. "setl_id"
  std::string reversalColumn;       // e.g. "refd_setl_flag"
  std::string reversalValue = "1";
  std::string feeLineTable;       // e.g. "fee_list_d"; empty when fee lines are not followed
  std::string feeLineLinkColumn;  // e.g. "setl_id": the settlement a fee line belongs to
};

// One table read in batches rather than whole (see TableBatches): it is read last, and for each
// batch `onBatch` sees the dataset with every other table whole and this one holding the batch.
struct StreamedTable {
  std::string table;        // e.g. "fee_list_d"
  std::string groupColumn;  // e.g. "setl_id": rows of one value stay in one batch
  size_t batchRows = 1 << 20;
  std::function<bool(Dataset& dataset, std::string& error)> onBatch;
};

struct LoadOptions {
  Encoding encoding = Encoding::Auto;
  std::optional<uint64_t> maxRejects;        // more rejects than this (all tables) fails the load
  std::optional<uint64_t> memoryLimitBytes;  // an estimated footprint over this fails the load
  std::optional<ReversalExclusion> reversals;
  bool includeReversals = false;  // keep reversal rows and their fee lines after all
  std::optional<StreamedTable> stream;
  size_t chunkBytes = 1 << 20;
};

struct TableStats {
  std::string name;
  bool present = false;  // NAME.csv exists
  bool shipped = false;  // it does not, and the rows the table's declaration ships were used
  Encoding encoding = Encoding::Auto;
  uint64_t rowsRead = 0, rowsKept = 0, rowsRejected = 0, rowsExcluded = 0;
};

struct LoadResult {
  std::unique_ptr<Dataset> dataset;  // the tables read whole; set even when errors is not empty
  // Tables that could not be read (header problems) and load-wide stops (reject or memory
  // limit; the load ends there). Empty when everything present was read.
  std::vector<std::string> errors;
  std::vector<Reject> rejects;  // in layout order of their tables, then file order
  std::vector<std::string> warnings;
  std::vector<std::string> notes;         // facts worth saying, not problems (shipped rows used)
  std::vector<std::string> absentTables;  // layouts with no NAME.csv, in layout order
  std::vector<TableStats> stats;          // one per layout, in layout order
  bool ok() const { return errors.empty(); }
};

LoadResult loadDataset(const std::string& dir, const std::vector<TableLayout>& layouts,
                       const LoadOptions& options = {});

}  // namespace fundguard
