// The canonical order of hits in every output, so a run's hits file is byte-identical whatever
// the thread count or the order in which workers finished.
#pragma once

#include <vector>

#include "exec/hit.h"

namespace fundguard {

// Strict weak order, and a total one on hit content: by rule index (the rule set's order), then
// fixmedins_code, period, psn_no, setl_id, feedetl_sn, message; then, so that no two different
// hits are ever tied, amount, fund_amount (absent before present), violating, involved and
// evidence. Strings compare by bytes (UTF-8 byte order is code point order), so "S10" sorts
// before "S2": the order is meant to be stable, not numeric. Hits equal under it are identical,
// so their relative order cannot show in the output.
bool hitBefore(const Hit& a, const Hit& b);

// Sorts into the order above.
void sortHits(std::vector<Hit>& hits);

}  // namespace fundguard
