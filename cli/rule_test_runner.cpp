// See rule_test_runner.h.
#include "rule_test_runner.h"

#include <fmt/format.h>

#include <functional>
#include <set>

#include "data/scalar_values.h"
#include "engine/screening.h"
#include "io/cell_parser.h"

namespace fundguard::cli {

using namespace ast;

size_t TestReport::failed() const {
  size_t n = 0;
  for (const auto& t : tests) n += t.passed ? 0 : 1;
  return n;
}

namespace {

std::string valueText(const TestValue& v) {
  if (v.literal == LiteralKind::Percent) {  // 15% is the decimal 0.15
    auto scaled = parseDec(v.text);
    return (v.negative ? "-" : "") + (scaled ? formatDec(*scaled.value / 100) : v.text);
  }
  return (v.negative ? "-" : "") + v.text;
}

// One cell of a `given` row in the column's representation; false with a reason if it does not fit.
bool cell(const TestValue& v, const ColumnLayout& column, StringPool& pool, Column& out, std::string& error) {
  if (v.literal == LiteralKind::Null) {
    out.appendMissing();
    return true;
  }
  std::string text = valueText(v);
  if (column.kind != ValueKind::List) {
    int64_t value = 0;
    if (!parseCell(column.kind, text, pool, value, error)) return false;
    out.append(value);
    return true;
  }
  std::vector<int64_t> items;  // a list is written as in a data file: items separated by '|'
  size_t start = 0;
  for (size_t bar = 0; bar != std::string::npos; start = bar + 1) {
    bar = text.find('|', start);
    int64_t item = 0;
    if (!parseCell(column.element, std::string_view(text).substr(start, bar - start), pool, item, error)) return false;
    items.push_back(item);
  }
  out.appendList(items);
  return true;
}

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
      for (const auto& row : given->rows) {
        for (size_t c = 0; c < layout.columns.size(); ++c) {
          size_t pos = given->columns.size();
          for (size_t k = 0; k < given->columns.size(); ++k)
            if (given->columns[k].name == layout.columns[c].name) pos = k;
          std::string error;
          if (pos >= row.size()) {
            slot->columns[c].appendMissing();
          } else if (!cell(row[pos], layout.columns[c], data.strings, slot->columns[c], error)) {
            slot->columns[c].appendMissing();
            outcome.failures.push_back(fmt::format("{}.{}: {}", layout.name, layout.columns[c].name, error));
          }
        }
        ++slot->rows;
      }
    } else if (const auto* with = std::get_if<WithStep>(&at.step)) {
      options.params.push_back({rule.decl->id, with->param.name, valueText(with->value)});
    } else if (const auto* expect = std::get_if<ExpectStep>(&at.step)) {
      expects.push_back(expect);
    }
  }
  // A table the test does not give is empty, not absent: the test's data is all there is.
  for (const ir::TableRef& t : set.tables)
    if (!data.tables.count(t.layout.name)) data.tables[t.layout.name] = std::make_unique<Table>(t.layout);
  excludeReversals(set, data);
  engine::ScreeningResult result = engine::screen(set, data, options);
  for (const std::string& e : result.errors) outcome.failures.push_back(e);
  const engine::RuleOutcome& ran = result.rules[static_cast<size_t>(ruleIndex)];
  if (!ran.ran && result.errors.empty()) outcome.failures.push_back("the rule did not run: " + ran.skipped);
  for (const Hit& hit : result.hits) outcome.actual.push_back(hitText(hit));

  for (const ExpectStep* e : expects) {
    switch (e->kind) {
      case ExpectStep::Kind::Hit: {
        std::string key = e->key ? valueText(*e->key) : "";
        bool met = false;
        for (const Hit& hit : result.hits) {
          if (e->key && primaryKey(hit) != key) continue;
          auto same = [](const std::optional<TestValue>& want, const std::optional<int64_t>& have) {
            if (!want) return true;
            auto fen = parseMoney(valueText(*want));
            return fen && have && *fen.value == *have;
          };
          if (same(e->amount, hit.amount) && same(e->fund, hit.fundAmount)) met = true;
        }
        if (!met) {
          std::string want = "a hit" + (e->key ? " on " + key : std::string());
          if (e->amount) want += " amount " + valueText(*e->amount);
          if (e->fund) want += " fund " + valueText(*e->fund);
          outcome.failures.push_back("expected " + want);
        }
        break;
      }
      case ExpectStep::Kind::NoHit: {
        std::string key = e->key ? valueText(*e->key) : "";
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
