// See rule_runner.h.
#include "engine/rule_runner.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "engine/institution_peers.h"
#include "engine/subject_chunks.h"

namespace fundguard::engine {

using interp::Evaluator;
using interp::Value;

RuleRunner::RuleRunner(BoundData& data, Subjects& subjects, const ir::Rule& rule, size_t ruleIndex,
                       std::vector<Value> params)
    : data_(data), subjects_(subjects), rule_(rule), ruleIndex_(ruleIndex), params_(std::move(params)) {}

bool RuleRunner::effectiveOn(int64_t day) const {
  if (day == INT64_MIN) return true;
  return day >= rule_.effectiveFrom && day <= rule_.effectiveTo;
}

void RuleRunner::evaluateLets(Evaluator& ev) {
  for (const ir::Let& let : rule_.lets) ev.frame[let.slot] = ev.eval(*let.value);
}

// Per element; loopLetsDone says how far they got (peers recompute those for a peer's element).
void RuleRunner::evaluateLoopLets(Evaluator& ev) {
  ev.loopLetsDone = 0;
  for (const ir::Let& let : rule_.loopLets) {
    ev.frame[let.slot] = ev.eval(*let.value);
    ++ev.loopLetsDone;
  }
}

void RuleRunner::settlementKeys(Evaluator& ev, int64_t s, SubjectKeys& keys) {
  const ir::RuleSet& set = data_.set();
  auto table = static_cast<uint32_t>(set.settlementTable);
  keys.setlId = ev.rowKey(table, s);
  const Table* t = data_.table(table);
  auto text = [&](int link) {
    if (link < 0) return std::string();
    const Column& c = t->columns[set.tables[table].links[static_cast<size_t>(link)].ours[0]];
    return c.has(static_cast<size_t>(s)) ? std::string(ev.texts().text(c.at(static_cast<size_t>(s)))) : std::string();
  };
  keys.psnNo = text(set.settlementPerson);
  keys.fixmedinsCode = text(set.settlementInstitution);
}

void RuleRunner::lineKeys(Evaluator& ev, int64_t line, SubjectKeys& keys) {
  const ir::RuleSet& set = data_.set();
  auto table = static_cast<uint32_t>(set.feeLineTable);
  keys.feedetlSn = ev.rowKey(table, line);
}

void RuleRunner::rowRefs(Evaluator& ev, const ir::Node* node, std::vector<RowRef>& out) {
  if (!node) return;
  Value v = ev.eval(*node);
  const ir::Type& t = node->type;
  auto add = [&](const Value& row, uint32_t table) {
    if (row.present) out.push_back({data_.set().tables[table].layout.name, ev.rowKey(table, row.i)});
  };
  if (t.kind() == ir::Kind::Row) add(v, t.table());
  if (t.kind() == ir::Kind::List && t.element().kind() == ir::Kind::Row)
    for (const Value& row : v.items()) add(row, t.element().table());
}

bool RuleRunner::emit(Evaluator& ev, SubjectKeys keys, const Value* element, std::vector<Hit>& out) {
  // Person and institution rules apply only inside their effective dates: no hit on a settlement
  // dated outside them, nor for a period wholly outside them. (Line and claim subjects outside
  // them are not screened at all.) Both engines make their hits here, so they agree.
  if (rule_.scope == ir::ScopeKind::Institution) {
    auto [first, last] = Subjects::periodDays(keys.period);
    if (first <= last && (last < rule_.effectiveFrom || first > rule_.effectiveTo)) return false;
  }
  if (element && rule_.forEach && (rule_.scope == ir::ScopeKind::Person || rule_.scope == ir::ScopeKind::Institution)) {
    const ir::Type& et = rule_.forEach->type.element();
    if (et.kind() == ir::Kind::Row && static_cast<int>(et.table()) == data_.set().settlementTable &&
        !effectiveOn(subjects_.settlementDate(static_cast<uint32_t>(element->i))))
      return false;
  }
  // The hit's subject is the `for each` element when it is a fee line or a settlement.
  if (element && rule_.forEach) {
    const ir::Type& et = rule_.forEach->type.element();
    if (et.kind() == ir::Kind::Row && static_cast<int>(et.table()) == data_.set().settlementTable) {
      std::string period = keys.period;
      keys = {};
      settlementKeys(ev, element->i, keys);
      keys.period = period;
    } else if (et.kind() == ir::Kind::Row && static_cast<int>(et.table()) == data_.set().feeLineTable) {
      lineKeys(ev, element->i, keys);
    }
  }
  Hit hit;
  hit.rule = ruleIndex_;
  hit.setlId = keys.setlId;
  hit.feedetlSn = keys.feedetlSn;
  hit.psnNo = keys.psnNo;
  hit.fixmedinsCode = keys.fixmedinsCode;
  hit.period = keys.period;
  Value amount = ev.eval(*rule_.amount);
  if (amount.present) hit.amount = amount.i;
  Value fund = ev.eval(*rule_.fund);
  if (fund.present) hit.fundAmount = fund.i;
  rowRefs(ev, rule_.violating, hit.violating);
  rowRefs(ev, rule_.involved, hit.involved);
  for (const ir::MessagePart& part : rule_.message)
    hit.message += part.value ? ev.format(ev.eval(*part.value), part.value->type) : part.text;
  for (const ir::Evidence& e : rule_.evidence)
    hit.evidence.emplace_back(e.name, ev.format(ev.eval(*e.value), e.value->type));
  out.push_back(std::move(hit));
  return true;
}

uint64_t RuleRunner::screen(Evaluator& ev, const SubjectKeys& keys, std::vector<Hit>& out) {
  evaluateLets(ev);
  uint64_t undecided = 0;
  // True: a hit; unknown: no hit, counted as undecided (no data); false: no hit.
  auto decide = [&](const Value* element) {
    Value when = ev.eval(*rule_.when);
    bool made = false;
    if (when.isTrue())
      made = emit(ev, keys, element, out);
    else if (!when.present)
      ++undecided;
    if (observer_) observer_({ev, keys, element, when, made ? &out.back() : nullptr});
  };
  if (!rule_.forEach) {
    decide(nullptr);
    return undecided;
  }
  Value list = ev.eval(*rule_.forEach);
  const std::vector<Value>& items = list.items();
  ev.loopList = &items;
  for (size_t i = 0; i < items.size(); ++i) {
    ev.loopIndex = i;
    ev.frame[rule_.forEachSlot] = items[i];
    size_t pairs = rule_.forEachPairs ? items.size() : 1;
    for (size_t j = 0; j < pairs; ++j) {
      if (rule_.forEachPairs) {
        if (j == i) continue;
        ev.frame[rule_.forEachSecond] = items[j];
      }
      evaluateLoopLets(ev);
      decide(&items[i]);
    }
  }
  ev.loopList = nullptr;
  return undecided;
}

void RuleRunner::screenAt(Evaluator& ev, const SubjectKeys& keys, const FoundHit& at, std::vector<Hit>& out) {
  auto disagree = [&]() {
    throw std::logic_error("internal error: the JIT and the interpreter disagree on rule " + rule_.id + " (subject " +
                           std::to_string(at.subject) + ")");
  };
  evaluateLets(ev);
  if (!rule_.forEach) {
    if (at.element >= 0 || !ev.eval(*rule_.when).isTrue()) disagree();
    emit(ev, keys, nullptr, out);
    return;
  }
  Value list = ev.eval(*rule_.forEach);
  const std::vector<Value>& items = list.items();
  auto i = static_cast<size_t>(at.element);
  if (at.element < 0 || i >= items.size()) disagree();
  ev.loopList = &items;
  ev.loopIndex = i;
  ev.frame[rule_.forEachSlot] = items[i];
  if (rule_.forEachPairs) {
    auto j = static_cast<size_t>(at.second);
    if (at.second < 0 || j >= items.size() || j == i) disagree();
    ev.frame[rule_.forEachSecond] = items[j];
  }
  evaluateLoopLets(ev);
  if (!ev.eval(*rule_.when).isTrue()) disagree();
  emit(ev, keys, &items[i], out);
  ev.loopList = nullptr;
}

bool RuleRunner::fillLine(Evaluator& ev, const LineSubject& s, SubjectKeys& keys) {
  if (!effectiveOn(subjects_.settlementDate(s.settlement))) return false;
  const auto& slots = rule_.scopeSlots;
  ev.frame[slots[0]] = Value::of(s.line);
  ev.frame[slots[1]] = Value::of(s.settlement);
  settlementKeys(ev, s.settlement, keys);
  lineKeys(ev, s.line, keys);
  return true;
}

bool RuleRunner::fillClaim(Evaluator& ev, uint32_t s, SubjectKeys& keys) {
  if (!effectiveOn(subjects_.settlementDate(s))) return false;
  ev.frame[rule_.scopeSlots[0]] = Value::of(s);
  settlementKeys(ev, s, keys);
  return true;
}

bool RuleRunner::fillPerson(Evaluator& ev, const PersonSubject& s, SubjectKeys& keys) {
  const auto& slots = rule_.scopeSlots;
  ev.frame[slots[0]] = s.personRow < 0 ? Value::missing() : Value::of(s.personRow);
  std::vector<Value> rows;
  rows.reserve(s.settlements.size());
  for (uint32_t r : s.settlements) rows.push_back(Value::of(r));
  ev.frame[slots[1]] = Value::ofList(std::move(rows));
  keys.psnNo = ev.texts().text(s.psnNo);
  return true;
}

size_t RuleRunner::screenable() {
  size_t n = 0;
  switch (rule_.scope) {
    case ir::ScopeKind::Line:
      for (const LineSubject& s : subjects_.lines()) n += effectiveOn(subjects_.settlementDate(s.settlement)) ? 1 : 0;
      return n;
    case ir::ScopeKind::Claim:
      for (uint32_t s : subjects_.claims()) n += effectiveOn(subjects_.settlementDate(s)) ? 1 : 0;
      return n;
    case ir::ScopeKind::Person:
      return subjects_.persons().size();
    case ir::ScopeKind::Institution:
      return subjects_.institutions(rule_.period).size();
  }
  return 0;
}

void RuleRunner::materialize(const std::vector<FoundHit>& found, std::vector<Hit>& out) {
  if (found.empty()) return;
  if (rule_.scope == ir::ScopeKind::Institution) {
    runInstitutions(out, &found);
    return;
  }
  Evaluator ev(data_, rule_, params_);
  for (const FoundHit& at : found) {
    SubjectKeys keys;
    auto s = static_cast<size_t>(at.subject);
    ev.frame.assign(rule_.slots.size(), Value());
    bool ok = rule_.scope == ir::ScopeKind::Line    ? fillLine(ev, subjects_.lines()[s], keys)
              : rule_.scope == ir::ScopeKind::Claim ? fillClaim(ev, subjects_.claims()[s], keys)
                                                    : fillPerson(ev, subjects_.persons()[s], keys);
    if (!ok) throw std::logic_error("internal error: the JIT screened rule " + rule_.id + " outside its dates");
    screenAt(ev, keys, at, out);
  }
}

template <typename Subject, typename Fill>
size_t RuleRunner::runEach(const std::vector<Subject>& subjects, Fill fill, std::vector<Hit>& out, unsigned threads) {
  threads = chunkCount(subjects.size(), threads);
  std::vector<std::vector<Hit>> chunks(threads);
  std::vector<size_t> screened(threads, 0);
  std::vector<uint64_t> undecided(threads, 0);
  runChunks(subjects.size(), threads, [&](unsigned chunk, size_t begin, size_t end) {
    Evaluator ev(data_, rule_, params_);
    for (size_t i = begin; i < end; ++i) {
      SubjectKeys keys;
      if (!fill(ev, subjects[i], keys)) continue;
      if (only_ && !only_(keys)) continue;
      ++screened[chunk];
      undecided[chunk] += screen(ev, keys, chunks[chunk]);
    }
  });
  size_t total = 0;
  for (unsigned c = 0; c < threads; ++c) {
    total += screened[c];
    undecided_ += undecided[c];
    out.insert(out.end(), std::make_move_iterator(chunks[c].begin()), std::make_move_iterator(chunks[c].end()));
  }
  return total;
}

size_t RuleRunner::runInstitutions(std::vector<Hit>& out, const std::vector<FoundHit>* found) {
  const auto& subjects = subjects_.institutions(rule_.period);
  Evaluator ev(data_, rule_, params_);
  const auto& slots = rule_.scopeSlots;
  auto fill = [&](const InstitutionSubject& s) {
    ev.frame.assign(rule_.slots.size(), Value());
    ev.frame[slots[0]] = s.institutionRow < 0 ? Value::missing() : Value::of(s.institutionRow);
    ev.frame[slots[1]] = Value::of(ev.texts().id(s.period));
    std::vector<Value> rows;
    for (uint32_t r : s.settlements) rows.push_back(Value::of(r));
    ev.frame[slots[2]] = Value::ofList(std::move(rows));
  };
  // Every subject's own values first: peers and prior() read them. Making the hits the JIT
  // found for a rule that reads neither needs only those subjects' values.
  bool everyFrame = !found;
  for (const auto& node : rule_.arena) everyFrame = everyFrame || node->op == ir::Op::Peer;
  std::vector<bool> wanted(subjects.size(), everyFrame);
  if (!everyFrame)
    for (const FoundHit& at : *found) wanted[static_cast<size_t>(at.subject)] = true;
  std::vector<std::vector<Value>> frames;
  std::vector<Value> peerKeys;
  for (size_t i = 0; i < subjects.size(); ++i) {
    const InstitutionSubject& s = subjects[i];
    if (!wanted[i]) {
      frames.emplace_back();
      peerKeys.push_back(Value::missing());
      continue;
    }
    fill(s);
    evaluateLets(ev);
    peerKeys.push_back(rule_.peersBy ? ev.eval(*rule_.peersBy) : Value::missing());
    frames.push_back(ev.frame);
  }
  InstitutionPeers peers(rule_, subjects, frames, peerKeys);
  ev.peers = &peers;
  for (size_t i = 0; i < subjects.size(); ++i) {
    if (!wanted[i]) continue;
    peers.current = i;
    ev.frame = frames[i];
    SubjectKeys keys;
    keys.fixmedinsCode = ev.texts().text(subjects[i].fixmedinsCode);
    keys.period = subjects[i].period;
    // The lets are already in the frame; screen() recomputes them identically.
    if (only_ && !only_(keys)) continue;
    if (!found) {
      undecided_ += screen(ev, keys, out);
      continue;
    }
    for (const FoundHit& at : *found) {
      if (static_cast<size_t>(at.subject) != i) continue;
      ev.frame = frames[i];
      screenAt(ev, keys, at, out);
    }
  }
  return subjects.size();
}

size_t RuleRunner::run(std::vector<Hit>& out, unsigned threads) {
  switch (rule_.scope) {
    case ir::ScopeKind::Line:
      return runEach(
          subjects_.lines(),
          [&](Evaluator& ev, const LineSubject& s, SubjectKeys& keys) { return fillLine(ev, s, keys); }, out, threads);
    case ir::ScopeKind::Claim:
      return runEach(
          subjects_.claims(),
          [&](Evaluator& ev, const uint32_t& s, SubjectKeys& keys) { return fillClaim(ev, s, keys); }, out, threads);
    case ir::ScopeKind::Person:
      return runEach(
          subjects_.persons(),
          [&](Evaluator& ev, const PersonSubject& s, SubjectKeys& keys) { return fillPerson(ev, s, keys); }, out,
          threads);
    case ir::ScopeKind::Institution:
      return runInstitutions(out);
  }
  return 0;
}

}  // namespace fundguard::engine
