// See jit_screening.h.
#include "jit/jit_screening.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "engine/subject_chunks.h"
#include "jit/jit_peers.h"
#include "jit/thread_runtime.h"

namespace fundguard::jit {

namespace {

// The parts of the KernelContext that every thread shares, with the memory they point to.
struct SharedContext {
  std::vector<std::vector<ColumnView>> columns;
  std::vector<const ColumnView*> tables;
  std::vector<Cell> params;
  std::vector<std::unique_ptr<List>> paramLists;  // list parameters (`set of str`)
  std::vector<std::vector<Cell>> paramItems;
  std::vector<int64_t> texts;
  std::vector<int64_t> dates;
  std::vector<uint8_t> enabled;
  std::vector<std::vector<int32_t>> joins;  // per join index of the module
  std::vector<const int32_t*> links;
  std::vector<std::vector<Cell>> manyCells;  // per list join index: the rows' cells, row after row
  std::vector<std::vector<List>> manyLists;  // and per source row its List over them
  std::vector<const List*> manyLinks;
  KernelContext context{};

  SharedContext(const CompiledRules& code, engine::BoundData& bound, engine::Subjects& subjects,
                const std::vector<bool>& run, const std::vector<std::vector<interp::Value>>& values) {
    const ir::RuleSet& set = code.set();
    columns.resize(set.tables.size());
    for (size_t t = 0; t < set.tables.size(); ++t) {
      const Table* table = bound.table(static_cast<uint32_t>(t));
      if (!table) {
        tables.push_back(nullptr);
        continue;
      }
      for (const Column& c : table->columns) columns[t].push_back({c.values.data(), c.present.data()});
      tables.push_back(columns[t].data());
    }
    for (const auto& rule : values)
      for (const interp::Value& v : rule) {
        if (!v.list) {
          params.push_back({v.i, v.present ? 1 : 0});
          continue;
        }
        auto& items = paramItems.emplace_back();
        for (const interp::Value& item : *v.list) items.push_back({item.i, item.present ? 1 : 0});
        auto size = static_cast<int64_t>(items.size());
        paramLists.push_back(std::make_unique<List>(List{size, size, items.data()}));
        params.push_back({static_cast<int64_t>(reinterpret_cast<intptr_t>(paramLists.back().get())), 1});
      }
    for (const std::string& text : code.layout().texts) texts.push_back(bound.dataset().strings.intern(text));
    if (set.settlementTable >= 0)
      if (const Table* s = bound.table(static_cast<uint32_t>(set.settlementTable)))
        for (size_t row = 0; row < s->rows; ++row) dates.push_back(subjects.settlementDate(static_cast<uint32_t>(row)));
    for (bool r : run) enabled.push_back(r ? 1 : 0);
    for (const auto& [table, link] : code.layout().links) joins.push_back(joinIndex(bound, table, link));
    for (const auto& join : joins) links.push_back(join.empty() ? nullptr : join.data());
    for (const auto& [table, link] : code.layout().manyLinks) {
      manyCells.emplace_back();
      manyLists.emplace_back();
      listJoinIndex(bound, table, link, manyCells.back(), manyLists.back());
      manyLinks.push_back(manyLists.back().empty() ? nullptr : manyLists.back().data());
    }
    context.tables = tables.data();
    context.params = params.data();
    context.texts = texts.data();
    context.settlementDates = dates.data();
    context.enabled = enabled.data();
    context.links = links.data();
    context.manyLinks = manyLinks.data();
  }

  // The rows each row of `table` names through a link to many, as Lists (made once, shared).
  static void listJoinIndex(engine::BoundData& bound, uint32_t table, uint32_t link, std::vector<Cell>& cells,
                            std::vector<List>& lists) {
    const ir::LinkRef& ref = bound.set().tables[table].links[link];
    const Table* source = bound.table(table);
    const KeyIndex* index = bound.index(ref.target, ref.theirs);
    if (!source || !index) return;
    std::vector<RowSpan> found(source->rows);
    size_t total = 0;
    for (size_t row = 0; row < source->rows; ++row) {
      found[row] = linked(*source, ref, *index, row);
      total += found[row].size();
    }
    cells.reserve(total);
    lists.reserve(source->rows);
    for (size_t row = 0; row < source->rows; ++row) {
      auto size = static_cast<int64_t>(found[row].size());
      lists.push_back(List{size, size, cells.data() + cells.size()});
      for (uint32_t r : found[row]) cells.push_back(Cell{r, 1});
    }
  }

  // The rows of the link's target that a row names (none when a key cell is missing).
  static RowSpan linked(const Table& source, const ir::LinkRef& ref, const KeyIndex& index, size_t row) {
    int64_t key[16];
    if (ref.ours.size() > 16) return {};
    for (size_t k = 0; k < ref.ours.size(); ++k) {
      const Column& c = source.columns[ref.ours[k]];
      if (!c.has(row)) return {};
      key[k] = c.at(row);
    }
    return index.find(key);
  }

