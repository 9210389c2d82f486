// The IR interpreter: evaluates one rule's nodes over a frame of slots, reading the dataset
// through BoundData. It is the reference semantics of the IR (docs/semantics.md): the JIT must
// give the same results. One Evaluator per rule per thread; the scope runner (engine/) fills the
// scope's slots, then asks for lets, the condition and the hit's values.
#pragma once

#include <string>
#include <vector>

#include "engine/bound_data.h"
#include "interp/text_table.h"
#include "interp/value.h"
#include "ir/ir.h"

namespace fundguard::interp {

class Evaluator;

// Peer statistics and prior(): values of other subjects (institution scope), provided by the
// scope runner that knows them.
class PeerSource {
 public:
  virtual ~PeerSource() = default;
  virtual Value peer(const ir::Node& node, Evaluator& current) = 0;
};

class Evaluator {
 public:
  Evaluator(const engine::BoundData& data, const ir::Rule& rule, std::vector<Value> params);

  Value eval(const ir::Node& n);
  std::vector<Value> frame;  // one per rule slot
  // The `for each` list and the current position in it (previous/next).
  const std::vector<Value>* loopList = nullptr;
  size_t loopIndex = 0;
  size_t loopLetsDone = 0;  // how many of the rule's loop lets hold this element's values
  PeerSource* peers = nullptr;

  const ir::Rule& rule() const { return rule_; }
  const std::vector<Value>& params() const { return params_; }  // in force: defaults or the run's
  const engine::BoundData& data() const { return data_; }
  TextTable& texts() { return texts_; }
  // A value as text for messages and evidence: money 12.50, dates 2024-03-01, rows by their key.
  std::string format(const Value& v, const ir::Type& type);
  // The primary key of a row as text (several columns joined by '|').
  std::string rowKey(uint32_t table, int64_t row);

 private:
  Value field(const ir::Node& n);
  Value link(const ir::Node& n);
  Value lookup(const ir::Node& n);
  Value arithmetic(const ir::Node& n);
  Value compare(const ir::Node& n);
  Value call(const ir::Node& n);
  Value aggregate(const ir::Node& n);
  Value groups(const ir::Node& n, const std::vector<Value>& kept);
  Value constant(const ir::Node& n);
  int compareValues(const Value& a, const Value& b, const ir::Type& type);
  bool equalValues(const Value& a, const Value& b) const;

  const engine::BoundData& data_;
  const ir::Rule& rule_;
  std::vector<Value> params_;
  TextTable texts_;
};

}  // namespace fundguard::interp
