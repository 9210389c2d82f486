// See rule_set_hash.h.
#include "exec/rule_set_hash.h"

#include <algorithm>
#include <cstdint>

#include "support/sha256.h"

namespace fundguard {

std::string ruleSetHash(std::vector<std::pair<std::string, std::string>> files) {
  // Sorting the pairs orders by path and, for a path named twice, by contents: still canonical.
  std::sort(files.begin(), files.end());
  Sha256 h;
  for (const auto& [path, contents] : files) {
    h.update(path);
    h.update(std::string_view("\0", 1));
    char length[8];
    auto n = static_cast<uint64_t>(contents.size());
    for (int i = 7; i >= 0; --i, n >>= 8) length[i] = static_cast<char>(n & 0xFF);
    h.update(std::string_view(length, sizeof length));
    h.update(contents);
  }
  return h.hexDigest();
}

}  // namespace fundguard
