// See jit_peers.h.
#include "jit/jit_peers.h"

#include <functional>

#include "engine/institution_peers.h"
#include "interp/exact_numbers.h"

namespace fundguard::jit {

JitPeers::JitPeers(const CompiledRules& code, const InstitutionCode& rule, const KernelContext& context,
                   const std::vector<engine::InstitutionSubject>& subjects, std::vector<std::vector<Cell>> frames,
                   std::vector<Cell> peerKeys)
    : code_(code),
      rule_(rule),
      ir_(code.set().rules[rule.rule]),
      context_(context),
      subjects_(subjects),
      frames_(std::move(frames)),
      peerKeys_(std::move(peerKeys)),
      elements_(subjects.size(), nullptr) {
  for (const ir::Let& let : ir_.loopLets) asksPeers_.push_back(engine::asksPeers(let.value));
  for (size_t i = 0; i < subjects.size(); ++i) {
    byInstitution_[{subjects[i].fixmedinsCode, subjects[i].period}] = i;
    if (i < peerKeys_.size() && peerKeys_[i].present) groups_[{subjects[i].period, peerKeys_[i].v}].push_back(i);
  }
}

bool JitPeers::sameElement(const Cell& a, const Cell& b) const {
  const ir::Type& type = ir_.forEach->type.element();
  if (type.kind() != ir::Kind::Group || !a.present || !b.present) return a.present == b.present && a.v == b.v;
  const auto* x = reinterpret_cast<const Group*>(static_cast<intptr_t>(a.v));
  const auto* y = reinterpret_cast<const Group*>(static_cast<intptr_t>(b.v));
  size_t keys = code_.set().groups[type.group()].keys.size();
  for (size_t k = 0; k < keys; ++k)
    if (x->keys[k].present != y->keys[k].present || x->keys[k].v != y->keys[k].v) return false;
  return true;
}

Cell JitPeers::valueAt(size_t site, size_t subject, const Cell* frame, ThreadRuntime& runtime) {
  const codegen::PeerSite& s = code_.layout().peers[site];
  if (!s.inLoop)
    if (auto found = memo_.find({site, subject}); found != memo_.end()) return found->second;
  // What is kept (memoised values, each peer's `for each` list) is allocated where it lasts.
  struct ArenaSwitch {
    ThreadRuntime& rt;
    Arena* saved;
    ArenaSwitch(ThreadRuntime& r, Arena* to) : rt(r), saved(r.arena) { rt.arena = to; }
    ~ArenaSwitch() { rt.arena = saved; }
  } memoised(runtime, s.inLoop ? runtime.arena : &runtime.kept);
  std::vector<Cell> work = frames_[subject];
  if (s.inLoop) {
    const Cell& mine = frame[ir_.forEachSlot];
    if (!elements_[subject]) {
      std::vector<Cell> copy = frames_[subject];
      Cell list{0, 0};
      ArenaSwitch lasting(runtime, &runtime.kept);
      rule_.forEach(&context_, copy.data(), &list);
      elements_[subject] = reinterpret_cast<List*>(static_cast<intptr_t>(list.v));
    }
    const List* list = elements_[subject];
    const Cell* match = nullptr;
    for (int64_t k = 0; k < list->size && !match; ++k)
      if (sameElement(list->cells[k], mine)) match = &list->cells[k];
    if (!match) return Cell{0, 0};  // the peer has no such element: it takes no part
    work[ir_.forEachSlot] = *match;
    for (size_t k = 0; k < s.loopLetsDone && k < ir_.loopLets.size(); ++k)
      if (!asksPeers_[k]) rule_.loopLets[k](&context_, work.data(), &work[ir_.loopLets[k].slot]);
  }
  Cell v{0, 0};
  code_.peerArguments[site](&context_, work.data(), &v);
  if (!s.inLoop) memo_.emplace(std::make_pair(site, subject), v);
  return v;
}

Cell JitPeers::peer(size_t site, Cell* frame, ThreadRuntime& runtime) {
  const ir::Node& node = *code_.layout().peers[site].node;
  const ir::Node& arg = *node.args[0];
  const engine::InstitutionSubject& self = subjects_[current];
  if (node.fn == ir::Fn::Prior) {
    auto found =
        byInstitution_.find({self.fixmedinsCode, engine::InstitutionPeers::previousPeriod(self.period, ir_.period)});
    return found == byInstitution_.end() ? Cell{0, 0} : valueAt(site, found->second, frame, runtime);
  }
  if (current >= peerKeys_.size() || !peerKeys_[current].present) return Cell{0, 0};
  const auto& group = groups_[{self.period, peerKeys_[current].v}];
  std::vector<long double> values;
  for (size_t i : group) {
    Cell v = valueAt(site, i, frame, runtime);
    if (v.present) values.push_back(static_cast<long double>(v.v));
  }
  if (values.empty()) return Cell{0, 0};
  interp::Statistics stats = interp::describe(values);
  long double k = interp::rescale(arg.type.kind(), node.type.kind());
  switch (node.fn) {
    case ir::Fn::PeerMean:
      return Cell{interp::roundHalfAway(stats.mean * k), 1};
    case ir::Fn::PeerStddev:
      return Cell{interp::roundHalfAway(stats.stddev * k), 1};
    case ir::Fn::PeerMedian:
      return Cell{interp::roundHalfAway(stats.median * k), 1};
    case ir::Fn::Zscore: {
      Cell x = valueAt(site, current, frame, runtime);
      if (!x.present || stats.stddev == 0) return Cell{0, 0};
      return Cell{interp::roundHalfAway((static_cast<long double>(x.v) - stats.mean) / stats.stddev * 10000.0L), 1};
    }
    default:
      return Cell{0, 0};
  }
}

}  // namespace fundguard::jit
