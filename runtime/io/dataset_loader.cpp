// Loading a data directory; see dataset_loader.h.
#include "io/dataset_loader.h"

#include <filesystem>

#include "io/cell_parser.h"
#include "io/table_reader.h"

namespace fundguard {

namespace {

// The order tables are read in: layout order, except that the settlement table goes first when
// reversals are excluded, because the fee lines to leave out are known only once it is read.
// A streamed table goes last: its batches are screened against all the others.
std::vector<size_t> readOrder(const std::vector<TableLayout>& layouts, const std::string& first,
                              const std::string& last) {
  std::vector<size_t> order;
  for (size_t i = 0; i < layouts.size(); ++i)
    if (!first.empty() && layouts[i].name == first) order.push_back(i);
  for (size_t i = 0; i < layouts.size(); ++i)
    if ((first.empty() || layouts[i].name != first) && layouts[i].name != last) order.push_back(i);
  for (size_t i = 0; i < layouts.size(); ++i)
    if (!last.empty() && layouts[i].name == last) order.push_back(i);
  return order;
}

}  // namespace

LoadResult loadDataset(const std::string& dir, const std::vector<TableLayout>& layouts, const LoadOptions& options) {
  LoadResult result;
  result.dataset = std::make_unique<Dataset>();
  result.stats.resize(layouts.size());
  for (size_t i = 0; i < layouts.size(); ++i) result.stats[i].name = layouts[i].name;

  const ReversalExclusion* reversals = options.reversals && !options.includeReversals ? &*options.reversals : nullptr;
  ReadBudget budget;
  budget.maxRejects = options.maxRejects;
  budget.memoryLimitBytes = options.memoryLimitBytes;

  std::vector<std::vector<Reject>> rejects(layouts.size());
  std::vector<std::vector<std::string>> warnings(layouts.size());
  std::vector<std::string> excludedSettlements;
  std::vector<bool> absent(layouts.size(), false);
  if (reversals) {
    bool declared = false;
    for (const TableLayout& layout : layouts) declared = declared || layout.name == reversals->settlementTable;
    if (!declared) {
      result.errors.push_back("reversal exclusion names table '" + reversals->settlementTable +
                              "', which is not declared");
      return result;
    }
  }
  const std::string streamed = options.stream ? options.stream->table : "";
  for (size_t i : readOrder(layouts, reversals ? reversals->settlementTable : "", streamed)) {
    const TableLayout& layout = layouts[i];
    TableStats& stats = result.stats[i];
    std::filesystem::path path = std::filesystem::path(dir) / (layout.name + ".csv");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      if (layout.hasShippedRows && layout.name != streamed) {
        // Reference data shipped with the rules stands in for the missing file, and says so.
        auto table = std::make_unique<Table>(layout);
        for (const TextRow& row : layout.shippedRows) {
          std::string reason;
          if (!appendTextRow(*table, row, result.dataset->strings, reason))
            warnings[i].push_back(layout.name + ": a shipped row does not fit: " + reason);
        }
        stats.shipped = true;
        stats.rowsRead = stats.rowsKept = table->rows;
        result.notes.push_back(layout.name + ".csv is not in the data: the " + std::to_string(table->rows) +
                               " rows its declaration ships are used");
        result.dataset->tables[layout.name] = std::move(table);
        continue;
      }
      absent[i] = true;
      continue;
    }
    stats.present = true;

    TableReadOptions read;
    read.encoding = options.encoding;
    read.chunkBytes = options.chunkBytes;
    read.budget = &budget;
    if (reversals && layout.name == reversals->settlementTable) {
      read.exclusion =
          RowExclusion{reversals->reversalColumn, {reversals->reversalValue}, reversals->settlementKeyColumn};
    } else if (reversals && !reversals->feeLineTable.empty() && layout.name == reversals->feeLineTable) {
      RowExclusion exclusion{reversals->feeLineLinkColumn, {}, ""};
      exclusion.values.insert(excludedSettlements.begin(), excludedSettlements.end());
      read.exclusion = std::move(exclusion);
    }

    if (layout.name == streamed) {
      Dataset& dataset = *result.dataset;
      read.batches = TableBatches{options.stream->batchRows, options.stream->groupColumn,
                                  [&](std::unique_ptr<Table> batch, std::string& error) {
                                    dataset.tables[layout.name] = std::move(batch);
                                    bool go_on = options.stream->onBatch(dataset, error);
                                    dataset.tables.erase(layout.name);
                                    return go_on;
                                  }};
    }
    TableReadResult table = readTable(path.string(), layout, result.dataset->strings, read);
    stats.encoding = table.encoding;
    stats.rowsRead = table.rowsRead;
    stats.rowsKept = table.rowsKept;
    stats.rowsRejected = table.rejects.size();
    stats.rowsExcluded = table.rowsExcluded;
    rejects[i] = std::move(table.rejects);
    warnings[i] = std::move(table.warnings);
    if (reversals && layout.name == reversals->settlementTable) excludedSettlements = std::move(table.excludedValues);
    if (!table.ok()) {
      result.errors.push_back(table.error);
      // A budget exceeded ends the load; a table that could not be read does not stop the others.
      bool overBudget = (budget.maxRejects && budget.rejects > *budget.maxRejects) ||
                        (budget.memoryLimitBytes && budget.memoryBytes > *budget.memoryLimitBytes);
      if (overBudget) break;
      continue;
    }
    if (table.table) result.dataset->tables[layout.name] = std::move(table.table);
  }

  for (size_t i = 0; i < layouts.size(); ++i) {
    if (absent[i]) result.absentTables.push_back(layouts[i].name);
    for (Reject& r : rejects[i]) result.rejects.push_back(std::move(r));
    for (std::string& w : warnings[i]) result.warnings.push_back(std::move(w));
  }
  return result;
}

}  // namespace fundguard
