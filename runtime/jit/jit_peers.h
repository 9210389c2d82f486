// Peer statistics and prior() for the compiled institution rules: the semantics of
// engine/institution_peers.h (which the interpreter uses) over the JIT's frames of Cells. A
// peer's value is computed by the compiled argument function in the peer's own frame (its lets
// as the first pass left them); inside a `for each`, for its element that matches ours, with its
// own values of the loop lets computed so far.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/subjects.h"
#include "jit/compiled_rules.h"
#include "jit/thread_runtime.h"

namespace fundguard::jit {

class JitPeers {
 public:
  JitPeers(const CompiledRules& code, const InstitutionCode& rule, const KernelContext& context,
           const std::vector<engine::InstitutionSubject>& subjects, std::vector<std::vector<Cell>> frames,
           std::vector<Cell> peerKeys);
  size_t current = 0;  // the subject being screened
  Cell peer(size_t site, Cell* frame, ThreadRuntime& runtime);

 private:
  Cell valueAt(size_t site, size_t subject, const Cell* frame, ThreadRuntime& runtime);
  bool sameElement(const Cell& a, const Cell& b) const;

  const CompiledRules& code_;
  const InstitutionCode& rule_;
  const ir::Rule& ir_;
  const KernelContext& context_;
  const std::vector<engine::InstitutionSubject>& subjects_;
  std::vector<std::vector<Cell>> frames_;
  std::vector<Cell> peerKeys_;
  std::map<std::pair<std::string, int64_t>, std::vector<size_t>> groups_;  // (period, key)
  std::map<std::pair<int64_t, std::string>, size_t> byInstitution_;        // (code, period)
  std::map<std::pair<size_t, size_t>, Cell> memo_;                         // (site, subject)
  std::vector<List*> elements_;  // each subject's `for each` list, once computed
  std::vector<bool> asksPeers_;  // per loop let
};

}  // namespace fundguard::jit
