// A rule set's tables bound to a dataset's: which tables are present, and the key indexes that
// links, look-ups and rows() use. Indexes are built before evaluation (prepare), so evaluators on
// several threads only read them.
#pragma once

#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "data/dataset.h"
#include "ir/ir.h"

namespace fundguard::engine {

class BoundData {
 public:
  BoundData(const ir::RuleSet& set, Dataset& data);

  const ir::RuleSet& set() const { return set_; }
  Dataset& dataset() const { return data_; }
  const Table* table(uint32_t irTable) const { return tables_[irTable]; }

  // Builds (once) the index of `table` on `columns`. Not thread-safe: call before running.
  void prepareIndex(uint32_t table, const std::vector<uint32_t>& columns);
  // Every index the rule's nodes need, and the tables it reads (sorted, unique).
  void prepareRule(const ir::Rule& rule, std::vector<uint32_t>& tablesRead);
  // An index made by prepareIndex (null when the table is absent).
  const KeyIndex* index(uint32_t table, const std::vector<uint32_t>& columns) const;

 private:
  const ir::RuleSet& set_;
  Dataset& data_;
  std::vector<const Table*> tables_;
  std::map<std::pair<uint32_t, std::vector<uint32_t>>, std::unique_ptr<KeyIndex>> indexes_;
};

}  // namespace fundguard::engine
