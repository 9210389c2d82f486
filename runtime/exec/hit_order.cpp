// See hit_order.h.
#include "exec/hit_order.h"

#include <algorithm>
#include <tuple>

namespace fundguard {

namespace {
bool rowsBefore(const std::vector<RowRef>& a, const std::vector<RowRef>& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](const RowRef& x, const RowRef& y) {
    return std::tie(x.table, x.key) < std::tie(y.table, y.key);
  });
}
}  // namespace

bool hitBefore(const Hit& a, const Hit& b) {
  auto keys = [](const Hit& h) {
    return std::tie(h.rule, h.fixmedinsCode, h.period, h.psnNo, h.setlId, h.feedetlSn, h.message, h.amount,
                    h.fundAmount);
  };
  if (keys(a) != keys(b)) return keys(a) < keys(b);
  if (rowsBefore(a.violating, b.violating)) return true;
  if (rowsBefore(b.violating, a.violating)) return false;
  if (rowsBefore(a.involved, b.involved)) return true;
  if (rowsBefore(b.involved, a.involved)) return false;
  return a.evidence < b.evidence;
}

void sortHits(std::vector<Hit>& hits) {
  std::sort(hits.begin(), hits.end(), hitBefore);
}

}  // namespace fundguard
