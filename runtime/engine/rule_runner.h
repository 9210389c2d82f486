// Runs one rule over the subjects of its scope: fills the scope's slots, evaluates the lets,
// the `for each` and the condition, and makes a Hit wherever the condition is true. Line, claim
// and person subjects are independent and are split across threads; the hits of each chunk are
// kept in subject order, so the result does not depend on the thread count.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/decision.h"
#include "engine/subjects.h"
#include "exec/hit.h"
#include "interp/evaluator.h"

namespace fundguard::engine {

// A subject (by its index in the scope's subject list) and the `for each` element (and second
// element of a pair) where a compiled rule's condition held; -1 where there is none.
struct FoundHit {
  int64_t subject, element, second;
};

class RuleRunner {
 public:
  RuleRunner(BoundData& data, Subjects& subjects, const ir::Rule& rule, size_t ruleIndex,
             std::vector<interp::Value> params);
  // Screens every subject; returns the number of subjects screened.
  size_t run(std::vector<Hit>& out, unsigned threads);
  // `fundguard explain`: run() screens only the subjects `only` accepts and shows every decision
  // to `observer`.
  void observe(std::function<bool(const SubjectKeys&)> only, std::function<void(const Decision&)> observer) {
    only_ = std::move(only);
    observer_ = std::move(observer);
  }
  // After run(): the decisions (subjects, or `for each` elements) whose condition was unknown
  // because a value it needs is missing: the rule's "no data" count.
  uint64_t undecided() const { return undecided_; }
  // The subjects run() would screen (those in the rule's effective dates).
  size_t screenable();
  // The hits the JIT found, made as run() makes them (amounts, message, evidence). The
  // condition is checked again: a disagreement between the engines throws std::logic_error.
  void materialize(const std::vector<FoundHit>& found, std::vector<Hit>& out);

 private:
  template <typename Subject, typename Fill>
  size_t runEach(const std::vector<Subject>& subjects, Fill fill, std::vector<Hit>& out, unsigned threads);
  size_t runInstitutions(std::vector<Hit>& out, const std::vector<FoundHit>* found = nullptr);
  bool fillLine(interp::Evaluator& ev, const LineSubject& s, SubjectKeys& keys);
  bool fillClaim(interp::Evaluator& ev, uint32_t settlement, SubjectKeys& keys);
  bool fillPerson(interp::Evaluator& ev, const PersonSubject& s, SubjectKeys& keys);
  // The hit at one element of the subject whose scope slots are filled.
  void screenAt(interp::Evaluator& ev, const SubjectKeys& keys, const FoundHit& at, std::vector<Hit>& out);
  // Lets, `for each`, condition and hits for the subject whose scope slots are filled; returns
  // the number of undecided decisions.
  uint64_t screen(interp::Evaluator& ev, const SubjectKeys& keys, std::vector<Hit>& out);
  void evaluateLets(interp::Evaluator& ev);      // before `for each`: once per subject
  void evaluateLoopLets(interp::Evaluator& ev);  // after it: once per element
  // Makes the hit; false when the rule's effective dates exclude it (person, institution).
  bool emit(interp::Evaluator& ev, SubjectKeys keys, const interp::Value* element, std::vector<Hit>& out);
  void rowRefs(interp::Evaluator& ev, const ir::Node* node, std::vector<RowRef>& out);
  void settlementKeys(interp::Evaluator& ev, int64_t settlement, SubjectKeys& keys);
  void lineKeys(interp::Evaluator& ev, int64_t line, SubjectKeys& keys);
  bool effectiveOn(int64_t day) const;

  BoundData& data_;
  Subjects& subjects_;
  const ir::Rule& rule_;
  size_t ruleIndex_;
  std::vector<interp::Value> params_;
  uint64_t undecided_ = 0;
  std::function<bool(const SubjectKeys&)> only_;
  std::function<void(const Decision&)> observer_;
};

}  // namespace fundguard::engine
