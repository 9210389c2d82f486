// Interned text; see string_pool.h.
#include "data/string_pool.h"

namespace fundguard {

StringPool::StringPool() {
  intern("");
}

uint32_t StringPool::intern(std::string_view text) {
  auto found = ids_.find(text);
  if (found != ids_.end()) return found->second;
  storage_.emplace_back(text);
  std::string_view stored = storage_.back();
  auto id = static_cast<uint32_t>(views_.size());
  views_.push_back(stored);
  ids_.emplace(stored, id);
  return id;
}

bool StringPool::find(std::string_view text, uint32_t& id) const {
  auto found = ids_.find(text);
  if (found == ids_.end()) return false;
  id = found->second;
  return true;
}

void StringPool::rollback(size_t size) {
  while (views_.size() > size) {
    ids_.erase(views_.back());
    views_.pop_back();
    storage_.pop_back();
  }
}

}  // namespace fundguard