  // Per row of `table`, the row of the link's target that it names (-1: none); empty when the
  // table or the link's index is not there (no rule that runs follows it).
  static std::vector<int32_t> joinIndex(engine::BoundData& bound, uint32_t table, uint32_t link) {
    const ir::LinkRef& ref = bound.set().tables[table].links[link];
    const Table* source = bound.table(table);
    const KeyIndex* index = bound.index(ref.target, ref.theirs);
    if (!source || !index) return {};
    std::vector<int32_t> out(source->rows, -1);
    for (size_t row = 0; row < source->rows; ++row)
      if (RowSpan rows = linked(*source, ref, *index, row)) out[row] = static_cast<int32_t>(rows.front());
    return out;
  }
};

struct Screening {
  const CompiledRules& code;
  engine::BoundData& bound;
  engine::Subjects& subjects;
  const std::vector<std::vector<interp::Value>>& params;
  SharedContext& shared;
  std::vector<std::vector<Hit>>& hitsByRule;
  std::vector<uint64_t>& undecided;  // per rule: decisions whose condition was unknown
  std::mutex undecidedLock;

  void countUndecided(const ThreadRuntime& runtime) {
    std::lock_guard<std::mutex> lock(undecidedLock);
    for (size_t r = 0; r < undecided.size(); ++r) undecided[r] += runtime.undecided[r];
  }

  // Turns a thread's candidates into hits, rule by rule, in the order found.
  void materialize(std::vector<Candidate>& candidates, std::vector<std::vector<Hit>>& out) {
    std::map<uint32_t, std::vector<engine::FoundHit>> byRule;
    for (const Candidate& c : candidates) byRule[c.rule].push_back({c.subject, c.element, c.second});
    for (auto& [rule, found] : byRule) {
      engine::RuleRunner runner(bound, subjects, code.set().rules[rule], rule, params[rule]);
      runner.materialize(found, out[rule]);
    }
    candidates.clear();
  }

  // Runs kernel(context, begin, end) over `count` subjects on up to `threads` threads.
  void parallel(size_t count, unsigned threads,
                const std::function<void(const KernelContext&, int64_t, int64_t)>& kernel) {
    threads = engine::chunkCount(count, threads);
    std::vector<std::vector<std::vector<Hit>>> chunks(threads, std::vector<std::vector<Hit>>(hitsByRule.size()));
    engine::runChunks(count, threads, [&](unsigned chunk, size_t begin, size_t end) {
      ThreadRuntime runtime(bound, code);
      KernelContext context = shared.context;
      context.runtime = &runtime;
      kernel(context, static_cast<int64_t>(begin), static_cast<int64_t>(end));
      countUndecided(runtime);
      materialize(runtime.candidates, chunks[chunk]);
    });
    for (auto& chunk : chunks)
      for (size_t r = 0; r < chunk.size(); ++r)
        hitsByRule[r].insert(hitsByRule[r].end(), std::make_move_iterator(chunk[r].begin()),
                             std::make_move_iterator(chunk[r].end()));
  }

  void institution(const InstitutionCode& rule) {
    const ir::Rule& ir = code.set().rules[rule.rule];
    const auto& all = subjects.institutions(ir.period);
    ThreadRuntime runtime(bound, code);
    KernelContext context = shared.context;
    context.runtime = &runtime;
    runtime.arena = &runtime.kept;  // the frames' lists last until the rule is done
    // First pass: every subject's lets (without peers), its frame and its peer key.
    std::vector<std::vector<Cell>> frames;
    std::vector<Cell> peerKeys;
    for (size_t i = 0; i < all.size(); ++i) {
      const engine::InstitutionSubject& s = all[i];
      std::vector<Cell> frame(std::max<size_t>(1, ir.slots.size()), Cell{0, 0});
      frame[ir.scopeSlots[0]] = s.institutionRow < 0 ? Cell{0, 0} : Cell{s.institutionRow, 1};
      frame[ir.scopeSlots[1]] = Cell{runtime.texts.id(s.period), 1};
      List* list = runtime.newList(static_cast<int64_t>(s.settlements.size()));
      for (uint32_t r : s.settlements) list->cells[list->size++] = Cell{r, 1};
      frame[ir.scopeSlots[2]] = Cell{static_cast<int64_t>(reinterpret_cast<intptr_t>(list)), 1};
      rule.lets(&context, frame.data(), static_cast<int64_t>(i));
      Cell key{0, 0};
      if (rule.peersBy) rule.peersBy(&context, frame.data(), &key);
      peerKeys.push_back(key);
      frames.push_back(std::move(frame));
    }
    // Second pass: screening, with the peers' values at hand.
    JitPeers peers(code, rule, context, all, frames, std::move(peerKeys));
    runtime.peers = &peers;
    runtime.arena = &runtime.scratch;
    for (size_t i = 0; i < all.size(); ++i) {
      runtime.scratch.reset();
      peers.current = i;
      std::vector<Cell> work = frames[i];
      rule.screen(&context, work.data(), static_cast<int64_t>(i));
    }
    runtime.peers = nullptr;
    countUndecided(runtime);
    std::vector<std::vector<Hit>> out(hitsByRule.size());
    materialize(runtime.candidates, out);
    for (size_t r = 0; r < out.size(); ++r)
      hitsByRule[r].insert(hitsByRule[r].end(), std::make_move_iterator(out[r].begin()),
                           std::make_move_iterator(out[r].end()));
  }
};

// ScopeSubjects of the person scope: each person's row and settlements, kept for the run.
struct PersonSubjects {
  std::vector<ScopeSubject> subjects;
  std::vector<List> lists;
  std::vector<Cell> cells;

