// See institution_peers.h.
#include "engine/institution_peers.h"

#include "interp/exact_numbers.h"

#include <cstdio>
#include <functional>

namespace fundguard::engine {

using interp::Value;

bool asksPeers(const ir::Node* n) {
  if (!n) return false;
  if (n->op == ir::Op::Peer) return true;
  for (const ir::Node* a : n->args)
    if (asksPeers(a)) return true;
  return false;
}

namespace {
bool sameKeys(const interp::GroupValue& a, const interp::GroupValue& b) {
  if (a.keys.size() != b.keys.size()) return false;
  for (size_t k = 0; k < a.keys.size(); ++k)
    if (a.keys[k].present != b.keys[k].present || a.keys[k].i != b.keys[k].i) return false;
  return true;
}
}  // namespace

InstitutionPeers::InstitutionPeers(const ir::Rule& rule, const std::vector<InstitutionSubject>& subjects,
                                   std::vector<std::vector<Value>> frames, std::vector<Value> peerKeys)
    : rule_(rule),
      subjects_(subjects),
      frames_(std::move(frames)),
      peerKeys_(std::move(peerKeys)),
      period_(rule.period),
      elements_(subjects.size()) {
  for (const ir::Let& let : rule.loopLets) asksPeers_.push_back(asksPeers(let.value));
  for (size_t i = 0; i < subjects.size(); ++i) {
    byInstitution_[{subjects[i].fixmedinsCode, subjects[i].period}] = i;
    if (i < peerKeys_.size() && peerKeys_[i].present)
      groups_[{subjects[i].period, {true, peerKeys_[i].i}}].push_back(i);
  }
}

std::string InstitutionPeers::previousPeriod(const std::string& period, ir::Period kind) {
  int year = std::atoi(period.substr(0, 4).c_str());
  char buf[48];
  if (kind == ir::Period::Year) {
    std::snprintf(buf, sizeof buf, "%04d", year - 1);
  } else if (kind == ir::Period::Quarter) {
    int q = period.size() > 5 ? period[5] - '0' : 1;
    std::snprintf(buf, sizeof buf, "%04dQ%d", q == 1 ? year - 1 : year, q == 1 ? 4 : q - 1);
  } else {
    int m = period.size() >= 7 ? std::atoi(period.substr(5, 2).c_str()) : 1;
    std::snprintf(buf, sizeof buf, "%04d-%02d", m == 1 ? year - 1 : year, m == 1 ? 12 : m - 1);
  }
  return buf;
}

Value InstitutionPeers::valueAt(const ir::Node& arg, size_t subject, interp::Evaluator& ev) {
  bool inLoop = ev.loopList != nullptr;
  auto key = std::make_pair(&arg, subject);
  if (!inLoop)
    if (auto found = memo_.find(key); found != memo_.end()) return found->second;
  std::vector<Value> saved = ev.frame;
  const auto* savedList = ev.loopList;
  size_t letsDone = ev.loopLetsDone;
  ev.frame = frames_[subject];
  ev.loopList = nullptr;
  auto restore = [&]() {
    ev.frame = std::move(saved);
    ev.loopList = savedList;
    ev.loopLetsDone = letsDone;
  };
  if (inLoop) {
    // The other subject's element that matches ours: the group with the same keys, the same row.
    const Value* mine = &saved[rule_.forEachSlot];
    auto& list = elements_[subject];
    if (!list.present) list = ev.eval(*rule_.forEach);
    const Value* match = nullptr;
    for (const Value& e : list.items()) {
      bool same =
          e.group && mine->group ? sameKeys(*e.group, *mine->group) : (e.present == mine->present && e.i == mine->i);
      if (same) {
        match = &e;
        break;
      }
    }
    if (!match) {
      restore();
      return Value::missing();  // the peer has no such element: it takes no part
    }
    ev.frame[rule_.forEachSlot] = *match;
    // Its own values of the loop's lets so far; a let that asks the peers itself is left out.
    for (size_t i = 0; i < letsDone && i < rule_.loopLets.size(); ++i)
      if (!asksPeers_[i]) ev.frame[rule_.loopLets[i].slot] = ev.eval(*rule_.loopLets[i].value);
  }
  Value v = ev.eval(arg);
  restore();
  if (!inLoop) memo_.emplace(key, v);
  return v;
}

Value InstitutionPeers::peer(const ir::Node& node, interp::Evaluator& ev) {
  const ir::Node& arg = *node.args[0];
  const InstitutionSubject& self = subjects_[current];
  if (node.fn == ir::Fn::Prior) {
    auto found = byInstitution_.find({self.fixmedinsCode, previousPeriod(self.period, period_)});
    return found == byInstitution_.end() ? Value::missing() : valueAt(arg, found->second, ev);
  }
  if (current >= peerKeys_.size() || !peerKeys_[current].present) return Value::missing();
  const auto& group = groups_[{self.period, {true, peerKeys_[current].i}}];
  std::vector<long double> values;
  for (size_t i : group) {
    Value v = valueAt(arg, i, ev);
    if (v.present) values.push_back(static_cast<long double>(v.i));
  }
  if (values.empty()) return Value::missing();
  interp::Statistics stats = interp::describe(values);
  // The argument's representation to the result's (zscore is a dec; the others keep the kind).
  long double k = interp::rescale(arg.type.kind(), node.type.kind());
  switch (node.fn) {
    case ir::Fn::PeerMean:
      return Value::of(interp::roundHalfAway(stats.mean * k));
    case ir::Fn::PeerStddev:
      return Value::of(interp::roundHalfAway(stats.stddev * k));
    case ir::Fn::PeerMedian:
      return Value::of(interp::roundHalfAway(stats.median * k));
    case ir::Fn::Zscore: {
      Value x = valueAt(arg, current, ev);
      if (!x.present || stats.stddev == 0) return Value::missing();
      return Value::of(interp::roundHalfAway((static_cast<long double>(x.i) - stats.mean) / stats.stddev * 10000.0L));
    }
    default:
      return Value::missing();
  }
}

}  // namespace fundguard::engine
