// See rule_test_runner.h.
#include "rule_test_runner.h"

#include <fmt/format.h>

#include <functional>
#include <set>

#include "data/scalar_values.h"
#include "engine/screening.h"
#include "io/cell_parser.h"
#include "sema/row_values.h"

namespace fundguard::cli {

using namespace ast;

size_t TestReport::failed() const {
  size_t n = 0;
  for (const auto& t : tests) n += t.passed ? 0 : 1;
  return n;
}

namespace {

// The key a test's `expect hit KEY` names: the hit's most specific subject key.
std::string primaryKey(const Hit& hit) {
  for (const std::string* k : {&hit.feedetlSn, &hit.setlId, &hit.psnNo, &hit.fixmedinsCode})
    if (!k->empty()) return *k;
  return "";
}

std::string hitText(const Hit& hit) {
  return fmt::format("{} amount {} fund {}", primaryKey(hit), hit.amount ? formatMoney(*hit.amount) : "-",
                     hit.fundAmount ? formatMoney(*hit.fundAmount) : "-");
}

// Reversal records (refd_setl_flag = 1) are left out of a test's data as the loader leaves them
// out of a dataset, with their fee lines.
void excludeReversals(const ir::RuleSet& set, Dataset& data) {
  if (set.settlementTable < 0) return;
  const ir::TableRef& ref = set.tables[static_cast<size_t>(set.settlementTable)];
  Table* settlement = data.table(ref.layout.name);
  int flag = ref.layout.columnIndex("refd_setl_flag");
  if (!settlement || flag < 0 || ref.key.size() != 1) return;
  uint32_t one;
  if (!data.strings.find("1", one)) return;
  std::vector<bool> drop(settlement->rows);
  std::set<int64_t> dropped;
  const Column& f = settlement->columns[static_cast<size_t>(flag)];
  for (size_t r = 0; r < settlement->rows; ++r)
    if (f.has(r) && f.at(r) == one) {
      drop[r] = true;
      dropped.insert(settlement->columns[ref.key[0]].at(r));
    }
  auto filter = [&](Table& t, const std::function<bool(size_t)>& keep) {
    Table kept(t.layout);
    for (size_t r = 0; r < t.rows; ++r) {
      if (!keep(r)) continue;
      for (size_t c = 0; c < t.columns.size(); ++c) {
        const Column& from = t.columns[c];
        if (from.layout.kind == ValueKind::List) {
          std::vector<int64_t> items(from.listBegin(r), from.listBegin(r) + from.listSize(r));
          if (from.has(r))
            kept.columns[c].appendList(items);
          else
            kept.columns[c].appendMissing();
        } else if (from.has(r)) {
          kept.columns[c].append(from.at(r));
        } else {
          kept.columns[c].appendMissing();
        }
      }
      ++kept.rows;
    }
    t = std::move(kept);
  };
  filter(*settlement, [&](size_t r) { return !drop[r]; });
  if (set.feeLineTable >= 0 && set.lineToSettlement >= 0) {
    const ir::TableRef& feeRef = set.tables[static_cast<size_t>(set.feeLineTable)];
    if (Table* fee = data.table(feeRef.layout.name)) {
      uint32_t col = feeRef.links[static_cast<size_t>(set.lineToSettlement)].ours[0];
      filter(*fee, [&](size_t r) { return !fee->columns[col].has(r) || !dropped.count(fee->columns[col].at(r)); });
    }
  }
}

TestOutcome runOne(const CheckResult& checked, const CheckedRule& rule, int ruleIndex, const TestClause& test,
                   Span span, const ir::RuleSet& set, const engine::ScreeningOptions& base) {
  TestOutcome outcome;
  outcome.rule = rule.decl->id;
  outcome.test = test.name;
  outcome.file = rule.module->path;
  outcome.line = checked.program->sources.file(span.file).position(span.begin).line;
  Dataset data;
  engine::ScreeningOptions options = base;
  options.onlyRule = ruleIndex;
  std::vector<const ExpectStep*> expects;
  for (const TestStepAt& at : test.steps) {
    if (const auto* given = std::get_if<GivenStep>(&at.step)) {
      int t = set.tableIndex(given->table.name);
      if (t < 0) {
        outcome.failures.push_back("no table " + given->table.name);
        continue;
      }
      const TableLayout& layout = set.tables[static_cast<size_t>(t)].layout;
      auto& slot = data.tables[layout.name];
      if (!slot) slot = std::make_unique<Table>(layout);
      for (size_t r = 0; r < given->block.rows.size(); ++r) {
        std::string error;
        if (!appendTextRow(*slot, textRow(given->block, r, layout), data.strings, error))
          outcome.failures.push_back(fmt::format("{}.{}", layout.name, error));
      }
    } else if (const auto* with = std::get_if<WithStep>(&at.step)) {
      options.params.push_back({rule.decl->id, with->param.name, rowValueText(with->value)});
    } else if (const auto* expect = std::get_if<ExpectStep>(&at.step)) {
      expects.push_back(expect);
    }
  }
  // A table the test does not give is empty, not absent: the test's data is all there is;
  // except that reference rows shipped with a table's declaration are there, as in a run.
  for (const ir::TableRef& t : set.tables) {
    if (data.tables.count(t.layout.name)) continue;
    auto table = std::make_unique<Table>(t.layout);
    for (const TextRow& row : t.layout.shippedRows) {
      std::string error;
      if (!appendTextRow(*table, row, data.strings, error)) outcome.failures.push_back(t.layout.name + "." + error);
    }
    data.tables[t.layout.name] = std::move(table);
  }
  excludeReversals(set, data);
  engine::ScreeningResult result = engine::screen(set, data, options);
  for (const std::string& e : result.errors) outcome.failures.push_back(e);
  const engine::RuleOutcome& ran = result.rules[static_cast<size_t>(ruleIndex)];
  if (!ran.ran && result.errors.empty()) outcome.failures.push_back("the rule did not run: " + ran.skipped);
  for (const Hit& hit : result.hits) outcome.actual.push_back(hitText(hit));

  for (const ExpectStep* e : expects) {
    switch (e->kind) {
      case ExpectStep::Kind::Hit: {
        std::string key = e->key ? rowValueText(*e->key) : "";
        bool met = false;
        for (const Hit& hit : result.hits) {
          if (e->key && primaryKey(hit) != key) continue;
          auto same = [](const std::optional<TestValue>& want, const std::optional<int64_t>& have) {
            if (!want) return true;
            auto fen = parseMoney(rowValueText(*want));
            return fen && have && *fen.value == *have;
          };
          if (same(e->amount, hit.amount) && same(e->fund, hit.fundAmount)) met = true;
        }
        if (!met) {
          std::string want = "a hit" + (e->key ? " on " + key : std::string());
          if (e->amount) want += " amount " + rowValueText(*e->amount);
          if (e->fund) want += " fund " + rowValueText(*e->fund);
          outcome.failures.push_back("expected " + want);
        }
        break;
      }
      case ExpectStep::Kind::NoHit: {
        std::string key = e->key ? rowValueText(*e->key) : "";
        for (const Hit& hit : result.hits)
          if (!e->key || primaryKey(hit) == key) {
            outcome.failures.push_back("expected no hit" + (e->key ? " on " + key : std::string()) + ", got " +
                                       hitText(hit));
            break;
          }
        break;
      }
      case ExpectStep::Kind::Count:
        if (static_cast<int64_t>(result.hits.size()) != e->count)
          outcome.failures.push_back(fmt::format("expected {} hits, got {}", e->count, result.hits.size()));
        break;
    }
  }
  outcome.passed = outcome.failures.empty();
  return outcome;
}

}  // namespace

TestReport runRuleTests(const CheckResult& checked, const std::vector<CheckedRule>& rules, const ir::RuleSet& set,
                        const engine::ScreeningOptions& base) {
  TestReport report;
  int index = 0;
  for (const CheckedRule& rule : rules) {
    if (!rule.ok) continue;
    bool any = false;
    for (const Clause& clause : rule.decl->clauses)
      if (const auto* test = std::get_if<TestClause>(&clause.body)) {
        any = true;
        report.tests.push_back(runOne(checked, rule, index, *test, clause.span, set, base));
      }
    if (!any) report.untested.push_back(rule.decl->id);
    ++index;
  }
  return report;
}

}  // namespace fundguard::cli
