// See bound_data.h.
#include "engine/bound_data.h"

#include <algorithm>
#include <functional>

namespace fundguard::engine {

BoundData::BoundData(const ir::RuleSet& set, Dataset& data) : set_(set), data_(data) {
  for (const ir::TableRef& t : set.tables) tables_.push_back(data.table(t.layout.name));
}

void BoundData::prepareIndex(uint32_t table, const std::vector<uint32_t>& columns) {
  auto key = std::make_pair(table, columns);
  if (indexes_.count(key) || !tables_[table]) return;
  std::vector<int> cols(columns.begin(), columns.end());
  indexes_.emplace(key, std::make_unique<KeyIndex>(*tables_[table], cols));
}

const KeyIndex* BoundData::index(uint32_t table, const std::vector<uint32_t>& columns) const {
  auto found = indexes_.find(std::make_pair(table, columns));
  return found == indexes_.end() ? nullptr : found->second.get();
}

void BoundData::prepareRule(const ir::Rule& rule, std::vector<uint32_t>& tablesRead) {
  auto note = [&](uint32_t t) { tablesRead.push_back(t); };
  std::function<void(const ir::Node*)> walk = [&](const ir::Node* n) {
    if (!n) return;
    for (const ir::Node* a : n->args) walk(a);
    switch (n->op) {
      case ir::Op::Field:
        note(n->table);
        break;
      case ir::Op::Link:
      case ir::Op::LinkMany: {
        const ir::LinkRef& link = set_.tables[n->args[0]->type.table()].links[n->index];
        note(link.target);
        prepareIndex(link.target, link.theirs);
        break;
      }
      case ir::Op::Lookup:
      case ir::Op::RowsWhere:
        note(n->table);
        prepareIndex(n->table, n->columns);
        break;
      default:
        break;
    }
  };
  for (const ir::Param& p : rule.params) walk(p.defaultValue);
  for (const ir::Let& l : rule.lets) walk(l.value);
  walk(rule.forEach);
  for (const ir::Let& l : rule.loopLets) walk(l.value);
  for (const ir::Node* n : {rule.peersBy, rule.when, rule.amount, rule.fund, rule.violating, rule.involved}) walk(n);
  for (const ir::MessagePart& m : rule.message) walk(m.value);
  for (const ir::Evidence& e : rule.evidence) walk(e.value);
  std::sort(tablesRead.begin(), tablesRead.end());
  tablesRead.erase(std::unique(tablesRead.begin(), tablesRead.end()), tablesRead.end());
}

}  // namespace fundguard::engine
