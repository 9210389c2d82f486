// How both engines split a scope's subjects across threads: contiguous chunks in subject order
// (at most one per 1,024 subjects), each run on a thread of its own; the caller keeps each
// chunk's results apart and joins them in chunk order, so output does not depend on threads.
#pragma once

#include <cstddef>
#include <functional>

namespace fundguard::engine {

// The number of chunks `count` subjects are split into for `threads` threads.
unsigned chunkCount(size_t count, unsigned threads);

// Runs work(chunk, begin, end) for each of `chunks` chunks of [0, count), in parallel when
// there are several, and returns when all are done.
void runChunks(size_t count, unsigned chunks,
               const std::function<void(unsigned chunk, size_t begin, size_t end)>& work);

}  // namespace fundguard::engine
