// See exact_numbers.h.
#include "interp/exact_numbers.h"

#include <algorithm>
#include <cmath>

#include "data/scalar_values.h"

namespace fundguard::interp {

int64_t scaleOf(ir::Kind kind) {
  return kind == ir::Kind::Money ? 100 : kind == ir::Kind::Dec ? kDecScale : 1;
}

long double rescale(ir::Kind from, ir::Kind to) {
  return static_cast<long double>(scaleOf(to)) / static_cast<long double>(scaleOf(from));
}

int64_t roundHalfAway(long double x) {
  return static_cast<int64_t>(x < 0 ? -std::floor(-x + 0.5L) : std::floor(x + 0.5L));
}

int64_t divRound(Wide num, Wide den) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  Wide q = num / den, r = num % den;
  if (2 * (r < 0 ? -r : r) >= den) q += num < 0 ? -1 : 1;
  return static_cast<int64_t>(q);
}

Statistics describe(std::vector<long double>& values) {
  Statistics s;
  long double sum = 0;
  for (long double v : values) sum += v;
  s.mean = sum / static_cast<long double>(values.size());
  long double squares = 0;
  for (long double v : values) squares += (v - s.mean) * (v - s.mean);
  s.stddev = std::sqrt(squares / static_cast<long double>(values.size()));
  std::sort(values.begin(), values.end());
  size_t mid = values.size() / 2;
  s.median = values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  return s;
}

}  // namespace fundguard::interp
