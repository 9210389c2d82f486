// The comparison of two screenings of the same data by two versions of a rule set (`fundguard
// diff`): per rule, which hits the new rules add and remove and how much money they move, and
// which rules were added, removed or changed (by their content hash, compiler/ir/rule_hash.h).
//
// Hits are matched by (rule id, subject keys, violating rows): the same rule finding the same
// subject for the same rows is the same hit, whatever its amount or message. A matched hit whose
// amount, fund amount or message differ is "changed"; the money it moves counts as added (more)
// or removed (less).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exec/hit.h"

namespace fundguard {

enum class RuleChange {
  Unchanged,    // same content hash, same version
  VersionOnly,  // same content hash, another version (a bump without a change of logic)
  Changed,      // another content hash
  Added,        // only in the new rule set
  Removed,      // only in the base rule set
};
const char* ruleChangeName(RuleChange change);  // "unchanged", "version", "changed", "added", "removed"

// A matched pair of hits, or a hit on one side only.
struct HitChange {
  const Hit* base = nullptr;     // null: added
  const Hit* current = nullptr;  // null: removed
};

struct RuleDiff {
  std::string id;
  std::optional<RuleInfo> base, current;  // absent on the side that lacks the rule
  RuleChange change = RuleChange::Unchanged;
  // The logic changed but the version was not raised: `fundguard diff` fails on it.
  bool unbumped = false;
  uint64_t hitsAdded = 0, hitsRemoved = 0, hitsChanged = 0, hitsUnchanged = 0;
  int64_t amountAdded = 0, amountRemoved = 0;  // 涉及医疗费用金额, fen
  int64_t fundAdded = 0, fundRemoved = 0;      // 其中医保基金, fen
  std::vector<HitChange> hits;                 // added and changed in the new run's order, then removed ones

  bool hitsDiffer() const { return hitsAdded + hitsRemoved + hitsChanged > 0; }
};

struct RuleSetDiff {
  std::vector<RuleDiff> rules;  // every rule of either side, by id
  uint64_t baseHits = 0, currentHits = 0;
  RuleDiff total;  // the sums; id empty

  // The rules whose logic changed without a version bump.
  std::vector<const RuleDiff*> unbumped() const;
};

// Compares the hits of the base rules with those of the current rules, over the same data.
// Each hit list is in canonical order (exec/hit_order.h) and indexes its own RuleInfo list; the
// result points into both hit lists, which must outlive it.
RuleSetDiff diffRuleSets(const std::vector<RuleInfo>& baseRules, const std::vector<Hit>& baseHits,
                         const std::vector<RuleInfo>& currentRules, const std::vector<Hit>& currentHits);

// A rule whose logic changed (content hash) without a higher version: the check that both
// `fundguard diff` and `fundguard check --base` apply.
bool changedWithoutBump(const RuleInfo& base, const RuleInfo& current);

}  // namespace fundguard
