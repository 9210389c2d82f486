// Text ids during a run; see text_table.h.
#include "interp/text_table.h"

#include "interp/value.h"

namespace fundguard::interp {

const std::vector<Value>& Value::items() const {
  static const std::vector<Value> none;
  return list ? *list : none;
}

uint32_t TextTable::id(std::string_view text) {
  uint32_t found;
  if (pool_.find(text, found) && found < base_) return found;
  std::string key(text);
  auto it = extraIds_.find(key);
  if (it != extraIds_.end()) return it->second;
  auto id = static_cast<uint32_t>(base_ + extra_.size());
  extra_.push_back(key);
  extraIds_.emplace(std::move(key), id);
  return id;
}

std::string_view TextTable::text(int64_t id) const {
  auto u = static_cast<uint64_t>(id);
  if (u < base_) return pool_.text(static_cast<uint32_t>(u));
  return extra_[u - base_];
}

}  // namespace fundguard::interp
