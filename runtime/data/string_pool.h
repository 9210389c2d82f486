// Interned text: every str and code value of a dataset is stored once and named by a 32-bit id,
// so the hot loops compare and hash integers (dictionary encoding). One pool per dataset: the same
// text has the same id in every table, which is what makes look-ups across tables integer joins.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace fundguard {

class StringPool {
 public:
  StringPool();
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;

  // The id of `text`, adding it when new. Id 0 is the empty string.
  uint32_t intern(std::string_view text);
  // The id of `text` if present (a look-up key absent from the pool matches no row).
  bool find(std::string_view text, uint32_t& id) const;
  std::string_view text(uint32_t id) const { return views_[id]; }
  size_t size() const { return views_.size(); }
  // Forgets every text added since the pool had `size` texts (a streamed batch is done with them:
  // no id above `size` is held any more). Ids below stay as they were.
  void rollback(size_t size);

 private:
  std::deque<std::string> storage_;  // stable addresses for the views
  std::deque<std::string_view> views_;
  std::unordered_map<std::string_view, uint32_t> ids_;
};

}  // namespace fundguard
