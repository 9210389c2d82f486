// One decision of a rule, as `fundguard explain` sees it: the subject's keys, the `for each`
// element (if any), the condition's value and the hit made, with the evaluator whose frame holds
// the scope names, the lets and the element's loop lets at that moment.
#pragma once

#include <string>

#include "exec/hit.h"
#include "interp/value.h"

namespace fundguard::interp {
class Evaluator;
}

namespace fundguard::engine {

struct SubjectKeys {
  std::string setlId, feedetlSn, psnNo, fixmedinsCode, period;
};

struct Decision {
  interp::Evaluator& ev;
  const SubjectKeys& keys;
  const interp::Value* element;  // the `for each` element, or null
  const interp::Value& when;     // true, false, or missing (unknown: no data)
  const Hit* hit;                // the hit made here, or null
};

}  // namespace fundguard::engine
