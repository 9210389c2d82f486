// Runs one rule over the subjects of its scope: fills the scope's slots, evaluates the lets,
// the `for each` and the condition, and makes a Hit wherever the condition is true. Line, claim
// and person subjects are independent and are split across threads; the hits of each chunk are
// kept in subject order, so the result does not depend on the thread count.
#pragma once

#include <string>
#include <vector>

#include "engine/subjects.h"
#include "exec/hit.h"
#include "interp/evaluator.h"

namespace fundguard::engine {

struct SubjectKeys {
  std::string setlId, feedetlSn, psnNo, fixmedinsCode, period;
};

class RuleRunner {
 public:
  RuleRunner(BoundData& data, Subjects& subjects, const ir::Rule& rule, size_t ruleIndex,
             std::vector<interp::Value> params);
  // Screens every subject; returns the number of subjects screened.
  size_t run(std::vector<Hit>& out, unsigned threads);

 private:
  template <typename Subject, typename Fill>
  size_t runEach(const std::vector<Subject>& subjects, Fill fill, std::vector<Hit>& out, unsigned threads);
  size_t runInstitutions(std::vector<Hit>& out);
  // Lets, `for each`, condition and hits for the subject whose scope slots are filled.
  void screen(interp::Evaluator& ev, const SubjectKeys& keys, std::vector<Hit>& out);
  void evaluateLets(interp::Evaluator& ev);      // before `for each`: once per subject
  void evaluateLoopLets(interp::Evaluator& ev);  // after it: once per element
  void emit(interp::Evaluator& ev, SubjectKeys keys, const interp::Value* element, std::vector<Hit>& out);
  void rowRefs(interp::Evaluator& ev, const ir::Node* node, std::vector<RowRef>& out);
  void settlementKeys(interp::Evaluator& ev, int64_t settlement, SubjectKeys& keys);
  void lineKeys(interp::Evaluator& ev, int64_t line, SubjectKeys& keys);
  bool effectiveOn(int64_t day) const;

  BoundData& data_;
  Subjects& subjects_;
  const ir::Rule& rule_;
  size_t ruleIndex_;
  std::vector<interp::Value> params_;
};

}  // namespace fundguard::engine