  explicit PersonSubjects(const std::vector<engine::PersonSubject>& persons) {
    size_t total = 0;
    for (const auto& p : persons) total += p.settlements.size();
    cells.reserve(total);
    lists.reserve(persons.size());
    for (const auto& p : persons) {
      List list{static_cast<int64_t>(p.settlements.size()), static_cast<int64_t>(p.settlements.size()),
                cells.data() + cells.size()};
      for (uint32_t s : p.settlements) cells.push_back({s, 1});
      lists.push_back(list);
      ScopeSubject subject{};
      subject.row = p.personRow < 0 ? Cell{0, 0} : Cell{p.personRow, 1};
      subject.settlements = &lists.back();
      subjects.push_back(subject);
    }
  }
};

}  // namespace

void screenCompiled(const CompiledRules& code, engine::BoundData& bound, engine::Subjects& subjects,
                    const std::vector<bool>& run, const std::vector<std::vector<interp::Value>>& params,
                    unsigned threads, std::vector<Hit>& hits, std::vector<engine::RuleOutcome>& outcomes,
                    double scopeSeconds[4]) {
  using Clock = std::chrono::steady_clock;
  auto timed = [&](ir::ScopeKind scope, const std::function<void()>& work) {
    auto start = Clock::now();
    work();
    scopeSeconds[static_cast<int>(scope)] += std::chrono::duration<double>(Clock::now() - start).count();
  };
  const ir::RuleSet& set = code.set();
  auto any = [&](ir::ScopeKind scope) {
    for (size_t r = 0; r < set.rules.size(); ++r)
      if (run[r] && set.rules[r].scope == scope) return true;
    return false;
  };
  // Subjects are made before the threads start (they are built lazily).
  if (any(ir::ScopeKind::Line)) subjects.lines();
  if (any(ir::ScopeKind::Claim)) subjects.claims();
  if (any(ir::ScopeKind::Person)) subjects.persons();
  SharedContext shared(code, bound, subjects, run, params);
  std::vector<std::vector<Hit>> byRule(set.rules.size());
  std::vector<uint64_t> undecided(set.rules.size(), 0);
  Screening screening{code, bound, subjects, params, shared, byRule, undecided, {}};

  if (code.lineKernel && any(ir::ScopeKind::Line))
    timed(ir::ScopeKind::Line, [&]() {
      const auto* pairs = reinterpret_cast<const uint32_t*>(subjects.lines().data());
      static_assert(sizeof(engine::LineSubject) == 2 * sizeof(uint32_t), "line subjects are pairs of row numbers");
      screening.parallel(subjects.lines().size(), threads, [&](const KernelContext& c, int64_t begin, int64_t end) {
        code.lineKernel(&c, pairs, begin, end);
      });
    });
  if (code.claimKernel && any(ir::ScopeKind::Claim))
    timed(ir::ScopeKind::Claim, [&]() {
      const uint32_t* claims = subjects.claims().data();
      screening.parallel(subjects.claims().size(), threads, [&](const KernelContext& c, int64_t begin, int64_t end) {
        code.claimKernel(&c, claims, begin, end);
      });
    });
  if (code.personKernel && any(ir::ScopeKind::Person))
    timed(ir::ScopeKind::Person, [&]() {
      PersonSubjects persons(subjects.persons());
      screening.parallel(persons.subjects.size(), threads, [&](const KernelContext& c, int64_t begin, int64_t end) {
        code.personKernel(&c, persons.subjects.data(), begin, end);
      });
    });
  for (const InstitutionCode& rule : code.institutions)
    if (run[rule.rule]) timed(ir::ScopeKind::Institution, [&]() { screening.institution(rule); });

  for (size_t r = 0; r < set.rules.size(); ++r) {
    if (!run[r]) continue;
    engine::RuleRunner runner(bound, subjects, set.rules[r], r, params[r]);
    outcomes[r].subjects = runner.screenable();
    outcomes[r].hits = byRule[r].size();
    outcomes[r].undecided = undecided[r];
    outcomes[r].ran = true;
    hits.insert(hits.end(), std::make_move_iterator(byRule[r].begin()), std::make_move_iterator(byRule[r].end()));
  }
}

}  // namespace fundguard::jit
