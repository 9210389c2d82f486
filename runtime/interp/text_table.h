// Text ids during a run. Text from the data and the rules' constants is in the dataset's
// StringPool (interned before evaluation starts, so the pool is only read while rules run and
// several threads may share it). Text a rule computes (prefix, month, label) that is not in the
// pool gets an id above the pool's, private to one evaluator: equal text always has equal id.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

#include "data/string_pool.h"

namespace fundguard::interp {

class TextTable {
 public:
  explicit TextTable(const StringPool& pool) : pool_(pool), base_(static_cast<uint32_t>(pool.size())) {}
  uint32_t id(std::string_view text);
  std::string_view text(int64_t id) const;

 private:
  const StringPool& pool_;
  uint32_t base_;
  std::deque<std::string> extra_;
  std::unordered_map<std::string, uint32_t> extraIds_;
};

}  // namespace fundguard::interp
