// See hit_diff.h.
#include "exec/hit_diff.h"

#include <map>
#include <tuple>

namespace fundguard {

const char* ruleChangeName(RuleChange change) {
  switch (change) {
    case RuleChange::Unchanged:
      return "unchanged";
    case RuleChange::VersionOnly:
      return "version";
    case RuleChange::Changed:
      return "changed";
    case RuleChange::Added:
      return "added";
    case RuleChange::Removed:
      return "removed";
  }
  return "?";
}

bool changedWithoutBump(const RuleInfo& base, const RuleInfo& current) {
  return base.contentHash != current.contentHash && current.version <= base.version;
}

std::vector<const RuleDiff*> RuleSetDiff::unbumped() const {
  std::vector<const RuleDiff*> out;
  for (const RuleDiff& r : rules)
    if (r.unbumped) out.push_back(&r);
  return out;
}

namespace {

// What makes two hits the same finding: the subject and the rows it names as violating.
using HitKey = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;

HitKey keyOf(const Hit& hit) {
  std::string rows;
  for (const RowRef& r : hit.violating) {
    rows += r.table;
    rows += '\0';
    rows += r.key;
    rows += '\0';
  }
  return {hit.setlId, hit.feedetlSn, hit.psnNo, hit.fixmedinsCode, hit.period, rows};
}

void addMoney(const std::optional<int64_t>& from, const std::optional<int64_t>& to, int64_t& added, int64_t& removed) {
  int64_t delta = to.value_or(0) - from.value_or(0);
  if (delta > 0) added += delta;
  if (delta < 0) removed -= delta;
}

void add(RuleDiff& total, const RuleDiff& r) {
  total.hitsAdded += r.hitsAdded;
  total.hitsRemoved += r.hitsRemoved;
  total.hitsChanged += r.hitsChanged;
  total.hitsUnchanged += r.hitsUnchanged;
  total.amountAdded += r.amountAdded;
  total.amountRemoved += r.amountRemoved;
  total.fundAdded += r.fundAdded;
  total.fundRemoved += r.fundRemoved;
}

}  // namespace

RuleSetDiff diffRuleSets(const std::vector<RuleInfo>& baseRules, const std::vector<Hit>& baseHits,
                         const std::vector<RuleInfo>& currentRules, const std::vector<Hit>& currentHits) {
  RuleSetDiff out;
  out.baseHits = baseHits.size();
  out.currentHits = currentHits.size();
  std::map<std::string, RuleDiff> byId;
  for (const RuleInfo& r : baseRules) byId[r.id].base = r;
  for (const RuleInfo& r : currentRules) byId[r.id].current = r;
  for (auto& [id, d] : byId) {
    d.id = id;
    if (!d.base)
      d.change = RuleChange::Added;
    else if (!d.current)
      d.change = RuleChange::Removed;
    else if (d.base->contentHash != d.current->contentHash)
      d.change = RuleChange::Changed;
    else if (d.base->version != d.current->version)
      d.change = RuleChange::VersionOnly;
    d.unbumped = d.base && d.current && changedWithoutBump(*d.base, *d.current);
  }

  // Each rule's base hits by key (a key may repeat: then they pair in order), then the current
  // hits take their match, in canonical order.
  std::map<std::pair<std::string, HitKey>, std::vector<const Hit*>> pending;
  for (const Hit& h : baseHits) pending[{baseRules.at(h.rule).id, keyOf(h)}].push_back(&h);
  std::map<std::pair<std::string, HitKey>, size_t> taken;
  for (const Hit& h : currentHits) {
    const std::string& id = currentRules.at(h.rule).id;
    RuleDiff& d = byId[id];
    std::pair<std::string, HitKey> key{id, keyOf(h)};
    auto it = pending.find(key);
    size_t& next = taken[key];
    if (it == pending.end() || next >= it->second.size()) {
      ++d.hitsAdded;
      d.amountAdded += h.amount.value_or(0);
      d.fundAdded += h.fundAmount.value_or(0);
      d.hits.push_back({nullptr, &h});
      continue;
    }
    const Hit* b = it->second[next++];
    if (b->amount == h.amount && b->fundAmount == h.fundAmount && b->message == h.message) {
      ++d.hitsUnchanged;
      continue;
    }
    ++d.hitsChanged;
    addMoney(b->amount, h.amount, d.amountAdded, d.amountRemoved);
    addMoney(b->fundAmount, h.fundAmount, d.fundAdded, d.fundRemoved);
    d.hits.push_back({b, &h});
  }
  for (const auto& [key, hits] : pending) {
    RuleDiff& d = byId[key.first];
    auto t = taken.find(key);
    for (size_t i = t == taken.end() ? 0 : t->second; i < hits.size(); ++i) {
      ++d.hitsRemoved;
      d.amountRemoved += hits[i]->amount.value_or(0);
      d.fundRemoved += hits[i]->fundAmount.value_or(0);
      d.hits.push_back({hits[i], nullptr});
    }
  }
  for (auto& [id, d] : byId) {
    add(out.total, d);
    out.rules.push_back(std::move(d));
  }
  return out;
}

}  // namespace fundguard
