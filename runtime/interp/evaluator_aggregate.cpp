// The interpreter's aggregates: one pass over the source list with the element in its slot,
// keeping the elements whose filter is true (missing counts as not kept, as in `when`).
// Missing values are left out of sums and statistics (exact_numbers.h); a sum of nothing is 0, a minimum,
// maximum, mean, median or standard deviation of nothing is missing (docs/semantics.md).
#include <algorithm>
#include <map>

#include "interp/evaluator.h"
#include "interp/exact_numbers.h"

namespace fundguard::interp {

using ir::Fn;
using ir::Kind;

Value Evaluator::aggregate(const ir::Node& n) {
  Value source = eval(*n.args[0]);
  const ir::Node* valueNode = n.args[1];
  const ir::Node* filter = n.args[2];
  std::vector<Value> kept;    // the elements that pass the filter
  std::vector<Value> values;  // their values (when the aggregate has one), missing included
  size_t total = 0;
  Value saved = frame[n.index];
  for (const Value& element : source.items()) {
    ++total;
    frame[n.index] = element;
    if (filter) {
      Value f = eval(*filter);
      if (!f.isTrue()) {
        if (n.fn == Fn::All) {  // every element must be TRUE: an unknown one makes it false
          frame[n.index] = saved;
          return Value::boolean(false);
        }
        continue;
      }
    }
    kept.push_back(element);
    if (valueNode && n.fn != Fn::Groups) values.push_back(eval(*valueNode));
    if (n.fn == Fn::Exists) break;
  }
  if (n.fn == Fn::Groups) {
    Value out = groups(n, kept);
    frame[n.index] = saved;
    return out;
  }
  frame[n.index] = saved;

  std::vector<int64_t> present;
  for (const Value& v : values)
    if (v.present) present.push_back(v.i);
  Kind valueKind = valueNode ? valueNode->type.kind() : Kind::Int;
  Kind resultKind = n.type.kind();
  switch (n.fn) {
    case Fn::Count:  // count(x in L) counts elements; count(x.v for x in L) the values present
      return Value::of(static_cast<int64_t>(valueNode ? present.size() : kept.size()));
    case Fn::Exists:
      return Value::boolean(!kept.empty());
    case Fn::All:
      return Value::boolean(true);
    case Fn::Share:
      if (total == 0) return Value::missing();
      return Value::of(roundHalfAway(static_cast<long double>(kept.size()) * 10000.0L / total));
    case Fn::Filter:
      return Value::ofList(std::move(kept));
    case Fn::First:
    case Fn::Last: {
      if (kept.empty()) return Value::missing();
      if (valueNode) return n.fn == Fn::First ? values.front() : values.back();
      return n.fn == Fn::First ? kept.front() : kept.back();
    }
    case Fn::Flatten: {
      std::vector<Value> items;
      for (const Value& v : values) items.insert(items.end(), v.items().begin(), v.items().end());
      return Value::ofList(std::move(items));
    }
    case Fn::Sum: {
      int64_t sum = 0;
      for (int64_t v : present) sum += v;
      return Value::of(sum);
    }
    case Fn::Distinct: {
      std::sort(present.begin(), present.end());
      return Value::of(static_cast<int64_t>(std::unique(present.begin(), present.end()) - present.begin()));
    }
    case Fn::Min:
    case Fn::Max: {
      bool found = false;
      Value best;
      for (const Value& v : values) {
        if (!v.present) continue;
        int c = found ? compareValues(v, best, valueNode->type) : 0;
        if (!found || (n.fn == Fn::Min ? c < 0 : c > 0)) best = v;
        found = true;
      }
      return found ? best : Value::missing();
    }
    case Fn::Avg:
    case Fn::Median:
    case Fn::Stddev: {
      if (present.empty()) return Value::missing();
      std::vector<long double> numbers(present.begin(), present.end());
      Statistics stats = describe(numbers);
      long double k = rescale(valueKind, resultKind);
      long double x = n.fn == Fn::Avg ? stats.mean : n.fn == Fn::Median ? stats.median : stats.stddev;
      return Value::of(roundHalfAway(x * k));
    }
    default:
      break;
  }
  return Value::missing();
}

// groups(x in list by k1: e1, ...): one group per distinct key tuple, in order of first
// appearance; elements keep their order. Elements with a missing key form their own group.
Value Evaluator::groups(const ir::Node& n, const std::vector<Value>& kept) {
  std::map<std::vector<std::pair<bool, int64_t>>, size_t> index;
  std::vector<std::shared_ptr<GroupValue>> out;
  for (const Value& element : kept) {
    frame[n.index] = element;
    std::vector<Value> keys;
    std::vector<std::pair<bool, int64_t>> id;
    for (size_t k = 3; k < n.args.size(); ++k) {
      keys.push_back(eval(*n.args[k]));
      id.emplace_back(keys.back().present, keys.back().present ? keys.back().i : 0);
    }
    auto [it, inserted] = index.emplace(id, out.size());
    if (inserted) {
      out.push_back(std::make_shared<GroupValue>());
      out.back()->keys = std::move(keys);
    }
    out[it->second]->elements.push_back(element);
  }
  std::vector<Value> items;
  for (auto& g : out) {
    Value v;
    v.present = true;
    v.group = std::move(g);
    items.push_back(std::move(v));
  }
  return Value::ofList(std::move(items));
}

}  // namespace fundguard::interp
