// Peer statistics and prior() for institution rules: the value of an expression for the other
// institutions of the same period with the same `peers by` value (the institution itself
// included), or for the same institution in the previous period. Each subject's lets are
// computed first (its base frame), so a peer's value is computed in the peer's own frame.
// Inside a `for each`, the other subject's value is for its own element that matches ours (the
// group with the same keys, the same row), with its own values of the loop's lets so far.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/subjects.h"
#include "interp/evaluator.h"

namespace fundguard::engine {

// Whether the expression asks for peer statistics or prior() anywhere in it.
bool asksPeers(const ir::Node* n);

class InstitutionPeers : public interp::PeerSource {
 public:
  InstitutionPeers(const ir::Rule& rule, const std::vector<InstitutionSubject>& subjects,
                   std::vector<std::vector<interp::Value>> frames, std::vector<interp::Value> peerKeys);
  size_t current = 0;  // the subject being screened
  interp::Value peer(const ir::Node& node, interp::Evaluator& ev) override;

  static std::string previousPeriod(const std::string& period, ir::Period kind);

 private:
  interp::Value valueAt(const ir::Node& arg, size_t subject, interp::Evaluator& ev);

  const ir::Rule& rule_;
  const std::vector<InstitutionSubject>& subjects_;
  std::vector<std::vector<interp::Value>> frames_;
  std::vector<interp::Value> peerKeys_;
  ir::Period period_;
  std::map<std::pair<std::string, std::pair<bool, int64_t>>, std::vector<size_t>> groups_;  // (period, key)
  std::map<std::pair<int64_t, std::string>, size_t> byInstitution_;                         // (code, period)
  std::map<std::pair<const ir::Node*, size_t>, interp::Value> memo_;
  std::vector<interp::Value> elements_;  // each subject's `for each` list, once computed
  std::vector<bool> asksPeers_;          // per loop let: whether it uses peers or prior itself
};

}  // namespace fundguard::engine
