// See subject_chunks.h.
#include "engine/subject_chunks.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace fundguard::engine {

unsigned chunkCount(size_t count, unsigned threads) {
  return std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(count / 1024 + 1)));
}

void runChunks(size_t count, unsigned chunks, const std::function<void(unsigned, size_t, size_t)>& work) {
  auto one = [&](unsigned chunk) { work(chunk, count * chunk / chunks, count * (chunk + 1) / chunks); };
  if (chunks <= 1) {
    one(0);
    return;
  }
  std::vector<std::thread> pool;
  for (unsigned c = 0; c < chunks; ++c) pool.emplace_back(one, c);
  for (auto& t : pool) t.join();
}

}  // namespace fundguard::engine
