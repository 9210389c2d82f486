// The number helpers the interpreter and the peer statistics share: each kind's scale in its
// exact representation (int 1, money 100 fen, dec 10^4), rounding half away from zero, and the
// statistics (mean, population standard deviation, median) computed in long double from exact
// values, then rounded back to a representation by the caller.
#pragma once

#include <cstdint>
#include <vector>

#include "ir/ir_type.h"

namespace fundguard::interp {

int64_t scaleOf(ir::Kind kind);
// The factor that takes a value of kind `from` to the representation of kind `to`.
long double rescale(ir::Kind from, ir::Kind to);
int64_t roundHalfAway(long double x);

// Exact products of two 64-bit values (GCC and Clang), and num / den rounded half away from
// zero (den != 0): the arithmetic of money, dec and int in both engines.
__extension__ typedef __int128 Wide;
int64_t divRound(Wide num, Wide den);

struct Statistics {
  long double mean = 0, stddev = 0, median = 0;  // stddev: population (all the values there are)
};
// Of a non-empty list of values (sorted in place).
Statistics describe(std::vector<long double>& values);

}  // namespace fundguard::interp
