// A dataset in memory: the tables read from a data directory (or built by a rule's test), all
// sharing one StringPool.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "data/string_pool.h"
#include "data/table.h"

namespace fundguard {

struct Dataset {
  StringPool strings;
  std::map<std::string, std::unique_ptr<Table>> tables;  // by table name

  Table* table(const std::string& name) {
    auto found = tables.find(name);
    return found == tables.end() ? nullptr : found->second.get();
  }
  const Table* table(const std::string& name) const {
    auto found = tables.find(name);
    return found == tables.end() ? nullptr : found->second.get();
  }
};

}  // namespace fundguard
