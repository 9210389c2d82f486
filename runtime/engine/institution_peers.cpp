// See institution_peers.h.
#include "engine/institution_peers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace fundguard::engine {

using interp::Value;

InstitutionPeers::InstitutionPeers(const std::vector<InstitutionSubject>& subjects,
                                   std::vector<std::vector<Value>> frames, std::vector<Value> peerKeys,
                                   ir::Period period)
    : subjects_(subjects), frames_(std::move(frames)), peerKeys_(std::move(peerKeys)), period_(period) {
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
  auto key = std::make_pair(&arg, subject);
  if (auto found = memo_.find(key); found != memo_.end()) return found->second;
  std::vector<Value> saved = std::move(ev.frame);
  const auto* savedList = ev.loopList;
  ev.frame = frames_[subject];
  ev.loopList = nullptr;
  Value v = ev.eval(arg);
  ev.frame = std::move(saved);
  ev.loopList = savedList;
  memo_.emplace(key, v);
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
  long double sum = 0;
  for (long double v : values) sum += v;
  long double mean = sum / values.size();
  long double squares = 0;
  for (long double v : values) squares += (v - mean) * (v - mean);
  long double stddev = std::sqrt(squares / values.size());  // population: the peers are all there is
  auto round = [](long double x) { return static_cast<int64_t>(x < 0 ? -std::floor(-x + 0.5L) : std::floor(x + 0.5L)); };
  // The argument's representation to the result's (zscore is a dec; the others keep the kind).
  auto scale = [](ir::Kind k) -> long double { return k == ir::Kind::Money ? 100.0L : k == ir::Kind::Dec ? 10000.0L : 1.0L; };
  long double k = scale(node.type.kind()) / scale(arg.type.kind());
  switch (node.fn) {
    case ir::Fn::PeerMean: return Value::of(round(mean * k));
    case ir::Fn::PeerStddev: return Value::of(round(stddev * k));
    case ir::Fn::PeerMedian: {
      std::sort(values.begin(), values.end());
      size_t mid = values.size() / 2;
      long double m = values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
      return Value::of(round(m * k));
    }
    case ir::Fn::Zscore: {
      Value x = valueAt(arg, current, ev);
      if (!x.present || stddev == 0) return Value::missing();
      return Value::of(round((static_cast<long double>(x.i) - mean) / stddev * 10000.0L));
    }
    default: return Value::missing();
  }
}

}  // namespace fundguard::engine
