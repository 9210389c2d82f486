// What `fundguard explain` shows about one rule and one record: the parameters in force, and per
// subject the lets, the reference rows the rule looked up, and per decision (per `for each`
// element) the condition split into its `and` parts, each with its value and the values of the
// two sides of a comparison, and the outcome: hit (with amount, message), no hit, or undecided
// (a needed value missing: no data). Built from the engine's decisions (engine/decision.h) by
// evaluating the rule's own expressions again in the decision's frame, so what it shows is what
// the engine computed.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/decision.h"
#include "ir/ir.h"

namespace fundguard::engine {

struct ExplainedTerm {
  std::string source;  // the expression as written
  std::string value;   // formatted; empty with present = false when missing
  bool present = true;
};

struct ExplainedCondition {
  std::string source;
  std::string value;                    // "true", "false" or "unknown"
  std::vector<ExplainedTerm> operands;  // the sides of a comparison, the argument of `not`
};

struct ExplainedRow {
  std::string table, key;
  std::vector<std::pair<std::string, std::string>> columns;  // name, value (non-empty only)
};

struct ExplainedDecision {
  std::string element;  // the `for each` element ("fee_list_d F12"), empty without a loop
  std::vector<ExplainedTerm> loopLets;
  std::vector<ExplainedCondition> conditions;  // the parts of `when` joined by `and`, in order
  std::string outcome;                         // "hit", "no_hit" or "undecided"
  std::optional<Hit> hit;
};

struct ExplainedSubject {
  SubjectKeys keys;
  std::vector<ExplainedTerm> lets;
  std::vector<ExplainedRow> rows;  // reference rows looked up (not settlements or fee lines)
  std::vector<ExplainedDecision> decisions;
};

struct ExplainedParam {
  std::string name, type, value, label;
  bool given = false;  // set for this run (--param), not the default
};

struct Explanation {
  std::string ruleId, title, file, scope, kind;
  int version = 0;
  std::vector<ExplainedParam> params;
  std::vector<ExplainedSubject> subjects;
};

// The expression text of an IR node's source range.
using SourceText = std::function<std::string(const ir::SourceRange&)>;

class ExplanationBuilder {
 public:
  ExplanationBuilder(const ir::RuleSet& set, const ir::Rule& rule, SourceText source);
  // Records one decision (call from ScreeningOptions::onDecision).
  void add(const Decision& d);
  // Only the decisions whose `for each` element is the row of `table` with this key (a fee line
  // of a claim rule, a settlement of a person rule); decisions over other elements are all kept.
  void onlyElement(std::string table, std::string key) {
    onlyTable_ = std::move(table);
    onlyElement_ = std::move(key);
  }
  Explanation& result() { return out_; }

 private:
  ExplainedTerm term(interp::Evaluator& ev, const ir::Node& n);
  void conditions(interp::Evaluator& ev, const ir::Node& n, std::vector<ExplainedCondition>& out);
  void rowsOf(interp::Evaluator& ev, const ir::Node& n, ExplainedSubject& subject);
  std::string source(const ir::Node& n) const;

  const ir::RuleSet& set_;
  const ir::Rule& rule_;
  SourceText source_;
  Explanation out_;
  std::string onlyTable_, onlyElement_;
};

}  // namespace fundguard::engine
